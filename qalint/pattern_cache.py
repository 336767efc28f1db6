"""Regular expressions compiled once per installation instead of once per run.

CPython compiles a pattern in Python code (``re._parser`` and ``re._compiler``, about a
million instructions for one of qalint's larger patterns); the result is a list of
integers that the C matching engine runs. Compiling qalint's ~60 patterns was over a
third of its own start-up, paid again by every pre-commit run. This module keeps those
integer lists in a file beside qalint's bytecode cache, the way Python keeps compiled
modules, and builds each pattern from it with ``_sre.compile``: what ``re.compile``
itself calls last.

Safeguards, because ``_sre.compile`` and ``re._compiler`` are CPython internals:

- the file is used only by the interpreter build that wrote it (its version, the SRE
  engine's magic number and code size are in the file's first entry);
- a pattern enters the file only after it compared equal to ``re.compile``'s own result
  (pattern objects compare by their compiled code);
- the C engine validates the code it is given; anything unexpected, from a damaged file to
  an interpreter without these internals, falls back to ``re.compile``;
- the file is written like bytecode is: only where it can be, never when
  ``sys.dont_write_bytecode`` is set (``PYTHONDONTWRITEBYTECODE``), to a temporary file
  that replaces the old one at once, so a reader never sees half a file.
"""

from __future__ import annotations

import marshal
import re
import sys
from typing import Any, overload

from qalint.module_cache import cache_path, write_atomically

try:
    _compiler: Any = re._compiler  # type: ignore[attr-defined]
    _parser: Any = re._parser  # type: ignore[attr-defined]
    _sre: Any = _compiler._sre
    #: What a file must start with to be read by this interpreter.
    _STAMP = ("qalint-pattern-cache-1", sys.version, _sre.MAGIC, _sre.CODESIZE)
except AttributeError:  # not CPython 3.11 or later: every pattern is compiled as usual
    _compiler = None

#: A file with more entries than this holds old patterns; it is rewritten with this
#: run's patterns only.
_MAX_ENTRIES = 400

#: (pattern, flags) -> what ``_sre.compile`` takes after the pattern text.
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class PatternCache:
    """The compiled code of patterns, read from ``path`` on first use."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._entries: dict[tuple[str | bytes, int], _Entry] | None = None
        self._used: set[tuple[str | bytes, int]] = set()
        self._added = False

    @overload
    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]: ...
    @overload
    def compile(self, pattern: bytes, flags: int = 0) -> re.Pattern[bytes]: ...
    def compile(self, pattern: str | bytes, flags: int = 0) -> re.Pattern[Any]:
        """``re.compile(pattern, flags)``, from the file where it holds the pattern."""
        if _compiler is None or self.path is None:
            return re.compile(pattern, flags)
        entries = self._entries if self._entries is not None else self._load()
        key = (pattern, int(flags))  # a RegexFlag is not a key marshal can write
        entry = entries.get(key)
        if entry is not None:
            built = _build(pattern, entry)
            if built is not None:
                self._used.add(key)
                return built
            del entries[key]
        compiled = re.compile(pattern, flags)
        entry = _entry(pattern, flags)
        if entry is not None and _same(_build(pattern, entry), compiled):
            entries[key] = entry
            self._used.add(key)
            self._added = True
        return compiled

    def save(self) -> None:
        """Write the file if this run compiled a pattern it did not hold."""
        if not self._added or self.path is None or sys.dont_write_bytecode:
            return
        self._added = False
        entries = self._entries or {}
        if len(entries) > _MAX_ENTRIES:
            entries = {key: entries[key] for key in self._used}
        write_atomically(self.path, lambda: _dumps(entries))

    def _load(self) -> dict[tuple[str | bytes, int], _Entry]:
        self._entries = {}
        assert self.path is not None
        try:
            with open(self.path, "rb") as file:
                # loads, not load: load reads from a file object a few bytes at a time.
                stamp, entries = marshal.loads(file.read())
        except (OSError, EOFError, ValueError, TypeError):
            return self._entries
        if stamp == _STAMP and isinstance(entries, dict):
            self._entries = entries
        return self._entries


def _dumps(entries: dict[tuple[str | bytes, int], _Entry]) -> bytes | None:
    try:
        return marshal.dumps((_STAMP, entries))
    except ValueError:  # an entry marshal cannot write
        return None


def _entry(pattern: str | bytes, flags: int) -> _Entry | None:
    """The arguments ``re._compiler.compile`` passes to ``_sre.compile``, worked out
    the way it does; None where that way does not apply."""
    try:
        parsed = _parser.parse(pattern, flags)
        # The engine's opcodes are int subclasses, which marshal does not write.
        code = list(map(int, _compiler._code(parsed, flags)))
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (
            int(flags | parsed.state.flags),
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except (AttributeError, TypeError, ValueError, IndexError):
        # Internals that work another way: no cache for this pattern.
        return None


def _build(pattern: str | bytes, entry: _Entry) -> re.Pattern[Any] | None:
    """The pattern from its code; None where the engine refuses the code (a damaged
    file) or takes other arguments (another interpreter)."""
    try:
        built: re.Pattern[Any] = _sre.compile(pattern, *entry)
    except (RuntimeError, TypeError, ValueError, OverflowError):
        return None
    return built


def _same(built: re.Pattern[Any] | None, compiled: re.Pattern[Any]) -> bool:
    # Pattern objects compare equal when their text, flags and code are the same.
    return built == compiled and built.groupindex == compiled.groupindex


#: The cache of this process; qalint's modules compile their patterns through it.
CACHE = PatternCache(cache_path("patterns"))
compile = CACHE.compile
save = CACHE.save
