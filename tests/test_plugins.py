"""Third-party plugins: loading, isolation and reporting (ROBUSTNESS.md 0.1 and 2.5).

Two layers:

- in-process tests feed ``load_plugins`` fake entry points (objects with ``name``,
  ``load()`` and ``dist.name`` / ``dist.version``) and run ``run_check`` as the CLI
  does, one test per fault of the catalogue (E01, E02, E06, E08, E09, E10, E11, E12);
- command-line tests pip-install the real distributions under ``tests/plugins/`` once
  per session and run ``python -m qalint`` in a subprocess.

The distributions are installed with ``pip install --target`` into a temporary folder
that only the subprocesses see (through PYTHONPATH), not into the interpreter's
site-packages: that interpreter is shared with other processes, and a crashing or
broken plugin installed there would turn every concurrent qalint run into exit 2 (and
stay installed if the session were killed before its teardown).
"""

from __future__ import annotations

import collections
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from qalint import app, runner
from qalint.app import CheckRequest
from qalint.hookspecs import hookimpl
from qalint.model import Document, Span
from qalint.plugins import load_plugins
from qalint.rules import Diagnostic, NoOptions, Related, Rule, Severity, option_names
from qalint.source import Source, decode

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
PLUGIN_SOURCES = Path(__file__).resolve().parent / "plugins"
DISTRIBUTIONS = {
    # distribution folder: (import name, entry-point name, version)
    "qalint-demo-plugin": ("qalint_demo_plugin", "demo", "1.4.2"),
    "qalint-crashing-plugin": ("qalint_crashing_plugin", "crashing", "0.7.0"),
    "qalint-broken-plugin": ("qalint_broken_plugin", "broken", "2.0.1"),
}
#: pluggy's default plugin name is id(obj): a long run of digits that changes per run.
ID_LIKE = re.compile(r"\b\d{9,}\b")
FINDING = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{2,4}\d{3}) ")

# A clean answer document whose question 2 (label on line 12) has 12 lines of text.
LONG_QUESTION = """\
Vragen van het lid Van der Werf (D66) aan de Minister van Justitie en Veiligheid over
de wachttijden bij de rechtspraak (ingezonden 2 september 2024).

Antwoord van Minister Van Weel (Justitie en Veiligheid) (ontvangen 20 september 2024).

Vraag 1
Bent u bekend met het artikel «Wachttijden bij rechtbanken lopen verder op»?

Antwoord 1
Ja.

Vraag 2
Hoe lang zijn de gemiddelde wachttijden bij de rechtbanken op dit moment,
uitgesplitst naar civiele zaken, strafzaken en bestuursrechtelijke zaken,
en hoe hebben deze wachttijden zich in de afgelopen vijf jaar ontwikkeld?
Welke oorzaken ziet u voor de toename van de wachttijden?
Welke rol speelt het tekort aan rechters en ondersteunend personeel daarbij?
Hoeveel vacatures staan er op dit moment open bij de rechtspraak?
Welke maatregelen heeft u genomen om de wachttijden terug te dringen,
en wat is het effect van die maatregelen tot nu toe geweest?
Bent u bereid aanvullende middelen beschikbaar te stellen?
Zo ja, op welke termijn en voor welke onderdelen van de rechtspraak?
Zo nee, waarom niet?
Kunt u deze vragen beantwoorden voor het commissiedebat over de rechtspraak?

Antwoord 2
De wachttijden verschillen per rechtsgebied en per rechtbank. De Raad voor de
rechtspraak publiceert deze cijfers jaarlijks in het jaarverslag. Ik heb de Raad
gevraagd mij voor het commissiedebat een actueel overzicht te sturen, dat ik met
uw Kamer zal delen.
"""
LONG_QUESTION_LINE = 12


# -- fake entry points -------------------------------------------------------------------


@dataclass
class FakeDist:
    name: str
    version: str


class FakeEntryPoint:
    """What ``importlib.metadata.entry_points`` yields, as far as qalint uses it."""

    def __init__(
        self, name: str, load: Callable[[], object], dist: str | None = None, version: str = "1.0"
    ) -> None:
        self.name = name
        self.dist = FakeDist(dist or f"qalint-{name}", version)
        self._load = load

    def load(self) -> object:
        return self._load()


def plugin(
    name: str,
    *rules: type,
    dist: str | None = None,
    version: str = "1.0",
    **hooks: Callable[..., Any],
) -> FakeEntryPoint:
    """An entry point whose module registers ``rules`` (and any extra ``hooks``)."""
    module = types.ModuleType(f"fake_{name}")

    def qalint_register_rules() -> Sequence[type]:
        return rules

    if rules:
        module.qalint_register_rules = hookimpl(qalint_register_rules)  # type: ignore[attr-defined]
    for hook_name, function in hooks.items():
        setattr(module, hook_name, function)
    return FakeEntryPoint(name, lambda: module, dist, version)


def failing(name: str, exc: BaseException, version: str = "1.0") -> FakeEntryPoint:
    def load() -> object:
        raise exc

    return FakeEntryPoint(name, load, version=version)


# -- rules used by the fake plugins ------------------------------------------------------


class QuestionCount(Rule):
    """Reports every question label (a well-behaved rule to compare against)."""

    code = "XY101"
    name = "question-count"
    severity = Severity.INFO

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for block in doc.questions:
            yield self.report(
                block.label_span, f"{block.label} heeft {len(block.numbers)} nummer(s)"
            )


class LateObserver(Rule):
    """Runs after every other rule (codes run in order) and reports what it sees."""

    code = "ZZ101"
    name = "late-observer"
    severity = Severity.INFO

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        numbers = [n for block in doc.questions for n in block.numbers]
        yield self.report(Span.point(1, 1), f"vragen {numbers}, {len(doc.lines)} regels")


def raising_rule(exc: BaseException, code: str = "XY201") -> type[Rule]:
    class Raising(Rule):
        """Raises halfway."""

        name = "raising-rule"
        severity = Severity.WARNING

        def check(self, doc: Document) -> Iterator[Diagnostic]:
            yield self.report(doc.questions[0].label_span, "eerste melding, vóór de fout")
            raise exc

    Raising.code = code
    return Raising


def yielding_rule(items: Callable[[Rule, Document], Any], code: str = "XY301") -> type[Rule]:
    class Yielding(Rule):
        """Returns whatever the test gives it."""

        name = "yielding-rule"
        severity = Severity.WARNING

        def check(self, doc: Document) -> Any:
            return items(self, doc)

    Yielding.code = code
    return Yielding


def mutating_rule(mutate: Callable[[Document], None]) -> type[Rule]:
    class Mutating(Rule):
        """Changes the document it is given."""

        code = "MU001"  # runs before the QA rules, so a leak would show in their results
        name = "mutating-rule"
        severity = Severity.WARNING

        def check(self, doc: Document) -> Iterator[Diagnostic]:
            mutate(doc)
            return iter(())

    return Mutating


# -- running in-process -------------------------------------------------------------------


@dataclass
class Run:
    code: int
    out: str
    err: str
    #: What reached ``sys.stdout`` itself, besides the report (which goes to ``out``).
    leaked: str = ""

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    def without(self, *codes: str) -> list[str]:
        return [line for line in self.lines if not any(f": {code} " in line for code in codes)]

    def codes(self, code: str) -> list[str]:
        return [line for line in self.lines if f": {code} " in line]


@pytest.fixture
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A draft with four built-in findings (examples/with-errors.txt), in the cwd."""
    shutil.copy(EXAMPLES / "with-errors.txt", tmp_path / "concept.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "concept.txt"


@pytest.fixture
def lint(
    draft: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Run]:
    def run(
        *entry_points: FakeEntryPoint,
        debug: bool = False,
        output_format: str = "text",
        paths: tuple[str, ...] = (draft.name,),
    ) -> Run:
        monkeypatch.setattr(
            app, "load_plugins", lambda: load_plugins(entry_points=list(entry_points))
        )
        stream = io.StringIO()
        code = app.run_check(
            CheckRequest(paths=paths, debug=debug, output_format=output_format), stream
        )
        captured = capsys.readouterr()
        return Run(code, stream.getvalue(), captured.err, captured.out)

    return run


@pytest.fixture
def baseline(lint: Callable[..., Run]) -> Run:
    run = lint()
    assert run.code == 1 and len(run.lines) == 4 and run.err == ""
    return run


def assert_isolated(run: Run, baseline: Run, *own_codes: str) -> None:
    """The plugin changed nothing but its own findings and QA000; exit code 2."""
    assert run.without("QA000", *own_codes) == baseline.lines
    assert run.codes("QA000"), run.out
    assert run.code == 2
    assert "Traceback" not in run.err and "Exception ignored" not in run.err
    assert not ID_LIKE.search(run.out + run.err)


# -- E01: a plugin that fails to load -----------------------------------------------------


@pytest.mark.parametrize(
    "exc",
    [
        ImportError("No module named 'lxml'"),
        SyntaxError("invalid syntax"),
        SystemExit(0),
        SystemExit(3),
        RuntimeError("configuratie ontbreekt"),
    ],
    ids=lambda exc: f"{type(exc).__name__}({exc})",
)
def test_e01_load_failure_is_reported_and_builtins_still_run(
    lint: Callable[..., Run], baseline: Run, exc: BaseException
) -> None:
    run = lint(failing("kapot", exc, version="3.1"))
    message = f"plugin kapot (qalint-kapot 3.1) kon niet worden geladen: {type(exc).__name__}"
    assert f"qalint: error: {message}" in run.err
    assert_isolated(run, baseline)
    assert all(message in line for line in run.codes("QA000"))


def test_e01_a_broken_plugin_does_not_stop_the_next_one(
    lint: Callable[..., Run], baseline: Run
) -> None:
    run = lint(failing("aaa-kapot", ImportError("weg")), plugin("zzz-goed", QuestionCount))
    assert len(run.codes("XY101")) == 3
    assert_isolated(run, baseline, "XY101")


def test_e01_keyboard_interrupt_while_loading_is_not_swallowed() -> None:
    with pytest.raises(KeyboardInterrupt):
        load_plugins(entry_points=[failing("ctrl-c", KeyboardInterrupt())])


def test_e01_broken_installed_metadata_is_a_load_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def corrupt() -> list[Any]:
        raise ValueError("bad entry_points.txt")

    monkeypatch.setattr("qalint.plugins._entry_points", corrupt)
    plugins = load_plugins()
    assert "QA103" in plugins.rules
    assert [error.message for error in plugins.errors] == [
        "de geïnstalleerde plugins konden niet worden opgezocht: ValueError: bad entry_points.txt"
    ]


def test_e01_debug_shows_the_traceback_of_a_load_failure(lint: Callable[..., Run]) -> None:
    plugins = load_plugins(entry_points=[failing("kapot", ImportError("weg"))])
    (error,) = plugins.errors
    assert "Traceback" in error.traceback and "ImportError: weg" in error.traceback
    assert "Traceback" not in error.message
    quiet = lint(failing("kapot", ImportError("weg")))
    loud = lint(failing("kapot", ImportError("weg")), debug=True)
    assert "Traceback" not in quiet.err
    assert "Traceback (most recent call last)" in loud.err and "ImportError: weg" in loud.err


# -- E02: a rule that raises --------------------------------------------------------------


@pytest.mark.parametrize(
    "exc, shown",
    [
        (KeyError("x"), "KeyError: 'x'"),
        (RecursionError("maximum recursion depth exceeded"), "RecursionError: maximum recursion"),
        (MemoryError(), "MemoryError"),
        (SystemExit(0), "SystemExit: 0"),
        (ValueError("regel 1\nregel 2"), "ValueError: regel 1; regel 2"),
    ],
    ids=["KeyError", "RecursionError", "MemoryError", "SystemExit", "multiline"],
)
def test_e02_crashing_rule_gives_qa000_and_keeps_everything_else(
    lint: Callable[..., Run], baseline: Run, exc: BaseException, shown: str
) -> None:
    """E02, E05: a rule that raises (SystemExit too) is a QA000; all else is kept."""
    run = lint(plugin("crash", raising_rule(exc), version="0.7"), plugin("goed", QuestionCount))
    (qa000,) = run.codes("QA000")
    assert qa000.startswith(
        "concept.txt:1:1: QA000 [error] regel XY201 van plugin crash "
        "(qalint-crash 0.7) is gecrasht: " + shown
    )
    # What the rule yielded before it crashed is kept; the other plugin is untouched.
    assert len(run.codes("XY201")) == 1 and len(run.codes("XY101")) == 3
    assert_isolated(run, baseline, "XY201", "XY101")


def test_e02_real_recursion_in_a_rule(lint: Callable[..., Run], baseline: Run) -> None:
    def deep(n: int) -> int:
        return deep(n + 1) + 1

    run = lint(plugin("diep", yielding_rule(lambda rule, doc: [deep(0)])))
    assert "RecursionError" in run.codes("QA000")[0]
    assert_isolated(run, baseline)


def test_e02_traceback_only_with_debug(lint: Callable[..., Run]) -> None:
    quiet = lint(plugin("crash", raising_rule(KeyError("x"))))
    loud = lint(plugin("crash", raising_rule(KeyError("x"))), debug=True)
    assert "Traceback" not in quiet.err
    assert "Traceback (most recent call last)" in loud.err and "KeyError: 'x'" in loud.err
    assert loud.out == quiet.out and loud.code == quiet.code == 2


def test_e02_a_rule_whose_constructor_raises(lint: Callable[..., Run], baseline: Run) -> None:
    class BadInit(QuestionCount):
        """Raises while being built."""

        def __init__(self, *args: Any) -> None:
            raise KeyError("instelling")

    run = lint(plugin("init", BadInit))
    assert_isolated(run, baseline)


def test_e05_keyboard_interrupt_in_a_rule_propagates(lint: Callable[..., Run]) -> None:
    with pytest.raises(KeyboardInterrupt):
        lint(plugin("ctrl-c", raising_rule(KeyboardInterrupt())))


def test_e02_a_raising_register_hook_is_a_load_error_not_an_exit(
    lint: Callable[..., Run], baseline: Run
) -> None:
    @hookimpl
    def qalint_register_rules() -> Sequence[type]:
        raise SystemExit(0)

    run = lint(plugin("stopper", qalint_register_rules=qalint_register_rules))
    assert (
        "plugin stopper (qalint-stopper 1.0): qalint_register_rules is mislukt: SystemExit: 0"
    ) in run.err
    assert_isolated(run, baseline)


# -- E03: a rule that hangs -----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the rule timeout needs SIGALRM")
def test_e03_a_hanging_rule_is_stopped(
    lint: Callable[..., Run], baseline: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E03, C06: a hanging rule is stopped after rule-timeout."""
    if signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0):
        pytest.skip("another interval timer is running (pytest-timeout?)")
    (Path.cwd() / "rules.toml").write_text("rule-timeout = 0.3\n", encoding="utf-8")
    handler = signal.getsignal(signal.SIGALRM)

    def hang(rule: Rule, doc: Document) -> list[Diagnostic]:
        # Catching Exception must not swallow the timeout.
        try:
            time.sleep(60)
        except Exception:  # noqa: BLE001
            pass
        return []

    started = time.monotonic()
    run = lint(plugin("traag", yielding_rule(hang)), plugin("goed", QuestionCount))
    assert time.monotonic() - started < 5
    (qa000,) = run.codes("QA000")
    assert qa000.endswith(
        "regel XY301 van plugin traag (qalint-traag 1.0) duurde langer dan "
        "0.3 s en is voor dit bestand overgeslagen"
    )
    assert len(run.codes("XY101")) == 3
    assert_isolated(run, baseline, "XY101")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is handler


# -- E06: a rule that returns garbage -------------------------------------------------------


def test_e06_invalid_items_are_reported_valid_ones_kept(
    lint: Callable[..., Run], baseline: Run
) -> None:
    def items(rule: Rule, doc: Document) -> Iterator[object]:
        yield None
        yield 42
        yield {"line": 1, "message": "dict"}
        yield rule.report(Span.point(2, 1), "geldig, blijft")
        yield Diagnostic(
            rule.path, "QA101", rule.name, Severity.ERROR, "andermans code", Span.point(1)
        )
        yield rule.report(Span(3, 1, 3, 2), "")  # no text
        raise ValueError("halverwege")

    run = lint(plugin("rommel", yielding_rule(items)))
    qa000 = run.codes("QA000")
    prefix = "concept.txt:1:1: QA000 [error] regel XY301 van plugin rommel (qalint-rommel 1.0) "
    assert qa000 == sorted(
        [  # sorted: all at 1:1, so in message order
            prefix + "gaf een ongeldige melding: NoneType in plaats van een Diagnostic",
            prefix + "gaf een ongeldige melding: int in plaats van een Diagnostic",
            prefix + "gaf een ongeldige melding: dict in plaats van een Diagnostic",
            prefix + "gaf een ongeldige melding: code 'QA101' hoort niet bij deze regel",
            prefix + "gaf een ongeldige melding: de melding heeft geen tekst",
            prefix + "is gecrasht: ValueError: halverwege",
        ]
    )
    assert run.codes("XY301") == ["concept.txt:2:1: XY301 [warning] geldig, blijft"]
    assert_isolated(run, baseline, "XY301")


def test_e06_positions_are_clamped_and_messages_bounded(
    lint: Callable[..., Run], baseline: Run, draft: Path
) -> None:
    last = len(draft.read_text(encoding="utf-8").split("\n"))

    def items(rule: Rule, doc: Document) -> list[Diagnostic]:
        return [
            rule.report(Span(0, 0, 0, 0), "regel 0"),
            rule.report(Span(-5, -1, -5, -1), "regel -5"),
            rule.report(Span(10**9, 10**9, 10**9, 10**9), "voorbij het einde"),
            rule.report(Span(9, 5, 8, 1), "einde voor begin"),
            rule.report(Span(8, 1, 8, 8), "x" * 10_000_000),
            rule.report(
                Span(8, 1, 8, 8),
                "stuur\x1b[2J\rdoor\nen\x00",
                (Related(Span(0, 0, 10**9, 10**9), "buiten het document"),),
            ),
        ]

    run = lint(plugin("rommel", yielding_rule(items)))
    lines = run.codes("XY301")
    assert [line.split(" [warning] ")[0] for line in lines] == [
        "concept.txt:1:1: XY301",
        "concept.txt:1:1: XY301",
        "concept.txt:8:1: XY301",
        "concept.txt:8:1: XY301",
        "concept.txt:9:5: XY301",
        f"concept.txt:{last}:1: XY301",
    ]
    long_line = next(line for line in lines if "xxxx" in line)
    assert len(long_line) < 1000 and long_line.endswith("…")
    # Control characters reach the terminal escaped, on one line.
    steer = next(line for line in lines if "stuur" in line)
    assert "\\x1b[2J" in steer and steer.isprintable()
    assert not run.codes("QA000") and run.code == 1
    assert run.without("XY301") == baseline.lines

    data = json.loads(lint(plugin("rommel", yielding_rule(items)), output_format="json").out)
    spans = [
        (d["line"], d["column"], d["end_line"], d["end_column"])
        for d in data["diagnostics"]
        if d["code"] == "XY301"
    ]
    assert len(spans) == 6
    text_lines = draft.read_text(encoding="utf-8").split("\n")
    for line, column, end_line, end_column in spans:
        assert 1 <= line <= end_line <= last
        assert 1 <= column <= len(text_lines[line - 1]) + 1
        assert (end_line, end_column) >= (line, column)
    related = [r for d in data["diagnostics"] for r in d["related"]]
    assert related and all(1 <= r["line"] <= r["end_line"] <= last for r in related)


@pytest.mark.parametrize(
    "returned, shown",
    [
        (42, "int in plaats van een reeks meldingen"),
        ("tekst", "str in plaats van een reeks meldingen"),
        ({"line": 1}, "dict in plaats van een reeks meldingen"),
    ],
    ids=["int", "str", "dict"],
)
def test_e06_check_returning_no_collection(
    lint: Callable[..., Run], baseline: Run, returned: object, shown: str
) -> None:
    run = lint(plugin("rommel", yielding_rule(lambda rule, doc: returned)))
    (qa000,) = run.codes("QA000")
    assert qa000.endswith(
        f"regel XY301 van plugin rommel (qalint-rommel 1.0) gaf een ongeldig resultaat: {shown}"
    )
    assert_isolated(run, baseline)


def test_e06_a_flood_of_invalid_items_is_summarised(
    lint: Callable[..., Run], baseline: Run
) -> None:
    run = lint(plugin("rommel", yielding_rule(lambda rule, doc: [None] * 1000)))
    qa000 = run.codes("QA000")
    assert len(qa000) == runner.MAX_INVALID_REPORTS + 1
    assert qa000[-1].endswith(f"gaf nog {1000 - runner.MAX_INVALID_REPORTS} ongeldige meldingen")
    assert_isolated(run, baseline)


def test_e07_an_endless_rule_is_cut_off_and_closed_inside_the_guard(
    lint: Callable[..., Run], baseline: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "MAX_FINDINGS_PER_RULE", 3)

    def endless(rule: Rule, doc: Document) -> Iterator[Diagnostic]:
        try:
            while True:
                yield rule.report(Span.point(2), "nog een")
        finally:
            # Runs when qalint closes the generator; must not end up as
            # "Exception ignored in: <generator ...>" on stderr.
            raise RuntimeError("opruimen mislukt")

    run = lint(plugin("eindeloos", yielding_rule(endless)))
    assert len(run.codes("XY301")) == 3
    assert [line.split("1.0) ", 1)[1] for line in run.codes("QA000")] == [
        "gaf meer dan 3 meldingen; de rest is weggelaten",
        "is gecrasht: RuntimeError: opruimen mislukt",
    ]
    assert_isolated(run, baseline, "XY301")


def test_e06_a_diagnostic_for_another_file_or_severity(
    lint: Callable[..., Run], baseline: Run
) -> None:
    def items(rule: Rule, doc: Document) -> list[Diagnostic]:
        return [
            Diagnostic(
                "/etc/passwd", rule.code, rule.name, rule.severity, "ander bestand", Span.point(1)
            ),
            Diagnostic(rule.path, rule.code, rule.name, "fatal", "ernst", Span.point(1)),  # type: ignore[arg-type]
            Diagnostic(
                rule.path, rule.code, rule.name, Severity.ERROR, "eigen ernst", Span.point(2)
            ),
        ]

    run = lint(plugin("rommel", yielding_rule(items)))
    assert [line.split(": ", 1)[1] for line in run.codes("QA000")] == [
        "QA000 [error] regel XY301 van plugin rommel (qalint-rommel 1.0) gaf een ongeldige "
        "melding: onbekende ernst 'fatal'",
        "QA000 [error] regel XY301 van plugin rommel (qalint-rommel 1.0) gaf een ongeldige "
        "melding: pad '/etc/passwd' is niet het bestand dat werd gecontroleerd",
    ]
    # The configured severity (here the rule's default) wins over what the rule put in.
    assert run.codes("XY301") == ["concept.txt:2:1: XY301 [warning] eigen ernst"]
    assert_isolated(run, baseline, "XY301")


# -- E08: a rule that changes the document --------------------------------------------------


def _assign(doc: Document) -> None:
    doc.questions = ()  # type: ignore[misc]


def _clear(doc: Document) -> None:
    doc.questions.clear()  # type: ignore[attr-defined]


def _edit_block(doc: Document) -> None:
    doc.questions[0].numbers = (99,)  # type: ignore[misc]


def _force_top(doc: Document) -> None:
    object.__setattr__(doc, "questions", doc.questions[:1])


def _force_nested(doc: Document) -> None:
    object.__setattr__(doc.questions[1], "numbers", (2,))


@pytest.mark.parametrize(
    "mutate, shown",
    [
        (_assign, "is gecrasht: AttributeError: can't set attribute"),
        (_clear, "is gecrasht: AttributeError: 'tuple' object has no attribute 'clear'"),
        (_edit_block, "is gecrasht: AttributeError: can't set attribute"),
        # NamedTuple fields are read-only even for object.__setattr__.
        (_force_top, "is gecrasht: AttributeError: can't set attribute"),
        (_force_nested, "is gecrasht: AttributeError: can't set attribute"),
    ],
    ids=["assign", "clear", "edit-block", "object-setattr", "object-setattr-nested"],
)
def test_e08_mutation_is_qa000_and_invisible_to_other_rules(
    lint: Callable[..., Run], mutate: Callable[[Document], None], shown: str
) -> None:
    clean = lint(plugin("kijker", LateObserver))
    mutator = plugin("muteer", mutating_rule(mutate))
    observer = plugin("kijker", LateObserver)
    first = lint(mutator, observer)
    second = lint(observer, mutator)
    assert first.out == second.out and first.code == second.code == 2
    (qa000,) = first.codes("QA000")
    assert qa000.endswith(f"regel MU001 van plugin muteer (qalint-muteer 1.0) {shown}")
    assert first.without("QA000") == clean.lines


# -- E09: a plugin that prints or changes the working folder -------------------------------


class Chatty(QuestionCount):
    """QuestionCount that prints while it is made and while it checks."""

    def __init__(self, path: str, options: Any = None, severity: Severity | None = None):
        super().__init__(path, options, severity)
        print("aangemaakt voor", path)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        print("bezig met", doc.path)
        yield from super().check(doc)


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_e09_what_a_rule_prints_is_a_warning_not_output(
    lint: Callable[..., Run], draft: Path, output_format: str
) -> None:
    quiet = lint(plugin("teller", QuestionCount), output_format=output_format)
    chatty = lint(plugin("teller", Chatty), output_format=output_format)
    assert chatty.out == quiet.out and chatty.code == quiet.code
    if output_format == "json":
        json.loads(chatty.out)
    assert chatty.leaked == ""
    assert chatty.err.splitlines() == [
        "qalint: waarschuwing: regel XY101 van plugin teller (qalint-teller 1.0) schreef naar "
        "stdout bij concept.txt: 'aangemaakt voor concept.txt bezig met concept.txt'; "
        "dat staat niet in het rapport"
    ]


def test_e09_a_printing_rule_is_warned_about_once_per_run(
    lint: Callable[..., Run], draft: Path
) -> None:
    shutil.copy(draft, draft.with_name("tweede.txt"))
    run = lint(plugin("teller", Chatty), paths=(draft.name, "tweede.txt"))
    assert run.leaked == ""
    assert len(run.err.splitlines()) == 1 and "bij concept.txt" in run.err
    first, second = (
        [line.split(":", 1)[1] for line in run.lines if line.startswith(f"{name}:")]
        for name in (draft.name, "tweede.txt")
    )
    assert first == second and any(" XY101 " in line for line in first)


def test_e09_a_rule_that_replaces_stdout_does_not_keep_it(lint: Callable[..., Run]) -> None:
    class Replacing(QuestionCount):
        """Puts its own stdout in place and leaves it there."""

        def check(self, doc: Document) -> Iterator[Diagnostic]:
            sys.stdout = io.StringIO()
            print("weg")
            yield from super().check(doc)

    before = sys.stdout
    run = lint(plugin("teller", Replacing), output_format="json")
    assert sys.stdout is before
    codes = [item["code"] for item in json.loads(run.out)["diagnostics"]]
    assert codes.count("XY101") == 3
    assert run.err == ""  # it printed into a stream of its own, not into ours


def test_e09_a_rule_that_changes_folder_is_put_back(
    lint: Callable[..., Run], draft: Path, baseline: Run
) -> None:
    elsewhere = draft.parent / "elders"
    elsewhere.mkdir()
    shutil.copy(draft, draft.with_name("tweede.txt"))

    class Wandering(QuestionCount):
        """Changes the working folder, as a careless plugin might."""

        def check(self, doc: Document) -> Iterator[Diagnostic]:
            os.chdir(elsewhere)
            yield from super().check(doc)

    run = lint(plugin("zwerver", Wandering), paths=(draft.name, "tweede.txt"))
    assert Path.cwd() == draft.parent
    # The second file is still found by its relative name, and checked like the first.
    assert run.without("XY101") == baseline.lines + [
        line.replace("concept.txt", "tweede.txt") for line in baseline.lines
    ]


def test_e09_printing_while_loading_and_in_hooks_is_a_warning(lint: Callable[..., Run]) -> None:
    module = types.ModuleType("fake_luid")

    def qalint_register_rules() -> Sequence[type]:
        print("regels van luid")
        return [QuestionCount]

    @hookimpl(tryfirst=True)
    def qalint_read_source(path: str) -> Source | None:
        print("ik lees", path)
        return None

    module.qalint_register_rules = hookimpl(qalint_register_rules)  # type: ignore[attr-defined]
    module.qalint_read_source = qalint_read_source  # type: ignore[attr-defined]

    def load() -> object:
        print("geladen")
        return module

    run = lint(FakeEntryPoint("luid", load), output_format="json")
    json.loads(run.out)
    assert run.leaked == ""
    assert run.err.splitlines() == [
        "qalint: waarschuwing: plugin luid (qalint-luid 1.0) schreef naar stdout bij het "
        "laden: 'geladen'; dat staat niet in het rapport",
        "qalint: waarschuwing: plugin luid (qalint-luid 1.0) schreef naar stdout in "
        "qalint_register_rules: 'regels van luid'; dat staat niet in het rapport",
        "qalint: waarschuwing: lezer van plugin luid (qalint-luid 1.0) schreef naar stdout "
        "bij concept.txt: 'ik lees concept.txt'; dat staat niet in het rapport",
    ]


# -- E10: codes that clash or are invalid ---------------------------------------------------


def test_e10_two_plugins_claim_the_same_code(lint: Callable[..., Run], baseline: Run) -> None:
    class Other(QuestionCount):
        """The same code as QuestionCount, from another distribution."""

        name = "other-count"

    one = plugin("alfa", QuestionCount, dist="qalint-alfa", version="1.0")
    two = plugin("beta", Other, dist="qalint-beta", version="2.0")
    first, second = lint(one, two), lint(two, one)
    expected = (
        "qalint: error: code XY101 van plugin beta (qalint-beta 2.0) is al in gebruik "
        "door plugin alfa (qalint-alfa 1.0)"
    )
    assert first.err.splitlines() == second.err.splitlines() == [expected]
    assert first.out == second.out
    assert_isolated(first, baseline, "XY101")


def test_e10_a_plugin_claims_a_builtin_code(lint: Callable[..., Run], baseline: Run) -> None:
    class Impostor(QuestionCount):
        """Claims QA103."""

        code = "QA103"
        name = "impostor"

    run = lint(plugin("dief", Impostor))
    assert (
        "qalint: error: plugin dief (qalint-dief 1.0): code QA103 hoort bij qalint zelf; "
        "kies een eigen voorvoegsel"
    ) in run.err
    # The built-in QA103 still runs and is the only one.
    assert run.codes("QA103") == baseline.codes("QA103")
    assert_isolated(run, baseline)


@pytest.mark.parametrize("code", ["qa-1", "XY1", "XY1234", "ABCDE123", "X101", 101, None])
def test_e10_invalid_codes_are_rejected(code: object) -> None:
    class Bad(QuestionCount):
        """Has an invalid code."""

    Bad.code = code  # type: ignore[assignment]
    plugins = load_plugins(entry_points=[plugin("fout", Bad)])
    assert not any(entry.cls is Bad for entry in plugins.rules.values())
    (error,) = plugins.errors
    assert error.message.startswith(f"plugin fout (qalint-fout 1.0): ongeldige regelcode {code!r}")


def test_e10_duplicate_names_and_unusable_rules_are_rejected() -> None:
    class SameName(QuestionCount):
        """Another code, the same name."""

        code = "XY102"

    class NoCheck(Rule):
        """Forgot check()."""

        code = "XY103"
        name = "no-check"

    @dataclass(frozen=True)
    class RequiredOptions:
        limit: int

    class BadOptions(QuestionCount):
        """Options without defaults."""

        code = "XY104"
        name = "bad-options"
        Options = RequiredOptions

    plugins = load_plugins(
        entry_points=[
            plugin("een", QuestionCount),
            plugin("twee", SameName, NoCheck, BadOptions, "geen regel"),
        ]
    )
    assert [code for code in plugins.rules if code.startswith("XY")] == ["XY101"]
    messages = [error.message for error in plugins.errors]
    assert messages[:2] == [
        "naam question-count (XY102) van plugin twee (qalint-twee 1.0) is al in gebruik door "
        "XY101 van plugin een (qalint-een 1.0)",
        "plugin twee (qalint-twee 1.0): regel XY103 heeft geen check()",
    ]
    assert messages[2].startswith(
        "plugin twee (qalint-twee 1.0): de Options van XY104 zijn onbruikbaar: TypeError: "
    )
    assert messages[2].endswith("missing 1 required positional argument: 'limit'")
    assert messages[3:] == [
        "plugin twee (qalint-twee 1.0) registreerde iets dat geen Rule is: 'geen regel'",
    ]


def test_e10_options_must_be_a_namedtuple_or_a_dataclass_with_typed_fields() -> None:
    """A rule's Options is a typing.NamedTuple or a dataclass, each field typed: the
    configuration checks every value against its field's type."""

    class PlainOptions:
        limit = 3

    class PlainClass(QuestionCount):
        """Options of a plain class."""

        code = "XY105"
        name = "plain-options"
        Options = PlainOptions

    class Untyped(QuestionCount):
        """Options of a namedtuple without types."""

        code = "XY106"
        name = "untyped-options"
        Options = collections.namedtuple("UntypedOptions", ["limit"], defaults=[3])

    plugins = load_plugins(entry_points=[plugin("drie", PlainClass, Untyped)])
    assert [error.message for error in plugins.errors] == [
        "plugin drie (qalint-drie 1.0): de Options van XY105 zijn geen NamedTuple of dataclass",
        "plugin drie (qalint-drie 1.0): de Options van XY106 hebben geen type voor limit",
    ]


def test_option_names_read_namedtuple_and_dataclass_options() -> None:
    class Typed(NamedTuple):
        limit: int = 3
        words: tuple[str, ...] = ()

    @dataclass(frozen=True)
    class Frozen:
        limit: int = 3

    assert option_names(Typed) == ("limit", "words")
    assert option_names(Frozen) == ("limit",)
    assert [option_names(other) for other in (NoOptions, tuple, Typed(), 3)] == [None] * 4


def test_e10_two_distributions_with_the_same_entry_point_name() -> None:
    plugins = load_plugins(
        entry_points=[
            plugin("zelfde", QuestionCount, dist="qalint-b", version="2.0"),
            plugin("zelfde", LateObserver, dist="qalint-a", version="1.0"),
        ]
    )
    # Loaded in a fixed order, so which one wins does not depend on sys.path.
    assert plugins.infos["zelfde"].dist == "qalint-a"
    assert [error.message for error in plugins.errors] == [
        "plugin zelfde (qalint-b 2.0) heeft dezelfde naam als plugin zelfde (qalint-a 1.0); "
        "alleen de eerste is geladen"
    ]


# -- E11: hookimpls qalint cannot use -------------------------------------------------------


def test_e11_wrong_hookimpl_signature_is_a_named_load_error(
    lint: Callable[..., Run], baseline: Run
) -> None:
    @hookimpl
    def qalint_file_extensions() -> Sequence[str]:
        return (".kv",)

    @hookimpl
    def qalint_register_rules(config: object) -> Sequence[type]:
        return (QuestionCount,)

    entry_point = plugin(
        "verkeerd",
        qalint_file_extensions=qalint_file_extensions,
        qalint_register_rules=qalint_register_rules,
    )
    run = lint(entry_point)
    (error,) = run.err.splitlines()  # pluggy's three-line message, on one line
    assert error.startswith(
        "qalint: error: plugin verkeerd (qalint-verkeerd 1.0) kon niet "
        "worden geladen: PluginValidationError: Plugin 'verkeerd' for hook "
        "'qalint_register_rules'; hookimpl definition: "
        "qalint_register_rules(config"
    )
    assert "Argument(s) {'config'} are declared in the hookimpl" in error
    assert_isolated(run, baseline)
    # pluggy had already registered qalint_file_extensions; none of it may stay active.
    plugins = load_plugins(entry_points=[entry_point])
    assert plugins.manager.get_plugin("verkeerd") is None
    assert ".kv" not in plugins.extensions()
    assert "verkeerd" not in plugins.infos


def test_e11_unknown_hook_and_hookwrapper_are_load_errors() -> None:
    @hookimpl
    def qalint_register_rule() -> Sequence[type]:  # a typo: the hook ends in "rules"
        return (QuestionCount,)

    @hookimpl(wrapper=True)
    def qalint_register_rules() -> Any:
        return (yield)

    plugins = load_plugins(
        entry_points=[
            plugin("typfout", qalint_register_rule=qalint_register_rule),
            plugin("wikkel", qalint_register_rules=qalint_register_rules),
        ]
    )
    messages = [error.message for error in plugins.errors]
    assert messages[0].startswith(
        "plugin typfout (qalint-typfout 1.0) kon niet worden geladen: "
        "PluginValidationError: onbekende hook qalint_register_rule "
        "(qalint kent: "
    )
    assert messages[1] == (
        "plugin wikkel (qalint-wikkel 1.0) kon niet worden geladen: "
        "PluginValidationError: hook qalint_register_rules is een wrapper; "
        "qalint ondersteunt geen wrappers"
    )
    assert len(messages) == 2 and "XY101" not in plugins.rules
    assert plugins.manager.get_plugin("typfout") is None


def test_reader_hook_gets_only_the_arguments_it_declares(
    lint: Callable[..., Run], baseline: Run
) -> None:
    seen: list[str] = []

    @hookimpl(tryfirst=True)
    def qalint_read_source(path: str) -> Source | None:
        seen.append(path)
        return None  # not this plugin's format: the text reader takes over

    run = lint(plugin("lezer", qalint_read_source=qalint_read_source))
    assert seen == ["concept.txt"]
    assert run.out == baseline.out and run.code == baseline.code and run.err == ""


def test_reader_hook_returning_garbage_is_blamed_on_the_plugin(lint: Callable[..., Run]) -> None:
    """E06: a reader that returns garbage is a QA000 naming the plugin."""

    @hookimpl(tryfirst=True)
    def qalint_read_source(path: str, data: bytes) -> Any:
        return data.decode("utf-8")  # a str, not a Source

    run = lint(plugin("lezer", qalint_read_source=qalint_read_source))
    assert run.lines == [
        "concept.txt:1:1: QA000 [error] lezer van plugin lezer (qalint-lezer 1.0) is gecrasht: "
        "TypeError: qalint_read_source gaf str terug, geen Source of None"
    ]
    assert run.code == 2


def test_reader_hook_with_all_arguments_still_works() -> None:
    @hookimpl(tryfirst=True)
    def qalint_read_source(path: str, data: bytes, encoding: str | None) -> Source | None:
        return decode(path, data, encoding) if path.endswith(".kv") else None

    plugins = load_plugins(entry_points=[plugin("kv", qalint_read_source=qalint_read_source)])
    name, read = plugins.readers()[0]
    assert name == "kv"
    source = read(path="a.kv", data=b"Vraag 1\n", encoding=None)
    assert source is not None and source.lines == ("Vraag 1", "")


# -- E12: how plugins are named -------------------------------------------------------------


def test_e12_plugins_are_registered_and_named_by_entry_point() -> None:
    entry_point = plugin("mooi", QuestionCount, dist="qalint-mooi", version="4.5.6")
    plugins = load_plugins(entry_points=[entry_point])
    module = entry_point.load()
    assert plugins.manager.get_name(module) == "mooi"
    assert plugins.rules["XY101"].plugin.describe() == "mooi (qalint-mooi 4.5.6)"
    assert not any(ID_LIKE.fullmatch(name) for name, _ in plugins.manager.list_name_plugin())


def test_e12_every_plugin_message_names_entry_point_and_version(lint: Callable[..., Run]) -> None:
    run = lint(
        failing("laden", ImportError("weg"), version="1.1"),
        plugin("crash", raising_rule(KeyError("x")), version="2.2"),
        plugin("rommel", yielding_rule(lambda rule, doc: [None]), version="3.3"),
    )
    wanted = {
        "laden": "qalint-laden 1.1",
        "crash": "qalint-crash 2.2",
        "rommel": "qalint-rommel 3.3",
    }
    messages = run.codes("QA000") + run.err.splitlines()
    assert len(messages) == 4
    for message in messages:
        assert any(f"plugin {name} ({dist})" in message for name, dist in wanted.items()), message
    assert not ID_LIKE.search(run.out + run.err)


# -- the real distributions, installed -------------------------------------------------------


def _builds_without_isolation() -> bool:
    """Whether this interpreter's setuptools can build a wheel on its own."""
    try:
        version = metadata.version("setuptools")
    except metadata.PackageNotFoundError:
        return False
    major, minor = (int(part) for part in re.findall(r"\d+", version)[:2])
    if (major, minor) >= (70, 1):  # bdist_wheel moved into setuptools in 70.1
        return True
    try:
        metadata.version("wheel")
    except metadata.PackageNotFoundError:
        return False
    return True


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Install the three distributions once; return folders that each expose a subset.

    One pip call for all three. Each returned folder holds links to the installed
    packages and their .dist-info of one combination, for a subprocess's PYTHONPATH.
    """
    root = tmp_path_factory.mktemp("plugin-dists")
    sources = root / "src"
    # A copy, so that setuptools' build/ and .egg-info never land in the repository.
    shutil.copytree(
        PLUGIN_SOURCES, sources, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    target = root / "all"
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-input",
        "--disable-pip-version-check",
        "-q",
        "--target",
        str(target),
        *(str(sources / name) for name in DISTRIBUTIONS),
    ]
    attempts = [[*command, "--no-build-isolation"]] if _builds_without_isolation() else []
    # Fallback: an isolated build fetches setuptools (and wheel) from the package index.
    attempts.append(command)
    failures = []
    for attempt in attempts:
        done = subprocess.run(attempt, capture_output=True, text=True, timeout=300)
        if done.returncode == 0:
            break
        failures.append(f"$ {' '.join(attempt)}\n{done.stdout}{done.stderr}")
        shutil.rmtree(target, ignore_errors=True)
    else:
        pytest.fail("could not install the test plugins:\n" + "\n".join(failures))

    def view(*folders: str) -> Path:
        folder = root / "+".join(folders)
        folder.mkdir()
        for dist in folders:
            module = DISTRIBUTIONS[dist][0]
            for installed in target.glob(f"{module}*"):
                (folder / installed.name).symlink_to(installed)
        return folder

    yield {
        "demo": view("qalint-demo-plugin"),
        "demo+crashing": view("qalint-demo-plugin", "qalint-crashing-plugin"),
        "broken": view("qalint-broken-plugin"),
        "all": target,
    }
    shutil.rmtree(root, ignore_errors=True)  # the "uninstall": nothing was installed elsewhere


def qalint(
    args: Sequence[str],
    cwd: Path,
    plugin_path: Path | None,
    extra_env: dict[str, str] | None = None,
    command: Sequence[str] = ("-m", "qalint"),
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QALINT_SUMMARY", "PYTHONPATH")
    }
    if plugin_path is not None:
        env["PYTHONPATH"] = str(plugin_path)
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, *command, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    shutil.copy(EXAMPLES / "with-errors.txt", folder / "fouten.txt")
    shutil.copy(EXAMPLES / "correct.txt", folder / "goed.txt")
    (folder / "lang.txt").write_text(LONG_QUESTION, encoding="utf-8")
    return folder


DRAFTS = ("fouten.txt", "goed.txt", "lang.txt")


def test_installed_demo_rule_runs_at_the_right_line(site: dict[str, Path], drafts: Path) -> None:
    done = qalint(["check", *DRAFTS], drafts, site["demo"])
    assert done.stderr == ""
    kv101 = [line for line in done.stdout.splitlines() if " KV101 " in line]
    assert kv101 == [
        f"lang.txt:{LONG_QUESTION_LINE}:1: KV101 [warning] Vraag 2 is 12 regels "
        f"lang; het maximum is 10"
    ]
    assert done.returncode == 1  # fouten.txt has errors; the KV101 warning alone would pass
    alone = qalint(["check", "lang.txt"], drafts, site["demo"])
    assert alone.stdout == kv101[0] + "\n" and alone.returncode == 0


def test_exit_handlers_of_a_plugin_run(site: dict[str, Path], drafts: Path, tmp_path: Path) -> None:
    exit_file = tmp_path / "exit.txt"
    done = qalint(
        ["check", "lang.txt"], drafts, site["demo"], {"QALINT_DEMO_EXIT_FILE": str(exit_file)}
    )
    assert done.returncode == 0 and " KV101 " in done.stdout
    assert exit_file.read_text(encoding="utf-8") == "afgesloten\n"


def test_without_plugins_qalint_skips_the_interpreter_teardown(
    drafts: Path, tmp_path: Path
) -> None:
    # An exit handler that is not qalint's runs only when the interpreter tears down.
    exit_file = tmp_path / "exit.txt"
    program = (
        "import atexit, pathlib, sys; "
        f"atexit.register(pathlib.Path({str(exit_file)!r}).write_text, 'x'); "
        "sys.argv[0] = 'qalint'; from qalint.cli import main; main()"
    )
    done = qalint(["check", *DRAFTS], drafts, None, command=("-c", program))
    assert done.returncode == 1 and done.stdout.count("\n") == 4  # all output, flushed
    assert not exit_file.exists()


def test_installed_demo_rule_options_come_from_the_configuration(
    site: dict[str, Path], tmp_path: Path
) -> None:
    (tmp_path / "lang.txt").write_text(LONG_QUESTION, encoding="utf-8")
    (tmp_path / "rules.toml").write_text(
        'select = ["KV"]\n\n[rules.KV101]\nmax-lines = 0\n', encoding="utf-8"
    )
    done = qalint(["check", "lang.txt"], tmp_path, site["demo"])
    assert done.stdout.splitlines() == [
        "lang.txt:6:1: KV101 [warning] Vraag 1 is 1 regel lang; het maximum is 0",
        f"lang.txt:{LONG_QUESTION_LINE}:1: KV101 [warning] Vraag 2 is 12 regels lang; het "
        f"maximum is 0",
    ], done.stderr


def test_installed_plugin_is_listed_with_its_version(site: dict[str, Path], tmp_path: Path) -> None:
    """E12: an installed plugin is listed by entry-point name and version."""
    listed = qalint(["plugins"], tmp_path, site["demo"])
    assert listed.returncode == 0, listed.stderr
    assert "demo\tqalint-demo-plugin 1.4.2\textern\t1 regels" in listed.stdout.splitlines()
    rules = qalint(["rules"], tmp_path, site["demo"])
    assert rules.returncode == 0
    (row,) = [line for line in rules.stdout.splitlines() if line.startswith("KV101")]
    assert row.split()[:3] == ["KV101", "long-question", "warning"]
    assert "A question is longer than `max-lines` lines." in row
    doc = qalint(["rule", "KV101"], tmp_path, site["demo"])
    assert doc.stdout.startswith("KV101 long-question (warning, demo (qalint-demo-plugin 1.4.2))")
    for section in ("## Why is this bad?", "## Example", "## Use instead", "## Options"):
        assert section in doc.stdout


def test_installed_crashing_plugin_costs_only_its_own_results(
    site: dict[str, Path], drafts: Path
) -> None:
    """E02: an installed crashing plugin, in a real process."""
    without = qalint(["check", *DRAFTS], drafts, site["demo"])
    crashing = qalint(["check", *DRAFTS], drafts, site["demo+crashing"])
    assert crashing.returncode == 2
    assert "Traceback" not in crashing.stderr
    lines = crashing.stdout.splitlines()
    qa000 = [line for line in lines if " QA000 " in line]
    assert qa000 == [
        "fouten.txt:1:1: QA000 [error] regel KC301 van plugin crashing "
        "(qalint-crashing-plugin 0.7.0) is gecrasht: KeyError: 5"
    ]
    others = [line for line in lines if " QA000 " not in line and " KC301 " not in line]
    assert others == without.stdout.splitlines()
    assert all(FINDING.match(line) for line in lines)

    debug = qalint(["check", "--debug", *DRAFTS], drafts, site["demo+crashing"])
    assert "Traceback (most recent call last)" in debug.stderr
    assert "qalint_crashing_plugin" in debug.stderr and "KeyError: 5" in debug.stderr
    assert debug.stdout == crashing.stdout and debug.returncode == 2


def test_installed_broken_plugin_is_named_and_builtins_still_run(
    site: dict[str, Path], drafts: Path
) -> None:
    """E01, E12: an installed plugin that fails to import, in a real process."""
    builtin_only = qalint(["check", "fouten.txt"], drafts, None)
    done = qalint(["check", "fouten.txt"], drafts, site["broken"])
    assert done.returncode == 2
    message = (
        "plugin broken (qalint-broken-plugin 2.0.1) kon niet worden geladen: "
        "ImportError: cannot import name 'RuleBase' from 'qalint.rules'"
    )
    assert done.stderr.startswith("qalint: error: " + message), done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert [line for line in lines if " QA000 " not in line] == builtin_only.stdout.splitlines()
    assert next(line for line in lines if " QA000 " in line).startswith(
        "fouten.txt:1:1: QA000 [error] " + message
    )
    listed = qalint(["plugins"], drafts, site["broken"])
    assert listed.returncode == 2 and message in listed.stderr


def test_installed_broken_plugin_traceback_with_debug(site: dict[str, Path], drafts: Path) -> None:
    done = qalint(["check", "--debug", "fouten.txt"], drafts, site["broken"])
    assert "Traceback (most recent call last)" in done.stderr
    assert "qalint_broken_plugin" in done.stderr


def test_installed_all_three_together(site: dict[str, Path], drafts: Path) -> None:
    done = qalint(["check", "--format", "json", *DRAFTS], drafts, site["all"])
    assert done.returncode == 2
    data = json.loads(done.stdout)
    codes = {d["code"] for d in data["diagnostics"]}
    assert "KV101" in codes and "QA000" in codes and "QA103" in codes
    assert "broken (qalint-broken-plugin 2.0.1)" in done.stderr
    assert not ID_LIKE.search(done.stdout + done.stderr)


def test_hooks_of_a_module_are_found_as_pluggy_finds_them() -> None:
    """qalint's manager reads a plugin module's own attributes instead of pluggy's
    ``inspect.getattr_static`` (start-up); for every attribute it must give pluggy's
    answer: plain functions with and without the marker, and what pluggy looks at more
    closely (static and class methods, bound methods), left to pluggy."""
    import importlib

    import pluggy

    from qalint.plugins import BUILTIN_PLUGINS, _PluginManager

    class Holder:
        @hookimpl
        def qalint_register_rules(self) -> Sequence[type[Rule]]:
            return ()

    module = types.ModuleType("tricky")
    module.plain = lambda: None  # type: ignore[attr-defined]
    module.marked = hookimpl(lambda: ())  # type: ignore[attr-defined]
    module.static = staticmethod(hookimpl(lambda: ()))  # type: ignore[attr-defined]
    module.bound = Holder().qalint_register_rules  # type: ignore[attr-defined]
    module.wrong_marker = lambda: None  # type: ignore[attr-defined]
    module.wrong_marker.qalint_impl = "not options"  # type: ignore[attr-defined]
    module.Holder = Holder  # type: ignore[attr-defined]
    modules = [importlib.import_module(name) for name in BUILTIN_PLUGINS] + [module]
    ours, theirs = _PluginManager("qalint"), pluggy.PluginManager("qalint")
    compared = 0
    for plugin in modules:
        for name in dir(plugin):
            assert ours.parse_hookimpl_opts(plugin, name) == theirs.parse_hookimpl_opts(
                plugin, name
            ), (plugin, name)
            compared += 1
    assert compared > 150
    assert ours.parse_hookimpl_opts(module, "marked") is not None
    assert ours.parse_hookimpl_opts(module, "bound") is not None
    assert ours.parse_hookimpl_opts(module, "plain") is None
