"""Labels, number lists and blocks (DOMAIN.md section 4), and header dates (section 6)."""

from __future__ import annotations

import datetime as dt

import pytest

from qalint.model import Kind
from qalint.parse import parse
from qalint.parse.numbers import scan_number_list
from qalint.source import split_lines

GOVERNMENT = (
    "Antwoord van minister Van Weel (Justitie en Veiligheid) (ontvangen 20 november 2024)\n\n"
)


def _blocks(text: str) -> list[tuple[str, tuple[int, ...], int, int]]:
    doc = parse("concept.txt", split_lines(text))
    return [(b.role, b.numbers, b.label_span.line, b.label_span.column) for b in doc.blocks]


@pytest.mark.parametrize(
    ("label", "numbers"),
    [
        ("Vraag 1", (1,)),
        ("Vraag 4, 6 en 7", (4, 6, 7)),
        ("Vragen 2 en 3", (2, 3)),
        ("Vraag 2 t/m 6", (2, 3, 4, 5, 6)),
        ("Vraag 2 tot en met 4", (2, 3, 4)),
        ("Vraag 4-7", (4, 5, 6, 7)),
        ("Vraag 4\u20137", (4, 5, 6, 7)),
        ("Vraag 1,2,3 en 4", (1, 2, 3, 4)),
        ("Vraag\u00a01", (1,)),
        ("**Vraag 3**", (3,)),
        ("\fVraag 3", (3,)),
    ],
)
def test_question_labels(label: str, numbers: tuple[int, ...]) -> None:
    text = f"{label}\nIs dat zo?\n"
    assert _blocks(text)[0][:2] == ("question", numbers)


@pytest.mark.parametrize(
    ("label", "numbers"),
    [
        ("Antwoord 1", (1,)),
        ("Antwoord op vraag 1", (1,)),
        ("Antwoord vraag 1:", (1,)),
        ("Antwoord op de vragen 1 en 2", (1, 2)),
        ("Antwoorden 1 en 2", (1, 2)),
        ("Antwoord vragen 1,2 en 3", (1, 2, 3)),
        ("Antwoord", (1, 2, 3)),  # takes the questions since the previous answer
        ("Antwoord:", (1, 2, 3)),
    ],
)
def test_answer_labels(label: str, numbers: tuple[int, ...]) -> None:
    text = f"Vraag 1\nA?\nVraag 2 en 3\nB?\n{label}\nJa.\n"
    assert _blocks(text)[-1][:2] == ("answer", numbers)


@pytest.mark.parametrize(
    "line",
    [
        "Antwoord van Minister Timmermans (Buitenlandse Zaken)",
        "Antwoorden op Kamervragen over gevolgen quantumtechnologie",
        "Vraag 3 is lastig te beantwoorden.",
        "vraag 3",
    ],
)
def test_prose_is_not_a_label(line: str) -> None:
    assert _blocks(f"Vraag 1\nA?\n{line}\n") == [("question", (1,), 1, 1)]


def test_heading_glued_to_a_page_footer_keeps_its_column() -> None:
    footer = "Tweede Kamer, vergaderjaar 2022\u20132023, Aanhangsel 1"
    blocks = _blocks(f"Vraag 1\nA?\n{footer}Antwoord 1\nJa.\n")
    assert blocks[-1] == ("answer", (1,), 3, len(footer) + 1)


def test_heading_glued_to_an_issn_footer_is_read_with_its_text() -> None:
    # pypdf text of a page end: the ISSN, city and Kamer footer on one line, the next
    # page's heading glued to it. The heading and its text are the document's.
    footer = (
        "ISSN 0921 - 7398\u2019s-Gravenhage 2023Tweede Kamer, vergaderjaar 2022\u20132023, "
        "Aanhangsel 1"
    )
    text = (
        GOVERNMENT + "Vraag 1\nA?\nVraag 2\nB?\n"
        f"{footer}Antwoord 1: zie het antwoord op vraag 2.\nAntwoord 2\nJa.\n"
    )
    doc = parse("concept.txt", split_lines(text))
    assert doc.answers[0].label_span.column == len(footer) + 1
    assert [(ref.targets, ref.span.line) for ref in doc.references] == [((2,), 7)]


def test_irregular_list_is_read_leniently() -> None:
    scanned = scan_number_list("7, 8, 9 10 en 11", 0)
    assert scanned is not None
    assert scanned.numbers == (7, 8, 9, 10, 11) and scanned.irregular


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("1 t/m 1000000", "te groot"),
        ("1" * 5000, "te groot"),
        ("007", "begint met een nul"),
        ("\u0661\u0662", "onverwacht teken"),
        ("\uff15", "onverwacht teken"),
    ],
)
def test_number_problems_are_reported_not_raised(text: str, problem: str) -> None:
    """B02, B03, B04, B05: odd numbers are problems, never exceptions or huge ranges."""
    scanned = scan_number_list(text, 0)
    assert scanned is not None
    assert any(problem in p for p in scanned.problems)
    assert len(scanned.numbers) < 100


def test_numbered_ministry_draft() -> None:
    text = (
        "AH 608\n\n2024Z14419\n\n"
        + GOVERNMENT
        + "1. Bent u bekend met de berichtgeving?\n\nAntwoord vraag 1:\nJa.\n\n"
        "2. Is het bij u bekend of andere instellingen kwetsbaar zijn?\n\n"
        "3. Wat gaat u doen?\n\nAntwoord vraag 2-3:\nDe volgende stappen:\n"
        "1. overleg\n2. onderzoek\n"
    )
    doc = parse("concept.txt", split_lines(text))
    assert doc.kind is Kind.MINISTRY_DRAFT
    assert [b.numbers for b in doc.questions] == [(1,), (2,), (3,)]
    assert [b.numbers for b in doc.answers] == [(1,), (2, 3)]


def test_header_dates_and_kind() -> None:
    text = (
        "Vragen van het lid Jasper van Dijk (SP) aan de Ministers van Buitenlandse\n"
        "Zaken en van Defensie over Mali (ingezonden 3 juni\n2014).\n\n"
        "Antwoord van Minister Timmermans (Buitenlandse Zaken) (ontvangen 31 februari 2014).\n"
        "Zie ook Aanhangsel Handelingen, vergaderjaar 2013\u20132014, nr. 2100.\n\nVraag 1\nJa?\n"
    )
    doc = parse("concept.txt", split_lines(text))
    assert doc.kind is Kind.ANSWER
    (submitted,) = doc.header.submitted
    assert submitted.value == dt.date(2014, 6, 3)
    assert (submitted.span.line, submitted.span.end_line) == (2, 3)
    (received,) = doc.header.received
    assert received.value is None and "bestaat niet" in (received.problem or "")
    assert doc.header.delay_references == ("2100",)
    assert [p.name for p in doc.header.askers] == ["Jasper van Dijk"]
    assert doc.header.askers[0].party == "SP"


def test_header_with_several_members() -> None:
    text = (
        "Vragen van de leden Mutluer (GroenLinks-PvdA) en Kosti\u0107 (PvdD) aan de Minister "
        "van Onderwijs over regenboogbeleid (ingezonden 6 maart 2024).\n"
    )
    doc = parse("vragen.txt", split_lines(text))
    assert doc.kind is Kind.QUESTION_SET
    assert [(p.name, p.party) for p in doc.header.askers] == [
        ("Mutluer", "GroenLinks-PvdA"),
        ("Kosti\u0107", "PvdD"),
    ]
