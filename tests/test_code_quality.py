"""The code stays as the project's habits say: ruff (lint and format) and mypy (strict)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SOURCES = ["qalint", "plugins", "tests", "benchmarks"]


def _run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_ruff_lint_and_format_are_clean() -> None:
    pytest.importorskip("ruff")
    lint = _run(sys.executable, "-m", "ruff", "check", *SOURCES)
    assert lint.returncode == 0, lint.stdout
    fmt = _run(sys.executable, "-m", "ruff", "format", "--check", *SOURCES)
    assert fmt.returncode == 0, fmt.stdout


def test_mypy_strict_is_clean(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    result = _run(sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path))
    assert result.returncode == 0, result.stdout
