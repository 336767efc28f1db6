"""_Depth._lines skips the lines that cannot change the count of open parentheses: with
none open, a line without "(" leaves none open, since the count is clamped at zero. It
must agree with counting every line."""

from __future__ import annotations

import random
from operator import itemgetter

import pytest

from qalint.parse import footnotes
from qalint.parse.blocks import find_labels
from qalint.parse.footnotes import _Depth, find_footnotes
from tests.helpers import fixture_lines


class _PlainDepth(_Depth):
    def _lines(self, first: int, index: int, open_: int) -> int:
        for other in range(first, index):
            if other in self.label_ends:
                open_ = 0
            open_ = self._line_end(other, -1, 0, open_)
        return open_


def _random_depths(chooser: random.Random) -> tuple[_Depth, _PlainDepth]:
    alphabet = "(()) a1\u00a0"
    lines = tuple(
        "".join(chooser.choices(alphabet, k=chooser.randint(0, 8)))
        for _ in range(chooser.randint(1, 12))
    )
    label_ends = {
        index: chooser.randint(0, len(line))
        for index, line in enumerate(lines)
        if chooser.random() < 0.2
    }
    artefact = [chooser.random() < 0.1 for _ in lines]
    depths = (_Depth(lines, 0, label_ends, artefact), _PlainDepth(lines, 0, label_ends, artefact))
    for index, line in enumerate(lines):
        if chooser.random() < 0.3:
            begin = chooser.randint(0, len(line))
            columns = range(begin, len(line) + 1)
            starts = sorted(chooser.sample(columns, k=chooser.randint(0, min(2, len(columns)))))
            for depth in depths:
                depth.read[index] = (begin, starts)
    return depths


def test_lines_agree_with_counting_every_line_on_random_paragraphs() -> None:
    chooser = random.Random(21)
    compared = 0
    for _ in range(20_000):
        depth, plain = _random_depths(chooser)
        count = len(depth.lines)
        first = chooser.randint(0, count)
        index = chooser.randint(first, count)
        open_ = chooser.randint(0, 3)
        assert depth._lines(first, index, open_) == plain._lines(first, index, open_)
        compared += index - first
    assert compared


def test_find_footnotes_agrees_with_counting_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = []
    for _, lines in fixture_lines():
        labels, artefact, _, _ = find_labels(lines)
        first_label = labels[0][1] if labels else len(lines)
        args = (lines, 0, first_label, dict(map(itemgetter(1, 3), labels)), artefact)
        documents.append((args, find_footnotes(*args)))
    monkeypatch.setattr(footnotes, "_Depth", _PlainDepth)
    for args, found in documents:
        assert find_footnotes(*args) == found, args[0]
