#!/usr/bin/env python3
"""Where a document's time goes: qalint's stages and rules, timed in one process.

    python benchmarks/stages.py CORPUS [--rounds 3]

Checks every document of CORPUS (found as ``floor.py`` finds them) the way ``qalint
check`` does, one ``runner.check_path`` per file with the default settings of CORPUS's
folder, while timing the stages: reading, decoding, the parse and each of its steps,
the rules. Then it times each rule alone over the parsed documents (with the decoded
text shared, as the runner shares it). It prints microseconds per document, the best
of ``--rounds`` rounds, largest first.

The figures are for finding the largest part and for comparing two versions on the same
machine, run after one another; the targets are ``bench.py``'s ratios. A stage's time
includes the timer's own cost (~0.1 us a call). Only the standard library and qalint
are used.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from floor import files  # noqa: E402 - the same documents, in the same order, as the floor

from qalint import parse as parser  # noqa: E402
from qalint import rules, runner  # noqa: E402
from qalint.config import ConfigFinder  # noqa: E402
from qalint.plugins import load_plugins  # noqa: E402
from qalint.selection import Overrides, resolve  # noqa: E402
from qalint.source import decode  # noqa: E402

#: The runner's stages and the parse's steps, by the module that calls them.
STAGES = {
    runner: ("read_file", "_read_source", "parse", "_run_rules"),
    parser: (
        "find_labels",
        "parse_header",
        "running_text",
        "find_footnotes",
        "build_blocks",
        "find_references",
        "weekday_dates",
    ),
}


def _timed(totals: dict[str, float], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    clock = time.perf_counter

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = clock()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + clock() - start

    return timed


def time_stages(paths: list[str], rounds: int) -> dict[str, float]:
    """Seconds per document of each stage (and of check_path as a whole), best round."""
    plugins = load_plugins()
    settings = resolve(
        ConfigFinder(None).for_dir(os.path.dirname(paths[0]) or "."), plugins.rules, Overrides()
    )
    totals: dict[str, float] = {}
    originals = []
    for module, names in STAGES.items():
        for name in names:
            original = getattr(module, name)
            originals.append((module, name, original))
            label = name if module is parser else f"runner.{name}"
            setattr(module, name, _timed(totals, label, original))
    best: dict[str, float] = {}
    try:
        for _ in range(rounds):
            totals.clear()
            start = time.perf_counter()
            for path in paths:
                runner.check_path(path, path, settings, plugins)
            totals["check_path (all)"] = time.perf_counter() - start
            for name, seconds in totals.items():
                best[name] = min(best.get(name, seconds), seconds)
    finally:
        for module, name, original in originals:
            setattr(module, name, original)
    return {name: seconds / len(paths) for name, seconds in best.items()}


def time_rules(paths: list[str], rounds: int) -> dict[str, float]:
    """Seconds per document of each built-in rule's check alone, best round."""
    plugins = load_plugins()
    documents = []
    for path in paths:
        with open(path, "rb") as stream:
            source = decode(path, stream.read())
        documents.append((parser.parse(path, source.lines), source.text))
    found: dict[str, float] = {}
    for code, entry in sorted(plugins.rules.items()):
        rule = entry.cls(code)
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            for document, text in documents:
                rules.share_text(document.lines, text)
                for _finding in rule.check(document) or ():
                    pass
            best = min(best, time.perf_counter() - start)
        rules.forget_documents()
        found[f"{code} {entry.cls.name}"] = best / len(documents)
    return found


def _print(title: str, figures: dict[str, float]) -> None:
    print(f"{title}:")
    for name, seconds in sorted(figures.items(), key=lambda item: -item[1]):
        print(f"  {seconds * 1e6:8.1f} us  {name}")


def main(argv: list[str]) -> int:
    parser_ = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser_.add_argument("corpus")
    parser_.add_argument("--rounds", type=int, default=3)
    args = parser_.parse_args(argv)
    paths = files([args.corpus])
    if not paths:
        print(f"no .txt or .md files under {args.corpus}", file=sys.stderr)
        return 2
    print(f"{len(paths)} documents, best of {args.rounds} rounds, per document")
    _print("stages", time_stages(paths, args.rounds))
    _print("rules alone", time_rules(paths, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
