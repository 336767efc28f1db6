"""Shortcuts of the header region's parser must never disagree with the full tests.

The running text, the header and the weekday dates take cheap looks before their
patterns and searches; these tests check each look against what it stands for, on every
line of the real corpus, the fixtures and the regressions.
"""

from __future__ import annotations

import pytest

from qalint.parse.dates import _HAS_WEEKDAY, _weekday_hits
from qalint.parse.normalise import _PAGE_NUMBER
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
    "dagdag 3",
    "dag\u00a05 en dag\t6",
    "maandag\n3",
    "dag3",
    "dag  12dag 4",
    "zondag",
    "dag",
    "",
]


@pytest.mark.parametrize(
    "texts", [[" ".join(lines) for lines in DOCUMENTS], WEEKDAY_EDGES], ids=["corpus", "edges"]
)
def test_weekday_hits_are_those_of_the_pattern(texts: list[str]) -> None:
    for text in texts:
        expected = [match.span() for match in _HAS_WEEKDAY.finditer(text)]
        assert [hit.span() for hit in _weekday_hits(text)] == expected, text
