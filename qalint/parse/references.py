"""Cross-references to other questions of the same document (DOMAIN.md section 5).

``zie ook het antwoord op vraag 5``, ``zie antwoord vraag 10``, ``zie vraag 3``,
``verwijs ik u naar de antwoorden op vraag 3 en 4``, ``zoals in antwoord vier is
aangegeven``. A reference followed by ``van de vragen van het lid ...``,
``(Aanhangsel ...)`` or a case number points at another document and is left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from qalint.model import Block, Reference
from qalint.parse.normalise import RunningText
from qalint.parse.numbers import WORD_NUMBERS, scan_number_list
from qalint.parse.records import new

#: The keywords "antwoord" and "vraag"/"vragen", whose tails (after the first letter) are
#: written in lower case or in capitals (``Vraag``, ``VRAAG``), never mixed: so the
#: keyword search in _keyword_spans finds each one that the patterns read.
_ANSWER = r"a(?-i:ntwoord|NTWOORD)"
_QUESTION = r"v(?-i:ra(?:ag|gen)|RA(?:AG|GEN))"
_PREFIX = re.compile(
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
_WORD_PREFIX = re.compile(
    rf"\b(?:zoals\s+)?in\s+(?:het\s+|mijn\s+)?{_ANSWER}\s+(?P<word>"
    + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_EXTERNAL = re.compile(
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
    answer_keywords, keywords = _keyword_spans(text)
    for match in _candidates(_PREFIX, text, keywords, _PREFIX_CUE):
        scanned = scan_number_list(text, match.end())
        if scanned is None or not scanned.numbers:
            continue
        if _EXTERNAL.match(text, scanned.end):
            continue
        if not has_answers and "antwoord" in match.group(0).lower():
            continue
        found.append(_reference(running, match.start(), scanned.end, scanned.numbers, blocks))
    # A reference by word ("in antwoord vier") holds "antwoord": only those keywords count.
    for match in (
        _candidates(_WORD_PREFIX, text, answer_keywords, _WORD_PREFIX_CUE) if has_answers else ()
    ):
        if _EXTERNAL.match(text, match.end()):
            continue
        number = WORD_NUMBERS[match["word"].lower()]
        found.append(_reference(running, match.start(), match.end(), (number,), blocks))
    found.sort(key=lambda ref: (ref.span.line, ref.span.column))
    return tuple(found)


#: Every reference contains "antwoord", "beantwoording", "vraag" or "vragen" (see
#: _ANSWER, _QUESTION); these literal tails are found fast (by str.find and the regex
#: engine's literal search), unlike the full case-insensitive patterns above, which are
#: then tried only near one.
_ANSWER_KEYWORD = "ntwoord"
_QUESTION_KEYWORD = re.compile("ra(?:ag|gen)")
#: The tails in capitals, by the "A" each holds: A|NTWOORD, VR|A|AG, VR|A|GEN. One scan
#: with a literal start costs less than one per tail, and a capital A is rare in prose.
_CAPITAL_KEYWORD = re.compile("A(?=(?P<answer>NTWOORD)|AG|GEN)")
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
_PREFIX_CUE = re.compile(r"[0-9](?<=[dDnNgG\s]\s[0-9])")
#: A ``_WORD_PREFIX`` match ends in "antwoord", white space and a number word, which
#: opens with one of a few pairs of letters.
_WORD_PREFIX_CUE = re.compile(
    r"[dD]\s+(?i:" + "|".join(sorted({word[:2] for word in WORD_NUMBERS})) + ")"
)


def _keyword_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where the keywords stand, in text order: _ANSWER_KEYWORD, and all of them."""
    # str.find is twice as fast as a pattern for the one literal.
    answers: list[tuple[int, int]] = []
    size = len(_ANSWER_KEYWORD)
    start = text.find(_ANSWER_KEYWORD)
    while start >= 0:
        answers.append((start, start + size))
        start = text.find(_ANSWER_KEYWORD, start + size)
    questions = [match.span() for match in _QUESTION_KEYWORD.finditer(text)]
    capitals = False
    for match in _CAPITAL_KEYWORD.finditer(text):
        at, capitals = match.start(), True
        if match["answer"]:
            answers.append((at + 1, at + 1 + size))
        else:  # from the R on, as the lower-case tail
            questions.append((at - 1, at + 4))
    if capitals:
        answers.sort()
    return answers, sorted(answers + questions)


def _candidates(
    pattern: re.Pattern[str],
    text: str,
    keywords: list[tuple[int, int]],
    cue: re.Pattern[str],
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, but only searched near a keyword: linear and fast.

    ``cue`` is something every match contains after its last keyword; where it is
    missing, the pattern is not searched. (A cue before a keyword belongs to a match
    that ends there, found at that match's own keywords: it is not looked at again.)
    """
    done = 0
    for start_of_keyword, end_of_keyword in keywords:
        if end_of_keyword <= done:
            continue
        start = max(done, start_of_keyword - _REACH_BACK)
        stop = end_of_keyword + _REACH_AHEAD
        while cue.search(text, max(start, start_of_keyword), stop):
            match = pattern.search(text, start, stop)
            if match is None or match.start() > end_of_keyword:
                break
            yield match
            start = done = match.end()


def _reference(
    running: RunningText,
    start: int,
    end: int,
    targets: tuple[int, ...],
    blocks: tuple[Block, ...],
) -> Reference:
    span = running.span(start, end)
    position = bisect.bisect_right(blocks, span.line, key=_label_line) - 1
    block_index = blocks[position].index if position >= 0 else None
    return new(Reference, (running.text[start:end], span, targets, block_index))


def _label_line(block: Block) -> int:
    return block.label_span.line
