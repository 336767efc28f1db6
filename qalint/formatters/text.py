"""``path:line:col: CODE [severity] message``, one finding a line, sorted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from qalint.formatters import escape_for_terminal
from qalint.runner import FileResult


def write(results: Sequence[FileResult], stream: TextIO) -> None:
    for result in results:
        for diag in result.diagnostics:
            path = escape_for_terminal(diag.path)
            message = escape_for_terminal(diag.message)
            stream.write(
                f"{path}:{diag.span.line}:{diag.span.column}: {diag.code} "
                f"[{diag.severity.value}] {message}\n"
            )


def summary(results: Sequence[FileResult]) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for diag in result.diagnostics:
            counts[diag.severity.value] += 1
    files = len(results)
    total = sum(counts.values())
    if total == 0:
        return f"Geen meldingen in {files} {'bestand' if files == 1 else 'bestanden'}."
    return (
        f"{counts['error']} {'fout' if counts['error'] == 1 else 'fouten'}, "
        f"{counts['warning']} {'waarschuwing' if counts['warning'] == 1 else 'waarschuwingen'}, "
        f"{counts['info']} info in {files} {'bestand' if files == 1 else 'bestanden'}."
    )
