"""Rewrites of footnote code for speed must agree with the code they replaced.

_in_zone walks from the line asked about, instead of one backward pass over the
whole document (_note_zone below); _number tests for ASCII digits with two str methods
instead of a loop over the characters; _candidate_matches tries the ``(`` before a sign
without a loop over the two starts.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator

from qalint.parse.blocks import find_labels
from qalint.parse.footnotes import (
    _BLANK,
    _CANDIDATE,
    _ZONE_LINES,
    MAX_NUMBER,
    _candidate_matches,
    _in_zone,
    _lines_to_read,
    _number,
)
from qalint.parse.normalise import content_start
from tests.helpers import fixture_lines


def _note_zone(
    lines: tuple[str, ...], label_ends: dict[int, int], artefact: list[bool]
) -> list[bool]:
    """Lines near a page end: no label between them and the next footer (or the end)."""
    result = [False] * len(lines)
    distance = 0
    open_zone = True  # the end of the document is a page end
    for index in range(len(lines) - 1, -1, -1):
        if artefact[index] or content_start(lines[index]) > 0:
            open_zone, distance = True, 0
            continue
        if index in label_ends:
            open_zone = False
            continue
        if lines[index].strip(_BLANK):
            distance += 1
        result[index] = open_zone and distance <= _ZONE_LINES
    return result


def _agrees(lines: tuple[str, ...], label_ends: dict[int, int], artefact: list[bool]) -> None:
    expected = _note_zone(lines, label_ends, artefact)
    assert [
        _in_zone(lines, index, label_ends, artefact) for index in range(len(lines))
    ] == expected, lines


def test_in_zone_agrees_with_the_whole_pass_over_the_corpus() -> None:
    documents = 0
    for _, lines in fixture_lines():
        labels, artefact, _, _ = find_labels(lines)
        _agrees(lines, {label[1]: label[3] for label in labels}, artefact)
        documents += 1
    assert documents


def test_in_zone_agrees_with_the_whole_pass_on_random_documents() -> None:
    chooser = random.Random(9)
    pieces = ["", " \u00a0", "tekst", "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 3Antwoord"]
    zones = 0
    for _ in range(3000):
        count = chooser.randint(1, 120)
        lines = tuple(chooser.choice(pieces) for _ in range(count))
        artefact = [chooser.random() < 0.03 for _ in range(count)]
        label_ends = {i: 1 for i in range(count) if chooser.random() < 0.02}
        _agrees(lines, label_ends, artefact)
        zones += sum(_note_zone(lines, label_ends, artefact))
    assert zones


def _plain_number(text: str) -> int | None:
    if not 1 <= len(text) <= 3 or not all("0" <= c <= "9" for c in text):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_NUMBER else None


def test_number_agrees_with_the_loop_over_characters() -> None:
    for code in range(0x110000):
        if not 0xD800 <= code <= 0xDFFF:
            assert _number(chr(code)) == _plain_number(chr(code)), hex(code)
    # Non-ASCII digits (superscript two, Arabic-Indic three, fullwidth zero, NKo one)
    # among ASCII ones, and signs that int() reads.
    alphabet = "019 +-_.\u00b2\u0663\uff10\u07c1"
    for length in range(2, 5):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            assert _number(text) == _plain_number(text), text


def _plain_candidate_matches(line: str, begin: int, signs: list[int]) -> Iterator[re.Match[str]]:
    position = begin
    for column in signs:
        for start in (column - 1, column) if line[column - 1 : column] == "(" else (column,):
            if start >= position:
                match = _CANDIDATE.match(line, start)
                if match is not None:
                    yield match
                    position = match.end()


def _spans(matches: Iterator[re.Match[str]]) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


def test_candidate_matches_agree_with_the_loop_over_both_starts() -> None:
    chooser = random.Random(10)
    alphabet = "0123 (()a.?\n"
    lines = [line for _, document in fixture_lines() for line in document]
    lines += ["".join(chooser.choices(alphabet, k=chooser.randint(1, 12))) for _ in range(30_000)]
    candidates = 0
    for line in lines:
        for index, signs in _lines_to_read(
            tuple(line.split("\n")), 0, [False] * (line.count("\n") + 1)
        ):
            text = line.split("\n")[index]
            # Every begin up to the first sign, and the signs as they are and shifted.
            for begin in range(min(signs[0], 3) + 1):
                for columns in (signs, [column + 1 for column in signs]):
                    expected = _spans(_plain_candidate_matches(text, begin, columns))
                    assert _spans(_candidate_matches(text, begin, columns)) == expected, text
                    candidates += len(expected)
    assert candidates
