"""Cross-references to other questions of the same document (DOMAIN.md section 5).

``zie ook het antwoord op vraag 5``, ``zie antwoord vraag 10``, ``zie vraag 3``,
``verwijs ik u naar de antwoorden op vraag 3 en 4``, ``zoals in antwoord vier is
aangegeven``. A reference followed by ``van de vragen van het lid ...``,
``(Aanhangsel ...)`` or a case number points at another document and is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from operator import attrgetter

from qalint import pattern_cache
from qalint.model import Block, Reference
from qalint.parse.lazy import compiled
from qalint.parse.normalise import RunningText
from qalint.parse.numbers import WORD_NUMBERS, scan_number_list
from qalint.records import new

#: The keywords "antwoord" and "vraag"/"vragen", in lower case after a first letter in
#: either case (``Antwoord``, ``vraag``) or all in capitals (``ANTWOORD``, ``VRAAG``),
#: never mixed (``aNTWOORD``, ``vRaAg``): so the keyword search in _keyword_ends, which
#: looks for the lower-case tails and for the capital words, finds each one that the
#: patterns read.
_ANSWER = r"(?:a(?-i:ntwoord)|(?-i:ANTWOORD))"
_QUESTION = r"(?:v(?-i:ra(?:ag|gen))|(?-i:VRA(?:AG|GEN)))"
_PREFIX = pattern_cache.compile(
    # A word's start, then the first letters of the forms below (in any case, as the
    # rest): cheap tests at each place the search tries, the word's start first, as it
    # fails inside a word, where most of those places are.
    r"\b(?=[zvabion])(?:"
    r"(?:(?:zie\s+(?:ook\s+)?|verwijs\s+ik\s+(?:u\s+)?(?:graag\s+)?naar\s+)(?:het\s+|mijn\s+|de\s+)?)?"
    # "antwoordbij": PDF text loses the space now and then
    rf"(?:{_ANSWER}(?:en)?|be{_ANSWER}ing)\s*(?:(?:op|bij|onder|van)\s+)?(?:de\s+)?{_QUESTION}"
    rf"|zie\s+(?:ook\s+)?(?:het\s+|mijn\s+|de\s+)?(?:{_ANSWER}(?:en)?|{_QUESTION})"
    # "zoals bij vraag 2 aangegeven", "in antwoord 3", "verwezen naar vraag 4"
    rf"|(?:bij|onder|in|naar)\s+(?:het\s+|mijn\s+|de\s+)?(?:{_ANSWER}(?:en)?|{_QUESTION})"
    r")\s+(?=[0-9])",
    re.IGNORECASE,
)
_WORD_PREFIX = (
    rf"\b(?:zoals\s+)?in\s+(?:het\s+|mijn\s+)?{_ANSWER}\s+(?P<word>"
    + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
    + r")\b"
)
_EXTERNAL = pattern_cache.compile(
    r"\s*[,(]?\s*(?:"
    r"(?:van|uit|in|bij)\s+(?:de\s+|het\s+|eerdere\s+|mijn\s+|uw\s+|onze\s+)?"
    r"(?:eerdere\s+|schriftelijke\s+)?(?:vragen|kamervragen|lid|leden|brief|aanhangsel|beantwoording|set)"
    r"|aanhangsel|kamerstuk|[0-9]{4}\s?Z\s?[0-9]+|d\.d\.|van\s+\d"
    r")",
    re.IGNORECASE,
)


def find_references(
    running: RunningText, blocks: tuple[Block, ...], has_answers: bool
) -> tuple[Reference, ...]:
    """References in the running text (labels excluded), each tied to its block.

    In a document without answers (a question set), "het antwoord op vraag 17" can only
    mean an answer in another document, so only ``zie vraag N`` forms count there.
    """
    text = running.text
    numbered, worded = _keyword_ends(text)
    if not numbered and not worded:
        return ()  # (two documents in five: no list, no search to set up)
    found: list[Reference] = []
    for match in _candidates(_PREFIX, text, numbered):
        scanned = scan_number_list(text, match.end())
        if scanned is None or not scanned.numbers:
            continue
        if _EXTERNAL.match(text, scanned.end):
            continue
        if not has_answers and "antwoord" in match.group(0).lower():
            continue
        found.append(_reference(running, match.start(), scanned.end, scanned.numbers, blocks))
    # A reference by word ("in antwoord vier") holds "antwoord": only those keywords count.
    if has_answers and worded:
        pattern = compiled(_WORD_PREFIX, re.IGNORECASE)
        by_word = len(found)
        for match in _candidates(pattern, text, worded):
            if _EXTERNAL.match(text, match.end()):
                continue
            number = WORD_NUMBERS[match["word"].lower()]
            found.append(_reference(running, match.start(), match.end(), (number,), blocks))
        # Each kind is found in text order: only a mix needs sorting.
        if 0 < by_word < len(found):
            found.sort(key=_reference_start)
    return tuple(found)


#: Every reference contains "antwoord", "beantwoording", "vraag" or "vragen" (see
#: _ANSWER, _QUESTION) and ends in its last keyword, white space and a number (a number
#: word after "antwoord" for _WORD_PREFIX). The keywords' tails are found fast by the
#: regex engine's literal search, unlike the full case-insensitive patterns above, which
#: are then tried only near the end of one that such a number follows. Both tails hold
#: an "r" ("ra(ag|gen)", "woo-rd"): one search from it finds both, in text order, in
#: one pass over the text instead of one pass for each.
#:
#: What follows an answer keyword's tail in a match: the number of a ``_PREFIX`` match
#: (after the "en" of "antwoorden"), or a number word (its first letters) of a
#: ``_WORD_PREFIX`` match, which sets the group "worded".
_AFTER_ANSWER = (
    r"(?=(?i:en)?\s+[0-9]|\s+(?i:"
    + "|".join(sorted({word[:2] for word in WORD_NUMBERS}))
    + r")(?P<worded>))"
)
_KEYWORD_END = pattern_cache.compile(
    r"r(?:a(?:ag|gen)(?=\s+[0-9])|d(?<=ntwoord)" + _AFTER_ANSWER + ")"
)
#: In capitals: looked for only where a capital T or G stands (both rare in prose), and
#: compiled on first use.
_CAPITAL_KEYWORD_END = r"R(?:A(?:AG|GEN)(?=\s+[0-9])|D(?<=NTWOORD)" + _AFTER_ANSWER + ")"
#: How far before the end of its last keyword a reference may start: "verwijs ik u
#: graag naar mijn beantwoording onder de vragen" is 58 characters, and white space may
#: be wider than one.
_REACH_BACK = 64
#: How far after the end of its last keyword a reference may end (the number or number
#: word after it included).
_REACH_AHEAD = 24


def _keyword_ends(text: str) -> tuple[list[int], list[int]]:
    """Where, in text order, a keyword tail ends that white space and a digit follow
    (as the last keyword of a ``_PREFIX`` match), and where an answer tail ends that
    white space and a number word may follow (as in a ``_WORD_PREFIX`` match)."""
    numbered: list[int] = []
    worded: list[int] = []
    for match in _KEYWORD_END.finditer(text):
        (worded if match.lastindex else numbered).append(match.end())
    # A capital answer needs a T and "NTWOORD", a capital question a G.
    if "G" in text or ("T" in text and "NTWOORD" in text):
        for match in compiled(_CAPITAL_KEYWORD_END).finditer(text):
            (worded if match.lastindex else numbered).append(match.end())
        numbered.sort()  # two runs in order
        worded.sort()
    return numbered, worded


def _candidates(pattern: re.Pattern[str], text: str, ends: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, but only searched near the ``ends`` (in order) where
    the last keyword of a match may end: linear and fast.

    A match ends in its last keyword, white space and a number, and no keyword inside
    it is followed by a number: so the match of each end starts before that end, and a
    match found at an end that starts after it belongs to a later end (it is left for
    that end, whose window holds all of it). A match reaching further than _REACH_BACK
    before its end or _REACH_AHEAD after it is not found.
    """
    done = 0
    for end in ends:
        if end > done:
            # The pattern is tried at every place from where it is searched, at a cost:
            # as a match holds only letters and white space, that is after the last
            # full stop (commonly the end of the sentence before).
            # (Comparisons, not max(): a builtin's call costs more.)
            start = end - _REACH_BACK
            if start < done:
                start = done
            stop = text.rfind(".", start, end)
            if stop != -1:
                start = stop + 1
            match = pattern.search(text, start, end + _REACH_AHEAD)
            if match is not None and match.start() < end:
                yield match
                done = match.end()


#: Where a reference starts, its sort key (attrgetter runs in C, as below).
_reference_start = attrgetter("span.line", "span.column")
#: The line of a block's label, the key of the blocks' bisection (attrgetter runs in C,
#: a function of our own would run in the interpreter at each step).
_label_line = attrgetter("label_span.line")


def _reference(
    running: RunningText,
    start: int,
    end: int,
    targets: tuple[int, ...],
    blocks: tuple[Block, ...],
) -> Reference:
    span = running.span(start, end)
    position = bisect_right(blocks, span.line, key=_label_line) - 1
    block_index = blocks[position].index if position >= 0 else None
    return new(Reference, (running.text[start:end], span, targets, block_index))
