"""``--jobs``: checking many files in a process pool, in the same order as one process.

A pool costs tens of milliseconds to start, so it is used only when there are enough
files to pay for it. Workers ignore SIGINT: on Ctrl-C the parent terminates the pool
(no worker is left behind) and exits 130.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from qalint.plan import Plan
    from qalint.plugins import Plugins
    from qalint.runner import FileResult

#: Below this many files a pool costs more than it saves.
MIN_FILES_FOR_POOL = 48
#: Files per task: enough to make the cost of a task small, few enough to keep both
#: workers busy to the end and the output flowing.
CHUNK = 16


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


def check_in_pool(plan: Plan, jobs: int, plugins: Plugins) -> Iterator[FileResult]:
    """Results in the order of the plan, streamed as the workers finish them.

    A small pool of our own rather than ``multiprocessing.Pool``: that pool's worker
    handler thread wakes up for every result waiting in its queue and spins until the
    result thread has read it, costing the parent about a tenth of the workers' CPU
    time. Here the parent only waits for results and hands out the next range.
    """
    import multiprocessing

    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    ranges = [(start, min(start + CHUNK, len(plan))) for start in range(0, len(plan), CHUNK)]
    if forking:
        # The workers inherit every object of the parent. Frozen, the garbage collector
        # leaves those alone in the workers, so fewer of their pages are copied.
        gc.freeze()
    workers: list[_Worker] = []
    try:
        # Ctrl-C is held back while the workers start, so that none of them gets it
        # before it has set itself to ignore it (the parent alone handles Ctrl-C).
        with _sigint_blocked():
            for _ in range(min(jobs, len(ranges))):
                workers.append(_Worker(context, plugins if forking else None, plan, workers))
        yield from _in_order(workers, ranges)
    except BaseException:  # Ctrl-C, a lost worker, or the caller stopped reading
        for worker in workers:
            worker.stop(wait=False)
        raise
    else:
        for worker in workers:
            worker.stop(wait=True)
    finally:
        gc.unfreeze()


class WorkerLost(Exception):
    """A worker process ended without returning its results."""


#: Ranges handed to a worker ahead: it starts the next one while the parent reads the last.
_AHEAD = 2


def _in_order(workers: list[_Worker], ranges: list[tuple[int, int]]) -> Iterator[FileResult]:
    from multiprocessing.connection import wait

    todo = iter(enumerate(ranges))
    finished: dict[int, list[FileResult]] = {}
    by_connection = {worker.connection: worker for worker in workers}
    for worker in workers:
        for _ in range(_AHEAD):
            worker.hand_out(next(todo, None))
    wanted = 0
    while wanted < len(ranges):
        for connection in wait(list(by_connection)):
            worker = by_connection[connection]
            index, results = worker.collect()
            finished[index] = results
            worker.hand_out(next(todo, None))
        while wanted in finished:
            yield from finished.pop(wanted)
            wanted += 1


class _Worker:
    """One worker process and the ranges it is checking, oldest first."""

    def __init__(
        self, context: Any, plugins: Plugins | None, plan: Plan, others: list[_Worker]
    ) -> None:
        self.connection, theirs = context.Pipe()
        # A forked child holds a copy of the parent's end of every pipe made so far; it
        # closes them, or it would never see its own pipe end when the parent is killed.
        inherited = (
            (self.connection, *(other.connection for other in others))
            if context.get_start_method() == "fork"
            else ()
        )
        self.process = context.Process(
            target=_serve, args=(theirs, plugins, plan, inherited), daemon=True
        )
        self.process.start()
        theirs.close()
        self.given: collections.deque[int] = collections.deque()

    def hand_out(self, task: tuple[int, tuple[int, int]] | None) -> None:
        if task is not None:
            index, bounds = task
            self.given.append(index)
            try:
                self.connection.send(bounds)
            except OSError:  # the worker died before it could read this
                raise self._lost() from None

    def collect(self) -> tuple[int, list[FileResult]]:
        try:
            answer = self.connection.recv()
        except (EOFError, OSError):
            raise self._lost() from None
        if isinstance(answer, str):
            raise WorkerLost(f"een werkproces van --jobs liep vast: {answer}")
        return self.given.popleft(), answer

    def _lost(self) -> WorkerLost:
        self.process.join(1)
        return WorkerLost(
            f"een werkproces van --jobs is onverwacht gestopt (exitcode {self.process.exitcode})"
        )

    def stop(self, wait: bool) -> None:
        """End the process: asked to when it is idle (``wait``), else terminated."""
        if wait:
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        self.connection.close()


def _serve(
    connection: Connection,
    plugins: Plugins | None,
    plan: Plan,
    inherited: tuple[Connection, ...],
) -> None:
    """A worker: check each range the parent sends, until it sends None."""
    import signal

    for parents_end in inherited:
        parents_end.close()

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    from qalint.runner import check_targets

    if plugins is None:  # spawned, not forked: nothing was inherited
        from qalint.plugins import load_plugins

        plugins = load_plugins()
    try:
        while (bounds := connection.recv()) is not None:
            try:
                results = [result for _, result in check_targets(plan.jobs(*bounds), plugins)]
            except Exception as exc:  # noqa: BLE001 - the parent reports it, not a traceback
                connection.send(f"{type(exc).__name__}: {exc}")
                return
            connection.send(results)
    except (EOFError, OSError):
        return  # the parent is gone (killed): nobody is left to report to


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
