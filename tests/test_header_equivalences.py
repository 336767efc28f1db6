"""The header parser's cheaper forms must give what the plain forms they replace give.

Each test compares a function of qalint.parse.header with a plain form of it (written
out here) on the real corpus, the fixtures and the regressions, and on random texts.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from qalint.model import DateField, HeaderLine, Official, Span
from qalint.parse.blocks import find_labels
from qalint.parse.dates import parse_date_text
from qalint.parse.header import (
    _MEDE,
    _MEDE_WORD,
    _NUMBER_LINE,
    _PERSON,
    _PORTFOLIO_SEPARATOR,
    _QUESTION_HEADER,
    _TITLE,
    _TITLE_ANY_CASE,
    _end_of_parenthesised,
    _government,
    _header_line,
    _names,
    _paragraph_end,
    _persons_by_separators,
    _portfolios,
    _signer,
    _signers,
    _title_word,
    _titles,
    _trim_portfolio,
    parse_header,
)
from qalint.parse.lazy import compiled
from qalint.parse.normalise import RunningText, running_text
from tests.test_parse_prefilters import DOCUMENTS


def _header_texts() -> list[tuple[RunningText, tuple[str, ...], int]]:
    """The running text of each document's header region, its lines, its first label."""
    found = []
    for lines in DOCUMENTS:
        labels, artefact, footers, _ = find_labels(lines)
        first_label = labels[0][1] if labels else len(lines)
        running = running_text(lines, 0, first_label, artefact=artefact, footers=footers)
        found.append((running, lines, first_label))
    return found


#: Lines broken after a hyphen join without a space: an element may end where a
#: segment starts.
HYPHENATED = (
    "Vragen van het lid Jansen (VVD) aan de Minister van Binnen-",
    "landse Zaken over radicalise-",
    "ring (ingezonden 1 juni 2024).",
)
HEADERS = [
    *_header_texts(),
    (running_text(HYPHENATED, artefact=[False] * 3, footers=frozenset()), HYPHENATED, 3),
]


def _plain_trim(text: str, start: int, end: int) -> tuple[int, int]:
    """_trim_portfolio as a loop over characters and suffixes."""
    while True:
        while end > start and text[end - 1] in " ,":
            end -= 1
        for suffix in (" en de", " en", " de"):
            if end - start >= len(suffix) and text.startswith(suffix, end - len(suffix)):
                end -= len(suffix)
                break
        else:
            break
    while start < end and text[start] == " ":
        start += 1
    if text[start:end] in ("en", "de", "en de"):
        return start, start
    return start, end


def _windows(texts: list[str], rng: random.Random) -> Iterator[tuple[str, int, int]]:
    """Three random ranges of each text, and of the start of each corpus header."""
    for text in [*texts, *(running.text[:400] for running, _, _ in HEADERS)]:
        for _ in range(3):
            start = rng.randrange(len(text) + 1)
            yield text, start, rng.randrange(start, len(text) + 1)


def test_trim_portfolio_is_the_plain_loop() -> None:
    pieces = ["A", "Zaken", " ", ",", " en", " de", "en", "de", " en de", "e", "n", "d"]
    rng = random.Random(7)
    texts = ["".join(rng.choices(pieces, k=rng.randrange(8))) for _ in range(20000)]
    for text, start, end in _windows(texts, rng):
        assert _trim_portfolio(text, start, end) == _plain_trim(text, start, end), text[start:end]


def _plain_portfolios(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """_portfolios with the separators always searched for by the pattern."""
    lead = start
    while lead < end and text[lead] in " ,":
        lead += 1
    for word in ("van ", "voor "):
        if text.startswith(word, lead) and lead + len(word) <= end:
            lead += len(word)
            break
    pieces, cursor = [], lead
    for separator in _PORTFOLIO_SEPARATOR.finditer(text, lead, end):
        pieces.append((cursor, separator.start()))
        cursor = separator.end()
    pieces.append((cursor, end))
    trimmed = [_trim_portfolio(text, piece_start, piece_end) for piece_start, piece_end in pieces]
    return [
        (piece_start, piece_end) for piece_start, piece_end in trimmed if piece_end > piece_start
    ]


def test_portfolios_finds_the_separators_the_pattern_finds() -> None:
    # _portfolios searches for separators only where "van " or "voor " follows the lead.
    pieces = ["A", "Zaken", " ", "  ", ",", " en", "en", "van", "voor", "vo", "va", "n", "r"]
    rng = random.Random(13)
    texts = ["".join(rng.choices(pieces, k=rng.randrange(12))) for _ in range(20000)]
    for text, start, end in _windows(texts, rng):
        assert _portfolios(text, start, end) == _plain_portfolios(text, start, end), text[start:end]


def test_mede_holds_its_word_in_lower_case() -> None:
    # _signers searches for _MEDE only in a text whose lowered copy holds _MEDE_WORD.
    pieces = ["m", "M", "e", "E", "d", "D", "\u0130", "\u017f", " ", "namens", "NAMENS"]
    pieces += ["ondertekend", "Ondertekend door", "mede", "Mede", "MEDE", "x"]
    pieces += [" mede namens", " MEDE NAMENS", " Mede ondertekend door", " mEdE ondertekend"]
    rng = random.Random(17)
    texts = ["".join(rng.choices(pieces, k=rng.randrange(12))) for _ in range(20000)]
    texts += [running.text for running, _, _ in HEADERS]
    found = 0
    for text in texts:
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        for first, last in ((0, len(text)), (start, end)):
            if _MEDE.search(text, first, last) is not None:
                found += 1
                assert _MEDE_WORD in text[first:last].lower(), text[first:last]
    assert found > 1000


def test_signers_find_co_signers_in_any_case() -> None:
    # The lowered copy that _signers looks in first must let every spelling through.
    rng = random.Random(19)
    for words in ("mede namens", "mede ondertekend door", "mede ondertekend namens"):
        for _ in range(50):
            mede = "".join(c.upper() if rng.random() < 0.5 else c for c in words)
            mede = "M" + mede[1:] if rng.random() < 0.5 else "m" + mede[1:]
            line = f"Antwoord van minister A (X), {mede} de staatssecretaris van Y."
            running = running_text((line,), artefact=[False], footers=frozenset())
            roles = [official.role for official in _signers(running, 0, len(line))]
            assert roles == ["signer", "co-signer"], line


def _plain_signer(running: RunningText, match: re.Match[str], stop: int) -> Official:
    """_signer by str.find for the first "(" and the [()] pattern for the next."""
    text = running.text
    title = _title_word(match["title"])
    after = match.end()
    paren = text.find("(", after, stop)
    name_end = paren if paren != -1 else stop
    name = text[after:name_end].strip(" ,.")
    if name.startswith(("van ", "voor ")):
        portfolio = name[name.index(" ") + 1 :].strip()
        return Official("signer", title, portfolio, running.span(match.start(), name_end))
    portfolio = ""
    portfolio_end = name_end
    if paren != -1:
        parenthesis = re.compile("[()]").search(text, paren + 1, stop)
        close = parenthesis.start() if parenthesis is not None else stop
        inner = text[paren + 1 : close].strip()
        if not inner.startswith(("ontvangen", "ingezonden")):
            portfolio = inner
            portfolio_end = close
    span = running.span(match.start(), portfolio_end)
    return Official("signer", title, portfolio, span, name or None)


def test_signer_is_the_plain_reading() -> None:
    # _signer reads the name and the parenthesis after it in one match.
    pieces = ["Minister", " Smit", " (", "(", ")", "Binnenlandse Zaken", " van ", "voor "]
    pieces += [" (ontvangen 1 juni 2024)", ",", ".", " ", "\u00a0", "\n", " (ingezonden"]
    rng = random.Random(29)
    texts = ["".join(rng.choices(pieces, k=rng.randrange(12))) for _ in range(5000)]
    texts = ["Antwoord van minister" + text for text in texts]
    documents = [tuple(text.split("\n")) for text in texts]
    documents += [lines for _, lines, _ in HEADERS]
    checked = 0
    for lines in documents:
        running = running_text(lines, artefact=[False] * len(lines), footers=frozenset())
        text = running.text
        for match in _TITLE.finditer(text):
            for stop in {len(text), rng.randrange(match.end(), len(text) + 1)}:
                expected = _plain_signer(running, match, stop)
                assert _signer(running, match, stop) == expected, (text, stop)
                checked += 1
    assert checked > 10000


def test_titles_are_those_the_pattern_finds() -> None:
    # _titles looks for a second title in a lowered copy of an ASCII rest first.
    pieces = ["Minister", "minister", "MINISTER", "mInIsTeR", "m\u0131nister", "M\u0130NISTER"]
    pieces += ["ministerie", "s", "-president", "Staatssecretaris", "STAATSECRETARIS"]
    pieces += ["staat\u017fsecretaris", "sen", " van ", "en", "\u00e9", "m", "S", " "]
    rng = random.Random(23)
    texts = ["".join(rng.choices(pieces, k=rng.randrange(8))) for _ in range(20000)]
    texts += [running.text for running, _, _ in HEADERS]
    several = 0
    for text in texts:
        pattern = _TITLE if "\u017f" not in text else compiled(_TITLE_ANY_CASE)
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        for first, last in ((0, len(text)), (start, end)):
            expected = [match.span() for match in pattern.finditer(text, first, last)]
            assert [match.span() for match in _titles(text, first, last)] == expected, text
            several += len(expected) > 1
    assert several > 1000


def test_header_line_span_is_that_of_the_running_text() -> None:
    # _header_line places the element by the segments of its pieces, not by running.span.
    rng = random.Random(11)
    checked = 0
    for running, _, _ in HEADERS:
        text = running.text
        if not text:
            continue
        ranges = []
        for _ in range(20):
            start = rng.randrange(len(text) + 1)
            ranges.append((start, rng.randrange(start, min(len(text), start + 600) + 1)))
        # Ends where a segment starts (after a hyphen, no space): the edge of bisection.
        ranges += [(rng.randrange(end), end) for end in running.starts[1:]]
        for start, end in ranges:
            if not text[start:end].rstrip(" "):
                continue  # a header element is never empty
            tails: list[tuple[int, int, int, int]] = []
            line = _header_line(running, start, end, tails)
            assert line.span == running.span(start, start + len(line.text)), (start, end)
            # Any range from the tail's start to the element's end: the span the header
            # gives a date there is running.span's.
            [(tail_start, tail_end, number, shift)] = tails
            assert start <= tail_start < tail_end == start + len(line.text)
            for begin in {tail_start, tail_end - 1, rng.randrange(tail_start, tail_end)}:
                for stop in {begin + 1, tail_end, rng.randrange(begin + 1, tail_end + 1)}:
                    span = Span(number, shift + begin, number, shift + stop)
                    assert span == running.span(begin, stop), (start, end, begin, stop)
            checked += 1
    assert checked > 1000


#: Question headers whose member form a line break splits, also with blanks around it.
FORM_WRAPPED = [
    ("Vragen van het", "lid Jansen (VVD) aan de Minister van Defensie (ingezonden 1 juni 2024)."),
    ("  Vraag van de  ", "  leden lid Jansen (VVD) aan de Minister van Defensie."),
    ("Vragen van de le-", "den Jansen (VVD) en Smit (CDA) aan de Minister van Defensie."),
    ("x", "Vragen van het lid Jansen (VVD)", "aan de Minister van Defensie."),
]


def test_member_form_span_is_that_of_the_running_text() -> None:
    # parse_header places the member form by the first piece of its element where no
    # line breaks inside the form, else by running.span.
    wrapped_headers = [
        (running_text(lines, artefact=[False] * len(lines), footers=frozenset()), lines, 9)
        for lines in FORM_WRAPPED
    ]
    checked = wrapped = 0
    for running, lines, last_line in [*HEADERS, *wrapped_headers]:
        question = _QUESTION_HEADER.search(running.text)
        if question is None:
            continue
        span = parse_header(running, lines, last_line).member_form_span
        assert span == running.span(*question.span("form")), lines[:12]
        checked += 1
        wrapped += span is not None and span.line != span.end_line
    assert checked > 100
    assert wrapped == 3


def _plain_dates(running: RunningText, lines: tuple[str, ...]) -> list[DateField]:
    """The submitted and received dates, each "(" searched for by a pattern and its date
    read by str.find, placed by running.span."""
    text = running.text
    header_end = 0
    question = _QUESTION_HEADER.search(text)
    if question is not None:
        paragraph_end = _paragraph_end(running, lines, question.start())
        header_end = _end_of_parenthesised(text, question.start(), "(ingezonden", paragraph_end)
    government = _government(text)
    if government is not None:
        paragraph_end = _paragraph_end(running, lines, government.start())
        end = _end_of_parenthesised(text, government.start(), "(ontvangen", paragraph_end)
        header_end = max(header_end, end)
    found = []
    for match in re.finditer(r"\((ingezonden|ontvangen)\b", text):
        begin, after = match.span()
        if header_end and begin >= header_end:
            break
        close = text.find(")", after, after + 80)
        if text.find("(", after, close if close != -1 else after + 80) != -1:
            continue
        stop = close if close != -1 else min(len(text), after + 40)
        span = running.span(begin, stop + 1 if close != -1 else stop)
        role = "submitted" if match[1] == "ingezonden" else "received"
        found.append(parse_date_text(role, text[after:stop], span))
    return found


def test_dates_are_those_of_the_plain_search() -> None:
    # parse_header reads each date with the "(" that opens it in one match.
    pieces = ["(ingezonden", "(ontvangen", " 1 juni 2024", ")", "(", "x" * 37, " ", "."]
    pieces += ["Vragen van het lid Jansen (VVD)", "Antwoord van de Minister van Defensie", "\n"]
    rng = random.Random(7)
    texts = [
        "(ingezonden " + "x" * length + ")" + tail
        for length in (77, 78, 79, 80, 81)
        for tail in ("", " (ontvangen 1 juni 2024)")
    ]
    texts += ["".join(rng.choices(pieces, k=rng.randrange(1, 12))) for _ in range(3000)]
    documents = [(lines, len(lines)) for lines in (tuple(text.split("\n")) for text in texts)]
    documents += [(lines, last_line) for _, lines, last_line in HEADERS]
    checked = 0
    for lines, last_line in documents:
        running = running_text(
            lines[:last_line], artefact=[False] * len(lines), footers=frozenset()
        )
        header = parse_header(running, lines, last_line)
        dates = [*header.submitted, *header.received]
        expected = _plain_dates(running, lines)
        assert sorted(dates, key=_date_key) == sorted(expected, key=_date_key), lines
        checked += len(expected)
    assert checked > 1000


def _date_key(date: DateField) -> tuple[int, int]:
    return date.span.line, date.span.column


def _plain_number_lines(lines: tuple[str, ...], last_line: int) -> dict[str, HeaderLine]:
    """The case and Aanhangsel number fields by a loop over the lines."""
    fields = {}
    for index in range(min(last_line, 12)):
        if m := _NUMBER_LINE.match(lines[index]):
            kind = "case_number" if m["case_number"] else "aanhangsel_number"
            if kind not in fields:
                fields[kind] = (m[kind], index + 1, m.start(kind) + 1)
    return fields


def _number_fields(lines: tuple[str, ...], last_line: int) -> dict[str, object]:
    header = parse_header(
        running_text(lines, artefact=[False] * len(lines), footers=frozenset()), lines, last_line
    )
    fields = {}
    for kind in ("case_number", "aanhangsel_number"):
        field = getattr(header, kind)
        if field is not None:
            fields[kind] = (field.text, field.span.line, field.span.column)
    return fields


def test_number_lines_are_those_of_the_plain_loop() -> None:
    # parse_header matches only the lines that open with a character of _NUMBER_STARTS.
    edges = [
        ("AH 604", "2024Z18294", "AH 604", "2024Z18294"),
        ("x", "2024Z18294", " 2024Z18294", "2024Z18294", "AH 12"),
        ("", "", "AH604", "ah 7", "AH604") + ("2024Z 17972",) * 12,
    ]
    found = 0
    for lines in [*(lines for _, lines, _ in HEADERS), *edges]:
        for last_line in (len(lines), 3):
            expected = _plain_number_lines(lines, last_line)
            assert _number_fields(lines, last_line) == expected, lines[:12]
            found += len(expected)
    assert found > 100


def test_random_number_lines() -> None:
    rng = random.Random(3)
    choices = ["2024Z18294", "AH 604", "ah 1", " 2024z 1234 ", "Vraag 1", "", "2024Z18294 x"]
    choices += ["\t2024Z18294", "\u00a0AH 7", "0000Z000", "9999 z 9999999", "Ah12", "aH 3"]
    for _ in range(3000):
        lines = tuple(rng.choices(choices, k=rng.randrange(1, 15)))
        last_line = rng.randrange(len(lines) + 1)
        assert _number_fields(lines, last_line) == _plain_number_lines(lines, last_line), lines


def test_names_are_those_read_separator_by_separator() -> None:
    # _names reads most texts with one pattern; every text must give what the loop over
    # separators gives.
    pieces = ["Jansen", "De Groot", " ", "(", ")", "VVD", "beiden ", ",", " en", " en ", "en"]
    pieces += ["e", "n", "((", "))", "x"]
    rng = random.Random(5)
    texts = ["".join(rng.choices(pieces, k=rng.randrange(12))) for _ in range(30000)]
    texts += [running.text[:300] for running, _, _ in HEADERS]
    fast = 0
    for text in texts:
        expected = _persons_by_separators(text)
        assert _names(text) == expected, text
        fast += all(m[3] for m in _PERSON.findall(text + ","))
    assert fast > len(texts) // 3
