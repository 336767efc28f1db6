"""One JSON document per run; its JSON Schema is ``qalint/schema/output.schema.json``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from qalint import __version__
from qalint.formatters import escape_surrogates, rule_url
from qalint.runner import FileResult

SCHEMA_VERSION = 1


def as_data(results: Sequence[FileResult]) -> dict[str, Any]:
    diagnostics = []
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for diag in result.diagnostics:
            counts[diag.severity.value] += 1
            diagnostics.append({
                "path": escape_surrogates(diag.path),
                "code": diag.code,
                "name": diag.name,
                "severity": diag.severity.value,
                "message": diag.message,
                **diag.span.to_json(),
                "related": [{"message": r.message, **r.span.to_json()} for r in diag.related],
                "url": rule_url(diag.code, diag.name),
            })
    return {
        "schema_version": SCHEMA_VERSION,
        "qalint_version": __version__,
        "files": [
            {
                "path": escape_surrogates(result.path),
                "kind": result.kind.value if result.kind else None,
                "checked": not result.failed,
                "diagnostics": len(result.diagnostics),
            }
            for result in results
        ],
        "diagnostics": diagnostics,
        "summary": {**counts, "files": len(results)},
    }


def write(results: Sequence[FileResult], stream: TextIO) -> None:
    # ensure_ascii keeps the output valid whatever the stream's encoding is.
    json.dump(as_data(results), stream, ensure_ascii=True, indent=2)
    stream.write("\n")
