"""Dates in the header and the text: the case-insensitive patterns read a few letters
outside ASCII as ASCII ones, and the parser must read those dates too, never raise."""

from __future__ import annotations

import datetime as dt

import pytest

from qalint.parse import parse
from qalint.parse.dates import MONTHS, WEEKDAYS
from qalint.source import split_lines

#: Letters that Python's case-insensitive matching pairs with an ASCII letter while
#: ``str.lower()`` leaves them as they are.
_LOOKALIKES = {"s": "\u017f", "i": "\u0131", "k": "\u212a"}


def _lookalike(word: str) -> str:
    return "".join(_LOOKALIKES.get(char, char) for char in word)


def _document(submitted: str, in_text: str) -> str:
    return (
        f"Vragen van het lid Jansen (PVV) aan de minister van Financiën over iets"
        f" (ingezonden {submitted}).\n\nVraag 1\nWat is er gebeurd?\n\nAntwoord 1\n"
        f"Op {in_text} is het gebeurd.\n"
    )


@pytest.mark.parametrize("month", range(1, 13))
def test_months_with_lookalike_letters_are_read(month: int) -> None:
    name = MONTHS[month - 1]
    day = dt.date(2024, month, 3)
    weekday = WEEKDAYS[day.weekday()]
    doc = parse(
        "concept.txt",
        split_lines(
            _document(f"3 {_lookalike(name)} 2024", f"{_lookalike(weekday)} 3 {name} 2024")
        ),
    )
    submitted, in_text = doc.dates
    assert (submitted.value, submitted.problem) == (day, None)
    assert (in_text.value, in_text.weekday) == (day, weekday)


def test_a_mixed_case_month_is_read() -> None:
    doc = parse(
        "concept.txt", split_lines(_document("3 SepteMBER 2024", "DINSDAG 3 september 2024"))
    )
    assert [(field.value, field.weekday) for field in doc.dates] == [
        (dt.date(2024, 9, 3), None),
        (dt.date(2024, 9, 3), "dinsdag"),
    ]
