"""The command line. Thin: it parses flags, calls the core and maps results to exit codes.

Exit codes (CONVENTIONS.md): 0 nothing at or above ``--fail-on``; 1 findings; 2 usage
or configuration error, unreadable input, plugin failure or internal error (2 wins
over 1, and ``--exit-zero`` never hides it); 130 interrupted.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TextIO, cast

import click

from qalint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class Abort(Exception):
    """A usage problem: printed as ``qalint: error: ...`` and exit code 2."""


class OutputError(Exception):
    """Writing the report failed (disk full, closed stdout); not a problem of the input."""


@contextlib.contextmanager
def _output_errors() -> Iterator[None]:
    """A closed pipe stays a BrokenPipeError (handled quietly); any other write error
    becomes an OutputError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc)) from exc


class _Stdout:
    """``sys.stdout`` whose write errors are told apart from other ``OSError``s."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        with _output_errors():
            return self._stream.write(text)

    def flush(self) -> None:
        with _output_errors():
            self._stream.flush()

    def isatty(self) -> bool:
        try:
            return self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _stdout() -> TextIO:
    return cast(TextIO, _Stdout(sys.stdout))


def _fail(message: str) -> None:
    from qalint.formatters import escape_for_terminal

    # Messages can quote file names; nothing non-printable reaches the terminal.
    click.echo(f"qalint: error: {escape_for_terminal(message)}", err=True)


def _guarded(debug: bool, action: Callable[[], int]) -> int:
    try:
        return action()
    except Abort as exc:
        _fail(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ERROR
    except OutputError as exc:
        if debug:
            import traceback

            traceback.print_exc()
        _fail(f"kan de uitvoer niet schrijven: {exc}")
        _silence_stdout()
        return EXIT_ERROR
    except OSError as exc:
        if debug:
            import traceback

            traceback.print_exc()
        from qalint.discovery import os_error_message

        where = f"{exc.filename}: " if isinstance(exc.filename, str) else ""
        _fail(f"{where}{os_error_message(exc)}")
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - never a traceback without --debug
        if debug:
            import traceback

            traceback.print_exc()
        _fail(
            f"interne fout: {type(exc).__name__}: {exc}; meld dit alstublieft "
            f"(met --debug voor details)"
        )
        return EXIT_ERROR


def _silence_stdout() -> None:
    # After a closed pipe, Python would complain again when it flushes stdout at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _finish(code: int) -> None:
    from qalint import module_cache, pattern_cache

    pattern_cache.save()  # what this run compiled, for the next one
    module_cache.save()  # the modules this run imported as usual, for the next one
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        code = EXIT_ERROR
    except OSError as exc:
        _fail(f"kan de uitvoer niet schrijven: {exc.strerror or exc}")
        _silence_stdout()
        code = EXIT_ERROR
    sys.exit(code)


def _prepare_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


#: The words click writes itself on a help screen, in Dutch.
_CLICK_WORDS = {
    "Options": "Opties",
    "Commands": "Commando's",
    "Arguments": "Argumenten",
}


class _DutchHelp(click.HelpFormatter):
    """click's help screens, with the words click writes itself in Dutch too."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_CLICK_WORDS.get(heading, heading))

    def write_dl(self, rows: Iterable[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        rows = [(term, _CLICK_WORDS.get(text, text)) for term, text in rows]
        super().write_dl(rows, *args, **kwargs)


class _Context(click.Context):
    formatter_class = _DutchHelp


def _show_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"qalint, versie {__version__}", color=ctx.color)
        ctx.exit()


class _DutchHelpOption:
    """``-h``/``--help`` with a Dutch text. (click's own help and version options ask
    gettext for their English texts even when given others: importing ``locale`` and
    looking for translation files, 2% of a pre-commit run.)"""

    _dutch_help: click.Option | None = None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        names = ctx.help_option_names
        if not names or not getattr(self, "add_help_option", True):
            return None
        if self._dutch_help is None:  # one object: click orders eager options by identity
            self._dutch_help = click.Option(
                names,
                is_flag=True,
                is_eager=True,
                expose_value=False,
                callback=_show_help,
                help="Toon deze hulp en stop.",
            )
        return self._dutch_help


class _Command(_DutchHelpOption, click.Command):
    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class _Group(_DutchHelpOption, click.Group):
    context_class = _Context
    command_class = _Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "COMMANDO [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_show_version,
    help="Toon de versie en stop.",
)
def cli() -> None:
    """qalint: controleer concepten van Kamervragen en antwoorden."""


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@cli.command()
# Paths are plain text, not click.Path: qalint reads each file itself and reports what
# is wrong with it for that file alone (QA001, exit 2), where click.Path stopped the
# whole run at the first unreadable file with an English usage error.
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="Uitvoerformaat.",
)
@click.option("--select", multiple=True, help="Alleen deze regels (code, voorvoegsel of naam).")
@click.option("--extend-select", multiple=True, help="Deze regels erbij.")
@click.option("--ignore", multiple=True, help="Deze regels niet.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Laagste ernst die exitcode 1 geeft (standaard: error).",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exitcode 0 bij meldingen (nooit bij fouten van qalint)."
)
@click.option(
    "--config",
    "config_path",
    metavar="PAD",
    help="Dit configuratiebestand in plaats van zoeken.",
)
@click.option("--stdin-filename", help="Naam voor invoer van stdin ('-').")
@click.option("--encoding", help="Codering van de invoer als die geen UTF-8 is, bijv. cp1252.")
@click.option(
    "--jobs",
    "-j",
    default="1",
    metavar="N|auto",
    help="Aantal processen (auto: één per processorkern); alleen bij veel bestanden.",
)
@click.option("--debug", is_flag=True, help="Tracebacks tonen.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    config_path: str | None,
    stdin_filename: str | None,
    encoding: str | None,
    jobs: str,
    debug: bool,
) -> None:
    """Controleer PATHS (bestanden, mappen, of '-' voor stdin)."""
    from qalint.app import CheckRequest, run_check

    try:
        workers = 1 if jobs == "1" else _workers(jobs)
    except ValueError:
        raise click.BadParameter(
            "verwacht een positief getal of 'auto'", param_hint="--jobs"
        ) from None

    request = CheckRequest(
        paths=paths or (".",),
        output_format=output_format,
        select=_split(select) if select else None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        fail_on=fail_on,
        exit_zero=exit_zero,
        config_path=config_path,
        stdin_filename=stdin_filename,
        encoding=encoding,
        debug=debug,
        jobs=workers,
    )
    _finish(_guarded(debug, lambda: run_check(request, _stdout())))


def _workers(jobs: str) -> int:
    # The pool's module only when more than one process may be asked for (the default
    # is one): it is not imported in a pre-commit run.
    from qalint.parallel import parse_jobs

    return parse_jobs(jobs)


@cli.command()
@click.argument("path")
@click.option("--format", "output_format", type=click.Choice(["json", "text"]), default="json")
@click.option("--encoding", help="Codering van de invoer als die geen UTF-8 is.")
@click.option("--debug", is_flag=True)
def parse(path: str, output_format: str, encoding: str | None, debug: bool) -> None:
    """Toon het documentmodel van PATH (voor editors, tests en andere hulpmiddelen)."""
    from qalint.app import run_parse

    _finish(_guarded(debug, lambda: run_parse(path, output_format, encoding, _stdout())))


@cli.command("rules")
@click.option(
    "--format", "output_format", type=click.Choice(["table", "markdown", "json"]), default="table"
)
def rules_command(output_format: str) -> None:
    """Toon alle regels."""
    from qalint.app import run_rules

    _finish(_guarded(False, lambda: run_rules(output_format, _stdout())))


@cli.command("rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Toon de documentatie van een regel (code of naam)."""
    from qalint.app import run_rule

    _finish(_guarded(False, lambda: run_rule(code, _stdout())))


@cli.command("plugins")
def plugins_command() -> None:
    """Toon de geladen plugins met hun versies."""
    from qalint.app import run_plugins

    _finish(_guarded(False, lambda: run_plugins(_stdout())))


@cli.command("init")
@click.argument("directory", default=".")
@click.option("--force", is_flag=True, help="Een bestaand rules.toml overschrijven.")
def init_command(directory: str, force: bool) -> None:
    """Schrijf een volledig, becommentarieerd rules.toml in DIRECTORY."""
    from qalint.app import run_init

    _finish(_guarded(False, lambda: run_init(directory, force, _stdout())))


#: click's own usage messages, which users read too, in Dutch. Anything not listed is
#: shown as click wrote it.
_CLICK_MESSAGES = (
    (r"No such command '(.+?)'\.", r"onbekend commando '\1'."),
    (r"Did you mean '?(.+?)'?\?", r"Bedoelt u \1?"),
    (r"\(Possible options: (.+)\)", r"(mogelijk: \1)"),
    (r"No such option: (.+)", r"onbekende optie: \1"),
    (r"No such option '(.+?)'\.", r"onbekende optie '\1'."),
    (r"Option '(.+?)' requires an argument\.", r"optie '\1' vraagt een waarde."),
    (r"Option '(.+?)' does not take a value\.", r"optie '\1' neemt geen waarde."),
    (r"Missing argument '(.+?)'\.", r"argument '\1' ontbreekt."),
    (r"Got unexpected extra arguments? \((.+)\)", r"onverwacht extra argument (\1)"),
    (r"'(.+?)' is not one of (.+)\.", r"'\1' is niet een van \2."),
    (r"'(.+?)' is not a valid integer\.", r"'\1' is geen geheel getal."),
    (r"(?:File|Path|Directory) '(.+?)' does not exist\.", r"'\1' bestaat niet."),
    (r"Invalid value for (.+?): ", r"ongeldige waarde voor \1: "),
)


def in_dutch(message: str) -> str:
    import re

    for pattern, replacement in _CLICK_MESSAGES:
        message = re.sub(pattern, replacement, message)
    return message


def main(argv: Sequence[str] | None = None) -> None:
    """The ``qalint`` program; ``argv`` is for calling it in-process (tests)."""
    try:
        _main(argv)
    except SystemExit as done:
        if argv is None and isinstance(done.code, int) and not _third_party_imported():
            _exit_now(done.code)
        raise


def _third_party_imported() -> bool:
    plugins = sys.modules.get("qalint.plugins")
    return plugins is not None and bool(getattr(plugins, "third_party_imported", False))


def _exit_now(code: int) -> None:
    """Exit without the interpreter's teardown (freeing every object and module one by
    one), which costs about a tenth of checking one file, as mypy does. Only when no
    third-party code was loaded: qalint's own code holds no open files and registers no
    exit handlers; a plugin's might. Report output was flushed by ``_finish``."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def _main(argv: Sequence[str] | None) -> None:
    if sys.stderr is None:  # started with 2>&-: errors go nowhere, but must not crash
        sys.stderr = open(os.devnull, "w")  # lives until exit
    if sys.stdout is None:  # started with >&-
        _fail("kan de uitvoer niet schrijven: stdout is gesloten")
        sys.exit(EXIT_ERROR)
    _prepare_streams()
    try:
        cli.main(args=argv, prog_name="qalint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        _finish(exc.exit_code)
    except click.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()  # plain `qalint`: the help text, as click shows it
        else:
            command = exc.ctx.command_path if exc.ctx is not None else "qalint"
            _fail(f"{in_dutch(exc.format_message())} ('{command} --help' toont de opties)")
        _finish(EXIT_ERROR)
    except click.ClickException as exc:
        _fail(in_dutch(exc.format_message()))
        _finish(EXIT_ERROR)
    except click.exceptions.Abort:
        _finish(EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        _finish(EXIT_INTERRUPTED)
    _finish(EXIT_CLEAN)
