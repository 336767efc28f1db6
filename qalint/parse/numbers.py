"""The number-list grammar of labels and references (DOMAIN.md section 4).

``4``, ``4 en 5``, ``4, 6 en 7``, ``1,2,3 en 4``, ``2 t/m 6``, ``2 tot en met 6``,
``4-7`` and ``4–7``. Lists that break the grammar (``7, 8, 9 10 en 11``) are read
leniently and marked irregular. The scanner is a loop over single tokens, so it is
linear in the length of the line whatever a user types.
"""

import re

from qalint import pattern_cache
from qalint.parse.lazy import compiled
from qalint.records import Record, new

#: A number longer than this is not a question number (and int() is never asked to
#: convert thousands of digits, CVE-2020-10735).
MAX_DIGITS = 6
#: Ranges wider than this are not expanded.
MAX_RANGE = 1000

_BLANKS = r"[ \t\u00a0]*"
#: The words in lower case, or in capitals as in a reference written in capitals
#: (``ZIE VRAGEN 1 EN 2``).
_RANGE = r"t/m|t\.m\.|tot en met|T/M|T\.M\.|TOT EN MET|[-\u2013\u2014]"
_SEPARATOR = r",|&|en(?![a-z])|EN(?![A-Z])"
_TOKEN = pattern_cache.compile(
    rf"{_BLANKS}(?:(?P<num>[0-9]+)|(?P<range>{_RANGE})|(?P<sep>{_SEPARATOR})"
    # "1 en vraag 9": the keyword repeated after a separator
    r"|(?P<word>[Vv]ra(?:ag|gen)|[Aa]ntwoord(?:en)?)(?=[ \t\u00a0]+[0-9]))",
    re.ASCII,
)
#: A number the token loop reads with no problem to report: no leading zero, and at
#: most MAX_DIGITS digits (a digit after it is left to _PLAIN_LIST's lookahead).
_PLAIN_NUMBER = rf"[1-9][0-9]{{0,{MAX_DIGITS - 1}}}"
#: The commonest lists, one number or plain numbers joined by separators (``4``,
#: ``4 en 5``, ``3, 7 en 9``; a blank or a digit after ``en`` is no letter, as
#: _SEPARATOR asks), that nothing follows which the token loop might read on: not what
#: starts a number, a range or a separator. The loop would read them as regular lists
#: without problems, so one match does. (A character class holding a character beyond
#: Latin-1 costs far more to compile than alternatives, hence the dashes apart.)
_PLAIN_LIST = pattern_cache.compile(
    rf"{_BLANKS}(?P<list>{_PLAIN_NUMBER}(?:{_BLANKS}(?:[,&]|en|EN){_BLANKS}{_PLAIN_NUMBER})*)"
    rf"(?!{_BLANKS}(?:[0-9,&-]|\u2013|\u2014|[tT][/.oO]|[eE][nN]))"
)
#: What separates the numbers of a plain list, turned into spaces to split the list at.
_TO_SPACE = str.maketrans(dict.fromkeys(",&enEN\t\u00a0", " "))
#: Where no number starts: a digit that is no ASCII digit (those would have been read),
#: so never in an ASCII text; compiled on first use.
_DIGIT_LIKE = r"[ \t\u00a0]*(\d|[\u00b2\u00b3\u00b9\u2070-\u2079])"


class ScannedList(Record):
    numbers: tuple[int, ...]
    start: int
    end: int
    irregular: bool
    problems: tuple[str, ...]


def scan_number_list(text: str, pos: int) -> ScannedList | None:
    """Read a number list starting at ``text[pos]`` (leading blanks allowed).

    Returns None when no number starts there. ``end`` is the index just after the last
    number read; a trailing separator is not consumed.
    """
    plain = _PLAIN_LIST.match(text, pos)
    if plain is not None:
        listed = plain["list"]
        numbers = (
            (int(listed),)
            if listed.isdigit()
            else tuple(map(int, listed.translate(_TO_SPACE).split()))
        )
        # tuple's own constructor (see qalint.records.new): the commonest lists.
        return new(ScannedList, (numbers, plain.start("list"), plain.end(), False, ()))
    return _scan_tokens(text, pos)


def _scan_tokens(text: str, pos: int) -> ScannedList | None:
    """scan_number_list for any list: one token at a time."""
    numbers: list[int] = []
    problems: list[str] = []
    irregular = False
    start = -1
    end = pos
    expect_number = True
    pending_range = False
    previous_was_number = False
    cursor = pos
    while True:
        match = _TOKEN.match(text, cursor)
        if match is None:
            break
        kind = match.lastgroup
        if kind == "num":
            if previous_was_number:
                irregular = True  # "9 10": two numbers with no separator
            digits = match["num"]
            if start < 0:
                start = match.start("num")
            value = _to_number(digits, problems)
            if pending_range and numbers:
                low = numbers[-1]
                if value is not None:
                    if value < low:
                        problems.append(f"bereik {low} t/m {value} loopt terug")
                    elif value - low > MAX_RANGE:
                        problems.append(f"bereik {low} t/m {value} is te groot")
                        numbers.append(value)
                    else:
                        numbers.extend(range(low + 1, value + 1))
                pending_range = False
            elif value is not None:
                numbers.append(value)
            end = match.end()
            cursor = end
            expect_number = False
            previous_was_number = True
            continue
        if kind == "word":
            if not (expect_number and numbers and not pending_range):
                break
            cursor = match.end()
            continue
        if expect_number:
            break  # a separator where a number belongs ends the list
        if kind == "range":
            pending_range = True
        expect_number = True
        previous_was_number = False
        cursor = match.end()
    if start < 0:
        if text.isascii():
            return None
        odd = compiled(_DIGIT_LIKE).match(text, pos)
        if odd is not None:
            char = odd.group(1)
            return ScannedList(
                (),
                odd.start(1),
                odd.end(1),
                False,
                (f"onverwacht teken '{char}' in vraagnummer",),
            )
        return None
    return new(ScannedList, (tuple(numbers), start, end, irregular, tuple(problems)))


def _to_number(digits: str, problems: list[str]) -> int | None:
    if len(digits) > MAX_DIGITS:
        problems.append(f"nummer {digits[:12]}... is te groot")
        return None
    if len(digits) > 1 and digits.startswith("0"):
        problems.append(f"nummer {digits} begint met een nul")
    return int(digits)


WORD_NUMBERS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
}
