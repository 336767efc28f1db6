"""The real corpus: every document is checked without a crash, and the findings at
warning level and above are exactly the reviewed ones in corpus_findings.txt, so any
change in behaviour on real documents shows in review (run with --update-expected and
read the diff)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import CORPUS, check_output

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/real is not present")
SNAPSHOT = Path(__file__).parent / "corpus_findings.txt"


@pytest.fixture(scope="module")
def corpus_run() -> dict[str, object]:
    _, output = check_output(["."], CORPUS, output_format="json")
    data: dict[str, object] = json.loads(output)
    return data


def test_every_document_is_checked_without_failure(corpus_run: dict[str, object]) -> None:
    files = corpus_run["files"]
    assert isinstance(files, list)
    assert len(files) == len(list(CORPUS.glob("*.txt"))) + len(list(CORPUS.glob("*.md")))
    assert all(entry["checked"] for entry in files)
    codes = {d["code"] for d in corpus_run["diagnostics"]}  # type: ignore[attr-defined]
    assert not codes & {"QA000", "QA001", "QA002"}


def test_findings_match_the_reviewed_snapshot(
    corpus_run: dict[str, object], update_expected: bool
) -> None:
    lines = [
        f"{d['path']}:{d['line']}:{d['column']}: {d['code']} [{d['severity']}] {d['message']}"
        for d in corpus_run["diagnostics"]  # type: ignore[attr-defined]
        if d["severity"] in ("error", "warning")
    ]
    actual = "\n".join(lines) + "\n"
    if update_expected:
        SNAPSHOT.write_text(actual, encoding="utf-8")
    assert actual == SNAPSHOT.read_text(encoding="utf-8")


def _codes_at(corpus_run: dict[str, object], path: str) -> set[tuple[int, str]]:
    return {
        (d["line"], d["code"])
        for d in corpus_run["diagnostics"]  # type: ignore[attr-defined]
        if d["path"] == path
    }


def test_the_published_numbering_errors_are_found(corpus_run: dict[str, object]) -> None:
    # ah-tk-20242025-597: "Vraag 7" printed twice, no "Antwoord 7", "Antwoord 8" without "Vraag 8".
    found = _codes_at(corpus_run, "ah-tk-20242025-597.pdf.txt")
    assert {(46, "QA103"), (48, "QA102"), (50, "QA104")} <= found
    # ah-tk-20232024-2367: "Vraag 7, 8, 9 10 en 11" (missing comma), in the question and the answer.
    found = _codes_at(corpus_run, "ah-tk-20232024-2367.pdftotext.txt")
    assert {(89, "QA107"), (101, "QA107")} <= found


LEGITIMATE = [
    # (file, what it shows) from DOMAIN.md section 8: none may give an error.
    ("ah-tk-20232024-1481.pdftotext.txt", "separate questions answered by one grouped answer"),
    ("ah-tk-20242025-593.pdf.txt", "a range: Vraag 2 t/m 6"),
    ("ah-tk-20242025-617.docx.txt", "unnumbered 'Antwoord:' after numbered questions"),
    ("ah-tk-20242025-604.docx.txt", "'Antwoord op vraag N' style"),
    ("ah-tk-20242025-608.docx.txt", "'Antwoord vraag N:' style"),
    ("ah-tk-20242025-609.docx.txt", "'Antwoord vraag 4-7:' range after numbered questions"),
    ("ah-tk-20242025-545.pdf.txt", "a delay notice with questions and no answers"),
    ("kv-tk-2024Z18559.pdf.txt", "a question set with 73 questions"),
    ("ah-tk-20242025-595.pdf.txt", "an answer document with 64 questions"),
    ("ah-tk-20242025-602.docx.txt", "bare number lines and one-word answers"),
]


@pytest.mark.parametrize(("path", "what"), LEGITIMATE)
def test_legitimate_variation_gives_no_error(
    corpus_run: dict[str, object], path: str, what: str
) -> None:
    errors = [
        d
        for d in corpus_run["diagnostics"]  # type: ignore[attr-defined]
        if d["path"] == path and d["severity"] == "error"
    ]
    assert errors == [], what
