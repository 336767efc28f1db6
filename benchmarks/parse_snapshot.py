#!/usr/bin/env python3
"""The parse model of many documents as one file, to prove a speed-up changed nothing.

    python benchmarks/parse_snapshot.py OUT.jsonl PATH [PATH ...]

Writes one line per ``.txt``/``.md`` document under the PATHs (sorted): the document model
as ``qalint parse --format json`` gives it. Make one with the code before a change and
one after, then compare them (``cmp before.jsonl after.jsonl``, or ``diff`` to see
where). To snapshot another version of the code without installing it, put its checkout
first on the path: ``PYTHONPATH=/path/to/old/checkout python benchmarks/parse_snapshot.py
...``. The time spent parsing is printed to stderr (a rough figure: run ``bench.py`` for
measurements).
"""

from __future__ import annotations

import json
import os
import sys
import time

# floor.py's walk: the same documents in the same order as the floor reads them.
from floor import files as documents

import qalint
from qalint.export import document_to_data
from qalint.parse import parse
from qalint.source import DecodeFailure, decode


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out, paths = argv[0], argv[1:]
    spent = 0.0
    count = 0
    with open(out, "w", encoding="utf-8") as stream:
        for path in documents(paths):
            with open(path, "rb") as handle:
                data = handle.read()
            try:
                lines = decode(path, data).lines
            except DecodeFailure as failure:
                stream.write(json.dumps({"path": path, "decode": failure.message}) + "\n")
                continue
            start = time.perf_counter()
            doc = parse(path, lines)
            spent += time.perf_counter() - start
            count += 1
            stream.write(json.dumps(document_to_data(doc), ensure_ascii=False, sort_keys=True))
            stream.write("\n")
    where = os.path.dirname(qalint.__file__)
    print(f"{count} documents parsed in {spent:.2f} s by {where}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
