"""Running qalint the way users do, with the global assertions of ROBUSTNESS.md §2.0.

After every call: (a) the exit code is exactly the expected one; (b) stderr holds no
``Traceback`` and no ``Exception ignored`` (unless ``--debug``), and every line of it is
a ``qalint: error:`` / ``qalint: waarschuwing:`` message; (c) stdout parses in the
requested format (text lines match ``path:line:col: CODE [severity] message``, JSON
validates against ``qalint/schema/output.schema.json``); (e) no input file changed and
no stray file appeared; (f) the call ends within its time limit.

``run_qalint`` starts a real process (exit codes, pipes, encodings, file descriptors);
``run_inprocess`` calls the same ``main()`` inside the test process, for the many cases
where a process adds nothing but 0.3 s.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "real"
SEED = SHARED / "corpus" / "seed" / "000_608d831434767844.txt"
EXAMPLES = REPO / "examples"
SCHEMA = REPO / "qalint" / "schema" / "output.schema.json"

Arg = str | bytes | os.PathLike[str]

#: One finding in text output. The path may hold spaces and escaped characters.
TEXT_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>[1-9][0-9]*):(?P<column>[1-9][0-9]*): "
    r"(?P<code>[A-Z]{2,4}[0-9]{3}) \[(?P<severity>error|warning|info)\] (?P<message>\S.*)$"
)
STDERR_LINE = re.compile(r"^qalint: (error|waarschuwing): \S")


@dataclass(frozen=True)
class Result:
    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        """stdout split at newlines only (the output escapes every other control)."""
        return [line for line in self.stdout.split("\n") if line]

    def json(self) -> Any:
        return json.loads(self.stdout)

    def findings(self) -> list[tuple[str, int, int, str]]:
        """(path, line, column, code) of each text-output line."""
        found = []
        for line in self.lines:
            match = TEXT_LINE.match(line)
            assert match, line
            found.append((match["path"], int(match["line"]), int(match["column"]), match["code"]))
        return found

    def codes(self) -> list[str]:
        return [code for *_, code in self.findings()]


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_report(data: Any) -> None:
    """Raise unless ``data`` is a valid ``qalint check --format json`` document."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def _command_and_format(args: Sequence[str]) -> tuple[str | None, str | None]:
    command = next((arg for arg in args if not arg.startswith("-")), None)
    fmt: str | None = {"check": "text", "parse": "json", "rules": "table"}.get(command or "")
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--format" and index + 1 < len(args):
            fmt = args[index + 1]
        elif arg.startswith("--format="):
            fmt = arg.split("=", 1)[1]
    return command, fmt


def check_stdout(args: Sequence[str], code: int, stdout: str) -> None:
    """Assertion (c): stdout is well-formed in the format that was asked for."""
    command, fmt = _command_and_format(args)
    if code == 2 and not stdout:
        return  # a usage or configuration error: nothing was linted
    if any(arg in ("-h", "--help") for arg in args[: args.index("--") if "--" in args else None]):
        return  # a help screen, not a report
    if command == "check" and fmt == "text":
        for line in stdout.split("\n"):
            assert not line or TEXT_LINE.match(line), f"not a finding line: {line!r}"
        assert stdout == "" or stdout.endswith("\n")
    elif command == "check" and fmt == "json":
        validate_report(json.loads(stdout))
    elif command == "parse" and fmt == "json":
        assert isinstance(json.loads(stdout).get("model_version"), int)
    elif command == "rules" and fmt == "json":
        data = json.loads(stdout)
        assert isinstance(data, list) and all("code" in item for item in data)


def check_stderr(args: Sequence[str], stderr: str, strict: bool = True) -> None:
    """Assertion (b): no traceback, and only qalint's own messages."""
    if "--debug" in args:
        return
    assert "Traceback" not in stderr, stderr
    assert "Exception ignored" not in stderr, stderr
    if strict:
        for line in stderr.split("\n"):
            assert not line or STDERR_LINE.match(line), f"unexpected stderr line: {line!r}"


def _snapshot(paths: Sequence[Path], tree: Path | None) -> dict[str, str]:
    """Hashes of regular files among ``paths`` (folders walked) plus the names in ``tree``."""
    seen: dict[str, str] = {}

    def add_file(path: Path) -> None:
        try:
            info = os.lstat(path)
        except OSError:
            return
        if stat.S_ISREG(info.st_mode):  # never open a FIFO or a device
            seen[os.fsdecode(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif stat.S_ISLNK(info.st_mode):
            seen[os.fsdecode(path)] = "-> " + os.readlink(path)

    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for folder, _, files in os.walk(path):
                for name in files:
                    add_file(Path(folder) / name)
        else:
            add_file(path)
    if tree is not None:
        for folder, dirs, files in os.walk(tree):
            for name in dirs + files:
                seen.setdefault(os.fsdecode(Path(folder) / name), "exists")
    return seen


def _input_paths(args: Sequence[Arg], cwd: Path) -> list[Path]:
    paths = []
    after_dashes = False
    for arg in args:
        raw = os.fsdecode(arg)
        if raw == "--" and not after_dashes:
            after_dashes = True
            continue
        if raw == "-" or (raw.startswith("--") and not after_dashes):
            continue
        path = Path(raw) if os.path.isabs(raw) else cwd / raw
        if os.path.lexists(path):
            paths.append(path)
    return paths


def _is_scratch(folder: Path) -> bool:
    return str(folder.resolve()).startswith(str(Path(tempfile.gettempdir()).resolve()))


def _environment(env: Mapping[str, str] | None) -> dict[str, str]:
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("QALINT_") and key not in ("GITHUB_ACTIONS", "PYTHONHASHSEED")
    }
    base.update(env or {})
    return base


def run_qalint(
    args: Sequence[Arg],
    input: bytes | str | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | str = REPO,
    *,
    expect: int | Collection[int],
    timeout: float = 30,
    stdout: Any = None,
    changes: bool = False,
    strict_stderr: bool = True,
) -> Result:
    """Run ``python -m qalint ARGS`` and apply the global assertions.

    ``stdout`` redirects the process's stdout (e.g. to /dev/full); ``changes`` allows
    files to change (``qalint init``).
    """
    cwd = Path(cwd)
    shown = tuple(os.fsdecode(arg) for arg in args)
    inputs = _input_paths(args, cwd)
    tree = cwd if _is_scratch(cwd) else None
    before = _snapshot(inputs, tree)
    data = input.encode("utf-8") if isinstance(input, str) else input
    try:
        done = subprocess.run(
            [sys.executable, "-m", "qalint", *[os.fsencode(arg) for arg in args]],
            input=data,
            cwd=cwd,
            env=_environment(env),
            timeout=timeout,
            stdout=subprocess.PIPE if stdout is None else stdout,
            stderr=subprocess.PIPE,
            stdin=None if data is not None else subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"qalint {' '.join(shown)} took more than {timeout} s")
    out = (done.stdout or b"").decode("utf-8", errors="surrogateescape")
    err = done.stderr.decode("utf-8", errors="surrogateescape")
    result = Result(shown, done.returncode, out, err)
    _assert_global(
        result, expect, before, inputs, tree, changes, strict_stderr, check_output=stdout is None
    )
    return result


def run_inprocess(
    args: Sequence[str],
    input: bytes | str | None = None,
    cwd: Path | str = REPO,
    *,
    expect: int | Collection[int],
    changes: bool = False,
    strict_stderr: bool = True,
) -> Result:
    """Call ``qalint.cli.main(ARGS)`` in this process with its own stdin/stdout/stderr."""
    from qalint.cli import main

    cwd = Path(cwd)
    inputs = _input_paths(args, cwd)
    tree = cwd if _is_scratch(cwd) else None
    before = _snapshot(inputs, tree)
    data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
    streams = (sys.stdin, sys.stdout, sys.stderr)
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    # Kept referenced until read: a collected TextIOWrapper closes its buffer.
    own = (
        io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"),
        io.TextIOWrapper(out_bytes, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err_bytes, encoding="utf-8", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = own
    old_cwd = os.getcwd()
    os.chdir(cwd)
    try:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        for stream in own[1:]:
            stream.flush()
        out, err = out_bytes.getvalue(), err_bytes.getvalue()
    finally:
        os.chdir(old_cwd)
        sys.stdin, sys.stdout, sys.stderr = streams
    result = Result(tuple(args), code, out.decode("utf-8"), err.decode("utf-8"))
    _assert_global(result, expect, before, inputs, tree, changes, strict_stderr, check_output=True)
    return result


def _assert_global(
    result: Result,
    expect: int | Collection[int],
    before: dict[str, str],
    inputs: list[Path],
    tree: Path | None,
    changes: bool,
    strict_stderr: bool,
    check_output: bool,
) -> None:
    context = (
        f"qalint {' '.join(result.args)}\n--- stdout\n{result.stdout[:3000]}"
        f"\n--- stderr\n{result.stderr[:3000]}"
    )
    allowed = {expect} if isinstance(expect, int) else set(expect)
    assert result.code in allowed, f"exit {result.code}, expected {expect}\n{context}"
    check_stderr(result.args, result.stderr, strict_stderr)
    if check_output:
        check_stdout(result.args, result.code, result.stdout)
    if not changes:
        after = _snapshot(inputs, tree)
        assert after == before, f"files changed or appeared\n{context}"
