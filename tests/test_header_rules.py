"""Header parsing (tokens, officials, numbers as written) and the header rules QA401-QA407."""

from __future__ import annotations

import pytest
from qalint_plugins.header.doubled_phrase import DoubledPhrase
from qalint_plugins.header.duplicate_date import DuplicateDate
from qalint_plugins.header.malformed_case_number import MalformedCaseNumber
from qalint_plugins.header.member_form_mismatch import MemberFormMismatch
from qalint_plugins.header.respondent_not_addressed import RespondentNotAddressed
from qalint_plugins.header.signers_not_joined import SignersNotJoined
from qalint_plugins.header.unbalanced_parenthesis import UnbalancedParenthesis

from qalint.model import Document
from qalint.parse import parse
from qalint.rules import Rule
from qalint.source import split_lines

QUESTIONS = "Vraag 1\nIs het waar?\n\nAntwoord 1\nJa.\n"


def _doc(text: str) -> Document:
    return parse("concept.txt", split_lines(text))


def _messages(rule: type[Rule], text: str) -> list[tuple[int, int, str]]:
    return [(d.span.line, d.span.column, d.message) for d in rule("concept.txt").check(_doc(text))]


def test_tokens_split_parentheses_and_point_into_the_input() -> None:
    doc = _doc(
        "Antwoord van Minister De Jonge (Binnenlandse Zaken en\n"
        "Koninkrijksrelaties) (ontvangen (ontvangen 7 juni 2024).\n" + QUESTIONS
    )
    line = doc.header.government_line
    assert line is not None
    texts = [token.text for token in line.tokens]
    assert texts[:6] == ["Antwoord", "van", "Minister", "De", "Jonge", "("]
    assert texts.count("(") == 3 and texts.count(")") == 2
    second = [token for token in line.tokens if token.text == "("][2]
    assert (second.span.line, second.span.column) == (2, 33)


def test_a_token_hyphenated_across_lines_spans_both_and_words_match_tokens() -> None:
    doc = _doc(
        "Vragen van het lid Bikker (ChristenUnie) aan de minister van Volksgezond-\n"
        "heid, Welzijn en Sport over (ingezonden 3 juni 2024).\n" + QUESTIONS
    )
    line = doc.header.question_header
    assert line is not None
    hyphenated = next(t for t in line.tokens if t.text.startswith("Volksgezond"))
    assert hyphenated.text == "Volksgezondheid,"
    assert tuple(hyphenated.span) == (1, 62, 2, 6)
    assert line.words == [token.text for token in line.tokens]
    after = line.tokens[line.words.index("Welzijn")]
    assert (after.span.line, after.span.column) == (2, 7)


def test_parse_output_gives_tokens_of_header_lines() -> None:
    from qalint.export import document_to_data

    doc = _doc("Antwoord van Minister De Jonge (BZK) (ontvangen 7 juni 2024).\n" + QUESTIONS)
    data = document_to_data(doc)["header"]["government_line"]
    assert set(data) == {"text", "span", "tokens"}
    assert data["tokens"][5] == {
        "text": "(",
        "span": {"line": 1, "column": 32, "end_line": 1, "end_column": 33},
    }


def test_addressees_one_per_portfolio() -> None:
    doc = _doc(
        "Vragen van het lid Jasper van Dijk (SP) aan de Ministers van Buitenlandse\n"
        "Zaken en van Defensie over Mali (ingezonden 3 juni 2014).\n"
    )
    assert [(o.title, o.portfolio) for o in doc.header.addressed] == [
        ("minister", "Buitenlandse Zaken"),
        ("minister", "Defensie"),
    ]
    doc = _doc(
        "Vragen van het lid Westerveld (GroenLinks-PvdA) aan de Staatssecretaris en de Minister "
        "van Volksgezondheid, Welzijn en Sport over eetstoornissen (ingezonden 3 juli 2024).\n"
    )
    assert [(o.title, o.portfolio) for o in doc.header.addressed] == [
        ("staatssecretaris", "Volksgezondheid, Welzijn en Sport"),
        ("minister", "Volksgezondheid, Welzijn en Sport"),
    ]
    doc = _doc(
        "Vragen van het lid Postma (NSC) aan de Ministers van Klimaat en Groene Groei, van "
        "Sociale Zaken en Werkgelegenheid en deStaatssecretaris van Infrastructuur en Waterstaat "
        "over vervoerskosten (ingezonden 2 oktober 2024).\n"
    )
    assert [o.portfolio for o in doc.header.addressed] == [
        "Klimaat en Groene Groei",
        "Sociale Zaken en Werkgelegenheid",
        "Infrastructuur en Waterstaat",
    ]


def test_signers_second_signers_and_co_signers() -> None:
    doc = _doc(
        "Antwoord van Minister Van Weel (Justitie en Veiligheid) en antwoord van Staatssecretaris "
        "Coenradie (Justitie en Veiligheid) (ontvangen 14 november 2024).\n" + QUESTIONS
    )
    assert [(o.role, o.name, o.portfolio) for o in doc.header.signers] == [
        ("signer", "Van Weel", "Justitie en Veiligheid"),
        ("signer", "Coenradie", "Justitie en Veiligheid"),
    ]
    doc = _doc(
        "Antwoord van minister Beljaarts (Economische Zaken), mede namens de staatssecretaris van "
        "Infrastructuur en Waterstaat (ontvangen 20 november 2024)\n" + QUESTIONS
    )
    assert [(o.role, o.title, o.portfolio) for o in doc.header.signers] == [
        ("signer", "minister", "Economische Zaken"),
        ("co-signer", "staatssecretaris", "Infrastructuur en Waterstaat"),
    ]
    assert doc.header.respondents == ("Economische Zaken", "Infrastructuur en Waterstaat")


def test_numbers_are_kept_as_written() -> None:
    doc = _doc(
        "AH617\n\n2024Z 17972\n\nAntwoord van minister Brekelmans (Defensie) "
        "(ontvangen 20 november 2024)\n\n1. Kunt u bevestigen dat ...?\n\nAntwoord:\nJa.\n"
    )
    assert doc.header.aanhangsel_number is not None and doc.header.aanhangsel_number.text == "AH617"
    assert doc.header.case_number is not None and doc.header.case_number.text == "2024Z 17972"


def test_a_header_without_its_date_does_not_run_into_the_questions() -> None:
    doc = _doc(
        "2024Z18884\n\n(ingezonden 20 november 2024)\n\n"
        "Vragen van het lid Bamenga (D66) aan de minister voor Buitenlandse Handel en "
        "Ontwikkelingshulp over het bericht 'Israël saboteert projecten'\n\n"
        "Bent u bekend met het artikel? 1)\n"
    )
    line = doc.header.question_header
    assert line is not None and line.span.end_line == 5
    assert len(doc.header.submitted) == 1


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "Vragen van het lid Van Eijk en Aartsen (beiden VVD)",
            "'het lid' met 2 namen (Van Eijk en Aartsen): schrijf 'de leden'",
        ),
        (
            "Vragen van de leden Keijzer (BBB)",
            "'de leden' met één naam (Keijzer): schrijf 'het lid'",
        ),
        (
            "Vragen van het leden Yeşilgöz-Zegerius en Aartsen (beiden VVD)",
            "'het leden' klopt niet: schrijf 'de leden'",
        ),
        (
            "Vragen van de leden lid Inge van Dijk (CDA) en Vijlbrief (D66)",
            "'de leden lid': een woord te veel; schrijf 'de leden'",
        ),
    ],
)
def test_member_form(header: str, expected: str) -> None:
    text = header + " aan de Minister van Financiën over de lunch (ingezonden 29 mei 2024).\n"
    assert _messages(MemberFormMismatch, text) == [(1, 12, expected)]


@pytest.mark.parametrize(
    "header",
    [
        "Vragen van het lid Jasper van Dijk (SP)",
        "Vraag van het lid Van Houwelingen (FVD)",
        "Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD)",
        "Vragen van de leden Kröger, Thijssen (beiden GroenLinks-PvdA) en Rooderkerk (D66)",
    ],
)
def test_member_form_that_fits(header: str) -> None:
    text = header + " aan de Minister van Financiën over de lunch (ingezonden 29 mei 2024).\n"
    assert _messages(MemberFormMismatch, text) == []


def test_parentheses_in_the_question_header_and_the_government_line() -> None:
    text = (
        "Vragen van het lid Dobbe (SP aan de Minister van Volksgezondheid, Welzijn en Sport "
        "over het bericht «Buurtzorg» (ingezonden 7 mei 2024).\n"
        "Antwoord van Minister Helder (Volksgezondheid, Welzijn en Sport)) (ontvangen 13 juni "
        "2024).\n" + QUESTIONS
    )
    assert _messages(UnbalancedParenthesis, text) == [
        (1, 26, "haakje in '(SP aan de Minister' wordt niet gesloten"),
        (2, 65, "haakje ')' na 'en Sport)' is nooit geopend"),
    ]
    fine = "Vragen van het lid X (SP) over juridische analyse(s) (ingezonden 30 mei 2024).\n"
    assert _messages(UnbalancedParenthesis, fine) == []


def test_doubled_words_but_not_doubled_numbers() -> None:
    text = (
        "Vragen van het lid X (SP) aan de Minister van van Defensie over dat dat niet "
        "klopt (ingezonden 3 juni 2014).\n"
    )
    assert _messages(DoubledPhrase, text) == [(1, 47, "'van' staat twee keer achter elkaar")]


def test_a_date_given_twice() -> None:
    text = (
        "Vragen van het lid X (SP) aan de Minister van Defensie over Y "
        "(ingezonden 3 juni 2014).\n"
        "Antwoord van Minister Z (Defensie) (ontvangen 30 juni 2014) "
        "(ontvangen 30 juni 2014).\n" + QUESTIONS
    )
    assert _messages(DuplicateDate, text) == [
        (2, 61, "de datum van ontvangst staat twee keer in de kop (ontvangen; ook op regel 2)")
    ]


def test_two_signers_not_joined_by_en() -> None:
    # ah-tk-20232024-2129 as published.
    text = (
        "Antwoord van Minister Bruins Slot (BZ) van Minister Schreinemacher\n"
        "(Buitenlandse Handel en Ontwikkelingssamenwerking) (ontvangen 28 juni\n2024).\n"
        + QUESTIONS
    )
    assert _messages(SignersNotJoined, text) == [
        (
            1,
            40,
            "'van' voor minister Schreinemacher mist 'en': schrijf 'en van' of 'en antwoord van'",
        )
    ]


@pytest.mark.parametrize(
    "government",
    [
        "Antwoord van Staatssecretaris Van Marum (Binnenlandse Zaken en\nKoninkrijksrelaties) "
        "en van Minister Hermans (Klimaat en Groene Groei)",
        "Antwoord van Minister Van Weel (Justitie en Veiligheid) en antwoord van\n"
        "Staatssecretaris Coenradie (Justitie en Veiligheid)",
        "Antwoord van Minister Veldkamp (Buitenlandse Zaken), mede namens de Minister van "
        "Asiel en Migratie",
        "Antwoord van Minister Van Weel en Staatssecretaris Coenradie (Justitie en Veiligheid)",
        "Antwoord van Minister Helder (Langdurige Zorg en Sport)",
    ],
)
def test_signers_joined_by_en_or_one_signer(government: str) -> None:
    text = government + " (ontvangen 14 november 2024).\n" + QUESTIONS
    assert _messages(SignersNotJoined, text) == []


def test_case_and_aanhangsel_numbers() -> None:
    government = "Antwoord van minister X (Defensie) (ontvangen 3 juni 2024)\n"
    text = "AH 604\n2024Z18294\n" + government + QUESTIONS
    assert _messages(MalformedCaseNumber, text) == []
    text = "Ah 604\n2024z18294\n" + government + QUESTIONS
    assert [m[2] for m in _messages(MalformedCaseNumber, text)] == [
        "zaaknummer '2024z18294' is verkeerd geschreven: '2024Z18294'",
        "Aanhangselnummer 'Ah 604' is verkeerd geschreven: 'AH 604'",
    ]


QUESTION_HEADER = (
    "Vragen van het lid Van Nispen (SP) aan de {addressees} over de brandweer "
    "(ingezonden 1 oktober 2024).\n"
)


@pytest.mark.parametrize(
    ("addressees", "government"),
    [
        ("Minister van Buitenlandse Zaken", "Antwoord van Minister Bruins Slot (BZ)"),
        ("Minister van Justitie en Veiligheid", "Antwoord van staatssecretaris Coenradie (JenV)"),
        (
            "Minister voor Klimaat en Energie",
            "Antwoord van Minister Hermans (Klimaat en Groene Groei)",
        ),
        (
            "Staatssecretaris van Financiën",
            "Antwoord van Staatssecretaris Van Rij "
            "(Financiën \u2013 Fiscaliteit en Belastingdienst)",
        ),
        (
            "Minister van Justitie en Veiligheid",
            "Antwoord van Minister Madlener (Infrastructuur en Waterstaat), "
            "mede namens de Minister van Justitie en Veiligheid",
        ),
        (
            "Ministers van Landbouw, Natuur en Voedselkwaliteit en van Justitie en Veiligheid",
            "Antwoord van Minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur)",
        ),
        (
            "Minister van Volksgezondheid, Welzijn en Sport",
            "Antwoord van minister Agema (VWS) en antwoord van staatssecretaris Karremans (VWS)",
        ),
    ],
)
def test_respondents_that_were_addressed(addressees: str, government: str) -> None:
    text = (
        QUESTION_HEADER.format(addressees=addressees)
        + government
        + " (ontvangen 14 november 2024).\n"
        + QUESTIONS
    )
    assert _messages(RespondentNotAddressed, text) == []


def test_a_respondent_of_another_ministry() -> None:
    text = (
        QUESTION_HEADER.format(addressees="Minister van Justitie en Veiligheid")
        + "Antwoord van Minister Madlener (Infrastructuur en Waterstaat) en antwoord van "
        "Staatssecretaris Coenradie (Justitie en Veiligheid) (ontvangen 14 november 2024).\n"
        + QUESTIONS
    )
    assert _messages(RespondentNotAddressed, text) == [
        (
            2,
            14,
            "minister Madlener (Infrastructuur en Waterstaat) antwoordt, maar de vragen zijn "
            "gesteld aan: minister (Justitie en Veiligheid)",
        )
    ]


def test_the_published_header_errors_are_found() -> None:
    """DOMAIN.md section 3: the known header errors of the real corpus, at exact places."""
    import json

    from tests.helpers import CORPUS, check_output

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/real is not present")
    files = [
        "ah-tk-20232024-1999.pdftotext.txt",
        "ah-tk-20242025-613.docx.txt",
        "ah-tk-20242025-614.docx.txt",
        "ah-tk-20232024-1984.pdftotext.txt",
        "ah-tk-20242025-617.docx.txt",
        "ah-tk-20232024-2129.pdftotext.txt",
    ]
    _, output = check_output(files, CORPUS, select=["QA4"], output_format="json")
    found = {
        (d["path"], d["line"], d["column"], d["code"]) for d in json.loads(output)["diagnostics"]
    }
    assert found == {
        ("ah-tk-20232024-1999.pdftotext.txt", 18, 33, "QA402"),  # (ontvangen (ontvangen
        ("ah-tk-20242025-613.docx.txt", 3, 41, "QA401"),  # (Volksgezondheid, ... (ontvangen
        ("ah-tk-20242025-614.docx.txt", 3, 41, "QA401"),
        ("ah-tk-20232024-1984.pdftotext.txt", 13, 12, "QA403"),  # het lid X en Y
        ("ah-tk-20242025-617.docx.txt", 3, 1, "QA404"),  # 2024Z 17972
        ("ah-tk-20232024-2129.pdftotext.txt", 17, 40, "QA407"),  # (BZ) van Minister
    }
