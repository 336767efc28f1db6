"""scan_number_list reads the commonest lists with one pattern (_PLAIN_LIST) instead of
its token loop: on every text the two must agree."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qalint.parse.numbers import _scan_tokens, scan_number_list
from tests.test_parse_prefilters import LINES

#: Pieces of number lists, and what may break one: leading zeros, long numbers,
#: ranges, keywords, words that start like a separator.
PIECES = [
    "4", "12", "999999", "1234567", "0", "07", ",", ", ", " ", "\u00a0", "\t", "en", " en ",
    "EN", "&", "t/m", " tot en met ", "-", "\u2013", "vraag", " vraag ", "Vragen", "antwoord",
    " Antwoorden ", "ent", "x", ":", "\u0661",
]  # fmt: skip


def _agree(text: str, pos: int) -> None:
    assert scan_number_list(text, pos) == _scan_tokens(text, pos), (text, pos)


@settings(
    max_examples=3000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.integers(0, 3))
def test_plain_lists_read_as_the_token_loop_reads_them(pieces: list[str], pos: int) -> None:
    text = "".join(pieces)
    _agree(text, min(pos, len(text)))


def test_corpus_lists_read_as_the_token_loop_reads_them() -> None:
    # Wherever a number may start: after a keyword, and before every run of digits.
    starts = re.compile(r"(?:[Vv]ra(?:ag|gen)|[Aa]ntwoord(?:en)?)|(?=[ \t\u00a0]*[0-9])")
    read = 0
    for line in LINES:
        for match in starts.finditer(line):
            _agree(line, match.end())
            read += 1
    assert read > 10_000
