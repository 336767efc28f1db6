"""build_blocks counts and places each block's body with searches in the sorted skipped
lines, carrying where one body's skipped lines end over to the next: both must agree
with counting the lines one by one, also when a footnote line falls on a label's line.
"""

from __future__ import annotations

import random

import pytest

from qalint.parse.blocks import build_blocks, find_labels
from tests.helpers import fixture_lines

DOCUMENTS = [lines for _, lines in fixture_lines()]


def _bodies_by_counting(
    lines: tuple[str, ...], labels: list, skipped: set[int]
) -> list[tuple[int, int]]:
    """Per label: the number of body lines and the last body line (1-based), counted."""
    ends = [label[1] for label in labels[1:]] + [len(lines)]
    result = []
    for label, next_line in zip(labels, ends, strict=True):
        index, rest = label[1], label[5]
        text_lines = [line for line in range(index + 1, next_line) if line not in skipped]
        result.append((len(text_lines) + (rest != ""), text_lines[-1] + 1 if text_lines else 0))
    return result


@pytest.mark.parametrize("seed", range(3))
def test_block_bodies_agree_with_counting(seed: int) -> None:
    chance = random.Random(seed)
    compared = 0
    for lines in DOCUMENTS:
        labels, _, _, no_text = find_labels(lines)
        if not labels:
            continue
        # Footnote lines anywhere, label lines too; none in the first round.
        notes = frozenset(
            index for index in range(len(lines)) if seed and chance.random() < 0.1 * seed
        )
        blocks = build_blocks(lines, labels, no_text, notes)[2]
        expected = _bodies_by_counting(lines, labels, notes.union(no_text))
        for block, label, (count, last) in zip(blocks, labels, expected, strict=True):
            assert block.body_lines == count, (lines[label[1]], seed)
            if last:
                assert block.body_span.end_line == last, (lines[label[1]], seed)
        compared += len(blocks)
    assert compared > 1000
