"""normalise._next_starts_lower calls the page-number pattern only on short lines: it must
decide as the full form does, which tries the pattern on every line."""

from __future__ import annotations

import random

import pytest

from qalint.parse.normalise import _PAGE_NUMBER, _next_starts_lower, content_start, is_artefact
from tests.test_running_text_plain_form import PIECES


def _full_form(lines: tuple[str, ...], index: int, stop: int, flags: list[bool]) -> bool:
    for following in range(index, stop):
        line = lines[following]
        if flags[following] or not line.strip() or _PAGE_NUMBER.match(line):
            continue
        return line[content_start(line) :].lstrip()[:1].islower()
    return False


#: Page numbers and near misses: blanks around them, four digits, digits of other
#: scripts, white space that the pattern does not take.
NUMBERS = ["7", " 12 ", "\u00a0123\t", "\f99", "1234", "\u0661\u0662", "\u00b2", "12\u2003", "\v3"]


@pytest.mark.parametrize("seed", range(4))
def test_next_starts_lower_decides_as_the_full_form(seed: int) -> None:
    chooser = random.Random(seed)
    pieces = PIECES + NUMBERS * 3
    for _ in range(3_000):
        lines = tuple(
            "".join(chooser.choices(pieces, k=chooser.randint(0, 2)))
            for _ in range(chooser.randint(1, 6))
        )
        flags = [is_artefact(line) for line in lines]
        index = chooser.randint(0, len(lines))
        stop = chooser.randint(index, len(lines))
        assert _next_starts_lower(lines, index, stop, flags) == _full_form(
            lines, index, stop, flags
        ), lines
