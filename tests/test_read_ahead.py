"""runner.check_targets: files are read a few ahead of their check, in bounded batches,
and every file's result is what checking it alone gives, in the same order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qalint import runner
from qalint.config import RawConfig
from qalint.discovery import Target
from qalint.plugins import load_plugins
from qalint.selection import Overrides, resolve

PLUGINS = load_plugins()
SETTINGS = resolve(RawConfig(), PLUGINS.rules, Overrides())
DRAFT = "Vraag 1\nIs het waar?\n\nAntwoord 2\nJa.\n"


def _targets(tmp_path: Path, count: int) -> list[Target]:
    """``count`` drafts, with a file that is missing, a folder, an empty file, a file
    over the size limit and one that is not UTF-8 among them."""
    targets = []
    for number in range(count):
        path = tmp_path / f"{number:03}.txt"
        if number == 5:
            pass  # missing
        elif number == 9:
            path.mkdir()
        elif number == 11:
            path.write_bytes(b"")
        elif number == 17:
            path.write_bytes(b"x" * (SETTINGS.max_file_size + 1))
        elif number == 23:
            path.write_bytes(b"Vraag 1\n\xff\n")
        else:
            path.write_text(DRAFT.replace("2", str(number)), encoding="utf-8")
        targets.append(Target(path.name, str(path)))
    return targets


class Data(bytes):
    """A file's bytes that say when they are freed."""

    name: str
    freed: list[str]

    def __del__(self) -> None:
        self.freed.append(self.name)


def _findings(result: runner.FileResult) -> list[tuple[str, str, str, int, int]]:
    return [(d.path, d.code, d.message, d.span.line, d.span.column) for d in result.diagnostics]


def test_results_are_those_of_one_file_at_a_time(tmp_path: Path) -> None:
    targets = _targets(tmp_path, 40)
    alone = [_findings(runner.check_target(target, SETTINGS, PLUGINS)) for target in targets]
    jobs = [(target, SETTINGS, None) for target in targets]
    ahead = [
        (settings, _findings(result)) for settings, result in runner.check_targets(jobs, PLUGINS)
    ]
    assert [settings for settings, _ in ahead] == [SETTINGS] * len(targets)
    assert [findings for _, findings in ahead] == alone
    codes = [{code for _, code, *_ in findings} for findings in alone]
    assert [codes[n] for n in (5, 9, 17, 23)] == [{"QA001"}, {"QA001"}, {"QA002"}, {"QA001"}]
    assert "QA002" in codes[17] and "bestand is " in alone[17][0][2]


def test_stdin_data_is_checked_as_given(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(DRAFT, encoding="utf-8")
    jobs = [
        (Target("-", None), SETTINGS, DRAFT.replace("2", "3").encode()),
        (Target("b.txt", str(tmp_path / "b.txt")), SETTINGS, None),
    ]
    results = [result for _, result in runner.check_targets(jobs, PLUGINS)]
    assert [result.path for result in results] == ["-", "b.txt"]
    messages = [[d.message for d in result.diagnostics] for result in results]
    assert "Antwoord 3: vraag 3 bestaat niet" in messages[0]
    assert "Antwoord 2: vraag 2 bestaat niet" in messages[1]


def test_reading_ahead_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No more than READ_AHEAD files, and no more bytes than READ_AHEAD_BYTES and one
    file, are read and not yet checked; each file is read once, before its check, and
    its bytes are freed once it is checked."""
    sizes = [100] * (runner.READ_AHEAD + 24) + [runner.READ_AHEAD_BYTES // 3] * 7 + [100] * 5
    targets = []
    for number, size in enumerate(sizes):
        path = tmp_path / f"{number:03}.txt"
        path.write_bytes(b"Vraag 1\n" + b"x" * (size - 8))
        targets.append(Target(path.name, str(path)))
    events: list[tuple[str, str]] = []
    read_file, check_target = runner.read_file, runner.check_target

    freed: list[str] = []

    def reading(path: str, limit: int) -> bytes | runner.Unread:
        events.append(("read", os.path.basename(path)))
        data = Data(read_file(path, limit))  # type: ignore[arg-type]
        data.name, data.freed = os.path.basename(path), freed
        return data

    def checking(target: Target, *args: object) -> runner.FileResult:
        checked = [name for kind, name in events if kind == "check"]
        assert freed[: len(checked)] == checked  # the file checked before is freed
        events.append(("check", target.shown))
        return check_target(target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "read_file", reading)
    monkeypatch.setattr(runner, "check_target", checking)
    results = list(runner.check_targets([(t, SETTINGS, None) for t in targets], PLUGINS))
    assert [result.path for _, result in results] == [t.shown for t in targets]
    names = [t.shown for t in targets]
    assert [name for kind, name in events if kind == "read"] == names
    assert [name for kind, name in events if kind == "check"] == names
    waiting: list[str] = []
    most_files = most_bytes = 0
    for kind, name in events:
        if kind == "read":
            waiting.append(name)
            most_files = max(most_files, len(waiting))
            held = sum(sizes[names.index(other)] for other in waiting)
            largest = max(sizes[names.index(other)] for other in waiting)
            most_bytes = max(most_bytes, held - largest)
        else:
            assert waiting.pop(0) == name  # read before it is checked
    assert most_files == runner.READ_AHEAD
    assert most_bytes < runner.READ_AHEAD_BYTES


def test_a_files_bytes_are_freed_before_its_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing holds a file's bytes once they are decoded: a long file's bytes are a
    twelfth of its peak memory, which its parse reaches."""
    targets = _targets(tmp_path, 4)
    freed: list[str] = []
    parsed: list[tuple[str, bool]] = []
    read_file, parse = runner.read_file, runner.parse

    def reading(path: str, limit: int) -> bytes | runner.Unread:
        data = Data(read_file(path, limit))  # type: ignore[arg-type]
        data.name, data.freed = os.path.basename(path), freed
        return data

    def parsing(path: str, lines: tuple[str, ...]) -> object:
        parsed.append((path, path in freed))
        return parse(path, lines)

    monkeypatch.setattr(runner, "read_file", reading)
    monkeypatch.setattr(runner, "parse", parsing)
    results = list(runner.check_targets([(t, SETTINGS, None) for t in targets], PLUGINS))
    assert len(results) == 4
    assert parsed == [(t.shown, True) for t in targets]
