"""The runner makes each built-in rule once per configured rule and gives it each file's
path (``qalint.runner._rows``). That is right only while a built-in rule keeps nothing of
a file on itself, which these tests check. What the rules derive from a document and
share (``qalint.rules.per_document``) is the document's own, and forgotten after its
check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from qalint_plugins.numbering._numbers import numbers

from qalint import rules, runner
from qalint.config import RawConfig
from qalint.model import Block, Document, Kind, Span
from qalint.parse import parse
from qalint.plugins import load_plugins
from qalint.readers import text as text_reader
from qalint.rules import Rule, per_document
from qalint.selection import ALWAYS_ON, Overrides, resolve
from qalint.source import Source, decode
from tests.helpers import CORPUS, REPO

PLUGINS = load_plugins()
BUILTIN = sorted(
    (
        entry.cls
        for code, entry in PLUGINS.rules.items()
        if entry.plugin.builtin and code not in ALWAYS_ON
    ),
    key=lambda cls: cls.code,
)
#: The rules' own test documents that can be read (QA001's cannot, on purpose).
DOCUMENTS = sorted(
    path
    for path in (REPO / "tests" / "rules").glob("QA*/*.txt")
    if path.parent.name not in ("QA001", "QA002")
)


def test_every_builtin_rule_is_made_by_rule_init() -> None:
    """Nothing of a file can be set up when the rule is made."""
    assert BUILTIN
    for cls in BUILTIN:
        assert cls.__init__ is Rule.__init__, cls.code
        assert cls.__new__ is Rule.__new__, cls.code


@pytest.mark.parametrize("cls", BUILTIN, ids=lambda cls: cls.code)
def test_a_builtin_rule_keeps_nothing_of_a_file(cls: type[Rule]) -> None:
    rule = cls("eerste.txt")
    before = dict(vars(rule))
    for path in DOCUMENTS:
        rule.path = str(path)
        list(rule.check(parse(str(path), decode(str(path), path.read_bytes()).lines)))
        assert vars(rule) == {**before, "path": str(path)}


def _findings(paths: list[Path]) -> list[list[tuple[object, ...]]]:
    settings = resolve(RawConfig(), PLUGINS.rules, Overrides(select=("ALL",)))
    return [
        sorted(
            (*d[:5], tuple(d.span))
            for d in runner.check_path(str(p), str(p), settings, PLUGINS).diagnostics
        )
        for p in paths
    ]


def test_one_instance_gives_each_file_its_own_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = [path for path in DOCUMENTS if path.name == "bad.txt"]
    # Each file alone, with rules made for it ...
    alone = []
    for path in bad:
        monkeypatch.setattr(runner, "_rows", {})
        alone.extend(_findings([path]))
    # ... and all in one run, where each rule is made once.
    monkeypatch.setattr(runner, "_rows", {})
    together = _findings(bad + bad)
    assert together == alone + alone
    assert all(
        f[0] == str(path) for path, found in zip(bad + bad, together, strict=True) for f in found
    )
    assert sum(map(len, alone)) > len(bad)  # the files do have findings


def test_a_builtin_rule_that_cannot_be_made_is_reported_for_every_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cls = PLUGINS.rules["QA105"].cls

    def broken_init(self: object, *args: object) -> None:
        raise KeyError("optie")

    monkeypatch.setattr(cls, "__init__", broken_init)
    monkeypatch.setattr(runner, "_rows", {})
    settings = resolve(RawConfig(), PLUGINS.rules, Overrides())
    for path in DOCUMENTS[:3]:
        result = runner.check_path(str(path), str(path), settings, PLUGINS)
        assert [d.message[:40] for d in result.diagnostics if d.code == "QA000"] == [
            "ingebouwde regel QA105 is gecrasht bij h"
        ]


def test_the_rows_do_not_grow_without_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "_rows", {})
    path = DOCUMENTS[0]
    for _ in range(runner._MAX_CONFIGURATIONS + 10):
        settings = resolve(RawConfig(), PLUGINS.rules, Overrides())
        runner.check_path(str(path), str(path), settings, PLUGINS)
        assert len(runner._rows) <= runner._MAX_CONFIGURATIONS


def test_per_document_computes_once_for_each_argument() -> None:
    calls: list[tuple[str, ...]] = []

    @per_document
    def joined(lines: tuple[str, ...]) -> str:
        calls.append(lines)
        return "\n".join(lines)

    first = ("a", "b")
    equal = tuple(["a", "b"])  # equal, but another document's
    assert joined(first) == "a\nb"
    assert joined(first) is joined(first)
    assert joined(("c",)) == "c"
    assert joined(equal) == "a\nb"
    assert joined(first) == "a\nb"
    assert [len(lines) for lines in calls] == [2, 1, 2, 2]
    assert [lines is first for lines in calls] == [True, False, False, True]


def test_the_runner_keeps_nothing_of_a_document_after_its_check() -> None:
    settings = resolve(RawConfig(), PLUGINS.rules, Overrides(select=("ALL",)))
    path = next(path for path in DOCUMENTS if path.parent.name == "QA601")
    # The placeholder and numbering rules share what they derive from it ...
    rules.forget_documents()
    runner.check_path(str(path), str(path), settings, PLUGINS)
    # ... and none of it, nor the document, outlives the check.
    assert rules._per_document == {}


@pytest.mark.parametrize(
    ("data", "shared"),
    [
        (b"Vraag 1\nPM?\n", True),
        ("Vraag 1\nKosten: \u20ac PM?\n".encode(), True),  # a wide text
        (b"\xef\xbb\xbfVraag 1\nPM?", True),  # after a BOM
        (b"Vraag 1\r\nPM?\r\n", False),  # the text holds "\r": the lines are joined
        (b"Vraag 1\rPM?\r", False),
    ],
)
def test_the_rules_get_the_decoded_text_as_the_joined_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, shared: bool
) -> None:
    """The runner gives ``joined_lines`` the decoded text where it equals the lines
    joined by line feeds, so no rule builds it again; elsewhere it is built."""
    path = tmp_path / "concept.txt"
    path.write_bytes(data)
    sources: list[Source] = []

    def decoding(*args: Any) -> Source:
        sources.append(decode(*args))
        return sources[-1]

    seen: list[tuple[str, bool]] = []

    def run_rules(settings: object, doc: Document, ignored: object, report: object) -> None:
        text = rules.joined_lines(doc.lines)
        seen.append((text, text is sources[0].text))

    monkeypatch.setattr(text_reader, "decode", decoding)
    monkeypatch.setattr(runner, "_run_rules", run_rules)
    settings = resolve(RawConfig(), PLUGINS.rules, Overrides())
    runner.check_path(str(path), str(path), settings, PLUGINS)
    assert seen == [("\n".join(sources[0].lines), shared)]
    assert rules._per_document == {}


_SPAN = Span(1, 1, 1, 1)


def _document(
    asked: tuple[tuple[int, ...], ...], answered: tuple[tuple[int, ...], ...]
) -> Document:
    def blocks(role: str, groups: tuple[tuple[int, ...], ...]) -> tuple[Block, ...]:
        return tuple(
            Block(role, role, _SPAN, group, None, _SPAN, 1, i) for i, group in enumerate(groups)
        )

    return Document(
        "x",
        Kind.ANSWER,
        (),
        questions=blocks("question", asked),
        answers=blocks("answer", answered),
    )


def _twice(blocks: tuple[Block, ...]) -> bool:
    found = [n for block in blocks for n in block.numbers]
    return len(set(found)) != len(found)


def test_each_document_has_its_own_numbers() -> None:
    first = _document(((1,), (2, 3), (2,)), ((1, 2),))
    twin = _document(((1,), (2, 3), (2,)), ((1, 2),))
    other = _document(((4,),), ((4,), (4, 5)))
    corpus = [
        parse(str(path), decode(str(path), path.read_bytes()).lines)
        for path in sorted(CORPUS.rglob("*.txt"))
    ]
    for doc in [first, first, other, first, twin, other, other, *corpus]:
        found = numbers(doc)
        assert found.asked == doc.asked
        assert found.answered == doc.answered
        assert found.asked_twice is _twice(doc.questions)
        assert found.answered_twice is _twice(doc.answers)
    assert numbers(first) is numbers(first)
    assert numbers(twin) is not numbers(first)
    assert any(numbers(doc).asked_twice for doc in corpus)
