#!/usr/bin/env python3
"""Two installations of qalint side by side: is the new one faster, and by how much?

    python benchmarks/ab.py OLD_PYTHON NEW_PYTHON CORPUS [--rounds 5]

OLD_PYTHON and NEW_PYTHON are the interpreters of two virtual environments with qalint
installed, its ``qalint`` script beside each (for example the last release and the
working tree, each ``pip install .``). CORPUS is a folder of documents (``generate.py``
writes one). Every round runs every case once, in a fixed order, so both installations
see the same machine load; the report gives medians, minima and the speed-up of NEW over
OLD:

- ``qalint check --jobs 1 CORPUS`` and ``qalint check --jobs auto CORPUS``;
- ``qalint check FILE`` on the first document of CORPUS (start-up);
- ``floor.py CORPUS`` with NEW_PYTHON, for scale.

Exit codes of the checks are not judged (a corpus with injected errors exits 1); use
``bench.py`` for correctness. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def first_document(corpus: str) -> str:
    for directory, subdirs, names in os.walk(corpus):
        subdirs.sort()
        for name in sorted(names):
            if name.endswith((".txt", ".md")):
                return os.path.join(directory, name)
    raise SystemExit(f"ab.py: no .txt or .md document in {corpus}")


def cases(old: str, new: str, corpus: str) -> dict[str, list[str]]:
    one = first_document(corpus)
    found: dict[str, list[str]] = {}
    for label, python in (("old", old), ("new", new)):
        # The environment's own script: "python -m qalint" would import a qalint source
        # folder in the current directory instead of the installed one.
        qalint = [os.path.join(os.path.dirname(python), "qalint"), "check"]
        found[f"{label} --jobs 1"] = [*qalint, "--jobs", "1", corpus]
        found[f"{label} --jobs auto"] = [*qalint, "--jobs", "auto", corpus]
        found[f"{label} one file"] = [*qalint, one]
    found["floor"] = [new, os.path.join(HERE, "floor.py"), corpus]
    return found


def measure(commands: dict[str, list[str]], rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    # Without PYTHONDONTWRITEBYTECODE, which would have qalint compile its patterns on
    # every run instead of keeping them beside its bytecode, as a user's runs do.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    for round_number in range(rounds):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            times[name].append(time.perf_counter() - start)
        print(f"round {round_number + 1}/{rounds} done", file=sys.stderr)
    return times


def report(times: dict[str, list[float]]) -> str:
    rows = ["| case | old s | new s | speed-up |", "|---|---:|---:|---:|"]
    for case in ("--jobs 1", "--jobs auto", "one file"):
        old = statistics.median(times[f"old {case}"])
        new = statistics.median(times[f"new {case}"])
        rows.append(f"| {case} | {old:.3f} | {new:.3f} | {old / new:.2f}x |")
    rows.append(f"| floor (new interpreter) | | {statistics.median(times['floor']):.3f} | |")
    minima = ", ".join(f"{name} {min(values):.3f}" for name, values in times.items())
    return "\n".join(rows) + f"\n\nMedians of {len(times['floor'])} rounds; minima: {minima}\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old_python")
    parser.add_argument("new_python")
    parser.add_argument("corpus")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    print(report(measure(cases(args.old_python, args.new_python, args.corpus), args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
