"""One JSON document per run; its JSON Schema is ``qalint/schema/output.schema.json``.

Written as the files are checked: each file's findings go out at once and only a few
facts per file stay in memory, so a run over ten thousand documents stays small.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from qalint import __version__
from qalint.formatters import Tally, escape_surrogates, rule_url
from qalint.runner import FileResult

SCHEMA_VERSION = 1


def _dumps(data: Any) -> str:
    # ensure_ascii keeps the output valid whatever the stream's encoding is.
    return json.dumps(data, ensure_ascii=True)


class JsonReport:
    def __init__(self, stream: TextIO):
        self.stream = stream
        self.files: list[str] = []
        self.first = True
        stream.write(
            f'{{"schema_version": {SCHEMA_VERSION}, '
            f'"qalint_version": {_dumps(__version__)},\n"diagnostics": ['
        )

    def add(self, result: FileResult) -> None:
        for diag in result.diagnostics:
            item = {
                "path": escape_surrogates(diag.path),
                "code": diag.code,
                "name": diag.name,
                "severity": diag.severity.value,
                "message": diag.message,
                **diag.span.to_json(),
                "related": [{"message": r.message, **r.span.to_json()} for r in diag.related],
                "url": rule_url(diag.code, diag.name),
            }
            self.stream.write(("\n  " if self.first else ",\n  ") + _dumps(item))
            self.first = False
        self.files.append(
            _dumps(
                {
                    "path": escape_surrogates(result.path),
                    "kind": result.kind.value if result.kind else None,
                    "checked": not result.failed,
                    "diagnostics": len(result.diagnostics),
                }
            )
        )

    def close(self, tally: Tally) -> None:
        files = ",\n  ".join(self.files)
        summary = _dumps({**tally.counts, "files": tally.files})
        self.stream.write(
            f'\n],\n"files": [\n  {files}\n],\n"summary": {summary}}}\n'
            if self.files
            else f'],\n"files": [],\n"summary": {summary}}}\n'
        )
