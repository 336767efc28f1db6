"""Checking files: read once, parse once, run each selected rule in its own guard."""

from __future__ import annotations

import os
import stat
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field

from qalint.model import Document, Kind, Span
from qalint.parse import parse
from qalint.plugins import Plugins
from qalint.rules import Diagnostic, Related, Rule, Severity
from qalint.selection import Settings
from qalint.source import DecodeFailure, Source

#: Codes whose presence means the file was not fully checked (exit code 2).
FAILURE_CODES = frozenset({"QA000", "QA001", "QA002"})
MAX_MESSAGE = 500


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    kind: Kind | None = None
    tracebacks: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(d.code in FAILURE_CODES for d in self.diagnostics)


class _Reporter:
    """Creates the core's own findings (QA000-QA002)."""

    def __init__(self, plugins: Plugins, result: FileResult):
        self.plugins = plugins
        self.result = result

    def add(self, code: str, message: str, span: Span | None = None) -> None:
        entry = self.plugins.rule_by_code(code)
        name = entry.cls.name if entry else code.lower()
        self.result.diagnostics.append(Diagnostic(
            self.result.path, code, name, Severity.ERROR, message[:MAX_MESSAGE],
            span or Span.point(1, 1),
        ))


def read_bytes(path: str, limit: int) -> bytes:
    """Read at most ``limit`` bytes of a regular file; raise OSError or _TooLarge."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular()
        if info.st_size > limit:
            raise _TooLarge(info.st_size)
        chunks = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise _TooLarge(len(data))
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


def check_path(
    shown: str, real_path: str | None, settings: Settings, plugins: Plugins,
    data: bytes | None = None,
) -> FileResult:
    """Check one file (or stdin's ``data``); ``shown`` is the path users see."""
    result = FileResult(shown)
    report = _Reporter(plugins, result)
    if data is None:
        assert real_path is not None
        try:
            data = read_bytes(real_path, settings.max_file_size)
        except _TooLarge as too_large:
            report.add("QA002", f"bestand is {_dots(too_large.size)} bytes; de grens is "
                                f"{_dots(settings.max_file_size)} (max-file-size)")
            return result
        except _NotRegular:
            report.add("QA001", "geen gewoon bestand")
            return result
        except OSError as exc:
            report.add("QA001", exc.strerror or str(exc))
            return result
    elif len(data) > settings.max_file_size:
        report.add("QA002", f"invoer is {_dots(len(data))} bytes; de grens is "
                            f"{_dots(settings.max_file_size)} (max-file-size)")
        return result
    source = _read_source(shown, data, settings, plugins, report)
    if source is None:
        return result
    try:
        doc = parse(shown, source.lines)
    except Exception as exc:  # noqa: BLE001 - a parser bug must not lose other files
        result.tracebacks.append(traceback.format_exc())
        report.add("QA000", f"interne fout bij het lezen van de structuur: "
                            f"{type(exc).__name__}: {exc}; meld dit alstublieft")
        return result
    result.kind = doc.kind
    ignored = settings.ignored_for(_relative_to_root(shown, settings))
    for code in settings.enabled:
        if code in FAILURE_CODES or code in ignored:
            continue
        entry = plugins.rules[code]
        rule = entry.cls(shown, settings.options.get(code), settings.severity.get(code))
        result.diagnostics.extend(_run_rule(rule, doc, plugins, entry.plugin.describe(),
                                            entry.plugin.builtin, report))
    return result


def _read_source(
    shown: str, data: bytes, settings: Settings, plugins: Plugins, report: _Reporter
) -> Source | None:
    for plugin_name, reader in plugins.readers():
        try:
            source = reader(path=shown, data=data, encoding=settings.encoding)
        except DecodeFailure as failure:
            report.add("QA001", failure.message, Span.point(failure.line, failure.column))
            return None
        except Exception as exc:  # noqa: BLE001 - a reader plugin may raise anything
            report.result.tracebacks.append(traceback.format_exc())
            report.add("QA000", f"lezer van plugin {plugins.info(plugin_name).describe()} is "
                                f"gecrasht: {type(exc).__name__}: {exc}")
            return None
        if source is not None:
            return source
    report.add("QA001", "geen lezer voor dit bestand")
    return None


def _run_rule(
    rule: Rule, doc: Document, plugins: Plugins, plugin: str, builtin: bool, report: _Reporter
) -> Iterator[Diagnostic]:
    who = f"ingebouwde regel {rule.code}" if builtin else f"regel {rule.code} (plugin {plugin})"
    kept: list[Diagnostic] = []
    try:
        produced = rule.check(doc)
        for item in produced if produced is not None else ():
            problem = _invalid(item, rule, doc)
            if problem is None:
                kept.append(_clamped(item, doc))
            else:
                report.add("QA000", f"{who} gaf een ongeldige melding: {problem}")
    except (KeyboardInterrupt, MemoryError):
        raise
    except BaseException as exc:  # noqa: BLE001 - SystemExit from a rule is a crash too
        report.result.tracebacks.append(traceback.format_exc())
        hint = "; meld dit alstublieft" if builtin else ""
        report.add("QA000", f"{who} is gecrasht: {type(exc).__name__}: {exc}{hint}")
    return iter(kept)


def _invalid(item: object, rule: Rule, doc: Document) -> str | None:
    if not isinstance(item, Diagnostic):
        return f"{type(item).__name__} in plaats van een Diagnostic"
    if item.code != rule.code:
        return f"code {item.code!r:.20} hoort niet bij deze regel"
    if not isinstance(item.message, str) or not item.message.strip():
        return "de melding heeft geen tekst"
    if not isinstance(item.severity, Severity):
        return "onbekende ernst"
    span = item.span
    if not isinstance(span, Span) or not all(
        isinstance(v, int) and not isinstance(v, bool)
        for v in (span.line, span.column, span.end_line, span.end_column)
    ):
        return "ongeldige positie"
    return None


def _clamped(item: Diagnostic, doc: Document) -> Diagnostic:
    """Keep positions inside the document, so no formatter can trip over them."""
    last = max(len(doc.lines), 1)
    line = min(max(item.span.line, 1), last)
    width = len(doc.lines[line - 1]) + 1 if doc.lines else 1
    column = min(max(item.span.column, 1), width)
    end_line = min(max(item.span.end_line, line), last)
    end_width = len(doc.lines[end_line - 1]) + 1 if doc.lines else 1
    end_column = min(max(item.span.end_column, 1), end_width + 1)
    if end_line == line and end_column < column:
        end_column = column
    span = Span(line, column, end_line, end_column)
    message = item.message if len(item.message) <= MAX_MESSAGE else item.message[:MAX_MESSAGE] + "…"
    related = tuple(r for r in item.related if isinstance(r, Related))
    if span == item.span and message is item.message and related == item.related:
        return item
    return Diagnostic(item.path, item.code, item.name, item.severity, message, span, related)


def _relative_to_root(shown: str, settings: Settings) -> str:
    if settings.root is None:
        return shown
    try:
        return os.path.relpath(os.path.abspath(shown), str(settings.root)).replace(os.sep, "/")
    except ValueError:
        return shown
