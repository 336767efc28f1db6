import functools
import re
from collections.abc import Iterable, Iterator

from qalint_plugins.drafting._text import LineIndex

from qalint import pattern_cache
from qalint.model import Document, Span
from qalint.rules import Diagnostic, Rule, Severity, joined_lines


@functools.cache
def _candidate() -> re.Pattern[str]:
    """Where a placeholder may start. Every alternative opens with a literal character,
    so the scan skips ahead to those characters; what follows is bounded (no nested
    quantifiers) and checked in Python, so a line is scanned in linear time. Compiled on
    first use: most documents hold no opening literal."""
    return pattern_cache.compile(
        r"\[\[[^\[\]\n]{0,200}\]\]"  # text marked for attention: [[bedrag]]
        r"|\[(?P<bracket>[^\[\]\n]{1,24})\]"  # [invullen], [datum], [...]
        r"|<(?P<angle>[^<>\n]{1,24})>"  # <naam>
        r"|P\.M\.|PM|p\.m\.|X{3,}|x{3,}|TODO|TBD"
        r"|\?\?+"
        r"|[Nn]og (?:aan|in) te vullen"
    )


#: What a literal found in the text marks: where a placeholder may start, or where
#: ``volgt`` stands.
_OPENING, _FOLLOWS = 0, 1
#: Literals by anchor: ``((anchor, ((offset of the anchor, literals, what they mark), ...)), ...)``.
#: The literals that hold the anchor at one offset are tested by one ``str.startswith``.
_Entry = tuple[int, tuple[str, ...], int]
_Anchored = tuple[tuple[str, tuple[_Entry, ...]], ...]


def _anchored(*groups: tuple[str, tuple[tuple[str, ...], ...]]) -> _Anchored:
    """Literals grouped by an anchor each holds, with the anchor's offset in the literal;
    ``groups`` give each anchor the opening literals, then the ``volgt`` literals."""
    anchored: list[tuple[str, tuple[_Entry, ...]]] = []
    for anchor, marked in groups:
        by_offset: dict[tuple[int, int], list[str]] = {}
        for mark, literals in enumerate(marked):
            for literal in literals:
                by_offset.setdefault((literal.index(anchor), mark), []).append(literal)
        entries = tuple((offset, tuple(found), mark) for (offset, mark), found in by_offset.items())
        anchored.append((anchor, entries))
    return tuple(anchored)


#: Every placeholder opens with one of the opening literals or ``??`` (the pattern is
#: tried only where one stands), and a _will_follow() line holds ``volgt``, ``Volgt`` or
#: ``VOLGT`` (found by plain substring search, which is many times faster than a
#: case-insensitive pattern). Each literal is found by an anchor it holds. ``str.find``
#: of one character is a fast memory scan, so the anchor is a rare character where the
#: literal has one; a search for several characters costs about a pass over the text.
_LITERALS = _anchored(
    ("[", (("[",),)),
    ("<", (("<",),)),
    ("P", (("PM", "P.M."),)),
    ("X", (("XXX",),)),
    ("x", (("xxx",),)),
    ("T", (("TODO", "TBD"), ("OLGT",))),
    ("p.m.", (("p.m.",),)),
    (
        " te vullen",
        (("nog aan te vullen", "Nog aan te vullen", "nog in te vullen", "Nog in te vullen"),),
    ),
    ("olgt", ((), ("olgt",))),
)
#: Words that, in brackets or angle brackets, hold a place for text still to come.
_PLACE_WORDS = frozenset(
    (
        "in te vullen",
        "invullen",
        "nog invullen",
        "aan te vullen",
        "aanvullen",
        "nog aanvullen",
        "datum",
        "naam",
        "aantal",
        "bedrag",
        "nummer",
        "kenmerk",
        "titel",
        "bron",
        "link",
        "volgt",
        "pm",
        "p.m.",
        "todo",
        "...",
        "…",
        "x",
        "xx",
        "xxx",
        "xxxx",
        "?",
        "??",
        "???",
    )
)
#: At most this many placeholders are reported per line (a garbage line is one finding
#: too many already).
_PER_LINE = 10


@functools.cache
def _will_follow() -> re.Pattern[str]:
    """A line (or answer) that says only that the text will follow. Compiled on first
    use: most documents have no short line that holds ``volgt``."""
    return pattern_cache.compile(
        r"[\[(]?[ ]?(?:(?:antwoord|tekst|reactie|beantwoording)[ ]+)?volgt"
        r"(?:[ ]+(?:nog|later))?[ ]?[\])]?[.!]?",
        re.IGNORECASE,
    )


def _says_will_follow(text: str) -> bool:
    """Whether ``_will_follow()`` matches all of ``text``, tried only when ``text`` ends
    as a match must: in ``volgt``, ``nog`` or ``later``, then at most a space, a bracket
    and a stop. Ignoring case, only ASCII letters match theirs, as in ``lower()``."""
    tail = text.rstrip(" ]).!")[-5:].lower()
    return tail.endswith(("volgt", "nog", "later")) and _will_follow().fullmatch(text) is not None


#: Longer than any line _will_follow() can match in full, with some indentation.
_WILL_FOLLOW_LONGEST = 80
_WRITE = "de tekst moet nog worden geschreven"
_ELLIPSIS = ("[...]", "[…]", "[ ... ]", "[ … ]")
#: Quotation marks that open and close (not the right single quote: it is an apostrophe too).
_PAIRS = (("«", "»"), ("“", "”"), ("„", "”"))


class PlaceholderText(Rule):
    """The text still holds a placeholder: `PM`, `XXX`, `[invullen]`, `<naam>`, `??`, `volgt`.

    ## Why is this bad?
    Drafts are assembled from contributions of several directorates, and what is not
    known yet is marked with a placeholder to be filled in later. A draft with a
    placeholder must not be signed: an answer that says `PM` or `[datum]` in the
    Aanhangsel is an embarrassment for the minister. Recognised: `PM` and `p.m.`
    (not the budget term `p.m.-post`), `XXX`, `TODO`, bracketed placeholders such as
    `[invullen]`, `[datum]`, `[naam]` and `[...]` (an omission `[...]` inside a
    quotation is fine), `<naam>`, `??`, `nog aan te vullen`, highlighted `[[...]]`,
    and an answer or line that says only `volgt` or `antwoord volgt`.

    ## Example
    ```text
    Antwoord 2
    In 2024 zijn XXX meldingen ontvangen; de kosten bedragen PM.

    Antwoord 3
    Volgt.
    ```

    ## Use instead
    ```text
    Antwoord 2
    In 2024 zijn 132 meldingen ontvangen; de kosten bedragen € 2,4 miljoen.

    Antwoord 3
    Nee. De regeling is in 2023 geëvalueerd.
    ```
    """

    code = "QA601"
    name = "placeholder-text"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = joined_lines(doc.lines)
        openings, follows = _positions(text)
        if not follows:
            # No line says "volgt": most documents have no placeholder either, told
            # without starting a generator.
            return self._placeholders(doc, text, openings, {}) if openings else ()
        will_follow = self._will_follow_lines(doc, text, follows)
        found = list(will_follow.values())
        if openings:
            found.extend(self._placeholders(doc, text, openings, will_follow))
        found.extend(self._answers_that_will_follow(doc))
        return found

    def _placeholders(
        self, doc: Document, text: str, openings: list[int], will_follow: dict[int, Diagnostic]
    ) -> Iterator[Diagnostic]:
        # Quotation marks are counted only up to the lines that need them, so the rule
        # stays linear however many candidates there are.
        quotes = _QuotesUpTo(doc.lines)
        lines = LineIndex(text)
        reported: dict[int, int] = {}
        for match in _candidates(text, openings):
            index, offset = lines.at(match.start())
            if index in will_follow:
                continue
            line = doc.lines[index]
            local = _shifted(match, offset)
            if reported.get(index, 0) >= _PER_LINE or not _is_placeholder(local, line):
                continue
            found = match.group()
            if found in _ELLIPSIS and quotes.inside_at(index, local.start):
                continue  # «er geen twijfel [...] kan bestaan»: an omission in a quotation
            reported[index] = reported.get(index, 0) + 1
            yield self.report(
                Span(index + 1, local.start + 1, index + 1, local.end + 1),
                f"'{found[:40]}' is een plaatshouder: vul de tekst in voordat het stuk "
                f"wordt ondertekend",
            )

    def _will_follow_lines(
        self, doc: Document, text: str, follows: list[int]
    ) -> dict[int, Diagnostic]:
        """Lines that say only ``Volgt.``, ``[antwoord volgt]`` and the like.

        Only the lines where ``volgt`` stands (at the offsets ``follows``) are looked
        at: in prose it is common (``als volgt``), but most lines do not hold it.
        """
        found = {}
        lines: LineIndex | None = None  # made for the first line reported (most have none)
        end = -1
        for at in follows:
            if at < end:
                continue  # on the line looked at last
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            if end == -1:
                end = len(text)
            # A longer line is a sentence that merely contains "volgt".
            if end - start > _WILL_FOLLOW_LONGEST:
                continue
            stripped = text[start:end].strip()
            if _says_will_follow(stripped):
                lines = lines or LineIndex(text)
                index, _ = lines.at(start)  # counted only here: most lines are not reported
                column = text.index(stripped[0], start) - start
                found[index] = self.report(
                    Span(index + 1, column + 1, index + 1, column + len(stripped) + 1),
                    f"'{stripped}' is een plaatshouder: {_WRITE}",
                )
        return found

    def _answers_that_will_follow(self, doc: Document) -> list[Diagnostic]:
        """``Antwoord 3: Volgt.``: the answer text on the label line."""
        found = []
        for block in doc.answers:
            # Few answers are one line long: told first, by one attribute.
            if block.body_lines != 1 or block.body_span.line != block.label_span.line:
                continue
            span = block.body_span
            text = doc.lines[span.line - 1][span.column - 1 :].strip()
            if _says_will_follow(text):
                found.append(self.report(span, f"'{text}' is een plaatshouder: {_WRITE}"))
        return found


def _positions(text: str) -> tuple[list[int], list[int]]:
    """The sorted offsets where an opening literal and where a ``volgt`` literal starts."""
    found: tuple[list[int], list[int]] = ([], [])
    # "??": a question mark with another right after it, told by where the next one
    # stands (most documents have many, each alone at the end of a question).
    at = text.find("?")
    while at != -1:
        following = text.find("?", at + 1)
        if following == at + 1:
            found[_OPENING].append(at)
        at = following
    for anchor, entries in _LITERALS:
        at = text.find(anchor)
        while at != -1:
            for offset, literals, mark in entries:
                if at >= offset and text.startswith(literals, at - offset):
                    found[mark].append(at - offset)
            at = text.find(anchor, at + 1)
    # Most documents have no opening and at most one "volgt": nothing to sort.
    openings, follows = found
    return (
        sorted(set(openings)) if len(openings) > 1 else openings,
        sorted(set(follows)) if len(follows) > 1 else follows,
    )


def _candidates(text: str, openings: list[int]) -> Iterator[re.Match[str]]:
    """``_candidate().finditer(text)``, tried only at the sorted ``openings`` (every
    candidate starts at one)."""
    done = 0
    candidate = _candidate()
    for position in openings:
        if position < done:
            continue
        match = candidate.match(text, position)
        if match is not None:
            done = match.end()
            yield match


class _Local:
    """A match of the whole text, in the coordinates of its line."""

    __slots__ = ("end", "match", "start")

    def __init__(self, match: re.Match[str], start: int, end: int) -> None:
        self.match = match
        self.start = start
        self.end = end

    def group(self) -> str:
        return self.match.group()

    def __getitem__(self, name: str) -> str | None:
        return self.match[name]


def _shifted(match: re.Match[str], offset: int) -> _Local:
    return _Local(match, match.start() - offset, match.end() - offset)


def _is_placeholder(match: _Local, line: str) -> bool:
    found = match.group()
    inner = match["bracket"] or match["angle"]
    if inner is not None:
        return inner.strip(" ").lower() in _PLACE_WORDS
    if found[0] in "[?" or found[0] in "Nn":
        return True  # [[...]], ??, nog aan te vullen
    before = line[match.start - 1 : match.start] if match.start else ""
    after = line[match.end : match.end + 1]
    if before and (before.isalnum() or before in ".-_"):
        return False  # "APM", "1.p.m."
    if after and (after.isalnum() or after in "-_"):
        return False  # "PM10", "p.m.-post", "XXXL"
    if found[0] in "Pp":
        rest = line[match.end : match.end + 10].lstrip(" ").lower()
        if rest.startswith(("post", "raming", "bedrag")):
            return False  # the budget term "p.m. post"
        if re.match(r" [A-Z][a-z]", line[match.end : match.end + 3]):
            return False  # "de Britse PM Starmer"
    return True


class _QuotesUpTo:
    """Quotation marks open at a point of the text, counted from the start of its
    paragraph (a quotation does not run over a blank line). Lines are read once, in
    order, and only as far as a question needs."""

    def __init__(self, lines: tuple[str, ...]) -> None:
        self.lines = lines
        self.next_line = 0
        self.open = [0] * len(_PAIRS)
        self.straight = 0

    def _read(self, text: str, into: tuple[list[int], list[int]]) -> None:
        opened, straight = into
        for position, (opening, closing) in enumerate(_PAIRS):
            opened[position] = max(opened[position] + text.count(opening) - text.count(closing), 0)
        straight[0] = (straight[0] + text.count('"')) % 2

    def inside_at(self, index: int, column: int) -> bool:
        straight = [self.straight]
        while self.next_line < index:
            line = self.lines[self.next_line]
            if not line.strip():
                self.open = [0] * len(_PAIRS)
                straight = [0]
            else:
                self._read(line, (self.open, straight))
            self.next_line += 1
        self.straight = straight[0]
        opened, partial = list(self.open), [self.straight]
        self._read(self.lines[index][:column], (opened, partial))
        return any(opened) or partial[0] == 1
