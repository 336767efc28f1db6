"""The garbage collector is paused while the program starts and runs again, with what
start-up made frozen, before the first file is checked (qalint.collector)."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qalint import collector


@pytest.fixture
def restored() -> Iterator[None]:
    """The collector as the test runner had it, whatever a test did to it."""
    enabled = gc.isenabled()
    yield
    collector._paused = False
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_resume_collects_again_without_walking_what_start_up_made(restored: None) -> None:
    gc.enable()
    gc.unfreeze()
    collector.pause()
    assert not gc.isenabled()
    made_while_paused = [[] for _ in range(1000)]
    collector.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made_while_paused)


def test_a_collector_the_embedding_program_turned_off_stays_off(restored: None) -> None:
    gc.disable()
    gc.unfreeze()
    collector.pause()
    collector.resume()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_resume_without_pause_changes_nothing(restored: None) -> None:
    gc.enable()
    gc.unfreeze()
    collector.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


# Runs the program as the console script or ``python -m qalint`` does, and reports the
# collector's state from inside the check of the one file.
_PROBE = """
import gc, runpy, sys
import qalint.runner as runner

checked = runner.check_target

def check_target(*args, **kwargs):
    print("collecting", gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)
    return checked(*args, **kwargs)

runner.check_target = check_target
sys.argv = ["qalint", *sys.argv[1:]]
if "{start}" == "module":
    runpy.run_module("qalint", run_name="__main__")
else:
    from qalint.__main__ import main
    main()
"""


@pytest.mark.parametrize("start", ["console-script", "module"])
def test_the_program_checks_files_with_the_collector_running(tmp_path: Path, start: str) -> None:
    draft = tmp_path / "concept.txt"
    draft.write_text("Vraag 1\nIs het waar?\n\nAntwoord 1\nJa.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(start=start), "check", str(draft)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "collecting True True" in result.stderr.splitlines()


@pytest.mark.parametrize("collecting", [True, False])
def test_no_collection_while_a_document_is_checked(
    restored: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collecting: bool
) -> None:
    """A document's model holds no cycles; a big file's is millions of tuples that every
    full collection would walk. The collector is held while the document is parsed and
    checked, and after it is as it was before (also when the check fails)."""
    from qalint import runner
    from qalint.config import RawConfig
    from qalint.plugins import load_plugins
    from qalint.selection import Overrides, resolve

    draft = tmp_path / "concept.txt"
    draft.write_text("Vraag 1\nIs het waar?\n\nAntwoord 1\nJa.\n", encoding="utf-8")
    plugins = load_plugins()
    settings = resolve(RawConfig(), plugins.rules, Overrides())
    seen: list[bool] = []
    parse = runner.parse

    def parsing(*args: object) -> object:
        seen.append(gc.isenabled())
        return parse(*args)  # type: ignore[arg-type]

    def failing(*args: object) -> None:
        seen.append(gc.isenabled())
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "parse", parsing)
    gc.enable() if collecting else gc.disable()
    runner.check_path(str(draft), str(draft), settings, plugins)
    assert (seen, gc.isenabled()) == ([False], collecting)
    monkeypatch.setattr(runner, "_run_rules", failing)
    with pytest.raises(KeyboardInterrupt):
        runner.check_path(str(draft), str(draft), settings, plugins)
    assert (seen, gc.isenabled()) == ([False, False, False], collecting)
