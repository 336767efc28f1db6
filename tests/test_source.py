"""Bytes to text (qalint/source.py): the decoding policy and the one line model.

Policy: a BOM first, then strict UTF-8, otherwise only the encoding the user names;
never a guess. Lines end at ``\\n``, ``\\r\\n`` and ``\\r`` only, as in editors and
``grep -n``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qalint.source import DecodeFailure, decode, split_lines


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("", ("",)),
        ("a", ("a",)),
        ("a\n", ("a", "")),
        ("a\r\nb\rc\nd", ("a", "b", "c", "d")),
        ("a\r\r\nb", ("a", "", "b")),
        ("a\n\rb", ("a", "", "b")),
        (
            "a\fb\vc\x1cd\x1de\x1ef\x85g\u2028h\u2029i",
            ("a\fb\vc\x1cd\x1de\x1ef\x85g\u2028h\u2029i",),
        ),
    ],
)
def test_split_lines_breaks_only_at_newlines(text: str, lines: tuple[str, ...]) -> None:
    """A09, A10: only \\n, \\r\\n and \\r end a line; \\f, \\v, \\x1c-\\x1e, \\x85, U+2028/9 do
    not."""
    assert split_lines(text) == lines


@given(st.text(alphabet=st.sampled_from(["a", "é", "\n", "\r", "\f", "\v", "\x85", "\u2028", " "])))
@settings(max_examples=300, derandomize=True, deadline=None)
def test_split_lines_agrees_with_counting_breaks(text: str) -> None:
    lines = split_lines(text)
    assert len(lines) == len(re.findall(r"\r\n|\r|\n", text)) + 1
    assert "".join(lines) == re.sub(r"[\r\n]", "", text)


_OTHER_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"


@pytest.mark.parametrize("other", _OTHER_BREAKS)
@pytest.mark.parametrize("text", ["a\r\nb{}c\r\n", "{}\r", "a\r{}"])
def test_split_lines_with_cr_ignores_other_breaks(text: str, other: str) -> None:
    """Text with a \r is split by splitlines() unless it holds a break that splitlines()
    alone knows: each of those must send it the other way."""
    text = text.format(other)
    assert split_lines(text) == tuple(re.split(r"\r\n|\r|\n", text))


@given(st.text(alphabet=st.sampled_from(["a", "\u2019", "\n", "\r", *_OTHER_BREAKS])))
@settings(max_examples=500, derandomize=True, deadline=None)
def test_split_lines_is_a_split_at_the_three_breaks(text: str) -> None:
    assert split_lines(text) == tuple(re.split(r"\r\n|\r|\n", text))
    assert split_lines(text + "\r") == (*split_lines(text), "")


def test_utf8_bom_is_stripped_and_remembered() -> None:
    """A04: a UTF-8 BOM is stripped and remembered."""
    source = decode("x.txt", b"\xef\xbb\xbfVraag 1\r\n")
    assert source.text == "Vraag 1\r\n" and source.had_bom
    assert source.lines == ("Vraag 1", "")
    assert not decode("x.txt", b"Vraag 1").had_bom


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    """A05: UTF-16 with a BOM is decoded."""
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    source = decode("x.txt", bom + "Vraag 1\nWat is gecoördineerd?\n".encode(encoding))
    assert source.lines == ("Vraag 1", "Wat is gecoördineerd?", "")


def test_truncated_utf16_with_bom() -> None:
    """A05, A07: truncated UTF-16 is a placed failure."""
    with pytest.raises(DecodeFailure, match="ongeldige UTF-16-tekst"):
        decode("x.txt", b"\xff\xfeV\x00r")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_named(encoding: str) -> None:
    """A05: UTF-16 without a BOM is recognised and named."""
    with pytest.raises(DecodeFailure) as caught:
        decode("x.txt", "Vragen van het lid".encode(encoding))
    assert caught.value.message == "lijkt UTF-16 zonder BOM; sla het bestand op als UTF-8"
    assert (caught.value.line, caught.value.column) == (1, 1)


@pytest.mark.parametrize(
    ("data", "where", "offset"),
    [
        (b"ab\x00cd", (1, 3), 2),
        (b"\x00", (1, 1), 0),
        (b"Vraag 1\r\n\xc3\xa9\xc3\xa9n\x00", (2, 4), 14),
        (b"a\rb\rc\x00", (3, 2), 5),
        (b"\x89PNG\r\n\x1a\n\x00", (3, 1), 8),
    ],
)
def test_nul_bytes_mean_binary_with_their_position(
    data: bytes, where: tuple[int, int], offset: int
) -> None:
    """A03, A11: NUL bytes mean binary, with their position."""
    with pytest.raises(DecodeFailure) as caught:
        decode("x.txt", data)
    assert caught.value.message == f"geen tekstbestand (NUL-byte op byte {offset})"
    assert (caught.value.line, caught.value.column) == where


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        # Columns count code points: "één" is three columns, six bytes.
        (
            "één twee\r\ndrie én".encode("cp1252"),
            (1, 1),
            "geen geldige UTF-8 (byte 0xE9); is dit Windows-1252? Gebruik dan --encoding cp1252",
        ),
        (
            "één\r\ndrie ".encode() + "én".encode("cp1252"),
            (2, 6),
            "geen geldige UTF-8 (byte 0xE9); is dit Windows-1252? Gebruik dan --encoding cp1252",
        ),
        (
            b"\xef\xbb\xbfab\xff",
            (1, 3),
            "geen geldige UTF-8 (byte 0xFF); is dit Windows-1252? Gebruik dan --encoding cp1252",
        ),
        (b"ab\xe2\x82", (1, 3), "geen geldige UTF-8 (byte 0xE2); het laatste teken is afgebroken"),
        (b"ab\x8d", (1, 3), "geen geldige UTF-8 (byte 0x8D)"),
    ],
)
def test_invalid_utf8_is_placed_exactly(data: bytes, where: tuple[int, int], message: str) -> None:
    """A07: an invalid byte is placed at its line and column."""
    with pytest.raises(DecodeFailure) as caught:
        decode("x.txt", data)
    assert caught.value.message == message
    assert (caught.value.line, caught.value.column) == where


def test_a_named_encoding_is_used_and_nothing_else() -> None:
    """A06: a named encoding is used, never a guess."""
    data = "Wat is gecoördineerd met België?\n".encode("cp1252")
    assert decode("x.txt", data, "cp1252").lines == ("Wat is gecoördineerd met België?", "")
    with pytest.raises(DecodeFailure) as caught:
        decode("x.txt", data, "ascii")
    assert caught.value.message == "niet te lezen als ascii (byte 0xF6)"
    assert (caught.value.line, caught.value.column) == (1, 12)
    with pytest.raises(DecodeFailure, match="onbekende codering 'nope'"):
        decode("x.txt", b"abc", "nope")
    with pytest.raises(DecodeFailure, match="onbekende codering 'rot13'"):
        decode("x.txt", b"abc", "rot13")


def test_nul_bytes_are_binary_unless_a_wide_encoding_is_named() -> None:
    """A05, A11: NUL bytes are binary unless UTF-16 is named."""
    with pytest.raises(DecodeFailure, match="NUL-byte"):
        decode("x.txt", b"a\x00b", "cp1252")
    assert decode("x.txt", "Vraag 1".encode("utf-16-le"), "utf-16-le").text == "Vraag 1"


def test_a_bom_wins_over_a_named_encoding() -> None:
    """A04, A06: a BOM wins over a named encoding."""
    assert decode("x.txt", b"\xef\xbb\xbf\xc3\xab", "cp1252").text == "ë"


@given(st.binary(max_size=300))
@settings(max_examples=400, derandomize=True, deadline=None)
def test_decode_returns_text_or_a_placed_failure(data: bytes) -> None:
    """A07: any bytes decode or fail at a 1-based position (Hypothesis)."""
    try:
        source = decode("x.txt", data)
    except DecodeFailure as failure:
        assert failure.message
        assert failure.line >= 1 and failure.column >= 1
        assert failure.line <= data.count(b"\n") + data.count(b"\r") + 1
    else:
        assert source.lines == split_lines(source.text)
