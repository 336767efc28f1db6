"""The command line: exit codes, formats, selection flags, stdin and the sub-commands.

Real processes where the process matters (exit codes, stdin, stdout); the rest runs
``main()`` in-process through ``run_inprocess``, with the same global assertions.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from qalint import __version__
from tests.cli_helpers import EXAMPLES, SEED, run_inprocess, run_qalint, validate_report

#: The findings of examples/with-errors.txt, as README.md promises them.
ERRORS = [
    ("errors.txt", 6, 1, "QA303"),
    ("errors.txt", 15, 1, "QA103"),
    ("errors.txt", 20, 10, "QA105"),
    ("errors.txt", 28, 73, "QA201"),
]
SEED_LATE = [("seed.txt", 6, 23, "QA304")]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """clean.txt (no finding), errors.txt (four errors), seed.txt (one warning)."""
    folder = tmp_path_factory.mktemp("drafts")
    shutil.copy(EXAMPLES / "correct.txt", folder / "clean.txt")
    shutil.copy(EXAMPLES / "with-errors.txt", folder / "errors.txt")
    shutil.copy(SEED, folder / "seed.txt")
    return folder


# -- exit codes and formats, in real processes --------------------------------------------


def test_clean_draft_exits_0_in_text_and_json(drafts: Path) -> None:
    """H01: a clean draft exits 0 in text and JSON."""
    assert run_qalint(["check", "clean.txt"], cwd=drafts, expect=0).stdout == ""
    data = run_qalint(["check", "--format", "json", "clean.txt"], cwd=drafts, expect=0).json()
    assert data["diagnostics"] == []
    assert data["files"] == [
        {"path": "clean.txt", "kind": "answer", "checked": True, "diagnostics": 0}
    ]
    assert data["qalint_version"] == __version__


def test_draft_with_errors_exits_1_with_the_same_findings_in_text_and_json(drafts: Path) -> None:
    """G01, H01: findings exit 1 and are the same in text and JSON."""
    text = run_qalint(["check", "errors.txt"], cwd=drafts, expect=1)
    assert text.findings() == ERRORS
    data = run_qalint(["check", "errors.txt", "--format=json"], cwd=drafts, expect=1).json()
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in data["diagnostics"]] == ERRORS
    assert data["summary"] == {"error": 4, "warning": 0, "info": 0, "files": 1}
    assert all(d["url"].endswith(f"#{d['code'].lower()}-{d['name']}") for d in data["diagnostics"])


def test_exit_zero_turns_1_into_0_but_never_hides_2(drafts: Path) -> None:
    """H01: --exit-zero turns 1 into 0, never 2."""
    assert (
        run_qalint(["check", "--exit-zero", "errors.txt"], cwd=drafts, expect=0).findings()
        == ERRORS
    )
    result = run_qalint(["check", "--exit-zero", "errors.txt", "nope.txt"], cwd=drafts, expect=2)
    assert ("nope.txt", 1, 1, "QA001") in result.findings()


def test_missing_file_among_existing_files_still_checks_the_others(drafts: Path) -> None:
    """F01: a missing file is QA001; the others are checked; exit 2."""
    result = run_qalint(
        ["check", "--format", "json", "errors.txt", "nope.txt", "clean.txt"], cwd=drafts, expect=2
    )
    data = result.json()
    assert [f["path"] for f in data["files"]] == ["clean.txt", "errors.txt", "nope.txt"]
    assert [f["checked"] for f in data["files"]] == [True, True, False]
    missing = [d for d in data["diagnostics"] if d["path"] == "nope.txt"]
    assert [(d["code"], d["message"]) for d in missing] == [
        ("QA001", "bestand of map bestaat niet")
    ]
    assert len(data["diagnostics"]) == 5


def test_stdin_with_stdin_filename(drafts: Path) -> None:
    """F10: stdin, named by --stdin-filename or as '-'."""
    data = (drafts / "errors.txt").read_bytes()
    result = run_qalint(
        ["check", "--stdin-filename", "sub/concept.txt", "-"], input=data, cwd=drafts, expect=1
    )
    assert result.findings() == [("sub/concept.txt", *rest) for _, *rest in ERRORS]
    plain = run_qalint(["check", "-"], input=data, cwd=drafts, expect=1)
    assert plain.findings() == [("-", *rest) for _, *rest in ERRORS]
    as_json = run_qalint(
        ["check", "--format", "json", "--stdin-filename", "concept.txt", "-"],
        input=data,
        cwd=drafts,
        expect=1,
    ).json()
    assert {d["path"] for d in as_json["diagnostics"]} == {"concept.txt"}


def test_stdin_filename_picks_the_configuration_of_its_folder(drafts: Path, tmp_path: Path) -> None:
    """F10, D09: --stdin-filename decides which configuration applies."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "rules.toml").write_text('select = ["QA103"]\n', encoding="utf-8")
    data = (drafts / "errors.txt").read_bytes()
    inside = run_qalint(
        ["check", "--stdin-filename", "sub/x.txt", "-"], input=data, cwd=tmp_path, expect=1
    )
    assert inside.codes() == ["QA103"]
    outside = run_qalint(
        ["check", "--stdin-filename", "x.txt", "-"], input=data, cwd=tmp_path, expect=1
    )
    assert outside.codes() == ["QA303", "QA103", "QA105", "QA201"]


def test_stdin_is_decoded_like_a_file_not_by_the_locale(drafts: Path) -> None:
    """F10, A06: cp1252 stdin is decoded by the file policy, not the locale."""
    data = SEED.read_text(encoding="utf-8").encode("cp1252")
    result = run_qalint(
        ["check", "-"],
        input=data,
        cwd=drafts,
        expect=2,
        env={"LC_ALL": "C", "PYTHONIOENCODING": "latin-1"},
    )
    assert result.codes() == ["QA001"]
    assert "--encoding cp1252" in result.stdout
    fixed = run_qalint(["check", "--encoding", "cp1252", "-"], input=data, cwd=drafts, expect=0)
    assert fixed.findings() == [("-", 6, 23, "QA304")]


def test_version() -> None:
    result = run_qalint(["--version"], expect=0)
    assert result.stdout == f"qalint, versie {__version__}\n"


@pytest.mark.parametrize(
    "args",
    [["--help"], ["check", "--help"], ["rules", "-h"], ["parse", "--help"]],
    ids=["qalint", "check", "rules", "parse"],
)
def test_help_screens_are_in_dutch(args: list[str]) -> None:
    shown = run_qalint(args, expect=0).stdout
    assert shown.startswith("Gebruik: qalint") and "\nOpties:\n" in shown
    assert "Toon deze hulp en stop." in shown
    for english in ("Usage", "Options", "Commands", "Show this", "Show the", "[OPTIONS]"):
        assert english not in shown


def test_usage_errors_exit_2_with_a_qalint_message(drafts: Path) -> None:
    """H01, H02: usage errors exit 2 with a qalint: error: line."""
    result = run_qalint(["check", "--format", "xml", "clean.txt"], cwd=drafts, expect=2)
    assert result.stdout == ""
    assert result.stderr.startswith("qalint: error: ") and "xml" in result.stderr
    assert "qalint: error: " in run_inprocess(["check", "--bogus"], expect=2).stderr
    assert "nonsense" in run_inprocess(["nonsense"], expect=2).stderr


def test_no_arguments_shows_the_help_and_exits_2() -> None:
    result = run_inprocess([], expect=2, strict_stderr=False)
    assert "check" in result.stderr + result.stdout


# -- exit codes and selection, in-process -------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "expect"),
    [
        ([], 0),
        (["--fail-on", "error"], 0),
        (["--fail-on", "warning"], 1),
        (["--fail-on", "info"], 1),
        (["--fail-on", "warning", "--exit-zero"], 0),
    ],
)
def test_fail_on_decides_whether_a_warning_fails(
    drafts: Path, flags: list[str], expect: int
) -> None:
    result = run_inprocess(["check", *flags, "seed.txt"], cwd=drafts, expect=expect)
    assert result.findings() == SEED_LATE


@pytest.mark.parametrize(
    ("flags", "codes"),
    [
        (["--select", "QA103"], ["QA103"]),
        (["--select", "QA1"], ["QA103", "QA105"]),
        (["--select", "unanswered-question"], ["QA103"]),
        (["--select", "QA103,reference-to-missing-question"], ["QA103", "QA201"]),
        (["--select", "QA103", "--select", "QA3"], ["QA303", "QA103"]),
        (["--ignore", "QA1"], ["QA303", "QA201"]),
        (["--ignore", "date-order", "--ignore", "QA201"], ["QA103", "QA105"]),
        (["--select", "ALL", "--ignore", "QA105"], ["QA303", "QA103", "QA201"]),
        (["--select", "QA2", "--extend-select", "QA303"], ["QA303", "QA201"]),
        (["--select", "QA2", "--extend-select", "answer-group-mismatch"], ["QA105", "QA201"]),
        (["--select", "QA1", "--extend-select", "QA2", "--ignore", "QA103"], ["QA105", "QA201"]),
    ],
)
def test_select_ignore_extend_select_by_code_prefix_and_name(
    drafts: Path, flags: list[str], codes: list[str]
) -> None:
    assert run_inprocess(["check", *flags, "errors.txt"], cwd=drafts, expect=1).codes() == codes


def test_a_prefix_that_matches_no_rule_is_unknown(drafts: Path) -> None:
    result = run_inprocess(["check", "--select", "QA9", "errors.txt"], cwd=drafts, expect=2)
    assert result.stderr == "qalint: error: --select: onbekende regel 'QA9'\n"


def test_selecting_nothing_that_fires_exits_0(drafts: Path) -> None:
    flags = ["--select", "QA3", "--ignore", "QA303"]
    assert run_inprocess(["check", *flags, "errors.txt"], cwd=drafts, expect=0).stdout == ""


@pytest.mark.parametrize(
    ("flag", "value", "suggestion"),
    [
        ("--select", "QA1O3", "QA103"),
        ("--select", "qa103", "QA103"),
        ("--select", "unanswerd-question", "unanswered-question"),
        ("--ignore", "QA1O5", "QA105"),
        ("--extend-select", "date-ordr", "date-order"),
    ],
)
def test_unknown_rule_on_the_command_line_is_an_error_with_a_suggestion(
    drafts: Path, flag: str, value: str, suggestion: str
) -> None:
    """D06: an unknown rule on the command line, with a suggestion."""
    result = run_inprocess(["check", flag, value, "errors.txt"], cwd=drafts, expect=2)
    assert result.stdout == ""
    assert result.stderr == (
        f"qalint: error: {flag}: onbekende regel '{value}' (bedoelt u {suggestion}?)\n"
    )


def test_unknown_rule_without_a_close_match_has_no_suggestion(drafts: Path) -> None:
    result = run_inprocess(["check", "--select", "XYZ", "errors.txt"], cwd=drafts, expect=2)
    assert result.stderr == "qalint: error: --select: onbekende regel 'XYZ'\n"


def test_unknown_encoding_is_a_usage_error(drafts: Path) -> None:
    result = run_inprocess(["check", "--encoding", "rot13", "clean.txt"], cwd=drafts, expect=2)
    assert result.stderr == "qalint: error: --encoding: onbekende codering 'rot13'\n"


def test_core_findings_cannot_be_ignored(drafts: Path) -> None:
    """H01: QA001 cannot be ignored, so a partial check never exits 0."""
    result = run_inprocess(["check", "--ignore", "QA0", "nope.txt"], cwd=drafts, expect=2)
    assert result.codes() == ["QA001"]


def test_json_output_of_several_files_is_one_document(drafts: Path) -> None:
    result = run_inprocess(["check", "--format", "json", "."], cwd=drafts, expect=1)
    data = result.json()
    assert [f["path"] for f in data["files"]] == ["clean.txt", "errors.txt", "seed.txt"]
    assert data["summary"] == {"error": 4, "warning": 1, "info": 0, "files": 3}


# -- the other commands -------------------------------------------------------------------


def test_rules_in_three_formats() -> None:
    table = run_inprocess(["rules"], expect=0)
    assert table.lines[0].split() == ["code", "naam", "ernst", "samenvatting"]
    assert any(
        line.split()[:3] == ["QA103", "unanswered-question", "error"] for line in table.lines
    )
    markdown = run_inprocess(["rules", "--format", "markdown"], expect=0).stdout
    assert "## QA103 unanswered-question" in markdown
    data = run_inprocess(["rules", "--format", "json"], expect=0).json()
    codes = [item["code"] for item in data]
    assert codes == sorted(codes) and {"QA000", "QA001", "QA002", "QA103", "QA304"} <= set(codes)
    late = next(item for item in data if item["code"] == "QA304")
    assert late["options"] == {"deadline-days": 21, "extended-deadline-days": 42}
    assert len(table.lines) == len(data) + 1


@pytest.mark.parametrize("name", ["QA103", "qa103", "unanswered-question"])
def test_rule_shows_one_rules_documentation(name: str) -> None:
    result = run_inprocess(["rule", name], expect=0)
    assert result.lines[0].startswith("QA103 unanswered-question (error")
    assert "## Why is this bad?" in result.stdout and "## Use instead" in result.stdout


def test_unknown_rule_documentation_exits_2() -> None:
    result = run_qalint(["rule", "nonsense"], expect=2)
    assert result.stdout == ""
    assert result.stderr == (
        "qalint: error: onbekende regel 'nonsense'; 'qalint rules' toont ze allemaal\n"
    )


def test_parse_prints_the_document_model(drafts: Path) -> None:
    data = run_qalint(["parse", "errors.txt", "--format", "json"], cwd=drafts, expect=0).json()
    assert data["path"] == "errors.txt" and data["kind"] == "answer"
    assert [(q["label"], q["label_span"]["line"]) for q in data["questions"]] == [
        ("Vraag 1", 8),
        ("Vraag 2, 4 en 5", 15),
        ("Vraag 3", 24),
    ]
    assert [a["numbers"] for a in data["answers"]] == [[1], [2, 4], [3]]
    outline = run_inprocess(["parse", "--format", "text", "errors.txt"], cwd=drafts, expect=0)
    assert "Vraag 2, 4 en 5" in outline.stdout


@pytest.mark.parametrize(
    ("target", "message"),
    [("nope.txt", "nope.txt: bestaat niet"), ("/dev/zero", "/dev/zero: geen leesbaar")],
)
def test_parse_of_an_unreadable_file_exits_2(drafts: Path, target: str, message: str) -> None:
    result = run_inprocess(["parse", target], cwd=drafts, expect=2)
    assert result.stderr.startswith(f"qalint: error: {message}")


def test_parse_of_an_undecodable_file_names_the_position(tmp_path: Path) -> None:
    """A07, H02: qalint parse names file, line and column of a bad byte."""
    (tmp_path / "cp.txt").write_bytes("Vraag 1\nWat is gecoördineerd?\n".encode("cp1252"))
    result = run_inprocess(["parse", "cp.txt"], cwd=tmp_path, expect=2)
    assert result.stderr.startswith("qalint: error: cp.txt:2:12: geen geldige UTF-8 (byte 0xF6)")
    ok = run_inprocess(["parse", "--encoding", "cp1252", "cp.txt"], cwd=tmp_path, expect=0)
    assert [q["label"] for q in ok.json()["questions"]] == ["Vraag 1"]


def test_plugins_lists_the_builtins_with_their_version() -> None:
    result = run_inprocess(["plugins"], expect=0)
    rows = [line.split("\t") for line in result.lines]
    names = [row[0] for row in rows]
    assert {"qalint.core_rules", "qalint_plugins.numbering", "qalint_plugins.dates"} <= set(names)
    core = rows[names.index("qalint.core_rules")]
    assert core[1:] == [f"qalint {__version__}", "ingebouwd", "3 regels"]


def test_init_writes_a_configuration_that_qalint_accepts(drafts: Path, tmp_path: Path) -> None:
    result = run_inprocess(["init"], cwd=tmp_path, expect=0, changes=True)
    assert result.stdout == "rules.toml geschreven\n"
    written = (tmp_path / "rules.toml").read_bytes()
    shutil.copy(drafts / "errors.txt", tmp_path / "errors.txt")
    # Found by discovery and named with --config: the defaults, so the same findings.
    found = run_inprocess(["check", "errors.txt"], cwd=tmp_path, expect=1)
    named = run_inprocess(["check", "--config", "rules.toml", "errors.txt"], cwd=tmp_path, expect=1)
    assert found.codes() == named.codes() == ["QA303", "QA103", "QA105", "QA201"]

    (tmp_path / "rules.toml").write_text("# mine\n", encoding="utf-8")
    refused = run_inprocess(["init"], cwd=tmp_path, expect=2)
    assert refused.stderr == (
        "qalint: error: rules.toml bestaat al; gebruik --force om te overschrijven\n"
    )
    assert (tmp_path / "rules.toml").read_text(encoding="utf-8") == "# mine\n"
    run_inprocess(["init", "--force"], cwd=tmp_path, expect=0, changes=True)
    assert (tmp_path / "rules.toml").read_bytes() == written


def test_init_into_another_folder_and_onto_a_file(tmp_path: Path) -> None:
    result = run_inprocess(["init", "sub/dir"], cwd=tmp_path, expect=0, changes=True)
    assert result.stdout == "sub/dir/rules.toml geschreven\n"
    assert (tmp_path / "sub" / "dir" / "rules.toml").is_file()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    refused = run_inprocess(["init", "file.txt"], cwd=tmp_path, expect=2)
    assert refused.stderr.startswith("qalint: error: ") and "file.txt" in refused.stderr


def test_the_report_schema_rejects_broken_reports(drafts: Path) -> None:
    # The report schema itself is valid and rejects a broken report.
    """G01: the JSON schema the tests validate against rejects broken reports."""
    with pytest.raises(AssertionError):
        validate_report({"schema_version": 1})
    report = json.loads(
        run_inprocess(["check", "--format", "json", "seed.txt"], cwd=drafts, expect=0).stdout
    )
    report["diagnostics"][0]["line"] = 0
    with pytest.raises(AssertionError):
        validate_report(report)


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["check", "--format", "sarif", "x.txt"], "ongeldige waarde voor '--format'"),
        (["chek"], "onbekend commando 'chek'"),
        (["check", "--bogus"], "onbekende optie '--bogus'"),
        (["check", "--jobs"], "optie '--jobs' vraagt een waarde"),
        (["rule"], "argument 'CODE' ontbreekt"),
    ],
)
def test_click_usage_errors_are_dutch(args: list[str], dutch: str, tmp_path: Path) -> None:
    result = run_inprocess(args, cwd=tmp_path, expect=2)
    assert dutch in result.stderr
