"""Configuration: discovery and strict validation of ``rules.toml`` / ``[tool.qalint]``.

The closest configuration above a file wins; in one folder ``rules.toml`` wins over
``pyproject.toml``, and a ``pyproject.toml`` without ``[tool.qalint]`` is skipped.
``--config`` replaces discovery. Every error names the file, line and key, and exits 2.
TOML is read with tomli (pinned) so that positions and the TOML version are the same
on every Python.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import stat
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from qalint.rules import Rule, Severity

CONFIG_NAMES = ("rules.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 1_000_000
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

_KEYS = {
    "select", "ignore", "extend-select", "fail-on", "severity", "rules",
    "per-file-ignores", "encoding", "max-file-size", "exclude",
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


@dataclass(frozen=True, slots=True)
class Selector:
    """A code, prefix, name or ``ALL`` as written, with where it was written."""

    value: str
    path: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class RawConfig:
    """A validated configuration file (or the defaults), before rule resolution."""

    path: str | None = None
    select: tuple[Selector, ...] | None = None
    ignore: tuple[Selector, ...] = ()
    extend_select: tuple[Selector, ...] = ()
    fail_on: Severity = Severity.ERROR
    severity: Mapping[str, tuple[Severity, Selector]] = field(default_factory=dict)
    rules: Mapping[str, tuple[Mapping[str, Any], Selector]] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[Selector, ...]], ...] = ()
    encoding: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    exclude: tuple[str, ...] = ()


# -- reading ---------------------------------------------------------------------------


def read_config_file(path: Path) -> RawConfig | None:
    """Read and validate one file; None for a pyproject.toml without [tool.qalint]."""
    shown = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise ConfigError(shown, exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ConfigError(shown, "is een map, geen configuratiebestand")
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(shown, "is geen gewoon bestand")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(shown, exc.strerror or str(exc)) from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(shown, f"configuratie groter dan {MAX_CONFIG_BYTES} bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # Notepad writes a BOM; TOML forbids it, we forgive it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError(shown, f"geen geldige UTF-8 (byte 0x{data[exc.start]:02X})", line, column) from None
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        message = getattr(exc, "msg", str(exc))
        raise ConfigError(shown, f"ongeldige TOML: {message}", getattr(exc, "lineno", None),
                          getattr(exc, "colno", None)) from None
    except RecursionError:
        raise ConfigError(shown, "ongeldige TOML: te diep genest") from None
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        if not isinstance(tool, dict) or "qalint" not in tool:
            return None
        table = tool["qalint"]
        prefix = "tool.qalint"
    else:
        table = document
        prefix = ""
    if not isinstance(table, dict):
        raise ConfigError(shown, f"'{prefix}' moet een tabel zijn")
    return _validate(table, _Locator(shown, text, prefix))


class _Locator:
    """Finds the line and column where a key is written, for error messages."""

    def __init__(self, path: str, text: str, prefix: str):
        self.path = path
        self.lines = text.split("\n")
        self.prefix = prefix

    def find(self, *needles: str) -> tuple[int | None, int | None]:
        for needle in needles:
            pattern = re.compile(r"(?<![\w-])" + re.escape(needle) + r"(?![\w-])")
            for number, line in enumerate(self.lines, start=1):
                match = pattern.search(line.split("#", 1)[0] if "#" not in needle else line)
                if match:
                    return number, match.start() + 1
        return None, None

    def error(self, message: str, *needles: str) -> ConfigError:
        line, column = self.find(*needles)
        return ConfigError(self.path, message, line, column)

    def selector(self, value: str, key: str) -> Selector:
        line, column = self.find(f'"{value}"', f"'{value}'")
        if line is None:
            line, column = self.find(key)
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
            code: (_severity(value, code, where), where.selector(code, code))
            for code, value in severities.items()
        }
    if "rules" in table:
        rules = _table(table["rules"], "rules", where)
        values["rules"] = {
            code: (_table(options, f"rules.{code}", where), where.selector(code, code))
            for code, options in rules.items()
        }
    if "per-file-ignores" in table:
        ignores = _table(table["per-file-ignores"], "per-file-ignores", where)
        values["per_file_ignores"] = tuple(
            (glob, _selectors(codes, glob, where)) for glob, codes in ignores.items()
        )
    if "encoding" in table:
        encoding = table["encoding"]
        if not isinstance(encoding, str):
            raise where.error("'encoding' moet een tekst zijn, zoals \"cp1252\"", "encoding")
        values["encoding"] = encoding
    if "max-file-size" in table:
        size = table["max-file-size"]
        if isinstance(size, bool) or not isinstance(size, int) or not 0 < size <= 2**40:
            raise where.error("'max-file-size' moet een positief geheel getal (bytes) zijn",
                              "max-file-size")
        values["max_file_size"] = size
    if "exclude" in table:
        values["exclude"] = tuple(s.value for s in _selectors(table["exclude"], "exclude", where))
    return RawConfig(**values)


def _selectors(value: Any, key: str, where: _Locator) -> tuple[Selector, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise where.error(f"'{key}' moet een lijst van teksten zijn, zoals [\"QA1\"]", key)
    return tuple(where.selector(item, key) for item in value)


def _table(value: Any, key: str, where: _Locator) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise where.error(f"'{key}' moet een tabel zijn", key.rsplit(".", 1)[-1])
    return value


def _severity(value: Any, key: str, where: _Locator) -> Severity:
    try:
        return Severity(value)
    except (ValueError, TypeError):
        raise where.error(
            f"'{key}' moet \"error\", \"warning\" of \"info\" zijn, niet {value!r:.40}", key
        ) from None


def _did_you_mean(word: str, choices: Sequence[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f" (bedoelt u {close[0]}?)" if close else ""


# -- discovery -------------------------------------------------------------------------


class ConfigFinder:
    """Finds the configuration for each file, reading every folder's files once."""

    def __init__(self, explicit: Path | None = None):
        self._explicit = explicit
        self._by_dir: dict[Path, RawConfig] = {}
        self._explicit_config: RawConfig | None = None
        if explicit is not None:
            loaded = read_config_file(explicit)
            if loaded is None:
                raise ConfigError(str(explicit), "bevat geen [tool.qalint]")
            self._explicit_config = loaded

    def for_path(self, path: Path) -> RawConfig:
        if self._explicit_config is not None:
            return self._explicit_config
        try:
            start = path.resolve().parent if not path.is_dir() else path.resolve()
        except OSError:
            start = Path(os.path.abspath(path)).parent
        return self._for_dir(start)

    def _for_dir(self, directory: Path) -> RawConfig:
        visited: list[Path] = []
        found: RawConfig | None = None
        current = directory
        while True:
            if current in self._by_dir:
                found = self._by_dir[current]
                break
            visited.append(current)
            found = self._read_dir(current)
            if found is not None or current.parent == current:
                break
            current = current.parent
        result = found if found is not None else RawConfig()
        for folder in visited:
            self._by_dir[folder] = result
        return result

    @staticmethod
    def _read_dir(directory: Path) -> RawConfig | None:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                loaded = read_config_file(candidate)
                if loaded is not None:
                    return loaded
        return None


# -- rule options ----------------------------------------------------------------------


def build_options(rule: type[Rule], given: Mapping[str, Any], where: Selector) -> Any:
    """Instantiate ``rule.Options`` from TOML values, checking names and types."""
    options_cls = rule.Options
    known = {f.name.replace("_", "-"): f for f in dataclasses.fields(options_cls)} \
        if dataclasses.is_dataclass(options_cls) else {}
    hints = typing.get_type_hints(options_cls) if known else {}
    values: dict[str, Any] = {}
    for key, value in given.items():
        spec = known.get(key)
        if spec is None:
            hint = _did_you_mean(key, known.keys()) if known else ""
            raise ConfigError(where.path, f"regel {rule.code} kent geen optie '{key}'{hint}",
                              where.line, where.column)
        expected = hints[spec.name]
        if not _is_instance(value, expected):
            raise ConfigError(
                where.path,
                f"optie '{key}' van {rule.code} moet {_type_name(expected)} zijn, niet {value!r:.40}",
                where.line, where.column,
            )
        values[spec.name] = tuple(value) if isinstance(value, list) else value
    return options_cls(**values)


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
    return {int: "een geheel getal", bool: "true of false", str: "een tekst",
            float: "een getal"}.get(expected, str(expected))
