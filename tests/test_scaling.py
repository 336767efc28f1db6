"""Every rule, and the parser, stay linear: doubling the input at most ~doubles the time.

Ratios, not absolute times, with generous bounds (the machines are shared; see
tests/timing.py).
The pathological lines come from ROBUSTNESS.md section 2.3.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qalint.model import Document
from qalint.parse import parse
from qalint.plugins import load_plugins
from qalint.source import split_lines
from tests.helpers import SEED
from tests.timing import BOUND, doubling_ratio

RULES = load_plugins(entry_points=()).rules

PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: " " * n + "x",
    "question-digits": lambda n: "Vraag " + "1" * (n // 100) + "x",
    "question-list": lambda n: "Vraag " + "1, " * (n // 3) + "x",
    "answer-list": lambda n: "Antwoord op vraag " + "1 en " * (n // 5) + "x",
    "words-bang": lambda n: "wat " * (n // 4) + "!",
    "words-question": lambda n: "wat " * (n // 4) + "?",
    "letters": lambda n: "a" * n,
    "sentences": lambda n: "a." * (n // 2),
    "urls": lambda n: "http://a(" * (n // 9),
    "caps-dash": lambda n: "A" * n + "-",
    "parentheses": lambda n: "(" * n,
    "footnote-digits": lambda n: "tekst?1 " * (n // 8),
    "references": lambda n: "zie vraag 1 en " * (n // 15),
    "dates": lambda n: "dinsdag 3 juni 2014 " * (n // 20),
    "placeholders": lambda n: "[" * n + "XXX",
    "double-brackets": lambda n: "[[" * (n // 2),
    "angles": lambda n: "<" * n,
    "question-marks": lambda n: "?" * n,
    "pm": lambda n: "PM " * (n // 3),
    "remarks": lambda n: "[Opmerking " * (n // 11),
    "quotes-ellipsis": lambda n: "\u00ab" * n + "[...]",
    "paren-markers": lambda n: "x 1) " * (n // 5),
    "bracket-markers": lambda n: "[1 ]" * (n // 4),
    "balanced": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "glued-words": lambda n: "woord1 " * (n // 7),
    "marker-list": lambda n: "?1, " + "2, " * (n // 3),
    "digits": lambda n: "1" * n,
    "spaced-digits": lambda n: "1 " * (n // 2),
    "mid-markers": lambda n: "gesproken.3Toekomstige" * (n // 22),
}
#: Header lines (ROBUSTNESS.md B10): the header parser and the header rules read these.
HEADERS: dict[str, Callable[[int], str]] = {
    "header-askers": lambda n: (
        "Vragen van het lid "
        + "X (P) en " * (n // 9)
        + "Y aan de "
        + "Minister van A, " * (n // 16)
        + "over iets (ingezonden 3 juni 2014).\n"
    ),
    "header-parentheses": lambda n: (
        "Antwoord van Minister X " + "(" * n + "(ontvangen 3 juni 2014)\n"
    ),
    "header-doubled": lambda n: (
        "Antwoord van Minister X (" + "van van " * (n // 8) + ") (ontvangen 3 juni 2014)\n"
    ),
    "header-cosigners": lambda n: (
        "Antwoord van Minister X (A), mede namens "
        + "de Minister van B en " * (n // 21)
        + "(ontvangen 3 juni 2014)\n"
    ),
}
N = 10_000


def _document(kind: str, n: int) -> str:
    if kind in HEADERS:
        return HEADERS[kind](n) + "\nVraag 1\nIs dat zo?\n\nAntwoord 1\nJa.\n"
    header = (
        "Vragen van het lid Dijk (SP) aan de Minister van Financiën over banken "
        "(ingezonden 3 juni 2014).\n\nAntwoord van Minister Dijsselbloem (Financiën) "
        "(ontvangen 20 juni 2014).\n\nVraag 1\n"
    )
    if kind == "seed":
        assert SEED is not None
        return SEED.read_text(encoding="utf-8") * max(n // 1000, 1)
    return header + PATHOLOGICAL[kind](n) + "\n\nAntwoord 1\n" + PATHOLOGICAL[kind](n) + "\n"


KINDS = [*PATHOLOGICAL, *HEADERS] + (["seed"] if SEED is not None else [])


@pytest.mark.parametrize("kind", KINDS)
def test_parser_is_linear(kind: str) -> None:
    """B10, C01, C02, C03, C04, C05: the parser stays linear on each pathological line."""

    def action_for(n: int) -> Callable[[], object]:
        lines = split_lines(_document(kind, n))
        return lambda: parse("concept.txt", lines)

    assert doubling_ratio(action_for, N) <= BOUND


def _parsed(kind: str, n: int) -> Document:
    return parse("concept.txt", split_lines(_document(kind, n)))


DOCS = {(kind, n): _parsed(kind, n) for kind in KINDS for n in (N, 2 * N)}


@pytest.mark.parametrize("code", list(RULES))
def test_rule_is_linear(code: str) -> None:
    """C01, C02, C03, C04, C05: one test over the rule registry: every rule stays linear on
    every pathological line (ratios, not times: the catalogue's absolute limits would be
    noise here)."""
    cls = RULES[code].cls
    worst = 0.0
    for kind in KINDS:

        def action_for(n: int, kind: str = kind) -> Callable[[], object]:
            doc = DOCS[(kind, n)]
            return lambda: list(cls("concept.txt").check(doc))

        worst = max(worst, doubling_ratio(action_for, N))
    assert worst <= BOUND
