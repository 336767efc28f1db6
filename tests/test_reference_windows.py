"""The reference patterns, searched only near a keyword's end, find what they find
searching the whole text.

find_references tries its patterns only in a window before and after each keyword that
a number (or a number word) follows, from the last full stop in it on. These tests run
the patterns over random text made of the pieces references are made of (and of near
misses), and over the corpus, both ways.
"""

from __future__ import annotations

import random
import re

import pytest

from qalint.parse import references
from qalint.parse.lazy import compiled
from tests.helpers import fixture_lines

#: A reference's parts in the order the patterns read them, each with how often it is
#: there and its forms: the commonest first, then other cases the patterns read or not,
#: near misses, and words that hold a keyword's tail.
SLOTS = [
    (0.5, ["zie", "Zie", "ZIE", "zoals", "verwijs ik u graag naar", "in", "bij", "naar", "x."]),
    (0.3, ["ook", "OOK"]),
    (0.5, ["het", "mijn", "de", "HET"]),
    (0.6, ["antwoord", "Antwoord", "ANTWOORD", "aNTWOORD", "antwoorden", "beantwoording"]),
    (0.5, ["op", "bij", "onder", "van", "OP"]),
    (0.3, ["de"]),
    (0.6, ["vraag", "Vraag", "VRAAG", "vragen", "VRAGEN", "vRaAg", "graag", "verantwoordelijk"]),
    (0.9, ["3", "12 en 13", "vier", "VIJFTIEN", "twee", "5 van de vragen van het lid", "x"]),
]
#: The same for references by number word (``zoals in het antwoord vier``).
WORD_SLOTS = [
    (0.5, ["zoals", "ZOALS", "Zoals"]),
    (0.9, ["in", "In", "IN", "bij"]),
    (0.5, ["het", "mijn", "de"]),
    (0.9, ["antwoord", "Antwoord", "ANTWOORD", "aNTWOORD", "antwoorden", "verantwoord"]),
    (0.9, ["vier", "VIJFTIEN", "twee", "vijf", "eenendertig", "3", "tweede", "x"]),
]
#: What stands between the parts: white space, or none (as in "antwoordbij"), or a stop.
GLUE = [" ", " ", " ", " ", "  ", "\u00a0", "\n", "", ". ", ", "]


def _random_texts(count: int, seed: int) -> list[str]:
    """Runs of references with parts left out at random, joined by ``GLUE``."""
    chooser = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(chooser.randint(1, 4)):
            for there, forms in chooser.choice((SLOTS, SLOTS, WORD_SLOTS)):
                if chooser.random() < there:
                    parts.append(forms[0] if chooser.random() < 0.6 else chooser.choice(forms))
                    parts.append(chooser.choice(GLUE))
        texts.append("".join(parts))
    return texts


def _corpus_texts() -> list[str]:
    return ["\n".join(lines) for _, lines in fixture_lines()]


def _near_keywords(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    numbered, worded = references._keyword_ends(text)
    word_pattern = compiled(references._WORD_PREFIX, re.IGNORECASE)
    return (
        [m.span() for m in references._candidates(references._PREFIX, text, numbered)],
        [m.span() for m in references._candidates(word_pattern, text, worded)],
    )


def _everywhere(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    word_pattern = compiled(references._WORD_PREFIX, re.IGNORECASE)
    return (
        [m.span() for m in references._PREFIX.finditer(text)],
        [m.span() for m in word_pattern.finditer(text)],
    )


@pytest.mark.parametrize(
    ("texts", "least"),
    [(_random_texts(20_000, 9), (3_000, 1_000)), (_corpus_texts(), (100, 0))],
    ids=["random", "corpus"],
)
def test_matches_near_keywords_are_those_of_the_whole_text(
    texts: list[str], least: tuple[int, int]
) -> None:
    found = [0, 0]
    for text in texts:
        expected = _everywhere(text)
        assert _near_keywords(text) == expected, text
        found[0] += len(expected[0])
        found[1] += len(expected[1])
    assert found[0] >= least[0]
    assert found[1] >= least[1]
