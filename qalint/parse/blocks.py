"""Question and answer labels, and the blocks they open (DOMAIN.md section 4).

Labels stand on a line of their own (``Vraag 4, 6 en 7``, ``Antwoord op vraag 3``,
``Antwoord vraag 1:``, a bare ``Antwoord``), possibly after a page footer they were
glued to, or open the line (``Antwoord: Ja.``). Drafts without ``Vraag`` labels number
their questions ``1.``, ``1)`` or with a bare ``1`` line.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from qalint.model import Block, NumberList, Span
from qalint.parse.normalise import content_start
from qalint.parse.numbers import ScannedList, scan_number_list

_BLANK = " \t\u00a0\f\v"
#: What is trimmed off a label as written: blanks, Markdown bold.
_LABEL_TRIM = _BLANK + "*"
#: NamedTuple classes build instances in a Python-level ``__new__``, at twice the cost of
#: tuple's own constructor; labels, blocks and their spans are built with the latter
#: (fields in order), as a document has many.
_new = tuple.__new__
_LEAD = r"[ \t\u00a0\f\v]*"
_QUESTION_KEYWORD = re.compile(_LEAD + r"(?:\*\*)?(?P<kw>Vraag|Vragen)(?=[ \t\u00a0])")
_ANSWER_KEYWORD = re.compile(
    _LEAD + r"(?:\*\*)?(?P<kw>Antwoord(?:en)?)"
    r"(?P<lead>[ \t\u00a0]+(?:op[ \t\u00a0]+)?(?:de[ \t\u00a0]+)?(?:vra(?:ag|gen)[ \t\u00a0]+)?)?"
)
#: What may follow a label's numbers: nothing, or a colon (and then text).
_LABEL_END = re.compile(
    r"[ \t\u00a0]*(?:\*\*)?[ \t\u00a0]*(?:(?P<colon>[:.])[ \t\u00a0]*(?:\*\*)?)?"
)
_NUMBERED = re.compile(_LEAD + r"(?P<num>[0-9]{1,3})(?P<mark>[.)]?)(?=[ \t\u00a0]|\Z)")
#: The first characters of a line that _NUMBERED matches.
_NUMBER_FIRST = frozenset(_BLANK + "0123456789")
#: How a line that opens with a label starts: a keyword, ``**`` or a blank.
_LABEL_STARTS = ("Vra", "Antwoord", "*", " ", "\t", "\u00a0", "\f", "\v")
_LABEL_FIRST = frozenset(start[0] for start in _LABEL_STARTS)
#: A page footer that a label may be glued to (see content_start).
_FOOTER = "Kamer, vergaderjaar"
#: The commonest labels, a whole line: ``Vraag 4``, ``Antwoord 4`` and a bare ``Antwoord``.
_PLAIN_LABEL = re.compile(r"(?P<kw>Vraag(?= )|Antwoord)(?: (?P<num>[1-9][0-9]{0,5}))?")


class Label(NamedTuple):
    role: str
    line: int  # 0-based line index
    start: int  # column (0-based) where the label starts
    end: int  # column just after the label (and its colon)
    scanned: ScannedList | None
    rest: str  # text after the label on the same line


def find_label(line: str, index: int) -> Label | None:
    """A ``Vraag``/``Antwoord`` label on this line, if any."""
    begin = content_start(line)
    match = _QUESTION_KEYWORD.match(line, begin)
    role = "question"
    if match is None:
        match = _ANSWER_KEYWORD.match(line, begin)
        role = "answer"
        if match is None:
            return None
    scanned = scan_number_list(line, match.end())
    if role == "question" and scanned is None:
        return None
    if role == "answer" and scanned is None and match.group("lead") and match.group("lead").strip():
        return None  # "Antwoord op de vragen van het lid": prose, not a label
    after = scanned.end if scanned is not None else match.end()
    tail = _LABEL_END.match(line, after)
    assert tail is not None  # the pattern can match the empty string
    rest = line[tail.end() :]
    if rest.strip(_BLANK) and tail.group("colon") != ":":
        return None  # "Antwoord van Minister ...", "Vraag 3 is ..." : prose
    keyword_start = match.start("kw")
    return _new(Label, (role, index, keyword_start, tail.end(), scanned, rest.strip(_BLANK)))


def _plain_label(line: str, index: int) -> Label | None:
    """What find_label makes of a line holding just ``Vraag 4``, ``Antwoord 4`` or
    ``Antwoord``, read with one match."""
    match = _PLAIN_LABEL.fullmatch(line)
    if match is None:
        return None
    role = "question" if match["kw"] == "Vraag" else "answer"
    number = match["num"]
    scanned = None
    if number is not None:
        scanned = _new(ScannedList, ((int(number),), match.start("num"), len(line), False, ()))
    return _new(Label, (role, index, 0, len(line), scanned, ""))


def find_numbered_question(line: str, index: int, expected: int) -> Label | None:
    """``1.``, ``1)`` or a bare ``1`` opening question ``expected`` in a draft."""
    match = _NUMBERED.match(line)
    if match is None or int(match["num"]) != expected:
        return None
    rest = line[match.end() :].strip(_BLANK)
    if rest and not match["mark"]:
        return None  # "1 Bent u ...": too easily a footnote or a number in prose
    scanned = ScannedList((expected,), match.start("num"), match.end("num"), False, ())
    return Label("question", index, match.start("num"), match.end(), scanned, rest)


def find_labels(lines: tuple[str, ...], artefact: list[bool]) -> list[Label]:
    """Every label in reading order."""
    labels: list[Label] = []
    for index, line in enumerate(lines):
        # Cheap tests first: most lines neither open like a label nor hold a footer.
        if (line != "" and line[0] in _LABEL_FIRST and line.startswith(_LABEL_STARTS)) or (
            _FOOTER in line
        ):
            label = _plain_label(line, index) or find_label(line, index)
            if label is not None:
                labels.append(label)
    if any(label.role == "question" for label in labels):
        return labels
    return _with_numbered_questions(lines, labels, artefact)


def _with_numbered_questions(
    lines: tuple[str, ...], labels: list[Label], artefact: list[bool]
) -> list[Label]:
    """Add draft-style numbered questions. Each must be the next number; in a draft with
    answers, a question that follows another without an answer between them must ask
    something (a question mark in its paragraph), so that a numbered list inside an
    answer is not read as questions."""
    answers_at = {label.line: label for label in labels}
    result: list[Label] = []
    expected = 1
    answer_seen = True
    has_answers = bool(labels)
    for index, line in enumerate(lines):
        if index in answers_at:
            result.append(answers_at[index])
            answer_seen = True
            continue
        if artefact[index] or line[:1] not in _NUMBER_FIRST:
            continue  # not a number line, without running the pattern
        label = find_numbered_question(line, index, expected)
        if label is not None and ((has_answers and answer_seen) or _asks(lines, index, label.rest)):
            result.append(label)
            expected += 1
            answer_seen = False
    return result


def _asks(lines: tuple[str, ...], index: int, rest: str) -> bool:
    """Whether the paragraph that this numbered line opens contains a question mark."""
    if "?" in rest:
        return True
    started = bool(rest)
    for following in range(index + 1, min(index + 15, len(lines))):
        line = lines[following].strip(_BLANK)
        if not line:
            if started:
                return False
            continue
        started = True
        if "?" in line:
            return True
    return False


def build_blocks(
    lines: tuple[str, ...], labels: list[Label], artefact: list[bool]
) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    """Turn labels into question and answer blocks; bare answers get inferred numbers."""
    questions: list[Block] = []
    answers: list[Block] = []
    pending: list[int] = []  # question numbers since the previous answer
    # Where each block ends: at the next label, the last at the end of the document.
    next_lines = [label.line for label in labels[1:]] + [len(lines)]
    # Which lines hold text, once per document (an artefact line always does).
    filled = [line.strip(_BLANK) != "" for line in lines]
    for position, (label, next_line) in enumerate(zip(labels, next_lines, strict=False)):
        body_span, body_lines = _body(lines, label, next_line, filled, artefact)
        line_no = label.line + 1
        number_list = None
        scanned = label.scanned
        if scanned is not None:
            number_list = _new(
                NumberList,
                (
                    scanned.numbers,
                    lines[label.line][scanned.start : scanned.end],
                    _new(Span, (line_no, scanned.start + 1, line_no, scanned.end + 1)),
                    scanned.irregular,
                    scanned.problems,
                ),
            )
        raw = lines[label.line][label.start : label.end].strip(_LABEL_TRIM).rstrip(":.")
        span = _new(Span, (line_no, label.start + 1, line_no, label.start + 1 + len(raw)))
        if label.role == "question":
            numbers = number_list.numbers if number_list else ()
            pending.extend(numbers)
            blocks = questions
        else:
            numbers = number_list.numbers if number_list else tuple(dict.fromkeys(pending))
            pending = []
            blocks = answers
        blocks.append(
            _new(
                Block,
                (label.role, raw, span, numbers, number_list, body_span, body_lines, position),
            )
        )
    return tuple(questions), tuple(answers)


def _body(
    lines: tuple[str, ...], label: Label, next_line: int, filled: list[bool], artefact: list[bool]
) -> tuple[Span, int]:
    """The span of a label's body and its number of text lines (not blank, not an
    artefact); ``filled`` tells which lines are not blank."""
    first = label.line + 1
    count = filled[first:next_line].count(True) - artefact[first:next_line].count(True)
    if label.rest:
        count += 1
    last_line, last_column = label.line, len(lines[label.line])
    for index in range(next_line - 1, label.line, -1):  # mostly a step or two
        if filled[index] and not artefact[index]:
            last_line, last_column = index, len(lines[index].rstrip(_BLANK))
            break
    start_line, start_column = first, label.end + 1
    if not label.rest and first < next_line:
        start_line, start_column = label.line + 2, 1
    if (last_line + 1, last_column + 1) < (start_line, start_column):
        return _new(Span, (start_line, start_column, start_line, start_column)), count
    return _new(Span, (start_line, start_column, last_line + 1, last_column + 1)), count
