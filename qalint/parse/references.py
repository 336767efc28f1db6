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
from qalint.parse.records import new

#: The keywords "antwoord" and "vraag"/"vragen", in lower case after a first letter in
#: either case (``Antwoord``, ``vraag``) or all in capitals (``ANTWOORD``, ``VRAAG``),
#: never mixed (``aNTWOORD``, ``vRaAg``): so the keyword search in _keyword_spans, which
#: looks for the lower-case tails and for the capital words, finds each one that the
#: patterns read.
_ANSWER = r"(?:a(?-i:ntwoord)|(?-i:ANTWOORD))"
_QUESTION = r"(?:v(?-i:ra(?:ag|gen))|(?-i:VRA(?:AG|GEN)))"
_PREFIX = pattern_cache.compile(
    # The first letters of the forms below (in any case, as the rest): a cheap test at
    # each place the search tries.
    r"(?=[zvabion])\b(?:"
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
    found: list[Reference] = []
    text = running.text
    answer_keywords, keywords, numbered, worded = _keyword_spans(text)
    for match in _candidates(_PREFIX, text, keywords, numbered, _PREFIX_CUE):
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
        cue = compiled(_WORD_PREFIX_CUE)
        for match in _candidates(pattern, text, answer_keywords, worded, cue):
            if _EXTERNAL.match(text, match.end()):
                continue
            number = WORD_NUMBERS[match["word"].lower()]
            found.append(_reference(running, match.start(), match.end(), (number,), blocks))
    found.sort(key=_reference_start)
    return tuple(found)


#: Every reference contains "antwoord", "beantwoording", "vraag" or "vragen" (see
#: _ANSWER, _QUESTION); these literal tails are found fast (by str.find and the regex
#: engine's literal search), unlike the full case-insensitive patterns above, which are
#: then tried only near one.
_ANSWER_KEYWORD = "ntwoord"
#: With ``numbered`` set where the number of a ``_PREFIX`` match could follow (a capital
#: "VRAAG"'s keyword span below holds one character more: hence ``\s*``).
_QUESTION_KEYWORD = pattern_cache.compile(r"ra(?:ag|gen)(?=(?P<numbered>\s*[0-9]))?")
#: The answer keyword's tail in capitals (the question keywords' tails in capitals hold
#: a G, a letter rare in prose).
_CAPITAL_ANSWER = "NTWOORD"
_CAPITAL_QUESTION = pattern_cache.compile("A(?=AG|GEN)")
#: What can follow an answer keyword in a match: the number of a ``_PREFIX`` match
#: (after the "en" of "antwoorden"), or a number word (its first letters) of a
#: ``_WORD_PREFIX`` match.
_AFTER_ANSWER = pattern_cache.compile(
    r"(?P<numbered>(?i:en)?\s*[0-9])|\s+(?i:"
    + "|".join(sorted({word[:2] for word in WORD_NUMBERS}))
    + ")"
)
#: How far before its keyword a reference may start ("verwijs ik u graag naar de ").
_REACH_BACK = 48
#: How far after its keyword a reference may end.
_REACH_AHEAD = 24
#: What each match of a pattern holds, much cheaper to rule out than the pattern; near
#: most keywords (``verantwoordelijk``, ``vragen van het lid``) it is missing.
#: A ``_PREFIX`` match ends in "antwoord(en)", "vraag" or "vragen" in any case (no other
#: character matches d, n or g case-insensitively) and white space before a digit; so
#: that digit follows d, n or g and one white space, or two white spaces. (The digit
#: comes first: few characters are digits, and they are found fast.)
_PREFIX_CUE = pattern_cache.compile(r"[0-9](?<=[dDnNgG\s]\s[0-9])")
#: A ``_WORD_PREFIX`` match ends in "antwoord", white space and a number word, which
#: opens with one of a few pairs of letters.
_WORD_PREFIX_CUE = r"[dD]\s+(?i:" + "|".join(sorted({word[:2] for word in WORD_NUMBERS})) + ")"


def _keyword_spans(
    text: str,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int], list[int]]:
    """Where the keywords stand, in text order: _ANSWER_KEYWORD (also in capitals), and
    all of them; and the ends of the keyword tails that the number of a ``_PREFIX``
    match could follow, and of the answer tails that a number word could follow: every
    match of those patterns ends in such a tail."""
    # str.find is twice as fast as a pattern for the one literal.
    answers: list[tuple[int, int]] = []
    numbered: list[int] = []
    worded: list[int] = []
    size = len(_ANSWER_KEYWORD)
    start = text.find(_ANSWER_KEYWORD)
    while start >= 0:
        end = start + size
        answers.append((start, end))
        # (_follow_answer written out: a call of a Python function costs as much.)
        # (Its one group, numbered, is the last that matched: lastindex, an attribute.)
        after = _AFTER_ANSWER.match(text, end)
        if after is not None:
            (numbered if after.lastindex else worded).append(end)
        start = text.find(_ANSWER_KEYWORD, end)
    questions = []
    for match in _QUESTION_KEYWORD.finditer(text):
        span = match.span()
        questions.append(span)
        if match.lastindex:  # numbered
            numbered.append(span[1])
    # The question ends come after the answer ends: in order, _candidates can rely on
    # them (two sorted runs, merged by the sort).
    numbered.sort()
    # (A capital T is rare in the text: one character is found much faster than a word.)
    capitals = text.find(_CAPITAL_ANSWER) if "T" in text else -1
    if capitals >= 0 or "G" in text:
        start = capitals
        while start >= 0:
            if text[start - 1 : start] == "A":
                answers.append((start, start + size))
                _follow_answer(text, start + size, numbered, worded)
            start = text.find(_CAPITAL_ANSWER, start + size)
        answers.sort()
        for match in _CAPITAL_QUESTION.finditer(text):  # from the R on, as the lower case
            at = match.start()
            questions.append((at - 1, at + 4))
            after = _AFTER_ANSWER.match(text, at + 4)  # its number as an answer's
            if after is not None and after["numbered"] is not None:
                numbered.append(at + 4)
        numbered.sort()
        worded.sort()
    return answers, sorted(answers + questions), numbered, worded


def _follow_answer(text: str, end: int, numbered: list[int], worded: list[int]) -> None:
    """Add ``end``, the end of an answer tail, to the ends that what follows it fits."""
    after = _AFTER_ANSWER.match(text, end)
    if after is not None:
        (numbered if after["numbered"] is not None else worded).append(end)


def _candidates(
    pattern: re.Pattern[str],
    text: str,
    keywords: list[tuple[int, int]],
    ends: list[int],
    cue: re.Pattern[str],
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, but only searched near a keyword: linear and fast.

    ``cue`` is something every match contains after its last keyword; where it is
    missing, the pattern is not searched. (A cue before a keyword belongs to a match
    that ends there, found at that match's own keywords: it is not looked at again.)
    ``ends`` holds, in order, where the last keyword of a match may end (see
    _keyword_spans); where none is in reach, not even the cue is searched.
    """
    if not ends:
        return
    first_end, last_end = ends[0], ends[-1]
    done = 0
    for start_of_keyword, end_of_keyword in keywords:
        if start_of_keyword - _REACH_BACK >= last_end:
            return  # from here on, every end is out of reach
        if end_of_keyword <= done or end_of_keyword + _REACH_AHEAD <= first_end:
            continue
        start = max(done, start_of_keyword - _REACH_BACK)
        stop = end_of_keyword + _REACH_AHEAD
        while True:
            # One of the ends strictly between start and stop? (Written out: a call of
            # a function of our own would cost as much as the test.)
            at = bisect_right(ends, start)
            if at == len(ends) or ends[at] >= stop:
                break
            if not cue.search(text, max(start, start_of_keyword), stop):
                break
            match = pattern.search(text, start, stop)
            if match is None or match.start() > end_of_keyword:
                break
            yield match
            start = done = match.end()


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
