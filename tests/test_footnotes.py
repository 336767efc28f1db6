"""Footnote markers and notes (DOMAIN.md section 7) in the forms of published and draft text."""

from __future__ import annotations

import time

import pytest

from qalint.parse import parse
from qalint.parse.footnotes import find_footnotes
from qalint.source import split_lines

HEADER = (
    "Vragen van het lid Podt (D66) aan de Minister van Asiel en Migratie over het\n"
    "bericht «Kinderrechtencollectief» (ingezonden 24 oktober 2024).\n"
    "Antwoord van Minister Faber (Asiel en Migratie) (ontvangen 14 november 2024).\n"
)
FOOTER = "Tweede Kamer, vergaderjaar 2024\u20132025, Aanhangsel 1\n"

Found = tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]


def _found(text: str) -> Found:
    """Markers and notes as (number, line, column)."""
    doc = parse("concept.txt", split_lines(text))
    return (
        [(m.number, m.span.line, m.span.column) for m in doc.footnote_markers],
        [(n.number, n.span.line, n.span.column) for n in doc.footnote_notes],
    )


def _numbers(text: str) -> tuple[list[int], list[int]]:
    markers, notes = _found(text)
    return [m[0] for m in markers], [n[0] for n in notes]


def test_marker_glued_to_punctuation_and_note_at_the_page_bottom() -> None:
    text = HEADER + (
        "Vraag 1\n"
        "Heeft u kennisgenomen van het bericht «Kinderrechtencollectief»?1\n"
        "Antwoord 1\n"
        "Ja.\n"
        "1Kinderrechten.nl, 22 oktober 2024, «Kinderrechtencollectief», https://www.kinderrechten.nl/\n"
        + FOOTER
    )
    assert _found(text) == ([(1, 5, 65)], [(1, 8, 1)])


def test_a_list_of_markers_after_a_question_mark() -> None:
    text = HEADER + (
        "Vraag 1\n"
        "Kent u de berichten «Schadepost» en «Waanzinrekeningen»?1, 2\n"
        "Antwoord 1\n"
        "Ja.\n"
        "1Financieel Dagblad, «Schadepost», 24 september 2014\n"
        "2De Telegraaf, «Waanzinrekeningen», 27 september 2014\n" + FOOTER
    )
    markers, notes = _found(text)
    assert markers == [(1, 5, 57), (2, 5, 60)]
    assert [n[0] for n in notes] == [1, 2]


def test_pdf_text_markers_on_a_line_of_their_own_or_opening_the_next_line() -> None:
    text = HEADER + (
        "Vraag 1\n"
        "Heeft u kennisgenomen van het bericht «Kinderrechtencollectief»?\n"
        "1\n"
        "Vraag 2\n"
        "Wat is uw reactie op de rapporten van de inspecties?\n"
        "2, 3 en 4\n"
        "Antwoord 1 en 2\n"
        "De inspecties hebben dit onderzocht.\n"
        "5 Dit is in 2022 door de daaropvolgende Minister onderstreept.\n"
        "1Kinderrechten.nl, 22 oktober 2024, «Kinderrechtencollectief»\n"
        "2Inspectie Gezondheidszorg en Jeugd, 1 november 2023\n"
        "3Inspectie Justitie en Veiligheid, 19 juni 2024\n"
        "4Kinderombudsman, 27 juni 2023, «De crisis voorbij»\n"
        "5Kamerstukken II 2021\u20132022, 29 279, nr. 339\n" + FOOTER
    )
    markers, notes = _found(text)
    assert markers == [(1, 6, 1), (2, 9, 1), (3, 9, 4), (4, 9, 9), (5, 12, 1)]
    assert [n[0] for n in notes] == [1, 2, 3, 4, 5]


def test_pdftotext_notes_are_numbers_on_their_own_line_and_page_numbers_are_skipped() -> None:
    text = HEADER + (
        "Vraag 1\n"
        "Wat is uw reactie op het bericht «Jos de Blok»?1\n"
        "Antwoord 1\n"
        "Zoals ik in mijn brief van 24 april jl.2 heb aangegeven, motie Joseph-Agema3, weer.\n"
        "\n"
        "1\n"
        "\n"
        "Zorgvisie, 2 mei 2024, «Jos de Blok» (https://www.zorgvisie.nl/)\n"
        "2\n"
        "Kamerstukken II 2023\u201334, 23 235, nr. 240.\n"
        "3\n"
        "Kamerstukken II 2023\u201334, 29 509, nr. 80.\n"
        "\n"
        "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel\n"
        "\n"
        "1\n"
        "\n"
        "Vraag 2\n"
        "Hoe rijmt u dat?\n"
    )
    markers, notes = _found(text)
    assert markers == [(1, 5, 48), (2, 7, 40), (3, 7, 76)]
    assert notes == [(1, 9, 1), (2, 12, 1), (3, 14, 1)]


def test_markdown_conversions_write_markers_in_brackets() -> None:
    text = HEADER + (
        "Vraag 1\n"
        "Wat is uw reactie op de peiling van MIND?[1 ]\n"
        "Antwoord 1\n"
        "De NZa heeft een folder opgesteld.[2 ] Zie de regeling.[3 4 ] Het 11[e ] pakket.\n"
        "\n"
        "1 Aanhangsel van de Handelingen, vergaderjaar 2023\u20132024, nr. 76\n"
        "2 https://puc.overheid.nl/nza/doc/PUC_743104_22/1/.\n"
        "3 Kamerstuk 25 424, nr. 650.\n"
        "4 NZa, 31 augustus 2023, «Zorgvraagtypering»\n"
        "\n"
        "-----\n"
    )
    markers, notes = _found(text)
    assert markers == [(1, 5, 43), (2, 7, 36), (3, 7, 57), (4, 7, 59)]
    assert notes == [(1, 9, 1), (2, 10, 1), (3, 11, 1), (4, 12, 1)]


def test_drafts_write_markers_as_number_and_parenthesis() -> None:
    text = (
        "AH 614\n2024Z14815\n"
        "Antwoord van staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport) "
        "(ontvangen 20 november 2024)\n\n"
        "Vraag 1\nBent u bekend met het artikel "
        "\u2018Nutri-score dreigt fiasco te worden\u2019? 1)\n\n"
        "Antwoord 1\nJa. Het onderzoek bestaat uit twee fases: 1) een verkenning en; 2) een "
        "rapport (zie bijlage 1).\n\n"
        "1) Nutri-score dreigt fiasco te worden | Financieel | Telegraaf.nl\n"
    )
    markers, notes = _found(text)
    assert markers == [(1, 6, 70)]
    assert notes == [(1, 11, 1)]


def test_markdown_footnotes() -> None:
    text = HEADER + "Vraag 1\nKent u het bericht?[^1]\nAntwoord 1\nJa.\n\n[^1]: NOS, 22 oktober\n"
    assert _found(text) == ([(1, 5, 22)], [(1, 9, 1)])


@pytest.mark.parametrize(
    "sentence",
    [
        "Obama kondigde een fonds van USD\n5 miljard aan.",
        "Het 11e sanctiepakket is aangenomen.",
        "Op grond van artikel 16 van de wet.",
        "Op 24 mei 2024 is de brief verstuurd,\n24 mei jl. daarnaast gevraagd.",
        "In 2023 zijn 12 meldingen gedaan, zie nr.6 en p.44.",
        "De uitstoot van CO2 per m2 en de COP29 in Bakoe.",
        "Ook de versie 1.3 en 2,5 procent blijven gelijk.",
        "Kamerstuk 29 383, nr. 406 (2024Z18294), blz. 3.",
    ],
)
def test_numbers_in_prose_are_not_markers(sentence: str) -> None:
    text = (
        HEADER
        + "Vraag 1\nKent u het bericht?1\nAntwoord 1\n"
        + sentence
        + "\n"
        + ("1NOS, 22 oktober 2024, «Bericht»\n2Kamerstuk 36 410, nr. 31\n" + FOOTER)
    )
    markers, notes = _numbers(text)
    assert markers == [1]
    # Note 2 is reported as a note without a marker: no prose number took its place.
    assert notes == [1, 2]


def test_a_number_opening_a_line_is_no_marker_when_it_is_prose() -> None:
    text = HEADER + (
        "Vraag 1\nKent u het bericht?1\nAntwoord 1\nHet kabinet trekt\n"
        "2 miljard uit voor de opvang.\n"
        "1NOS, 22 oktober 2024, «Bericht»\n2Kamerstuk 36 410, nr. 31\n" + FOOTER
    )
    assert _numbers(text)[0] == [1]


def test_the_seed_footnote_breaks_into_the_answer() -> None:
    text = (
        "Vraag 1\n"
        "Wat is uw oordeel over het artikel «U.S. Trains African Commandos»?1 \n\n"
        "Antwoord 1\n"
        "De missie houdt zich niet bezig met het trainen van \n\n"
        "1 http://www.nytimes.com/2014/05/27/world/africa/us-trains-african-commandos-to-fight-\n"
        "terrorism.html\n"
        " speciale eenheden. President Obama kondigde een fonds van USD \n"
        "5 miljard aan.\n"
    )
    assert _found(text) == ([(1, 2, 68)], [(1, 7, 1)])


def test_a_marker_glued_to_a_year() -> None:
    text = HEADER + (
        "Vraag 1\nKent u de brief?\nAntwoord 1\n"
        "In mijn brief van 7 november 20231 heb ik u geïnformeerd, zie Cybersecuritystrategie "
        "2022\u201320282.\n"
        "1\nAntwoorden op Kamervragen | Kamerstuk | Rijksoverheid.nl\n"
        "2\nNederlandse Cybersecuritystrategie 2022\u20132028 | nctv.nl\n\n" + FOOTER
    )
    markers, _ = _found(text)
    assert markers == [(1, 7, 34), (2, 7, 95)]


def test_table_cells_and_page_numbers_are_not_footnotes() -> None:
    text = HEADER + (
        "Vraag 1\nKunt u de cijfers geven?1\nAntwoord 1\n"
        "Meldingen Tumba\n\n2\n10\n\n3\n14\n\nTOTAAL\n\n12\n\n"
        "1\n\nah-tk-20232024-1314\n\nNOS, d.d. 1 maart 2024, «Kritiek»\n\n"
        "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel\n\n2\n"
    )
    assert _numbers(text) == ([1], [1])


def test_a_lost_marker_and_a_lost_note_are_found() -> None:
    lost_marker = HEADER + (
        "Vraag 1\nHeeft u kennisgenomen van het bericht «Rijksadviseur»?\nVraag 2\n"
        "Bent u het eens?\n"
        "1Dagblad van het Noorden, 11 november 2024, «Rijksadviseur», https://dvhn.nl/\n" + FOOTER
    )
    assert _found(lost_marker) == ([], [(1, 8, 1)])
    lost_note = HEADER + "Vraag 1\nKent u de aflevering van Kassa? 1)\n\nVraag 2\nEn het RIVM? 2)\n"
    assert _numbers(lost_note) == ([1, 2], [])


def test_a_numbered_list_of_sources_is_not_a_list_of_notes() -> None:
    text = HEADER + (
        "Vraag 1\nWelke stukken zijn relevant?\nAntwoord 1\nDe relevante stukken zijn:\n"
        "1) Kamerstuk 36 410, nr. 31\n2) Kamerstuk 36 410, nr. 32\n"
    )
    assert _found(text) == ([], [])


def test_a_number_the_sentence_reads_on_to_is_not_the_note_that_follows_later() -> None:
    text = HEADER + (
        "Vraag 1\nKent u het bericht?1\nAntwoord 1\nJa.\n"
        "Vraag 2\nIndien het antwoord op vraag\n1 bevestigend is, welke stappen zet u dan?\n"
        "Antwoord 2\nDie stappen volgen.\n"
        "1NOS, 22 oktober 2024, «Bericht»\n" + FOOTER
    )
    assert _found(text) == ([(1, 5, 20)], [(1, 13, 1)])
    # Without a later note, a note after a line ending in "de" stays one.
    text = HEADER + (
        "Vraag 1\nKent u het bericht?1\nAntwoord 1\nHet kabinet bespreekt dit met de\n"
        "1 Dit betreft de periode tot en met juni.\n" + FOOTER
    )
    assert _found(text) == ([(1, 5, 20)], [(1, 8, 1)])


def test_a_footnote_text_is_no_text_of_the_block_it_stands_in() -> None:
    text = HEADER + (
        "Vraag 1\nKent u het bericht?1\nAntwoord 1\n"
        "1NOS, 22 oktober 2024, «Bericht»\nhttps://nos.nl/artikel/1\n" + FOOTER + "Ja.\n"
        "Vraag 2\nWat doet u?\nAntwoord 2\n"
        "2NOS, 23 oktober 2024, «Tweede bericht»\n\n" + FOOTER + "Vraag 3\nEn nu?\n"
    )
    doc = parse("concept.txt", split_lines(text))
    assert [(b.label, b.body_lines) for b in doc.answers] == [("Antwoord 1", 1), ("Antwoord 2", 0)]


def test_a_paren_marker_inside_parentheses_opened_on_an_earlier_line() -> None:
    text = (
        "AH 614\n2024Z14815\n"
        "Antwoord van staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport) "
        "(ontvangen 20 november 2024)\n\n"
        "Vraag 1\nKent u de uitzending van Kassa (op zaterdag en\nzondag in de avond 1)\n"
        "of het rapport? 1)\n\nVraag 2\nKent u (dat rapport\n\nvan de inspectie 2)\n"
        "Antwoord 1\nJa.\n\n1) Kassa, 2 november 2024\n2) Inspectie, 1 november 2024\n"
    )
    # "avond 1)" closes the parenthesis of the line before; a blank line ends it.
    assert _found(text)[0] == [(1, 8, 17), (2, 13, 18)]


def test_markers_next_to_signs_outside_latin_1_and_indented_notes() -> None:
    text = HEADER + (
        "Vraag 1\nKent u het bericht \u201cKinderrechten\u201d1 en het \u2018rapport\u20192?\n"
        "Antwoord 1\nJa, zie de brief (NOS)3.\n"
        "   1 NOS, 22 oktober 2024\n  2Kamerstuk 36 410, nr. 31\n\u00a03 NOS, 23 oktober 2024\n"
        + FOOTER
    )
    assert _found(text) == (
        [(1, 5, 35), (2, 5, 53), (3, 7, 23)],
        [(1, 8, 4), (2, 9, 3), (3, 10, 2)],
    )


def test_spans_count_lines_like_grep_with_form_feeds_and_crlf() -> None:
    """A08, A10: footnote spans count lines like grep -n."""
    text = HEADER.replace("\n", "\r\n") + (
        "Vraag 1\r\n\fKent u het bericht «X»?1\r\nAntwoord 1\r\nJa.\r\n"
        "\f1NOS, 22 oktober 2024, «X»\r\n" + FOOTER
    )
    lines = split_lines(text)
    doc = parse("concept.txt", lines)
    (marker,) = doc.footnote_markers
    (note,) = doc.footnote_notes
    assert (marker.span.line, marker.span.column, marker.span.end_column) == (5, 25, 26)
    assert lines[marker.span.line - 1][marker.span.column - 1] == "1"
    assert (note.span.line, note.span.column) == (8, 2)
    assert note.text.startswith("NOS")


def test_footnote_parsing_scales_linearly() -> None:
    """B11: footnote parsing stays linear."""
    small = tuple(["Vraag 1"] + ["Kent u het bericht?1 Zie jl.2 en [3 ] 4) (5) 1998 m2"] * 2_000)
    large = small + small[1:]

    def ratio() -> float:
        t_small = min(
            _timed(lambda: find_footnotes(small, 0, 0, {0: 7}, [False] * len(small)))
            for _ in range(3)
        )
        t_large = min(
            _timed(lambda: find_footnotes(large, 0, 0, {0: 7}, [False] * len(large)))
            for _ in range(3)
        )
        return t_large / max(t_small, 1e-3)

    # A noisy neighbour can spoil one measurement, not three in a row; quadratic
    # parsing gives about 4 every time.
    assert min(ratio() for _ in range(3)) < 2.5


def _timed(function: object) -> float:
    start = time.perf_counter()
    function()  # type: ignore[operator]
    return time.perf_counter() - start
