"""The shortcuts that let built-in rules skip most documents: each must hold exactly
when the full check could find nothing (or at least whenever it could find something)."""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from qalint_plugins.drafting.placeholder_text import (
    _candidate,
    _positions,
    _says_will_follow,
    _will_follow,
)
from qalint_plugins.drafting.review_remark import _tracked, _tracked_change
from qalint_plugins.header.doubled_phrase import _doubled_at, _may_double
from qalint_plugins.header.unbalanced_parenthesis import _closed_one_by_one
from qalint_plugins.numbering.question_number_gap import _numbered_one_to_n

from qalint import runner
from qalint.config import RawConfig
from qalint.model import Block, Document, HeaderLine, Kind, Official, Span
from qalint.parse import parse
from qalint.plugins import load_plugins
from qalint.rules import Diagnostic, Rule
from qalint.selection import ALWAYS_ON, Overrides, resolve
from tests.helpers import REPO, fixture_lines

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
    assert all(match.start() in openings for match in _candidate().finditer(text))
    assert follows == [match.start() for match in re.finditer("olgt|OLGT", text)]


def _lines() -> list[str]:
    return [line for _, lines in fixture_lines() for line in lines]


def _has_doubled_phrase(text: str) -> bool:
    """What QA402's full check finds on a header line of ``text``."""
    words = HeaderLine(text, _SPAN, ((sys.maxsize, 1, 0),)).words
    keys = [word.strip(",.;:").lower() for word in words]
    return any(_doubled_at(keys, index) for index in range(len(keys)))


#: Doubled phrases of every length, hidden by case, marks and marks-only words, and
#: near misses.
DOUBLED_EDGES = [
    "van van",
    "Dat, dat",
    "de Minister de minister",
    "(ontvangen (ontvangen 7 juni)",
    "a b c d e a b c d e",
    "a b c d e f a b c d e f",
    "a , b a b",
    "a; b: a. b,",
    "a.b a.b",
    "a.b ab",
    "x ( y ) x ( y )",
    "x (y) x(y)",
    "2024 2024",
    "dat dat die die",
    "\u03a3\u0391\u03a3, \u03c3\u03b1\u03c2 \u03a3\u0391\u03a3: \u03c3\u03b1\u03c2",
    "\u0130 i\u0307 \u0130 i\u0307",
]


def test_doubled_phrase_shortcut_leaves_every_doubled_phrase_to_the_full_check() -> None:
    lines = _lines()
    # The shortcut pays: it leaves few lines of real text to the full check.
    assert sum(map(_may_double, lines)) < len(lines) / 10
    texts = lines + DOUBLED_EDGES
    generator = random.Random(402)
    # Short headers of a few words, in both cases, with marks and parentheses.
    pieces = ["a", "A", "b", "dat", "a,", ",", ".", "(", ")", "b.", ";a", "2"]
    texts += [" ".join(generator.choices(pieces, k=12)) for _ in range(20_000)]
    doubled = [text for text in texts if _has_doubled_phrase(text)]
    assert len(doubled) > 1_000
    assert all(_may_double(text) for text in doubled)


#: Tracked changes in every form the pattern allows, and near misses.
TRACKED_EDGES = [
    "Deleted:",
    "Deleted :",
    "Deleted  :",
    "\t \tMet opmaak : x",
    "Met opmaak: Met opmaak:",
    "Met opmaak :",
    "Met opmaak  :",
    "VERWIJDERD:",
    "In\u017ferted: x",
    "Opgemaa\u212at:",
    "\u0130ngevoegd:",
    "Formatted",
    "Formatted:: x",
    "Vraag 1: Verwijderd:",
    ":Verwijderd:",
    " Deletedx:",
]


def test_tracked_changes_are_tried_where_the_pattern_can_match() -> None:
    lines = _lines() + TRACKED_EDGES
    full = [_tracked_change().match(line) for line in lines]
    assert sum(match is not None for match in full) >= 8
    for line, match in zip(lines, full, strict=True):
        tried = _tracked(line)
        assert (tried and tried.span()) == (match and match.span()), line


#: Texts that say only that the text will follow, in every form the pattern allows, and
#: near misses.
WILL_FOLLOW_EDGES = [
    "Volgt.",
    "VOLGT!",
    "[Antwoord volgt]",
    "( tekst   volgt   later ) .",
    "beantwoording volgt nog].",
    "Reactie volgt LATER",
    "te\u212ast volgt",
    "volgt ]",
    "volgt  ]",
    "als volgt:",
    "Volgt..",
    "volgt nog nog",
    "volgt later?",
]


def test_will_follow_is_tried_where_the_pattern_can_match() -> None:
    texts = [line.strip() for line in _lines()] + WILL_FOLLOW_EDGES
    found = [text for text in texts if _will_follow().fullmatch(text)]
    assert len(found) >= 6
    assert found == [text for text in texts if _says_will_follow(text)]
    # Ignoring case, the pattern's letters that end a match match only ASCII letters.
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(re.findall("[volgtnaer]", everything, re.IGNORECASE)) == set("volgtnaerVOLGTNAER")


def _documents() -> list[Document]:
    """The corpus and the test documents of the rules (which have findings), parsed."""
    return [parse(path, lines) for path, lines in fixture_lines()]


DOCUMENTS = _documents()
RULES = {
    code: entry.cls("x.txt")
    for code, entry in load_plugins().rules.items()
    if entry.plugin.builtin and code not in ALWAYS_ON
}


def _notes(doc: Document) -> set[int]:
    return {note.number for note in doc.footnote_notes}


def _markers(doc: Document) -> set[int]:
    return {marker.number for marker in doc.footnote_markers}


def _signers(doc: Document) -> list[Official]:
    return [official for official in doc.header.signers if official.role == "signer"]


#: For each rule whose ``check`` tells most documents in a quick test that it finds
#: nothing, its full check, run on any document.
FULL_CHECKS: dict[str, Callable[[Any, Document], Iterable[object]]] = {
    "QA101": lambda rule, doc: rule._gaps(doc),
    "QA102": lambda rule, doc: rule._duplicates(doc),
    "QA103": lambda rule, doc: (
        rule._unanswered(doc, doc.answered) if doc.kind.requires_answers else ()
    ),
    "QA104": lambda rule, doc: rule._unasked(doc, doc.asked) if doc.questions else (),
    "QA106": lambda rule, doc: rule._answered_twice(doc),
    "QA201": lambda rule, doc: rule._missing(doc, doc.asked) if doc.asked else (),
    "QA202": lambda rule, doc: (
        rule._unanswered(doc, doc.asked - doc.answered) if doc.kind.requires_answers else ()
    ),
    "QA203": lambda rule, doc: rule._self_references(doc),
    "QA305": lambda rule, doc: rule._mismatches(doc),
    "QA401": lambda rule, doc: rule._unbalanced(doc),
    "QA402": lambda rule, doc: rule._doubled(doc),
    "QA404": lambda rule, doc: rule._malformed(doc),
    "QA405": lambda rule, doc: rule._duplicates(doc),
    "QA407": lambda rule, doc: (
        rule._not_joined(doc.header.government_line, _signers(doc))
        if doc.header.government_line is not None
        else ()
    ),
    "QA501": lambda rule, doc: rule._without_text(doc, _notes(doc)),
    "QA502": lambda rule, doc: rule._unreferenced(doc, _markers(doc)),
    "QA503": lambda rule, doc: rule._out_of_order(doc),
}


@pytest.mark.parametrize("code", sorted(FULL_CHECKS))
def test_a_rule_finds_what_its_full_check_finds(code: str) -> None:
    rule, full = RULES[code], FULL_CHECKS[code]
    found = [(list(rule.check(doc)), list(full(rule, doc))) for doc in DOCUMENTS]
    assert all(quick == complete for quick, complete in found)
    # The test documents show the full check at work.
    assert any(complete for _, complete in found)


def test_the_quick_tests_of_the_rules_that_return_their_findings() -> None:
    for doc in DOCUMENTS:
        # QA003: ``doc.is_blank``, told in C.
        assert (not any(map(str.strip, doc.lines))) is doc.is_blank
        # QA302 and QA305 tell by truth what is None: no problem or weekday is empty.
        assert all(field.problem != "" and field.weekday != "" for field in doc.dates)
    blank = Document("x", Kind.UNKNOWN, ("", " \t", "\u00a0\u2028", "\f"))
    assert list(RULES["QA003"].check(blank)) and blank.is_blank


def _found_in_one_step(rule: Rule, doc: Document) -> Iterator[Diagnostic]:
    yield rule.report(Span.point(1), "eerste")
    raise ValueError("halverwege")


#: What a built-in rule's check may return, and what the runner reports of it.
RETURNED: list[tuple[Callable[[Rule, Document], object], list[tuple[str, str]]]] = [
    (lambda rule, doc: (), []),
    (lambda rule, doc: [], []),
    (lambda rule, doc: None, []),  # nothing, as from a third-party rule
    (lambda rule, doc: [rule.report(Span.point(1), "een")], [("QA003", "een")]),
    (lambda rule, doc: (rule.report(Span.point(1), "een"),), [("QA003", "een")]),
    (
        lambda rule, doc: iter([rule.report(Span.point(1), "een")]),
        [("QA003", "een")],
    ),
    (
        _found_in_one_step,
        [
            ("QA000", "ingebouwde regel QA003 is gecrasht: ValueError: halverwege"),
            ("QA003", "eerste"),
        ],
    ),
]


@pytest.mark.parametrize(("check", "reported"), RETURNED)
def test_the_runner_takes_what_a_rule_returns_without_a_list_when_it_is_empty(
    monkeypatch: pytest.MonkeyPatch,
    check: Callable[[Rule, Document], object],
    reported: list[tuple[str, str]],
) -> None:
    """The runner makes no list for a rule that returns an empty collection (or None);
    whatever else it returns is taken, up to a crash."""
    plugins = load_plugins()
    monkeypatch.setattr(plugins.rules["QA003"].cls, "check", check)
    monkeypatch.setattr(runner, "_rows", {})
    settings = resolve(RawConfig(), plugins.rules, Overrides(select=("QA003",)))
    path = str(REPO / "tests" / "rules" / "QA003" / "bad.txt")
    result = runner.check_path(path, path, settings, plugins)
    found = sorted((d.code, d.message.partition(";")[0]) for d in result.diagnostics)
    assert found == reported


def test_review_remarks_of_a_text_without_a_bracket_are_found_as_with_one() -> None:
    """QA604 reads only the lines that hold a ":" when the text holds no "[": it finds
    what it finds when a line "[" (which is no remark) makes it read all."""
    rule = RULES["QA604"]
    found = []
    for path, lines in [*fixture_lines(), ("x.txt", tuple(TRACKED_EDGES))]:
        without = tuple(line for line in lines if "[" not in line)
        alone = list(rule.check(parse(path, without)))
        assert alone == list(rule.check(parse(path, (*without, "[")))), path
        found.extend(alone)
    assert len(found) >= 5  # tracked changes, found without a "["
