"""qalint.pattern_cache: patterns built from a file give what ``re.compile`` gives, and a
missing, damaged or unwritable file costs time only, never a wrong pattern or an error."""

from __future__ import annotations

import importlib
import json
import marshal
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import plugins as builtin_plugins
import qalint
from qalint import pattern_cache
from qalint.pattern_cache import PatternCache
from tests.cache_damage import damage_cases

#: Forms the module must handle beside qalint's own patterns.
_SPECIAL = [
    (rb"(?<=[^\s0-9])[0-9]{1,7}\Z", 0),
    (r"(?P<weekday>maandag|dinsdag)\s+(?P<day>[0-9]{1,2})", re.IGNORECASE),
    (
        r"""(?x) a  # comment
          (?P<b> b+ ) (?(b)c|d)""",
        0,
    ),
    (r"(?i:en)?\s*(?<!\d)[0-9]+(?=[,.;:]*(?:\s|\Z))", re.MULTILINE | re.DOTALL),
    (r"[\u00a0\u2013-]{2,}?|\bé\b", re.ASCII),
]


def _qalint_patterns() -> list[tuple[str | bytes, int]]:
    """Every pattern compiled at import by a qalint or built-in plugin module."""
    names = [qalint.__name__, builtin_plugins.__name__]
    for package in (qalint, builtin_plugins):
        names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    found = set()
    for name in names:
        if name.endswith(("__main__", ".docs")):
            continue
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, re.Pattern):
                found.add((value.pattern, value.flags & ~re.UNICODE))
    return sorted(found, key=repr)


def _assert_same(built: re.Pattern[Any], pattern: str | bytes, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert built == expected  # compares text, flags and compiled code
    assert (built.groups, dict(built.groupindex)) == (expected.groups, dict(expected.groupindex))


@pytest.fixture
def no_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(pattern: Any, flags: int = 0) -> None:
        raise AssertionError(f"compiled again: {pattern!r}")

    monkeypatch.setattr(pattern_cache.re, "compile", refuse)


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_patterns_from_the_file_equal_compiled_ones(
    tmp_path: Path, writes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns = _qalint_patterns() + _SPECIAL
    assert len(patterns) > 40  # the walk found qalint's patterns
    first = PatternCache(str(tmp_path / "cache"))
    for pattern, flags in patterns:
        _assert_same(first.compile(pattern, flags), pattern, flags)
    first.save()
    assert (tmp_path / "cache").exists()

    second = PatternCache(str(tmp_path / "cache"))
    built = []
    with monkeypatch.context() as patch:
        patch.setattr(pattern_cache.re, "compile", None)  # any compile would fail
        built = [second.compile(pattern, flags) for pattern, flags in patterns]
    for compiled, (pattern, flags) in zip(built, patterns, strict=True):
        _assert_same(compiled, pattern, flags)


def test_a_run_that_adds_nothing_writes_nothing(tmp_path: Path, writes: None) -> None:
    path = tmp_path / "cache"
    cache = PatternCache(str(path))
    cache.compile(r"[0-9]+")
    cache.save()
    os.utime(path, (0, 0))
    again = PatternCache(str(path))
    again.compile(r"[0-9]+")
    again.save()
    assert path.stat().st_mtime == 0


def _written(tmp_path: Path, pattern: str) -> Path:
    path = tmp_path / "cache"
    cache = PatternCache(str(path))
    cache.compile(pattern)
    cache.save()
    return path


_DAMAGE, _DAMAGE_IDS = damage_cases(
    {
        # the right stamp, entries the engine must refuse
        "bad-code": lambda data: marshal.dumps(
            (
                marshal.loads(data)[0],
                {k: (0, [99999, 1, 2], 0, {}, ()) for k in marshal.loads(data)[1]},
            )
        ),
    }
)


@pytest.mark.parametrize("damage", _DAMAGE, ids=_DAMAGE_IDS)
def test_a_damaged_file_gives_compiled_patterns(tmp_path: Path, writes: None, damage: Any) -> None:
    path = _written(tmp_path, r"(?P<n>[0-9]+)\s*en")
    path.write_bytes(damage(path.read_bytes()))
    cache = PatternCache(str(path))
    _assert_same(cache.compile(r"(?P<n>[0-9]+)\s*en"), r"(?P<n>[0-9]+)\s*en", 0)
    cache.save()  # and the file is whole again
    _assert_same(PatternCache(str(path)).compile(r"(?P<n>[0-9]+)\s*en"), r"(?P<n>[0-9]+)\s*en", 0)


def test_nothing_is_written_when_bytecode_is_not(tmp_path: Path) -> None:
    sys.dont_write_bytecode = True
    try:
        path = _written(tmp_path, r"[a-z]+")
    finally:
        sys.dont_write_bytecode = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    assert not path.exists()


def test_an_unwritable_place_is_no_error(tmp_path: Path, writes: None) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    cache = PatternCache(str(blocker / "sub" / "cache"))  # a folder inside a file
    _assert_same(cache.compile(r"[a-z]+"), r"[a-z]+", 0)
    cache.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_without_the_engine_internals_patterns_are_compiled(
    tmp_path: Path, writes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pattern_cache, "_compiler", None)
    cache = PatternCache(str(tmp_path / "cache"))
    _assert_same(cache.compile(r"[a-z]+"), r"[a-z]+", 0)
    cache.save()
    assert not (tmp_path / "cache").exists()


def test_an_engine_that_takes_other_arguments_is_not_used(
    tmp_path: Path, writes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    class OtherEngine:
        @staticmethod
        def compile(*args: Any) -> None:
            raise TypeError("compile() takes 7 arguments")

    monkeypatch.setattr(pattern_cache, "_sre", OtherEngine)
    cache = PatternCache(str(tmp_path / "cache"))
    _assert_same(cache.compile(r"[a-z]+"), r"[a-z]+", 0)
    cache.save()
    assert not (tmp_path / "cache").exists()


_COMPILED_BY_A_RUN = """
import json, re, sys
compiled = []
original = re._compiler.compile
def counting(pattern, flags=0):
    compiled.append([repr(pattern), int(flags) & ~re.UNICODE])
    return original(pattern, flags)
re._compiler.compile = counting
from qalint.cli import main
try:
    main(["check", sys.argv[1]])
except SystemExit:
    pass
print(json.dumps(compiled), file=sys.stderr)
"""


def test_a_second_run_compiles_none_of_qalints_patterns(tmp_path: Path) -> None:
    """The real program, twice, with its cache under a private bytecode prefix."""
    document = Path(__file__).parent.parent / "examples" / "with-errors.txt"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-X", f"pycache_prefix={tmp_path}", "-c", _COMPILED_BY_A_RUN]
    ours = {(repr(pattern), flags) for pattern, flags in _qalint_patterns()}

    def compiled() -> set[tuple[str, int]]:
        done = subprocess.run(
            [*command, str(document)], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 0, done.stderr
        return {(pattern, flags) for pattern, flags in json.loads(done.stderr.splitlines()[-1])}

    assert len(compiled() & ours) > 30
    assert list(tmp_path.rglob("patterns.*")), "the first run wrote no cache"
    assert compiled() & ours == set()


def test_a_file_grown_past_its_limit_keeps_this_runs_patterns_only(
    tmp_path: Path, writes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pattern_cache, "_MAX_ENTRIES", 5)
    path = tmp_path / "cache"
    old = PatternCache(str(path))
    for number in range(6):
        old.compile(f"old{number}")
    old.save()
    assert len(marshal.loads(path.read_bytes())[1]) == 6  # all six were used by that run
    run = PatternCache(str(path))
    run.compile("old1")
    run.compile("new")
    run.save()
    assert sorted(marshal.loads(path.read_bytes())[1]) == [("new", 0), ("old1", 0)]
