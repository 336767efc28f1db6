"""``--jobs``: checking many files in a process pool, in the same order as one process.

A pool costs tens of milliseconds to start, so it is used only when there are enough
files to pay for it. Workers ignore SIGINT: on Ctrl-C the parent terminates the pool
(no worker is left behind) and exits 130.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qalint.plan import Plan
    from qalint.plugins import Plugins
    from qalint.runner import FileResult

#: Below this many files a pool costs more than it saves.
MIN_FILES_FOR_POOL = 48
#: Files per task: enough to make the cost of a task small, few enough to keep both
#: workers busy to the end and the output flowing.
CHUNK = 16

_worker_plugins: Plugins | None = None
_worker_plan: Plan | None = None


def available_cpus() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return max(os.cpu_count() or 1, 1)


def parse_jobs(value: str) -> int:
    """``auto`` or a positive number; raises ValueError otherwise."""
    if value == "auto":
        return available_cpus()
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def worth_a_pool(jobs: int, files: int) -> bool:
    return jobs > 1 and files >= MIN_FILES_FOR_POOL


def _init_worker(plugins: Plugins | None, plan: Plan) -> None:
    global _worker_plugins, _worker_plan
    import signal  # here: checking one file must not pay for it

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # With fork the arguments are inherited, not pickled: the plugins are not loaded a
    # second time, and tasks need only name a range of the plan.
    _worker_plan = plan
    if plugins is not None:
        _worker_plugins = plugins
    if _worker_plugins is None:
        from qalint.plugins import load_plugins

        _worker_plugins = load_plugins()


def _check_range(bounds: tuple[int, int]) -> list[FileResult]:
    from qalint.runner import check_target

    assert _worker_plugins is not None and _worker_plan is not None
    return [
        check_target(target, settings, _worker_plugins, data)
        for target, settings, data in _worker_plan.jobs(*bounds)
    ]


def check_in_pool(plan: Plan, jobs: int, plugins: Plugins) -> Iterator[FileResult]:
    """Results in the order of the plan, streamed as the workers finish them."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    forking = "fork" in methods
    context = multiprocessing.get_context("fork" if forking else "spawn")
    ranges = [(start, min(start + CHUNK, len(plan))) for start in range(0, len(plan), CHUNK)]
    if forking:
        # The workers inherit every object of the parent. Frozen, the garbage collector
        # leaves those alone in the workers, so fewer of their pages are copied.
        gc.freeze()
    pool = context.Pool(
        jobs, initializer=_init_worker, initargs=(plugins if forking else None, plan)
    )
    try:
        for results in pool.imap(_check_range, ranges):
            yield from results
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        gc.unfreeze()
