"""--jobs: the same output in the same order; Ctrl-C or a worker that dies leaves no
worker behind."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qalint import app
from qalint.app import CheckRequest
from qalint.cli import Abort
from qalint.model import Document
from qalint.plugins import load_plugins
from qalint.rules import Diagnostic, Rule, Severity
from tests.cli_helpers import run_qalint
from tests.helpers import CORPUS, processes_mentioning
from tests.test_plugins import Chatty, plugin

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/real is not present")


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("jobs")
    for copy in range(3):  # 3 x 111 documents: enough for the pool to be used
        folder = root / f"set{copy}"
        folder.mkdir()
        for path in CORPUS.glob("*.txt"):
            shutil.copy(path, folder / path.name)
    return root


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_output_is_identical_with_a_pool(many: Path, output_format: str) -> None:
    """G02: --jobs 1 and --jobs 2 give byte-identical output."""
    serial = run_qalint(
        ["check", "--jobs", "1", "--format", output_format, "."], cwd=many, expect=1, timeout=300
    )
    pooled = run_qalint(
        ["check", "--jobs", "2", "--format", output_format, "."], cwd=many, expect=1, timeout=300
    )
    assert serial.stdout == pooled.stdout
    assert serial.stdout.count("QA103") >= 3
    assert pooled.stderr == ""


def test_invalid_jobs_is_a_usage_error(many: Path) -> None:
    """H01: --jobs 0 is a usage error, exit 2."""
    result = run_qalint(["check", "--jobs", "0", "."], cwd=many, expect=2)
    assert "--jobs" in result.stderr


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find workers")
def test_ctrl_c_exits_130_and_leaves_no_worker(many: Path, tmp_path: Path) -> None:
    """F14: SIGINT with --jobs 2: exit 130, no worker left."""
    big = tmp_path / "ctrl-c-marker"
    for copy in range(40):  # long enough (several seconds) for the signal to come mid-run
        shutil.copytree(many / "set0", big / f"copy{copy}")
    process = subprocess.Popen(
        [sys.executable, "-m", "qalint", "check", "--jobs", "2", str(big)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=10)
    finally:
        process.kill()
    if process.returncode == 1:
        pytest.skip("the run finished before the signal arrived")
    # 130 from qalint's own handler; -SIGINT if the signal came while Python was still
    # importing, before any handler could run (a shell shows both as 130).
    assert process.returncode in (130, -signal.SIGINT)
    assert "Traceback" not in stderr
    deadline = time.monotonic() + 3
    while processes_mentioning(str(big)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_mentioning(str(big)) == []


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find workers")
def test_workers_end_when_the_parent_is_killed(many: Path, tmp_path: Path) -> None:
    """F14: workers end when the parent is killed."""
    big = tmp_path / "kill-marker"
    for copy in range(40):
        shutil.copytree(many / "set0", big / f"copy{copy}")
    process = subprocess.Popen(
        [sys.executable, "-m", "qalint", "check", "--jobs", "2", str(big)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while len(processes_mentioning(str(big))) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)  # until the parent and both workers run
    if process.poll() is not None:
        pytest.skip("the run finished before it could be killed")
    process.kill()  # SIGKILL: the parent gets no chance to stop its workers
    _, stderr = process.communicate(timeout=10)
    deadline = time.monotonic() + 5
    while processes_mentioning(str(big)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_mentioning(str(big)) == []
    assert b"Traceback" not in stderr


def test_a_worker_that_dies_is_an_error_not_a_hang(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E05: os._exit in a worker (plugin code) is an error, not a hang or exit 0."""
    parent = os.getpid()

    class Exiting(Rule):
        """Ends the worker process it runs in, as a plugin calling os._exit would."""

        code = "XY901"
        name = "exiting"
        severity = Severity.INFO

        def check(self, doc: Document) -> Iterator[Diagnostic]:
            if os.getpid() != parent:
                os._exit(3)
            return iter(())

    monkeypatch.setattr(
        app, "load_plugins", lambda: load_plugins(entry_points=[plugin("sterft", Exiting)])
    )
    with pytest.raises(Abort) as raised:
        app.run_check(CheckRequest(paths=(str(many),), jobs=2), io.StringIO())
    assert str(raised.value) == "een werkproces van --jobs is onverwacht gestopt (exitcode 3)"
    assert multiprocessing.active_children() == []


def test_what_a_plugin_prints_in_a_worker_is_one_warning(
    many: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """E09: what a plugin prints in a worker is one warning."""
    monkeypatch.setattr(
        app, "load_plugins", lambda: load_plugins(entry_points=[plugin("teller", Chatty)])
    )
    stream = io.StringIO()
    code = app.run_check(CheckRequest(paths=(str(many),), jobs=2, output_format="json"), stream)
    assert code == 1
    report = json.loads(stream.getvalue())
    assert any(item["code"] == "XY101" for item in report["diagnostics"])
    captured = capsys.readouterr()
    assert captured.out == ""
    (warning,) = captured.err.splitlines()
    assert warning.startswith(
        "qalint: waarschuwing: regel XY101 van plugin teller (qalint-teller 1.0) schreef "
        "naar stdout bij "
    )
