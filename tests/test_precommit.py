"""The pre-commit hook, for real: ``pre-commit try-repo`` in a temporary git repository.

Slow (pre-commit builds a virtual environment and pip-installs qalint and its
dependencies from the package index, about 5-10 s a run with a warm pip cache), so the
expensive parts are module-scoped and each scenario runs pre-commit once.

try-repo is pointed at a snapshot of this working tree (tracked and untracked files,
without ignored ones) committed in a temporary repository, not at the repository
itself: given a repository with uncommitted changes, try-repo commits only the staged
and the modified tracked files (``git add -u``), so a new module not yet added to git
would be missing and the test would check a tree that exists nowhere. The snapshot
also keeps every git command away from the real repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

pytest.importorskip("pre_commit", reason="pre-commit is in the test extra: pip install '.[test]'")

REPO = Path(__file__).resolve().parent.parent
MANIFEST = REPO / ".pre-commit-hooks.yaml"
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>QA\d{3}) ")

# An answer document in which question 3 got no answer (answer 2 was meant for 2 and 3).
BAD_DRAFT = """\
Vragen van het lid Bikker (ChristenUnie) aan de Minister van Onderwijs, Cultuur en
Wetenschap over het lerarentekort in het basisonderwijs (ingezonden 4 maart 2024).

Antwoord van Minister Bruins (Onderwijs, Cultuur en Wetenschap) (ontvangen 22 maart 2024).

Vraag 1
Kent u het bericht «Honderden klassen zonder vaste leerkracht»?

Antwoord 1
Ja.

Vraag 2
Hoeveel vacatures voor leraren in het basisonderwijs staan er op dit moment open?

Vraag 3
Welke maatregelen neemt u om het tekort in de grote steden terug te dringen?

Antwoord 2
Volgens de meest recente cijfers staan er ongeveer 9.700 vacatures open.

Vraag 4
Bent u bereid de Kamer voor de zomer te informeren over de voortgang?

Antwoord 4
Ja, ik zal uw Kamer voor de zomer een voortgangsbrief sturen.
"""
UNANSWERED_LINE = 15  # "Vraag 3"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _clean_environment(home: Path) -> dict[str, str]:
    # GIT_DIR / GIT_INDEX_FILE and friends are set when the tests run inside a git hook;
    # they would point the temporary repositories at the wrong index.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT")) and key not in ("SKIP", "PYTHONPATH")
    }
    env.update(
        {
            "PRE_COMMIT_HOME": str(home),
            "PRE_COMMIT_COLOR": "never",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,  # no user hooks, templates or signing settings
        }
    )
    return env


def git(cwd: Path, env: Mapping[str, str], *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def commit_all(folder: Path, env: Mapping[str, str]) -> None:
    git(folder, env, "init", "-q")
    git(folder, env, "config", "user.name", "qalint tests")
    git(folder, env, "config", "user.email", "tests@qalint.invalid")
    git(folder, env, "config", "commit.gpgsign", "false")
    git(folder, env, "add", "-A")
    git(folder, env, "commit", "-q", "-m", "concepten")


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _clean_environment(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """This working tree, committed in a temporary repository."""
    if not (REPO / ".git").exists():
        pytest.skip("needs a git checkout of qalint")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        timeout=60,
        check=True,
    ).stdout
    snapshot = tmp_path_factory.mktemp("qalint-snapshot")
    for name in filter(None, listed.decode("utf-8", "surrogateescape").split("\0")):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    commit_all(snapshot, env)
    return snapshot


def try_repo(
    hook_repo: Path, drafts: Path, env: Mapping[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "qalint", "--all-files"],
        cwd=drafts,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=900,
    )


def findings(output: str) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, list[tuple[int, int, str]]] = {}
    for line in output.splitlines():
        match = FINDING.match(line)
        if match:
            found.setdefault(match["path"], []).append(
                (int(match["line"]), int(match["col"]), match["code"])
            )
    return found


def test_manifest_is_valid() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_manifest_selects_drafts_only() -> None:
    """F07: the hook passes `--`, so `-x.txt` is a file."""
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(MANIFEST))
    assert (hook["id"], hook["entry"], hook["language"]) == ("qalint", "qalint check", "python")
    assert hook["args"] == ["--"]  # a file named "-x.txt" must not be read as an option
    pattern = re.compile(hook["files"])
    for name in ("a.txt", "map/b.md", "c.markdown", "BRIEF.TXT", "-x.txt", "met spatie.md"):
        assert pattern.search(name), name
    for name in ("a.py", "a.txt.bak", "a.docx", "txt", "notities.rst"):
        assert not pattern.search(name), name


def test_hook_fails_on_bad_drafts_with_their_positions(
    hook_repo: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """F07: in a temporary git repository, names with a space or a leading `-` reach qalint as
    files."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("bad.txt", "met spatie.txt", "-concept.txt", "OOK FOUT.MD", "notities.rst"):
        (drafts / name).write_text(BAD_DRAFT, encoding="utf-8")
    shutil.copy(REPO / "examples" / "correct.txt", drafts / "good.txt")
    commit_all(drafts, env)

    done = try_repo(hook_repo, drafts, env)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "qalint: error" not in output and "Traceback" not in output, output
    found = findings(output)
    # notities.rst is no draft; good.txt is clean; the others are checked by their names.
    assert set(found) == {"bad.txt", "met spatie.txt", "-concept.txt", "OOK FOUT.MD"}, output
    for name in found:
        assert (UNANSWERED_LINE, 1, "QA103") in found[name], output
    # What the hook printed is what qalint prints for the same file.
    alone = subprocess.run(
        [sys.executable, "-m", "qalint", "check", "bad.txt"],
        cwd=drafts,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert alone.stdout and all(line in output.splitlines() for line in alone.stdout.splitlines())


def test_hook_passes_on_a_good_draft(hook_repo: Path, env: dict[str, str], tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(REPO / "examples" / "correct.txt", drafts / "good.txt")
    (drafts / "notities.rst").write_text(BAD_DRAFT, encoding="utf-8")  # not a draft: skipped
    commit_all(drafts, env)

    done = try_repo(hook_repo, drafts, env)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"^qalint\.+Passed$", output, re.MULTILINE), output
    assert not findings(output)
