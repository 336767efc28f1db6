"""Dutch dates: ``3 juni 2014``, ``dinsdag 3 juni 2014``, ``november2024`` (DOMAIN.md section 6)."""

from __future__ import annotations

import datetime as dt
import re

from qalint import pattern_cache
from qalint.model import DateField, Span
from qalint.parse.lazy import compiled
from qalint.parse.normalise import RunningText
from qalint.records import new

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_MONTH_ALT = "|".join(MONTHS)
_WEEKDAY_ALT = "|".join(WEEKDAYS)

_DATE = pattern_cache.compile(
    rf"(?:(?P<weekday>{_WEEKDAY_ALT})\s+)?(?P<day>[0-9]{{1,2}})\s*(?P<month>{_MONTH_ALT})"
    rf"\s*(?P<year>[0-9]{{4}})(?![0-9])",
    re.IGNORECASE,
)
#: Most header dates, as _DATE reads them: no weekday, one space, the month in lower case.
#: (Case-sensitive, so twice as fast as _DATE.)
_PLAIN_DATE = pattern_cache.compile(rf"([0-9]{{1,2}}) ({_MONTH_ALT}) ([0-9]{{4}})")
#: A date with a weekday anywhere in the text.
_WEEKDAY_DATE = pattern_cache.compile(
    rf"\b(?P<weekday>{_WEEKDAY_ALT})\s+(?P<day>[0-9]{{1,2}})\s+(?P<month>{_MONTH_ALT})"
    rf"\s+(?P<year>[0-9]{{4}})(?![0-9])",
    re.IGNORECASE,
)
#: Every weekday ends in "dag" followed by a day number; a literal the engine finds fast.
_HAS_WEEKDAY = pattern_cache.compile(r"dag\s+[0-9]")
#: Both rare: compiled on first use.
_HAS_WEEKDAY_CAPITALS = r"DAG\s+[0-9]"
_LOOSE = r"(?P<day>\S+)\s+(?P<month>[^\s0-9]+)\s*(?P<year>\S+)?"


#: The number of each month by its name in lower case.
_MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, 1)}


def make_date(day: str, month: str, year: str) -> tuple[dt.date | None, str | None]:
    """The date, or None with a Dutch reason (``31 februari 2014 bestaat niet``)."""
    # (Most months are written in lower case: one dict lookup, not _name's search. An
    # unknown month is 0, which dt.date refuses as it refuses 31 February.)
    number = _MONTH_NUMBERS.get(month) or _MONTH_NUMBERS.get(_name(month, MONTHS), 0)
    try:
        return dt.date(int(year), number, int(day)), None
    except ValueError:
        return None, f"{day} {month} {year} bestaat niet"


def _name(text: str, names: tuple[str, ...]) -> str:
    """The one of ``names`` that ``text`` matched in a case-insensitive pattern. Mostly
    ``text.lower()``; but such a pattern also pairs a few letters outside ASCII with
    ASCII ones (the long s in ``\u017feptember``, the dotless i in ``d\u0131nsdag``),
    which lower() leaves as they are."""
    lower = text.lower()
    if lower in names:
        return lower
    matched = (name for name in names if re.fullmatch(re.escape(name), text, re.IGNORECASE))
    return next(matched, lower)


def parse_date_text(role: str, text: str, span: Span) -> DateField:
    """Read the text inside ``(ingezonden ...)`` or ``(ontvangen ...)``."""
    stripped = text.strip().rstrip(".")
    plain = _PLAIN_DATE.fullmatch(stripped)
    if plain is not None:  # (what _DATE.fullmatch reads so, without a weekday)
        day, month, year = plain.groups()
        try:  # make_date, without a call for a date that exists
            value: dt.date | None = dt.date(int(year), _MONTH_NUMBERS[month], int(day))
            problem: str | None = None
        except ValueError:
            value, problem = make_date(day, month, year)
        return new(DateField, (role, stripped, span, value, problem, None))
    match = _DATE.fullmatch(stripped) or _DATE.match(stripped)
    if match is not None:
        weekday, day, month, year = match.groups()
        value, problem = make_date(day, month, year)
        weekday = _name(weekday, WEEKDAYS) if weekday else None
        return new(DateField, (role, stripped, span, value, problem, weekday))
    if not stripped:
        return new(DateField, (role, stripped, span, None, "datum ontbreekt", None))
    loose = compiled(_LOOSE).match(stripped)
    if loose is not None and loose["month"].lower() not in MONTHS:
        problem = f"onbekende maand '{loose['month'][:30]}'"
    elif loose is not None and loose["year"] is not None and not loose["year"].isascii():
        problem = f"onleesbaar jaartal '{loose['year'][:30]}'"
    else:
        problem = f"onleesbare datum '{stripped[:40]}'"
    return new(DateField, (role, stripped, span, None, problem, None))


def weekday_dates(running: RunningText) -> tuple[DateField, ...]:
    """Every date written with a weekday, such as ``dinsdag 3 juni 2014``."""
    text = running.text
    # The full pattern is tried only where a "...dag 3" stands. str.find skips to each
    # "dag" several times faster than the pattern's own scan ("dag" cannot overlap
    # itself, so the matches are those of finditer).
    hits = []
    at = text.find("dag")
    while at != -1:
        if hit := _HAS_WEEKDAY.match(text, at):
            hits.append(hit)
        at = text.find("dag", at + 3)
    # Capitals are rare, so the common scan stays a fast literal search; a capital G is
    # rare in prose too, and looking for one character is much faster than for "DAG".
    if "G" in text and "DAG" in text:
        capitals = compiled(_HAS_WEEKDAY_CAPITALS).finditer(text)
        # Both are in order, so a stable sort merges them as heapq.merge would, without
        # importing heapq (and its C module) in every run.
        hits = sorted([*hits, *capitals], key=re.Match.start)
    if not hits:
        return ()  # (a third of the documents: no list of dates to build)
    found = []
    done = 0
    for hit in hits:
        at = hit.start()
        if at < done:
            continue
        # (A weekday ends in the "dag" found: it starts at most 6 letters before it.)
        match = _WEEKDAY_DATE.search(text, at - 6 if at - 6 > done else done, hit.end() + 24)
        if match is None:
            continue
        begin = match.start()
        if begin > at:
            continue
        done = match.end()
        weekday, day, month, year = match.groups()
        value, problem = make_date(day, month, year)
        name = _WEEKDAY_NAMES.get(weekday) or _name(weekday, WEEKDAYS)
        span = running.span(begin, done)
        found.append(new(DateField, ("text", match.group(0), span, value, problem, name)))
    return tuple(found)


#: The weekday of the common spellings of a weekday's name: a dict lookup, not a call.
_WEEKDAY_NAMES = {form: name for name in WEEKDAYS for form in (name, name.capitalize())}
