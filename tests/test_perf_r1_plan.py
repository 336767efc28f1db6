"""Plan.jobs walks the runs of settings: every target with its own run's settings."""

from typing import Any, cast

from qalint.discovery import Target
from qalint.plan import Plan


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
