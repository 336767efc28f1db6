"""Resolving a configuration against the rule registry, before anything runs.

Selectors are codes (``QA103``), prefixes (``QA1``), names (``unanswered-question``)
or ``ALL``; codes are upper case (``qa103`` is unknown, with a suggestion). An unknown
selector in ``select``, ``extend-select``, ``ignore``, ``per-file-ignores`` or
``[severity]`` is an error, in the configuration and on the command line alike: a typo
must not silently disable or enable nothing. This holds for ignores too (as in ruff),
so ignoring a rule of a plugin that is not installed is an error as well.
"""

import os
from collections.abc import Iterable, Mapping
from typing import Any, Final, final

from qalint.config import ConfigError, RawConfig, Selector, build_options, is_text_encoding
from qalint.plugins import RuleEntry
from qalint.rules import Severity

#: Codes the core reports itself; they cannot be switched off, since a partial check
#: must never look clean.
ALWAYS_ON = frozenset({"QA000", "QA001", "QA002"})


@final
class Overrides:
    """Command-line flags, which win over the configuration file."""

    __slots__ = ("encoding", "extend_select", "fail_on", "ignore", "select")

    def __init__(
        self,
        select: tuple[str, ...] | None = None,
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        fail_on: Severity | None = None,
        encoding: str | None = None,
    ) -> None:
        self.select: Final = select
        self.extend_select: Final = extend_select
        self.ignore: Final = ignore
        self.fail_on: Final = fail_on
        self.encoding: Final = encoding


@final
class Selected:
    """A rule to run on every file, as the configuration set it up."""

    __slots__ = ("entry", "options", "severity")

    def __init__(self, entry: RuleEntry, options: Any, severity: Severity) -> None:
        self.entry: Final = entry
        self.options: Final = options  # None: the rule's own defaults
        self.severity: Final = severity


@final
class Settings:
    """The configuration of a run (or of one folder), resolved before anything runs."""

    __slots__ = (
        "checks",
        "enabled",
        "encoding",
        "exclude",
        "fail_on",
        "max_file_size",
        "per_file_ignores",
        "root",
        "rule_timeout",
    )

    def __init__(
        self,
        enabled: tuple[str, ...],
        checks: tuple[Selected, ...],
        fail_on: Severity,
        per_file_ignores: tuple[tuple[str, frozenset[str]], ...],
        encoding: str | None,
        max_file_size: int,
        rule_timeout: float,
        exclude: tuple[str, ...],
        root: str | None,
    ) -> None:
        self.enabled: Final = enabled
        #: The rules whose ``check`` runs, in code order, ready to be made for each file.
        #: (The core's own codes, ALWAYS_ON, are reported by the runner instead.)
        self.checks: Final = checks
        self.fail_on: Final = fail_on
        self.per_file_ignores: Final = per_file_ignores
        self.encoding: Final = encoding
        self.max_file_size: Final = max_file_size
        self.rule_timeout: Final = rule_timeout
        self.exclude: Final = exclude
        #: The folder of the configuration file; per-file-ignores are relative to it.
        self.root: Final = root

    def ignored_for(self, path: str) -> frozenset[str]:
        """Codes ignored for ``path`` (a path relative to the configuration's folder)."""
        if not self.per_file_ignores:
            return frozenset()
        import fnmatch  # only with per-file-ignores

        name = path.rsplit("/", 1)[-1]
        ignored: set[str] = set()
        for glob, codes in self.per_file_ignores:
            if fnmatch.fnmatchcase(path, glob) or fnmatch.fnmatchcase(name, glob):
                ignored |= codes
        return frozenset(ignored)


def resolve(raw: RawConfig, rules: Mapping[str, RuleEntry], overrides: Overrides) -> Settings:
    codes = tuple(rules)
    if overrides.encoding is not None and not is_text_encoding(overrides.encoding):
        raise ConfigError("--encoding", f"onbekende codering '{overrides.encoding:.40}'")

    def expand(selectors: Iterable[Selector]) -> set[str]:
        found: set[str] = set()
        for selector in selectors:
            found |= _expand(selector, rules)
        return found

    # Command-line selectors are named by their flag in error messages.
    if overrides.select is not None:
        selected = expand(Selector(value, "--select") for value in overrides.select)
    elif raw.select is not None:
        selected = expand(raw.select)
    else:
        selected = set(codes)
    selected |= expand(raw.extend_select)
    selected |= expand(Selector(value, "--extend-select") for value in overrides.extend_select)
    selected -= expand(raw.ignore)
    selected -= expand(Selector(value, "--ignore") for value in overrides.ignore)
    selected |= ALWAYS_ON & set(codes)

    severity = {code: rules[code].cls.severity for code in codes}
    for _code, (level, where) in raw.severity.items():
        for matched in _expand(where, rules):
            severity[matched] = level
    options: dict[str, Any] = {}
    for code, (given, where, places) in raw.rules.items():
        matching = _expand(where, rules)
        if len(matching) != 1 or code not in rules:
            hint = f"; bedoelt u [rules.{next(iter(matching))}]?" if len(matching) == 1 else ""
            raise ConfigError(
                where.path,
                f"[rules.{code}] moet één regelcode noemen{hint}",
                where.line,
                where.column,
            )
        options[code] = build_options(rules[code].cls, given, where, places)
    per_file = tuple(
        (glob, frozenset(expand(selectors)) - ALWAYS_ON) for glob, selectors in raw.per_file_ignores
    )
    root = (os.path.dirname(raw.path) or ".") if raw.path else None
    enabled = tuple(code for code in codes if code in selected)
    return Settings(
        enabled=enabled,
        checks=tuple(
            Selected(rules[code], options.get(code), severity[code])
            for code in enabled
            if code not in ALWAYS_ON
        ),
        fail_on=overrides.fail_on or raw.fail_on,
        per_file_ignores=per_file,
        encoding=overrides.encoding or raw.encoding,
        max_file_size=raw.max_file_size,
        rule_timeout=raw.rule_timeout,
        exclude=raw.exclude,
        root=root,
    )


def _expand(selector: Selector, rules: Mapping[str, RuleEntry]) -> set[str]:
    value = selector.value
    if value == "ALL":
        return set(rules)
    if value in rules:
        return {value}
    by_name = {entry.cls.name: code for code, entry in rules.items()}
    if value in by_name:
        return {by_name[value]}
    if value[:1].isupper() and len(value) >= 2:
        prefixed = {code for code in rules if code.startswith(value)}
        if prefixed:
            return prefixed
    candidates = list(rules) + list(by_name)
    import difflib

    close = difflib.get_close_matches(
        value.upper() if value[:2].lower() == "qa" else value, candidates, n=1
    )
    hint = f" (bedoelt u {close[0]}?)" if close else ""
    raise ConfigError(
        selector.path, f"onbekende regel '{value}'{hint}", selector.line, selector.column
    )
