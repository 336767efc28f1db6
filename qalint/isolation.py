"""Keeping third-party plugin code away from what qalint owns (ROBUSTNESS.md E09).

What a plugin prints would land in the middle of qalint's report and, with
``--format json``, make it unreadable; so while plugin code runs, ``sys.stdout`` is a
buffer, and what was written to it is handed back to become a warning on stderr. A
plugin that changes the working folder would change what the relative paths of the
files after it mean; the folder is put back. (Output written to file descriptor 1
directly, with ``os.write`` or from C code, is not caught.)

Built-in plugins do not print or change folders, and are run without this.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator

#: How much of what a plugin printed is quoted in the warning.
MAX_QUOTED = 120


class Isolation:
    """What one isolated call left behind: the text it printed (complete once the
    ``with`` block has ended, also when the call raised)."""

    __slots__ = ("printed",)

    def __init__(self) -> None:
        self.printed = ""

    def quoted(self) -> str:
        """The printed text as a warning quotes it: on one line, bounded."""
        text = " ".join(self.printed.split())
        return repr(text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + "…")


@contextlib.contextmanager
def isolated() -> Iterator[Isolation]:
    outcome = Isolation()
    buffer = io.StringIO()
    folder = _working_folder()
    try:
        with contextlib.redirect_stdout(buffer):
            yield outcome
    finally:
        if folder is not None and _working_folder() != folder:
            with contextlib.suppress(OSError):
                os.chdir(folder)
        outcome.printed = buffer.getvalue()


def _working_folder() -> str | None:
    try:
        return os.getcwd()
    except OSError:  # deleted while qalint runs (ROBUSTNESS.md D11): nothing to restore
        return None
