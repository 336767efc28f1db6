"""parse_date_text reads most dates with _PLAIN_DATE: it must read them as _DATE does."""

from __future__ import annotations

import random

from qalint.parse.dates import _DATE, _PLAIN_DATE, MONTHS, make_date, parse_date_text
from tests.test_header_equivalences import HEADERS
from tests.test_parse_prefilters import LINES

DATE_EDGES = [
    "3 juni 2014",
    "03 juni 2014",
    "123 juni 2014",
    "3 juni 20145",
    "3 juni 214",
    "3  juni 2014",
    "3juni 2014",
    "3 Juni 2014",
    "3 \u017feptember 2014",
    "dinsdag 3 juni 2014",
    "3 juni 2014 x",
    "31 februari 2014",
    "3 junio 2014",
    "\u0663 juni 2014",
]


def _texts() -> list[str]:
    """The dates of the corpus's headers, the edges, and random ones."""
    rng = random.Random(5)
    texts = list(DATE_EDGES)
    for running, _, _ in HEADERS:
        for opener in ("(ingezonden", "(ontvangen"):
            at = running.text.find(opener)
            if at != -1:
                texts.append(running.text[at + len(opener) : at + 60].split(")")[0].strip())
    pieces = ["1", "31", "0", "123", " ", "  ", "\t", "juni", "Mei", "mei", "2014", "20145", "x"]
    texts += ["".join(rng.choices(pieces, k=rng.randrange(1, 7))) for _ in range(5000)]
    texts += [f"{rng.randrange(40)} {rng.choice(MONTHS)} {rng.randrange(1990, 2030)}"] * 10
    texts += [line.strip() for line in LINES if any(month in line for month in MONTHS)]
    return texts


def test_plain_dates_are_read_as_the_full_pattern_reads_them() -> None:
    plain_dates = 0
    for text in _texts():
        plain = _PLAIN_DATE.fullmatch(text)
        if plain is None:
            continue
        full = _DATE.fullmatch(text)
        assert full is not None, text
        assert full.groups() == (None, *plain.groups()), text
        field = parse_date_text("submitted", text, None)  # type: ignore[arg-type]
        assert (field.value, field.problem) == make_date(*plain.groups()), text
        plain_dates += 1
    assert plain_dates > 100


def test_a_plain_date_is_parsed_as_any_other() -> None:
    field = parse_date_text("received", " 31 februari 2014.", None)  # type: ignore[arg-type]
    assert (field.text, field.value, field.problem, field.weekday) == (
        "31 februari 2014",
        None,
        "31 februari 2014 bestaat niet",
        None,
    )
