"""Footnote markers and footnote texts (DOMAIN.md section 7).

Markers are written glued to the word or punctuation they follow (``»?1``, ``?1, 2``,
``jl.2``, ``Joseph-Agema3``), in brackets in Markdown conversions (``[1 ]``, ``[4 5 ]``,
``[^1]``), as `` 1)`` in ministry and Kamer drafts, and in PDF text also as a number
line of their own or at the start of the next line (``1 Herkent u``). Notes sit at a
page bottom or at the end: ``1NOS, ...`` (glued), ``1 NOS, ...``, a number line with
the text below it, ``1) NOS, ...`` or ``[^1]: NOS, ...``.

Numbers in prose (``5 miljard``, ``11e sanctiepakket``, ``artikel 16``, ``24 mei``),
table cells, page numbers and the numbers of draft questions look the same, so the
parser reads the document in order and uses the one numbering sequence of footnotes:

* strong forms are taken as they stand: a number glued to ``?``, ``»``, ``.`` and the
  like, a bracketed number, `` 1)`` at the end of a line, a Markdown footnote;
* weak forms (a number glued to a lower-case word, a number line, a number opening a
  line) count as a marker only when they carry the next number of the sequence and a
  note with that number follows later in the document;
* a line that opens with a number is a note when the marker with that number came
  before it and its note did not yet; without such a marker it is a note only near a
  page end (a page footer, a ``-----`` separator or the end of the document), with the
  next note number and text that looks like a source (a link, a date, ``Kamerstuk``).

Everything is linear in the length of the input: the text is scanned once at C speed
for signs of a candidate (_lines_to_read), the patterns (without nested quantifiers)
are tried only at those signs and at the starts of the lines with one, and at most
_MAX_CANDIDATES candidates are examined per line, so a garbage line of numbers costs
little more than a real one.
"""

import re
from collections.abc import Iterator, Sequence
from itertools import compress

from qalint import pattern_cache
from qalint.model import FootnoteMarker, FootnoteNote, Span
from qalint.parse.lazy import compiled
from qalint.parse.normalise import FOOTER, content_start
from qalint.records import Record, new

#: Largest footnote number considered; larger numbers are prose (years, amounts).
MAX_NUMBER = 299
#: A strong marker more than this far beyond the next expected number is not a marker.
_MAX_JUMP = 9
#: A note without a marker must be this close (in non-blank lines) to a page end.
_ZONE_LINES = 40

_BLANK = " \t\u00a0\f\v"
_LINE_NUMBER = pattern_cache.compile(r"[ \t\u00a0\f\v]*(?P<num>[0-9]{1,3})(?![0-9])")


# The patterns of rare forms are compiled on first use (qalint.parse.lazy).
_BRACKET_NOTE = r"[ \t\u00a0\f\v]*\[(?P<num>[0-9]{1,3})[ ]?\][ \t\u00a0]+"
_CARET_NOTE = r"[ \t\u00a0\f\v]*\[\^(?P<num>[0-9]{1,3})\]:[ \t]*"


#: A number line with a list of markers: ``2, 3 en 4``.
_LIST_LINE = pattern_cache.compile(
    r"[ \t\u00a0\f\v]*[0-9]{1,3}(?:(?:[ \t]*,[ \t]*|[ \t]+)[0-9]{1,3})*"
    r"(?:[ \t]+en[ \t]+[0-9]{1,3})?[ \t\u00a0\f\v]*\Z"
)
#: What a list line has after its first number, blanks skipped: "," a number or "en".
_LIST_GOES_ON = ",0123456789e"
_DIGITS = pattern_cache.compile(r"[0-9]+")
#: What may stand before the number of a line start (blanks, ``[`` and ``[^``): find_footnotes
#: tries a line for one only where nothing else comes before its first sign.
_OPENING = _BLANK + "[^"
#: Where an inline marker may stand: digits ending a word (``»?1``, ``Agema3,``), a year
#: with digits glued to it, `` 1)`` and ``(2)``, and a marker between two sentences.
#: (The leading lookahead lets the scan skip to digits and parentheses.)
_CANDIDATE = pattern_cache.compile(
    r"(?=[0-9(])(?:"
    r"(?P<glued>(?<=[^\s0-9])[0-9]{1,7})(?=[,.;:?!]*(?:\s|\Z))"
    r"|(?P<year>(?<!\S)(?:19|20)[0-9]{3,5})(?=[,.;:?!]*(?:\s|\Z))"
    r"|(?P<paren>(?<!\S)\(?[0-9]{1,3}\))(?=\s|\Z)"
    r"|(?P<mid>(?<=[a-zà-ÿ][.?!»”])[0-9]{1,3}(?=[A-Z]))"
    r")"
)


#: ``[1 ]``, ``[4 5 ]``, ``[10]``, ``[^1]``; not a Markdown link ``[1](...)``.
_BRACKET = r"\[(?P<caret>\^)?(?P<inner>[0-9][0-9 ]{0,20})\](?!\()"


#: The next number of a list of markers: ``, 2``, `` en 3``, `` 4``.
_NEXT_NUMBER = pattern_cache.compile(
    r",?[ \t]{1,3}(?:en[ \t]{1,3})?(?P<num>[0-9]{1,3})(?=[,.;:]*(?:\s|\Z))"
)
_NEXT_CHAR = pattern_cache.compile(r"\s*(\S)")
#: Character classes for _lines_to_read, one byte per character of the text: ASCII
#: digits become ``0``, the blanks of _BLANK a space, the other white space ``s``,
#: the punctuation that may follow a marker (and ``»``) ``p``, ASCII capitals ``A``; the
#: line break, ``(``, ``)``, ``[``, ``^`` and ``?`` stay, and everything else becomes
#: ``a``. A character outside Latin-1 is encoded as ``?``, which so stands for anything
#: the patterns may need there: white space, ``”``, a letter.
_CLASS_OF = {
    **dict.fromkeys("0123456789", "0"),
    **dict.fromkeys(_BLANK, " "),
    **dict.fromkeys("\r\x1c\x1d\x1e\x1f\x85", "s"),
    **dict.fromkeys(",.;:!\u00bb", "p"),
    **dict.fromkeys("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "A"),
    **{char: char for char in "\n()[^?"},
}
_CLASSES = bytes(ord(_CLASS_OF.get(chr(code), "a")) for code in range(256))
#: In the classes, the first digit of the number of every candidate of _CANDIDATE,
#: _BRACKET and a line start: for each form, a superset of what the patterns read around
#: that number. (A pattern that opens with a literal is searched for fast; this one is
#: tried only at digits, and at once given up inside a number. Only where a match
#: starts counts: it reads on, without a lookahead's cost, to the first character after
#: the candidate that no digit of a further candidate can be.)
#:
#: Most numbers follow a blank after a word ("5 miljard", "in 2024"), and are no sign
#: unless a year with a marker or `` 1)`` follows. So the branches that only read ahead
#: come first, each opening with the character it needs, which the engine checks before
#: it enters the branch; one lookbehind then sends every number after such a blank
#: away, and the rest look back.
_SIGN = pattern_cache.compile(
    rb"0(?<=[^0]0)(?:"
    # Not after a blank after text: a number opening a line, also after blanks (and so
    # after any two blanks), but not four digits there ("2024 is", "2015)."): no line
    # start or candidate has four; "[1 ]", "[^1]"; after no white space: digits ending a
    # word before white space, punctuation between (the lookahead takes the digits once:
    # a shorter run is no candidate, a digit follows it), "gesproken.3Toekomstige".
    rb"(?<![^\n ] 0)(?:(?<=[\[\^]0)|(?<=[\n ]0)(?!000(?!0))"
    rb"|(?<=[^ s\n]0)(?:(?=(0{0,6}))\1[p?]*(?:[ s\n?]|\Z)|(?<=[p?]0)0{0,2}A))"
    # After anything: " 1)" and "(2)" (one to three digits, read up to the ")", looked
    # back from there), a year with a marker (five to seven digits).
    rb"|\)(?:(?<=[ s\n?]0\))|(?<=[ s\n?]\(0\)))(?:[ s\n?]|\Z)"
    rb"|0(?:\)(?:(?<=[ s\n?]00\))|(?<=[ s\n?]\(00\)))(?:[ s\n?]|\Z)"
    rb"|0(?:\)(?:(?<=[ s\n?]000\))|(?<=[ s\n?]\(000\)))(?:[ s\n?]|\Z)"
    rb"|00{1,3}[p?]*(?:[ s\n?]|\Z)))"
    rb")"
)
#: Lines encoded in one piece by _lines_to_read.
_PIECE = 12
#: Candidates looked at per line, and characters looked back for the word before one.
_MAX_CANDIDATES = 200
_LOOK_BACK = 40
#: A line holding only a list of markers (``2, 3 en 4``) is never longer than this.
_LONGEST_LIST = 120
#: Words after a number that make it prose, not a footnote: ``5 miljard``, ``24 mei``.
_PROSE_WORDS = frozenset(
    """
    januari februari maart april mei juni juli augustus september oktober november december
    jan feb mrt apr jun jul aug sep sept okt nov dec
    miljoen miljard mln mld procent procentpunt euro dollar keer maal jaar jaren maand
    maanden week weken dag dagen uur uren minuten seconden kilometer km meter m cm mm kg
    ton liter mensen personen leden vragen vraag punten stuks pagina's pagina blz
    """.split()
)
#: Abbreviations that a number follows without being a footnote: ``nr.6``, ``p.44``.
_ABBREVIATIONS = frozenset(
    "nr nrs no art artt p pp pag blz hfst par lid sub vol jo fig tab bijl versie".split()
)
#: Words a number in prose follows: ``vraag 5)``, ``artikel 3)``.
_PROSE_BEFORE = frozenset(
    """
    vraag vragen antwoord antwoorden bijlage bijlagen artikel artikelen lid nr nummer punt
    stap fase onderdeel hoofdstuk paragraaf pagina blz p en of tot t/m versie motie
    """.split()
)


#: A year ending a sentence, which a marker may follow: ``in 2018.12 Hierbij``.
_YEAR_END = r"(?:^|[^0-9.,])(?:19|20)[0-9]{2}\Z"


#: Units written glued to a number: ``m2``, ``km2``, ``co2``.
_UNITS = frozenset("m km cm mm dm ha co h no so nox pm".split())
#: Characters a marker may be glued to (after them the number starts).
_CLOSING = "?!»”\u2019\"'.;,)]"


_ORDINAL = r"(?:e|ste|de)(?![^\W\d_])"
#: What makes a note without a marker look like a source rather than prose.
_SOURCE = (
    r"https?:|www\.|\.nl\b|\.pdf|Kamerstuk|Aanhangsel|Handelingen|nr\.|«|“"
    r"|\b(?:19|20)[0-9]{2}\b"
)


#: The forms of a line start that may be a note with text on its line.
_NOTE_FORMS = frozenset(("glued", "spaced", "numeric", "paren", "bracket", "caret"))


class _LineStart(Record):
    """A number opening a line: the note number, or a marker in PDF text."""

    #: Notes: "glued", "spaced", "numeric" (spaced, text opens with a number), "lone",
    #: "paren", "bracket" (``[1] text``), "caret". Markers only: "list" (``2, 3 en 4``),
    #: "punct" (``3, Algerije``).
    form: str
    numbers: tuple[int, ...]
    start: int  # column (0-based) of the number
    end: int  # column just after the number (and its ")" or "]:")
    text: str  # the rest of the line
    #: For a list: where each number stands.
    positions: tuple[tuple[int, int], ...] = ()


class _Inline(Record):
    # (Built by tuple's own constructor, every field given: see qalint.records.new.)
    #: "glued", "bracket", "caret" and "paren" are strong; "word" (``Agema3``),
    #: "acronym" (``NIS24``: directive NIS2, marker 4), "year" (``november 20231``,
    #: ``2022-20282``), "paren-weak" (``bij het UWV 1) ook``) and "parenthesised"
    #: (``(2)``) are weak.
    form: str
    number: int  # for weak glued forms: the whole digit run
    start: int  # column (0-based) of the digit run
    end: int
    strong: bool
    digits: str  # the digit run of "word", "acronym", "year", "paren-weak"; else ""


def find_footnotes(
    lines: tuple[str, ...],
    start_line: int,
    body_line: int,
    label_ends: dict[int, int],
    artefact: list[bool],
) -> tuple[tuple[FootnoteMarker, ...], tuple[FootnoteNote, ...]]:
    """Markers and notes from ``start_line`` (0-based) on.

    ``body_line`` is where the questions begin (weak forms are only read from there);
    ``label_ends`` maps label lines to the column where their label ends; ``artefact``
    flags the page furniture lines.
    """
    depth = _Depth(lines, start_line, label_ends, artefact)
    #: For each number, the last line where a note could start with it.
    last_note_line: dict[int, int] = {}
    last_lone_line: dict[int, int] = {}
    #: The lines with a line start or inline markers, in order, with these.
    read: list[tuple[int, _LineStart | None, list[_Inline]]] = []
    for index, signs in _lines_to_read(lines, start_line, artefact):
        label_end = label_ends.get(index)
        if label_end is not None and signs[-1] < label_end:
            continue  # signs only in the label ("1" of a bare question number)
        line = lines[index]
        # (content_start's first test, without a call, behind a one-letter search.)
        begin = content_start(line) if "K" in line and FOOTER in line else 0
        line_start = None
        if label_end is not None:
            if label_end > begin:
                begin = label_end
        elif signs[0] == begin or not line[begin : signs[0]].strip(_OPENING):
            # Only blanks, "[" or "[^" before the first sign: the number opening a line
            # after blanks or a bracket is always a sign (see _SIGN), unless it has the
            # four digits that no line start has.
            line_start = _line_start(line, begin)
        if line_start is not None:
            # (Only a list has more than one number, and it is neither.)
            if line_start.form in _NOTE_FORMS:
                last_note_line[line_start.numbers[0]] = index
            elif line_start.form == "lone":
                last_lone_line[line_start.numbers[0]] = index
                if _after_footer(lines, index, artefact):
                    # A page number: it is nothing more, and a number line has no
                    # candidate after its number, so it need not be resolved.
                    depth.read[index] = (line_start.end, [])
                    continue
            begin = line_start.end
            depth.read[index] = (begin, [])  # parentheses count from there
        # Without a sign after the label or line start, the line holds no candidate.
        found = _inline_markers(line, index, begin, signs, depth) if signs[-1] >= begin else []
        if line_start is not None or found:
            read.append((index, line_start, found))

    if not read:
        return (), ()
    state = _State()
    for index, line_start, found in read:
        is_note = False
        if line_start is not None:
            is_note = _resolve_line_start(
                state,
                lines,
                index,
                line_start,
                index >= body_line,
                label_ends,
                last_note_line,
                last_lone_line,
                artefact,
            )
        if is_note:
            continue
        for candidate in found:
            _resolve_inline(state, index, candidate, last_note_line, last_lone_line)
    return tuple(state.markers), tuple(state.notes)


def _lines_to_read(
    lines: tuple[str, ...], start_line: int, artefact: Sequence[bool]
) -> list[tuple[int, list[int]]]:
    """The lines from ``start_line`` on that may hold a marker or a note, in order, each
    with the columns of the signs of one (the first digit of a candidate's number); a
    superset. The lines flagged in ``artefact`` (page furniture) are left out.

    Most lines hold only prose and prose numbers, and the patterns of candidates cost
    too much per character to run over each. So the text is mapped, one byte per
    character, onto a few classes (_CLASSES) and searched at C speed for _SIGN. (A line
    start after a glued page footer is never missed: content_start leaves the heading
    glued to the footer, which opens with no number.)
    """
    # Page furniture is read as an empty line: its years ("vergaderjaar 2020–2021") are
    # signs, and a sign costs more than looking for the few such lines. (No sign looks
    # past the line break before or after its line.)
    texts = list(lines)
    for index in compress(range(len(lines)), artefact):
        texts[index] = ""
    # Encoded as Latin-1 in pieces of _PIECE lines: most pieces hold only Latin-1 and are
    # copied as they are, while the joined text would be wide (a single "’" makes it
    # so) and cost more to encode, and line by line each line would cost two calls.
    # ("latin1" is the spelling that the encoder looks for first.) The empty first
    # piece opens the text with a line break.
    encoded = [
        "\n".join(texts[first : first + _PIECE]).encode("latin1", "replace")
        for first in range(start_line, len(lines), _PIECE)
    ]
    classes = b"\n".join([b"", *encoded]).translate(_CLASSES)
    found: list[tuple[int, list[int]]] = []
    index, previous, line_start = start_line - 1, 0, 0
    columns: list[int] = []
    # The line breaks before a sign are counted from the previous sign, or from the
    # line break before the sign's piece (whose first line is known) if that is nearer:
    # the notes at the end of a document would else count the whole text.
    piece, piece_end = 0, len(encoded[0]) + 1 if encoded else 0  # the break after it
    for match in _SIGN.finditer(classes):
        at = match.start()  # the text opens with a line break: the first sign starts a line
        if at > piece_end:
            while at > piece_end:
                piece += 1
                previous = piece_end
                piece_end += len(encoded[piece]) + 1
            index = start_line + piece * _PIECE - 1
        breaks = classes.count(b"\n", previous, at)
        if breaks:
            index += breaks
            line_start = classes.rfind(b"\n", 0, at) + 1
            columns = [at - line_start]
            found.append((index, columns))
        else:
            columns.append(at - line_start)
        previous = at
    return found


class _Depth:
    """The parentheses open before a candidate, counted from the start of its paragraph
    (a label line, a blank line and page furniture start one) and clamped at zero at the
    start of each candidate and at each line end.

    Only a `` 1)`` asks, so the count is made lazily: from where the last answer left
    off, or from the start of the paragraph; each line is counted at most once.
    """

    def __init__(
        self,
        lines: tuple[str, ...],
        start_line: int,
        label_ends: dict[int, int],
        artefact: list[bool],
    ) -> None:
        self.lines = lines
        self.start_line = start_line
        self.label_ends = label_ends
        self.artefact = artefact
        #: The lines read for candidates, or after a line start: where reading began, where
        #: candidates start. (Any other line is read from its content or label end on.)
        self.read: dict[int, tuple[int, list[int]]] = {}
        #: Counted so far: ``open`` parentheses at ``column`` of ``line``, clamped at the
        #: first ``clamped`` candidates of that line (a line before the first: all done).
        self.line = start_line - 1
        self.column = 0
        self.clamped = 0
        self.open = 0

    def at(self, index: int, begin: int, starts: list[int]) -> int:
        """The parentheses open at the last of ``starts``, the candidates of line
        ``index`` so far (read from ``begin``)."""
        if self.line != index:
            self.open = 0 if index in self.label_ends else self._before(index)
            self.line, self.column, self.clamped = index, begin, 0
        line = self.lines[index]
        self.open = _count(line, self.column, starts[self.clamped :], self.open)
        self.column, self.clamped = starts[-1], len(starts)
        return self.open

    def _before(self, index: int) -> int:
        """The parentheses open at the start of line ``index``."""
        lines, artefact, label_ends = self.lines, self.artefact, self.label_ends
        # Only the lines since the paragraph start count.
        for previous in range(index - 1, self.line, -1):
            if artefact[previous] or not lines[previous].strip(_BLANK):
                return self._lines(previous + 1, index, 0)
            if previous in label_ends:
                return self._lines(previous, index, 0)
        open_ = self.open
        if self.line >= self.start_line:
            open_ = self._line_end(self.line, self.column, self.clamped, open_)
        return self._lines(self.line + 1, index, open_)

    def _lines(self, first: int, index: int, open_: int) -> int:
        """The parentheses open after the lines from ``first`` up to ``index``, all of one
        paragraph, with ``open_`` open before them."""
        lines, label_ends = self.lines, self.label_ends
        for other in range(first, index):
            if other in label_ends:
                open_ = 0
            # With none open, a line without "(" leaves none open (the count is clamped
            # at zero): most lines, counted without a call.
            if open_ or "(" in lines[other]:
                open_ = self._line_end(other, -1, 0, open_)
        return open_

    def _line_end(self, index: int, column: int, clamped: int, open_: int) -> int:
        """The parentheses open at the end of line ``index``, counted from ``column``
        (-1: from where reading begins) and the first ``clamped`` candidates on."""
        line = self.lines[index]
        if index in self.read:
            begin, starts = self.read[index]
        else:
            begin, starts = max(content_start(line), self.label_ends.get(index, 0)), []
        if column < 0:
            column = begin
        return _count(line, column, [*starts[clamped:], len(line)], open_)


def _count(line: str, column: int, points: list[int], open_: int) -> int:
    """The parentheses open at the last of ``points`` of ``line`` with ``open_`` open at
    ``column``; the count is clamped at zero at each point."""
    for point in points:
        open_ += line.count("(", column, point) - line.count(")", column, point)
        if open_ < 0:
            open_ = 0
        column = point
    return open_


class _State:
    def __init__(self) -> None:
        self.markers: list[FootnoteMarker] = []
        self.notes: list[FootnoteNote] = []
        self.marker_numbers: set[int] = set()
        self.note_numbers: set[int] = set()
        self.paren_style = False
        #: The next number of each sequence: one more than the highest so far.
        self.next_marker = 1
        self.next_note = 1

    def add_marker(self, number: int, index: int, start: int, end: int, form: str) -> None:
        span = new(Span, (index + 1, start + 1, index + 1, end + 1))
        self.markers.append(new(FootnoteMarker, (number, span, form)))
        self.marker_numbers.add(number)
        if number >= self.next_marker:
            self.next_marker = number + 1
        if form == "paren":
            self.paren_style = True

    def add_note(self, number: int, text: str, index: int, start: int, end: int, form: str) -> None:
        span = new(Span, (index + 1, start + 1, index + 1, end + 1))
        self.notes.append(new(FootnoteNote, (number, text, span, form)))
        self.note_numbers.add(number)
        if number >= self.next_note:
            self.next_note = number + 1

    def awaits_note(self, number: int) -> bool:
        return number in self.marker_numbers and number not in self.note_numbers


def _resolve_line_start(
    state: _State,
    lines: tuple[str, ...],
    index: int,
    found: _LineStart,
    in_body: bool,
    label_ends: dict[int, int],
    last_note_line: dict[int, int],
    last_lone_line: dict[int, int],
    artefact: list[bool],
) -> bool:
    """Record what a number opening a line is; True when the line is a note."""
    number = found.numbers[0]
    if found.form == "list":
        if in_body and number == state.next_marker:
            for value, (start, end) in zip(found.numbers, found.positions, strict=True):
                state.add_marker(value, index, start, end, "line")
        return False
    if found.form == "lone":
        # (A page number, a number line after page furniture, is not read again here.)
        if state.awaits_note(number):
            state.add_note(
                number, _next_text(lines, index, artefact), index, found.start, found.end, "lone"
            )
            return True
        if in_body and number == state.next_marker and last_note_line.get(number, -1) > index:
            state.add_marker(number, index, found.start, found.end, "line")
            return False
        # (A marker needs no text: the one below the number is read only now.)
        text = _next_text(lines, index, artefact)
        if (
            number == state.next_note
            and compiled(_SOURCE, re.IGNORECASE).search(text)
            and not _after_list_intro(lines, index, artefact)
            and _in_zone(lines, index, label_ends, artefact)
        ):
            state.add_note(number, text, index, found.start, found.end, "lone")
            return True
        return False
    if found.form == "caret":
        state.add_note(number, found.text, index, found.start, found.end, "caret")
        return True
    if found.form == "numeric":
        if state.awaits_note(number):
            state.add_note(number, found.text, index, found.start, found.end, "spaced")
            return True
        return False
    if found.form == "punct":
        if (
            in_body
            and number == state.next_marker
            and (last_note_line.get(number, -1) > index or last_lone_line.get(number, -1) > index)
            and not _after_unit(lines, index, artefact)
            # "vraag" + "1. De gemeente": the number is the sentence's; a lone "5." after
            # "vraag" stays a marker, since the note it needs follows
            and not (
                lines[index][found.end + 1 :].strip(_BLANK)
                and _after_number_word(lines, index, artefact)
            )
            and not (
                lines[index][found.end : found.end + 1] == "."
                and _in_numbered_list(lines, index, number, artefact)
            )
        ):
            state.add_marker(number, index, found.start, found.end, "line")
        return False
    # "glued", "spaced", "paren", "bracket": "1NOS, ...", "1 NOS, ...", "1) NOS, ...", "[1] NOS"
    if (
        state.awaits_note(number)
        and not (
            found.form == "glued"
            and compiled(_ORDINAL).match(found.text)
            and not _in_zone(lines, index, label_ends, artefact)
        )
        and not (found.form == "spaced" and _prose(found.text))
        and not (
            found.form == "spaced" and _reads_on(lines, index, found, last_note_line, artefact)
        )
    ):
        state.add_note(number, found.text, index, found.start, found.end, found.form)
        return True
    if (
        found.form == "spaced"
        and in_body
        and number == state.next_marker
        and not _prose(found.text)
        and not _after_unit(lines, index, artefact)
        and not _after_number_word(lines, index, artefact)
        and (last_note_line.get(number, -1) > index or last_lone_line.get(number, -1) > index)
    ):
        # PDF text puts a superscript at the start of the next line: "handeling.\n2 Dit is".
        state.add_marker(number, index, found.start, found.end, "line")
        return False
    if (
        number == state.next_note
        and compiled(_SOURCE, re.IGNORECASE).search(found.text)
        and not _after_list_intro(lines, index, artefact)
        and not (found.form == "glued" and compiled(_ORDINAL).match(found.text))
        and not (found.form == "spaced" and _prose(found.text))
        and _in_zone(lines, index, label_ends, artefact)
    ):
        state.add_note(number, found.text, index, found.start, found.end, found.form)
        return True
    return False


def _resolve_inline(
    state: _State,
    index: int,
    candidate: _Inline,
    last_note_line: dict[int, int],
    last_lone_line: dict[int, int],
) -> None:
    number = candidate.number
    if candidate.strong:
        if 1 <= number <= state.next_marker + _MAX_JUMP:
            state.add_marker(number, index, candidate.start, candidate.end, candidate.form)
        return
    expected = state.next_marker
    if candidate.form == "parenthesised":
        # "Motie Knops c.s. (2)" in a draft that writes its other markers " 1)".
        if number == expected and state.paren_style:
            state.add_marker(number, index, candidate.start, candidate.end, "paren")
        return
    if candidate.form == "paren-weak":
        if number == expected and last_note_line.get(number, -1) > index:
            state.add_marker(number, index, candidate.start, candidate.end, "paren")
        return
    wanted = str(expected)
    digits = candidate.digits
    start = candidate.start
    if candidate.form == "year":
        if digits[4:] != wanted:
            return
        start += 4
    elif digits != wanted:
        if candidate.form != "acronym" or not digits.endswith(wanted):
            return
        start += len(digits) - len(wanted)  # "NIS24": marker 4
    if last_note_line.get(expected, -1) > index or last_lone_line.get(expected, -1) > index:
        state.add_marker(expected, index, start, candidate.end, "glued")


def _line_start(line: str, begin: int) -> _LineStart | None:
    """A number opening the line (after ``begin``), in one of the note/marker forms."""
    if not begin and len(line) <= 3 and line.isdigit() and line.isascii():
        # A number line ("2"), the commonest line start: _LINE_NUMBER without the call.
        value = int(line)
        if not 1 <= value <= MAX_NUMBER:
            return None
        return new(_LineStart, ("lone", (value,), 0, len(line), "", ()))
    if "[" in line:  # else neither form in brackets can match
        caret = compiled(_CARET_NOTE).match(line, begin)
        if caret is not None:
            return _LineStart(
                "caret",
                (int(caret["num"]),),
                caret.start("num") - 2,
                caret.end("num") + 2,
                line[caret.end() :].strip(_BLANK),
            )
        bracket = compiled(_BRACKET_NOTE).match(line, begin)
        if bracket is not None:
            number = _number(bracket["num"])
            text = line[bracket.end() :].strip(_BLANK)
            if number is None or not text:
                return None
            return _LineStart("bracket", (number,), bracket.start("num"), bracket.end("num"), text)
    match = _LINE_NUMBER.match(line, begin)
    if match is None:
        return None
    start, end = match.span(1)  # (by number: a group name costs a look-up)
    number = int(line[start:end])
    rest = line[end:]
    text = rest.strip(_BLANK)
    # The records are built by tuple's own constructor (qalint.records.new): every field
    # given, positions only for a list.
    if not text:
        if not 1 <= number <= MAX_NUMBER:
            return None
        return new(_LineStart, ("lone", (number,), start, end, "", ()))
    if (
        text[0] in _LIST_GOES_ON
        and len(line) - begin <= _LONGEST_LIST
        and _LIST_LINE.match(line, begin)
    ):
        found = list(_DIGITS.finditer(line, begin))
        numbers = tuple(int(m.group()) for m in found)
        if numbers == tuple(range(numbers[0], numbers[0] + len(numbers))) and numbers[0] >= 1:
            positions = tuple((m.start(), m.end()) for m in found)
            return new(_LineStart, ("list", numbers, start, found[-1].end(), "", positions))
        return None
    if not 1 <= number <= MAX_NUMBER:
        return None
    first = rest[0]
    if first == ")" and rest[1:2] in (" ", "\t", "\u00a0"):
        return new(_LineStart, ("paren", (number,), start, end + 1, rest[1:].strip(_BLANK), ()))
    if first in " \t\u00a0":
        if not text[:1].isdigit():
            return new(_LineStart, ("spaced", (number,), start, end, text, ()))
        if any(char.isalpha() for char in text):
            # "11 3628105-CZ."
            return new(_LineStart, ("numeric", (number,), start, end, text, ()))
        return None  # a table row
    if first in ",;.:»”\u2019" and rest[1:2] in ("", " ", "\t", "\u00a0"):
        # PDF text: "Tajikistan\n3, Algerije4", "investeren\n3. Hiermee", "1» en «Alle".
        return new(_LineStart, ("punct", (number,), start, end, rest[1:].strip(_BLANK), ()))
    if first.isalpha() or first in "«“\u2018\"'([":
        return new(_LineStart, ("glued", (number,), start, end, text, ()))
    return None


def _inline_markers(
    line: str, index: int, begin: int, signs: list[int], depth: _Depth
) -> list[_Inline]:
    """Markers inside line ``index`` from ``begin`` on: glued, bracketed, `` 1)`` and
    ``(2)``, in order.

    ``signs`` are the columns where the number of a candidate may start (see _SIGN),
    and only there candidates are tried. Only the first _MAX_CANDIDATES are looked at,
    so a garbage line of a hundred thousand markers costs little more than a real one.
    """
    starts: list[int] = []
    depth.read[index] = (begin, starts)
    found = _bracket_markers(line, begin) if "[" in line else []
    for match in _candidate_matches(line, begin, signs):
        if len(starts) >= _MAX_CANDIDATES:
            break
        start = match.start()
        starts.append(start)
        before = _token_before(line, start, begin)
        if _url_like(before):
            continue
        kind = match.lastgroup
        if kind == "paren":
            paren = _paren_marker(
                match.group(),
                start,
                _word_before(line, start, begin),
                _char_after(line, match.end()),
            )
            # Not " 1)" inside parentheses: "(zie bijlage 1)".
            if paren is not None and (
                paren.form == "parenthesised" or depth.at(index, begin, starts) == 0
            ):
                found.append(paren)
        elif kind == "mid":
            # "gesproken.3Toekomstige": a marker between two sentences without spaces.
            found.append(new(_Inline, ("glued", int(match.group()), start, match.end(), True, "")))
        else:
            marker = _glued_marker(before, match.group(), start)
            if marker is not None:
                found.append(marker)
                if marker.strong:
                    found.extend(_continuation(line, match.end(), marker.number))
    if len(found) > 1:
        found.sort(key=lambda item: item.start)
    return found


def _candidate_matches(line: str, begin: int, signs: list[int]) -> Iterator[re.Match[str]]:
    """``_CANDIDATE.finditer(line, begin)``, but tried only where a candidate can start:
    at a sign (the first digit of its number), or at the ``(`` of ``(2)`` before one."""
    position = begin
    for column in signs:
        if column >= position:
            match = None
            if column > position and line[column - 1] == "(":
                match = _CANDIDATE.match(line, column - 1)
            if match is None:
                match = _CANDIDATE.match(line, column)
            if match is not None:
                yield match
                position = match.end()


def _continuation(line: str, end: int, last: int) -> list[_Inline]:
    """``?1, 2``, ``?1, 2 en 3``, ``?1 2 3``: the numbers after a marker belong to it."""
    found: list[_Inline] = []
    for _ in range(8):
        match = _NEXT_NUMBER.match(line, end)
        if match is None or _number(match["num"]) != last + 1:
            break
        last += 1
        found.append(new(_Inline, ("glued", last, match.start("num"), match.end("num"), True, "")))
        end = match.end()
    return found


def _token_before(line: str, start: int, begin: int) -> str:
    """The part of the word before ``start`` (at most _LOOK_BACK characters)."""
    # (A conditional and positional arguments: max() and a keyword cost a call's parsing.)
    low = start - _LOOK_BACK
    piece = line[low if low > begin else begin : start]
    return piece.rsplit(None, 1)[-1] if piece and not piece[-1].isspace() else ""


def _word_before(line: str, start: int, begin: int) -> str:
    """The word before the white space before ``start``."""
    index = start
    limit = max(start - _LOOK_BACK, begin)
    while index > limit and line[index - 1].isspace():
        index -= 1
    return _token_before(line, index, begin) if index > limit else ""


def _char_after(line: str, end: int) -> str:
    """The first character after the white space after ``end``; "" at the end."""
    match = _NEXT_CHAR.match(line, end, end + _LOOK_BACK)
    return match.group(1) if match else ""


def _number(text: str) -> int | None:
    """``text`` as a footnote number: one to three ASCII digits, 1 to MAX_NUMBER."""
    # (An ASCII character is a digit only if it is one of "0" to "9".)
    if not 1 <= len(text) <= 3 or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_NUMBER else None


def _url_like(token: str) -> bool:
    return "/" in token or "www." in token or "=" in token or "%" in token or "@" in token


def _glued_marker(before: str, digits: str, start: int) -> _Inline | None:
    """``»?1``, ``jl.2``, ``Agema3,``, ``gepubliceerd13.``: digits ending a word.

    ``before`` is the part of the word before the digits, which start at ``start``.
    """
    end = start + len(digits)
    year_first = len(digits) >= 5 and digits[:2] in ("19", "20")
    if year_first and (not before or before[-1] in "\u2013-/("):
        # "7 november 20231": a year with the marker glued to it.
        return new(_Inline, ("year", 0, start, end, False, digits))
    number = _number(digits)
    if number is None or not before:
        return None
    char = before[-1]
    if char in _CLOSING:
        if len(before) < 2 or before[-2].isspace():
            return None  # an opening quote: "'90"
        if char == "." and compiled(_YEAR_END).search(before[:-1]):
            return new(_Inline, ("word", number, start, end, False, digits))  # "in 2018.12 Hierbij"
        if char in ".;," and ("0" <= before[-2] <= "9" or _abbreviation(before[:-1])):
            return None  # "1.5", "2,5", "nr.6"
        return new(_Inline, ("glued", number, start, end, True, ""))
    word = _trailing_word(before)
    if not word:
        return None
    if word.islower():
        if len(word) < 2 or word in _UNITS:
            return None  # "m2", "x3"
        return new(_Inline, ("word", number, start, end, False, digits))
    if word.isupper() and len(word) >= 3 and word.lower() not in _UNITS:
        # "NIS24" is the directive NIS2 with marker 4 (see _resolve_inline).
        return new(_Inline, ("acronym", number, start, end, False, digits))
    if not word.isupper() and len(word) >= 2:
        return new(_Inline, ("word", number, start, end, False, digits))  # "Ends1", "NZa3"
    return None  # "CO2", "B3"


def _abbreviation(text: str) -> bool:
    return _trailing_word(text).lower() in _ABBREVIATIONS


def _trailing_word(text: str) -> str:
    index = len(text)
    while index > 0 and text[index - 1].isalpha():
        index -= 1
    return text[index:]


def _paren_marker(token: str, start: int, previous: str, following: str) -> _Inline | None:
    """`` 1)`` after a question (ministry and Kamer drafts), and ``(2)`` in such a draft.

    ``previous`` is the word before it and ``following`` the first character after it
    ("" at the line end). The caller rejects `` 1)`` inside parentheses.
    """
    if token[:1] == "(":
        number = _number(token[1:-1])
        if number is None:
            return None
        return new(_Inline, ("parenthesised", number, start + 1, start + len(token) - 1, False, ""))
    number = _number(token[:-1])
    if number is None or not previous:
        return None  # a line opening with "1)"
    last = previous[-1]
    if previous.strip(".,;:").lower() in _PROSE_BEFORE:
        return None  # "... op vraag 5)": the end of a parenthesis opened earlier
    if not following and (last.isalpha() or last in _CLOSING):
        return new(_Inline, ("paren", number, start, start + len(token) - 1, True, ""))
    if following and last in "?!.»”\u2019\"'" and following.isupper():
        return new(_Inline, ("paren", number, start, start + len(token) - 1, True, ""))
    if last in ",;:" or not (last.isalpha() or last in _CLOSING):
        return None  # "twee fases: 1) ... en; 2) ...": an enumeration
    # "over de problemen bij het UWV 1) ook op ...": a marker if the note follows.
    return new(_Inline, ("paren-weak", number, start, start + len(token) - 1, False, token[:-1]))


def _bracket_markers(line: str, begin: int) -> list[_Inline]:
    """``[1 ]``, ``[4 5 ]``, ``[10]`` and Markdown ``[^1]`` (not ``[^1]:`` notes)."""
    found: list[_Inline] = []
    for match in compiled(_BRACKET).finditer(line, begin):
        if len(found) >= _MAX_CANDIDATES:
            break
        if match["caret"]:
            number = _number(match["inner"].strip(" "))
            if number is not None and line[match.end() : match.end() + 1] != ":":
                found.append(
                    new(
                        _Inline,
                        ("caret", number, match.start("inner"), match.end("inner"), True, ""),
                    )
                )
            continue
        for digits in _DIGITS.finditer(line, match.start("inner"), match.end("inner")):
            value = _number(digits.group())
            if value is not None:
                found.append(
                    new(_Inline, ("bracket", value, digits.start(), digits.end(), True, ""))
                )
    return found


def _in_numbered_list(
    lines: tuple[str, ...], index: int, number: int, artefact: list[bool]
) -> bool:
    """Whether ``N.`` opening this line is an item of a numbered list (``1. ...``,
    ``2. ...``) rather than a marker pushed to the start of the line."""
    if _previous_text(lines, index, artefact).endswith((":", ";")):
        return True
    for other in range(max(index - 6, 0), min(index + 7, len(lines))):
        if other != index and not artefact[other]:
            text = lines[other].lstrip(_BLANK)
            if text.startswith((f"{number - 1}.", f"{number + 1}.")):
                return True
    return False


def _after_list_intro(lines: tuple[str, ...], index: int, artefact: list[bool]) -> bool:
    """``De stukken zijn:`` + ``1) Kamerstuk ...``: a list in the text, not a note."""
    return _previous_text(lines, index, artefact).endswith(":")


def _after_footer(lines: tuple[str, ...], index: int, artefact: list[bool]) -> bool:
    """Whether the previous non-blank line is a page header or footer (so that a number
    line is a page number)."""
    for previous in range(index - 1, -1, -1):
        if lines[previous].strip(_BLANK):
            return artefact[previous]
    return False


def _in_zone(
    lines: tuple[str, ...], index: int, label_ends: dict[int, int], artefact: list[bool]
) -> bool:
    """Whether the line is near a page end: no label between it and the next page end
    (page furniture, or the end of the document), and at most _ZONE_LINES lines with
    text from it to there.

    Asked for a few lines of a few documents, so walked from the line on: at most
    _ZONE_LINES lines with text (and the blank lines between them) for each."""
    distance = 0
    for other in range(index, len(lines)):
        line = lines[other]
        # A page footer with a heading glued to it ("...Aanhangsel 3Antwoord 20") ends a
        # page too. (content_start's first test, without a call.)
        if artefact[other] or (FOOTER in line and content_start(line) > 0):
            return other > index
        if other in label_ends:
            return False
        if line.strip(_BLANK):
            distance += 1
            if distance > _ZONE_LINES:
                return False
    return True


def _previous_text(lines: tuple[str, ...], index: int, artefact: list[bool]) -> str:
    """The text of the nearest line with text before ``index`` (page furniture skipped)."""
    for previous in range(index - 1, index - 6 if index > 5 else -1, -1):  # (max() costs more)
        text = lines[previous].strip(_BLANK)
        if text and not artefact[previous]:
            return text
    return ""


def _after_unit(lines: tuple[str, ...], index: int, artefact: list[bool]) -> bool:
    """``10,4 miljard m`` + ``3 aan aardgas``: an exponent pushed to the next line."""
    return _last_word_before(lines, index, artefact) in _UNITS


def _after_number_word(lines: tuple[str, ...], index: int, artefact: list[bool]) -> bool:
    """``op grond van artikel`` + ``2 van de Wet``, ``het antwoord op vraag`` + ``1. De``:
    a sentence wrapped just before its number. Markers follow what they annotate, never
    a preposition or a word such as ``artikel``."""
    return _last_word_before(lines, index, artefact) in _TAKES_A_NUMBER


def _reads_on(
    lines: tuple[str, ...],
    index: int,
    found: _LineStart,
    last_note_line: dict[int, int],
    artefact: list[bool],
) -> bool:
    """``antwoord op vraag`` + ``1 bevestigend is, ...?``: the sentence reads on through
    the number, the text is no source, and the note with that number still follows, so
    the number is the sentence's. (A note may well follow a line ending in ``de`` or
    ``van``: only the note that comes later makes this one prose.)"""
    return (
        last_note_line.get(found.numbers[0], -1) > index
        and not compiled(_SOURCE, re.IGNORECASE).search(found.text)
        and _after_number_word(lines, index, artefact)
    )


def _last_word_before(lines: tuple[str, ...], index: int, artefact: list[bool]) -> str:
    previous = _previous_text(lines, index, artefact)
    return previous.rsplit(" ", 1)[-1].lower() if previous else ""


#: Words after which a number belongs to the sentence.
_TAKES_A_NUMBER = frozenset(
    "artikel artikelen vraag vragen antwoord antwoorden nr nr. nummer lid leden hoofdstuk "
    "paragraaf bijlage punt pagina blz. stap fase motie tabel figuur amendement week versie "
    "niveau ronde op tot van en of met dan circa ruim bijna ongeveer de het een in aan voor "
    "per om over onder bij na sinds tussen t/m".split()
)


def _prose(text: str) -> bool:
    """``5 miljard``, ``24 mei``: the number is part of the sentence."""
    word = text.split(" ", 1)[0].strip(".,;:").lower()
    return word in _PROSE_WORDS


def _next_text(lines: tuple[str, ...], index: int, artefact: list[bool]) -> str:
    """The first line with text after a number line (the note text below it)."""
    end = index + 4 if index + 4 < len(lines) else len(lines)  # (min() costs more)
    for following in range(index + 1, end):
        text = lines[following].strip(_BLANK)
        if not text or artefact[following]:
            continue
        return "" if text.isdigit() else text
    return ""
