"""The catalogue of bad inputs (ROBUSTNESS.md §2.1, §2.2, §2.6, §2.7), case by case.

IDs in the test names refer to the catalogue. Real processes where the process
matters (pipes, file descriptors, encodings, file-name bytes, hash seeds); the
rest in-process.
"""

from __future__ import annotations

import errno
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_helpers import (
    CORPUS,
    EXAMPLES,
    SEED,
    TEXT_LINE,
    check_stderr,
    check_stdout,
    run_inprocess,
    run_qalint,
)

HEADER = (
    "Vragen van het lid Kathmann (GroenLinks-PvdA) aan de Staatssecretaris van "
    "Binnenlandse Zaken over het ontslag (ingezonden 16 oktober 2024).\n\n"
    "Antwoord van Staatssecretaris Szabó (Binnenlandse Zaken) (ontvangen 21 oktober 2024).\n\n"
)
ERRORS_TEXT = (EXAMPLES / "with-errors.txt").read_text(encoding="utf-8")
SEED_TEXT = SEED.read_text(encoding="utf-8")
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def lines_of(text: str) -> list[str]:
    """qalint's line model, written out independently: only \\n, \\r\\n and \\r break."""
    return LINE_BREAK.split(text)


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (code points) of ``text[index]``."""
    before = lines_of(text[:index])
    return len(before), len(before[-1]) + 1


def positions(result_json: dict) -> list[tuple[int, int, int, int, str, str]]:
    return [
        (d["line"], d["column"], d["end_line"], d["end_column"], d["code"], d["message"])
        for d in result_json["diagnostics"]
    ]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLES / "with-errors.txt", tmp_path / "errors.txt")
    return tmp_path


def report(folder: Path, *names: str, expect: int, flags: tuple[str, ...] = ()) -> dict:
    return run_inprocess(
        ["check", "--format", "json", *flags, *names], cwd=folder, expect=expect
    ).json()


# -- §2.1 bytes, encodings, line model ---------------------------------------------------------


def test_a01_empty_file(work: Path) -> None:
    (work / "empty.txt").write_bytes(b"")
    text = run_qalint(["check", "empty.txt"], cwd=work, expect=1)
    assert text.stdout == "empty.txt:1:1: QA003 [error] leeg document\n"
    data = report(work, "empty.txt", expect=1)
    assert [(d["line"], d["column"], d["code"]) for d in data["diagnostics"]] == [(1, 1, "QA003")]


@pytest.mark.parametrize("content", [b" ", b"\n", b"\n\n\n", b"\f", b"\f\n\f", b" \t\r\n\x0c  \r"])
def test_a02_only_whitespace_or_form_feeds(work: Path, content: bytes) -> None:
    (work / "ws.txt").write_bytes(content)
    result = run_inprocess(["check", "ws.txt"], cwd=work, expect=1)
    assert result.findings() == [("ws.txt", 1, 1, "QA003")]


def test_a03_a11_binary_files_are_skipped_and_the_others_checked(work: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    noise = random.Random(7).randbytes(64 * 1024)
    pdf = next((CORPUS / "pdf").glob("*.pdf")).read_bytes()
    text_with_nul = ERRORS_TEXT.encode("utf-8").replace(b"Ja.", b"J\x00a.")
    for name, data in [
        ("a.png.txt", png),
        ("noise.txt", noise),
        ("doc.pdf", pdf),
        ("nul.txt", text_with_nul),
    ]:
        (work / name).write_bytes(data)
    result = run_qalint(
        ["check", "a.png.txt", "noise.txt", "doc.pdf", "nul.txt", "errors.txt"], cwd=work, expect=2
    )
    expected = []
    for name in ("a.png.txt", "doc.pdf", "noise.txt", "nul.txt"):
        data = (work / name).read_bytes()
        nul = data.find(b"\x00")
        before = lines_of(data[:nul].decode("utf-8", errors="replace"))
        line, column = len(before), len(before[-1]) + 1
        expected.append(
            f"{name}:{line}:{column}: QA001 [error] geen tekstbestand (NUL-byte op byte {nul})"
        )
    lines = result.lines
    assert [line for line in lines if "QA001" in line] == expected
    assert [code for *_, code in result.findings()].count("QA303") == 1  # errors.txt checked
    # Nothing non-printable from the files reaches the terminal.
    assert all(line.isprintable() for line in lines)


def test_a04_utf8_bom_is_not_a_column(work: Path) -> None:
    text = (
        HEADER.replace("16 oktober 2024", "31 februari 2024") + "Vraag 1\nWat?\n\nAntwoord 1\nJa.\n"
    )
    (work / "plain.txt").write_bytes(text.encode("utf-8"))
    (work / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    plain, bom = report(work, "plain.txt", expect=1), report(work, "bom.txt", expect=1)
    assert positions(plain) == positions(bom)
    assert positions(bom)[0][:2] == position(text, text.index("(ingezonden"))
    model = run_inprocess(["parse", "bom.txt"], cwd=work, expect=0).json()
    assert model["header"]["question_header"]["span"]["column"] == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a05_utf16_with_bom_reads_like_utf8(work: Path, encoding: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    (work / "wide.txt").write_bytes(bom + ERRORS_TEXT.encode(encoding))
    assert positions(report(work, "wide.txt", expect=1)) == positions(
        report(work, "errors.txt", expect=1)
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a05_utf16_without_bom_is_recognised(work: Path, encoding: str) -> None:
    (work / "wide.txt").write_bytes(ERRORS_TEXT.encode(encoding))
    result = run_inprocess(["check", "wide.txt", "errors.txt"], cwd=work, expect=2)
    assert result.lines[-1] == (
        "wide.txt:1:1: QA001 [error] lijkt UTF-16 zonder BOM; sla het bestand op als UTF-8"
    )
    assert len(result.lines) == 5  # errors.txt still checked


def test_a06_cp1252_is_never_guessed(work: Path) -> None:
    (work / "utf8.txt").write_text(SEED_TEXT, encoding="utf-8")
    (work / "cp.txt").write_bytes(SEED_TEXT.encode("cp1252"))
    first = next(i for i, char in enumerate(SEED_TEXT) if ord(char) > 0x7F)
    line, column = position(SEED_TEXT, first)
    byte = SEED_TEXT[first].encode("cp1252")[0]
    result = run_qalint(["check", "cp.txt"], cwd=work, expect=2)
    assert result.stdout == (
        f"cp.txt:{line}:{column}: QA001 [error] geen geldige UTF-8 "
        f"(byte 0x{byte:02X}); is dit Windows-1252? Gebruik dan "
        "--encoding cp1252\n"
    )
    assert positions(report(work, "cp.txt", expect=0, flags=("--encoding", "cp1252"))) == positions(
        report(work, "utf8.txt", expect=0)
    )


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        (
            b"regel\n" * 499 + b"abc\xffdef\n",
            (500, 4),
            "geen geldige UTF-8 (byte 0xFF); is dit Windows-1252? Gebruik dan --encoding cp1252",
        ),
        (
            b"Vraag 1\r\nabc \xc3",
            (2, 5),
            "geen geldige UTF-8 (byte 0xC3); het laatste teken is afgebroken",
        ),
        (
            b"Vraag 1\nab\xed\xa0\x80\n",
            (2, 3),
            "geen geldige UTF-8 (byte 0xED); is dit Windows-1252? Gebruik dan --encoding cp1252",
        ),
        (
            b"Vraag 1\n\xc3\xa9\xc0\xaf\n",
            (2, 2),
            "geen geldige UTF-8 (byte 0xC0); is dit Windows-1252? Gebruik dan --encoding cp1252",
        ),
        # 0x81 means nothing in cp1252 either, so no hint that would mislead.
        (b"Vraag 1\n\x81\n", (2, 1), "geen geldige UTF-8 (byte 0x81)"),
    ],
    ids=["line-500", "truncated-at-eof", "cesu-surrogate", "overlong", "undefined-in-cp1252"],
)
def test_a07_invalid_bytes_are_placed_exactly(
    work: Path, data: bytes, where: tuple[int, int], message: str
) -> None:
    (work / "bad.txt").write_bytes(data)
    result = run_inprocess(["check", "bad.txt", "errors.txt"], cwd=work, expect=2)
    assert result.lines[0] == f"bad.txt:{where[0]}:{where[1]}: QA001 [error] {message}"
    assert len(result.lines) == 5


@pytest.mark.parametrize("newline", ["\r\n", "\r", "mixed"])
def test_a08_a09_crlf_and_cr_give_the_same_positions_as_lf(work: Path, newline: str) -> None:
    if newline == "mixed":
        parts = ERRORS_TEXT.split("\n")
        # "\r" is always followed by "\r\n", so no "\r" + "\n" pair merges into one break.
        converted = "".join(part + ("\r", "\r\n", "\n")[i % 3] for i, part in enumerate(parts[:-1]))
        converted += parts[-1]
    else:
        converted = ERRORS_TEXT.replace("\n", newline)
    (work / "other.txt").write_bytes(converted.encode("utf-8"))
    assert positions(report(work, "other.txt", expect=1)) == positions(
        report(work, "errors.txt", expect=1)
    )


FORM_FEED_FILES = sorted(p.name for p in CORPUS.glob("*.txt") if b"\f" in p.read_bytes())
HEADING = re.compile(r"^\f*(Vraag|Antwoord) [0-9][0-9, ]*(?:(?:en|t/m) [0-9]+)?$")


def test_the_corpus_has_the_documented_form_feed_files() -> None:
    """A10: the 22 real documents with form feeds the catalogue counts."""
    assert len(FORM_FEED_FILES) == 22


@pytest.mark.parametrize("name", FORM_FEED_FILES)
def test_a10_headings_after_form_feeds_are_on_their_grep_line(name: str) -> None:
    from qalint.app import run_parse

    data = (CORPUS / name).read_bytes()
    lines = lines_of(data.decode("utf-8-sig"))
    stream = io.StringIO()
    run_parse(str(CORPUS / name), "json", None, stream)
    model = json.loads(stream.getvalue())
    reported = set()
    for block in model["questions"] + model["answers"]:
        span = block["label_span"]
        assert span["line"] == span["end_line"]
        text = lines[span["line"] - 1][span["column"] - 1 : span["end_column"] - 1]
        assert text == block["label"], (span, block["label"])
        reported.add(span["line"])
    # Every heading grep finds is one the parser reports, on the same line.
    found = {number for number, line in enumerate(lines, start=1) if HEADING.match(line)}
    assert found <= reported, sorted(found - reported)


def test_a10_parse_on_the_command_line_matches(tmp_path: Path) -> None:
    from qalint.app import run_parse

    name = FORM_FEED_FILES[0]
    shutil.copy(CORPUS / name, tmp_path / name)
    stream = io.StringIO()
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        run_parse(name, "json", None, stream)
    finally:
        os.chdir(old)
    assert run_qalint(
        ["parse", name, "--format", "json"], cwd=tmp_path, expect=0
    ).json() == json.loads(stream.getvalue())


@pytest.mark.parametrize("char", ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_a10_other_separators_do_not_start_a_line(work: Path, char: str) -> None:
    text = (
        HEADER
        + f"Vraag 1\nWat{char}is dit?{char}\n\n{char}Antwoord 1\nJa.{char}\n\nAntwoord 9\nJa.\n"
    )
    (work / "sep.txt").write_bytes(text.encode("utf-8"))
    result = run_inprocess(["check", "--select", "QA104", "sep.txt"], cwd=work, expect=1)
    assert result.findings() == [("sep.txt", *position(text, text.index("Antwoord 9")), "QA104")]


def test_a12_no_final_newline(work: Path) -> None:
    text = HEADER + "Vraag 1\nWat?\n\nAntwoord 1\nJa.\n\nAntwoord 2"
    (work / "last.txt").write_bytes(text.encode("utf-8"))
    result = run_inprocess(["check", "--select", "QA104", "last.txt"], cwd=work, expect=1)
    assert result.findings() == [("last.txt", len(lines_of(text)), 1, "QA104")]
    (work / "stripped.txt").write_bytes(ERRORS_TEXT.rstrip("\n").encode("utf-8"))
    assert positions(report(work, "stripped.txt", expect=1)) == positions(
        report(work, "errors.txt", expect=1)
    )


def test_a13_nbsp_headings_are_recognised(work: Path) -> None:
    text = ERRORS_TEXT.replace("Vraag 1\n", "Vraag\xa01\n").replace(
        "Antwoord 3\n", "Antwoord\xa03\n"
    )
    (work / "nbsp.txt").write_bytes(text.encode("utf-8"))
    assert positions(report(work, "nbsp.txt", expect=1)) == positions(
        report(work, "errors.txt", expect=1)
    )


@pytest.mark.parametrize("char", ["\u00ad", "\u200b", "\ufeff", "\u202e", "e\u0308"])
def test_a13_a14_invisible_and_combining_characters(work: Path, char: str) -> None:
    text = ERRORS_TEXT.replace("Ja.", f"J{char}a.").replace("Er is contact", f"Er{char} is contact")
    (work / "odd.txt").write_bytes(text.encode("utf-8"))
    assert [p[4] for p in positions(report(work, "odd.txt", expect=1))] == [
        "QA303",
        "QA103",
        "QA105",
        "QA201",
    ]


def test_a14_columns_count_code_points(work: Path) -> None:
    # An emoji outside the BMP (two UTF-16 units, four UTF-8 bytes) is one column.
    text = ERRORS_TEXT.replace("Ik deel de wens", "\U0001f600 Ik deel de wens")
    (work / "emoji.txt").write_bytes(text.encode("utf-8"))
    found = [p for p in positions(report(work, "emoji.txt", expect=1)) if p[4] == "QA201"]
    assert found[0][:2] == (28, 73 + 2)


def test_a17_file_over_the_limit_is_not_read(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = work / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)  # sparse: instant to make
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        reads.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    result = run_inprocess(["check", "big.txt", "errors.txt"], cwd=work, expect=2)
    assert result.lines[0] == (
        "big.txt:1:1: QA002 [error] bestand is 6.291.456 bytes; "
        "de grens is 5.242.880 (max-file-size)"
    )
    assert sum(reads) < 64 * 1024, "the big file must be rejected before it is read"


def test_a17_fifty_megabytes_are_rejected_quickly(work: Path) -> None:
    with (work / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    result = run_qalint(["check", "huge.txt"], cwd=work, expect=2, timeout=10)
    assert time.monotonic() - started < 5
    assert result.stdout == (
        "huge.txt:1:1: QA002 [error] bestand is 52.428.800 bytes; "
        "de grens is 5.242.880 (max-file-size)\n"
    )


@pytest.mark.parametrize("size", [101, 100_000])
def test_a17_stdin_over_the_limit(work: Path, size: int) -> None:
    """A17, F10: stdin over max-file-size is QA002; only the limit is named, as stdin
    is read no further than one byte past it."""
    (work / "rules.toml").write_text("max-file-size = 100\n", encoding="utf-8")
    result = run_inprocess(
        ["check", "--stdin-filename", "x.txt", "-"], input="x" * size, cwd=work, expect=2
    )
    assert result.stdout == (
        "x.txt:1:1: QA002 [error] invoer is groter dan de grens van 100 bytes (max-file-size)\n"
    )
    assert run_inprocess(["check", "-"], input="", cwd=work, expect=1).codes() == ["QA003"]


# -- §2.2 document structure: no crash, no QA000, linear time -------------------------------

B_CASES = {
    "b01-no-questions": HEADER,
    "b02-zero-and-leading-zeros": HEADER + "Vraag 0\nA?\n\nVraag 007\nB?\n\nAntwoord 0\nJa.\n",
    "b02-number-too-large": HEADER + "Vraag 99999999999\nA?\n\nAntwoord 99999999999\nJa.\n",
    "b03-5000-digits": HEADER + "Vraag " + "1" * 5000 + "\nA?\n\nAntwoord 1\nJa.\n",
    "b04-foreign-digits": HEADER
    + "Vraag ١٢\nA?\n\nVraag \uff15\nB?\n\nVraag ²\nC?\n\nVraag 1e3\nD?\n",
    "b05-huge-range": HEADER + "Vraag 1 t/m 1000000\nA?\n\nAntwoord 1 tot en met 1000000000\nJa.\n",
    "b06-5000-numbers": HEADER + "Vraag " + ", ".join(map(str, range(1, 5001))) + "\nA?\n",
    "b07-duplicates-and-gaps": HEADER
    + "Vraag 1\nA?\n\nVraag 1\nB?\n\nVraag 3\nC?\n\nAntwoord 4\nJa.\n",
    "b08-reference-chain": HEADER
    + "".join(
        f"Vraag {i}\nA?\n\nAntwoord {i}\nZie het antwoord op vraag {i + 1}.\n\n"
        for i in range(1, 2001)
    ),
    "b09-impossible-dates": HEADER.replace("16 oktober 2024", "31 februari 2014").replace(
        "21 oktober 2024", "1 januari 99999"
    )
    + "Vraag 1\nA?\n\nAntwoord 1\nJa.\n",
    "b10-long-party-and-parentheses": "Vragen van het lid X ("
    + "P" * 10_000
    + ") over "
    + "(" * 100_000
    + " (ingezonden 3 juni 2014).\n\n"
    + HEADER * 1000,
    "b11-huge-footnote-marker": HEADER + "Vraag 1\nWat?" + "9" * 5000 + "\n\nAntwoord 1\nJa.\n",
}


@pytest.mark.parametrize("name", sorted(B_CASES))
def test_b_structure_pathologies(work: Path, name: str) -> None:
    """B01, B02, B03, B04, B05, B06, B07, B08, B09, B10, B11: each pathological structure (the
    B_CASES key names its id) is checked without a crash, a QA000 or an unbounded message, in
    bounded time."""
    (work / f"{name}.txt").write_text(B_CASES[name], encoding="utf-8")
    started = time.monotonic()
    # The contract here is "no crash": whether a rule fires is the rules' business.
    result = run_inprocess(["check", "--format", "json", f"{name}.txt"], cwd=work, expect=(0, 1))
    assert time.monotonic() - started < 3
    data = result.json()
    assert "QA000" not in {d["code"] for d in data["diagnostics"]}
    assert all(len(d["message"]) <= 501 for d in data["diagnostics"])


@pytest.mark.parametrize(
    "text",
    [HEADER.split("\n")[0] + "\n", "Antwoord 1\nJa.\n\nAntwoord 2\nNee.\n"],
    ids=["only-a-header", "only-answers"],
)
def test_b01_documents_without_questions_get_a_finding(work: Path, text: str) -> None:
    """B01: a header alone, or answers alone, is a finding (exit 1)."""
    (work / "b01.txt").write_text(text, encoding="utf-8")
    run_inprocess(["check", "b01.txt"], cwd=work, expect=1)


# -- §2.6 files, paths, processes --------------------------------------------------------------


def test_f01_f06_fifo_and_devices_named_explicitly_do_not_hang(work: Path) -> None:
    os.mkfifo(work / "pipe.txt")
    result = run_qalint(
        ["check", "pipe.txt", "/dev/zero", "/dev/urandom", "errors.txt"],
        cwd=work,
        expect=2,
        timeout=10,
    )
    failures = [line for line in result.lines if "QA001" in line]
    assert failures == [
        f"{name}:1:1: QA001 [error] geen gewoon bestand (een map, apparaat of pipe)"
        for name in ("/dev/urandom", "/dev/zero", "pipe.txt")
    ]
    assert len(result.lines) == 7


def test_f02_directory_walk_dedup_and_explicit_files(work: Path) -> None:
    """F02, F09: a walk uses the extensions and skips hidden folders; a file named explicitly is
    always checked; the same file named twice, as ./x, or through a symlink is checked once;
    argument order changes nothing."""
    (work / "d" / "sub").mkdir(parents=True)
    shutil.copy(SEED, work / "d" / "b.txt")
    shutil.copy(EXAMPLES / "with-errors.txt", work / "d" / "sub" / "c.md")
    (work / "d" / "notes.rtf").write_text("not a draft", encoding="utf-8")
    (work / "d" / ".hidden").mkdir()
    shutil.copy(SEED, work / "d" / ".hidden" / "x.txt")
    (work / "d" / "a-link.txt").symlink_to("b.txt")
    (work / "explicit.rtf").write_text("Vraag 1\nWat?\n\nAntwoord 2\nJa.\n", encoding="utf-8")
    args = [
        "check",
        "--format",
        "json",
        "d",
        "d/b.txt",
        "./d/b.txt",
        "d/a-link.txt",
        "explicit.rtf",
    ]
    data = run_inprocess(args, cwd=work, expect=1).json()
    assert [f["path"] for f in data["files"]] == ["d/b.txt", "d/sub/c.md", "explicit.rtf"]
    reversed_data = run_inprocess(
        ["check", "--format", "json", *args[3:][::-1]], cwd=work, expect=1
    ).json()
    assert reversed_data == data


def test_f02_a_hard_link_is_the_same_file(work: Path) -> None:
    """F02, F09: two hard links to one file are one file."""
    (work / "d").mkdir()
    shutil.copy(EXAMPLES / "with-errors.txt", work / "d" / "b.txt")
    os.link(work / "d" / "b.txt", work / "d" / "a.txt")
    data = run_inprocess(["check", "--format", "json", "d"], cwd=work, expect=1).json()
    assert [f["path"] for f in data["files"]] == ["d/a.txt"]


def test_f02_a_link_to_a_folder_is_not_followed_whatever_its_name(work: Path) -> None:
    (work / "d" / "real").mkdir(parents=True)
    shutil.copy(EXAMPLES / "with-errors.txt", work / "d" / "real" / "b.txt")
    (work / "d" / "link.txt").symlink_to("real")
    (work / "d" / "link").symlink_to("real")
    result = run_inprocess(["check", "--format", "json", "d"], cwd=work, expect=1)
    assert [f["path"] for f in result.json()["files"]] == ["d/real/b.txt"]
    assert result.stderr == ""


def test_f02_empty_directory_gives_a_warning(work: Path) -> None:
    (work / "empty").mkdir()
    result = run_inprocess(["check", "empty"], cwd=work, expect=0, strict_stderr=True)
    assert result.stdout == ""
    assert result.stderr == (
        "qalint: waarschuwing: empty: geen bestanden met de extensies "
        ".txt, .md, .markdown gevonden\n"
    )


def test_f03_f04_symlink_loops_and_dangling_links_in_a_walk(work: Path) -> None:
    (work / "d" / "a").mkdir(parents=True)
    shutil.copy(EXAMPLES / "with-errors.txt", work / "d" / "a" / "x.txt")
    (work / "d" / "a" / "up").symlink_to("..")
    (work / "d" / "self.txt").symlink_to("self.txt")
    (work / "d" / "dangling.txt").symlink_to("nowhere.txt")
    result = run_qalint(["check", "d"], cwd=work, expect=1, timeout=10)
    assert [path for path, *_ in result.findings()] == ["d/a/x.txt"] * 4
    assert result.stderr.splitlines() == [
        "qalint: waarschuwing: d/dangling.txt: overgeslagen: symbolische koppeling naar een "
        "bestand dat niet bestaat",
        "qalint: waarschuwing: d/self.txt: overgeslagen: symbolische koppeling in een lus",
    ]


def test_f03_f04_bad_links_named_explicitly_are_qa001(work: Path) -> None:
    (work / "self.txt").symlink_to("self.txt")
    (work / "dangling.txt").symlink_to("nowhere.txt")
    result = run_inprocess(["check", "self.txt", "dangling.txt", "errors.txt"], cwd=work, expect=2)
    assert [line for line in result.lines if "QA001" in line] == [
        "dangling.txt:1:1: QA001 [error] symbolische koppeling naar een bestand dat niet bestaat",
        "self.txt:1:1: QA001 [error] symbolische koppeling in een lus",
    ]


@pytest.mark.parametrize(
    ("where", "error", "message"),
    [
        (
            "file",
            PermissionError(errno.EACCES, "Permission denied"),
            "locked.txt:1:1: QA001 [error] geen leesrechten (Permission denied)",
        ),
        (
            "file",
            FileNotFoundError(errno.ENOENT, "No such file or directory"),
            "locked.txt:1:1: QA001 [error] bestaat niet (No such file or directory)",
        ),
        (
            "file",
            OSError(errno.EIO, "Input/output error"),
            "locked.txt:1:1: QA001 [error] Input/output error",
        ),
        (
            "folder",
            PermissionError(errno.EACCES, "Permission denied"),
            "locked:1:1: QA001 [error] map niet leesbaar: geen leesrechten (Permission denied)",
        ),
    ],
)
def test_f05_f19_unreadable_files_and_folders(
    work: Path, monkeypatch: pytest.MonkeyPatch, where: str, error: OSError, message: str
) -> None:
    # CI runs as root, where chmod 000 changes nothing: the fault is injected instead.
    shutil.copy(SEED, work / "locked.txt")
    (work / "locked").mkdir()
    shutil.copy(SEED, work / "locked" / "x.txt")
    real_open, real_scandir = os.open, os.scandir

    def fake_open(path: str, flags: int, *args: int) -> int:
        if os.fspath(path).endswith("locked.txt"):
            raise error
        return real_open(path, flags, *args)

    def fake_scandir(path: str = ".") -> object:
        if os.fspath(path).endswith("locked"):
            raise type(error)(error.errno, error.strerror, os.fspath(path))
        return real_scandir(path)

    def fake_access(path: str, mode: int, *args: object, **kwargs: object) -> bool:
        # What os.access says of such a file to a user other than root.
        return not os.fspath(path).endswith(("locked.txt", "locked"))

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "access", fake_access)
    target = "locked.txt" if where == "file" else "locked"
    result = run_inprocess(["check", target, "errors.txt"], cwd=work, expect=2)
    assert message in result.lines
    assert len(result.lines) == 5


def test_f07_awkward_file_names(work: Path) -> None:
    names = ["with space.txt", "new\nline.txt", "-x.txt", "--select=QA000.txt", "tab\t.txt"]
    for name in names:
        shutil.copy(SEED, work / name)
    result = run_qalint(["check", "--", *names], cwd=work, expect=0)
    assert [path for path, *_ in result.findings()] == sorted(
        ["with space.txt", "new\\nline.txt", "-x.txt", "--select=QA000.txt", "tab\\t.txt"]
    )
    data = run_inprocess(["check", "--format", "json", "--", *names], cwd=work, expect=0).json()
    assert sorted(f["path"] for f in data["files"]) == sorted(names)


def test_f08_undecodable_file_name(work: Path) -> None:
    raw = os.fsencode(str(work)) + b"/vraag_\xff.txt"
    with open(raw, "wb") as handle:
        handle.write(ERRORS_TEXT.encode("utf-8"))
    text = run_qalint([b"check", b"vraag_\xff.txt"], cwd=work, expect=1)
    assert {path for path, *_ in text.findings()} == {"vraag_\\xff.txt"}
    data = run_qalint([b"check", b"--format", b"json", b"vraag_\xff.txt"], cwd=work, expect=1)
    assert {d["path"] for d in data.json()["diagnostics"]} == {"vraag_\\xff.txt"}
    data.stdout.encode("utf-8")  # no lone surrogates: any JSON reader accepts it


def test_f10_empty_binary_and_cp1252_stdin(work: Path) -> None:
    assert run_inprocess(["check", "-"], input=b"", cwd=work, expect=1).codes() == ["QA003"]
    binary = run_inprocess(["check", "-"], input=b"ab\x00cd", cwd=work, expect=2)
    assert binary.stdout == "-:1:3: QA001 [error] geen tekstbestand (NUL-byte op byte 2)\n"


def test_f11_ascii_stdout_does_not_crash(work: Path) -> None:
    env = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    text = run_qalint(["check", "errors.txt"], cwd=work, env=env, expect=1)
    assert "v\\xf3\\xf3r de datum" in text.stdout
    data = run_qalint(["check", "--format", "json", "errors.txt"], cwd=work, env=env, expect=1)
    assert "vóór" in data.json()["diagnostics"][0]["message"]
    rules = run_qalint(["rules", "--format", "json"], cwd=work, env=env, expect=0)
    assert rules.json()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_f12_full_disk_on_stdout(work: Path, fmt: str) -> None:
    with open("/dev/full", "w") as full:
        result = run_qalint(
            ["check", "--format", fmt, "errors.txt"], cwd=work, expect=2, stdout=full
        )
    assert (
        result.stderr == "qalint: error: kan de uitvoer niet schrijven: No space left on device\n"
    )


def test_f12_closed_stdout(work: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qalint", "check", "errors.txt"],
        cwd=work,
        capture_output=False,
        stderr=subprocess.PIPE,
        timeout=30,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2
    assert (
        done.stderr.decode() == "qalint: error: kan de uitvoer niet schrijven: stdout is gesloten\n"
    )


def test_f10_closed_stdin(work: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qalint", "check", "-", "errors.txt"],
        cwd=work,
        capture_output=True,
        timeout=30,
        preexec_fn=lambda: os.close(0),
    )
    check_stderr(["check"], done.stderr.decode())
    check_stdout(["check"], done.returncode, done.stdout.decode())
    assert done.returncode == 2
    assert done.stdout.decode().startswith("-:1:1: QA001 [error] kan stdin niet lezen: gesloten\n")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_f13_closed_pipe_like_head(work: Path, fmt: str) -> None:
    (work / "many.txt").write_text("Vraag 1\nWat?\n\n" * 5000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "qalint", "check", "--format", fmt, "many.txt"],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `head -1` does after its line
    try:
        code = process.wait(timeout=20)
    finally:
        process.kill()
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert first.strip()
    assert stderr == ""
    assert code == 2  # documented in README.md: the output could not be written


def test_g02_output_is_deterministic(work: Path) -> None:
    (work / "d").mkdir()
    for index, source in enumerate([SEED, EXAMPLES / "with-errors.txt", EXAMPLES / "correct.txt"]):
        shutil.copy(source, work / "d" / f"{'zyx'[index]}.txt")
    shutil.copy(SEED, work / "e.txt")
    args = ["d", "errors.txt", "e.txt", "nope.txt"]
    outputs = [
        run_qalint(
            ["check", "--format", "json", *order], cwd=work, env={"PYTHONHASHSEED": seed}, expect=2
        ).stdout
        for seed, order in [("0", args), ("1", args[::-1]), ("4242", args[1:] + args[:1])]
    ]
    assert outputs[0] == outputs[1] == outputs[2]
    assert str(work) not in outputs[0]  # relative paths, no temp folder


def test_g03_terminal_escapes_are_escaped_in_text_output(work: Path) -> None:
    evil = HEADER.replace("16 oktober 2024", "3 ju\x1b]0;pwned\x07\x1b[2J\u202eni 2014")
    (work / "evil.txt").write_text(evil + "Vraag 1\nWat?\n\nAntwoord 1\nJa.\n", encoding="utf-8")
    shutil.copy(SEED, work / "n\x1b[2Jame.txt")
    result = run_qalint(["check", "evil.txt", "n\x1b[2Jame.txt"], cwd=work, expect=1)
    assert (
        "\x1b" not in result.stdout
        and "\u202e" not in result.stdout
        and "\x07" not in result.stdout
    )
    assert "n\\x1b[2Jame.txt:6:23: QA304" in result.stdout
    assert "\\x1b" in result.lines[0]
    data = run_inprocess(["check", "--format", "json", "evil.txt"], cwd=work, expect=1).json()
    assert "\x1b" in data["diagnostics"][0]["message"]  # JSON holds the exact text


def test_g03_file_names_in_error_messages_are_escaped(work: Path) -> None:
    result = run_inprocess(["parse", "gone\x1b[2J.txt"], cwd=work, expect=2)
    assert "\x1b" not in result.stderr and "gone\\x1b[2J.txt" in result.stderr


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),
        ("rechts\u202elinks", "rechts\\u202elinks"),
        ("vraag_\udcff.txt", "vraag_\\xff.txt"),
        ("gecoördineerd \u2013 \u2018zo\u2019", "gecoördineerd \u2013 \u2018zo\u2019"),
    ],
)
def test_g03_escape_for_terminal(raw: str, shown: str) -> None:
    from qalint.formatters import escape_for_terminal, escape_surrogates

    assert escape_for_terminal(raw) == shown
    assert escape_surrogates(raw) == (shown if "\udcff" in raw else raw)


def test_d11_deleted_working_folder(work: Path) -> None:
    scratch = work / "gone"
    scratch.mkdir()
    target = str(work / "errors.txt")
    done = subprocess.run(
        [sys.executable, "-m", "qalint", "check", target],
        cwd=scratch,
        capture_output=True,
        timeout=30,
        preexec_fn=lambda: os.rmdir(scratch),
    )
    check_stderr(["check"], done.stderr.decode())
    check_stdout(["check"], done.returncode, done.stdout.decode())
    assert done.returncode == 1
    assert done.stdout.decode().startswith(f"{target}:6:1: QA303 ")


# -- §2.7 H03/H04: crashes become findings, never tracebacks -----------------------------------


def test_h03_a_crashing_builtin_rule_is_qa000_and_the_others_survive(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qalint.plugins import load_plugins

    rule = load_plugins(entry_points=()).rules["QA103"].cls

    def crash(self: object, doc: object) -> None:
        raise KeyError("x")

    monkeypatch.setattr(rule, "check", crash)
    result = run_inprocess(["check", "--exit-zero", "errors.txt"], cwd=work, expect=2)
    assert result.lines == [
        "errors.txt:1:1: QA000 [error] ingebouwde regel QA103 is gecrasht: KeyError: 'x'; "
        "meld dit alstublieft",
        "errors.txt:6:1: QA303 [error] ontvangen op 14 oktober 2024, vóór de datum van "
        "indienen (16 oktober 2024)",
        "errors.txt:20:10: QA105 [error] Antwoord 2 en 4 past niet bij de vragen ervoor: "
        "verwacht 2, 4 en 5",
        "errors.txt:28:73: QA201 [error] verwijzing naar vraag 7, maar die vraag bestaat niet",
    ]
    debug = run_inprocess(
        ["check", "--debug", "errors.txt"], cwd=work, expect=2, strict_stderr=False
    )
    assert "Traceback" in debug.stderr and "KeyError" in debug.stderr


def test_h03_a_rule_whose_constructor_raises_is_qa000_too(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qalint.plugins import load_plugins

    rule = load_plugins(entry_points=()).rules["QA105"].cls

    def broken_init(self: object, *args: object) -> None:
        raise KeyError("optie")

    monkeypatch.setattr(rule, "__init__", broken_init)
    result = run_inprocess(["check", "errors.txt"], cwd=work, expect=2)
    assert result.lines[0] == (
        "errors.txt:1:1: QA000 [error] ingebouwde regel QA105 is gecrasht bij het aanmaken: "
        "KeyError: 'optie'; meld dit alstublieft"
    )
    assert [code for *_, code in result.findings()] == ["QA000", "QA303", "QA103", "QA201"]


def test_h04_an_internal_error_is_a_message_not_a_traceback(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qalint.app

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("kapot")

    monkeypatch.setattr(qalint.app, "discover", broken)
    result = run_inprocess(["check", "errors.txt"], cwd=work, expect=2)
    assert result.stderr == (
        "qalint: error: interne fout: ValueError: kapot; meld dit "
        "alstublieft (met --debug voor details)\n"
    )
    debug = run_inprocess(
        ["check", "--debug", "errors.txt"], cwd=work, expect=2, strict_stderr=False
    )
    assert "Traceback" in debug.stderr


def test_an_unexpected_os_error_names_the_file_not_the_output(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """H02, H04: an OSError nobody expected names its file, without a traceback."""
    import qalint.app

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/drafts")

    monkeypatch.setattr(qalint.app, "discover", denied)
    result = run_inprocess(["check", "errors.txt"], cwd=work, expect=2)
    assert result.stderr == "qalint: error: /srv/drafts: geen leesrechten (Permission denied)\n"


def test_interrupt_exits_130(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F14, H01: Ctrl-C half-way is exit 130 and no partial report."""
    import qalint.runner

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(qalint.runner, "check_target", interrupted)
    result = run_inprocess(["check", "errors.txt"], cwd=work, expect=130)
    assert result.stdout == ""


def test_every_text_line_of_the_real_corpus_matches_the_grammar() -> None:
    """G01: every text line over the real corpus is in the grammar; no QA000."""
    result = run_inprocess(["check", str(CORPUS)], expect=1)
    assert result.lines and all(TEXT_LINE.match(line) for line in result.lines)
    assert "QA000" not in result.codes()
