"""Property-based tests (Hypothesis) of the number-list grammar, the line model and the
parser: the parser never raises and every span stays inside the input."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qalint.model import Span
from qalint.parse import parse
from qalint.parse.numbers import scan_number_list
from qalint.source import split_lines

SETTINGS = settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def _render(numbers: list[int], style: int) -> str:
    items = [str(n) for n in numbers]
    if len(items) == 1:
        return items[0]
    head = ",".join(items[:-1]) if style == 1 else ", ".join(items[:-1])
    return f"{head} en {items[-1]}"


@SETTINGS
@given(st.lists(st.integers(1, 999), min_size=1, max_size=12, unique=True), st.integers(0, 1))
def test_number_lists_read_back(numbers: list[int], style: int) -> None:
    text = _render(numbers, style)
    scanned = scan_number_list(text, 0)
    assert scanned is not None
    assert list(scanned.numbers) == numbers
    assert not scanned.irregular
    assert text[scanned.start : scanned.end] == text


@SETTINGS
@given(
    st.integers(1, 300), st.integers(0, 300), st.sampled_from(["t/m", "tot en met", "-", "\u2013"])
)
def test_ranges_expand(low: int, width: int, word: str) -> None:
    text = f"{low} {word} {low + width}" if word[0].isalpha() else f"{low}{word}{low + width}"
    scanned = scan_number_list(text, 0)
    assert scanned is not None
    assert scanned.numbers == tuple(range(low, low + width + 1))


@SETTINGS
@given(st.text(alphabet="0123456789 ,entm/-\u2013\u00a0x\u0661\uff15", max_size=60))
def test_scanning_never_raises(text: str) -> None:
    scanned = scan_number_list(text, 0)
    if scanned is not None:
        assert 0 <= scanned.start <= scanned.end <= len(text)
        assert all(isinstance(n, int) and 0 <= n < 10**6 for n in scanned.numbers)


@SETTINGS
@given(st.text(alphabet="ab\n\r\f\v\x85\u2028 ", max_size=80))
def test_lines_break_only_at_newline_forms(text: str) -> None:
    """A09, A10: lines break only at \\n, \\r\\n and \\r (Hypothesis)."""
    lines = split_lines(text)
    assert list(lines) == re.split(r"\r\n|\r|\n", text)
    for line in lines:
        assert "\n" not in line and "\r" not in line


PIECES = [
    "Vraag 1",
    "Vraag 2, 3 en 4",
    "Vraag 5 t/m 7",
    "Vraag ",
    "Antwoord",
    "Antwoord 1",
    "Antwoord op vraag 2",
    "Antwoord vraag 3:",
    "1.",
    "2)",
    "Zie het antwoord op vraag 9",
    "zie vraag 1 en 2",
    "(ingezonden 3 juni 2014)",
    "(ontvangen 31 februari 2014)",
    "(ontvangen (ontvangen 7 juni 2024)",
    "Vragen van het lid X (SP) aan de Minister over Y",
    "Antwoord van Minister Z (Defensie)",
    "dinsdag 3 juni 2014",
    "radicalise-",
    "ring",
    "Tweede Kamer, vergaderjaar 2024\u20132025, Aanhangsel 2",
    "ah-tk-20242025-597",
    "AH 601",
    "2024Z 17972",
    "?1",
    "[1 ]",
    " 1)",
    "\f",
    "\u00a0",
    "\ufeff",
    "😀",
    "é",
    "(",
    ")",
    "\t",
]


@st.composite
def drafts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40))
    breaks = draw(
        st.lists(
            st.sampled_from(["\n", "\r\n", "\r", " ", ""]), min_size=len(parts), max_size=len(parts)
        )
    )
    return "".join(p + b for p, b in zip(parts, breaks, strict=True))


def _spans(value: object) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _spans(item)


@SETTINGS
@given(drafts())
def test_parser_never_raises_and_spans_stay_inside(text: str) -> None:
    lines = split_lines(text)
    doc = parse("concept.txt", lines)
    for span in _spans(doc):
        assert 1 <= span.line <= span.end_line <= len(lines), span
        assert 1 <= span.column <= len(lines[span.line - 1]) + 1, span
        assert 1 <= span.end_column <= len(lines[span.end_line - 1]) + 1, span
        if span.line == span.end_line:
            assert span.column <= span.end_column, span
