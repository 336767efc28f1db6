"""Question and answer labels, and the blocks they open (DOMAIN.md section 4).

Labels stand on a line of their own (``Vraag 4, 6 en 7``, ``Antwoord op vraag 3``,
``Antwoord vraag 1:``, a bare ``Antwoord``), possibly after a page footer they were
glued to, or open the line (``Antwoord: Ja.``). Drafts without ``Vraag`` labels number
their questions ``1.``, ``1)`` or with a bare ``1`` line.
"""

from bisect import bisect_left
from operator import itemgetter

from qalint import pattern_cache
from qalint.model import Block, NumberList, ParseProblem, Span
from qalint.parse.lazy import compiled
from qalint.parse.normalise import ARTEFACT_STARTS_BY_FIRST, FOOTER, content_start, is_artefact
from qalint.parse.numbers import ScannedList, scan_number_list
from qalint.records import Record, new

_BLANK = " \t\u00a0\f\v"
#: What is trimmed off a label as written: blanks, Markdown bold.
_LABEL_TRIM = _BLANK + "*"
_LEAD = r"[ \t\u00a0\f\v]*"
_QUESTION_KEYWORD = pattern_cache.compile(_LEAD + r"(?:\*\*)?(?P<kw>Vraag|Vragen)(?=[ \t\u00a0])")
_ANSWER_KEYWORD = pattern_cache.compile(
    _LEAD + r"(?:\*\*)?(?P<kw>Antwoord(?:en)?)"
    r"(?P<lead>[ \t\u00a0]+(?:op[ \t\u00a0]+)?(?:de[ \t\u00a0]+)?(?:vra(?:ag|gen)[ \t\u00a0]+)?)?"
)
#: What may follow a label's numbers: nothing, or a colon (and then text).
_LABEL_END = pattern_cache.compile(
    r"[ \t\u00a0]*(?:\*\*)?[ \t\u00a0]*(?:(?P<colon>[:.])[ \t\u00a0]*(?:\*\*)?)?"
)


#: A draft's question number; compiled on first use, since most documents label their
#: questions.
_NUMBERED = _LEAD + r"(?P<num>[0-9]{1,3})(?P<mark>[.)]?)(?=[ \t\u00a0]|\Z)"


#: The first characters of a line that _NUMBERED matches.
_NUMBER_FIRST = frozenset(_BLANK + "0123456789")
#: How a line that opens with a label starts: a keyword, ``**`` or a blank.
_LABEL_STARTS = ("Vra", "Antwoord", "*", " ", "\t", "\u00a0", "\f", "\v")
_LABEL_FIRST = frozenset(start[0] for start in _LABEL_STARTS)
#: How it starts after its blanks (_LEAD): the keyword patterns allow nothing else.
_KEYWORD_STARTS = ("Vra", "Antwoord", "**Vra", "**Antwoord")
#: Header lines that open with a keyword but hold no label: the word after it is no
#: number, range, separator, keyword, nor the ``op``/``de``/``vragen`` of an answer.
_PROSE_STARTS = ("Vragen van ", "Vragen gesteld ", "Antwoord van ")
#: A page footer that a label may be glued to (see content_start).
_FOOTER = FOOTER
#: A letter of the footer that few other lines hold (one in twenty of the corpus's):
#: searched for first, since a search for one character (memchr) costs far less than
#: one for a string.
_FOOTER_LETTER = "K"
#: Per first character of a line: how a line that may be an artefact, a label or blank
#: starts with it (the starts of both kinds, or the blank itself), the starts of the
#: artefact lines that open with it (none for most), whether a label can open with it,
#: and whether it is a blank (so that the line may be blank: every blank is in
#: _LABEL_FIRST).
_OPENINGS = {
    first: (
        (first,)
        if first in _BLANK or first == "*"
        else (
            *ARTEFACT_STARTS_BY_FIRST.get(first, ()),
            *(start for start in _KEYWORD_STARTS if start[0] == first),
        ),
        ARTEFACT_STARTS_BY_FIRST.get(first, ()),
        first in _LABEL_FIRST,
        first in _BLANK,
    )
    for first in {*ARTEFACT_STARTS_BY_FIRST, *_LABEL_FIRST}
}
#: The commonest labels, a whole line: ``Vraag 4``, ``Antwoord 4``, a bare ``Antwoord``,
#: and plain lists (``Vraag 4, 6 en 7``, ``Antwoord 3,4 en 5``), which scan_number_list
#: reads in one match too.
_PLAIN_LABEL = pattern_cache.compile(
    r"(?P<kw>Vraag(?= )|Antwoord)"
    r"(?: (?P<num>[1-9][0-9]{0,5}(?:(?:, ?| en )[1-9][0-9]{0,5})*))?"
)
_DIGITS = pattern_cache.compile(r"[0-9]+")


class Label(Record):
    role: str
    line: int  # 0-based line index
    start: int  # column (0-based) where the label starts
    end: int  # column just after the label (and its colon)
    scanned: ScannedList | None
    rest: str  # text after the label on the same line
    written: str  # the label as written, without markup and colon (Block.label)
    raw: str  # its numbers as written (NumberList.raw), "" without numbers


#: A label as find_labels gives it: a Label's fields in a plain tuple, built by one
#: bytecode instead of a call of tuple's constructor (a Label equals the tuple of its
#: fields).
LabelFields = tuple[str, int, int, int, ScannedList | None, str, str, str]


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
    start, end = match.start("kw"), tail.end()
    written = _as_written(line, start, end)
    raw = line[scanned.start : scanned.end] if scanned is not None else ""
    return new(Label, (role, index, start, end, scanned, rest.strip(_BLANK), written, raw))


def _as_written(line: str, start: int, end: int) -> str:
    """The label in ``line[start:end]`` without blanks, Markdown bold and a closing colon
    or full stop."""
    return line[start:end].strip(_LABEL_TRIM).rstrip(":.")


def find_labels(
    lines: tuple[str, ...],
) -> tuple[list[LabelFields], list[bool], frozenset[int], list[int]]:
    """Every label in reading order (its LabelFields), ``is_artefact`` of every line,
    the lines other than artefacts that hold a page footer (where a heading may be glued
    to it), and the lines without text, in order: blank lines and artefacts (for
    build_blocks).

    All are found in one walk over the lines: each line is first judged by how it
    starts (its first character, then the starts that open with it), since most lines
    open neither like a label nor like an artefact, and the patterns cost far more per
    line than that look; a line that does is judged once per process (see _JUDGED).
    """
    artefact = [False] * len(lines)
    footers: list[int] = []
    labels: list[LabelFields] = []
    no_text: list[int] = []
    for index, line in enumerate(lines):
        if not line:
            no_text.append(index)
            continue
        # (A test with "in" costs less than a call of get() on every line, and most
        # lines open neither like a label nor like an artefact.) A line judged before is
        # looked up next: most lines that open like a label or an artefact are, and the
        # look-up costs less than startswith() with a tuple.
        if (first := line[0]) not in _OPENINGS or (
            (judged := _JUDGED.get(line)) is None
            and not line.startswith((opens := _OPENINGS[first])[0])
        ):
            if _FOOTER_LETTER in line and _FOOTER in line:
                footers.append(index)
                read = _read_label(line)
            else:
                continue
        else:
            if judged is None:
                judged = _JUDGED_BEFORE.get(line) or _judge(line, opens)
                if (
                    judged is not _PROSE
                    and len(line) <= _JUDGED_LENGTH
                    and not line.startswith(_OWN_NUMBER)
                ):
                    if len(_JUDGED) >= _JUDGED_SIZE:
                        # A new generation; the last one stays at hand (see _JUDGED).
                        _JUDGED_BEFORE.clear()
                        _JUDGED_BEFORE.update(_JUDGED)
                        _JUDGED.clear()
                    _JUDGED[line] = judged
            kind, read = judged
            if kind:
                if kind == _FOOTER_LINE:
                    footers.append(index)
                else:
                    no_text.append(index)
                    if kind == _ARTEFACT_LINE:
                        artefact[index] = True
                    continue
        if read is not None:
            role, start, end, scanned, rest, written, raw = read
            labels.append((role, index, start, end, scanned, rest, written, raw))
    if "question" not in map(_ROLE, labels):  # in C: no generator to run
        labels = _with_numbered_questions(lines, labels, artefact)
    return labels, artefact, frozenset(footers), no_text


#: A label's role and its line, read in C (see find_labels and build_blocks).
_ROLE = itemgetter(0)
_LINE = itemgetter(1)

#: A Label without its line index (role, start, end, scanned, rest, written, raw).
_LabelRead = tuple[str, int, int, ScannedList | None, str, str, str]


def _read_label(line: str) -> _LabelRead | None:
    """The label on a line as find_label reads it, without the line's index."""
    read = _plain_read(line)
    if read is not None:
        return read
    label = find_label(line, 0)
    if label is None:
        return None
    role, _, start, end, scanned, rest, written, raw = label
    return role, start, end, scanned, rest, written, raw


def _plain_read(line: str) -> _LabelRead | None:
    """What _read_label makes of a line holding just ``Vraag 4``, ``Antwoord 4``,
    ``Antwoord`` or such a label with a plain list, read with one match (and no Label
    built to be taken apart)."""
    match = _PLAIN_LABEL.fullmatch(line)
    if match is None:
        return None
    role = "question" if match["kw"] == "Vraag" else "answer"
    listed = match["num"]
    scanned = None
    if listed is not None:
        numbers = (int(listed),) if listed.isdigit() else tuple(map(int, _DIGITS.findall(listed)))
        scanned = new(ScannedList, (numbers, match.start("num"), len(line), False, ()))
    return role, 0, len(line), scanned, "", line, listed or ""


#: What find_labels makes of a line that opens like a label or an artefact: a line of
#: text (perhaps a label), a page footer (perhaps with a label glued to it), a blank
#: line or an artefact; and the label read on it, if any.
_TEXT, _FOOTER_LINE, _BLANK_LINE, _ARTEFACT_LINE = range(4)
_Judged = tuple[int, _LabelRead | None]
_PROSE: _Judged = (_TEXT, None)
#: Prose that opens as an artefact does but is none: page furniture's variants (a bare
#: ``Vergaderjaar 2023–2024`` heads a page in most documents), which repeat, so they are
#: kept (see _JUDGED), unlike _PROSE.
_FURNITURE: _Judged = (_TEXT, None)
_BLANK_JUDGED: _Judged = (_BLANK_LINE, None)
_ARTEFACT_JUDGED: _Judged = (_ARTEFACT_LINE, None)


def _judge(line: str, opens: tuple[tuple[str, ...], tuple[str, ...], bool, bool]) -> _Judged:
    """What a line that opens like a label or an artefact is (``opens``: its first
    character's entry in _OPENINGS), and the label on it."""
    _, artefact_starts, label_first, blank_first = opens
    content = line
    if blank_first:
        content = line.lstrip(_BLANK)
        if not content:
            return _BLANK_JUDGED  # neither an artefact nor a label is blank
        # The artefact pattern's leading blanks are blanks: after them, an artefact opens
        # as one without them does (most such lines are a page's first, after a \f).
        artefact_starts = ARTEFACT_STARTS_BY_FIRST.get(content[0], ())
    prose = _PROSE
    if artefact_starts and content.startswith(artefact_starts):
        if is_artefact(line):
            return _ARTEFACT_JUDGED  # no label stands here (test_parse_prefilters.py)
        prose = _FURNITURE
    if _FOOTER in line:
        return _FOOTER_LINE, _read_label(line)
    if not (label_first and content.startswith(_KEYWORD_STARTS)) or line.startswith(_PROSE_STARTS):
        return prose  # no label can stand here (test_parse_prefilters.py)
    read = _read_label(line)
    return prose if read is None else (_TEXT, read)


#: Documents repeat the same label lines (``Vraag 1``, ``Antwoord``), page furniture
#: and blank lines over and over, so each is judged once per process (what is read is
#: immutable and can be shared), and find_labels then spends a dictionary look-up on
#: each line that opens like one. Only those lines (and _FURNITURE) are kept: prose
#: rarely repeats, and would crowd them out. Lines that repeat are short: a longer line
#: is judged each time. The dictionary is emptied when full, so memory stays flat over a
#: long run; what it held is kept as _JUDGED_BEFORE until it is full again, and a line
#: found there comes back. (10,000 documents hold some 10,000 such distinct lines:
#: emptied outright every few hundred documents, even ``Vraag 1`` was judged again, at
#: ~2-5 us a label.)
_JUDGED: dict[str, _Judged] = {}
_JUDGED_BEFORE: dict[str, _Judged] = {}
_JUDGED_SIZE = 768
_JUDGED_LENGTH = 120
#: Page furniture that names the document's own number (``ah-tk-20232024-127``,
#: ``kv-tk-2024Z20539``): no other document repeats it, so it is not kept (half the
#: lines kept would be these).
_OWN_NUMBER = ("ah-tk-", "kv-tk-")


def _with_numbered_questions(
    lines: tuple[str, ...], labels: list[LabelFields], artefact: list[bool]
) -> list[LabelFields]:
    """Add draft-style numbered questions to ``labels`` (all answers). Each must be the
    next number; in a draft with answers, a question that follows another without an
    answer between them must ask something (a question mark in its paragraph), so that
    a numbered list inside an answer is not read as questions."""
    result: list[LabelFields] = []
    expected = 1
    answer_seen = True
    has_answers = bool(labels)
    # The answers are merged in at the number lines (few), so that the walk over every
    # line tests only its first character.
    answers = iter(labels)
    answer = next(answers, None)
    answer_line = answer[1] if answer is not None else len(lines)
    numbered = compiled(_NUMBERED).match
    for index, line in enumerate(lines):
        if not line or line[0] not in _NUMBER_FIRST or artefact[index]:
            continue  # not a number line, without running the pattern
        if answer_line <= index:
            while answer is not None and answer[1] <= index:
                result.append(answer)
                answer = next(answers, None)
            answer_line = answer[1] if answer is not None else len(lines)
            answer_seen = True
            if result[-1][1] == index:
                continue  # the answer's own line
        match = numbered(line)
        if match is None or int(num := match["num"]) != expected:
            continue
        end = match.end()
        rest = line[end:].strip(_BLANK)
        if rest and not match["mark"]:
            continue  # "1 Bent u ...": too easily a footnote or a number in prose
        if (has_answers and answer_seen) or _asks(lines, index, rest):
            start, num_end = match.span("num")
            scanned = new(ScannedList, ((expected,), start, num_end, False, ()))
            # _as_written's reading of the number and its mark: "1." is "1", "1)" stays.
            written = line[start:end].rstrip(".")
            result.append(("question", index, start, end, scanned, rest, written, num))
            expected += 1
            answer_seen = False
    if answer is not None:
        result.append(answer)
        result.extend(answers)
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
    lines: tuple[str, ...],
    labels: list[LabelFields],
    no_text: list[int],
    note_lines: frozenset[int] = frozenset(),
) -> tuple[tuple[Block, ...], tuple[Block, ...], tuple[Block, ...], list[ParseProblem]]:
    """Turn labels into question and answer blocks, and all blocks in reading order;
    bare answers get inferred numbers; and the problems of their number lists.
    ``no_text`` holds, in order, the lines without text (blank lines and artefacts, see
    find_labels); lines in ``note_lines`` (footnote texts) are no block's text either."""
    questions: list[Block] = []
    answers: list[Block] = []
    blocks: list[Block] = []
    pending: list[int] = []  # question numbers since the previous answer
    problems: list[ParseProblem] = []
    # Where each block ends: at the next label, the last at the end of the document.
    label_lines = list(map(_LINE, labels))  # in C
    label_lines.append(len(lines))
    skipped = no_text
    if note_lines:
        # The few note lines added to the sorted no_text and sorted in place (two runs
        # merged) cost less than a set of them all sorted.
        skipped = [*no_text, *note_lines.difference(no_text)]
        skipped.sort()
    skipped_count = len(skipped)
    # The first of the skipped lines in the body of the block at hand: after its label.
    low = bisect_left(skipped, labels[0][1] + 1) if labels else 0
    for position, (role, index, start, end, scanned, rest, written, raw) in enumerate(labels):
        next_line = label_lines[position + 1]
        line_no = index + 1
        if scanned is None:
            numbers = () if role == "question" else tuple(dict.fromkeys(pending))
            number_list = None
        else:
            # (raw was read with the label, once per line text: see find_labels.)
            numbers, numbers_start, numbers_end, irregular, number_problems = scanned
            span = new(Span, (line_no, numbers_start + 1, line_no, numbers_end + 1))
            number_list = new(NumberList, (numbers, raw, span, irregular, number_problems))
            if number_problems:  # rare
                problems.extend(
                    ParseProblem(f"{written}: {problem}", span) for problem in number_problems
                )
        if role == "question":
            pending.extend(numbers)
            role_blocks = questions
        else:
            pending = []
            role_blocks = answers
        column = start + 1
        label_span = new(Span, (line_no, column, line_no, column + len(written)))
        # The body (inline: a call per block costs more than its work): its text lines
        # are those after the label's line and before the next label that are not
        # skipped, and the text after the label on its own line.
        high = bisect_left(skipped, next_line, low)
        # Where the next body's skipped lines start: past next_line (its label's line),
        # without a second search (skipped holds each line once).
        next_low = high + 1 if high < skipped_count and skipped[high] == next_line else high
        body_lines = next_line - line_no - (high - low) + (rest != "")
        # The last text line: before the skipped lines that end the body (mostly one
        # blank line, or none).
        last = next_line - 1
        while high > low and skipped[high - 1] == last:
            high -= 1
            last -= 1
        if last > index:
            end_line, end_column = last + 1, len(lines[last].rstrip(_BLANK)) + 1
        else:  # none: the body ends on the label's line
            end_line, end_column = line_no, len(lines[index]) + 1
        if not rest and line_no < next_line:
            start_line, start_column = line_no + 1, 1
        else:
            start_line, start_column = line_no, end + 1
        # An empty body, whose end comes before its start: (end_line, end_column) <
        # (start_line, start_column), compared without building tuples.
        if end_line < start_line or (end_line == start_line and end_column < start_column):
            end_line, end_column = start_line, start_column
        body_span = new(Span, (start_line, start_column, end_line, end_column))
        block = new(
            Block,
            (role, written, label_span, numbers, number_list, body_span, body_lines, position),
        )
        role_blocks.append(block)
        blocks.append(block)
        low = next_low
    return tuple(questions), tuple(answers), tuple(blocks), problems
