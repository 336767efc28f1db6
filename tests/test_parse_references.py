"""Cross-reference forms of DOMAIN.md section 5, internal and external."""

from __future__ import annotations

import pytest

from qalint.parse import parse
from qalint.source import split_lines

HEAD = """Antwoord van Minister Timmermans (Buitenlandse Zaken) (ontvangen 30 juni 2014).

Vraag 1
Wat is uw oordeel?

Vraag 2, 3 en 4
Is het waar?

Vraag 5
Waarom?

Antwoord 1, 2, 3, 4 en 5
"""


def _references(sentence: str) -> list[tuple[tuple[int, ...], str]]:
    doc = parse("concept.txt", split_lines(HEAD + sentence + "\n"))
    return [(ref.targets, ref.phrase) for ref in doc.references]


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        ("Zie het antwoord op vraag 4.", (4,)),
        ("zie ook het antwoord op vraag 5.", (5,)),
        ("Zie antwoord vraag 3.", (3,)),
        ("Zie vraag 3.", (3,)),
        ("Zie antwoord 2.", (2,)),
        ("zie antwoord bij vraag 5", (5,)),
        ("zie ook de beantwoording bij vraag 5", (5,)),
        ("Zie de antwoorden op de vragen 2, 3 en 4.", (2, 3, 4)),
        ("Hiervoor verwijs ik u naar de antwoorden op vraag 3 en 4.", (3, 4)),
        ("zoals aangegeven in mijn antwoord op vraag 1.", (1,)),
        ("Zoals in antwoord vier is aangegeven.", (4,)),
        ("Zoals bij vraag 2 aangegeven, is dat zo.", (2,)),
        ("zoals genoemd in het antwoordbij vraag 2", (2,)),
        ("Zie de antwoorden op vraag 2 t/m 4.", (2, 3, 4)),
        ("Zie antwoord op vraag 1 en vraag 5.", (1, 5)),
        # Capitals, as in a heading or a reviewer's note
        ("ZIE VRAAG 5", (5,)),
        ("ZIE OOK HET ANTWOORD OP VRAAG 4.", (4,)),
        ("ZIE DE BEANTWOORDING BIJ VRAAG 3.", (3,)),
        ("Zoals IN ANTWOORD VIER is aangegeven.", (4,)),
        ("ZIE DE ANTWOORDEN OP DE VRAGEN 1, 2 EN 3.", (1, 2, 3)),
        ("ZIE VRAGEN 2 T/M 4.", (2, 3, 4)),
        ("Zie Vraag 3.", (3,)),
    ],
)
def test_internal_references_are_found(sentence: str, targets: tuple[int, ...]) -> None:
    found = _references(sentence)
    assert [t for t, _ in found] == [targets]


@pytest.mark.parametrize(
    "sentence",
    [
        "Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 528.",
        "Zie Kamerstuk 36 410, nr. 31.",
        "Zie het antwoord op vraag 3 van de vragen van het lid Omtzigt (NSC).",
        "In antwoord op vraag 2 van eerdere vragen (2024Z17067) gaf ik aan dat het kan.",
        "Zie het antwoord op vraag 4 (Aanhangsel Handelingen II 2023/24, nr. 12).",
        "Het gaat om 5 miljard in artikel 16.",
    ],
)
def test_references_to_other_documents_are_left_out(sentence: str) -> None:
    assert _references(sentence) == []


def test_reference_span_points_at_the_phrase() -> None:
    doc = parse("concept.txt", split_lines(HEAD + "Dat is zo. Zie ook het\nantwoord op vraag 5.\n"))
    (reference,) = doc.references
    line = HEAD.count("\n") + 1
    assert (reference.span.line, reference.span.column) == (line, 12)
    assert (reference.span.end_line, reference.span.end_column) == (
        line + 1,
        20,
    )  # end is exclusive: just after "5"
    assert reference.block_index == doc.answers[0].index


def test_question_sets_ignore_answer_references() -> None:
    text = (
        "Vragen van het lid Dijk (SP) aan de Minister van Financiën over banken "
        "(ingezonden 3 juni 2014).\n\nVraag 1\nWat vindt u van het antwoord op vraag 17 "
        "dat u eerder gaf?\n\nVraag 2\nZie vraag 1: klopt dat?\n"
    )
    doc = parse("vragen.txt", split_lines(text))
    assert [ref.targets for ref in doc.references] == [(1,)]


def test_a_question_reference_before_a_distant_answer_reference() -> None:
    """Both are found, in a text without capitals that would read as keywords (the
    ends where numbers may follow were once out of order there, and both were lost)."""
    sentence = "zie vraag 3 hier. " + "x " * 60 + "zie antwoord 5."
    assert _references(sentence) == [((3,), "zie vraag 3"), ((5,), "zie antwoord 5")]
