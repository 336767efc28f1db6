"""PDF and conversion artefacts (DOMAIN.md section 8), and the running text.

Published text carries page headers and footers, ``-----`` separators, hyphenated
line breaks and headings glued to a footer. This module marks those lines and builds
one running text of the remaining lines, in which sentences that wrap (dates,
references, header lines) can be searched, with a map from every character of the
running text back to its line and column in the original input.
"""

from bisect import bisect_right
from typing import cast

from qalint import pattern_cache
from qalint.model import Span
from qalint.records import Record, new

# Written without re.VERBOSE, which costs start-up time to compile.
_ARTEFACT_LINE = pattern_cache.compile(
    r"[ \t\f\u00a0]*(?:"
    r"Tweede Kamer, vergaderjaar [0-9]{4}[\u2013-][0-9]{4}, (?:Aanhangsel|Vragen)[ 0-9]*"
    r"|Tweede Kamer der Staten-Generaal[ 0-9]*"
    r"|(?:#+ )?Vergaderjaar [0-9]{4}[\u2013-][0-9]{4} "
    r"(?:Aanhangsel van de Handelingen|Vragen gesteld door de leden der Kamer)"
    r"|\**Vragen gesteld door de leden der Kamer, met de daarop door de\**"
    r"|\**regering gegeven antwoorden\**"
    r"|(?:ah|kv)-tk-[0-9A-Za-z-]+"
    r"|h tk [0-9]+ [0-9]+"
    r"|ISSN 0921 ?- ?7398.*"
    r"|\u2019s-Gravenhage [0-9]{4}.*"
    r"|-{3,}"
    r"|# [0-9]+"
    r")[ \t\f\u00a0]*\Z"
)
#: How an _ARTEFACT_LINE can start: each alternative's literal start, or a blank.
_ARTEFACT_STARTS = tuple(
    "Tweede Kamer|Vergaderjaar|#|Vragen gesteld|*|regering|ah-tk-|kv-tk-|h tk |ISSN"
    "|\u2019s-Gravenhage|---| |\t|\f|\u00a0".split("|")
)
#: The starts by their first character, so that a line is compared with few of them:
#: few lines start the way an artefact does, and _ARTEFACT_LINE costs far more per line
#: than a look at the first character (and then at the starts that begin with it).
ARTEFACT_STARTS_BY_FIRST = {
    first: tuple(start for start in _ARTEFACT_STARTS if start[0] == first)
    for first in {start[0] for start in _ARTEFACT_STARTS}
}

#: A page footer that a heading was glued to: "...Aanhangsel 1Antwoord 3".
_GLUED_FOOTER = pattern_cache.compile(
    r"(?:.*Tweede Kamer, vergaderjaar [0-9]{4}[\u2013-][0-9]{4}, (?:Aanhangsel|Vragen) ?[0-9]*)"
    r"(?=(?:Vraag|Vragen|Antwoord)\b)"
)

#: What every line holding a page footer holds (and _GLUED_FOOTER asks for).
FOOTER = "Kamer, vergaderjaar"

_PAGE_NUMBER = pattern_cache.compile(r"[ \t\f\u00a0]*[0-9]{1,3}[ \t\f\u00a0]*\Z")

#: The flag of a line that running_text reads from a column.
_IN_PART = 2

#: running_text's columns when it is given none (it never writes to them).
_NO_COLUMNS: dict[int, int] = {}

#: The white space that the running text reads as a space.
_SPACE_LIKE = str.maketrans(dict.fromkeys("\u00a0\f\v\t", " "))


def is_artefact(line: str) -> bool:
    """Whether the line is page furniture only. A footer with a heading glued to it
    (``ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, ... Aanhangsel 1Antwoord 3``) is
    not: the ISSN and city alternatives run to the end of the line, but the label that
    find_labels reads there, and its text, belong to the document."""
    return _ARTEFACT_LINE.match(line) is not None and not content_start(line)


def content_start(line: str) -> int:
    """Index where a line's own content starts, after a glued page footer."""
    if FOOTER not in line:
        return 0  # the common case, without running the pattern
    match = _GLUED_FOOTER.match(line)
    return match.end() if match else 0


class RunningText(Record):
    """The document as one string, with a map back to original lines and columns.

    Lines are joined with a single space, or with nothing where a word was hyphenated
    across the break (``radicalise-`` + ``ring``). Artefact lines are left out.
    """

    text: str
    #: For each segment: where it starts in ``text``, its line (1-based), and the
    #: column (0-based) in that line where the segment starts. Lists as built, not
    #: copied into tuples: a running text lives for one document's parse, and nothing
    #: changes them (the copies cost ~2% of running_text).
    starts: list[int]
    seg_lines: list[int]
    seg_columns: list[int]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original input of ``text[offset]``."""
        starts = self.starts
        if not starts:
            return 1, 1
        # The first segment starts at 0, and no offset is below: index is not -1.
        index = bisect_right(starts, offset) - 1
        return self.seg_lines[index], self.seg_columns[index] + offset - starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """Span of ``text[start:end]`` (of ``text[start]`` when the range is empty)."""
        starts = self.starts
        if not starts:
            return Span(1, 1, 1, 2)
        lines = self.seg_lines
        columns = self.seg_columns
        # The first segment starts at 0, and no offset is below: index is not -1.
        index = bisect_right(starts, start) - 1
        last = end - 1 if end > start else start
        # Most ranges end in the segment they start in: no second search for those.
        if index + 1 < len(starts) and starts[index + 1] <= last:
            end_index = bisect_right(starts, last, index + 1) - 1
            return new(
                Span,
                (
                    lines[index],
                    columns[index] + start - starts[index] + 1,
                    lines[end_index],
                    columns[end_index] + last - starts[end_index] + 2,
                ),
            )
        line = lines[index]
        shift = columns[index] - starts[index]
        return new(Span, (line, shift + start + 1, line, shift + last + 2))


def running_text(
    lines: tuple[str, ...],
    first: int = 0,
    last: int | None = None,
    begin_at: dict[int, int] | None = None,
    skip: frozenset[int] = frozenset(),
    *,
    artefact: list[bool],
    footers: frozenset[int],
) -> RunningText:
    """Join ``lines[first:last]`` into a RunningText, skipping artefact lines.

    ``begin_at`` maps a line index to the column where its text starts; labels use it
    so that a heading is not read as a cross-reference (and a line mapped to a column
    past its end is left out). Lines in ``skip`` (footnote texts at a page bottom) and
    lines holding only a number (page numbers, footnote markers) are left out too, so
    that a sentence running over a page break reads as one. ``artefact`` holds the
    ``is_artefact`` flags of all lines, and ``footers`` the other lines that hold a
    page footer (see blocks.find_labels): only those can have a heading glued to one.
    """
    stop = len(lines) if last is None else last
    columns = begin_at or _NO_COLUMNS
    # Per line up to stop: False to read it whole (the commonest), True to leave it out
    # (an artefact, skipped, or a label alone on its line), _IN_PART to read it from a
    # column (a label or a footer): one look tells the commonest line, and the sets are
    # looked at once per member. From the document's first line, so that a member needs
    # no shift: a line before first is not read. (skip and footers are often empty, the
    # header's always: a test spares their loops' iterators.)
    flags = cast("list[bool | int]", artefact[:stop])  # a copy, that takes _IN_PART too
    if skip:
        for index in skip:
            if index < stop:
                flags[index] = True
    for index, column in columns.items():
        if index < stop and not flags[index]:
            # The commonest label stands alone on its line: nothing to read there.
            flags[index] = True if column >= len(lines[index]) else _IN_PART
    if footers:
        for index in footers:
            if index < stop and not flags[index]:
                flags[index] = _IN_PART
    # The pieces, joined with a space; a piece after a hyphenated word is glued to it.
    parts: list[str] = []
    starts: list[int] = []
    seg_lines: list[int] = []
    # The column of each segment that does not start its line's column 0 (few do).
    indented: dict[int, int] = {}
    start = 0  # where the next piece starts in the text
    glue = False  # whether the previous piece ends in a word hyphenated across the break
    for index, flag in enumerate(flags[first:], first):
        if flag:
            if flag is True:
                continue
            # A label or footer line, read from a column (few per document); or a page
            # number, as below (_PAGE_NUMBER matches only blanks and one to three digits).
            line = lines[index]
            if len(line) < 12 and _PAGE_NUMBER.match(line):
                continue
            if index in columns:  # a label line, read from where its label ends
                begin = columns[index]
                if index in footers:  # perhaps glued to a page footer
                    begin = max(begin, content_start(line))
                rest = line[begin:]
                piece = rest.strip()
                size = len(piece)
                if not size:
                    continue
                begin += len(rest) - len(rest.lstrip())
            else:  # a footer line, perhaps with a heading glued to it
                begin = content_start(line)
                piece = line[begin:].strip()
                size = len(piece)
                if not size:
                    continue
                begin = line.index(piece[0], begin)
            if begin:
                indented[len(starts)] = begin
        else:
            line = lines[index]
            piece = line.strip()
            size = len(piece)
            # Empty, or perhaps a page number (of one to three digits); the digits test
            # spares most short lines the pattern's call.
            if size < 4 and (
                not size or (len(line) < 12 and piece.isdigit() and _PAGE_NUMBER.match(line))
            ):
                continue
            # strip() gives the line itself when it has no white space to take off.
            if piece is not line and line[0] != piece[0]:
                indented[len(starts)] = line.index(piece[0])
        starts.append(start)
        seg_lines.append(index + 1)
        if glue:
            parts[-1] += piece
            glue = False
        else:
            parts.append(piece)
        start += size + 1
        if (
            # ("-" in: a search in C, cheaper than a look at the last character, and
            # few lines hold a hyphen.)
            "-" in piece
            and piece[-1] == "-"
            and size > 2
            and piece[-2].isalpha()
            and _next_starts_lower(lines, index + 1, stop, artefact)
        ):
            # A word hyphenated across the break: the next piece is glued to it.
            parts[-1] = parts[-1][:-1]
            start -= 2
            glue = True
    text = " ".join(parts)
    seg_columns = [0] * len(starts)
    if indented:
        for segment, column in indented.items():
            seg_columns[segment] = column
    # Translating white space to spaces changes no length, so it is done once, and
    # only when needed: most documents have no NBSP, tab, form feed or \v.
    # (Four `in` tests cost half of a generator over the four characters.)
    if "\t" in text or "\f" in text or "\v" in text or "\u00a0" in text:
        text = text.translate(_SPACE_LIKE)
    # RunningText's own constructor, a Python function, costs more than the tuple's.
    return new(RunningText, (text, starts, seg_lines, seg_columns))


def _next_starts_lower(lines: tuple[str, ...], index: int, stop: int, flags: list[bool]) -> bool:
    for following in range(index, stop):
        line = lines[following]
        if flags[following]:
            continue
        # (A page number, which _PAGE_NUMBER matches, is at most three digits once
        # stripped: most lines need no call of the pattern.)
        piece = line.strip()
        if not piece or (len(piece) < 4 and _PAGE_NUMBER.match(line)):
            continue
        first = line[content_start(line) :].lstrip()[:1]
        return first.islower()
    return False
