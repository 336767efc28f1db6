"""The header parser's memo and shortcuts must give what the plain forms give.

_officials reads a text once per process (the _OFFICIALS memo) and places what it read
in each document; _paragraph_end answers from the segments' lines where those leave no
room for a blank line; parse_header builds its record from its fields in Header's order. Each
is compared with its plain form, written out here, on the real corpus, the fixtures and
the regressions, and on random texts.
"""

from __future__ import annotations

import bisect
import random

import pytest

import qalint.parse.header as header
from qalint.model import Header, HeaderLine, Official, Person, Span
from qalint.parse.header import (
    _OFFICIALS,
    _OFFICIALS_LENGTH,
    _officials,
    _paragraph_end,
    _portfolios,
    _title_word,
    _titles,
    parse_header,
)
from qalint.parse.normalise import RunningText, running_text
from tests.test_header_equivalences import HEADERS


def _plain_officials(running: RunningText, start: int, end: int, role: str) -> tuple[Official, ...]:
    """_officials read in the document itself, every time."""
    text = running.text
    titles = _titles(text, start, end)
    found: list[Official] = []
    waiting: list[tuple[str, int, int]] = []
    for position, match in enumerate(titles):
        stop = titles[position + 1].start() if position + 1 < len(titles) else end
        title = _title_word(match["title"])
        pieces = _portfolios(text, match.end(), stop)
        if not pieces:
            waiting.append((title, match.start(), match.end()))
            continue
        for title_waiting, begin, title_end in waiting:
            portfolio = text[pieces[0][0] : pieces[0][1]]
            span = running.span(begin, title_end)
            found.append(Official(role, title_waiting, portfolio, span, None))
        waiting = []
        for piece_start, piece_end in pieces:
            span = running.span(match.start(), piece_end)
            found.append(Official(role, title, text[piece_start:piece_end], span, None))
    for title_waiting, begin, title_end in waiting:
        found.append(Official(role, title_waiting, "", running.span(begin, title_end), None))
    return tuple(found)


def _random_runnings(seed: int, count: int) -> list[RunningText]:
    """Running texts of random lines of titles, portfolios and connecting words."""
    words = ["Minister", "minister", "Ministers", "Staatssecretaris", "staat\u017fsecretaris"]
    words += ["\u017ftaatssecretaris"]
    words += ["Minister-President", "van", "voor", "en", "de", ",", "Zaken", "Justitie"]
    words += ["Binnen-", "landse", "(VVD)", "  "]
    rng = random.Random(seed)
    runnings = []
    for _ in range(count):
        lines = tuple(
            " ".join(rng.choices(words, k=rng.randrange(1, 7))) for _ in range(rng.randrange(1, 4))
        )
        runnings.append(running_text(lines, artefact=[False] * len(lines), footers=frozenset()))
    return runnings


def test_officials_are_those_read_in_the_document() -> None:
    # The same texts at other places of other documents: read once, placed each time.
    rng = random.Random(29)
    runnings = [running for running, _, _ in HEADERS] + _random_runnings(31, 6000)
    checked = 0
    for _ in range(2):  # the second round is read from the memo
        for running in runnings:
            text = running.text
            ranges = [(0, len(text))]
            start = text.find(" aan ")
            if start != -1:  # a question header's addressees, as parse_header reads them
                end = text.find(" over ", start)
                ranges.append((start + 5, end if end != -1 else len(text)))
            start = rng.randrange(len(text) + 1)
            ranges.append((start, rng.randrange(start, len(text) + 1)))
            for start, end in ranges:
                expected = _plain_officials(running, start, end, "addressee")
                assert _officials(running, start, end, "addressee") == expected, text[start:end]
                checked += len(expected) > 1
    assert checked > 1000


def test_officials_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(header, "_OFFICIALS_SIZE", 8)
    _OFFICIALS.clear()
    for number in range(100):
        line = f"de Minister van Zaken {number}"
        running = running_text((line,), artefact=[False], footers=frozenset())
        assert _officials(running, 0, len(line), "addressee")[0].portfolio == f"Zaken {number}"
        assert 0 < len(_OFFICIALS) <= 8
    line = "de Minister van " + "Zaken " * _OFFICIALS_LENGTH
    running = running_text((line,), artefact=[False], footers=frozenset())
    _officials(running, 0, len(line), "addressee")
    assert line not in _OFFICIALS  # a long text is read, not kept
    _OFFICIALS.clear()


def _plain_paragraph_end(running: RunningText, lines: tuple[str, ...], start: int) -> int:
    """_paragraph_end looking at the lines every time."""
    starts, seg_lines = running.starts, running.seg_lines
    line = seg_lines[bisect.bisect_right(starts, start) - 1] - 1
    limit = min(len(lines), line + 12)
    for index in range(line + 1, limit):
        if not lines[index].strip():
            following = bisect.bisect_left(seg_lines, index + 2)
            if following < len(seg_lines) and seg_lines[following] <= limit + 1:
                return starts[following]
            break
    return len(running.text)


def test_paragraph_end_is_that_of_the_lines() -> None:
    # Lines without a segment: blank, white space only, page numbers, artefacts, and the
    # lines after the running text's last one.
    choices = ["Vragen van het lid A", "(ingezonden 1 juni 2024).", "", " ", "\u00a0", "12"]
    choices += ["Antwoord van Minister B", "2024Z18294", "Tweede Kamer, vergaderjaar"]
    rng = random.Random(37)
    documents = [(running, lines, last) for running, lines, last in HEADERS]
    for _ in range(4000):
        lines = tuple(rng.choices(choices, k=rng.randrange(1, 30)))
        last = rng.randrange(len(lines) + 1)
        artefact = [rng.random() < 0.1 for _ in lines]
        running = running_text(lines, 0, last, artefact=artefact, footers=frozenset())
        documents.append((running, lines, last))
    shortcut = checked = 0
    for running, lines, _ in documents:
        if not running.starts:
            continue
        for start in {*running.starts, rng.randrange(len(running.text) + 1)}:
            expected = _plain_paragraph_end(running, lines, start)
            assert _paragraph_end(running, lines, start) == expected, (lines, start)
            segment = bisect.bisect_right(running.starts, start) - 1
            consecutive = running.seg_lines[-1] - running.seg_lines[segment]
            shortcut += consecutive == len(running.starts) - 1 - segment
            checked += 1
    assert 1000 < shortcut < checked - 1000


def test_header_record_holds_the_fields_of_header() -> None:
    # parse_header builds its record from its fields in Header's order, with tuple's
    # constructor, which checks no field: each field is checked by its name.
    found = 0
    for running, lines, last_line in HEADERS:
        header = parse_header(running, lines, last_line)
        assert Header(*header) == header
        _check_fields(header)
        found += header.question_header is not None and header.case_number is not None
        found += header.government_line is not None and header.aanhangsel_number is not None
    assert found > 30


def _check_fields(header: Header) -> None:
    """Each field of ``header`` holds what its name says."""
    for name in ("question_header", "government_line", "case_number", "aanhangsel_number"):
        assert getattr(header, name) is None or isinstance(getattr(header, name), HeaderLine)
    if header.question_header is None:
        assert header.member_form is header.member_form_span is header.subject is None
        assert header.askers == header.addressed == header.addressees == ()
    else:
        assert header.question_header.text.startswith("Vra")
        assert isinstance(header.member_form, str)
        assert isinstance(header.member_form_span, Span)
        assert header.member_form.startswith(("het ", "de "))
        assert all(isinstance(person, Person) for person in header.askers)
        assert all(official.role == "addressee" for official in header.addressed)
        addressees = tuple(o.portfolio or o.title for o in header.addressed)
        assert header.addressees == addressees
        assert header.subject is None or header.subject in header.question_header.text
    if header.government_line is None:
        assert header.signers == header.respondents == ()
    else:
        assert header.government_line.text.startswith(("Antwoord", "Mededeling"))
        assert all(o.role in ("signer", "co-signer") for o in header.signers)
        assert header.respondents == tuple(o.portfolio for o in header.signers if o.portfolio)
    assert all(date.role == "submitted" for date in header.submitted)
    assert all(date.role == "received" for date in header.received)
    assert all(isinstance(number, str) for number in header.delay_references)
    if header.case_number is not None:
        assert header.case_number.text[4:].lstrip(" \u00a0")[:1] in "Zz"
    if header.aanhangsel_number is not None:
        assert header.aanhangsel_number.text[:2].lower() == "ah"
