"""From decoded text to the immutable ``Document``.

One pass per concern: labels and blocks, the header (in the running text before the
first label), cross-references and weekday dates (in the running text of the rest).
The parser never raises on a bad draft; what it cannot read becomes a ParseProblem.
"""

from __future__ import annotations

import re

from qalint.model import Block, Document, FootnoteNote, Header, HeaderLine, Kind, ParseProblem
from qalint.parse.blocks import build_blocks, find_labels
from qalint.parse.dates import weekday_dates
from qalint.parse.footnotes import find_footnotes
from qalint.parse.header import parse_header
from qalint.parse.lazy import compiled
from qalint.parse.normalise import running_text
from qalint.parse.references import find_references
from qalint.records import new

#: Compiled on first use: only a document that is no other kind asks.
_ORAL = r"Mondelinge vragen"


def parse(path: str, lines: tuple[str, ...]) -> Document:
    labels, artefact, footers, no_text = find_labels(lines)
    first_label = labels[0][1] if labels else len(lines)  # its line (see LabelFields)
    header = parse_header(
        running_text(lines, 0, first_label, artefact=artefact, footers=footers), lines, first_label
    )
    # Each label's line and where it ends, by a loop: dict(map(itemgetter(1, 3), labels))
    # costs twice as much (a pair built per label, and dict() looking for keys()).
    label_ends: dict[int, int] = {}
    for label in labels:
        label_ends[label[1]] = label[3]
    # The first line of Header.element_lines (0 without), read without the generator and
    # tuple that the property builds.
    question_header, government_line = header.question_header, header.government_line
    if question_header is None:
        header_start = government_line.span.line - 1 if government_line is not None else 0
    elif government_line is None:
        header_start = question_header.span.line - 1
    else:
        # (A comparison: a call of min() costs more.)
        question_start, government_start = question_header.span.line, government_line.span.line
        header_start = (
            question_start if question_start < government_start else government_start
        ) - 1
    markers, notes = find_footnotes(lines, header_start, first_label, label_ends, artefact)
    note_lines = _note_lines(lines, notes, label_ends, artefact)
    # Footnote texts at a page bottom are no text of the block they interrupt.
    questions, answers, blocks, problems = build_blocks(lines, labels, no_text, note_lines)
    # Freed before the body's running text, which brings a long document to its peak
    # memory: the labels' fields the blocks do not keep (1,000,000 lines: 22 MB lower).
    del labels, no_text
    kind = _kind(header, questions, answers, lines)
    body = running_text(
        lines, first_label, begin_at=label_ends, skip=note_lines, artefact=artefact, footers=footers
    )
    if not questions:  # (most documents have questions: no call for them)
        problems.extend(_missing_questions(kind, header, questions, answers, lines, first_label))
    references = find_references(body, blocks, kind.requires_answers or bool(answers))
    dates = header.submitted + header.received + weekday_dates(body)
    # tuple's own constructor (see records.py): every field, in Document's order.
    return new(
        Document,
        (
            path,
            kind,
            lines,
            header,
            questions,
            answers,
            references,
            dates,
            markers,
            notes,
            tuple(problems),
        ),
    )


#: A footnote text runs over at most this many lines after its first.
_NOTE_CONTINUATION = 4


def _note_lines(
    lines: tuple[str, ...],
    notes: tuple[FootnoteNote, ...],
    label_lines: dict[int, int],
    artefact: list[bool],
) -> frozenset[int]:
    """The lines footnote texts stand on, so that the sentence they interrupt at a page
    bottom reads on in the running text."""
    if not notes:
        return frozenset()
    note_starts = {note.span.line - 1 for note in notes}
    skipped = set(note_starts)
    for start in note_starts:  # in any order: each adds the lines of its own note
        # (A slice ends at the document's end by itself: no min() per note.)
        following = lines[start + 1 : start + 1 + _NOTE_CONTINUATION]
        for index, line in enumerate(following, start + 1):
            text = line.rstrip()  # "" for a blank line
            if (
                not text
                or text[-1] == "?"
                or artefact[index]
                or index in note_starts
                or index in label_lines
            ):
                break
            skipped.add(index)
    return frozenset(skipped)


def _missing_questions(
    kind: Kind,
    header: Header,
    questions: tuple[Block, ...],
    answers: tuple[Block, ...],
    lines: tuple[str, ...],
    first_label: int,
) -> list[ParseProblem]:
    """An answer document without questions, or a question set that asks nothing.

    Members' drafts often leave questions unnumbered, so a question set only counts as
    empty when nothing after its header asks anything (no question mark at all).
    """
    if questions:
        return []
    if kind.requires_answers:
        anchor = header.government_line or (answers[0] if answers else None)
        span = (
            anchor.span
            if isinstance(anchor, HeaderLine)
            else (anchor.label_span if anchor is not None else None)
        )
        if span is not None:
            return [ParseProblem("geen enkele vraag gevonden in dit antwoorddocument", span)]
    if kind is Kind.QUESTION_SET and header.question_header is not None:
        after = header.question_header.span.end_line
        if not any("?" in line for line in lines[after:]):
            return [
                ParseProblem(
                    "geen enkele vraag gevonden na de kop van de vragen",
                    header.question_header.span,
                )
            ]
    return []


def _kind(
    header: Header, questions: tuple[Block, ...], answers: tuple[Block, ...], lines: tuple[str, ...]
) -> Kind:
    government = header.government_line
    if government is not None and government.text.startswith("Mededeling"):
        return Kind.DELAY_NOTICE
    if government is not None:
        if header.question_header is None and (header.aanhangsel_number or header.case_number):
            return Kind.MINISTRY_DRAFT
        return Kind.ANSWER
    if answers:
        return Kind.ANSWER
    if header.question_header is not None:
        return Kind.QUESTION_SET
    if any(compiled(_ORAL, re.IGNORECASE).search(line) for line in lines[:15]):
        return Kind.ORAL_QUESTIONS
    if questions:
        return Kind.MEMBERS_DRAFT
    return Kind.UNKNOWN
