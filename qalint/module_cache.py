"""The bytecode of qalint's own modules, read from one file when the program starts.

Python spends about 300 K instructions importing a module from a folder before the
module's own code runs: it asks each finder in turn, looks the name up among the
folder's files, works out the bytecode file's name, compares the source's time stamp,
then opens, reads and unmarshals the bytecode file. A pre-commit run imports some 75 of
qalint's own modules (the core, the parser and every built-in rule), and that machinery
was a quarter of what qalint adds to ``import click, pluggy``. This module keeps their
bytecode in one file beside qalint's own bytecode; a finder placed first on
``sys.meta_path`` serves them from it for half the cost: one ``stat`` of the source and
an unmarshal per module.

What keeps it as safe as Python's own bytecode files:

- an entry is used only while its source has the size, modification time (in
  nanoseconds) and inode it had when the entry was written. Otherwise the module is
  imported as usual, and its entry is written again at the end of the run with the code
  that import used;
- the file is read only by the interpreter build that wrote it;
- the loader is Python's own ``SourceFileLoader`` with only ``get_code`` replaced, so a
  module gets the same ``__file__``, ``__cached__`` and ``__path__``, its source in
  tracebacks and its resources, as when imported as usual;
- a damaged file, an entry of another shape or code that does not unmarshal means an
  ordinary import;
- only the program's entry point installs the finder (``install``): tests and plugins
  that import qalint get ordinary imports;
- the file is written like bytecode is, only where it can be and never when
  ``sys.dont_write_bytecode`` is set (``PYTHONDONTWRITEBYTECODE``), to a temporary
  file that replaces the old one at once. ``qalint.pattern_cache`` keeps its file the
  same way (``cache_path``, ``write_atomically``).

This module is imported before the finder exists, so it imports only modules that
click imports anyway (``importlib.machinery``, ``types``, ``typing``).
"""

from __future__ import annotations

import marshal
import os
import sys
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import CodeType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from types import ModuleType

#: The top-level packages whose modules the file holds.
PACKAGES = ("qalint", "qalint_plugins")
#: What a file must start with to be read by this interpreter.
_STAMP = ("qalint-module-cache-1", sys.version, sys.implementation.cache_tag)

#: A module's entry: source path, bytecode path, package folders (None for a module
#: that is no package), the source's (mtime_ns, size, inode) and the marshalled code.
_Entry = tuple[str, "str | None", "list[str] | None", tuple[int, int, int], bytes]


def cache_path(stem: str) -> str | None:
    """Where qalint keeps a file of its own beside its bytecode, as Python would."""
    if sys.implementation.cache_tag is None:  # an interpreter that writes no bytecode
        return None
    package = os.path.dirname(os.path.abspath(__file__))
    if sys.pycache_prefix:
        folder = os.path.join(sys.pycache_prefix, package.lstrip(os.sep))
    else:
        folder = os.path.join(package, "__pycache__")
    return os.path.join(folder, f"{stem}.{sys.implementation.cache_tag}.marshal")


def write_atomically(path: str, content: Callable[[], bytes | None]) -> None:
    """Replace ``path`` at once with what ``content()`` gives (nothing if it gives None).
    ``content`` is called only once the new file is open: where none can be written (a
    read-only installation), nothing is worked out, and that is no error."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as file:
            data = content()
            if data is not None:
                file.write(data)
        if data is not None:
            os.replace(temporary, path)
            return
    except OSError:
        pass
    try:
        os.remove(temporary)
    except OSError:
        pass


def _source_key(path: str) -> tuple[int, int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


class CachedLoader(SourceFileLoader):
    """Python's loader for a source file, given the module's code from the file."""

    def __init__(self, fullname: str, path: str, code: bytes | None) -> None:
        super().__init__(fullname, path)
        self._code = code
        #: Whether the module's code came from the file (else as usual: ``save``
        #: writes its entry again).
        self.served = False

    def get_code(self, fullname: str) -> CodeType | None:
        code, self._code = self._code, None  # used once: a reload finds its spec again
        if code is not None and fullname == self.name:
            try:
                loaded = marshal.loads(code)
            except (EOFError, ValueError, TypeError):
                loaded = None
            if type(loaded) is CodeType:
                self.served = True
                return loaded
        return super().get_code(fullname)


class ModuleCache:
    """A meta path finder for the modules of ``packages`` that the file at ``path``
    holds."""

    def __init__(self, path: str | None, packages: tuple[str, ...] = PACKAGES) -> None:
        self.path = path
        self.packages = packages
        self.entries: dict[str, _Entry] = self._load()
        #: Modules imported before the finder: they cannot come from the file.
        self.earlier = frozenset(name for name in sys.modules if self._ours(name))

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        # Taken out: its code is needed once, and what the file holds is read again if
        # this run writes it.
        entry = self.entries.pop(fullname, None)
        if entry is None:
            return None
        try:
            origin, cached, locations, key, code = entry
            if _source_key(origin) != key:
                return None  # edited, replaced or gone: imported as usual
            spec = ModuleSpec(
                fullname,
                CachedLoader(fullname, origin, code),
                origin=origin,
                is_package=locations is not None,
            )
        except (TypeError, ValueError):
            return None
        spec.has_location = True
        spec.cached = cached
        if locations is not None:
            spec.submodule_search_locations = list(locations)
        return spec

    def save(self) -> None:
        """Write the file if this run imported one of qalint's modules as usual."""
        if self.path is None or sys.dont_write_bytecode:
            return
        imported = []
        for name, module in list(sys.modules.items()):
            if self._ours(name) and name not in self.earlier:
                spec: ModuleSpec | None = getattr(module, "__spec__", None)
                loader = getattr(spec, "loader", None)
                if (
                    spec is not None
                    and isinstance(loader, SourceFileLoader)
                    and not getattr(loader, "served", False)
                ):
                    imported.append((name, spec, loader))
        if imported:
            write_atomically(self.path, lambda: self._content(imported))

    def _content(self, imported: list[tuple[str, ModuleSpec, SourceFileLoader]]) -> bytes | None:
        added = {}
        for name, spec, loader in imported:
            entry = _entry(name, spec, loader)
            if entry is not None:
                added[name] = entry
        if not added:
            return None
        kept = {
            name: entry
            for name, entry in self._load().items()
            if name not in added and _still_valid(entry)
        }
        return marshal.dumps((_STAMP, {**kept, **added}))

    def _ours(self, name: str) -> bool:
        return name.partition(".")[0] in self.packages

    def _load(self) -> dict[str, _Entry]:
        if self.path is None:
            return {}
        try:
            with open(self.path, "rb") as file:
                stamp, entries = marshal.loads(file.read())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return entries if stamp == _STAMP and isinstance(entries, dict) else {}


def _still_valid(entry: _Entry) -> bool:
    try:
        return _source_key(entry[0]) == entry[3]
    except (TypeError, IndexError, KeyError):  # an entry of another shape
        return False


def _entry(name: str, spec: ModuleSpec, loader: SourceFileLoader) -> _Entry | None:
    origin = spec.origin
    if origin is None or not spec.has_location:
        return None
    key = _source_key(origin)
    try:
        # From the bytecode file where it is current, else compiled from the source.
        code = loader.get_code(name)
    except (ImportError, OSError, SyntaxError, ValueError):
        return None
    if key is None or code is None or _source_key(origin) != key:
        return None  # changed while it was read: the next run tries again
    locations = spec.submodule_search_locations
    package = None if locations is None else list(locations)
    return origin, spec.cached, package, key, marshal.dumps(code)


_finder: ModuleCache | None = None


def install(path: str | None = None) -> None:
    """Serve qalint's modules from the file from now on (once per process; only the
    program's entry point calls this). ``path`` is for tests."""
    global _finder
    if _finder is None:
        _finder = ModuleCache(path if path is not None else cache_path("modules"))
        sys.meta_path.insert(0, _finder)


def save() -> None:
    """Write the file for the next run, where this run imported a module as usual."""
    if _finder is not None:
        _finder.save()
