"""Shortcuts of the header region's parser must never disagree with the full tests.

The running text, the header and the weekday dates take cheap looks before their
patterns and searches; these tests check each look against what it stands for, on every
line of the real corpus, the fixtures and the regressions.
"""

from __future__ import annotations

import re

import pytest

from qalint.model import DateField
from qalint.parse.dates import (
    _HAS_WEEKDAY,
    _HAS_WEEKDAY_CAPITALS,
    _WEEKDAY_DATE,
    WEEKDAYS,
    _name,
    make_date,
    weekday_dates,
)
from qalint.parse.normalise import _PAGE_NUMBER, RunningText, running_text
from tests.test_parse_prefilters import DOCUMENTS, EDGES, LINES

PAGE_NUMBERS = ["7", " 12 ", "\u00a0123\f", "\t0", "1234", "12a", "\u00b2", "\u0661"]


@pytest.mark.parametrize("lines", [LINES, EDGES + PAGE_NUMBERS], ids=["corpus", "edges"])
def test_page_numbers_are_at_most_three_characters_stripped(lines: list[str]) -> None:
    # running_text tests a stripped line for a page number only when it is that short.
    found = 0
    for line in lines:
        if _PAGE_NUMBER.match(line):
            found += 1
            assert len(line.strip()) < 4, line
    assert found > 0


WEEKDAY_EDGES = [
    "dinsdag 3 juni 2014",
    "Op Donderdag  3 Juni 2014 en ZATERDAG 7 JUNI 2014, d\u0131nsdag 9 juni 2014.",
    "maandag 31 februari 2014, vrijdag 3 juni 20145, dag 3 juni 2014 zondag 4 juli 2014",
    "dagdag 3",
    "dag\u00a05 en dag\t6",
    "maandag\n3",
    "dag3",
    "dag  12dag 4",
    "zondag",
    "dag",
    "",
]


def _plain_weekday_dates(running: RunningText) -> tuple[DateField, ...]:
    """weekday_dates with the pattern's own scan for each "...dag 3"."""
    found = []
    text = running.text
    done = 0
    hits = sorted(
        [*_HAS_WEEKDAY.finditer(text), *re.finditer(_HAS_WEEKDAY_CAPITALS, text)],
        key=re.Match.start,
    )
    for hit in hits:
        if hit.start() < done:
            continue
        match = _WEEKDAY_DATE.search(text, max(done, hit.start() - 6), hit.end() + 24)
        if match is None or match.start() > hit.start():
            continue
        done = match.end()
        weekday, day, month, year = match.groups()
        value, problem = make_date(day, month, year)
        span = running.span(match.start(), done)
        weekday = _name(weekday, WEEKDAYS)
        found.append(DateField("text", match.group(0), span, value, problem, weekday))
    return tuple(found)


@pytest.mark.parametrize(
    "texts", [[" ".join(lines) for lines in DOCUMENTS], WEEKDAY_EDGES], ids=["corpus", "edges"]
)
def test_weekday_dates_are_those_of_the_pattern(texts: list[str]) -> None:
    found = 0
    for text in texts:
        running = running_text((text,), artefact=[False], footers=frozenset())
        expected = _plain_weekday_dates(running)
        assert weekday_dates(running) == expected, text
        found += len(expected)
    assert found > 0
