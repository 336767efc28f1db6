"""Configuration: discovery and strict validation of ``rules.toml`` / ``[tool.qalint]``.

The closest configuration above a file wins; in one folder ``rules.toml`` wins over
``pyproject.toml``, and a ``pyproject.toml`` without ``[tool.qalint]`` is skipped.
``--config`` replaces discovery. Every error names the file, line and key, and exits 2.
TOML is read with tomli (pinned) so that positions and the TOML version are the same
on every Python.
"""

import os
import re
import stat
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, Final, final

from qalint.discovery import display_path, os_error_message
from qalint.rules import Rule, Severity, option_names

CONFIG_NAMES = ("rules.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 1_000_000
DEFAULT_RULE_TIMEOUT = 10.0
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "fail-on",
    "severity",
    "rules",
    "per-file-ignores",
    "encoding",
    "max-file-size",
    "rule-timeout",
    "exclude",
}


class ConfigError(Exception):
    """A configuration problem; ``str()`` is the message users see."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None):
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        where = path if line is None else f"{path}:{line}:{column or 1}"
        super().__init__(f"{where}: {message}")


@final
class Selector:
    """A code, prefix, name or ``ALL`` as written, with where it was written."""

    __slots__ = ("column", "line", "path", "value")

    def __init__(
        self, value: str, path: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.value: Final = value
        self.path: Final = path
        self.line: Final = line
        self.column: Final = column


#: The default of the mapping fields below: empty, and read-only since it is shared.
_NOTHING: Mapping[str, Any] = types.MappingProxyType({})


@final
class RawConfig:
    """A validated configuration file (or the defaults), before rule resolution."""

    __slots__ = (
        "encoding",
        "exclude",
        "extend_select",
        "fail_on",
        "ignore",
        "max_file_size",
        "path",
        "per_file_ignores",
        "rule_timeout",
        "rules",
        "select",
        "severity",
    )

    def __init__(
        self,
        path: str | None = None,
        select: tuple[Selector, ...] | None = None,
        ignore: tuple[Selector, ...] = (),
        extend_select: tuple[Selector, ...] = (),
        fail_on: Severity = Severity.ERROR,
        severity: Mapping[str, tuple[Severity, Selector]] = _NOTHING,
        rules: Mapping[str, tuple[Mapping[str, Any], Selector, Mapping[str, Selector]]] = _NOTHING,
        per_file_ignores: tuple[tuple[str, tuple[Selector, ...]], ...] = (),
        encoding: str | None = None,
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
        rule_timeout: float = DEFAULT_RULE_TIMEOUT,
        exclude: tuple[str, ...] = (),
    ) -> None:
        self.path: Final = path
        self.select: Final = select
        self.ignore: Final = ignore
        self.extend_select: Final = extend_select
        self.fail_on: Final = fail_on
        self.severity: Final = severity
        #: code -> (options as written, where the table is, where each option is)
        self.rules: Final = rules
        self.per_file_ignores: Final = per_file_ignores
        self.encoding: Final = encoding
        self.max_file_size: Final = max_file_size
        #: Seconds a third-party rule may take on one file (0: no limit).
        self.rule_timeout: Final = rule_timeout
        self.exclude: Final = exclude


# -- reading ---------------------------------------------------------------------------


def read_config_file(path: str, warnings: list[str] | None = None) -> RawConfig | None:
    """Read and validate one file; None for a pyproject.toml without [tool.qalint].

    ``warnings`` collects problems that do not make the file invalid, such as a
    misspelt ``[tool.qalnt]``.
    """
    shown = display_path(path)
    data = _read_limited(path, shown)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # Notepad writes a BOM; TOML forbids it, we forgive it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError(
            shown, f"geen geldige UTF-8 (byte 0x{data[exc.start]:02X})", line, column
        ) from None
    import tomli  # only when a configuration exists: keeps start-up cheap

    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        message = getattr(exc, "msg", str(exc))
        raise ConfigError(
            shown,
            f"ongeldige TOML: {message}",
            getattr(exc, "lineno", None),
            getattr(exc, "colno", None),
        ) from None
    except RecursionError:
        raise ConfigError(shown, "ongeldige TOML: te diep genest") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = document.get("tool", {})
        if not isinstance(tool, dict) or "qalint" not in tool:
            if isinstance(tool, dict) and warnings is not None:
                import difflib

                close = difflib.get_close_matches("qalint", [str(k) for k in tool], n=1, cutoff=0.7)
                if close:
                    warnings.append(
                        f"{shown}: [tool.{close[0]}] lijkt een tikfout voor "
                        f"[tool.qalint]; deze tabel wordt genegeerd"
                    )
            return None
        table = tool["qalint"]
        prefix = "tool.qalint"
    else:
        table = document
        prefix = ""
    if not isinstance(table, dict):
        raise ConfigError(shown, f"'{prefix}' moet een tabel zijn")
    return _validate(table, _Locator(shown, text, prefix))


def check_config_path(path: str, shown: str) -> None:
    """Raise ConfigError unless ``path`` is a regular file (not a folder, FIFO, device)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ConfigError(shown, os_error_message(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ConfigError(shown, "is een map, geen configuratiebestand")
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(shown, "is geen gewoon bestand")


def _read_limited(path: str, shown: str) -> bytes:
    check_config_path(path, shown)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(shown, os_error_message(exc)) from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(shown, f"configuratie groter dan {MAX_CONFIG_BYTES} bytes")
    return data


def is_text_encoding(name: str) -> bool:
    """True for a codec that turns bytes into text (not ``rot13``, ``hex`` or nonsense)."""
    try:
        b"a".decode(name)  # a non-empty input, since b"".decode("rot13") succeeds
    except UnicodeDecodeError:
        return True  # a text encoding that merely cannot read "a" alone (utf-16)
    except (LookupError, TypeError, ValueError):
        return False
    return True


class _Locator:
    """Finds the line and column where a key is written, for error messages.

    Searches start at the header of the table in question (``[tool.qalint]``,
    ``[tool.qalint.severity]``, ``[rules.QA304]``) when there is one, so a ``select``
    of another tool earlier in pyproject.toml is not taken for ours.
    """

    def __init__(self, path: str, text: str, prefix: str):
        self.path = path
        self.lines = text.split("\n")
        self.prefix = prefix

    def _start(self, section: str) -> int:
        best = 0
        parts = [p for p in (*self.prefix.split("."), *section.split(".")) if p]
        for size in range(1, len(parts) + 1):
            dotted = r"\s*\.\s*".join(r"[\"']?" + re.escape(p) + r"[\"']?" for p in parts[:size])
            header = re.compile(r"^\s*\[\s*" + dotted + r"\s*\]")
            for number, line in enumerate(self.lines):
                if header.match(line):
                    best = number
                    break
        return best

    def find(self, *needles: str, section: str = "") -> tuple[int | None, int | None]:
        start = self._start(section)
        for needle in needles:
            pattern = re.compile(r"(?<![\w-])" + re.escape(needle) + r"(?![\w-])")
            for number in range(start, len(self.lines)):
                line = self.lines[number]
                match = pattern.search(line.split("#", 1)[0] if "#" not in needle else line)
                if match:
                    return number + 1, match.start() + 1
        return None, None

    def error(self, message: str, *needles: str, section: str = "") -> ConfigError:
        line, column = self.find(*needles, section=section)
        return ConfigError(self.path, message, line, column)

    def selector(self, value: str, key: str, section: str = "") -> Selector:
        line, column = self.find(f'"{value}"', f"'{value}'", section=section)
        if line is None:
            line, column = self.find(key, section=section)
        return Selector(value, self.path, line, column)


def _validate(table: Mapping[str, Any], where: _Locator) -> RawConfig:
    for key in table:
        if key not in _KEYS:
            hint = _did_you_mean(key, _KEYS)
            raise where.error(f"onbekende sleutel '{key}'{hint}", key)
    values: dict[str, Any] = {"path": where.path}
    if "select" in table:
        values["select"] = _selectors(table["select"], "select", where)
    for key in ("ignore", "extend-select"):
        if key in table:
            values[key.replace("-", "_")] = _selectors(table[key], key, where)
    if "fail-on" in table:
        values["fail_on"] = _severity(table["fail-on"], "fail-on", where)
    if "severity" in table:
        severities = _table(table["severity"], "severity", where)
        values["severity"] = {
            code: (
                _severity(value, code, where, "severity"),
                where.selector(code, code, "severity"),
            )
            for code, value in severities.items()
        }
    if "rules" in table:
        rules = _table(table["rules"], "rules", where)
        parsed: dict[str, tuple[Mapping[str, Any], Selector, Mapping[str, Selector]]] = {}
        for code, options in rules.items():
            section = f"rules.{code}"
            given = _table(options, section, where, "rules")
            places = {key: where.selector(key, key, section) for key in given}
            parsed[code] = (given, where.selector(code, code, "rules"), places)
        values["rules"] = parsed
    if "per-file-ignores" in table:
        ignores = _table(table["per-file-ignores"], "per-file-ignores", where)
        values["per_file_ignores"] = tuple(
            (glob, _selectors(codes, glob, where, "per-file-ignores"))
            for glob, codes in ignores.items()
        )
    if "encoding" in table:
        encoding = table["encoding"]
        if not isinstance(encoding, str):
            raise where.error("'encoding' moet een tekst zijn, zoals \"cp1252\"", "encoding")
        if not is_text_encoding(encoding):
            raise where.error(f"onbekende codering '{encoding:.40}' in 'encoding'", "encoding")
        values["encoding"] = encoding
    if "max-file-size" in table:
        size = table["max-file-size"]
        if isinstance(size, bool) or not isinstance(size, int) or not 0 < size <= 2**40:
            raise where.error(
                "'max-file-size' moet een positief geheel getal (bytes) zijn, hoogstens 2**40",
                "max-file-size",
            )
        values["max_file_size"] = size
    if "rule-timeout" in table:
        seconds = table["rule-timeout"]
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, (int, float))
            or not 0 <= seconds <= 3600
        ):
            raise where.error(
                "'rule-timeout' moet een aantal seconden van 0 tot 3600 zijn (0: geen grens)",
                "rule-timeout",
            )
        values["rule_timeout"] = float(seconds)
    if "exclude" in table:
        values["exclude"] = tuple(
            s.value for s in _selectors(table["exclude"], "exclude", where, example='["archief/*"]')
        )
    return RawConfig(**values)


def _selectors(
    value: Any, key: str, where: _Locator, section: str = "", example: str = '["QA1"]'
) -> tuple[Selector, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise where.error(
            f"'{key}' moet een lijst van teksten zijn, zoals {example}", key, section=section
        )
    return tuple(where.selector(item, key, section) for item in value)


def _table(value: Any, key: str, where: _Locator, section: str = "") -> dict[str, Any]:
    if not isinstance(value, dict):
        raise where.error(f"'{key}' moet een tabel zijn", key.rsplit(".", 1)[-1], section=section)
    return value


def _severity(value: Any, key: str, where: _Locator, section: str = "") -> Severity:
    try:
        return Severity(value)
    except (ValueError, TypeError):
        raise where.error(
            f'\'{key}\' moet "error", "warning" of "info" zijn, niet {value!r:.40}',
            key,
            section=section,
        ) from None


def _did_you_mean(word: str, choices: Sequence[str] | set[str]) -> str:
    import difflib  # only on errors

    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f" (bedoelt u {close[0]}?)" if close else ""


# -- discovery -------------------------------------------------------------------------


class ConfigFinder:
    """Finds the configuration for each file, reading every folder's files once."""

    def __init__(self, explicit: str | None = None):
        #: Folder (absolute, symlinks resolved) -> the configuration that applies there.
        self._by_dir: dict[str, RawConfig] = {}
        #: Folder as reached (before resolving) -> the same; most files share a few.
        self._by_given_dir: dict[str, RawConfig] = {}
        self._explicit_config: RawConfig | None = None
        #: Problems that do not stop the run; the caller shows them.
        self.warnings: list[str] = []
        if explicit is not None:
            # Name the flag, so users see which of their inputs is wrong.
            check_config_path(explicit, f"--config {display_path(explicit)}")
            loaded = read_config_file(explicit, self.warnings)
            if loaded is None:
                raise ConfigError(display_path(explicit), "bevat geen [tool.qalint]")
            self._explicit_config = loaded

    def for_path(self, path: str) -> RawConfig:
        """The configuration for a file (its folder's) or a folder (its own)."""
        if self._explicit_config is not None:
            return self._explicit_config
        return self.for_dir(path if os.path.isdir(path) else os.path.dirname(path) or ".")

    def for_dir(self, directory: str) -> RawConfig:
        if self._explicit_config is not None:
            return self._explicit_config
        known = self._by_given_dir.get(directory)
        if known is None:
            try:
                start = os.path.realpath(directory)
            except (OSError, ValueError):
                try:
                    start = os.path.abspath(directory)
                except OSError:  # the current folder was deleted
                    return RawConfig()
            known = self._by_given_dir[directory] = self._for_resolved_dir(start)
        return known

    def _for_resolved_dir(self, directory: str) -> RawConfig:
        visited: list[str] = []
        found: RawConfig | None = None
        current = directory
        while True:
            if current in self._by_dir:
                found = self._by_dir[current]
                break
            visited.append(current)
            found = self._read_dir(current)
            parent = os.path.dirname(current)
            if found is not None or parent == current:
                break
            current = parent
        result = found if found is not None else RawConfig()
        for folder in visited:
            self._by_dir[folder] = result
        return result

    def _read_dir(self, directory: str) -> RawConfig | None:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                loaded = read_config_file(candidate, self.warnings)
                if loaded is not None:
                    return loaded
        return None


# -- rule options ----------------------------------------------------------------------


def build_options(
    rule: type[Rule],
    given: Mapping[str, Any],
    where: Selector,
    places: Mapping[str, Selector] | None = None,
) -> Any:
    """Instantiate ``rule.Options`` from TOML values, checking names and types."""
    options_cls = rule.Options
    known = {name.replace("_", "-"): name for name in option_names(options_cls) or ()}
    hints = typing.get_type_hints(options_cls) if known else {}
    values: dict[str, Any] = {}
    for key, value in given.items():
        at = (places or {}).get(key, where)
        field = known.get(key)
        if field is None:
            hint = _did_you_mean(key, list(known)) if known else ""
            raise ConfigError(
                at.path, f"regel {rule.code} kent geen optie '{key}'{hint}", at.line, at.column
            )
        expected = hints[field]
        if not _is_instance(value, expected):
            too_big = expected is int and isinstance(value, int) and not isinstance(value, bool)
            problem = (
                "is te groot"
                if too_big
                else f"moet {_type_name(expected)} zijn, niet {value!r:.40}"
            )
            raise ConfigError(
                at.path, f"optie '{key}' van {rule.code} {problem}", at.line, at.column
            )
        values[field] = tuple(value) if isinstance(value, list) else value
    try:
        return options_cls(**values)
    except (TypeError, ValueError) as exc:  # a plugin's Options may check its own values
        raise ConfigError(
            where.path, f"opties van {rule.code} ongeldig: {exc}", where.line, where.column
        ) from None


def _is_instance(value: Any, expected: Any) -> bool:
    origin = typing.get_origin(expected)
    if origin is tuple:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if expected is bool:
        return isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**31
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, expected)


def _type_name(expected: Any) -> str:
    if typing.get_origin(expected) is tuple:
        return "een lijst van teksten"
    return {
        int: "een geheel getal",
        bool: "true of false",
        str: "een tekst",
        float: "een getal",
    }.get(expected, str(expected))
