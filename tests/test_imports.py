"""A pre-commit run (`qalint check FILE`, text output, no configuration file) imports
only what it needs: start-up is most of its time (issue 4). Checked on the modules
loaded, not on time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

#: Each is needed only by another command, another format, a configuration file, a
#: process pool or third-party plugins.
NOT_NEEDED = (
    "multiprocessing",
    "qalint.parallel",
    "qalint.formatters.json",
    "json",
    "jsonschema",
    "tomli",
    "importlib.metadata",
    "qalint.export",
    "qalint.docs",
    "signal",
    "subprocess",
    # Only a third-party rule's Options can be a dataclass: the built-in ones are
    # NamedTuples (see qalint.rules.option_names).
    "dataclasses",
    # gettext imports it to find translations: click asks for its English help texts
    # when its own help and version options are built.
    "locale",
)

_PROBE = """
import json, sys
before = set(sys.modules)
from qalint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(set(sys.modules) - before)), file=sys.stderr)
"""


def _loaded(tmp_path: Path, *args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stderr.splitlines()[-1]))


def test_checking_one_file_imports_only_what_it_needs(tmp_path: Path) -> None:
    draft = tmp_path / "concept.txt"
    draft.write_text("Vraag 1\nIs het waar?\n\nAntwoord 1\nJa.\n", encoding="utf-8")
    loaded = _loaded(tmp_path, "check", str(draft))
    assert "qalint.parse" in loaded and "qalint.formatters.text" in loaded
    assert sorted(set(NOT_NEEDED) & loaded) == []


def test_the_probe_sees_what_another_format_and_a_pool_import(tmp_path: Path) -> None:
    for index in range(50):  # a pool pays from MIN_FILES_FOR_POOL (48) files
        (tmp_path / f"concept-{index}.txt").write_text("Vraag 1\nWat?\n", encoding="utf-8")
    (tmp_path / "rules.toml").write_text("select = ['ALL']\n", encoding="utf-8")
    loaded = _loaded(tmp_path, "check", "--format", "json", "--jobs", "2", ".")
    assert {"qalint.parallel", "multiprocessing", "qalint.formatters.json", "tomli"} <= loaded
