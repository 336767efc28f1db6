"""Doubling ratios for the linearity tests: t(2n) / t(n), measured so that a shared,
noisy machine rarely spoils them while a quadratic cost still shows (ratio ~4).

Each time is the best of three rounds of enough calls to take tens of milliseconds, with
the garbage collector off (its full passes scan the whole test process, so their cost
follows the number of tests imported, not the input). A noisy neighbour can spoil one
ratio, rarely three in a row: so the best of up to three tries.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

#: Doubling the input may at most multiply the time by this.
BOUND = 2.5
#: A round of calls takes at least this long (seconds), unless one call takes longer.
_ROUND = 0.02


def best_time(action: Callable[[], object]) -> float:
    """The best time of one call of ``action`` over three rounds of calls."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        calls = 1
        while True:
            start = time.perf_counter()
            for _ in range(calls):
                action()
            if time.perf_counter() - start > _ROUND or calls > 1000:
                break
            calls *= 4
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for _ in range(calls):
                action()
            best = min(best, (time.perf_counter() - start) / calls)
        return best
    finally:
        if was_enabled:
            gc.enable()


def doubling_ratio(action_for: Callable[[int], Callable[[], object]], n: int) -> float:
    """t(2n) / t(n) for the actions that ``action_for`` makes for sizes n and 2n."""
    small, large = action_for(n), action_for(2 * n)
    best = float("inf")
    for _ in range(3):
        best = min(best, best_time(large) / max(best_time(small), 1e-7))
        if best <= BOUND:
            break
    return best
