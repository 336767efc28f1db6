"""The parser's cheap tests before its patterns must never disagree with the patterns.

Labels and artefact lines are first recognised by a look at how a line starts, and the
commonest labels are read by one short pattern; the full patterns decide the rest. When
someone adds a form to a full pattern and forgets the shortcut, these tests show it on
every line of the real corpus, the fixtures and the regressions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence

import pytest

from qalint.parse import numbers, parse, references
from qalint.parse.blocks import _plain_read, find_label, find_labels
from qalint.parse.footnotes import (
    _BRACKET,
    _CANDIDATE,
    _line_start,
    _lines_to_read,
)
from qalint.parse.header import (
    _GOVERNMENT,
    _MEDE,
    _PORTFOLIO_SEPARATOR,
    _TITLE,
    _TITLE_ANY_CASE,
    _find_at_depth_zero,
    _government,
    _titles,
)
from qalint.parse.lazy import compiled
from qalint.parse.normalise import is_artefact
from qalint.source import split_lines
from tests.helpers import fixture_lines

DOCUMENTS = [lines for _, lines in fixture_lines()]
LINES = [line for lines in DOCUMENTS for line in lines]
#: Forms the corpus may lack: the shortcut must leave each to the full pattern.
EDGES = [
    "Vraag 4",
    "Vraag 04",
    "Vraag 0",
    "Vraag 1234567",
    "Vraag 4 en 5",
    "Vraag 4:",
    "Vraag  4",
    "Vraag 4 ",
    "Antwoord",
    "Antwoord 7",
    "Antwoord 7.",
    "Antwoorden 1 en 2",
    "Antwoord van de Minister",
    "**Vraag 2**",
    "\u00a0Vraag 3",
    "Vragen 1 tot en met 3",
    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 1Antwoord 3",
    "ISSN 0921 - 7398\u2019s-Gravenhage 2023Tweede Kamer, vergaderjaar 2022\u20132023, "
    "Aanhangsel 1Antwoord 3",
    "\u2019s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2024\u20132025, Vragen 1Vraag 8",
    "ISSN 0921 - 7398\u2019s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024\u20132025, "
    "Aanhangsel 1",
    "   ---   ",
    "ISSN 0921 - 7398",
    "\u2019s-Gravenhage 2024",
    "# 12",
    "kv-tk-2024Z01234",
    # A footer glued to a line that opens like neither an artefact nor a label, though
    # with a letter that such lines open with (_OPENINGS).
    "Inhoud Tweede Kamer, vergaderjaar 2024\u20132025, Aanhangsel 1Antwoord 3",
    "Vol Tweede Kamer, vergaderjaar 2024\u20132025, Vragen 1Vraag 8",
    # Blanks, bold and header words before and after a keyword (_KEYWORD_STARTS,
    # _PROSE_STARTS): labels, and near misses.
    "  Vraag 5",
    "\fAntwoord 3",
    "\v\u00a0**Antwoord 6:**",
    " *Vraag 1",
    "\t**Vragen 2 en 3**",
    "Antwoord vragen 3",
    "Antwoord van 3",
    "Antwoord van:",
    "Antwoord van Minister X: tekst",
    "Antwoord vraag 4",
    "Vragen van 3",
    "Vragen vraag 3",
    "Vragen gesteld 2",
    "Vragen  van het lid X",
    "Antwoorden van de Minister",
    # Lists: plain ones are read by _PLAIN_LABEL too, the rest by the full grammar.
    "Vraag 4, 6 en 7",
    "Vraag 4,6 en 7",
    "Antwoord 3, 4, 5",
    "Vraag 4  en 5",
    "Vraag 4 en 05",
    "Vraag 4 en 5 en",
    "Vraag 4 en 5 ",
    "Vraag 4, en 5",
    "Vraag 4 & 5",
    "Antwoord 4 EN 5",
    "Vraag 4 en 1234567",
    "Vraag 4 en 5:",
    "Vraag 4 t/m 6",
    "Antwoord 4-6",
    "Vraag 4 en 5 6",
]


def test_the_corpus_has_lines_to_test() -> None:
    assert len(LINES) > 10_000


@pytest.mark.parametrize("lines", [LINES, EDGES], ids=["corpus", "edges"])
def test_artefact_shortcut_agrees_with_the_pattern(lines: list[str]) -> None:
    flags = find_labels(tuple(lines))[1]
    disagree = [line for line, flag in zip(lines, flags, strict=True) if flag != is_artefact(line)]
    assert disagree == []
    assert any(flags)  # the shortcut lets real artefacts through to the pattern


@pytest.mark.parametrize("lines", [LINES, EDGES], ids=["corpus", "edges"])
def test_plain_read_reads_what_find_label_reads(lines: list[str]) -> None:
    read = 0
    for index, line in enumerate(lines):
        plain = _plain_read(line)
        if plain is not None:
            read += 1
            label = find_label(line, index)
            assert label is not None, line
            assert (*plain[:1], index, *plain[1:]) == label, line
    assert read > 0


@pytest.mark.parametrize("lines", [LINES, EDGES], ids=["corpus", "edges"])
def test_find_labels_reads_what_find_label_reads(lines: list[str]) -> None:
    # Twice, one line down: the second time the readings come from find_labels' cache
    # and must still get each line's own index.
    for shift in (0, 1):
        shifted = ("",) * shift + tuple(lines)
        expected = [
            label for index, line in enumerate(shifted) if (label := find_label(line, index))
        ]
        assert any(label.role == "question" for label in expected)  # no numbered drafts
        assert find_labels(shifted)[0] == expected


@pytest.mark.parametrize("lines", [LINES, EDGES], ids=["corpus", "edges"])
def test_no_label_is_read_on_an_artefact_line(lines: list[str]) -> None:
    # The running text and the block bodies leave artefact lines out: a label read on
    # one would lose its text ("ISSN ...’s-Gravenhage 2023Tweede Kamer, ... 1Antwoord 3").
    assert [line for line in lines if is_artefact(line) and find_label(line, 0)] == []


#: Blank lines by their first character, and white space that is no blank (_BLANK).
BLANK_EDGES = ["", " ", "\v", "\f", "\u00a0\t \f\v", "\u2003", " \u2003 ", "\x85", "\t-"]


@pytest.mark.parametrize("lines", [LINES, EDGES + BLANK_EDGES], ids=["corpus", "edges"])
def test_lines_without_text_are_the_blank_lines_and_artefacts(lines: list[str]) -> None:
    # find_labels tells blank lines by their first character (a blank) and build_blocks
    # counts a block's text lines by them. Twice: the second time most lines are judged
    # from find_labels' cache.
    expected = [
        index
        for index, line in enumerate(lines)
        if not line.strip(" \t\u00a0\f\v") or is_artefact(line)
    ]
    footers = {
        index
        for index, line in enumerate(lines)
        if "Kamer, vergaderjaar" in line and not is_artefact(line)
    }
    for _ in range(2):
        found = find_labels(tuple(lines))
        assert found[3] == expected
        assert found[2] == footers


def test_edges_that_the_shortcut_must_leave_alone() -> None:
    # Leading zeros, over-long numbers, ranges and lists that break the plain form are
    # the full grammar's (QA004, QA107).
    for line in (
        "Vraag 04",
        "Vraag 1234567",
        "Vraag 4 en 05",
        "Vraag 4 t/m 6",
        "Vraag 4 en 5 6",
        "Antwoorden 1 en 2",
    ):
        assert _plain_read(line) is None
        assert find_label(line, 0) is not None


#: Footnote forms for the sign test, and characters that the class map must not misread:
#: white space outside _BLANK, Latin-1 and other punctuation, capitals.
FOOTNOTE_EDGES = [
    "tekst?1 en meer",
    "»?1, 2",
    "jl.2 Hierbij",
    "Joseph-Agema3, en",
    "november 20231 en",
    "2022-20282",
    "bij het UWV 1) ook",
    "(zie bijlage 1) en (2)",
    "gesproken.3Toekomstige",
    "gesproken»3Toekomstige",
    "gesproken\u201d3Toekomstige",
    "[1 ] en [4 5 ] en [10] en [^1]",
    "[^1]: NOS",
    "[1] NOS",
    "   [2] NOS",
    "  3 NOS",
    "\u00a04NOS",
    "\t5) NOS",
    "1",
    "12) NOS",
    "woord1\u2009en",
    "woord1\x85en",
    "woord1\u3000",
    "woord\u20092 en",
    "NIS24 en",
    "(123) en 123)",
    "tekst1.",
    "tekst1?!",
    "tekst12345678 en",
]


def _random_lines(pieces: Sequence[str], count: int, longest: int, seed: int) -> list[str]:
    """``count`` random lines of 1 to ``longest`` pieces (seeded: reproducible)."""
    chooser = random.Random(seed)
    return ["".join(chooser.choices(pieces, k=chooser.randint(1, longest))) for _ in range(count)]


def _alphabet_lines(count: int) -> list[str]:
    """Random lines over characters that matter to the signs."""
    return _random_lines("0123456789 \t\u00a0\u2009\u3000\x85.,;:?!»\u201d()[]^aZx-/", count, 24, 7)


@pytest.mark.parametrize(
    "lines",
    [LINES, FOOTNOTE_EDGES, _alphabet_lines(20_000)],
    ids=["corpus", "edges", "alphabet"],
)
def test_footnote_signs_find_every_candidate(lines: list[str]) -> None:
    """_lines_to_read must give each line where a footnote pattern matches, and the
    first digit of each candidate's number (the signs only candidates are tried at)."""
    for line in lines:
        read = dict(_lines_to_read((line,), 0, [False]))
        signs = set(read.get(0, ()))
        for start, char in enumerate(line):
            if char in "0123456789(" and _CANDIDATE.match(line, start):
                assert start + (char == "(") in signs, (line, start)
        for match in compiled(_BRACKET).finditer(line):
            assert match.start("inner") in signs, (line, match.start())
        if _line_start(line, 0) is not None:
            assert signs, line


#: Government lines the corpus may lack, and near misses.
GOVERNMENT_EDGES = [
    "Mededeling van de Minister van Financiën (ontvangen 3 juni 2024)",
    "Antwoord van staatssecretaris Van Dijk",
    "Antwoord van de minister-president",
    "Antwoord van Minister X en antwoord van Mededeling van de Minister",
    "antwoord van de Minister",
    "Antwoord van het Ministerie",
    "Antwoord  van de Minister",
    "Zie Antwoord van Mededeling van Staatssecretaris Y",
]


@pytest.mark.parametrize("lines", [LINES, GOVERNMENT_EDGES], ids=["corpus", "edges"])
def test_government_search_from_its_first_word_finds_what_the_pattern_finds(
    lines: list[str],
) -> None:
    texts = [*lines, " ".join(lines)]
    for text in texts:
        expected = _GOVERNMENT.search(text)
        found = _government(text)
        assert (found and found.span()) == (expected and expected.span()), text
    assert any(_government(text) for text in texts)


def _digit_lines(count: int) -> list[str]:
    """Random lines over characters that matter to the number lists (seeded)."""
    alphabet = "0123 \t\u00a0,-/tmen\u00b2\u00b9\u2075\u0663\uff17\u2013aZ"
    chooser = random.Random(11)
    return ["".join(chooser.choices(alphabet, k=chooser.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize("lines", [LINES, _digit_lines(20_000)], ids=["corpus", "alphabet"])
def test_number_lists_read_odd_digits_as_the_pattern_does(lines: list[str]) -> None:
    """scan_number_list looks for a digit that is no ASCII digit only in a text that is
    not ASCII: it must find every one that _DIGIT_LIKE finds where no number starts."""
    digit_like = re.compile(numbers._DIGIT_LIKE)
    odd = 0
    for line in lines:
        for pos in range(0, len(line), 3):
            scanned = numbers.scan_number_list(line, pos)
            match = digit_like.match(line, pos)
            if scanned is None:
                assert match is None, (line, pos)
            elif scanned.problems[:1] and scanned.problems[0].startswith("onverwacht"):
                assert match is not None and scanned.end == match.end(1), (line, pos)
                odd += 1
    assert odd or lines is LINES


#: Header patterns written so that the engine can skip to where they may match (see
#: _TITLE), each with the plain form it stands for.
PLAIN_HEADER_PATTERNS = [
    (_TITLE, re.compile(_TITLE_ANY_CASE)),
    (_MEDE, re.compile(r"\bmede (?:namens|ondertekend(?: door| namens)?)\b", re.IGNORECASE)),
    (_PORTFOLIO_SEPARATOR, re.compile(r"(?:,[ ]*|[ ]+en[ ]+)(?:van|voor)[ ]+")),
]
#: Header words in the cases and foldings the corpus may lack, and near misses.
HEADER_WORD_EDGES = [
    "aan de MINISTER van Financi\u00ebn en de StaatsSecretaris van Defensie",
    "de m\u0131nister en de m\u0130nister, ministerie, MINISTERIE, sinister, Minister-President",
    "de Staatsecretarissen, STAATSSECRETARIS, \u017ftaatssecretaris, staats\u017fecretaris",
    "Antwoord van Minister X, MEDE NAMENS de minister, Mede ondertekend door, xmede namens",
    "van A ,van B,  voor C  en  van D, en van E",
    "Vragen van het lid A (B) aan (de) minister over (iets) over aan",
]


@pytest.mark.parametrize("lines", [LINES, HEADER_WORD_EDGES], ids=["corpus", "edges"])
def test_header_patterns_match_what_their_plain_forms_match(lines: list[str]) -> None:
    texts = [*lines, " ".join(lines)]
    for pattern, plain in PLAIN_HEADER_PATTERNS:
        for text in texts:
            if pattern is not _TITLE or "\u017f" not in text:
                expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
                assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected
    for text in texts:
        expected = [m.span() for m in re.finditer(_TITLE_ANY_CASE, text)]
        assert [m.span() for m in _titles(text, 0, len(text))] == expected


def _depth_zero_by_pattern(text: str, needle: str, start: int, end: int) -> int:
    """The plain form of _find_at_depth_zero: one pattern for parentheses and needle."""
    depth = 0
    for match in re.compile(r"[()]|" + re.escape(needle)).finditer(text, start, end):
        if match.group() == "(":
            depth += 1
        elif match.group() == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            return match.start()
    return -1


def _needle_lines(count: int) -> list[str]:
    """Random lines of parentheses and needles, overlapping ones too."""
    pieces = ["(", ")", " aan ", " over ", "aan ", "over ", " ", "a", "))", "(("]
    return _random_lines(pieces, count, 16, 13)


@pytest.mark.parametrize(
    "lines",
    [LINES, HEADER_WORD_EDGES, _needle_lines(5_000)],
    ids=["corpus", "edges", "alphabet"],
)
def test_depth_zero_search_finds_what_the_plain_pattern_finds(lines: list[str]) -> None:
    found = 0
    for text in [*lines, " ".join(lines[:500])]:
        for needle in (" aan ", " over "):
            for start, end in ((0, len(text)), (1, len(text) - 1), (3, len(text) // 2)):
                expected = _depth_zero_by_pattern(text, needle, start, end)
                assert _find_at_depth_zero(text, needle, start, end) == expected, (text, start)
                found += expected != -1
    assert found


#: Reference forms the corpus may lack: capitals (read), and keywords in mixed case,
#: which the patterns do not read (in lower case after the first letter, or all in
#: capitals); the last three hold no reference the patterns read.
REFERENCE_EDGES = [
    "ZIE VRAAG 5.",
    "ZIE OOK HET ANTWOORD OP VRAAG 2.",
    "VERWIJS IK U GRAAG NAAR DE ANTWOORDEN OP DE VRAGEN 1 EN 2.",
    "ZIE DE BEANTWOORDING BIJ VRAAG 3.",
    "ZOALS IN ANTWOORD VIER IS AANGEGEVEN.",
    "IN HET ANTWOORDBIJ VRAAG 2 en BIJ VRAAG 4",
    "Zie Antwoord 3, Zie Vraag 4 en zie VRAGEN 1 en 2.",
    "Zie vraag 3 en in aNTWOORD 5 en zie vRAAG 6.",
    "In het aNTWOORD 5 en aNTWOORDEN 4 staat een vraag in 2 delen.",
    "Zie vRaAg 5 en zie AnTwOoRd 3.",
    "DEN HAAG 5, VANDAAG 3, DAGEN 2, AANTWOORD 4",
]


def _reference_documents() -> Iterator[tuple[str, ...]]:
    yield from DOCUMENTS
    head = (
        "Antwoord van Minister Timmermans (Buitenlandse Zaken) (ontvangen 30 juni 2014).\n"
        "Vraag 1\nA?\nVraag 2\nB?\nVraag 3, 4 en 5\nC?\nAntwoord 1 t/m 5\n"
    )
    for sentence in REFERENCE_EDGES:
        yield split_lines(head + sentence + "\n")


def test_references_found_near_keywords_are_those_of_the_whole_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The keyword search and the cues must leave out no match of the full patterns: the
    same references as when the patterns run over the whole running text."""
    documents = list(_reference_documents())
    found = [parse("d.txt", lines).references for lines in documents]
    assert sum(map(len, found)) > 100
    assert all(found[-len(REFERENCE_EDGES) : -3])  # capitals are read
    assert not any(found[-3:])  # mixed case is not

    def everywhere(pattern: re.Pattern[str], text: str, ends: object) -> Iterator[re.Match[str]]:
        return pattern.finditer(text)

    monkeypatch.setattr(references, "_candidates", everywhere)
    assert [parse("d.txt", lines).references for lines in documents] == found
