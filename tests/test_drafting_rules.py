"""The drafting rules QA601-QA604 on the cases that must and must not be reported."""

from __future__ import annotations

import pytest
from qalint_plugins.drafting.empty_answer import EmptyAnswer
from qalint_plugins.drafting.placeholder_text import PlaceholderText
from qalint_plugins.drafting.question_without_question_mark import QuestionWithoutQuestionMark
from qalint_plugins.drafting.review_remark import ReviewRemark

from qalint.model import Document
from qalint.parse import parse
from qalint.rules import Rule
from qalint.source import split_lines

HEADER = (
    "Antwoord van minister Madlener (Infrastructuur en Waterstaat) (ontvangen 19 november 2024)\n\n"
)


def _doc(body: str) -> Document:
    text = HEADER + "Vraag 1\nIs het waar?\n\nAntwoord 1\n" + body
    return parse("concept.txt", split_lines(text))


def _found(rule: type[Rule], body: str) -> list[str]:
    return [d.message.split("'")[1] for d in rule("concept.txt").check(_doc(body))]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("De kosten bedragen PM.\n", ["PM"]),
        ("De kosten bedragen p.m. en XXX euro.\n", ["p.m.", "XXX"]),
        ("TODO: bedrag checken bij FEZ\n", ["TODO"]),
        ("Op [invullen] heeft overleg plaatsgevonden, zie [datum].\n", ["[invullen]", "[datum]"]),
        ("De minister heeft <naam> gesproken.\n", ["<naam>"]),
        ("Klopt dit??\n", ["??"]),
        ("Dit wordt nog aan te vullen door DGLM.\n", ["nog aan te vullen"]),
        ("Het bedrag is [[€ 12 miljoen]].\n", ["[[€ 12 miljoen]]"]),
        ("Zie de regeling [...] en verder.\n", ["[...]"]),
        ("Volgt.\n", ["Volgt."]),
        ("[volgt]\n", ["[volgt]"]),
        ("Antwoord volgt later\n", ["Antwoord volgt later"]),
    ],
)
def test_placeholders(body: str, expected: list[str]) -> None:
    assert _found(PlaceholderText, body) == expected


def test_a_placeholder_answer_on_the_label_line() -> None:
    doc = parse("concept.txt", split_lines(HEADER + "1. Is het waar?\n\nAntwoord: Volgt.\n"))
    found = [d.message.split("'")[1] for d in PlaceholderText("concept.txt").check(doc)]
    assert found == ["Volgt."]


@pytest.mark.parametrize(
    "body",
    [
        "Het kabinet volgt de ontwikkelingen en de motie volgt uit het debat.\n",
        "Voor 2025 is een p.m.-post opgenomen; de PM-post en de p.m. post blijven.\n",
        "De Britse PM Starmer en de PM10-waarden zijn besproken om 10 pm.\n",
        "Het Hof: «er geen twijfel [...] kan bestaan dat dit een mensenrecht is».\n",
        "Het rapport stelt: “de aanpak […] werkt\nniet zoals bedoeld”.\n",
        "Vul het formulier in op de website en kies \u2018invullen\u2019.\n",
        "De Wet Xxxx en de richtlijn NIS2 zijn van toepassing (zie bijlage 1).\n",
    ],
)
def test_no_placeholders(body: str) -> None:
    assert _found(PlaceholderText, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ja.[JV1]\n", ["[JV1]"]),
        ("[Opmerking JV: bedrag nog checken bij FEZ]\n", ["[Opmerking"]),
        ("Comment [MV2]: klopt dit?\n", ["Comment [MV2]"]),
        ("Verwijderd: Nog niet.\n", ["Verwijderd:"]),
        ("Opgemaakt: Lettertype: 11 pt\n", ["Opgemaakt:"]),
        ("\t  MET OPMAAK : Links\n", ["MET OPMAAK :"]),
        # Ignoring case, the long s and the Kelvin sign are "s" and "k".
        ("In\u017ferted: x\n", ["In\u017ferted:"]),
        ("Opgemaa\u212at: y\n", ["Opgemaa\u212at:"]),
        # An anchor in lower case is no anchor, and no other remark starts inside it.
        ("Ja.[jv1] Nee.[JV2] [Jv3]comment[ab1]\n", ["[JV2]", "comment[ab1]"]),
        ("[jv1][JV1]\n", ["[JV1]"]),
    ],
)
def test_review_remarks(body: str, expected: list[str]) -> None:
    assert _found(ReviewRemark, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Zie tabel [A1] en bijlage [2].\n",
        "De opmerking van de Raad is verwijderd: dat klopt.\n",
        "In het verslag [van 3 juni] staat dit.\n",
        "Vraag 1: Verwijderd: nee; Antwoord: Ingevoegd:\n",
    ],
)
def test_no_review_remarks(body: str) -> None:
    assert _found(ReviewRemark, body) == []


def test_empty_answers() -> None:
    doc = parse(
        "concept.txt",
        split_lines(
            HEADER + "Vraag 1\nIs het waar?\n\nAntwoord 1\n\nVraag 2\nWaarom?\n\nAntwoord 2\nJa.\n"
            "Vraag 3\nEn nu?\nAntwoord 3\nTweede Kamer, vergaderjaar 2024\u20132025, Aanhangsel 2\n"
        ),
    )
    assert [d.message for d in EmptyAnswer("concept.txt").check(doc)] == [
        "Antwoord 1 heeft geen tekst",
        "Antwoord 3 heeft geen tekst",
    ]


def test_questions_without_a_question_mark() -> None:
    doc = parse(
        "concept.txt",
        split_lines(
            "Vragen van het lid X (SP) aan de Minister van Defensie over Y "
            "(ingezonden 3 juni 2014).\n"
            "Vraag 1\nWilt u de Kamer hierover informeren.\nVraag 2\nWaarom is dat\nzo? Graag.\n"
            "Vraag 3\nGraag een reactie op het bericht.1\n"
            "1NOS, 3 juni 2014, «Waarom?» (https://nos.nl/?id=1)\n"
        ),
    )
    assert [(d.span.line, d.message) for d in QuestionWithoutQuestionMark("x").check(doc)] == [
        (2, "Vraag 1 bevat geen vraagteken"),
        (7, "Vraag 3 bevat geen vraagteken"),
    ]
