"""running_text must build the running text that its plain form below builds.

running_text reads each line by flags set once per member of its sets, and reads a
label or footer line (and a page number on one) apart from the others; the plain form
reads line by line, as the docstring says. Both on every document of the corpus (with
the parser's own arguments) and on random documents of label, footer, page-number and
hyphenated lines. And many hyphenated words cost no more than linear time.
"""

from __future__ import annotations

import random
import time
from operator import itemgetter

import pytest

from qalint.parse import _note_lines
from qalint.parse.blocks import find_labels
from qalint.parse.footnotes import find_footnotes
from qalint.parse.normalise import (
    _PAGE_NUMBER,
    _SPACE_LIKE,
    FOOTER,
    _next_starts_lower,
    content_start,
    is_artefact,
    running_text,
)
from tests.helpers import fixture_lines


def _plain_running_text(
    lines: tuple[str, ...],
    first: int,
    last: int,
    begin_at: dict[int, int],
    skip: frozenset[int],
    artefact: list[bool],
    footers: frozenset[int],
) -> tuple[str, list[int], list[int], list[int]]:
    text = ""
    starts: list[int] = []
    seg_lines: list[int] = []
    seg_columns: list[int] = []
    glue = False
    for index in range(first, last):
        line = lines[index]
        whole = line.strip()
        if artefact[index] or index in skip or begin_at.get(index, -1) >= len(line):
            continue
        page_number = len(line) < 12 and whole.isdigit() and _PAGE_NUMBER.match(line)
        if not whole or (len(whole) < 4 and page_number):
            continue
        begin = begin_at.get(index, 0)
        if index in footers:
            begin = max(begin, content_start(line))
        rest = line[begin:]
        piece = rest.strip()
        if not piece:
            continue
        if text and not glue:
            text += " "
        glue = False
        starts.append(len(text))
        seg_lines.append(index + 1)
        seg_columns.append(begin + len(rest) - len(rest.lstrip()))
        text += piece
        if (
            piece.endswith("-")
            and len(piece) > 2
            and piece[-2].isalpha()
            and _next_starts_lower(lines, index + 1, last, artefact)
        ):
            text = text[:-1]
            glue = True
    return text.translate(_SPACE_LIKE), starts, seg_lines, seg_columns


def _check(
    lines: tuple[str, ...],
    first: int,
    last: int,
    begin_at: dict[int, int],
    skip: frozenset[int],
    artefact: list[bool],
    footers: frozenset[int],
) -> None:
    expected = _plain_running_text(lines, first, last, begin_at, skip, artefact, footers)
    found = running_text(lines, first, last, begin_at, skip, artefact=artefact, footers=footers)
    assert tuple(found) == expected, lines[first:last]


def test_the_corpus_reads_as_the_plain_form() -> None:
    label_ends = itemgetter(1, 3)
    hyphenated = 0
    for _, lines in fixture_lines():
        labels, artefact, footers, _ = find_labels(lines)
        first_label = labels[0][1] if labels else len(lines)
        ends = dict(map(label_ends, labels))
        _check(lines, 0, first_label, {}, frozenset(), artefact, footers)
        _, notes = find_footnotes(lines, 0, first_label, ends, artefact)
        skip = _note_lines(lines, notes, ends, artefact)
        _check(lines, first_label, len(lines), ends, skip, artefact, footers)
        hyphenated += any(line.rstrip().endswith("-") for line in lines)
    assert hyphenated  # the corpus has words hyphenated across a break


#: Pieces of random lines: words, hyphenated ends, blanks, page numbers, footers.
PIECES = [
    "woord",
    "Woord",
    "a",
    "ab-",
    "woord-",
    "-",
    "1-",
    " ",
    "  ",
    "\u00a0",
    "\t",
    "\u2003",
    "1",
    "12",
    "123",
    "Antwoord 3",
    "Vraag 2:",
    "Tweede Kamer, vergaderjaar 2024\u20132025, Aanhangsel 1",
    "ISSN 0921 - 7398",
    "---",
]


def _random_document(chooser: random.Random) -> tuple[str, ...]:
    return tuple(
        "".join(chooser.choices(PIECES, k=chooser.randint(0, 3)))
        for _ in range(chooser.randint(1, 14))
    )


@pytest.mark.parametrize("seed", range(4))
def test_random_documents_read_as_the_plain_form(seed: int) -> None:
    chooser = random.Random(seed)
    for _ in range(3_000):
        lines = _random_document(chooser)
        artefact = [is_artefact(line) for line in lines]
        footers = frozenset(
            index for index, line in enumerate(lines) if FOOTER in line and not artefact[index]
        )
        size = len(lines)
        begin_at = {
            index: chooser.randint(0, len(lines[index]) + 2)
            for index in chooser.sample(range(size), chooser.randint(0, size))
        }
        skip = frozenset(chooser.sample(range(size), chooser.randint(0, min(2, size))))
        first = chooser.randint(0, size)
        last = chooser.randint(first, size)
        _check(lines, first, last, begin_at, skip, artefact, footers)


def test_many_hyphenated_words_take_linear_time() -> None:
    def best(lines: tuple[str, ...]) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            running_text(lines, artefact=[False] * len(lines), footers=frozenset())
            times.append(time.perf_counter() - start)
        return min(times)

    small = ("een woord-", "deel en meer") * 40_000
    assert best(small + small) < 2.5 * best(small)
