"""Loading plugins and collecting their rules, each in its own guard.

pluggy's ``load_setuptools_entrypoints`` stops at the first broken package and a hook
call stops at the first hookimpl that raises (ROBUSTNESS.md 0.1), so qalint loads
every entry point and calls every hookimpl itself. Plugins are registered under their
entry-point name, never under pluggy's ``id()`` default. There is no global plugin
manager: each run builds its own.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pluggy

from qalint import hookspecs
from qalint.rules import CODE_RE, NAME_RE, Rule, Severity

ENTRY_POINT_GROUP = "qalint"

#: Built-in plugins, by module name; they reach the core through the same hooks.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "qalint.readers.text",
    "qalint.core_rules",
    "qalint_plugins.document",
    "qalint_plugins.numbering",
    "qalint_plugins.references",
    "qalint_plugins.dates",
)
BUILTIN_DIST = "qalint"


@dataclass(frozen=True, slots=True)
class PluginInfo:
    name: str
    dist: str
    version: str
    builtin: bool

    def describe(self) -> str:
        return f"{self.name} ({self.dist} {self.version})" if not self.builtin else self.name


@dataclass(frozen=True, slots=True)
class PluginError:
    """A plugin that could not be loaded or registered; reported as QA000, exit 2."""

    plugin: str
    message: str


@dataclass(frozen=True, slots=True)
class RuleEntry:
    cls: type[Rule]
    plugin: PluginInfo


@dataclass
class Plugins:
    manager: pluggy.PluginManager
    infos: dict[str, PluginInfo] = field(default_factory=dict)
    rules: dict[str, RuleEntry] = field(default_factory=dict)
    errors: list[PluginError] = field(default_factory=list)

    def rule_by_code(self, code: str) -> RuleEntry | None:
        return self.rules.get(code)

    def extensions(self) -> tuple[str, ...]:
        found: list[str] = []
        for plugin_name, impl in self._impls("qalint_file_extensions"):
            result = self._guarded(plugin_name, "qalint_file_extensions", impl)
            if isinstance(result, (list, tuple)):
                found.extend(str(ext).lower() for ext in result if isinstance(ext, str))
        return tuple(dict.fromkeys(found))

    def readers(self) -> list[tuple[str, Callable[..., Any]]]:
        """Reader hookimpls in pluggy's calling order (tryfirst first, trylast last)."""
        return list(reversed(self._impls("qalint_read_source")))

    def info(self, plugin_name: str) -> PluginInfo:
        return self.infos.get(plugin_name, PluginInfo(plugin_name, "?", "?", False))

    def _impls(self, hook_name: str) -> list[tuple[str, Callable[..., Any]]]:
        hook = getattr(self.manager.hook, hook_name)
        impls = []
        for impl in hook.get_hookimpls():
            name = self.manager.get_name(impl.plugin) or impl.plugin_name
            impls.append((name, impl.function))
        return impls

    def _guarded(self, plugin_name: str, hook_name: str, function: Callable[[], Any]) -> Any:
        try:
            return function()
        except Exception as exc:  # noqa: BLE001 - a plugin may raise anything
            self.errors.append(
                PluginError(plugin_name, f"{hook_name} is mislukt: {type(exc).__name__}: {exc}")
            )
            return None


def load_plugins(
    entry_points: Iterable[Any] | None = None, builtins: tuple[str, ...] = BUILTIN_PLUGINS
) -> Plugins:
    """Build a plugin manager with the built-ins and the installed third-party plugins.

    ``entry_points`` defaults to the installed ones of group ``qalint``; tests pass
    their own.
    """
    from qalint import __version__

    manager = pluggy.PluginManager("qalint")
    manager.add_hookspecs(hookspecs)
    plugins = Plugins(manager)
    for module_name in builtins:
        module = importlib.import_module(module_name)
        manager.register(module, name=module_name)
        plugins.infos[module_name] = PluginInfo(module_name, BUILTIN_DIST, __version__, True)
    for entry_point in _entry_points() if entry_points is None else entry_points:
        _load_entry_point(plugins, entry_point)
    _collect_rules(plugins)
    return plugins


def _entry_points() -> list[Any]:
    from importlib.metadata import entry_points

    return list(entry_points(group=ENTRY_POINT_GROUP))


def _load_entry_point(plugins: Plugins, entry_point: Any) -> None:
    name = entry_point.name
    dist = getattr(entry_point, "dist", None)
    dist_name = getattr(dist, "name", None) or "?"
    version = getattr(dist, "version", None) or "?"
    info = PluginInfo(name, dist_name, version, False)
    if name in plugins.infos:
        plugins.errors.append(PluginError(name, f"plugin {info.describe()} heeft een naam die al in gebruik is"))
        return
    try:
        module = entry_point.load()
        plugins.manager.register(module, name=name)
    except BaseException as exc:  # noqa: BLE001 - SystemExit at import is a broken plugin too
        if isinstance(exc, KeyboardInterrupt):
            raise
        plugins.errors.append(
            PluginError(name, f"plugin {info.describe()} kon niet worden geladen: "
                              f"{type(exc).__name__}: {exc}")
        )
        return
    plugins.infos[name] = info


def _collect_rules(plugins: Plugins) -> None:
    for plugin_name, function in plugins._impls("qalint_register_rules"):
        info = plugins.info(plugin_name)
        result = plugins._guarded(plugin_name, "qalint_register_rules", function)
        if result is None:
            continue
        if not isinstance(result, (list, tuple)):
            plugins.errors.append(PluginError(
                plugin_name, f"plugin {info.describe()} gaf geen lijst van regels terug"))
            continue
        for cls in result:
            problem = _rule_problem(cls, info)
            if problem is None:
                existing = plugins.rules.get(cls.code)
                if existing is not None:
                    problem = (f"code {cls.code} van plugin {info.describe()} is al in gebruik "
                               f"door {existing.plugin.describe()}")
                elif any(entry.cls.name == cls.name for entry in plugins.rules.values()):
                    problem = f"naam {cls.name} van plugin {info.describe()} is al in gebruik"
            if problem is not None:
                plugins.errors.append(PluginError(plugin_name, problem))
                continue
            plugins.rules[cls.code] = RuleEntry(cls, info)
    plugins.rules = dict(sorted(plugins.rules.items()))


def _rule_problem(cls: Any, info: PluginInfo) -> str | None:
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        return f"plugin {info.describe()} registreerde iets dat geen Rule is: {cls!r:.80}"
    code = getattr(cls, "code", None)
    name = getattr(cls, "name", None)
    if not isinstance(code, str) or not CODE_RE.match(code):
        return f"plugin {info.describe()}: ongeldige regelcode {code!r:.40}"
    if code.startswith("QA") and not info.builtin:
        return f"plugin {info.describe()}: code {code} hoort bij qalint zelf; kies een eigen voorvoegsel"
    if not isinstance(name, str) or not NAME_RE.match(name):
        return f"plugin {info.describe()}: ongeldige regelnaam {name!r:.40}"
    if not isinstance(getattr(cls, "severity", None), Severity):
        return f"plugin {info.describe()}: regel {code} heeft geen geldige severity"
    return None
