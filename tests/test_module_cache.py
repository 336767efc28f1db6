"""qalint.module_cache: modules served from the file are the modules an ordinary import
gives, and an edited, removed or unreadable source, a damaged file or a place that
cannot be written costs time only, never stale code or an error.

Every case runs in a fresh interpreter: what a process has imported stays imported."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.cache_damage import damage_cases

#: Runs qalint in-process with the finder reading and writing the file argv[1], then
#: prints how each of qalint's modules was loaded and what it looks like to others.
_QALINT_PROBE = """
import json, sys
from importlib.machinery import SourceFileLoader
from qalint import module_cache
if sys.argv[1] != "-":
    module_cache.install(sys.argv[1])
from qalint.cli import main
try:
    main(sys.argv[2:])
except SystemExit as exit:
    code = exit.code
modules = {}
for name, module in sorted(sys.modules.items()):
    if name.partition(".")[0] in module_cache.PACKAGES:
        spec = module.__spec__
        modules[name] = {
            "from-file": getattr(spec.loader, "served", False),
            "source-loader": isinstance(spec.loader, SourceFileLoader),
            "loader-path": getattr(spec.loader, "path", None),
            "file": getattr(module, "__file__", None),
            "cached": getattr(module, "__cached__", None),
            "path": getattr(module, "__path__", None),
            "package": module.__package__,
            "origin": spec.origin,
            "parent": spec.parent,
            "has-location": spec.has_location,
            "locations": spec.submodule_search_locations,
        }
print(json.dumps({"code": code, "modules": modules}), file=sys.stderr)
"""

#: The same for a package of the test's own, ``demo``, in the folder argv[2]; argv[3:]
#: are statements run after the finder is in place.
_DEMO_PROBE = """
import sys
from qalint.module_cache import ModuleCache
sys.path.insert(0, sys.argv[2])
cache = ModuleCache(sys.argv[1], packages=("demo",))
sys.meta_path.insert(0, cache)
for statement in sys.argv[3:]:
    exec(statement)
cache.save()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the file is written like bytecode
    return env


def _qalint(cache: Path | str, *args: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", _QALINT_PROBE, str(cache), *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    report: dict[str, Any] = json.loads(result.stderr.splitlines()[-1])
    report["stdout"] = result.stdout
    return report


def _draft(tmp_path: Path) -> Path:
    draft = tmp_path / "concept.txt"
    draft.write_text("Vraag 1\nIs het waar?\n\nVraag 2\nWaarom?\n\nAntwoord 1\nJa.\n")
    return draft


def test_a_second_run_takes_every_module_from_the_file_and_they_look_the_same(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "modules.marshal"
    draft = _draft(tmp_path)
    ordinary = _qalint("-", "check", str(draft))
    first = _qalint(cache, "check", str(draft))
    second = _qalint(cache, "check", str(draft))

    assert ordinary["code"] == first["code"] == second["code"] == 1  # QA103
    assert "QA103" in ordinary["stdout"]
    assert ordinary["stdout"] == first["stdout"] == second["stdout"]
    assert cache.exists()
    # Only the modules imported before the finder came the ordinary way.
    loaded_before = {"qalint", "qalint.module_cache"}
    assert {n for n, m in first["modules"].items() if m["from-file"]} == set()
    served = {n for n, m in second["modules"].items() if m["from-file"]}
    assert served == set(second["modules"]) - loaded_before
    assert len(served) > 60 and "qalint_plugins.numbering.unanswered_question" in served
    # Everything but where the code came from is what an ordinary import gives.
    assert set(second["modules"]) == set(ordinary["modules"])
    for name in served:
        ours = {k: v for k, v in second["modules"][name].items() if k != "from-file"}
        theirs = {k: v for k, v in ordinary["modules"][name].items() if k != "from-file"}
        assert ours == theirs, name


def test_a_run_that_imports_nothing_new_writes_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "modules.marshal"
    draft = _draft(tmp_path)
    _qalint(cache, "check", str(draft))
    os.utime(cache, (0, 0))
    _qalint(cache, "check", str(draft))
    assert cache.stat().st_mtime == 0
    # Another format imports another formatter: the file grows by it.
    report = _qalint(cache, "check", "--format", "json", str(draft))
    assert not report["modules"]["qalint.formatters.json"]["from-file"]
    assert cache.stat().st_mtime > 0
    again = _qalint(cache, "check", "--format", "json", str(draft))
    assert again["modules"]["qalint.formatters.json"]["from-file"]
    # Writing it again kept the modules that the json run had from the file.
    ordinary = {name for name, module in again["modules"].items() if not module["from-file"]}
    assert ordinary == {"qalint", "qalint.module_cache"}


def _demo(tmp_path: Path, *statements: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _DEMO_PROBE, str(tmp_path / "cache"), str(tmp_path), *statements],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )


#: Prints the value and, for demo.value and demo, "file" or "source": where the code came from.
_SHOW = (
    "import demo.value as v; "
    "how = lambda m: 'file' if getattr(m.__spec__.loader, 'served', False) else 'source'; "
    "print(v.VALUE, how(v), how(sys.modules['demo']))"
)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    package = tmp_path / "demo"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "value.py").write_text("VALUE = 1\n")
    first = _demo(tmp_path, _SHOW)
    assert first.stdout.split() == ["1", "source", "source"], first.stderr
    second = _demo(tmp_path, _SHOW)
    assert second.stdout.split() == ["1", "file", "file"], second.stderr
    return package / "value.py"


def test_an_edited_source_is_imported_as_usual_and_then_from_the_file(
    tmp_path: Path, demo: Path
) -> None:
    demo.write_text("VALUE = 22\n")
    edited = _demo(tmp_path, _SHOW)
    assert edited.stdout.split() == ["22", "source", "file"], edited.stderr
    again = _demo(tmp_path, _SHOW)
    assert again.stdout.split() == ["22", "file", "file"], again.stderr


def test_a_touched_source_is_imported_as_usual(tmp_path: Path, demo: Path) -> None:
    status = demo.stat()
    os.utime(demo, ns=(status.st_atime_ns, status.st_mtime_ns + 1))
    touched = _demo(tmp_path, _SHOW)
    assert touched.stdout.split() == ["1", "source", "file"], touched.stderr


def test_a_removed_module_is_not_found_as_usual(tmp_path: Path, demo: Path) -> None:
    demo.unlink()
    result = _demo(tmp_path, _SHOW)
    assert result.returncode == 1
    assert "ModuleNotFoundError: No module named 'demo.value'" in result.stderr


def test_a_module_from_the_file_shows_its_source_in_a_traceback(tmp_path: Path, demo: Path) -> None:
    demo.write_text("VALUE = 1\n\ndef fail():\n    raise ValueError('kapot')\n")
    _demo(tmp_path, "import demo.value")  # the file takes the edit
    result = _demo(
        tmp_path,
        "import demo.value as v; print(v.__spec__.loader.served); v.fail()",
    )
    assert result.stdout.split() == ["True"]
    assert "    raise ValueError('kapot')" in result.stderr
    assert f'File "{demo}", line 4, in fail' in result.stderr


def test_a_package_from_the_file_gives_its_resources(tmp_path: Path, demo: Path) -> None:
    (demo.parent / "data.txt").write_text("hallo\n")
    result = _demo(
        tmp_path,
        "import importlib.resources, demo; print(demo.__spec__.loader.served, "
        "importlib.resources.files('demo').joinpath('data.txt').read_text().strip())",
    )
    assert result.stdout.split() == ["True", "hallo"], result.stderr


def test_a_reload_reads_the_edited_source(tmp_path: Path, demo: Path) -> None:
    edit = (
        f"open({str(demo)!r}, 'w').write('VALUE = 3\\n'); "
        f"import os; os.utime({str(demo)!r}, ns=(0, 10**18))"
    )
    result = _demo(
        tmp_path,
        "import importlib, demo.value as v; print(v.VALUE)",
        edit,
        "print(importlib.reload(v).VALUE)",
    )
    assert result.stdout.split() == ["1", "3"], result.stderr


_DAMAGE, _DAMAGE_IDS = damage_cases(
    {
        # the right shape, code that does not unmarshal
        "bad-code": lambda data: _with_code(data, b"\xff\x00"),
        # the right shape, code that unmarshals to something else than code
        "no-code": lambda data: _with_code(data, marshal.dumps("VALUE = 9")),
    }
)


def _with_code(data: bytes, code: bytes) -> bytes:
    stamp, entries = marshal.loads(data)
    return marshal.dumps((stamp, {name: (*entry[:4], code) for name, entry in entries.items()}))


@pytest.mark.parametrize("damage", _DAMAGE, ids=_DAMAGE_IDS)
def test_a_damaged_file_gives_ordinary_imports(tmp_path: Path, demo: Path, damage: Any) -> None:
    cache = tmp_path / "cache"
    cache.write_bytes(damage(cache.read_bytes()))
    result = _demo(tmp_path, "import demo.value as v; print(v.VALUE)")
    assert (result.returncode, result.stdout.split(), result.stderr) == (0, ["1"], "")
    whole = _demo(tmp_path, _SHOW)  # and the file was written whole again
    assert whole.stdout.split() == ["1", "file", "file"], whole.stderr


def test_nothing_is_written_when_bytecode_is_not(tmp_path: Path) -> None:
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "__init__.py").write_text("")
    result = _demo(tmp_path, "sys.dont_write_bytecode = True", "import demo")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_place_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "__init__.py").write_text("")
    (tmp_path / "cache").mkdir()  # a folder where the file should be
    result = _demo(tmp_path, "import demo")
    assert (result.returncode, result.stderr) == (0, "")
    assert list((tmp_path / "cache").iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "demo"]


def _printed(probe: str) -> list[str]:
    """What ``python -c probe`` prints, split at white space."""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.split()


def test_only_the_program_entry_point_installs_the_finder() -> None:
    assert _printed(
        "import sys, qalint.cli, qalint.app, qalint.module_cache as m; "
        "print(any(isinstance(f, m.ModuleCache) for f in sys.meta_path))"
    ) == ["False"]


def test_the_module_imports_nothing_that_click_does_not() -> None:
    # It is imported before the finder exists: whatever it imports is imported as usual.
    assert _printed(
        "import sys, click; before = set(sys.modules); import qalint.module_cache; "
        "print(*sorted(set(sys.modules) - before))"
    ) == ["qalint", "qalint.module_cache"]


@pytest.mark.parametrize("writable", [True, False], ids=["writable", "read-only"])
def test_nothing_is_worked_out_where_the_file_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writable: bool
) -> None:
    # A read-only installation never gets the file: its runs must not pay for making it.
    import importlib

    from qalint import module_cache

    name = f"demo_{'writable' if writable else 'read_only'}"  # one of its own for each case
    (tmp_path / name).mkdir()
    (tmp_path / name / "__init__.py").write_text("VALUE = 1\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    path = tmp_path / "cache" if writable else blocker / "sub" / "cache"  # a folder in a file
    monkeypatch.delitem(sys.modules, name, raising=False)
    cache = module_cache.ModuleCache(str(path), packages=(name,))
    assert name not in cache.earlier
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    importlib.import_module(name)
    worked: list[str] = []
    entry = module_cache._entry

    def counting(name: str, *args: Any) -> Any:
        worked.append(name)
        return entry(name, *args)

    monkeypatch.setattr(module_cache, "_entry", counting)
    cache.save()
    assert worked == ([name] if writable else [])
    assert path.exists() is writable
