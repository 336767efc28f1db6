#!/usr/bin/env python3
"""qalint's benchmark: start-up, throughput, memory and linearity against fixed floors.

    python benchmarks/bench.py            # full run (several minutes)
    python benchmarks/bench.py --quick    # smaller corpora, 2 rounds: to try it out

Everything runs with this interpreter (``sys.executable``), each measurement in a fresh
subprocess, interleaved: every round runs every case once, in a fixed order (A B C ... A B
C ...), after one warm-up round of the start-up cases. The cases:

- ``python -c pass`` and ``python -c "import click, pluggy"`` (the start-up floor);
- ``floor.py`` on each corpus: read every file, four compiled regexes per line, one
  process (the throughput floor);
- ``qalint check FILE`` on one typical clean document (text output, as in pre-commit);
- ``qalint check`` (text output, or JSON with ``--format json``) on corpora of 100,
  1,000 and 10,000 documents, with ``--jobs 1`` and ``--jobs auto`` when qalint has
  ``--jobs`` (rows are skipped with a note otherwise), and on one file of 500,000 and
  one of 1,000,000 lines (the linearity check).

``--keep DIR`` generates into DIR and keeps it; an existing corpus there is reused, so
delete DIR after changing the generator.

The corpora are generated into a temporary folder by ``benchmarks/generate.py`` with
injected errors, and every qalint run's output is compared with the generator's
``expected.jsonl``: a run is only "correct" when qalint finds every injected error and
nothing else (column "findings").

Each command is started by a small helper process (see ``HELPER``) that measures wall time
with ``time.perf_counter`` around fork/exec/wait and takes CPU time and peak memory from
``os.wait4`` for that one child (``ru_maxrss``: the largest resident set of the command or
of any of its children that it waited for, so for ``--jobs`` runs it is the largest
single process, not the sum of the workers). The output is a Markdown report
with medians and min-max, ratios to the floors and the targets of the issue.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

PYTHON = sys.executable


@dataclass
class Case:
    key: str
    label: str
    argv: list[str]
    cwd: Path
    shown: str  # the command as printed in the report
    expected: Path | None = None  # folder with expected.jsonl, for qalint --format json
    subset: str | None = None  # only expected rows under this path prefix
    quiet: bool = False  # the output must be empty and the exit code 0
    warm: bool = False  # part of the warm-up round
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)  # KiB
    problems: list[str] = field(default_factory=list)


#: Runs one measured command. The measured process must not be a child of this (large)
#: process: Linux keeps a process's peak RSS across exec, and a child made by
#: fork/vfork starts with its parent's, so ru_maxrss would report at least this
#: process's size. This small helper forks, execs the command, waits for it with
#: os.wait4 and writes "wall cpu maxrss exitcode" to a pipe; the wall time runs from
#: just before the fork to the end of the wait, so the helper's own start-up is not in it.
HELPER = r"""
import os, sys, time
fd = int(sys.argv[1])
argv = sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
os.write(fd, ("%r %r %d %d" % (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                               os.waitstatus_to_exitcode(status))).encode())
"""


#: Left out of every command's environment. PYTHONDONTWRITEBYTECODE would also stop
#: qalint from keeping its compiled patterns beside its bytecode (qalint/pattern_cache.py),
#: so that every run compiled them again: not what a user's runs do.
_NOT_PASSED = frozenset({"QALINT_SUMMARY", "PYTHONDONTWRITEBYTECODE"})


def run_once(case: Case, scratch: Path, timeout: float) -> None:
    out_path = scratch / "stdout"
    err_path = scratch / "stderr"
    env = {k: v for k, v in os.environ.items() if k not in _NOT_PASSED}
    read_end, write_end = os.pipe()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            [PYTHON, "-S", "-I", "-c", HELPER, str(write_end), *case.argv],
            cwd=case.cwd,
            stdout=out,
            stderr=err,
            env=env,
            pass_fds=(write_end,),
            start_new_session=True,
        )
        os.close(write_end)
        timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
        timer.start()
        try:
            proc.wait()
        finally:
            timer.cancel()
    with os.fdopen(read_end, "rb") as stream:
        report = stream.read().decode()
    if proc.returncode != 0 or not report:
        case.problems.append(
            f"killed or failed (helper exit {proc.returncode}; timeout {timeout:.0f} s?)"
        )
        return
    wall, cpu, maxrss, code = report.split()
    code = int(code)
    case.times.append(float(wall))
    case.cpu.append(float(cpu))
    case.rss.append(int(maxrss))
    if code < 0:
        case.problems.append(f"killed by signal {-code}")
        return
    if case.expected is not None:
        _verify(case, code, out_path, err_path)
    elif case.quiet:
        if code != 0 or out_path.stat().st_size:
            case.problems.append(f"exit {code}, output {out_path.read_text()[:300]!r}")
    elif code != 0:
        case.problems.append(f"exit {code}: {err_path.read_text()[:300]}")


def _verify(case: Case, code: int, out_path: Path, err_path: Path) -> None:
    if code not in (0, 1):
        case.problems.append(f"exit {code}: {err_path.read_text()[:300]}")
        return
    text = out_path.read_text(encoding="utf-8")
    if "--format" in case.argv and case.argv[case.argv.index("--format") + 1] == "json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            case.problems.append(f"output is not JSON: {exc}")
            return
    else:
        data = generate.parse_text_output(text)
    expected = generate.load_expected(case.expected)
    if case.subset:
        expected = [row for row in expected if row[0].startswith(case.subset)]
    # every severity: the generator expects no info-level finding either
    missing, unexpected = generate.compare(
        expected,
        generate.actual_findings(
            data, case.expected, case.cwd, severities=("error", "warning", "info")
        ),
    )
    if missing or unexpected:
        rows = [f"missing {r[0]}:{r[1]}:{r[2]} {r[3]}" for r in missing[:5]]
        rows += [f"unexpected {r[0]}:{r[1]}:{r[2]} {r[3]}" for r in unexpected[:5]]
        case.problems.append(
            f"{len(missing)} missing, {len(unexpected)} unexpected: " + "; ".join(rows)
        )
    elif code != (1 if expected else 0):
        case.problems.append(f"exit code {code} with {len(expected)} expected findings")


def has_jobs(qalint: list[str]) -> bool:
    result = subprocess.run([*qalint, "check", "--help"], capture_output=True, text=True)
    return "--jobs" in result.stdout


def generate_corpus(folder: Path, count: int, seed: str) -> dict:
    subprocess.run(
        [
            PYTHON,
            str(HERE / "generate.py"),
            str(folder),
            "--count",
            str(count),
            "--seed",
            seed,
            "--inject-errors",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    files = [p for p in folder.rglob("*.txt")]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def pick_single(folder: Path) -> Path:
    """A typical clean document: an Aanhangsel answer of 8-10 KB without injected errors."""
    dirty = {row[0] for row in generate.load_expected(folder)}
    for path in sorted(folder.rglob("*-answer-*.txt")):
        relative = path.relative_to(folder).as_posix()
        if relative not in dirty and 8000 <= path.stat().st_size <= 10000:
            return path
    raise SystemExit("no clean 8-10 KB answer document in the corpus")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine() -> list[str]:
    info = [
        f"- Python {platform.python_version()} ({PYTHON})",
        f"- {platform.system()} {platform.release()}, {platform.machine()}",
    ]
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count()
    model = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    detail = f", {model}" if model else ""
    info.append(f"- {cpus} CPUs available (os.cpu_count() = {os.cpu_count()}){detail}")
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                kib = int(line.split()[1])
                info.append(f"- memory {kib / 1024 / 1024:.1f} GiB")
                break
    except OSError:
        pass
    try:
        git = ["git", "--no-optional-locks", "-C", str(HERE.parent)]
        head = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
        ).stdout.strip()
        if head:
            info.append(
                f"- qalint source: commit {head}{' with uncommitted changes' if dirty else ''}"
            )
    except OSError:
        pass
    try:
        version = subprocess.run(
            [*generate.qalint_command(), "--version"], capture_output=True, text=True
        ).stdout.strip()
        info.append(f"- {version}")
    except OSError:
        pass
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="corpora of 100 and 1,000 documents, files of 50,000 and 100,000 lines, 2 rounds",
    )
    parser.add_argument("--repeats", type=int, help="rounds (default 5, quick 2)")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--timeout", type=float, default=900.0, help="per run, seconds")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--no-big", action="store_true", help="skip the linearity rows")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="qalint's output format in the corpus runs (default text, as in "
        "CI; both are checked against expected.jsonl)",
    )
    args = parser.parse_args(argv)

    repeats = args.repeats or (2 if args.quick else 5)
    small, large = (100, 1000) if args.quick else (1000, 10000)
    big = (50_000, 100_000) if args.quick else (500_000, 1_000_000)
    qalint = generate.qalint_command()
    jobs = has_jobs(qalint)
    floor = [PYTHON, str(HERE / "floor.py")]

    root = args.keep or Path(tempfile.mkdtemp(prefix="qalint-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    scratch = root / "scratch"
    scratch.mkdir(exist_ok=True)
    notes: list[str] = []
    sizes: dict[int, dict] = {}
    started = time.perf_counter()
    print(f"generating corpora in {root} ...", file=sys.stderr)
    for count in sorted({100, small, large}):
        folder = root / f"corpus-{count}"
        if not (folder / "expected.jsonl").exists():
            generate_corpus(folder, count, args.seed)
        files = [p for p in folder.rglob("*.txt")]
        sizes[count] = {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}
    bigdir = root / "big"
    if not args.no_big:
        bigdir.mkdir(exist_ok=True)
        for lines in big:
            if not (bigdir / f"big-{lines}.txt").exists():
                generate.write_big(bigdir, lines, args.seed)
        (bigdir / "rules.toml").write_text("max-file-size = 1000000000\n", encoding="utf-8")
        (bigdir / "expected.jsonl").write_text("", encoding="utf-8")
    single = pick_single(root / "corpus-100")
    print(f"generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    q = "qalint"
    fmt = ["--format", "json"] if args.format == "json" else []
    shown_fmt = "--format json " if fmt else ""
    cases: list[Case] = [
        Case(
            "pass",
            "python -c pass",
            [PYTHON, "-c", "pass"],
            root,
            "python -c pass",
            quiet=True,
            warm=True,
        ),
        Case(
            "import",
            'python -c "import click, pluggy"',
            [PYTHON, "-c", "import click, pluggy"],
            root,
            'python -c "import click, pluggy"',
            quiet=True,
            warm=True,
        ),
        Case(
            "one",
            f"qalint check FILE ({single.stat().st_size / 1024:.1f} KB)",
            [*qalint, "check", str(single)],
            root,
            f"{q} check {single.relative_to(root)}",
            quiet=True,
            warm=True,
        ),
    ]
    for count in sorted({100, small, large}):
        folder = root / f"corpus-{count}"
        label = f"{count:,} docs"
        if count in (small, large):
            cases.append(
                Case(
                    f"floor-{count}",
                    f"floor, {label}",
                    [*floor, "."],
                    folder,
                    f"python benchmarks/floor.py corpus-{count}",
                )
            )
        variants = [("1", "--jobs 1")] if jobs else [(None, "")]
        if jobs and count in (small, large):
            variants.append(("auto", "--jobs auto"))
        for job, flag in variants:
            extra = ["--jobs", job] if job else []
            name = f"qalint{' ' + flag if flag else ''}, {label}"
            cases.append(
                Case(
                    f"qalint-{count}-{job or 'default'}",
                    name,
                    [*qalint, "check", *fmt, *extra, "."],
                    folder,
                    f"{q} check {shown_fmt}{flag + ' ' if flag else ''}corpus-{count}",
                    expected=folder,
                )
            )
    if not args.no_big:
        for lines in big:
            cases.append(
                Case(
                    f"floor-big-{lines}",
                    f"floor, 1 file of {lines:,} lines",
                    [*floor, f"big-{lines}.txt"],
                    bigdir,
                    f"python benchmarks/floor.py big/big-{lines}.txt",
                )
            )
            cases.append(
                Case(
                    f"qalint-big-{lines}",
                    f"qalint, 1 file of {lines:,} lines",
                    [*qalint, "check", *fmt, f"big-{lines}.txt"],
                    bigdir,
                    f"{q} check {shown_fmt}big/big-{lines}.txt "
                    f"(rules.toml: max-file-size = 1000000000)",
                    expected=bigdir,
                )
            )
    if not jobs:
        notes.append(
            "`qalint check --help` does not mention `--jobs`: the `--jobs 1` and "
            "`--jobs auto` rows are skipped; the corpus rows run qalint's default."
        )

    load_before = os.getloadavg()
    print(f"measuring: 1 warm-up round, {repeats} rounds of {len(cases)} cases", file=sys.stderr)
    for case in cases:
        if case.warm:
            run_once(case, scratch, args.timeout)
            case.times.clear(), case.cpu.clear(), case.rss.clear()
    for round_number in range(repeats):
        for case in cases:
            run_once(case, scratch, args.timeout)
        print(
            f"  round {round_number + 1}/{repeats} done ({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
        )
    load_after = os.getloadavg()

    report = render(
        cases, sizes, (small, large), big, repeats, jobs, notes, load_before, load_after, args
    )
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if any(case.problems for case in cases) else 0


def _per_round(times: list[float], floor_times: list[float]) -> str:
    """The ratio within each round (a case and its floor ran minutes apart at most, so
    a machine that speeds up or slows down over the run moves both): median (min-max)."""
    if len(times) != len(floor_times):
        return ""  # a failed run: rounds no longer line up
    ratios = [time / floor for time, floor in zip(times, floor_times, strict=True)]
    return f"{median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"


def render(
    cases: list[Case],
    sizes: dict[int, dict],
    corpora: tuple[int, int],
    big: tuple[int, int],
    repeats: int,
    jobs: bool,
    notes: list[str],
    load_before: tuple,
    load_after: tuple,
    args: argparse.Namespace,
) -> str:
    by = {case.key: case for case in cases}

    def med(key: str) -> float:
        return median(by[key].times) if key in by else float("nan")

    def rss(key: str) -> float:
        return median(by[key].rss) / 1024 if key in by else float("nan")

    floors = {"one": "import"}
    for count in sizes:
        for job in ("1", "auto", "default"):
            floors[f"qalint-{count}-{job}"] = f"floor-{count}"
    for lines in big:
        floors[f"qalint-big-{lines}"] = f"floor-big-{lines}"
    floors["import"] = "pass"

    out = [
        "## Machine",
        "",
        *machine(),
        f"- load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
        f"(1 min; the machine is shared)",
        "",
        "## Corpora",
        "",
    ]
    for count, size in sorted(sizes.items()):
        out.append(
            f"- corpus-{count}: {size['files']:,} documents, "
            f"{size['bytes'] / 1e6:.1f} MB (generate.py --count {count} --seed "
            f"{args.seed} --inject-errors)"
        )
    if not args.no_big:
        for lines in big:
            out.append(
                f"- big/big-{lines}.txt: {lines:,} lines (generate.py --lines {lines} "
                f"--seed {args.seed})"
            )
    out += [
        "",
        f"## Measurements ({repeats} interleaved rounds, medians)",
        "",
        "| case | median s | min-max s | CPU s | peak RSS MiB | ratio to floor | "
        "ratio per round | findings |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for case in cases:
        floor = floors.get(case.key)
        ratio = per_round = ""
        if floor and floor in by and by[floor].times and case.times:
            short = {"pass": "`pass`", "import": "import"}.get(floor, "floor")
            ratio = f"{median(case.times) / med(floor):.2f}x {short}"
            per_round = _per_round(case.times, by[floor].times)
        if case.expected is not None or case.quiet:
            findings = "ok" if not case.problems else "**wrong**"
        else:
            findings = "" if not case.problems else "**failed**"
        if not case.times:
            out.append(f"| {case.label} | - | - | - | - | - | - | not run |")
            continue
        out.append(
            f"| {case.label} | {median(case.times):.3f} | {min(case.times):.3f}-"
            f"{max(case.times):.3f} | {median(case.cpu):.2f} | {rss(case.key):.1f} | {ratio} | "
            f"{per_round} | {findings} |"
        )
    out += ["", "## Targets", "", "| target | measured | met? |", "|---|---:|---|"]

    def target(
        text: str, value: float, limit: float, unit: str = "x", pair: tuple[str, str] = ("", "")
    ) -> None:
        """A target met by the ratio of the medians; ``pair`` (a case and the one it is
        compared with) adds the median ratio within a round, which the judgement does not
        use: it shows how far the machine's drift moved the medians."""
        if value != value:  # NaN: not measured
            out.append(f"| {text} | not measured | - |")
            return
        shown = f"{value:.2f}{unit}" if unit == "x" else f"{value:.1f} {unit}"
        case, other = pair
        if case in by and other in by:
            within = _per_round(by[case].times, by[other].times)
            if within:
                shown += f" ({within.split(' ', 1)[0]} per round)"
        out.append(f"| {text} | {shown} | {'yes' if value <= limit else '**no**'} |")

    large = corpora[1]
    single = "1" if jobs else "default"
    target(
        "one file ≤ 1.25x `import click, pluggy`",
        med("one") / med("import"),
        1.25,
        pair=("one", "import"),
    )
    target(
        f"{large:,} docs, one process ≤ 3x floor",
        med(f"qalint-{large}-{single}") / med(f"floor-{large}"),
        3.0,
        pair=(f"qalint-{large}-{single}", f"floor-{large}"),
    )
    if jobs:
        target(
            f"{large:,} docs, --jobs auto ≤ 2x floor (one process)",
            med(f"qalint-{large}-auto") / med(f"floor-{large}"),
            2.0,
            pair=(f"qalint-{large}-auto", f"floor-{large}"),
        )
    else:
        out.append(f"| {large:,} docs, --jobs auto ≤ 2x floor | no `--jobs` yet | - |")
    corpus_rss = [
        rss(c.key) for c in cases if c.key.startswith("qalint-") and "big" not in c.key and c.rss
    ]
    target(
        "peak memory of the corpus runs ≤ 100 MiB",
        max(corpus_rss, default=float("nan")),
        100.0,
        "MiB",
    )
    target(
        f"memory flat: {large:,} docs ≤ 1.2x 100 docs",
        rss(f"qalint-{large}-{single}") / rss(f"qalint-100-{single}"),
        1.2,
    )
    if not args.no_big:
        target(
            f"linear: {big[1]:,} lines ≤ 2.3x {big[0]:,} lines",
            med(f"qalint-big-{big[1]}") / med(f"qalint-big-{big[0]}"),
            2.3,
            pair=(f"qalint-big-{big[1]}", f"qalint-big-{big[0]}"),
        )
    correct = all(not c.problems for c in cases if c.expected is not None or c.quiet)
    out.append(
        f"| every injected error found, nothing else | "
        f"{'all runs' if correct else 'see problems'} | {'yes' if correct else '**no**'} |"
    )

    out += [
        "",
        "## Commands",
        "",
        "Each case, run from the corpus folder (paths relative to the generated folder):",
        "",
        "```sh",
    ]
    for case in cases:
        out.append(case.shown)
    out += ["```"]
    problems = [(case, p) for case in cases for p in dict.fromkeys(case.problems)]
    if problems or notes:
        out += ["", "## Notes", ""]
        out += [f"- {note}" for note in notes]
        out += [f"- {case.label}: {problem}" for case, problem in problems]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
