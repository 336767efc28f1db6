"""Checking files: read once, parse once, run each selected rule in its own guard."""

from __future__ import annotations

import contextlib
import os
import stat
import types
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, cast, final

from qalint import collector
from qalint.discovery import Target, os_error_message
from qalint.isolation import Isolation, isolated
from qalint.model import Document, Kind, Span
from qalint.parse import parse
from qalint.plugins import Plugins, RuleEntry, exception_text
from qalint.rules import Diagnostic, Related, Rule, Severity, forget_documents, share_text
from qalint.selection import Selected, Settings
from qalint.source import DecodeFailure, Source

#: Codes whose presence means the file was not fully checked (exit code 2).
FAILURE_CODES = frozenset({"QA000", "QA001", "QA002"})
MAX_MESSAGE = 500


class FileResult:
    """What checking one file gave. (A plain class: a dataclass costs more to define at
    start-up than the whole check of a small file.)"""

    __slots__ = ("diagnostics", "kind", "path", "tracebacks", "warnings")

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.kind: Kind | None = None
        self.tracebacks: list[str] = []
        #: ``(who, message)``: what plugin code printed to stdout (ROBUSTNESS.md E09).
        self.warnings: list[tuple[str, str]] = []

    @property
    def failed(self) -> bool:
        # Most files have no finding: told without starting a generator.
        return bool(self.diagnostics) and any(d.code in FAILURE_CODES for d in self.diagnostics)


def _traceback() -> str:
    import traceback  # only on failures: keeps start-up cheap

    return traceback.format_exc()


class _Reporter:
    """Creates the core's own findings (QA000-QA002)."""

    def __init__(self, plugins: Plugins, result: FileResult):
        self.plugins = plugins
        self.result = result

    def add(self, code: str, message: str, span: Span | None = None) -> None:
        entry = self.plugins.rule_by_code(code)
        name = entry.cls.name if entry else code.lower()
        self.result.diagnostics.append(
            Diagnostic(
                self.result.path,
                code,
                name,
                Severity.ERROR,
                message[:MAX_MESSAGE],
                span or Span.point(1, 1),
            )
        )


#: Opening a FIFO named as a file must not block (it is then reported, not read).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)


def read_bytes(path: str, limit: int) -> bytes:
    """Read at most ``limit`` bytes of a regular file; raise OSError or _TooLarge."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular()
        if info.st_size > limit:
            raise _TooLarge(info.st_size)
        # One byte more than the file had, so that one read is nearly always all: a
        # short read of a regular file is its end. (It may have grown meanwhile, or
        # report no size, as files under /proc do: the loop below reads on.) No more:
        # os.read allocates all it is asked for before it reads.
        wanted = info.st_size + 1 if info.st_size < limit else limit + 1  # (min() costs more)
        data = os.read(fd, wanted)
        if len(data) == wanted:
            chunks = [data]
            remaining = limit + 1 - wanted
            while remaining > 0:
                wanted = min(remaining, 1 << 16)
                chunk = os.read(fd, wanted)
                chunks.append(chunk)
                remaining -= len(chunk)
                if len(chunk) < wanted:
                    break
            data = b"".join(chunks)
        if len(data) > limit:
            # It grew while being read: name its size now, not the bytes read.
            raise _TooLarge(max(os.fstat(fd).st_size, len(data)))
        return data
    finally:
        os.close(fd)


class _TooLarge(Exception):
    def __init__(self, size: int):
        self.size = size


class _NotRegular(Exception):
    pass


def _dots(number: int) -> str:
    return f"{number:,}".replace(",", ".")


#: Why a file was not read: the finding that says so, a code and its message.
Unread = tuple[str, str]


def read_file(path: str, limit: int) -> bytes | Unread:
    """The bytes of the regular file ``path`` of at most ``limit`` bytes, or why not."""
    try:
        return read_bytes(path, limit)
    except _TooLarge as too_large:
        return (
            "QA002",
            f"bestand is {_dots(too_large.size)} bytes; de grens is {_dots(limit)} (max-file-size)",
        )
    except _NotRegular:
        return "QA001", "geen gewoon bestand (een map, apparaat of pipe)"
    except OSError as exc:
        return "QA001", os_error_message(exc)


#: Files read ahead of their check, and how many bytes they may hold together. Read one
#: after another, a file costs half as much as read between two checks, which push the
#: kernel's look-up of its path and its copy out of the processor's caches: a few
#: hundredths of a small document's time (16 files ahead saved 2-3%, 64 ~1% more, 128
#: nothing more). Bounded, so that memory stays flat.
READ_AHEAD = 64
READ_AHEAD_BYTES = 1024 * 1024

#: A target to check, with its settings and the data read from stdin for it.
Job = tuple[Target, Settings, bytes | None]


@final
class ReadAhead:
    """What read_file gave for a file read ahead of its check, until check_path takes
    it: then no caller's frame holds the bytes, and they are freed as soon as they are
    decoded (a long file's bytes were a twelfth of its peak memory)."""

    __slots__ = ("_read", "size")

    def __init__(self, read: bytes | Unread) -> None:
        self._read: bytes | Unread | None = read
        #: How many bytes it holds.
        self.size = len(read) if isinstance(read, bytes) else 0

    def take(self) -> bytes | Unread:
        read, self._read = self._read, None
        assert read is not None, "taken twice"
        return read


def check_targets(jobs: Iterable[Job], plugins: Plugins) -> Iterator[tuple[Settings, FileResult]]:
    """check_target of each job, in order, with each result's settings; the files are
    read a few ahead of their check (READ_AHEAD)."""
    pending = iter(jobs)
    while True:
        batch: list[tuple[Target, Settings, bytes | None, ReadAhead | None]] = []
        held = 0
        for target, settings, data in pending:
            ahead = None
            if data is None and target.error is None and target.real is not None:
                ahead = ReadAhead(read_file(target.real, settings.max_file_size))
                held += ahead.size
            batch.append((target, settings, data, ahead))
            if len(batch) == READ_AHEAD or held >= READ_AHEAD_BYTES:
                break
        if not batch:
            return
        # (Each file's bytes are freed once it is checked: check_path empties its ReadAhead.)
        for target, settings, data, ahead in batch:
            yield settings, check_target(target, settings, plugins, data, ahead)


def check_target(
    target: Target,
    settings: Settings,
    plugins: Plugins,
    data: bytes | None = None,
    ahead: ReadAhead | None = None,
) -> FileResult:
    """Check one discovered target (``data``: what stdin gave for it; ``ahead``: its
    file, if read already); a target that cannot be read becomes QA001."""
    if target.error is not None or (target.real is None and data is None):
        result = FileResult(target.shown)
        _Reporter(plugins, result).add("QA001", target.error or "bestand of map bestaat niet")
        return result
    return check_path(target.shown, target.real, settings, plugins, data, ahead)


def check_path(
    shown: str,
    real_path: str | None,
    settings: Settings,
    plugins: Plugins,
    data: bytes | None = None,
    ahead: ReadAhead | None = None,
) -> FileResult:
    """Check one file (or stdin's ``data``); ``shown`` is the path users see, ``ahead``
    the file if it was read already."""
    result = FileResult(shown)
    report = _Reporter(plugins, result)
    if data is None:
        assert real_path is not None
        read = ahead.take() if ahead is not None else read_file(real_path, settings.max_file_size)
        if isinstance(read, tuple):
            report.add(*read)
            return result
        data = read
        del read
    elif len(data) > settings.max_file_size:
        # stdin is read up to one byte past the limit, so its real size is unknown.
        report.add(
            "QA002",
            f"invoer is groter dan de grens van {_dots(settings.max_file_size)} bytes "
            f"(max-file-size)",
        )
        return result
    source_read = _read_source(shown, data, settings, plugins, report)
    del data  # a file's bytes are freed here, before its parse (see ReadAhead)
    if source_read is None:
        return result
    source, text_is_joined = source_read
    held = collector.hold()  # no collection while the document lives (qalint.collector)
    try:
        _check_document(shown, source, text_is_joined, settings, report)
    finally:
        if held:
            collector.release()
    return result


def _check_document(
    shown: str, source: Source, text_is_joined: bool, settings: Settings, report: _Reporter
) -> None:
    """Parse the document and run the rules on it; the findings go to ``report``."""
    result = report.result
    try:
        doc = parse(shown, source.lines)
    except Exception as exc:  # noqa: BLE001 - a parser bug must not lose other files
        result.tracebacks.append(_traceback())
        report.add(
            "QA000",
            f"interne fout bij het lezen van de structuur: "
            f"{type(exc).__name__}: {exc}; meld dit alstublieft",
        )
        return
    result.kind = doc.kind
    ignored = (
        settings.ignored_for(_relative_to_root(shown, settings))
        if settings.per_file_ignores
        else frozenset()
    )
    try:
        if text_is_joined:
            share_text(doc.lines, source.text)
        _run_rules(settings, doc, ignored, report)
    finally:
        forget_documents()  # what the rules shared of this document


#: The rules of each configuration as the runner uses them, by the id of its
#: ``settings.checks`` (kept, so that the id stays its own): ``[selected, builtin, rule]``
#: for each selected rule, where ``rule`` is the built-in rule made on first use. A
#: built-in rule keeps nothing of a file on itself, so one instance serves every file,
#: given each file's path (making a rule costs more than many a rule's whole check).
#: Files are checked one at a time in a process.
_rows: dict[int, tuple[tuple[Selected, ...], list[list[Any]]]] = {}
#: A run has one configuration per folder with its own; a caller that resolves one for
#: every file must not make the rows grow without end.
_MAX_CONFIGURATIONS = 256


def _rows_of(checks: tuple[Selected, ...]) -> list[list[Any]]:
    made = _rows.get(id(checks))
    if made is None:
        if len(_rows) >= _MAX_CONFIGURATIONS:
            _rows.clear()
        made = _rows[id(checks)] = (
            checks,
            [[selected, selected.entry.plugin.builtin, None] for selected in checks],
        )
    return made[1]


def _run_rules(
    settings: Settings, doc: Document, ignored: frozenset[str], report: _Reporter
) -> None:
    """Run every selected rule on ``doc``; what goes wrong becomes QA000.

    Built-in rules are tested to end, to stay linear on pathological input and to give
    valid findings: run here, without a call of their own (most find nothing, and a call
    costs more than many of their checks), without a timer (arming one per rule and file
    would cost more than the rules) and without the per-item bookkeeping of _run_rule. A
    crash is QA000 all the same, and what it found is still checked."""
    result = report.result
    path = result.path
    selected: Selected
    rule: Rule | None
    for row in _rows_of(settings.checks):
        selected, builtin, rule = row
        # One test for the usual row, a built-in rule already made, on a file that
        # ignores no code (a test costs as much as some rules' checks).
        if rule is None or ignored:
            if ignored and selected.entry.cls.code in ignored:
                continue
            if not builtin:
                with isolated() as outcome:
                    _check_with(selected, doc, settings.rule_timeout, report)
                _note_printed(result, _who(selected.entry), outcome)
                continue
            if rule is None:
                rule = row[2] = _make_builtin(selected, report)
                if rule is None:
                    continue  # made again for the next file, which reports it too
        rule.path = path
        found: list[object] | None = None
        try:
            produced = rule.check(doc)
            # Most rules return () when they find nothing: then no list is made. (None is
            # nothing too, as _findings takes it from a third-party rule.)
            if produced:
                found = []
                found.extend(produced)  # keeps what came before a crash
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - SystemExit or MemoryError too
            result.tracebacks.append(_traceback())
            report.add(
                "QA000",
                f"{_who(selected.entry)} is gecrasht: {exception_text(exc)}; meld dit alstublieft",
            )
        if found:
            result.diagnostics.extend(_Accepted(rule, doc, selected.entry, report).all(found))


def _check_with(selected: Selected, doc: Document, timeout: float, report: _Reporter) -> None:
    """Make a third-party rule for this file and run it; what goes wrong becomes QA000."""
    entry = selected.entry
    try:
        rule = entry.cls(report.result.path, selected.options, selected.severity)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - a plugin's __init__ is plugin code too
        _crashed_making(entry, exc, report)
        return
    report.result.diagnostics.extend(_run_rule(rule, doc, entry, report, timeout))


def _crashed_making(entry: RuleEntry, exc: BaseException, report: _Reporter) -> None:
    report.result.tracebacks.append(_traceback())
    report.add(
        "QA000",
        f"{_who(entry)} is gecrasht bij het aanmaken: {exception_text(exc)}"
        f"{'; meld dit alstublieft' if entry.plugin.builtin else ''}",
    )


def _note_printed(result: FileResult, who: str, outcome: Isolation) -> None:
    if outcome.printed.strip():
        result.warnings.append(
            (
                who,
                f"{who} schreef naar stdout bij {result.path}: {outcome.quoted()}; "
                f"dat staat niet in het rapport",
            )
        )


def _who(entry: RuleEntry) -> str:
    """The rule as messages about it name it (built only when there is something to say)."""
    if entry.plugin.builtin:
        return f"ingebouwde regel {entry.cls.code}"
    return f"regel {entry.cls.code} van plugin {entry.plugin.describe()}"


def _read_source(
    shown: str, data: bytes, settings: Settings, plugins: Plugins, report: _Reporter
) -> tuple[Source, bool] | None:
    """The Source the first reader gives, and whether its text is its lines joined by
    line feeds (then the rules need not build that text: see share_text)."""
    for plugin_name, reader in plugins.readers():
        # ``plugins.info`` builds its default for an unknown name on every call.
        info = plugins.infos.get(plugin_name) or plugins.info(plugin_name)
        outcome: Isolation | None = None
        try:
            if info.builtin:
                source = reader(path=shown, data=data, encoding=settings.encoding)
            else:
                with isolated() as outcome:
                    source = reader(path=shown, data=data, encoding=settings.encoding)
        except DecodeFailure as failure:
            report.add("QA001", failure.message, Span.point(failure.line, failure.column))
            return None
        except Exception as exc:  # noqa: BLE001 - a reader plugin may raise anything
            report.result.tracebacks.append(_traceback())
            report.add(
                "QA000",
                f"lezer van plugin {info.describe()} is gecrasht: {type(exc).__name__}: {exc}",
            )
            return None
        finally:
            if outcome is not None:
                _note_printed(report.result, f"lezer van plugin {info.describe()}", outcome)
        if source is not None:
            # A built-in reader splits the text by source.split_lines: without a "\r" the
            # text is its lines joined by line feeds.
            return source, info.builtin and "\r" not in source.text
    report.add("QA001", "geen lezer voor dit bestand")
    return None


#: Seconds one rule may take on one file (ROBUSTNESS.md C06/E03); 0 switches it off.
#: Enforced with SIGALRM, so only on POSIX, on the main thread, and only while no other
#: interval timer runs (pytest-timeout's signal method, for one). A rule that catches
#: BaseException, or blocks in C code that never returns to the interpreter, cannot be
#: stopped this way (the first is reported once it ends); that needs running plugins in
#: a subprocess.
#: A rule that returns more findings than this for one file is cut off (memory, E07).
MAX_FINDINGS_PER_RULE = 100_000
#: Invalid items reported one by one per rule and file; the rest are counted.
MAX_INVALID_REPORTS = 5


class _RuleTimeout(BaseException):
    """Raised inside a rule by SIGALRM; not an Exception, so ``except Exception`` in a
    rule does not swallow it."""


class _BadReturn(Exception):
    """``check`` returned something that is not a collection of findings."""


def _make_builtin(selected: Selected, report: _Reporter) -> Rule | None:
    """A built-in rule for ``selected``, made now; None if that crashed."""
    try:
        return selected.entry.cls(report.result.path, selected.options, selected.severity)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - as for a third-party rule
        _crashed_making(selected.entry, exc, report)
        return None


def _run_rule(
    rule: Rule, doc: Document, entry: RuleEntry, report: _Reporter, timeout: float
) -> list[Diagnostic]:
    """A third-party rule, in a guard: a time limit, a cap on findings, and every
    finding checked as it comes."""
    accepted = _Accepted(rule, doc, entry, report)
    alarm = _Alarm()
    try:
        with _time_limit(timeout, alarm):
            items = _findings(rule.check(doc))
            try:
                for item in items:
                    if not accepted.add(item):
                        break
            finally:
                # Close a generator we stop early here, inside the guard, rather than
                # when it is garbage-collected, where its errors would go to stderr.
                close = getattr(items, "close", None)
                if callable(close):
                    close()
    except KeyboardInterrupt:
        raise
    except _RuleTimeout:
        pass  # reported below
    except _BadReturn as bad:
        report.add("QA000", f"{_who(entry)} gaf een ongeldig resultaat: {bad}")
    except BaseException as exc:  # noqa: BLE001 - SystemExit or MemoryError from a rule too
        report.result.tracebacks.append(_traceback())
        report.add("QA000", f"{_who(entry)} is gecrasht: {exception_text(exc)}")
    # Also when the rule caught the timeout (``except BaseException``) and went on: an
    # overrun must not look like an ordinary result.
    if alarm.fired:
        report.add(
            "QA000",
            f"{_who(entry)} duurde langer dan {timeout:g} s en is voor dit bestand overgeslagen",
        )
    return accepted.done()


class _Accepted:
    """The findings of one rule on one file that pass the checks, clamped; the first
    invalid ones are reported, the rest counted, and at most MAX_FINDINGS_PER_RULE kept."""

    def __init__(self, rule: Rule, doc: Document, entry: RuleEntry, report: _Reporter):
        self.rule = rule
        self.doc = doc
        self.entry = entry
        self.report = report
        self.kept: list[Diagnostic] = []
        self.invalid = 0

    def add(self, item: object) -> bool:
        """Take one finding; False when no more are taken."""
        problem = _invalid(item, self.rule, self.doc)
        if problem is not None:
            self.invalid += 1
            if self.invalid <= MAX_INVALID_REPORTS:
                self.report.add("QA000", f"{_who(self.entry)} gaf een ongeldige melding: {problem}")
            return True
        if len(self.kept) == MAX_FINDINGS_PER_RULE:
            self.report.add(
                "QA000",
                f"{_who(self.entry)} gaf meer dan {_dots(MAX_FINDINGS_PER_RULE)} "
                f"meldingen; de rest is weggelaten",
            )
            return False
        self.kept.append(_clamped(cast(Diagnostic, item), self.rule, self.doc))
        return True

    def all(self, items: Iterable[object]) -> list[Diagnostic]:
        for item in items:
            if not self.add(item):
                break
        return self.done()

    def done(self) -> list[Diagnostic]:
        if self.invalid > MAX_INVALID_REPORTS:
            self.report.add(
                "QA000",
                f"{_who(self.entry)} gaf nog {self.invalid - MAX_INVALID_REPORTS} "
                f"ongeldige meldingen",
            )
        return self.kept


#: What ``check`` returns nearly always; taken as it is, without the costlier checks.
_PLAIN_RESULTS = (types.GeneratorType, list)


def _findings(produced: object) -> Iterator[object]:
    if type(produced) in _PLAIN_RESULTS:
        return iter(cast("Iterable[object]", produced))
    if produced is None:
        return iter(())
    if isinstance(produced, (str, bytes, Mapping, Diagnostic)) or not isinstance(
        produced, Iterable
    ):
        raise _BadReturn(f"{type(produced).__name__} in plaats van een reeks meldingen")
    return iter(produced)


class _Alarm:
    """Whether a rule's time limit has passed."""

    __slots__ = ("fired",)

    def __init__(self) -> None:
        self.fired = False


@contextlib.contextmanager
def _time_limit(seconds: float, alarm: _Alarm) -> Iterator[None]:
    import signal  # only for third-party rules: keeps start-up cheap
    import threading

    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)
    ):
        yield
        return
    armed = [True]

    def on_alarm(signum: int, frame: object) -> None:
        if armed[0]:
            alarm.fired = True
            raise _RuleTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            armed[0] = False
        finally:
            # Nested, so the timer and handler are reset even if the alarm fires here.
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _invalid(item: object, rule: Rule, doc: Document) -> str | None:
    if not isinstance(item, Diagnostic):
        return f"{type(item).__name__} in plaats van een Diagnostic"
    if item.code != rule.code:
        return f"code {item.code!r:.20} hoort niet bij deze regel"
    if item.path != rule.path:
        return f"pad {item.path!r:.60} is niet het bestand dat werd gecontroleerd"
    if not isinstance(item.message, str) or not item.message.strip():
        return "de melding heeft geen tekst"
    if not isinstance(item.severity, Severity):
        return f"onbekende ernst {item.severity!r:.20}"
    if not _valid_span(item.span):
        return f"ongeldige positie {item.span!r:.60}"
    if not isinstance(item.related, (tuple, list)):
        return f"related is {type(item.related).__name__}, geen tuple"
    return None


def _valid_span(span: object) -> bool:
    return isinstance(span, Span) and all(
        isinstance(v, int) and not isinstance(v, bool)
        for v in (span.line, span.column, span.end_line, span.end_column)
    )


def _clamped(item: Diagnostic, rule: Rule, doc: Document) -> Diagnostic:
    """Keep positions inside the document and the message bounded, so no formatter can
    trip over them; name and severity are the rule's (as configured), whatever the rule
    put there."""
    span = _clamped_span(item.span, doc)
    message = _bounded(item.message)
    related = tuple(
        Related(_clamped_span(r.span, doc), _bounded(r.message))
        for r in item.related
        if isinstance(r, Related) and _valid_span(r.span) and isinstance(r.message, str)
    )
    severity = rule.effective_severity
    if (
        span == item.span
        and message is item.message
        and related == item.related
        and severity is item.severity
        and item.name == rule.name
    ):
        return item
    return Diagnostic(item.path, item.code, rule.name, severity, message, span, related)


def _clamped_span(given: Span, doc: Document) -> Span:
    last = max(len(doc.lines), 1)
    line = min(max(given.line, 1), last)
    width = len(doc.lines[line - 1]) + 1 if doc.lines else 1
    column = min(max(given.column, 1), width)
    end_line = min(max(given.end_line, line), last)
    end_width = len(doc.lines[end_line - 1]) + 1 if doc.lines else 1
    end_column = min(max(given.end_column, 1), end_width + 1)
    if end_line == line and end_column < column:
        end_column = column
    return Span(line, column, end_line, end_column)


def _bounded(message: str) -> str:
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + "…"


def _relative_to_root(shown: str, settings: Settings) -> str:
    if settings.root is None:
        return shown
    try:
        return os.path.relpath(os.path.abspath(shown), str(settings.root)).replace(os.sep, "/")
    except ValueError:
        return shown
