#!/usr/bin/env python3
"""The floor for qalint's throughput: the least work any linter of these documents does.

    python benchmarks/floor.py PATH [PATH ...]

Reads every ``.txt`` and ``.md`` file under the given files and folders (sorted, one
process), decodes it as UTF-8, splits it into lines and runs four compiled regular
expressions over every line: a question/answer label, a cross-reference, a header date
and a page-footer artefact, the four things qalint's parser looks for. It prints how many
files, lines and matches it saw, so that no work can be skipped.

qalint does more than this (a document model, positions, rules, output), so its time is
compared with this floor as a ratio (benchmarks/bench.py, benchmarks/RESULTS.md).
Only the standard library is used.
"""

from __future__ import annotations

import os
import re
import sys

LABEL = re.compile(r"[ \t\f]*(?:Vraag|Vragen|Antwoord(?:en)?)\b")
REFERENCE = re.compile(r"(?:antwoord|vraag|vragen)\s+(?:op\s+)?(?:vraag\s+)?[0-9]")
DATE = re.compile(r"\((?:ingezonden|ontvangen)\s+[0-9]{1,2}\s*[a-z]+\s*[0-9]{4}")
FOOTER = re.compile(r"[ \t\f]*(?:Tweede Kamer, vergaderjaar|(?:ah|kv)-tk-|ISSN 0921)")


def files(paths: list[str]) -> list[str]:
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for directory, subdirs, names in os.walk(path):
                subdirs.sort()
                found.extend(
                    os.path.join(directory, name)
                    for name in sorted(names)
                    if name.endswith((".txt", ".md"))
                )
        else:
            found.append(path)
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    count = lines = 0
    hits = [0, 0, 0, 0]
    label, reference, date, footer = LABEL.match, REFERENCE.search, DATE.search, FOOTER.match
    for path in files(argv):
        with open(path, "rb") as stream:
            text = stream.read().decode("utf-8")
        count += 1
        for line in text.splitlines():
            lines += 1
            if label(line):
                hits[0] += 1
            if reference(line):
                hits[1] += 1
            if date(line):
                hits[2] += 1
            if footer(line):
                hits[3] += 1
    print(
        f"{count} files, {lines} lines; labels {hits[0]}, references {hits[1]}, "
        f"dates {hits[2]}, footers {hits[3]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
