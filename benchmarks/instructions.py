#!/usr/bin/env python3
"""The benchmark's ratios counted in instructions: the same figure on a busy machine.

    python benchmarks/instructions.py CORPUS [--baseline OTHER_PYTHON]

Wall-clock times on a shared machine drift by more than the changes one wants to
judge (see RESULTS.md). This script runs each case once under valgrind's callgrind, which
counts the instructions the process executes: the count does not depend on what else
the machine does, and with ``PYTHONHASHSEED=0`` the same command gives the same count
to within a few hundred instructions. Each qalint case runs once uncounted first, and
every case without ``PYTHONDONTWRITEBYTECODE``: what qalint caches beside its bytecode
(compiled patterns) is then in place, as in a user's runs. Instructions are not time (a
cache miss costs more than an add), so the ratios here are for comparing two versions of
qalint, not a replacement for ``bench.py``; qalint has run at 1.3-1.5x the time per
instruction of the floor script.

The cases, all with this interpreter (``sys.executable``) and the ``qalint`` script
beside it:

- ``python -c pass`` and ``python -c "import click, pluggy"`` (start-up floor);
- ``qalint check FILE`` on the first document of CORPUS;
- ``floor.py`` and ``qalint check`` on FILE and on CORPUS, which give the cost of one
  more document: (CORPUS - FILE) / (documents - 1).

It prints the start-up ratio, each program's instructions per document and their
ratio, and the ratio for 10,000 documents in one process worked out from those. With
``--baseline OTHER_PYTHON`` the same qalint cases run with another installation's
interpreter too, and the change per document and at start-up is printed. valgrind must
be installed (Debian: ``apt install valgrind``); a run takes about 50 times as long as
without it (a corpus of 300 documents: about 30 s per case). Only the standard library
is used.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from floor import files  # noqa: E402 - the same documents, in the same order, as the floor

#: What callgrind prints at the end: "==123== Collected : 180347906".
_COLLECTED = re.compile(r"^==\d+== Collected : (\d+)$", re.MULTILINE)
#: Documents in the one-process target of the issue.
TARGET_DOCUMENTS = 10_000


def collected(stderr: str) -> int:
    """The instruction count in callgrind's output."""
    match = _COLLECTED.search(stderr)
    if match is None:
        raise ValueError(f"no instruction count in valgrind's output:\n{stderr[-2000:]}")
    return int(match.group(1))


def count(command: list[str]) -> int:
    """Instructions executed by ``command`` (and not its children), run once."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            *command,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(),
        check=False,
    )
    return collected(result.stderr)


def _environment() -> dict[str, str]:
    """This environment, with fixed string hashes and bytecode writing on: with
    PYTHONDONTWRITEBYTECODE, qalint would compile its patterns on every run instead of
    keeping them beside its bytecode (qalint/pattern_cache.py), as a user's runs do."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"
    return env


def per_document(on_corpus: int, on_one: int, size: int) -> float:
    """The cost of one more document, from a run on ``size`` documents and one on one."""
    if size < 2:
        raise ValueError("the corpus needs at least two documents")
    return (on_corpus - on_one) / (size - 1)


def at_scale(on_one: int, each: float, size: int = TARGET_DOCUMENTS) -> float:
    """Instructions for ``size`` documents in one process."""
    return on_one + (size - 1) * each


def qalint_of(python: str) -> list[str]:
    # The environment's own script: "python -m qalint" would import a qalint source
    # folder in the current directory instead of the installed one.
    return [python, os.path.join(os.path.dirname(python), "qalint"), "check"]


def measure(python: str, one: str, corpus: str) -> dict[str, int]:
    qalint = qalint_of(python)
    # Once uncounted first: the runs that compile what later runs find cached
    # (bytecode, and the patterns only some documents need) are not the steady state.
    for target in (one, corpus):
        subprocess.run([*qalint, target], capture_output=True, env=_environment(), check=False)
    return {"one": count([*qalint, one]), "corpus": count([*qalint, corpus])}


def report(
    floors: dict[str, int],
    new: dict[str, int],
    size: int,
    old: dict[str, int] | None = None,
) -> str:
    """The figures as Markdown, from the counts of each case."""
    floor_each = per_document(floors["floor corpus"], floors["floor one"], size)
    qalint_each = per_document(new["corpus"], new["one"], size)
    scale_ratio = at_scale(new["one"], qalint_each) / at_scale(floors["floor one"], floor_each)
    rows = [
        "| figure | instructions | ratio |",
        "|---|---:|---:|",
        f"| `python -c pass` | {floors['pass'] / 1e6:,.1f} M | |",
        f'| `python -c "import click, pluggy"` | {floors["imports"] / 1e6:,.1f} M | 1 |',
        f"| `qalint check FILE` | {new['one'] / 1e6:,.1f} M "
        f"| {new['one'] / floors['imports']:.2f}x |",
        f"| floor, per document | {floor_each / 1e6:,.3f} M | 1 |",
        f"| qalint, per document | {qalint_each / 1e6:,.3f} M | {qalint_each / floor_each:.2f}x |",
        f"| {TARGET_DOCUMENTS:,} documents, one process (worked out) | "
        f"{at_scale(new['one'], qalint_each) / 1e9:,.2f} G | {scale_ratio:.2f}x |",
    ]
    if old is not None:
        old_each = per_document(old["corpus"], old["one"], size)
        rows += [
            "",
            "| against the baseline | baseline | this | change |",
            "|---|---:|---:|---:|",
            f"| `qalint check FILE` | {old['one'] / 1e6:,.1f} M | {new['one'] / 1e6:,.1f} M "
            f"| {_change(old['one'], new['one'])} |",
            f"| per document | {old_each / 1e6:,.3f} M | {qalint_each / 1e6:,.3f} M "
            f"| {_change(old_each, qalint_each)} |",
        ]
    return "\n".join(rows) + "\n"


def _change(before: float, after: float) -> str:
    return f"{(after - before) / before:+.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a folder of documents (generate.py writes one)")
    parser.add_argument("--baseline", help="the interpreter of another qalint installation")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("instructions.py: valgrind is not installed", file=sys.stderr)
        return 2
    found = files([args.corpus])
    if len(found) < 2:
        print(f"instructions.py: fewer than two documents in {args.corpus}", file=sys.stderr)
        return 2
    one = found[0]
    python = sys.executable
    floor = [python, os.path.join(HERE, "floor.py")]
    print(f"counting {len(found)} documents, one case at a time ...", file=sys.stderr)
    floors = {
        "pass": count([python, "-c", "pass"]),
        "imports": count([python, "-c", "import click, pluggy"]),
        "floor one": count([*floor, one]),
        "floor corpus": count([*floor, args.corpus]),
    }
    new = measure(python, one, args.corpus)
    old = measure(args.baseline, one, args.corpus) if args.baseline else None
    print(report(floors, new, len(found), old), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
