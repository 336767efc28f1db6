"""Header lines: the question header, the government line, case and Aanhangsel numbers.

See DOMAIN.md section 3. The header is searched in the running text of the lines
before the first question or answer label, so lines that wrap are read as one.
"""

from __future__ import annotations

import re

from qalint.model import DateField, Header, HeaderLine, Person, Span
from qalint.parse.dates import parse_date_text
from qalint.parse.normalise import RunningText

_QUESTION_HEADER = re.compile(r"Vragen van (?P<form>het lid|de leden|het leden|de lid)\b")
_GOVERNMENT = re.compile(
    r"(?P<what>Antwoord|Mededeling) van (?:de )?(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident)\b"
)
_DATE_OPEN = re.compile(r"\((?P<role>ingezonden|ontvangen)\b")
_DELAY_REFERENCE = re.compile(
    r"Zie ook Aanhangsel (?:van de )?Handelingen,?\s*vergaderjaar\s*[0-9]{4}\s?[\u2013-]\s?[0-9]{4},?\s*nr\.?\s*(?P<nr>[0-9]+)"
)
_CASE_NUMBER = re.compile(r"[ \t\u00a0]*(?P<value>[0-9]{4}Z[ \u00a0]*[0-9]{5})[ \t\u00a0]*\Z")
_AANHANGSEL = re.compile(r"[ \t\u00a0]*(?P<value>AH[ \u00a0]*[0-9]+)[ \t\u00a0]*\Z")
_RESPONDENT = re.compile(
    r"(?:[Mm]inister|[Ss]taatssecretaris)(?: van| voor)?[^()]{0,120}?\((?P<portfolio>[^()]{1,120})\)"
)
_MEDE = re.compile(
    r"mede (?:namens|ondertekend(?: door| namens)?) (?:de )?(?P<who>(?:[Mm]inister|[Ss]taatssecretaris)[^()]{0,150}?)(?=,| en (?:de )?[Mm]inister| en (?:de )?[Ss]taatssecretaris| \(ontvangen|\)|$)"
)

#: Header search stops this far after its start (a header wraps over 2 to 5 lines).
_HEADER_REACH = 1200


def parse_header(running: RunningText, lines: tuple[str, ...], last_line: int) -> Header:
    """Read the header from the running text of the lines before the first label."""
    text = running.text
    fields: dict[str, object] = {}

    question = _QUESTION_HEADER.search(text)
    if question is not None:
        end = _end_of_parenthesised(text, question.start(), "(ingezonden")
        fields["question_header"] = HeaderLine(
            text[question.start():end], running.span(question.start(), end)
        )
        fields["member_form"] = question["form"]
        body = text[question.end():end]
        askers, rest = _split_once(body, " aan ")
        fields["askers"] = _persons(askers)
        addressees, rest = _split_once(rest, " over ")
        fields["addressees"] = tuple(
            part.strip() for part in re.split(r",| en (?=van |de |het )", addressees) if part.strip()
        )
        subject = rest.split("(ingezonden")[0].strip()
        fields["subject"] = subject or None

    government = _GOVERNMENT.search(text)
    if government is not None:
        end = _end_of_parenthesised(text, government.start(), "(ontvangen")
        line_text = text[government.start():end]
        fields["government_line"] = HeaderLine(line_text, running.span(government.start(), end))
        respondents = [m["portfolio"].strip() for m in _RESPONDENT.finditer(line_text)]
        respondents += [m["who"].strip() for m in _MEDE.finditer(line_text)]
        fields["respondents"] = tuple(respondents)

    submitted: list[DateField] = []
    received: list[DateField] = []
    for match in _DATE_OPEN.finditer(text):
        close = text.find(")", match.end(), match.end() + 80)
        opening = text.find("(", match.end(), close if close != -1 else match.end() + 80)
        if opening != -1:
            continue  # "(ontvangen (ontvangen 7 juni 2024)": the date belongs to the second
        stop = close if close != -1 else min(len(text), match.end() + 40)
        inner = text[match.end():stop]
        field = parse_date_text(
            "submitted" if match["role"] == "ingezonden" else "received",
            inner,
            running.span(match.start(), stop + (1 if close != -1 else 0)),
        )
        (submitted if match["role"] == "ingezonden" else received).append(field)
    fields["submitted"] = tuple(submitted)
    fields["received"] = tuple(received)
    fields["delay_references"] = tuple(m["nr"] for m in _DELAY_REFERENCE.finditer(text))

    for index in range(min(last_line, 12)):
        line = lines[index]
        if "case_number" not in fields and (m := _CASE_NUMBER.match(line)):
            fields["case_number"] = _line_field(m, index)
        elif "aanhangsel_number" not in fields and (m := _AANHANGSEL.match(line)):
            fields["aanhangsel_number"] = _line_field(m, index)
    return Header(**fields)  # type: ignore[arg-type]


def _line_field(match: re.Match[str], index: int) -> HeaderLine:
    return HeaderLine(
        match["value"], Span(index + 1, match.start("value") + 1, index + 1, match.end("value") + 1)
    )


def _end_of_parenthesised(text: str, start: int, opener: str) -> int:
    """End of a header element: after ``(ingezonden ...)`` or ``(ontvangen ...)``."""
    reach = min(len(text), start + _HEADER_REACH)
    at = text.find(opener, start, reach)
    if at == -1:
        sentence = text.find(". ", start, reach)
        return sentence + 1 if sentence != -1 else reach
    close = text.find(")", at, reach)
    end = close + 1 if close != -1 else reach
    if end < len(text) and text[end] == ".":
        end += 1
    return end


def _split_once(text: str, separator: str) -> tuple[str, str]:
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and text.startswith(separator, index):
            return text[:index], text[index + len(separator):]
    return text, ""


def _persons(text: str) -> tuple[Person, ...]:
    """``X (P1) en Y (P2)``, ``X en Y (beiden VVD)``, ``X, Y en Z (allen ...)``."""
    names: list[tuple[str, str | None]] = []
    current: list[str] = []
    party: str | None = None
    depth = 0
    buffer = ""
    for char in text + ",":
        if char == "(":
            depth += 1
            if depth == 1:
                current.append(buffer)
                buffer = ""
                continue
        elif char == ")":
            depth = max(depth - 1, 0)
            if depth == 0:
                party = buffer.strip()
                buffer = ""
                continue
        if depth == 0 and (char == "," or (char == " " and buffer.endswith(" en"))):
            name = (("".join(current) + buffer).removesuffix(" en")).strip()
            if name:
                names.append((name, party))
            current, buffer, party = [], "", None
            if char == ",":
                continue
        buffer += char
    collective = None
    if names and names[-1][1] and names[-1][1].split(" ", 1)[0] in ("beiden", "allen"):
        collective = names[-1][1].split(" ", 1)[-1]
    return tuple(
        Person(name, collective if collective is not None else party) for name, party in names
    )
