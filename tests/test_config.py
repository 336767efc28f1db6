"""Configuration (ROBUSTNESS.md §2.4): rules.toml and [tool.qalint], strict validation.

Every broken configuration exits 2 with ``qalint: error: FILE:LINE:COL: message`` and
lints nothing; discovery follows DESIGN.md §6 (the closest file above each draft wins,
rules.toml before pyproject.toml in one folder, --config replaces discovery).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.cli_helpers import EXAMPLES, SEED, run_inprocess, run_qalint

ERROR_CODES = ["QA303", "QA103", "QA105", "QA201"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with seed.txt (27 days late: one QA304 warning) and errors.txt."""
    shutil.copy(SEED, tmp_path / "seed.txt")
    shutil.copy(EXAMPLES / "with-errors.txt", tmp_path / "errors.txt")
    return tmp_path


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def config_error(
    project: Path,
    content: str | bytes,
    name: str = "rules.toml",
    args: tuple[str, ...] = ("check", "errors.txt", "seed.txt"),
) -> str:
    """The one stderr line of a run with this configuration; it must lint nothing."""
    write(project / name, content)
    result = run_inprocess(list(args), cwd=project, expect=2)
    assert result.stdout == "", "a configuration error must stop the run before linting"
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- D01-D04: reading the file -------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'select = ["QA1"]\n[severity\n',
            "rules.toml:2:10: ongeldige TOML: Expected ']' at the end of a table declaration",
        ),
        (
            'select = ["QA1"]\nselect = ["QA2"]\n',
            "rules.toml:2:17: ongeldige TOML: Cannot overwrite a value",
        ),
        (
            'select = ["QA1"]\rignore = []\r',
            "rules.toml:1:17: ongeldige TOML: Expected newline or end of document "
            "after a statement",
        ),
        ('select = ["QA1\x00"]\n', "rules.toml:1:15: ongeldige TOML: Illegal character '\\x00'"),
        ("x = 2014-02-31\n", "rules.toml:1:5: ongeldige TOML: Invalid date or datetime"),
    ],
    ids=["unclosed-table", "duplicate-key", "cr-only", "nul", "impossible-date"],
)
def test_toml_syntax_errors_name_file_line_and_column(
    project: Path, content: str, message: str
) -> None:
    """D01: TOML syntax errors name file, line and column; nothing is linted."""
    assert config_error(project, content) == f"qalint: error: {message}"


def test_syntax_error_in_pyproject(project: Path) -> None:
    """D01: the same for [tool.qalint] in pyproject.toml."""
    line = config_error(project, '[tool.qalint\nselect = ["QA1"]\n', name="pyproject.toml")
    assert line == (
        "qalint: error: pyproject.toml:1:13: ongeldige TOML: "
        "Expected ']' at the end of a table declaration"
    )


def test_a_bom_is_forgiven(project: Path) -> None:
    """D02: a UTF-8 BOM (and CRLF) at the start of rules.toml is accepted."""
    write(project / "rules.toml", b'\xef\xbb\xbfselect = ["QA103"]\r\n')
    assert run_inprocess(["check", "errors.txt"], cwd=project, expect=1).codes() == ["QA103"]


def test_cp1252_bytes_in_the_configuration(project: Path) -> None:
    """D03: cp1252 bytes in rules.toml: not valid UTF-8, at their line and column."""
    content = b'select = ["QA103"]\n# archief\nexclude = ["nota\xe9"]\n'
    assert (
        config_error(project, content)
        == "qalint: error: rules.toml:3:17: geen geldige UTF-8 (byte 0xE9)"
    )


@pytest.mark.parametrize(
    "content",
    ["a = " + "[" * 100_000 + "]" * 100_000 + "\n", "a" + ".a" * 10_000 + " = 1\n"],
    ids=["nested-arrays", "dotted-keys"],
)
def test_deep_nesting_is_caught(project: Path, content: str) -> None:
    """D04: RecursionError from deep nesting is caught, exit 2, no traceback."""
    assert (
        config_error(project, content)
        == "qalint: error: rules.toml: ongeldige TOML: te diep genest"
    )


def test_configuration_larger_than_a_megabyte(project: Path) -> None:
    """D10: the configuration's size is capped."""
    line = config_error(project, "# " + "x" * 1_000_001 + "\n")
    assert line == "qalint: error: rules.toml: configuratie groter dan 1000000 bytes"


def test_unreadable_configuration(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CI runs as root, so chmod would not stop the read: refuse it in open() instead.
    """D10: an unreadable configuration (mocked PermissionError; CI runs as root)."""
    write(project / "rules.toml", 'select = ["QA103"]\n')
    real_open = open

    def refuse(file: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if os.path.basename(file) == "rules.toml":
            raise PermissionError(13, "Permission denied", file)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    # The configuration module's own name for open(), so nothing else is affected.
    monkeypatch.setattr("qalint.config.open", refuse, raising=False)
    result = run_inprocess(["check", "errors.txt"], cwd=project, expect=2)
    assert result.stderr == "qalint: error: rules.toml: geen leesrechten (Permission denied)\n"


# -- D06-D08: validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selct = ["QA1"]\n', "rules.toml:1:1: onbekende sleutel 'selct' (bedoelt u select?)"),
        (
            'select = ["QA1"]\n\nfail_on = "error"\n',
            "rules.toml:3:1: onbekende sleutel 'fail_on' (bedoelt u fail-on?)",
        ),
        ("verbose = true\n", "rules.toml:1:1: onbekende sleutel 'verbose'"),
    ],
)
def test_unknown_keys(project: Path, content: str, message: str) -> None:
    """D08: an unknown key in our table is an error, with a suggestion."""
    assert config_error(project, content) == f"qalint: error: {message}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'select = "QA101"\n',
            "rules.toml:1:1: 'select' moet een lijst van teksten zijn, zoals [\"QA1\"]",
        ),
        (
            'ignore = ["QA101", 3]\n',
            "rules.toml:1:1: 'ignore' moet een lijst van teksten zijn, zoals [\"QA1\"]",
        ),
        (
            "max-file-size = -1\n",
            "rules.toml:1:1: 'max-file-size' moet een positief geheel getal "
            "(bytes) zijn, hoogstens 2**40",
        ),
        (
            "max-file-size = true\n",
            "rules.toml:1:1: 'max-file-size' moet een positief geheel getal "
            "(bytes) zijn, hoogstens 2**40",
        ),
        (
            "max-file-size = 99999999999999999999\n",
            "rules.toml:1:1: 'max-file-size' moet een positief geheel getal "
            "(bytes) zijn, hoogstens 2**40",
        ),
        (
            "fail-on = 3\n",
            'rules.toml:1:1: \'fail-on\' moet "error", "warning" of "info" zijn, niet 3',
        ),
        (
            'fail-on = "fatal"\n',
            'rules.toml:1:1: \'fail-on\' moet "error", "warning" of "info" zijn, niet \'fatal\'',
        ),
        ("encoding = 1252\n", "rules.toml:1:1: 'encoding' moet een tekst zijn, zoals \"cp1252\""),
        (
            'encoding = "windows-1252x"\n',
            "rules.toml:1:1: onbekende codering 'windows-1252x' in 'encoding'",
        ),
        (
            'exclude = "archief"\n',
            "rules.toml:1:1: 'exclude' moet een lijst van teksten zijn, zoals [\"archief/*\"]",
        ),
        (
            'rule-timeout = "10"\n',
            "rules.toml:1:1: 'rule-timeout' moet een aantal seconden van 0 tot 3600 zijn "
            "(0: geen grens)",
        ),
        (
            "rule-timeout = -1\n",
            "rules.toml:1:1: 'rule-timeout' moet een aantal seconden van 0 tot 3600 zijn "
            "(0: geen grens)",
        ),
        ("severity = 3\n", "rules.toml:1:1: 'severity' moet een tabel zijn"),
        (
            "[severity]\nQA103 = 2\n",
            'rules.toml:2:1: \'QA103\' moet "error", "warning" of "info" zijn, niet 2',
        ),
        ("[rules]\nQA304 = 21\n", "rules.toml:2:1: 'rules.QA304' moet een tabel zijn"),
        (
            '[per-file-ignores]\n"*.txt" = "QA103"\n',
            "rules.toml:2:2: '*.txt' moet een lijst van teksten zijn, zoals [\"QA1\"]",
        ),
    ],
)
def test_wrong_types_and_ranges(project: Path, content: str, message: str) -> None:
    """D07: wrong types and ranges name file, line and key; exit 2 before linting."""
    assert config_error(project, content) == f"qalint: error: {message}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('select = ["QA1O1"]\n', "rules.toml:1:11: onbekende regel 'QA1O1' (bedoelt u QA101?)"),
        ('select = ["qa101"]\n', "rules.toml:1:11: onbekende regel 'qa101' (bedoelt u QA101?)"),
        (
            'select = ["QA103"]\nextend-select = ["QA1", "late-answr"]\n',
            "rules.toml:2:25: onbekende regel 'late-answr' (bedoelt u late-answer?)",
        ),
        ('ignore = ["QA999"]\n', "rules.toml:1:11: onbekende regel 'QA999'"),
        (
            '[per-file-ignores]\n"*.txt" = ["QA103", "QA2O1"]\n',
            "rules.toml:2:21: onbekende regel 'QA2O1' (bedoelt u QA201?)",
        ),
        (
            '[severity]\nQA103 = "warning"\nQA1O5 = "error"\n',
            "rules.toml:3:1: onbekende regel 'QA1O5' (bedoelt u QA105?)",
        ),
        ("[rules.QA999]\nx = 1\n", "rules.toml:1:8: onbekende regel 'QA999'"),
        (
            "[rules.QA3]\ndeadline-days = 3\n",
            "rules.toml:1:8: [rules.QA3] moet één regelcode noemen",
        ),
        (
            "[rules.late-answer]\ndeadline-days = 3\n",
            "rules.toml:1:8: [rules.late-answer] moet één regelcode noemen; "
            "bedoelt u [rules.QA304]?",
        ),
    ],
)
def test_unknown_rule_codes_are_errors_everywhere(
    project: Path, content: str, message: str
) -> None:
    # The policy (selection.py): an unknown selector is an error in ignores too, so a
    # typo never silently switches nothing off.
    """D06: unknown rule codes in select, ignore, per-file-ignores, [severity] and [rules.*]."""
    assert config_error(project, content) == f"qalint: error: {message}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "[rules.QA304]\ndeadline-days = 21\ndeadline-dayz = 1\n",
            "rules.toml:3:1: regel QA304 kent geen optie 'deadline-dayz' (bedoelt "
            "u deadline-days?)",
        ),
        (
            '[rules.QA304]\ndeadline-days = "21"\n',
            "rules.toml:2:1: optie 'deadline-days' van QA304 moet een geheel getal zijn, niet '21'",
        ),
        (
            "[rules.QA304]\nextended-deadline-days = 4.5\n",
            "rules.toml:2:1: optie 'extended-deadline-days' van QA304 moet een "
            "geheel getal zijn, niet 4.5",
        ),
        (
            "[rules.QA304]\ndeadline-days = true\n",
            "rules.toml:2:1: optie 'deadline-days' van QA304 moet een geheel getal zijn, niet True",
        ),
        (
            "[rules.QA304]\ndeadline-days = 99999999999999999999\n",
            "rules.toml:2:1: optie 'deadline-days' van QA304 is te groot",
        ),
        (
            "[rules.QA101]\ndeadline-days = 3\n",
            "rules.toml:2:1: regel QA101 kent geen optie 'deadline-days'",
        ),
    ],
)
def test_rule_options_are_checked(project: Path, content: str, message: str) -> None:
    """D07: rule options: unknown, wrong type, too large."""
    assert config_error(project, content) == f"qalint: error: {message}"


def test_positions_in_pyproject_point_into_tool_qalint(project: Path) -> None:
    # ruff's `select` comes first; the message must point at ours.
    """D01, D07: positions in pyproject.toml point into [tool.qalint]."""
    content = (
        '[tool.ruff]\nselect = ["E"]\n\n[tool.qalint]\nselect = "QA1"\n\n'
        "[tool.qalint.rules.QA304]\ndeadline-days = 1\nextended = 3\n"
    )
    line = config_error(project, content, name="pyproject.toml")
    assert (
        line == "qalint: error: pyproject.toml:5:1: 'select' moet een lijst van "
        'teksten zijn, zoals ["QA1"]'
    )
    line = config_error(
        project, content.replace('select = "QA1"', 'select = ["QA304"]'), name="pyproject.toml"
    )
    assert line == "qalint: error: pyproject.toml:9:1: regel QA304 kent geen optie 'extended'"


def test_misspelt_tool_table_gives_a_warning(project: Path) -> None:
    """D08: a misspelt [tool.qalnt] gives a warning."""
    write(project / "pyproject.toml", '[tool.qalnt]\nselect = ["QA103"]\n')
    result = run_inprocess(["check", "errors.txt"], cwd=project, expect=1)
    assert result.codes() == ERROR_CODES  # ignored, so the defaults apply
    assert result.stderr == (
        "qalint: waarschuwing: pyproject.toml: [tool.qalnt] lijkt een "
        "tikfout voor [tool.qalint]; deze tabel wordt genegeerd\n"
    )


def test_other_tools_tables_are_ignored_silently(project: Path) -> None:
    """D08: other tools' tables are ignored silently."""
    write(
        project / "pyproject.toml",
        '[tool.black]\nline-length = 100\n[tool.qalint]\nselect = ["QA1"]\n',
    )
    result = run_inprocess(["check", "errors.txt"], cwd=project, expect=1)
    assert result.codes() == ["QA103", "QA105"] and result.stderr == ""


# -- D09/D10: discovery and --config --------------------------------------------------------


def test_tool_qalint_in_pyproject(project: Path) -> None:
    """D09: [tool.qalint] in pyproject.toml is read."""
    write(project / "pyproject.toml", '[tool.qalint]\nselect = ["QA304"]\nfail-on = "warning"\n')
    assert run_inprocess(["check", "seed.txt", "errors.txt"], cwd=project, expect=1).codes() == [
        "QA304"
    ]


def test_pyproject_without_tool_qalint_is_skipped(project: Path) -> None:
    """D09: a pyproject.toml without [tool.qalint] is skipped in discovery."""
    write(project / "rules.toml", 'select = ["QA103"]\n')
    write(project / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    shutil.copy(project / "errors.txt", project / "sub" / "errors.txt")
    assert run_inprocess(["check", "sub/errors.txt"], cwd=project, expect=1).codes() == ["QA103"]


def test_rules_toml_wins_over_pyproject_in_one_folder(project: Path) -> None:
    """D09: rules.toml wins over pyproject.toml in one folder."""
    write(project / "rules.toml", 'select = ["QA103"]\n')
    write(project / "pyproject.toml", '[tool.qalint]\nselect = ["QA201"]\n')
    assert run_inprocess(["check", "errors.txt"], cwd=project, expect=1).codes() == ["QA103"]


def test_the_closest_configuration_above_each_file_wins(project: Path) -> None:
    """D09: the closest configuration wins, the same from any folder and order."""
    write(project / "rules.toml", 'select = ["QA103"]\n')
    write(project / "child" / "rules.toml", 'select = ["QA201"]\n')
    shutil.copy(project / "errors.txt", project / "child" / "errors.txt")
    expected = [("child/errors.txt", 28, 73, "QA201"), ("errors.txt", 15, 1, "QA103")]
    from_parent = run_inprocess(["check", "."], cwd=project, expect=1)
    assert from_parent.findings() == expected
    # The same result from another folder and in another argument order (D09).
    from_child = run_inprocess(
        ["check", "errors.txt", "../errors.txt"], cwd=project / "child", expect=1
    )
    assert from_child.findings() == [
        ("../errors.txt", 15, 1, "QA103"),
        ("errors.txt", 28, 73, "QA201"),
    ]


def test_a_linked_file_has_the_configuration_of_the_folder_it_is_named_in(
    project: Path,
) -> None:
    """D09: a symlinked file takes the configuration of the folder it is named in."""
    write(project / "rules.toml", 'select = ["QA103"]\n')
    write(project / "elsewhere" / "rules.toml", 'select = ["QA201"]\n')
    shutil.move(project / "errors.txt", project / "elsewhere" / "errors.txt")
    (project / "linked.txt").symlink_to(Path("elsewhere") / "errors.txt")
    result = run_inprocess(["check", "linked.txt"], cwd=project, expect=1)
    assert result.findings() == [("linked.txt", 15, 1, "QA103")]


def test_config_flag_replaces_discovery(project: Path) -> None:
    """D09: --config replaces discovery."""
    write(project / "rules.toml", 'select = ["QA103"]\n')
    write(project / "other.toml", 'select = ["QA201"]\n')
    assert run_inprocess(
        ["check", "--config", "other.toml", "errors.txt"], cwd=project, expect=1
    ).codes() == ["QA201"]


def test_command_line_flags_win_over_the_configuration(project: Path) -> None:
    """D09: command-line flags win over the configuration."""
    write(project / "rules.toml", 'select = ["QA103"]\nfail-on = "warning"\n')
    assert run_inprocess(
        ["check", "--select", "QA201", "errors.txt"], cwd=project, expect=1
    ).codes() == ["QA201"]
    assert run_inprocess(
        ["check", "--select", "QA304", "seed.txt"], cwd=project, expect=1
    ).codes() == ["QA304"]
    assert run_inprocess(
        ["check", "--select", "QA304", "--fail-on", "error", "seed.txt"], cwd=project, expect=0
    ).codes() == ["QA304"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("nope.toml", "--config nope.toml: bestaat niet (No such file or directory)"),
        (".", "--config .: is een map, geen configuratiebestand"),
        ("/dev/zero", "--config /dev/zero: is geen gewoon bestand"),
        (
            "loop.toml",
            "--config loop.toml: symbolische koppeling in een lus (Too many levels "
            "of symbolic links)",
        ),
        ("pyproject.toml", "pyproject.toml: bevat geen [tool.qalint]"),
    ],
)
def test_bad_config_flag(project: Path, target: str, message: str) -> None:
    """D10: --config missing, a folder, a device, a symlink loop, or without [tool.qalint]."""
    (project / "loop.toml").symlink_to("loop.toml")
    write(project / "pyproject.toml", "[tool.black]\n")
    result = run_inprocess(["check", "--config", target, "errors.txt"], cwd=project, expect=2)
    assert result.stderr == f"qalint: error: {message}\n" and result.stdout == ""


def test_config_flag_in_a_real_process_does_not_read_dev_zero(project: Path) -> None:
    """D10: --config /dev/zero ends at once, in a real process."""
    result = run_qalint(
        ["check", "--config", "/dev/zero", "errors.txt"], cwd=project, expect=2, timeout=10
    )
    assert result.stderr == "qalint: error: --config /dev/zero: is geen gewoon bestand\n"


# -- what the settings do --------------------------------------------------------------------


def test_per_file_ignores_by_glob_relative_to_the_configuration(project: Path) -> None:
    write(
        project / "rules.toml",
        '[per-file-ignores]\n"drafts/*.txt" = ["QA103", "date-order"]\n"b*.md" = ["QA2"]\n',
    )
    for name in ("drafts/a.txt", "other/a.txt", "other/b.md"):
        (project / name).parent.mkdir(exist_ok=True)
        shutil.copy(project / "errors.txt", project / name)
    result = run_inprocess(["check", "drafts", "other"], cwd=project, expect=1)
    by_file: dict[str, list[str]] = {}
    for path, _, _, code in result.findings():
        by_file.setdefault(path, []).append(code)
    assert by_file == {
        "drafts/a.txt": ["QA105", "QA201"],
        "other/a.txt": ERROR_CODES,
        "other/b.md": ["QA303", "QA103", "QA105"],
    }
    # Run from inside the folder: the globs stay relative to rules.toml.
    inside = run_inprocess(["check", "a.txt"], cwd=project / "drafts", expect=1)
    assert inside.codes() == ["QA105", "QA201"]


def test_per_file_ignores_cannot_hide_unreadable_input(project: Path) -> None:
    """D06, H01: per-file-ignores cannot switch off QA001, so exit 2 stays."""
    write(project / "rules.toml", '[per-file-ignores]\n"*.txt" = ["QA0"]\n')
    write(project / "bad.txt", b"Vraag 1\n\xff\n")
    assert run_inprocess(["check", "bad.txt"], cwd=project, expect=2).codes() == ["QA001"]


@pytest.mark.parametrize(
    ("content", "expect", "severities"),
    [
        ('[severity]\nQA304 = "error"\n', 1, ["error"]),
        ('[severity]\nlate-answer = "info"\n', 0, ["info"]),
        ('fail-on = "info"\n[severity]\nlate-answer = "info"\n', 1, ["info"]),
        ('fail-on = "error"\n[severity]\nQA3 = "error"\n', 1, ["error"]),
    ],
)
def test_severity_overrides_change_the_exit_code(
    project: Path, content: str, expect: int, severities: list[str]
) -> None:
    write(project / "rules.toml", content)
    result = run_inprocess(["check", "--format", "json", "seed.txt"], cwd=project, expect=expect)
    assert [d["severity"] for d in result.json()["diagnostics"]] == severities


def test_errors_downgraded_to_warnings_exit_0(project: Path) -> None:
    write(project / "rules.toml", '[severity]\nQA1 = "warning"\nQA2 = "warning"\nQA3 = "warning"\n')
    result = run_inprocess(["check", "errors.txt"], cwd=project, expect=0)
    assert result.codes() == ERROR_CODES
    assert all("[warning]" in line for line in result.lines)
    run_inprocess(["check", "--fail-on", "warning", "errors.txt"], cwd=project, expect=1)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            "",
            "antwoord na 27 dagen zonder verwijzing naar een uitstelbericht; de "
            "termijn is 21 dagen",
        ),
        (
            "deadline-days = 26\n",
            "antwoord na 27 dagen zonder verwijzing naar een uitstelbericht; de "
            "termijn is 26 dagen",
        ),
        ("deadline-days = 27\n", None),
        ("deadline-days = 30\n", None),
        (
            "deadline-days = 10\nextended-deadline-days = 20\n",
            "antwoord na 27 dagen; ook met uitstel is de termijn 20 dagen",
        ),
    ],
)
def test_deadline_days_decides_whether_the_2014_answer_is_late(
    project: Path, options: str, message: str | None
) -> None:
    # Questions 3 June 2014, answer 30 June 2014: 27 days.
    write(project / "rules.toml", f'fail-on = "warning"\n[rules.QA304]\n{options}')
    result = run_inprocess(
        ["check", "--format", "json", "seed.txt"], cwd=project, expect=0 if message is None else 1
    )
    assert [d["message"] for d in result.json()["diagnostics"]] == ([message] if message else [])


def test_encoding_in_the_configuration(project: Path) -> None:
    """A06: `encoding` in the configuration, like --encoding."""
    write(project / "cp.txt", SEED.read_text(encoding="utf-8").encode("cp1252"))
    assert run_inprocess(["check", "cp.txt"], cwd=project, expect=2).codes() == ["QA001"]
    write(project / "rules.toml", 'encoding = "cp1252"\n')
    assert run_inprocess(["check", "cp.txt"], cwd=project, expect=0).findings() == [
        ("cp.txt", 6, 23, "QA304")
    ]


def dots(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def test_max_file_size_and_exclude(project: Path) -> None:
    """A17: max-file-size from the configuration gives QA002; exclude skips a folder."""
    write(project / "rules.toml", 'max-file-size = 1000\nexclude = ["archief/*"]\n')
    (project / "archief").mkdir()
    shutil.copy(project / "errors.txt", project / "archief" / "x.txt")
    result = run_inprocess(["check", "--format", "json", "."], cwd=project, expect=2)
    data = result.json()
    assert [f["path"] for f in data["files"]] == ["errors.txt", "seed.txt"]
    assert [(d["path"], d["code"], d["message"]) for d in data["diagnostics"]] == [
        (
            name,
            "QA002",
            f"bestand is {dots((project / name).stat().st_size)} bytes; "
            "de grens is 1.000 (max-file-size)",
        )
        for name in ("errors.txt", "seed.txt")
    ]
