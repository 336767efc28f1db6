"""Header lines: the question header, the government line, case and Aanhangsel numbers.

See DOMAIN.md section 3. The header is searched in the running text of the lines
before the first question or answer label, so lines that wrap are read as one.
Besides the fields, the parser keeps what header rules need to point at exact places:
where each header element stands line by line (for its tokens), where ``het lid``/``de
leden`` is written, and the officials the questions are put to and who answers.
"""

from __future__ import annotations

import bisect
import re
import sys

from qalint import pattern_cache
from qalint.model import DateField, Header, HeaderLine, Official, Person, Span
from qalint.parse.dates import parse_date_text
from qalint.parse.lazy import compiled
from qalint.parse.normalise import RunningText
from qalint.records import new

_QUESTION_HEADER = pattern_cache.compile(
    r"(?:Vragen|Vraag) van (?P<form>(?:het|de) (?:lid|leden)(?: (?:lid|leden))?)\b"
)
_GOVERNMENT = pattern_cache.compile(
    r"(?P<what>Antwoord|Mededeling) van (?:de )?"
    r"(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident)\b"
)
#: A date in ``(ingezonden ...)`` is closed within this many characters.
_DATE_REACH = 80
#: ``(ingezonden`` or ``(ontvangen``, what follows it up to the next parenthesis (within
#: _DATE_REACH characters), and that parenthesis if it closes: the date in one match.
_DATE_OPEN = pattern_cache.compile(
    rf"\((?P<role>ingezonden|ontvangen)\b(?P<date>[^()]{{0,{_DATE_REACH}}})(?P<close>\)?)"
)
#: What every match of _DELAY_REFERENCE starts with: few texts hold it, so the pattern is
#: compiled on first use.
_DELAY_WORDS = "Zie ook Aanhangsel "
_DELAY_REFERENCE = (
    _DELAY_WORDS + r"(?:van de )?Handelingen,?\s*vergaderjaar\s*"
    r"[0-9]{4}\s?[\u2013-]\s?[0-9]{4},?\s*nr\.?\s*(?P<nr>[0-9]+)"
)
#: A line holding only a case number or an Aanhangsel number, as written: case numbers
#: also with a stray space or a lower-case ``z`` (QA404 checks the form): ``2024Z18294``,
#: ``2024Z 17972``; Aanhangsel numbers of ministry drafts: ``AH 604``, also ``AH604``.
#: (One pattern for both: a line is tried once.)
_NUMBER_LINE = pattern_cache.compile(
    r"[ \t\u00a0]*(?:(?P<case_number>[0-9]{4}[ \u00a0]?[Zz][ \u00a0]?[0-9]{3,7})"
    r"|(?P<aanhangsel_number>[Aa][Hh][ \u00a0]{0,3}[0-9][0-9OoIl]{0,5}))[ \t\u00a0]*\Z"
)
#: What a line that _NUMBER_LINE matches opens with: a blank, a digit or an A.
_NUMBER_STARTS = frozenset(" \t\u00a00123456789Aa")

#: A minister or state secretary, also glued to a neighbour (``deStaatssecretaris``,
#: ``MinisterKlimaat``, PDF text) and in any case (lower case in ministry drafts).
_TITLE_ANY_CASE = r"(?P<title>(?i:minister(?:-president|s|(?!ie))|staatss?ecretaris(?:sen)?))"
#: _TITLE_ANY_CASE with its first letter in a case-sensitive class: a pattern that opens
#: with a class lets the engine skip to where the class matches, where a case-insensitive
#: one is tried, case-folded letter by letter, at every place. IGNORECASE also takes the
#: long s (U+017F) for an s, which the class leaves out (a non-Latin-1 letter makes the
#: class costly to compile): _titles reads a text holding one with _TITLE_ANY_CASE.
_TITLE = pattern_cache.compile(
    r"(?P<title>[MmSs](?:(?<=[Mm])(?i:inister(?:-president|s|(?!ie)))"
    r"|(?<=[Ss])(?i:taatss?ecretaris(?:sen)?)))"
)
#: Between portfolios of one title: ``van A en van B``, ``van A, voor B en van C``. (Both
#: alternatives open with a literal, for the engine's skip as in _TITLE.)
_PORTFOLIO_SEPARATOR = pattern_cache.compile(r"(?:,[ ]*| [ ]*en[ ]+)(?:van|voor)[ ]+")
#: ``mede namens`` in any case; the first letter as in _TITLE.
_MEDE = pattern_cache.compile(r"[Mm](?<=\b[Mm])(?i:ede (?:namens|ondertekend(?: door| namens)?))\b")
#: What every match of _MEDE holds, in lower case: few government lines do (a lowered copy
#: is searched faster than by the pattern, which tries each M on the way). Under
#: IGNORECASE these letters match only themselves and their capitals.
_MEDE_WORD = "ede "
_DATE_WORDS = ("ontvangen", "ingezonden")

#: Header search stops this far after its start (a header wraps over 2 to 5 lines).
_HEADER_REACH = 1200


def parse_header(running: RunningText, lines: tuple[str, ...], last_line: int) -> Header:
    """Read the header from the running text of the lines before the first label."""
    text = running.text
    # The fields are locals, put into the record in Header's order at the end (a dict
    # of the fields, its stores and its values cost ~6 K instructions a document more).
    question_header: HeaderLine | None = None
    member_form: str | None = None
    member_form_span: Span | None = None
    askers: tuple[Person, ...] = ()
    addressed: tuple[Official, ...] = ()
    addressees: tuple[str, ...] = ()
    subject: str | None = None
    government_line: HeaderLine | None = None
    signers: tuple[Official, ...] = ()
    respondents: tuple[str, ...] = ()
    delay_references: tuple[str, ...] = ()
    case_number: HeaderLine | None = None
    aanhangsel_number: HeaderLine | None = None
    header_end = 0
    # The last segment of each element: (its start, the element's end, line, shift).
    tails: list[tuple[int, int, int, int]] = []

    question = _QUESTION_HEADER.search(text)
    if question is not None:
        begin, after = question.span()
        end = _end_of_parenthesised(
            text, begin, "(ingezonden", _paragraph_end(running, lines, begin)
        )
        header_end = end
        question_header = _header_line(running, begin, end, tails)
        member_form = question["form"]
        form_start, form_end = question.span("form")
        # Its span from the element's first piece, where no line breaks in the form (as
        # running.span would find it by bisecting).
        next_piece, line, shift = question_header.pieces[0]
        if form_end - begin <= next_piece:
            form = (line, shift + form_start - begin, line, shift + form_end - begin)
            member_form_span = new(Span, form)
        else:
            member_form_span = running.span(form_start, form_end)
        askers_end = _find_at_depth_zero(text, " aan ", after, end)
        askers = _persons(text[after : askers_end if askers_end != -1 else end])
        if askers_end != -1:
            start = askers_end + len(" aan ")
            stop = _find_at_depth_zero(text, " over ", start, end)
            if stop == -1:
                stop = text.find("(ingezonden", start, end)
                stop = stop if stop != -1 else end
            addressed = _officials(running, start, stop, "addressee")
            # (Loops here and below: a list comprehension is a function call of its own.)
            portfolios = []
            for official in addressed:
                portfolios.append(official.portfolio or official.title)
            addressees = tuple(portfolios)
            if stop < end and text.startswith(" over ", stop):
                subject = text[stop + len(" over ") : end].split("(ingezonden")[0].strip()
                subject = subject or None

    government = _government(text)
    if government is not None:
        begin = government.start()
        end = _end_of_parenthesised(
            text, begin, "(ontvangen", _paragraph_end(running, lines, begin)
        )
        if end > header_end:
            header_end = end
        government_line = _header_line(running, begin, end, tails)
        signers = _signers(running, begin, end)
        portfolios = []
        for official in signers:
            if official.portfolio:
                portfolios.append(official.portfolio)
        respondents = tuple(portfolios)

    submitted: list[DateField] = []
    received: list[DateField] = []
    for match in _DATE_OPEN.finditer(text):
        begin = match.start()
        if header_end and begin >= header_end:
            break  # a date in the prose of a delay notice, not in the header
        role, date, close = match.groups()
        if len(date) < _DATE_REACH and close:
            date_end = match.end()
        elif len(date) < _DATE_REACH and match.end() < len(text):
            continue  # "(ontvangen (ontvangen 7 juni 2024)": the date belongs to the second
        else:  # not closed within reach: the date is read from its first 40 characters
            date = date[:40]
            date_end = begin + 1 + len(role) + len(date)
        # A date stands on the last segment of its element: its span is read from there,
        # as running.span would find it by bisecting.
        for tail_start, tail_end, line, shift in tails:
            if tail_start <= begin and date_end <= tail_end:
                span = new(Span, (line, shift + begin, line, shift + date_end))
                break
        else:
            span = running.span(begin, date_end)
        if role == "ingezonden":
            submitted.append(parse_date_text("submitted", date, span))
        else:
            received.append(parse_date_text("received", date, span))
    if _DELAY_WORDS in text:
        delays = compiled(_DELAY_REFERENCE).finditer(text)
        delay_references = tuple(match["nr"] for match in delays)

    # The first line of each kind counts (a line is of one kind: its first letter). A
    # line is matched only if it opens as a number line can (most lines open with another
    # letter, and a set lookup costs less than a match).
    index = 0
    for head_line in lines[: last_line if last_line < 12 else 12]:
        if head_line[:1] in _NUMBER_STARTS and (m := _NUMBER_LINE.match(head_line)):
            if m["case_number"]:
                if case_number is None:
                    case_number = _line_field(m, "case_number", index)
            elif aanhangsel_number is None:
                aanhangsel_number = _line_field(m, "aanhangsel_number", index)
        index += 1
    # Header's own constructor, a Python function, costs more than the tuple's: the
    # fields in Header's order (a test checks each field by its name).
    return new(
        Header,
        (
            question_header,
            member_form,
            askers,
            addressees,
            subject,
            government_line,
            respondents,
            tuple(submitted),
            tuple(received),
            delay_references,
            case_number,
            aanhangsel_number,
            member_form_span,
            addressed,
            signers,
        ),
    )


def _government(text: str) -> re.Match[str] | None:
    """``_GOVERNMENT.search(text)``, started where the first of the words it starts with
    stands: str.find finds those much faster than the pattern's own scan."""
    answer = text.find("Antwoord van ")
    # The notice counts only before the answer (the two words cannot overlap).
    notice = (
        text.find("Mededeling van ", 0, answer) if answer != -1 else text.find("Mededeling van ")
    )
    first = notice if notice != -1 else answer
    return _GOVERNMENT.search(text, first) if first != -1 else None


def _line_field(match: re.Match[str], group: str, index: int) -> HeaderLine:
    span = new(Span, (index + 1, match.start(group) + 1, index + 1, match.end(group) + 1))
    return new(HeaderLine, (match[group], span, ()))


def _header_line(
    running: RunningText, start: int, end: int, tails: list[tuple[int, int, int, int]]
) -> HeaderLine:
    """The element ``running.text[start:end]`` (not empty), with its span and its
    ``HeaderLine.pieces``: the running text's segments from the one holding ``start`` to
    the one holding the end, in the text's offsets. Adds to ``tails`` where its last
    segment starts (or the element, if later), where the element ends, that segment's
    line and the shift from an offset in it to its column."""
    # Without a closing date the element runs to the next paragraph, whose joining
    # space is no part of it (its span would end past the line).
    text = running.text[start:end].rstrip(" ")
    end = start + len(text)
    starts, lines, columns = running.starts, running.seg_lines, running.seg_columns
    # The segment holding start, and the last one that starts before end (the one holding
    # the end, or the last of the text): found by bisection, each read once.
    # (The first segment starts at offset 0, so first is not -1; last is not below it.)
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_left(starts, end, first + 1) - 1
    # (A loop: most elements stand on one or two segments, and a list comprehension is a
    # function call of its own.)
    pieces = []
    for index in range(first, last):
        shift = columns[index] - starts[index] + 1 + start
        pieces.append((starts[index + 1] - start, lines[index], shift))
    last_shift = columns[last] - starts[last] + 1
    pieces.append((sys.maxsize, lines[last], last_shift + start))
    # The span from the same segments (what running.span would find by bisecting again).
    first_column = columns[first] - starts[first] + 1 + start
    span = new(Span, (lines[first], first_column, lines[last], last_shift + end))
    # (Every offset from the last segment's start to the element's end is in that segment.)
    tails.append((starts[last] if last > first else start, end, lines[last], last_shift))
    return new(HeaderLine, (text, span, tuple(pieces)))


def _paragraph_end(running: RunningText, lines: tuple[str, ...], start: int) -> int:
    """Offset in the running text where the paragraph holding ``start`` ends (at the
    next blank line): a header never runs on into the questions below it."""
    starts, seg_lines = running.starts, running.seg_lines
    # The segment holding start (the first segment starts at offset 0).
    segment = bisect.bisect_right(starts, start) - 1
    line = seg_lines[segment] - 1
    # Most often the segments from there on stand on consecutive lines: none of those is
    # blank (a segment holds text), and a blank line after the last segment ends no
    # paragraph of the text.
    if seg_lines[-1] - line - 1 == len(seg_lines) - 1 - segment:
        return len(running.text)
    limit = min(len(lines), line + 12)
    # The lines after it stripped in one C call; the first blank one ends the paragraph.
    stripped = list(map(str.strip, lines[line + 1 : limit]))
    if "" not in stripped:
        return len(running.text)
    blank = line + 1 + stripped.index("")
    # The first segment of a line after the blank one, if within the limit.
    following = bisect.bisect_left(seg_lines, blank + 2)
    if following < len(seg_lines) and seg_lines[following] <= limit + 1:
        return starts[following]
    return len(running.text)


def _end_of_parenthesised(text: str, start: int, opener: str, paragraph_end: int) -> int:
    """End of a header element: after ``(ingezonden ...)`` or ``(ontvangen ...)``.

    Without a closing parenthesis the element ends after the date (the missing
    parenthesis is reported by QA401, not swallowed into the next header line).
    """
    # (Conditions, not min(): this runs twice per document, and a builtin call costs more.)
    reach = start + _HEADER_REACH
    if reach > paragraph_end:
        reach = paragraph_end  # at most len(text)
    at = text.find(opener, start, reach)
    if at == -1:
        sentence = text.find(". ", start, reach)
        return sentence + 1 if sentence != -1 else reach
    while True:
        limit = at + _DATE_REACH
        if limit > reach:
            limit = reach
        close = text.find(")", at, limit)
        end = close + 1 if close != -1 else _end_of_date(text, at + len(opener), limit)
        following = end
        while following < reach and text[following] in " .,":
            following += 1
        if close == -1 or not text.startswith(opener, following):
            break
        at = following  # "(ontvangen 18 maart 2024) (ontvangen 21 maart 2024)": QA405
    if end < len(text) and text[end] == ".":
        end += 1
    return end


#: A date without its closing parenthesis (rare: compiled on first use).
_DATE_TAIL = r"[ ]*[0-9]{1,2}[ ]*[a-z]{3,9}[ ]*[0-9]{4}"


def _end_of_date(text: str, start: int, limit: int) -> int:
    match = compiled(_DATE_TAIL).match(text, start, limit)
    return match.end() if match else start


_PARENTHESES = pattern_cache.compile(r"[()]")
#: Text whose parentheses, if any, are pairs, none inside another: reading it leaves the
#: depth as it was. (Possessive: one linear pass.)
_FLAT = pattern_cache.compile(r"[^()]*+(?:\([^()]*+\)[^()]*+)*+")


def _find_at_depth_zero(text: str, needle: str, start: int, end: int) -> int:
    """Index of ``needle`` outside parentheses in ``text[start:end]``, or -1.

    The needle is found by str.find; only the parentheses before it are matched, most
    often all at once by _FLAT, else one by one (searching for the needle's leading space
    as well would stop at every word).
    """
    depth = 0
    position = start
    at = text.find(needle, start, end)
    while at != -1:
        if not _FLAT.fullmatch(text, position, at):
            for match in _PARENTHESES.finditer(text, position, at):
                if match.group() == "(":
                    depth += 1
                else:
                    depth = max(depth - 1, 0)
        if depth == 0:
            return at
        position = at + len(needle)  # a needle inside parentheses is passed over whole
        at = text.find(needle, position, end)
    return -1


#: A bounded per-process memo of _read_officials, keyed by the text alone: documents
#: repeat their addressees and co-signers (the positions are the text's own).
_OFFICIALS: dict[str, tuple[tuple[str, str, int, int], ...]] = {}
_OFFICIALS_SIZE = 512
_OFFICIALS_LENGTH = 300


def _officials(running: RunningText, start: int, end: int, role: str) -> tuple[Official, ...]:
    """``de Ministers van A en van B``, ``de Staatssecretaris van A en de Minister voor B``.

    One Official per portfolio. A title without a portfolio of its own (``de
    Staatssecretaris en de Minister van A``) shares the portfolio of the next title.
    """
    text = running.text[start:end]
    read = _OFFICIALS.get(text)
    if read is None:
        read = _read_officials(text)
        if len(text) <= _OFFICIALS_LENGTH:
            if len(_OFFICIALS) >= _OFFICIALS_SIZE:
                _OFFICIALS.clear()  # memory stays flat; the next texts fill it again
            _OFFICIALS[text] = read
    # (A loop: most texts name one official, and a list comprehension is a function call
    # of its own.)
    found: list[Official] = []
    for title, portfolio, begin, stop in read:
        span = running.span(start + begin, start + stop)
        found.append(new(Official, (role, title, portfolio, span, None)))
    return tuple(found)


def _read_officials(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """_officials of the whole ``text``: each official's title, portfolio and the range
    of its span."""
    end = len(text)
    titles = _titles(text, 0, end)
    found: list[tuple[str, str, int, int]] = []
    waiting: list[tuple[str, int, int]] = []  # titles still without a portfolio
    for position, match in enumerate(titles):
        stop = titles[position + 1].start() if position + 1 < len(titles) else end
        title = _TITLE_WORDS.get(match["title"]) or _title_word(match["title"])
        pieces = _portfolios(text, match.end(), stop)
        if not pieces:
            waiting.append((title, match.start(), match.end()))
            continue
        first_start, first_end = pieces[0]
        for title_waiting, begin, title_end in waiting:
            found.append((title_waiting, text[first_start:first_end], begin, title_end))
        waiting = []
        for piece_start, piece_end in pieces:
            found.append((title, text[piece_start:piece_end], match.start(), piece_end))
    for title_waiting, begin, title_end in waiting:
        found.append((title_waiting, "", begin, title_end))
    return tuple(found)


def _titles(text: str, start: int, end: int) -> list[re.Match[str]]:
    pattern = _TITLE if "\u017f" not in text else compiled(_TITLE_ANY_CASE)
    first = pattern.search(text, start, end)
    if first is None:
        return []
    # Most texts hold one title. The pattern would test each character of the rest
    # against its class; a lowered copy of an ASCII rest is searched for the words much
    # faster. (Outside ASCII, IGNORECASE pairs letters that lower() does not: the
    # dotless i and the dotted capital I with i, the long s with s.)
    rest = text[first.end() : end]
    if rest.isascii() and "minister" not in (lower := rest.lower()) and "staats" not in lower:
        return [first]
    return [first, *pattern.finditer(text, first.end(), end)]


def _portfolios(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the portfolios after a title: ``van A en van B`` gives A and B."""
    lead = start
    while lead < end and text[lead] in " ,":
        lead += 1
    for word in ("van ", "voor "):
        if text.startswith(word, lead) and lead + len(word) <= end:
            lead += len(word)
            break
    pieces: list[tuple[int, int]] = []
    cursor = lead
    # Every separator ends in "van " or "voor ", which most portfolios lack: str.find
    # rules them out faster than the pattern, which stops at each space.
    if text.find("van ", lead, end) != -1 or text.find("voor ", lead, end) != -1:
        for separator in _PORTFOLIO_SEPARATOR.finditer(text, lead, end):
            pieces.append((cursor, separator.start()))
            cursor = separator.end()
    pieces.append((cursor, end))
    portfolios = []
    for piece_start, piece_end in pieces:
        trimmed_start, trimmed_end = _trim_portfolio(text, piece_start, piece_end)
        if trimmed_end > trimmed_start:
            portfolios.append((trimmed_start, trimmed_end))
    return portfolios


def _trim_portfolio(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop connecting words before the next title: ``A en de``, ``A,``."""
    piece = text[start:end].rstrip(" ,")
    # (" en de" goes as " de" and then " en": the same as at once.)
    while piece.endswith((" en", " de")):
        piece = piece[:-3].rstrip(" ,")
    trimmed = piece.lstrip(" ")
    start += len(piece) - len(trimmed)
    if trimmed in ("en", "de", "en de"):
        return start, start
    return start, start + len(trimmed)


def _title_word(title: str) -> str:
    lower = title.lower()
    if lower.startswith("minister-"):
        return "minister-president"
    if lower.startswith("minister"):
        return "minister"
    return "staatssecretaris"


#: The title word of the common spellings of titles: a dict lookup, not a call.
_TITLE_WORDS = {
    form: _title_word(form)
    for word in ("minister", "ministers", "minister-president", "staatssecretaris")
    for form in (word, word.capitalize())
}


def _signers(running: RunningText, start: int, end: int) -> tuple[Official, ...]:
    """Signers (``Antwoord van Minister X (A) en antwoord van Staatssecretaris Y (B)``)
    and co-signers (``, mede namens de Minister van C``)."""
    text = running.text
    mede = _MEDE.search(text, start, end) if _MEDE_WORD in text[start:end].lower() else None
    signer_end = mede.start() if mede else end
    found: list[Official] = []
    titles = _titles(text, start, signer_end)
    for position, match in enumerate(titles):
        stop = titles[position + 1].start() if position + 1 < len(titles) else signer_end
        official = _signer(running, match, stop)
        if official is not None:
            found.append(official)
    if mede is not None:
        # Up to "(ontvangen" or another "(": the first "(" ("(ontvangen" opens with one).
        stop = text.find("(", mede.end(), end)
        stop = stop if stop != -1 else end
        found.extend(_officials(running, mede.end(), stop, "co-signer"))
    return tuple(found)


#: What follows a signer's title: the text up to the first "(" (a name), and what that
#: parenthesis holds up to the next parenthesis (or the end), if there is one.
_SIGNER = pattern_cache.compile(r"([^(]*+)(?:\(([^()]*+))?")


def _signer(running: RunningText, match: re.Match[str], stop: int) -> Official | None:
    text = running.text
    title = _TITLE_WORDS.get(match["title"]) or _title_word(match["title"])
    signer = _SIGNER.match(text, match.end(), stop)
    assert signer is not None  # the pattern matches any text
    name_end = signer.end(1)
    written, parenthesised = signer.groups()
    name = written.strip(" ,.")
    if name.startswith(("van ", "voor ")):  # "Antwoord van de Minister van Defensie (...)"
        portfolio = name[name.index(" ") + 1 :].strip()  # after the word and its space
        span = running.span(match.start(), name_end)
        return new(Official, ("signer", title, portfolio, span, None))
    portfolio = ""
    portfolio_end = name_end
    if parenthesised is not None:
        inner = parenthesised.strip()
        if not inner.startswith(_DATE_WORDS):
            portfolio = inner
            portfolio_end = signer.end()
    span = running.span(match.start(), portfolio_end)
    return new(Official, ("signer", title, portfolio, span, name or None))


#: A name as headers write it, ``X`` or ``X (P)``, and the comma or " en" before a space
#: that ends it outside parentheses. Groups: the text before the parentheses, the
#: parentheses, the text after them, the separator (empty where a name holds a second,
#: an unmatched or a nested parenthesis: then the match ends at it). Text is read a word
#: at a time, possessively (a run without spaces, then each space where no separator
#: starts and the run after it), so that a text is read in one linear pass of matches,
#: each starting where the last one ended.
_PERSON_TEXT = r"[^(), ]*+(?:[ ](?!en[ ])[^(), ]*+)*+"
_PERSON = pattern_cache.compile(
    rf"({_PERSON_TEXT})(?:(\([^()]*\))({_PERSON_TEXT}))?(?:(,| en(?= ))|[()])"
)
#: What _persons_by_separators acts on: parentheses, commas, and " en" before a space.
_PERSON_SEPARATORS = pattern_cache.compile(r"(\(|\)|,| en(?= ))")


#: ``X en Y (beiden VVD)``: the party of the last name is that of all.
_COLLECTIVE = ("beiden", "allen")


def _persons(text: str) -> tuple[Person, ...]:
    """``X (P1) en Y (P2)``, ``X en Y (beiden VVD)``, ``X, Y en Z (allen ...)``."""
    persons = _names(text)
    if persons and (last := persons[-1].party) and last.split(" ", 1)[0] in _COLLECTIVE:
        collective = last.split(" ", 1)[-1]
        return tuple([new(Person, (person.name, collective)) for person in persons])
    return tuple(persons)


def _names(text: str) -> list[Person]:
    """The names in ``text``, each with the party in parentheses after it (or None)."""
    # Most texts are read by _PERSON in one C call; a text holding other parentheses is
    # read separator by separator.
    names: list[Person] = []
    for before, party, after, separator in _PERSON.findall(text + ","):
        if not separator:
            return _persons_by_separators(text)
        name = before + after
        if separator == ",":
            name = name.removesuffix(" en")
        name = name.strip()
        if name:
            names.append(new(Person, (name, party[1:-1].strip() if party else None)))
    return names


def _persons_by_separators(text: str) -> list[Person]:
    """_names, read separator by separator."""
    names: list[Person] = []
    current: list[str] = []  # the pieces of the name before its parentheses
    party: str | None = None
    depth = 0
    buffer = ""  # what was read since the last name, party or piece of a name ended
    # The text split at the separators, alternating: a piece, a separator, ... (the
    # last piece, after the closing comma, is empty and left out).
    parts = iter(_PERSON_SEPARATORS.split(text + ","))
    for piece, separator in zip(parts, parts, strict=False):
        buffer += piece
        if separator == "(":
            depth += 1
            if depth == 1:
                current.append(buffer)
                buffer = ""
                continue
        elif separator == ")":
            depth = max(depth - 1, 0)
            if depth == 0:
                party = buffer.strip()
                buffer = ""
                continue
        elif depth == 0:  # a comma, or " en" before a space: a name ends
            name = "".join(current) + buffer
            if separator == ",":
                name = name.removesuffix(" en")
            name = name.strip()
            if name:
                names.append(new(Person, (name, party)))
            current, buffer, party = [], "", None
            continue
        buffer += separator
    return names
