"""The tools for performance work: the parse snapshot and the side-by-side comparison.

They run as users run them (scripts, in a subprocess); no timing is asserted. The
benchmark's own arithmetic (ratios within a round) is checked on given numbers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "tests" / "rules"


def _run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_parse_snapshot_has_one_model_per_document_and_is_repeatable(tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    for out in (first, second):
        result = _run(ROOT / "benchmarks" / "parse_snapshot.py", out, RULES / "QA103", RULES)
        assert result.returncode == 0, result.stderr
        assert "documents parsed" in result.stderr
    documents = [str(path) for path in RULES.rglob("*") if path.suffix in (".txt", ".md")]
    qa103 = [str(path) for path in (RULES / "QA103").glob("*.txt")]
    rows = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    # Every document under each path once per path: QA103's are under both.
    assert sorted(row["path"] for row in rows) == sorted(qa103 + documents)
    # Each row is a document model, or says why the document could not be decoded.
    assert all(row.get("model_version") == 1 or "decode" in row for row in rows)
    assert sum("decode" in row for row in rows) < len(rows) // 10
    assert first.read_bytes() == second.read_bytes()


def test_parse_snapshot_shows_a_changed_document(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    draft = folder / "concept.txt"
    draft.write_text("Vraag 1\nWat?\n\nAntwoord 1\nJa.\n", encoding="utf-8")
    _run(ROOT / "benchmarks" / "parse_snapshot.py", tmp_path / "before.jsonl", folder)
    draft.write_text("Vraag 1\nWat?\n\nAntwoord 2\nJa.\n", encoding="utf-8")
    _run(ROOT / "benchmarks" / "parse_snapshot.py", tmp_path / "after.jsonl", folder)
    before = json.loads((tmp_path / "before.jsonl").read_text(encoding="utf-8"))
    after = json.loads((tmp_path / "after.jsonl").read_text(encoding="utf-8"))
    assert [a["numbers"] for a in before["answers"]] == [[1]]
    assert [a["numbers"] for a in after["answers"]] == [[2]]


@pytest.mark.skipif(
    not os.path.exists(os.path.join(os.path.dirname(sys.executable), "qalint")),
    reason="needs the qalint script beside the interpreter (an installed qalint)",
)
def test_ab_compares_two_installations_side_by_side(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(RULES / "QA103", corpus)
    result = _run(
        ROOT / "benchmarks" / "ab.py", sys.executable, sys.executable, corpus, "--rounds", "1"
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert [row.split(" | ")[0] for row in rows] == [
        "| case",
        "| --jobs 1",
        "| --jobs auto",
        "| one file",
        "| floor (new interpreter)",
    ]
    for row in rows[1:4]:
        speed_up = row.rstrip(" |").rsplit("| ", 1)[1]
        assert speed_up.endswith("x") and float(speed_up[:-1]) > 0


def _bench_module(monkeypatch: pytest.MonkeyPatch) -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench", module)  # its dataclasses look it up there
    spec.loader.exec_module(module)
    return module


def test_bench_gives_the_ratio_within_each_round(monkeypatch: pytest.MonkeyPatch) -> None:
    per_round = _bench_module(monkeypatch)._per_round  # type: ignore[attr-defined]
    # Round 2 ran on a machine twice as fast for both: its ratio is the same as round 1's.
    assert per_round([4.0, 2.0, 9.0], [1.0, 0.5, 2.0]) == "4.00x (4.00-4.50)"
    assert per_round([4.0, 2.0], [1.0, 0.5, 2.0]) == ""  # a failed run: no pairs


def _instructions_module() -> object:
    import importlib.util

    path = ROOT / "benchmarks" / "instructions.py"
    spec = importlib.util.spec_from_file_location("instructions", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_instructions_work_out_the_cost_per_document_and_at_scale() -> None:
    tool = _instructions_module()
    assert tool.collected("==7== Events    : Ir\n==7== Collected : 180347906\n") == 180347906  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="no instruction count"):
        tool.collected("valgrind: command not found")  # type: ignore[attr-defined]
    # 101 documents cost 1,000 more than one: 10 per further document.
    assert tool.per_document(1_300, 300, 101) == 10  # type: ignore[attr-defined]
    assert tool.at_scale(300, 10.0, 10_000) == 300 + 9_999 * 10  # type: ignore[attr-defined]
    floors = {"pass": 10, "imports": 100, "floor one": 50, "floor corpus": 1_050}
    report = tool.report(floors, {"one": 150, "corpus": 3_150}, 101, {"one": 150, "corpus": 4_150})  # type: ignore[attr-defined]
    figures, against = (
        {row.split(" | ")[0]: row for row in table.splitlines()} for table in report.split("\n\n")
    )
    assert figures["| `qalint check FILE`"].endswith("| 1.50x |")
    assert figures["| qalint, per document"].endswith("| 3.00x |")
    assert against["| per document"].endswith("| -25.0% |")  # 40 per document before, 30 now


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="needs valgrind")
def test_instruction_counts_repeat_on_a_busy_machine() -> None:
    tool = _instructions_module()
    command = [sys.executable, "-c", "sum(range(100000))"]
    first, second = tool.count(command), tool.count(command)  # type: ignore[attr-defined]
    assert first > 1_000_000
    assert abs(first - second) < first * 0.001


def test_the_tools_measure_with_bytecode_and_pattern_caches_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With PYTHONDONTWRITEBYTECODE, qalint would compile its patterns on every run.
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    environment = _instructions_module()._environment()  # type: ignore[attr-defined]
    assert "PYTHONDONTWRITEBYTECODE" not in environment
    assert environment["PYTHONHASHSEED"] == "0"
    assert "PYTHONDONTWRITEBYTECODE" in _bench_module(monkeypatch)._NOT_PASSED  # type: ignore[attr-defined]


def test_stages_times_every_stage_and_every_rule() -> None:
    result = _run(ROOT / "benchmarks" / "stages.py", RULES / "QA103", "--rounds", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    documents = len([p for p in (RULES / "QA103").rglob("*") if p.suffix in (".txt", ".md")])
    assert lines[0] == f"{documents} documents, best of 1 rounds, per document"
    stages = lines[lines.index("stages:") + 1 : lines.index("rules alone:")]
    timed = {line.split("us", 1)[1].strip() for line in stages}
    assert {"check_path (all)", "runner.parse", "runner._run_rules", "find_footnotes"} <= timed
    from qalint.plugins import load_plugins

    codes = {line.split("us", 1)[1].split()[0] for line in lines[lines.index("rules alone:") + 1 :]}
    assert codes == set(load_plugins().rules)


def test_stages_says_when_there_is_nothing_to_time(tmp_path: Path) -> None:
    result = _run(ROOT / "benchmarks" / "stages.py", tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert "no .txt or .md files" in result.stderr
