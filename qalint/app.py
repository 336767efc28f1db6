"""What each command does, apart from flag parsing (cli.py) and formatting (formatters/)."""

import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final, TextIO, final

from qalint import collector
from qalint.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Abort
from qalint.config import ConfigError, ConfigFinder, RawConfig
from qalint.discovery import Target, discover, display_path, os_error_message
from qalint.formatters import Tally
from qalint.model import Span
from qalint.plan import Plan
from qalint.plugins import Plugins, load_plugins
from qalint.rules import Diagnostic, Severity
from qalint.runner import FileResult, check_targets
from qalint.selection import Overrides, Settings, resolve

if TYPE_CHECKING:
    from qalint.formatters.json import JsonReport
    from qalint.formatters.text import TextReport


@final
class CheckRequest:
    """What ``qalint check`` was asked to do, as the command line said it."""

    __slots__ = (
        "config_path",
        "debug",
        "encoding",
        "exit_zero",
        "extend_select",
        "fail_on",
        "ignore",
        "jobs",
        "output_format",
        "paths",
        "select",
        "stdin_filename",
    )

    def __init__(
        self,
        paths: tuple[str, ...],
        output_format: str = "text",
        select: tuple[str, ...] | None = None,
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        fail_on: str | None = None,
        exit_zero: bool = False,
        config_path: str | None = None,
        stdin_filename: str | None = None,
        encoding: str | None = None,
        debug: bool = False,
        jobs: int = 1,
    ) -> None:
        self.paths: Final = paths
        self.output_format: Final = output_format
        self.select: Final = select
        self.extend_select: Final = extend_select
        self.ignore: Final = ignore
        self.fail_on: Final = fail_on
        self.exit_zero: Final = exit_zero
        self.config_path: Final = config_path
        self.stdin_filename: Final = stdin_filename
        self.encoding: Final = encoding
        self.debug: Final = debug
        self.jobs: Final = jobs


def _warn(message: str) -> None:
    from qalint.formatters import escape_for_terminal

    print(f"qalint: waarschuwing: {escape_for_terminal(message)}", file=sys.stderr)


def _plugins() -> Plugins:
    """The plugins of this run; what they printed while loading becomes a warning."""
    plugins = load_plugins()
    for warning in plugins.warnings:
        _warn(warning)
    return plugins


def run_check(request: CheckRequest, stream: TextIO) -> int:
    plugins = _plugins()
    for error in plugins.errors:
        print(f"qalint: error: {error.message}", file=sys.stderr)
        if request.debug and error.traceback:
            sys.stderr.write(error.traceback)
    overrides = Overrides(
        select=request.select,
        extend_select=request.extend_select,
        ignore=request.ignore,
        fail_on=Severity(request.fail_on) if request.fail_on else None,
        encoding=request.encoding,
    )
    finder: ConfigFinder | None = None
    try:
        finder = ConfigFinder(request.config_path)
        plan = _plan(request, plugins, finder, overrides)
    except ConfigError as exc:
        raise Abort(str(exc)) from None
    finally:
        for warning in finder.warnings if finder else ():
            _warn(warning)

    collector.resume()  # start-up is over: what it made lives until exit
    report = _report(request.output_format, stream)
    tally = Tally()
    printed: set[str] = set()  # who printed to stdout: warned about once per run
    # Results come in the order of the jobs, whatever the number of processes.
    for settings, result in _results(plan, request.jobs, plugins):
        for error in plugins.errors:
            result.diagnostics.append(_core_finding(plugins, result.path, "QA000", error.message))
        result.diagnostics.sort(key=Diagnostic.sort_key)
        if request.debug:
            for text in result.tracebacks:
                sys.stderr.write(text)
        for who, message in result.warnings:
            if who not in printed:
                printed.add(who)
                _warn(message)
        tally.add(result, settings.fail_on)
        report.add(result)
    report.close(tally)
    if request.output_format == "text" and (stream.isatty() or os.environ.get("QALINT_SUMMARY")):
        from qalint.formatters.text import summary

        print(summary(tally), file=sys.stderr)
    if plugins.errors or tally.failed:
        return EXIT_ERROR
    if tally.fails:
        return EXIT_CLEAN if request.exit_zero else EXIT_FINDINGS
    return EXIT_CLEAN


def _report(output_format: str, stream: TextIO) -> "TextReport | JsonReport":
    if output_format == "json":
        from qalint.formatters.json import JsonReport

        return JsonReport(stream)
    from qalint.formatters.text import TextReport

    return TextReport(stream)


def _results(plan: Plan, workers: int, plugins: Plugins) -> Iterator[tuple[Settings, FileResult]]:
    """Check every file, in a process pool where that pays; the order never changes.
    Each result comes with the settings it was checked with."""
    if workers > 1 and plan.stdin_data is None:  # one process: no pool module to import
        from qalint.parallel import WorkerLost, check_in_pool, worth_a_pool

        if worth_a_pool(workers, len(plan)):
            each = (settings for _, settings, _ in plan.jobs())
            try:
                yield from zip(each, check_in_pool(plan, workers, plugins), strict=True)
            except WorkerLost as lost:
                raise Abort(str(lost)) from None
            return
    yield from check_targets(plan.jobs(), plugins)


_POSIX_PATHS = os.sep == "/" and os.altsep is None


def _plan(
    request: CheckRequest, plugins: Plugins, finder: ConfigFinder, overrides: Overrides
) -> Plan:
    """Discover the files and resolve every configuration before anything is checked."""
    resolved: dict[int, Settings] = {}

    def settings_for(raw: RawConfig) -> Settings:
        key = id(raw)
        if key not in resolved:
            resolved[key] = resolve(raw, plugins.rules, overrides)
        return resolved[key]

    plan = Plan()
    if "-" in request.paths:
        name = request.stdin_filename or "-"
        raw = finder.for_path(name if request.stdin_filename else ".")
        settings = settings_for(raw)
        shown = display_path(name) if request.stdin_filename else "-"
        try:
            # Bytes, decoded by the same policy as files, never by the locale.
            plan.stdin_data = sys.stdin.buffer.read(settings.max_file_size + 1)
        except (AttributeError, OSError, ValueError) as exc:  # stdin closed (<&-)
            reason = os_error_message(exc) if isinstance(exc, OSError) else "gesloten"
            plan.add(Target(shown, None, error=f"kan stdin niet lezen: {reason}"), settings)
        else:
            plan.add(Target(shown, None), settings)
    paths = [path for path in request.paths if path != "-"]
    if paths:
        cwd_config = finder.for_dir(".")
        last_folder: str | None = None  # the folder whose settings ``settings`` are
        for found in discover(paths, plugins.extensions(), cwd_config.exclude, warn=_warn):
            real = found if isinstance(found, str) else found.real
            if not real:
                plan.add(found, settings_for(cwd_config))
                continue
            # Files are found walking folders: their configuration is their folder's, looked
            # up when the folder changes (its files mostly come one after another). On
            # POSIX the text up to the last "/" decides os.path.dirname.
            folder = real[: real.rfind("/") + 1] if _POSIX_PATHS else real
            if folder != last_folder:
                last_folder = folder
                settings = settings_for(finder.for_dir(os.path.dirname(real) or "."))
            plan.add(found, settings)
    return plan


def _core_finding(plugins: Plugins, path: str, code: str, message: str) -> Diagnostic:
    entry = plugins.rule_by_code(code)
    return Diagnostic(
        path,
        code,
        entry.cls.name if entry else code.lower(),
        Severity.ERROR,
        message,
        Span.point(1, 1),
    )


def run_parse(path: str, output_format: str, encoding: str | None, stream: TextIO) -> int:
    from qalint.config import is_text_encoding
    from qalint.export import document_to_data, outline
    from qalint.parse import parse
    from qalint.runner import _NotRegular, _TooLarge, read_bytes
    from qalint.source import DecodeFailure, decode

    limit = 50 * 1024 * 1024
    shown = display_path(path)
    if encoding is not None and not is_text_encoding(encoding):
        raise Abort(f"--encoding: onbekende codering '{encoding:.40}'")
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                raise _TooLarge(len(data))
        else:
            data = read_bytes(path, limit)
        source = decode(path, data, encoding)
    except DecodeFailure as failure:
        raise Abort(f"{shown}:{failure.line}:{failure.column}: {failure.message}") from None
    except OSError as exc:
        raise Abort(f"{shown}: {os_error_message(exc)}") from None
    except (_TooLarge, _NotRegular):
        raise Abort(f"{shown}: geen leesbaar tekstbestand van redelijke grootte") from None
    except (AttributeError, ValueError):  # stdin closed
        raise Abort("kan stdin niet lezen") from None
    doc = parse(shown, source.lines)
    if output_format == "json":
        import json

        json.dump(document_to_data(doc), stream, ensure_ascii=True, indent=2)
        stream.write("\n")
    else:
        stream.write(outline(doc))
    return EXIT_CLEAN


def run_rules(output_format: str, stream: TextIO) -> int:
    from qalint import docs

    plugins = _plugins()
    if output_format == "json":
        # ASCII, so the JSON stays valid whatever the stream's encoding (PYTHONIOENCODING).
        import json

        json.dump(docs.rules_data(plugins), stream, ensure_ascii=True, indent=2)
        stream.write("\n")
    elif output_format == "markdown":
        stream.write(docs.render_rules_markdown(plugins))
    else:
        stream.write(docs.render_rules_table(plugins))
    return EXIT_ERROR if plugins.errors else EXIT_CLEAN


def run_rule(code: str, stream: TextIO) -> int:
    plugins = _plugins()
    for entry in plugins.rules.values():
        if code.upper() == entry.cls.code or code == entry.cls.name:
            cls = entry.cls
            stream.write(
                f"{cls.code} {cls.name} ({cls.severity.value}, {entry.plugin.describe()})\n\n"
            )
            stream.write(cls.documentation() + "\n")
            return EXIT_CLEAN
    raise Abort(f"onbekende regel '{code}'; 'qalint rules' toont ze allemaal")


def run_plugins(stream: TextIO) -> int:
    plugins = _plugins()
    counts: dict[str, int] = {}
    for entry in plugins.rules.values():
        counts[entry.plugin.name] = counts.get(entry.plugin.name, 0) + 1
    for info in plugins.infos.values():
        kind = "ingebouwd" if info.builtin else "extern"
        stream.write(
            f"{info.name}\t{info.dist} {info.version}\t{kind}\t{counts.get(info.name, 0)} regels\n"
        )
    for error in plugins.errors:
        print(f"qalint: error: {error.message}", file=sys.stderr)
    return EXIT_ERROR if plugins.errors else EXIT_CLEAN


def run_init(directory: str, force: bool, stream: TextIO) -> int:
    from qalint import docs

    target = os.path.join(directory, "rules.toml")
    shown = display_path(target)
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise Abort(f"{display_path(directory)} is geen map")
    if os.path.exists(target) and not force:
        raise Abort(f"{shown} bestaat al; gebruik --force om te overschrijven")
    plugins = load_plugins(entry_points=())
    try:
        os.makedirs(directory, exist_ok=True)
        # "x" refuses a file that appeared since the check above.
        with open(target, "w" if force else "x", encoding="utf-8") as handle:
            handle.write(docs.render_rules_toml(plugins))
    except FileExistsError:
        raise Abort(f"{shown} bestaat al; gebruik --force om te overschrijven") from None
    except OSError as exc:
        raise Abort(f"{shown}: {os_error_message(exc)}") from None
    stream.write(f"{shown} geschreven\n")
    return EXIT_CLEAN
