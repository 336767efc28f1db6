"""--jobs: the same output in the same order, and Ctrl-C leaves no worker behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_helpers import run_qalint
from tests.helpers import CORPUS

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
    result = run_qalint(["check", "--jobs", "0", "."], cwd=many, expect=2)
    assert "--jobs" in result.stderr


def _processes_mentioning(marker: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                if marker.encode() in handle.read():
                    found.append(int(entry))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find workers")
def test_ctrl_c_exits_130_and_leaves_no_worker(many: Path, tmp_path: Path) -> None:
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
    while _processes_mentioning(str(big)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_mentioning(str(big)) == []
