"""What a run checks, in order: the targets and the settings that apply to each.

Settings belong to a configuration folder, so consecutive targets share them: they are
kept as runs (the index of a run's first target and its settings), not once per file,
which keeps a run over 10,000 files about as small as one over 100.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING

from qalint.discovery import Found, Target, as_target

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

    def settings_at(self, index: int) -> Settings:
        return self._run_settings[bisect.bisect_right(self._run_starts, index) - 1]

    def jobs(
        self, start: int = 0, stop: int | None = None
    ) -> Iterator[tuple[Target, Settings, bytes | None]]:
        """Each target from ``start`` to ``stop`` with its settings and stdin data."""
        for index in range(start, len(self.found) if stop is None else stop):
            data = self.stdin_data if index == 0 else None
            yield as_target(self.found[index]), self.settings_at(index), data
