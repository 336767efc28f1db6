"""The shortcuts that let built-in rules skip most documents: each must hold exactly
when the full check could find nothing (or at least whenever it could find something)."""

from __future__ import annotations

import itertools
import re

import pytest
from qalint_plugins.drafting.placeholder_text import _CANDIDATE, _positions
from qalint_plugins.header.unbalanced_parenthesis import _closed_one_by_one
from qalint_plugins.numbering.question_number_gap import _numbered_one_to_n

from qalint.model import Block, Document, Kind, Span

_SPAN = Span(1, 1, 1, 1)


def _balanced(text: str) -> bool:
    """The parentheses of ``text`` all close, in order, as the rule's full check reads them."""
    depth = 0
    for character in re.findall(r"[()]", text):
        depth += 1 if character == "(" else -1
        if depth < 0:
            return False
    return depth == 0


def test_parentheses_closed_one_by_one_are_balanced() -> None:
    # Every string of up to six parentheses, letters and spaces (5,461 of them).
    for size in range(7):
        for chars in itertools.product("()a ", repeat=size):
            text = "".join(chars)
            parentheses = re.sub(r"[^()]", "", text)
            assert _closed_one_by_one(text) == (parentheses == "()" * text.count("(")), text
            if _closed_one_by_one(text):
                assert _balanced(text), text


def _questions(*numbers: tuple[int, ...]) -> Document:
    blocks = tuple(
        Block("question", "Vraag", _SPAN, group, None, _SPAN, 1, index)
        for index, group in enumerate(numbers)
    )
    return Document("x", Kind.ANSWER, (), questions=blocks)


@pytest.mark.parametrize(
    ("numbers", "one_to_n"),
    [
        ((), True),
        (((1,), (2, 3), (4,)), True),
        (((1,), (1,), (2,)), True),
        (((2,), (1,), (3,)), True),
        (((1,), (3,)), False),
        (((0,), (1,), (2,)), False),
        (((2,), (3,)), False),
        (((1, 1), (3,)), False),
    ],
)
def test_numbered_one_to_n(numbers: tuple[tuple[int, ...], ...], one_to_n: bool) -> None:
    assert _numbered_one_to_n(_questions(*numbers)) is one_to_n


@pytest.mark.parametrize(
    "text",
    [
        "PM en P.M. en p.m. en XXX en xxx en TODO en TBD en ?? en [x] en <y> en [[z]]",
        "nog aan te vullen, Nog in te vullen, nog in te vullen en Nog aan te vullen",
        "Antwoord volgt.\nVOLGT\nVolgt\nTOLGT OLGTODO ??? [[ <<",
        "p.m.p.m. PMPM XXXXXX xxxxxx TODOTBD",
    ],
)
def test_openings_are_where_the_candidate_pattern_can_match(text: str) -> None:
    openings, follows = _positions(text)
    assert openings == sorted(set(openings))
    assert all(match.start() in openings for match in _CANDIDATE.finditer(text))
    assert follows == [match.start() for match in re.finditer("olgt|OLGT", text)]
