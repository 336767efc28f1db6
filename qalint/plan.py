"""What a run checks, in order: the targets and the settings that apply to each.

Settings belong to a configuration folder, so consecutive targets share them: they are
kept as runs (the index of a run's first target and its settings), not once per file,
which keeps a run over 10,000 files about as small as one over 100.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from qalint.discovery import Found, Target

if TYPE_CHECKING:
    from qalint.selection import Settings


class Plan:
    __slots__ = ("_run_settings", "_run_starts", "found", "stdin_data")

    def __init__(self) -> None:
        self.found: list[Found] = []
        self._run_starts: list[int] = []
        self._run_settings: list[Settings] = []
        #: The input read from stdin: the data of the first target, when it is "-".
        self.stdin_data: bytes | None = None

    def add(self, found: Found, settings: Settings) -> None:
        if not self._run_settings or self._run_settings[-1] is not settings:
            self._run_starts.append(len(self.found))
            self._run_settings.append(settings)
        self.found.append(found)

    def __len__(self) -> int:
        return len(self.found)

    def jobs(
        self, start: int = 0, stop: int | None = None
    ) -> Iterator[tuple[Target, Settings, bytes | None]]:
        """Each target from ``start`` to ``stop`` with its settings and stdin data."""
        if not self.found:
            return  # no runs either
        stop = len(self.found) if stop is None else stop
        ends = [*self._run_starts[1:], len(self.found)]
        # Run by run: each run's settings once, not looked up for every file.
        for run_start, run_end, settings in zip(
            self._run_starts, ends, self._run_settings, strict=True
        ):
            for index in range(max(start, run_start), min(stop, run_end)):
                found = self.found[index]
                target = Target(found, found) if isinstance(found, str) else found
                yield target, settings, self.stdin_data if index == 0 else None
