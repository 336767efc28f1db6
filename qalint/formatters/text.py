"""``path:line:col: CODE [severity] message``, one finding a line, file by file."""

from __future__ import annotations

from typing import TextIO

from qalint.formatters import Tally, escape_for_terminal
from qalint.runner import FileResult


class TextReport:
    def __init__(self, stream: TextIO):
        self.stream = stream

    def add(self, result: FileResult) -> None:
        for diag in result.diagnostics:
            path = escape_for_terminal(diag.path)
            message = escape_for_terminal(diag.message)
            self.stream.write(
                f"{path}:{diag.span.line}:{diag.span.column}: {diag.code} "
                f"[{diag.severity.value}] {message}\n"
            )

    def close(self, tally: Tally) -> None:
        """Text output ends with the findings; the summary goes to stderr (app.py)."""


def summary(tally: Tally) -> str:
    counts, files = tally.counts, tally.files
    total = sum(counts.values())
    if total == 0:
        return f"Geen meldingen in {files} {'bestand' if files == 1 else 'bestanden'}."
    return (
        f"{counts['error']} {'fout' if counts['error'] == 1 else 'fouten'}, "
        f"{counts['warning']} {'waarschuwing' if counts['warning'] == 1 else 'waarschuwingen'}, "
        f"{counts['info']} info in {files} {'bestand' if files == 1 else 'bestanden'}."
    )
