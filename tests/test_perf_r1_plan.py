"""Plan.jobs walks the runs of settings: every target with its own run's settings."""

import shutil
from pathlib import Path
from typing import Any, cast

from qalint.discovery import Target
from qalint.plan import Plan
from tests.cli_helpers import EXAMPLES, run_inprocess


def test_jobs_give_each_target_its_runs_settings_for_any_bounds() -> None:
    first, second, third = (cast(Any, object()) for _ in range(3))
    plan = Plan()
    runs = [first, first, second, third, third, third, first]
    for index, settings in enumerate(runs):
        plan.add(f"f{index}.txt" if index != 3 else Target("f3.txt", None, error="x"), settings)
    plan.stdin_data = b"stdin"
    for start in range(len(runs) + 1):
        for stop in range(start, len(runs) + 1):
            jobs = list(plan.jobs(start, stop))
            assert [settings for _, settings, _ in jobs] == runs[start:stop]
            assert [target.shown for target, _, _ in jobs] == [
                f"f{index}.txt" for index in range(start, stop)
            ]
            assert [data for _, _, data in jobs] == [
                b"stdin" if index == 0 else None for index in range(start, stop)
            ]
    assert next(iter(plan.jobs()))[0] == Target("f0.txt", "f0.txt")


def test_an_empty_plan_has_no_jobs() -> None:
    assert list(Plan().jobs()) == []


def test_a_folder_split_by_its_subfolder_keeps_its_configuration(tmp_path: Path) -> None:
    """The configuration is looked up again when the folder changes, also back to one
    seen before: a/b/... sorts between a/a.txt and a/z.txt."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "rules.toml").write_text('select = ["QA103"]\n', encoding="utf-8")
    (tmp_path / "a" / "b" / "rules.toml").write_text('select = ["QA201"]\n', encoding="utf-8")
    for name in ("a/a.txt", "a/b/m.txt", "a/z.txt"):
        shutil.copy(EXAMPLES / "with-errors.txt", tmp_path / name)
    result = run_inprocess(["check", "a"], cwd=tmp_path, expect=1)
    assert result.findings() == [
        ("a/a.txt", 15, 1, "QA103"),
        ("a/b/m.txt", 28, 73, "QA201"),
        ("a/z.txt", 15, 1, "QA103"),
    ]
