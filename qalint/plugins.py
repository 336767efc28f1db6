"""Loading plugins and collecting their rules, each in its own guard.

pluggy's ``load_setuptools_entrypoints`` stops at the first broken package and a hook
call stops at the first hookimpl that raises (ROBUSTNESS.md 0.1), so qalint loads
every entry point and calls every hookimpl itself. Plugins are registered under their
entry-point name, never under pluggy's ``id()`` default. There is no global plugin
manager: each run builds its own.

Entry points are loaded in a fixed order (by name), so which of two plugins claiming
the same code wins, and every message about it, does not depend on ``sys.path``.
"""

import importlib
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final, final

import pluggy

from qalint import hookspecs
from qalint.isolation import Isolation, isolated
from qalint.rules import CODE_RE, NAME_RE, NoOptions, Rule, Severity, option_names
from qalint.source import Source

ENTRY_POINT_GROUP = "qalint"

#: Built-in plugins, by module name; they reach the core through the same hooks.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "qalint.readers.text",
    "qalint.core_rules",
    "qalint_plugins.document",
    "qalint_plugins.numbering",
    "qalint_plugins.references",
    "qalint_plugins.dates",
    "qalint_plugins.header",
    "qalint_plugins.footnotes",
    "qalint_plugins.drafting",
)
BUILTIN_DIST = "qalint"

#: Longest exception text quoted in a message; the traceback has the rest (--debug).
MAX_EXCEPTION_TEXT = 300


@final
class PluginInfo:
    """A plugin as messages name it: its name, distribution and version."""

    __slots__ = ("builtin", "dist", "name", "version")

    def __init__(self, name: str, dist: str, version: str, builtin: bool) -> None:
        self.name: Final = name
        self.dist: Final = dist
        self.version: Final = version
        self.builtin: Final = builtin

    def describe(self) -> str:
        return f"{self.name} ({self.dist} {self.version})" if not self.builtin else self.name


@final
class PluginError:
    """A plugin that could not be loaded or registered; reported as QA000, exit 2."""

    __slots__ = ("message", "plugin", "traceback")

    def __init__(self, plugin: str, message: str, traceback: str = "") -> None:
        self.plugin: Final = plugin
        self.message: Final = message
        #: The formatted traceback, for ``--debug``; empty when there is none.
        self.traceback: Final = traceback


@final
class RuleEntry:
    """A registered rule and the plugin it came from."""

    __slots__ = ("cls", "plugin")

    def __init__(self, cls: type[Rule], plugin: PluginInfo) -> None:
        self.cls: Final = cls
        self.plugin: Final = plugin


class Plugins:
    """The plugin manager of one run, with what was loaded and what went wrong."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.manager = manager
        self.infos: dict[str, PluginInfo] = {}
        self.rules: dict[str, RuleEntry] = {}
        self.errors: list[PluginError] = []
        #: What plugins printed to stdout while they were loaded (ROBUSTNESS.md E09).
        self.warnings: list[str] = []
        self._readers: list[tuple[str, Callable[..., Source | None]]] | None = None

    def rule_by_code(self, code: str) -> RuleEntry | None:
        return self.rules.get(code)

    def extensions(self) -> tuple[str, ...]:
        found: list[str] = []
        for plugin_name, impl in self._impls("qalint_file_extensions"):
            result = self._guarded(plugin_name, "qalint_file_extensions", impl)
            if isinstance(result, (list, tuple)):
                found.extend(str(ext).lower() for ext in result if isinstance(ext, str))
        return tuple(dict.fromkeys(found))

    def readers(self) -> list[tuple[str, Callable[..., Source | None]]]:
        """Reader hookimpls in pluggy's calling order (tryfirst first, trylast last).

        Each is wrapped so that it gets only the arguments it declares (as pluggy
        would pass them) and so that a return value that is neither a ``Source`` nor
        None raises TypeError, which the runner reports against that plugin. Built on
        the first call: the runner asks for every file, and load_plugins has registered
        every plugin by then.
        """
        if self._readers is None:
            self._readers = [
                # A built-in reader returns a Source or None (mypy sees to that): it needs
                # no check, and no wrapper of its own, on every file.
                (name, function if self.info(name).builtin else _checked_reader(function))
                for name, function in reversed(
                    self._impls("qalint_read_source", passed=("path", "data", "encoding"))
                )
            ]
        return self._readers

    def info(self, plugin_name: str) -> PluginInfo:
        return self.infos.get(plugin_name, PluginInfo(plugin_name, "?", "?", False))

    def _impls(
        self, hook_name: str, passed: tuple[str, ...] = ()
    ) -> list[tuple[str, Callable[..., Any]]]:
        """The hook's implementations, each to be called with keyword arguments only;
        ``passed`` names the arguments every call passes, if they are known."""
        hook = getattr(self.manager.hook, hook_name)
        impls = []
        for impl in hook.get_hookimpls():
            name = self.manager.get_name(impl.plugin) or impl.plugin_name
            impls.append((name, _with_declared_arguments(impl, passed)))
        return impls

    def note_printed(self, info: PluginInfo, when: str, outcome: Isolation) -> None:
        if outcome.printed.strip():
            self.warnings.append(
                f"plugin {info.describe()} schreef naar stdout {when}: {outcome.quoted()}; "
                f"dat staat niet in het rapport"
            )

    def _guarded(self, plugin_name: str, hook_name: str, function: Callable[[], Any]) -> Any:
        info = self.info(plugin_name)
        outcome = None
        try:
            if info.builtin:
                return function()
            with isolated() as outcome:
                return function()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - SystemExit from a hook is a failure too
            self.errors.append(
                PluginError(
                    plugin_name,
                    f"plugin {info.describe()}: {hook_name} is mislukt: {exception_text(exc)}",
                    _traceback(),
                )
            )
            return None
        finally:
            if outcome is not None:
                self.note_printed(info, f"in {hook_name}", outcome)


def _traceback() -> str:
    import traceback  # only on failures: keeps start-up cheap

    return traceback.format_exc()


def exception_text(exc: BaseException) -> str:
    """``Type: message`` on one line and of bounded length; never raises."""
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001 - a plugin's exception may have a broken __str__
        text = "(de foutmelding zelf is onleesbaar)"
    text = "; ".join(line.strip() for line in text.splitlines() if line.strip())
    if len(text) > MAX_EXCEPTION_TEXT:
        text = text[:MAX_EXCEPTION_TEXT] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _with_declared_arguments(impl: Any, passed: tuple[str, ...] = ()) -> Callable[..., Any]:
    # pluggy passes an implementation only the arguments it declares; calling the
    # function directly must do the same, or a valid plugin gets a TypeError.
    function: Callable[..., Any] = impl.function
    wanted = tuple(impl.argnames) + tuple(getattr(impl, "kwargnames", ()))
    if passed and set(passed) <= set(wanted):
        return function  # it declares every argument it will be given: nothing to drop

    def call(**kwargs: Any) -> Any:
        return function(**{key: value for key, value in kwargs.items() if key in wanted})

    return call


def _checked_reader(function: Callable[..., Any]) -> Callable[..., Source | None]:
    def read(**kwargs: Any) -> Source | None:
        source = function(**kwargs)
        if source is not None and not isinstance(source, Source):
            raise TypeError(
                f"qalint_read_source gaf {type(source).__name__} terug, geen Source of None"
            )
        return source

    return read


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, with a cheaper look at the attributes of a plugin module.

    pluggy looks at every attribute of a plugin with ``inspect.getattr_static``, which
    walks the type's MRO each time: for the built-in plugin packages (every rule class
    they import is an attribute) that was 6% of qalint's start-up. A plain module has
    no descriptors, so its own ``__dict__`` gives the same answer; anything else, and a
    module attribute that is not a plain function, is left to pluggy. (pluggy documents
    this method as the one to override.)
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if type(plugin) is types.ModuleType:
            value = vars(plugin).get(name)
            if isinstance(value, types.FunctionType):
                opts = getattr(value, f"{self.project_name}_impl", None)
                return typing.cast(pluggy.HookimplOpts, opts) if isinstance(opts, dict) else None
            if not isinstance(value, (staticmethod, classmethod, types.MethodType)):
                return None  # a class, a constant, an imported module: no hook
        return super().parse_hookimpl_opts(plugin, name)


def load_plugins(
    entry_points: Iterable[Any] | None = None, builtins: tuple[str, ...] = BUILTIN_PLUGINS
) -> Plugins:
    """Build a plugin manager with the built-ins and the installed third-party plugins.

    ``entry_points`` defaults to the installed ones of group ``qalint``; tests pass
    their own (objects with ``name``, ``load()`` and ``dist.name`` / ``dist.version``).
    """
    from qalint import __version__

    manager = _PluginManager("qalint")
    manager.add_hookspecs(hookspecs)
    plugins = Plugins(manager)
    for module_name in builtins:
        module = importlib.import_module(module_name)
        manager.register(module, name=module_name)
        plugins.infos[module_name] = PluginInfo(module_name, BUILTIN_DIST, __version__, True)
    try:
        found = _entry_points() if entry_points is None else list(entry_points)
    except Exception as exc:  # noqa: BLE001 - a corrupt installed package must not stop qalint
        plugins.errors.append(
            PluginError(
                ENTRY_POINT_GROUP,
                f"de geïnstalleerde plugins konden niet worden opgezocht: {exception_text(exc)}",
                _traceback(),
            )
        )
        found = []
    for entry_point in sorted(found, key=_entry_point_order):
        _load_entry_point(plugins, entry_point)
    _collect_rules(plugins)
    return plugins


def _entry_points() -> list[Any]:
    # qalint's own reader: importlib.metadata costs tens of milliseconds per run.
    from qalint.entrypoints import entry_points

    return list(entry_points(ENTRY_POINT_GROUP))


def _entry_point_order(entry_point: Any) -> tuple[str, str]:
    name, dist_name, _ = _entry_point_identity(entry_point)
    return name, dist_name


def _entry_point_identity(entry_point: Any) -> tuple[str, str, str]:
    """Name, distribution and version of an entry point; '?' for what is unknown."""

    def text(get: Callable[[], Any]) -> str:
        try:
            value = get()
        except Exception:  # noqa: BLE001 - broken metadata is reported, not fatal
            return "?"
        return value if isinstance(value, str) and value else "?"

    dist = text(lambda: entry_point.dist.name)
    version = text(lambda: entry_point.dist.version)
    return text(lambda: entry_point.name), dist, version


#: Whether third-party plugin code was imported into this process. It cannot be unloaded,
#: so this holds for the rest of the process (the CLI then exits the normal way, see
#: ``qalint.cli.main``).
third_party_imported = False


def _load_entry_point(plugins: Plugins, entry_point: Any) -> None:
    global third_party_imported
    name, dist_name, version = _entry_point_identity(entry_point)
    info = PluginInfo(name, dist_name, version, False)
    existing = plugins.infos.get(name)
    if existing is not None:
        plugins.errors.append(
            PluginError(
                name,
                f"plugin {info.describe()} heeft dezelfde naam als plugin "
                f"{existing.describe() if not existing.builtin else name + ' (qalint)'}; "
                f"alleen de eerste is geladen",
            )
        )
        return
    outcome = None
    third_party_imported = True
    try:
        with isolated() as outcome:
            module = entry_point.load()
        if module is None:
            raise TypeError("het entry point verwijst naar None")
        plugins.manager.register(module, name=name)
        problem = _hook_problem(plugins.manager, module)
        if problem is not None:
            raise pluggy.PluginValidationError(module, problem)
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        # pluggy leaves the hookimpls it registered before a failing one in place;
        # a plugin that failed to load must not half take part.
        if plugins.manager.get_plugin(name) is not None:
            plugins.manager.unregister(name=name)
        plugins.errors.append(
            PluginError(
                name,
                f"plugin {info.describe()} kon niet worden geladen: {exception_text(exc)}",
                _traceback(),
            )
        )
        return
    finally:
        if outcome is not None:
            plugins.note_printed(info, "bij het laden", outcome)
    plugins.infos[name] = info


def _hook_problem(manager: pluggy.PluginManager, module: Any) -> str | None:
    """Why a registered plugin's hookimpls cannot be used, or None."""
    for caller in manager.get_hookcallers(module) or ():
        if not caller.has_spec():
            known = ", ".join(sorted(n for n in dir(hookspecs) if n.startswith("qalint_")))
            return f"onbekende hook {caller.name} (qalint kent: {known})"
        for impl in caller.get_hookimpls():
            if impl.plugin is module and (impl.hookwrapper or impl.wrapper):
                # qalint calls each hookimpl on its own, so a wrapper would never wrap.
                return f"hook {caller.name} is een wrapper; qalint ondersteunt geen wrappers"
    return None


def _collect_rules(plugins: Plugins) -> None:
    for plugin_name, function in plugins._impls("qalint_register_rules"):
        info = plugins.info(plugin_name)
        result = plugins._guarded(plugin_name, "qalint_register_rules", function)
        if result is None:
            continue
        if not isinstance(result, (list, tuple)):
            plugins.errors.append(
                PluginError(
                    plugin_name,
                    f"plugin {info.describe()} gaf geen lijst van regels terug "
                    f"maar {type(result).__name__}",
                )
            )
            continue
        for cls in result:
            try:
                problem = _rule_problem(cls, info) or _clash(plugins, cls, info)
            except Exception as exc:  # noqa: BLE001 - a class may raise on attribute access
                problem = (
                    f"plugin {info.describe()}: regel {cls!r:.60} is onbruikbaar: "
                    f"{exception_text(exc)}"
                )
            if problem is not None:
                plugins.errors.append(PluginError(plugin_name, problem))
                continue
            plugins.rules[cls.code] = RuleEntry(cls, info)
    plugins.rules = dict(sorted(plugins.rules.items()))


def _clash(plugins: Plugins, cls: type[Rule], info: PluginInfo) -> str | None:
    existing = plugins.rules.get(cls.code)
    if existing is not None:
        if existing.cls is cls and existing.plugin is info:
            return f"plugin {info.describe()} registreert regel {cls.code} twee keer"
        return (
            f"code {cls.code} van plugin {info.describe()} is al in gebruik door "
            f"{_owner(existing.plugin)}"
        )
    for entry in plugins.rules.values():
        if entry.cls.name == cls.name:
            return (
                f"naam {cls.name} ({cls.code}) van plugin {info.describe()} is al in "
                f"gebruik door {entry.cls.code} van {_owner(entry.plugin)}"
            )
    return None


def _owner(info: PluginInfo) -> str:
    return f"qalint zelf ({info.name})" if info.builtin else f"plugin {info.describe()}"


def _rule_problem(cls: Any, info: PluginInfo) -> str | None:
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        return f"plugin {info.describe()} registreerde iets dat geen Rule is: {cls!r:.80}"
    code = getattr(cls, "code", None)
    name = getattr(cls, "name", None)
    if not isinstance(code, str) or not CODE_RE.match(code):
        return (
            f"plugin {info.describe()}: ongeldige regelcode {code!r:.40} "
            f"(verwacht 2-4 hoofdletters en 3 cijfers, bijv. XY101)"
        )
    if code.startswith("QA") and not info.builtin:
        return (
            f"plugin {info.describe()}: code {code} hoort bij qalint zelf; "
            f"kies een eigen voorvoegsel"
        )
    if not isinstance(name, str) or not NAME_RE.match(name):
        return f"plugin {info.describe()}: ongeldige regelnaam {name!r:.40} van {code}"
    if not isinstance(getattr(cls, "severity", None), Severity):
        return f"plugin {info.describe()}: regel {code} heeft geen geldige severity"
    if cls.check is Rule.check:
        return f"plugin {info.describe()}: regel {code} heeft geen check()"
    return _options_problem(cls, info)


def _options_problem(cls: type[Rule], info: PluginInfo) -> str | None:
    # The runner builds the options with their defaults for every file, and the
    # configuration reads their type hints; both must work before the first file.
    options = cls.Options
    if options is NoOptions:
        return None
    where = f"plugin {info.describe()}: de Options van {cls.code}"
    names = option_names(options)
    if names is None:
        return f"{where} zijn geen NamedTuple of dataclass"
    try:
        hints = typing.get_type_hints(options)
        untyped = [name for name in names if name not in hints]
        if untyped:
            return f"{where} hebben geen type voor {', '.join(untyped)}"
        options()
    except Exception as exc:  # noqa: BLE001 - any failure here makes the rule unusable
        return f"{where} zijn onbruikbaar: {exception_text(exc)}"
    return None
