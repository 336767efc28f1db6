"""The helpers that let the drafting rules search a document's joined text at once
(``qalint.rules.joined_lines`` and ``qalint_plugins.drafting._text``)."""

from __future__ import annotations

import pytest
from qalint_plugins.drafting._text import LineIndex, line_at, line_starts

from qalint.rules import joined_lines as joined


@pytest.mark.parametrize(
    "lines",
    [(), ("",), ("a: b",), ("x", "a: b: c", "", ":", "y:"), ("::", "no", "tail:")],
)
def test_line_starts_finds_each_line_that_holds_the_literal_once(lines: tuple[str, ...]) -> None:
    text = joined(lines)
    starts = list(line_starts(text, ":"))
    holding = [index for index, line in enumerate(lines) if ":" in line]
    assert [line_at(text, start) for start in starts] == [lines[i] for i in holding]
    index = LineIndex(text)
    assert [index.at(start) for start in starts] == list(zip(holding, starts, strict=True))


def test_line_index_counts_offsets_in_increasing_order() -> None:
    lines = ("ab", "", "cde", "f")
    text = joined(lines)
    index = LineIndex(text)
    expected = [(0, 0), (0, 0), (1, 3), (2, 4), (2, 4), (3, 8)]
    assert [index.at(offset) for offset in (0, 1, 3, 4, 6, 8)] == expected


def test_joined_is_rebuilt_for_other_lines_even_when_equal() -> None:
    first = ("a", "b")
    assert joined(first) == "a\nb"
    assert joined(("c",)) == "c"
    equal = tuple(["a", "b"])
    assert joined(equal) == "a\nb"
    assert joined(first) is joined(first)
