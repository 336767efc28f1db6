"""The askers of a question header, read from separator to separator (_persons)."""

from __future__ import annotations

import pytest

from qalint.model import Person
from qalint.parse.header import _persons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            " Hoekstra (CDA), Postma (DENK) en Timmer (DENK)",
            (Person("Hoekstra", "CDA"), Person("Postma", "DENK"), Person("Timmer", "DENK")),
        ),
        (
            " De Groot en Wolters (beiden JA21)",
            (Person("De Groot", "JA21"), Person("Wolters", "JA21")),
        ),
        (" A, B en C (allen SP)", (Person("A", "SP"), Person("B", "SP"), Person("C", "SP"))),
        # Nested parentheses belong to the party; an unmatched one closes nothing.
        (" X (VVD (oud)) en Y", (Person("X", "VVD (oud)"), Person("Y", None))),
        (" X) en Y", (Person("Y", None),)),
        # "en" twice, "den" is no separator, a trailing "en" before a comma.
        (" Van den Berg en en Koen", (Person("Van den Berg", None), Person("Koen", None))),
        (" Jansen en,", (Person("Jansen", None),)),
        ("", ()),
    ],
)
def test_persons(text: str, expected: tuple[Person, ...]) -> None:
    assert _persons(text) == expected
