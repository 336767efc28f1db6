"""Running qalint in-process the way the command line does."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from qalint.app import CheckRequest, run_check
from qalint.source import decode

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "real"
SEED = (
    next((SHARED / "corpus" / "seed").glob("*.txt"), None)
    if (SHARED / "corpus" / "seed").is_dir()
    else None
)


def check_output(
    paths: Sequence[str],
    cwd: Path,
    select: Sequence[str] | None = None,
    output_format: str = "text",
) -> tuple[int, str]:
    """Exit code and stdout of ``qalint check`` run in ``cwd``."""
    stream = io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        code = run_check(
            CheckRequest(
                paths=tuple(paths),
                select=tuple(select) if select else None,
                output_format=output_format,
            ),
            stream,
        )
    finally:
        os.chdir(old)
    return code, stream.getvalue()


def processes_mentioning(marker: str) -> list[int]:
    """Process ids whose command line holds ``marker`` (read from /proc): to see that no
    worker or child is left behind."""
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


def fixture_lines() -> Iterator[tuple[str, tuple[str, ...]]]:
    """Path and lines of every document of the corpus and of the rules' and regressions'
    test folders: what the tests of shortcuts compare them with the full checks over."""
    for folder in (CORPUS, REPO / "tests" / "rules", REPO / "tests" / "regressions"):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".txt", ".md"):
                try:
                    yield str(path), decode(str(path), path.read_bytes()).lines
                except Exception:  # noqa: BLE001 - undecodable fixtures have no lines
                    continue
