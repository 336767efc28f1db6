"""_lines_to_read must find, in a whole document, the signs each line has on its own.

It encodes the text in pieces of several lines and reads page furniture as an empty line,
which is right only because no sign looks past the line break before or after its line:
so the signs of a document are those of each line read alone, the page furniture left
out.
"""

from __future__ import annotations

import random

import pytest

from qalint.parse.footnotes import _CLASSES, _PIECE, _SIGN, _lines_to_read
from tests.helpers import fixture_lines


def _line_signs(line: str) -> list[int]:
    """The signs of ``line`` read alone, encoded as _lines_to_read encodes a line."""
    classes = (b"\n" + line.encode("latin1", "replace")).translate(_CLASSES)
    return [match.start() - 1 for match in _SIGN.finditer(classes)]


def _expected(
    lines: tuple[str, ...], start_line: int, artefact: list[bool]
) -> list[tuple[int, list[int]]]:
    found = []
    for index in range(start_line, len(lines)):
        signs = _line_signs(lines[index])
        if signs and not artefact[index]:
            found.append((index, signs))
    return found


def _random_document(chooser: random.Random) -> tuple[str, ...]:
    """Lines over characters that matter to the signs at a line's start and end, with
    wide characters (a piece holding one is encoded otherwise) and empty lines."""
    alphabet = "0129 \t\u00a0\u2019\u2013\x85.,?»()[]^aZ"
    count = chooser.randint(1, 4 * _PIECE)
    return tuple("".join(chooser.choices(alphabet, k=chooser.randint(0, 8))) for _ in range(count))


def _documents() -> list[tuple[str, ...]]:
    chooser = random.Random(12)
    return [lines for _, lines in fixture_lines()] + [
        _random_document(chooser) for _ in range(3_000)
    ]


@pytest.mark.parametrize("flagged", [0.0, 0.2], ids=["no-furniture", "furniture"])
def test_a_document_has_the_signs_of_its_lines_read_alone(flagged: float) -> None:
    chooser = random.Random(13)
    signs = 0
    for lines in _documents():
        start_line = chooser.randint(0, len(lines)) if chooser.random() < 0.3 else 0
        artefact = [chooser.random() < flagged for _ in lines]
        expected = _expected(lines, start_line, artefact)
        assert _lines_to_read(lines, start_line, artefact) == expected, lines
        signs += len(expected)
    assert signs
