"""Documents that once gave wrong findings: each states the findings it must give."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check_output

FOLDER = Path(__file__).parent / "regressions"

CASES = {
    # "Zie het antwoord op" / footer, page number / "\fvraag 7.": one reference.
    "reference-over-page-break.txt": "reference-over-page-break.txt:21:53: QA201",
    # "... op vraag 12 van de" / footer / "vragen van het lid ...": another document's.
    "external-reference-over-page-break.txt": "",
    # "op grond van artikel" / "2 van de Wet": the number is prose, not a marker.
    "number-after-artikel-at-line-start.txt": "",
    # "het antwoord op vraag" / "1. De gemeente": not a marker out of order.
    "numbered-sentence-after-vraag.txt": "",
    # "antwoord op vraag" / "1 bevestigend is, ...?": the sentence's number, not note 1
    # (which follows at the page bottom); the question keeps its question mark.
    "number-after-vraag-before-its-note.txt": "",
    # "Antwoord 2" followed only by the page-bottom note of question 1: an empty answer.
    "answer-with-only-a-footnote.txt": "answer-with-only-a-footnote.txt:18:1: QA602",
    # "ZIE OOK HET ANTWOORD OP VRAAG 4." in capitals: a reference all the same.
    "reference-in-capitals.txt": "reference-in-capitals.txt:21:75: QA201",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_regression(name: str) -> None:
    """B12: among them, references broken across a page break."""
    _, output = check_output([name], FOLDER)
    found = [" ".join(line.split(" ")[:2]) for line in output.splitlines()]
    assert found == ([CASES[name]] if CASES[name] else [])
