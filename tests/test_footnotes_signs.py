"""_SIGN leaves out a number of four digits opening a line (also after blanks) or after
two blanks ("2024 is ongeveer", "2015)."): no line start and no candidate of
_inline_markers has four digits there, so the footnotes must be those found when every
such number is a sign, as it was until session 9.
"""

from __future__ import annotations

import random
import re

import pytest

from qalint.model import FootnoteMarker, FootnoteNote
from qalint.parse import footnotes
from qalint.parse.blocks import find_labels
from qalint.parse.footnotes import _BLANK, _CANDIDATE, _line_start, find_footnotes
from tests.helpers import fixture_lines

#: _SIGN as it was, with every number opening a line a sign.
_EVERY_OPENING_SIGN = re.compile(
    rb"0(?<=[^0]0)(?:"
    rb"(?<![^\n ] 0)(?:(?<=[\n \[\^]0)"
    rb"|(?<=[^ s\n]0)(?:(?=(0{0,6}))\1[p?]*(?:[ s\n?]|\Z)|(?<=[p?]0)0{0,2}A))"
    rb"|\)(?:(?<=[ s\n?]0\))|(?<=[ s\n?]\(0\)))(?:[ s\n?]|\Z)"
    rb"|0(?:\)(?:(?<=[ s\n?]00\))|(?<=[ s\n?]\(00\)))(?:[ s\n?]|\Z)"
    rb"|0(?:\)(?:(?<=[ s\n?]000\))|(?<=[ s\n?]\(000\)))(?:[ s\n?]|\Z)"
    rb"|00{1,3}[p?]*(?:[ s\n?]|\Z)))"
    rb")"
)


def _random_document(chooser: random.Random) -> tuple[str, ...]:
    """Lines that open with numbers of one to eight digits (after blanks, brackets or
    parentheses) before text, ")", "." and markers, and the notes at the end that make
    weak markers of them."""
    numbers = ["1", "2", "3", "12", "299", "2024", "2015", "20231", "202412", "20241234"]
    openings = ["", " ", "  ", "\t", "[", "[^", "(", "\u00a0"]
    afters = ["", " ", ")", ").", ". ", " is ongeveer", " NOS, 2024", ",", "e", "1 en", "2)"]
    words = [
        "Vraag 1",
        "zie",
        "(zie bijlage",
        "»?1",
        "jl.2",
        "Agema3,",
        "  ",
        "in 2024",
        "kosten 1)",
    ]
    count = chooser.randint(1, 30)
    lines = []
    for _ in range(count):
        parts = []
        for _ in range(chooser.randint(1, 3)):
            if chooser.random() < 0.6:
                parts.append(
                    chooser.choice(openings) + chooser.choice(numbers) + chooser.choice(afters)
                )
            else:
                parts.append(chooser.choice(words))
        lines.append(" ".join(parts) if chooser.random() < 0.5 else "  ".join(parts))
    for number in range(1, chooser.randint(1, 4)):
        lines.append(f"{number} NOS, 12 mei 2024")
    return tuple(lines)


def _documents() -> list[tuple[str, ...]]:
    chooser = random.Random(9)
    return [lines for _, lines in fixture_lines()] + [
        _random_document(chooser) for _ in range(4_000)
    ]


def _found(
    lines: tuple[str, ...],
) -> tuple[tuple[FootnoteMarker, ...], tuple[FootnoteNote, ...]]:
    labels, artefact, _, _ = find_labels(lines)
    first_label = labels[0][1] if labels else len(lines)
    label_ends = {label[1]: label[3] for label in labels}
    return find_footnotes(lines, 0, first_label, label_ends, artefact)


def test_the_footnotes_are_those_of_every_opening_number_a_sign(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = _documents()
    found = [_found(lines) for lines in documents]
    monkeypatch.setattr(footnotes, "_SIGN", _EVERY_OPENING_SIGN)
    notes = 0
    for lines, expected in zip(documents, found, strict=True):
        got = _found(lines)
        assert got == expected, lines
        notes += len(got[1])
    assert notes


def test_four_digits_opening_a_line_are_no_line_start_and_no_candidate() -> None:
    chooser = random.Random(10)
    afters = ["", " ", ")", ").", ". ", " is", " NOS, 2024", ",", "e", " 1 en", "?1", "]"]
    for _ in range(20_000):
        number = "".join(chooser.choices("0123456789", k=4))
        opening = chooser.choice(["", " ", "  ", "\t", "\u00a0", "tekst  ", "tekst \t"])
        line = opening + number + chooser.choice(afters) + chooser.choice(afters)
        column = len(opening)
        if not opening.strip(_BLANK):
            assert _line_start(line, 0) is None, line
        assert _CANDIDATE.match(line, column) is None, line
