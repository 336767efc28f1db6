"""Shortcuts of the footnote reader must agree with what they stand for.

_SIGN is written for the regex engine's speed: it must find exactly the signs of the
plain form below, which says case by case where a candidate's number may start. And
_line_start tries _LIST_LINE only where a list can go on after the first number, and
find_footnotes tries _line_start only where nothing but _OPENING precedes the first sign,
and _line_start reads a number line ("2") without _LINE_NUMBER.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from qalint.parse.footnotes import (
    _BLANK,
    _LINE_NUMBER,
    _LIST_GOES_ON,
    _LIST_LINE,
    _OPENING,
    _SIGN,
    _line_start,
    _lines_to_read,
)
from tests.helpers import fixture_lines

#: The same signs, one case after the other (the form _SIGN had until session 6).
_PLAIN_SIGN = re.compile(
    rb"0(?<=[^0]0)(?:"
    # After white space: a year with a marker (five to seven digits), " 1)", a number
    # opening a line, also after blanks (and so after any two blanks), unless it has four
    # digits.
    rb"(?<=[ s\n?]0)(?:0{4,6}[p?]*(?:[ s\n?]|\Z)|0{0,2}\)(?:[ s\n?]|\Z)"
    rb"|(?:(?<=\n0)|(?<=[\n ] 0))(?!000(?:[^0]|\Z)))"
    # After anything else: digits ending a word before white space (punctuation between),
    # "gesproken.3Toekomstige", "[1 ]", "[^1]", "(2)".
    rb"|(?<=[^ s\n]0)(?:0{0,6}[p?]*(?:[ s\n?]|\Z)|(?<=[p?]0)0{0,2}A|(?<=[\[\^]0)"
    rb"|(?<=[ s\n?]\(0)0{0,2}\)(?:[ s\n?]|\Z))"
    rb")"
)
#: Every byte the classes hold (see _CLASSES).
_CLASS_BYTES = b"0 s\npA()[^?a"
#: Pieces for longer texts: digit runs of each length that matters, blanks, brackets.
_PIECES = [
    b"0",
    b"00",
    b"000",
    b"0000",
    b"00000",
    b"0000000",
    b"00000000",
    b" ",
    b"  ",
    b"s",
    b"\n",
    b"p",
    b"pp",
    b"A",
    b"(",
    b")",
    b"[",
    b"^",
    b"?",
    b"a",
    b"aa",
]


def _signs(pattern: re.Pattern[bytes], text: bytes) -> list[int]:
    return [match.start() for match in pattern.finditer(text)]


def test_sign_agrees_with_its_plain_form_on_every_short_text() -> None:
    # The text opens with a line break, as in _lines_to_read.
    for length in range(6):
        for chars in itertools.product(_CLASS_BYTES, repeat=length):
            text = b"\n" + bytes(chars)
            assert _signs(_SIGN, text) == _signs(_PLAIN_SIGN, text), text


def test_sign_agrees_with_its_plain_form_on_random_texts() -> None:
    chooser = random.Random(6)
    for _ in range(40_000):
        text = b"\n" + b"".join(chooser.choices(_PIECES, k=chooser.randint(1, 16)))
        assert _signs(_SIGN, text) == _signs(_PLAIN_SIGN, text), text


def _corpus_lines() -> list[str]:
    return [line for _, lines in fixture_lines() for line in lines]


def _list_alphabet_lines(count: int) -> list[str]:
    """Random lines over characters that matter to a list line (seeded)."""
    chooser = random.Random(7)
    alphabet = "0123 \t\u00a0\f\v,ena.)"
    return ["".join(chooser.choices(alphabet, k=chooser.randint(1, 14))) for _ in range(count)]


@pytest.mark.parametrize(
    "lines",
    [_corpus_lines(), ["1 en 2", "1, 2", "1,2", "1\t2 en 3", "4 \u00a0", "1 ,2"]],
    ids=["corpus", "edges"],
)
def test_list_lines_go_on_as_the_shortcut_expects(lines: list[str]) -> None:
    lists = 0
    for line in [*lines, *_list_alphabet_lines(20_000)]:
        number = _LINE_NUMBER.match(line)
        if number is not None and _LIST_LINE.match(line):
            text = line[number.end() :].strip(_BLANK)
            assert not text or text[0] in _LIST_GOES_ON, line
            lists += bool(text)
    assert lists


def _opening_lines(count: int) -> list[str]:
    """Random lines over characters that matter to how a line opens (seeded)."""
    chooser = random.Random(8)
    alphabet = "012 \t\u00a0\f\v\u2009[]^:)(.,aZ"
    return ["".join(chooser.choices(alphabet, k=chooser.randint(1, 10))) for _ in range(count)]


def test_a_line_start_has_only_an_opening_before_its_first_sign() -> None:
    starts = 0
    edges = ["[^1]: NOS", " [^12]:", "[1] NOS", "\t[2 ] NOS", "\u00a03 NOS", "  4) NOS", "5"]
    for line in [*edges, *_corpus_lines(), *_opening_lines(40_000)]:
        if _line_start(line, 0) is not None:
            signs = dict(_lines_to_read((line,), 0, [False]))[0]
            assert not line[: signs[0]].strip(_OPENING), line
            starts += 1
    assert starts


def test_a_number_line_is_read_as_the_full_pattern_reads_it() -> None:
    chooser = random.Random(11)
    # ASCII digits, digits int() reads too (superscript two, Arabic-Indic three), blanks.
    alphabet = "0129\u00b2\u0663 \ta"
    lines = [*_corpus_lines(), "0", "000", "299", "300", "1234"]
    lines += ["".join(chooser.choices(alphabet, k=chooser.randint(1, 5))) for _ in range(20_000)]
    numbers = 0
    for line in lines:
        for begin in (0, 1):
            # Read from one column on, a line with a blank put before it is read in full
            # (the shortcut is only for a line read from its start), one column on.
            expected = _line_start(" " + line, begin + 1)
            if expected is not None:
                expected = expected._replace(
                    start=expected.start - 1,
                    end=expected.end - 1,
                    positions=tuple((start - 1, end - 1) for start, end in expected.positions),
                )
            assert _line_start(line, begin) == expected, (line, begin)
            numbers += expected is not None and expected.form == "lone"
    assert numbers
