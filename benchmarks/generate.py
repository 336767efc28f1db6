#!/usr/bin/env python3
"""Deterministic generator of synthetic Kamervragen documents for qalint's benchmarks.

    python benchmarks/generate.py OUTDIR --count 1000 --seed 1 [--inject-errors] [--check]
    python benchmarks/generate.py OUTDIR --lines 500000 --seed 1

The documents are shaped like the real corpus (see docs/DOMAIN.md in the shared folder):
Aanhangsel answers as extracted from PDFs (PyPDF2-style long glued lines and
pdftotext-style wrapped lines with form feeds), ministry drafts (``AH 604`` + case number,
``Vraag N``, ``1.`` or bare ``1`` questions; ``Antwoord N``, ``Antwoord vraag N:``,
bare ``Antwoord``), question sets and delay notices. They contain grouped and reordered
questions (``Vraag 4, 6 en 7`` before ``Vraag 5``), ranges (``2 t/m 4``), separate
questions answered together, cross-references inside and outside the document,
footnote markers and notes, page footers (``Tweede Kamer, vergaderjaar 2024-2025,
Aanhangsel 2``, ``ah-tk-20242025-597``), headings glued to a footer, hyphenated line
breaks and form feeds. The text is Dutch, built from a small vocabulary.

Everything is a pure function of ``(seed, index)``: the same seed gives the same bytes
on every run and platform, and document ``i`` is the same whatever ``--count`` is (the
100-document corpus is a prefix of the 10,000-document one).

With ``--inject-errors``, a subset of the documents (``--error-rate``) gets exactly one
injected error each, and ``expected.jsonl`` lists every finding qalint should report:
one JSON object per line with ``path`` (relative to OUTDIR, ``/``-separated), ``line``,
``column`` (1-based, counted in characters as qalint counts them), ``code`` and, for
information, ``injected`` (the kind of error that caused it). Documents without an
injected error must give no finding at all. ``--check`` runs qalint on OUTDIR afterwards
and compares.

Only the standard library is used, so the generator runs with any Python >= 3.10.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------------------
# Private-use characters that never reach the output.
#: Marks a position whose (line, column) we want to know after rendering.
MARK = "\ue000"
#: A footnote marker; replaced by its number when the document is rendered.
NOTE = "\ue001"
#: A space that may become a line break but is never lost (no gluing, no hyphenation).
KEEP = "\ue002"

MIN_BYTES = 2 * 1024
MAX_BYTES = 40 * 1024

ERROR_KINDS = (
    "delete-answer",  # QA103 (+ QA105 at the next explicit answer, QA202 at references)
    "wrong-answer-number",  # QA104 + QA105 + QA103 (+ QA202)
    "duplicate-question",  # QA102
    "missing-reference",  # QA201
    "date-order",  # QA303
    "irregular-list",  # QA107
    "delete-question",  # QA101 (question sets and notices)
)

# --------------------------------------------------------------------------------------
# Vocabulary

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
NUMBER_WORDS = (
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
)

SURNAMES = (
    "Van der Berg",
    "De Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Leeuwen",
    "Dekker",
    "Brouwer",
    "De Wit",
    "Dijkstra",
    "Smits",
    "De Graaf",
    "Van der Meer",
    "Kok",
    "Jacobs",
    "Van den Heuvel",
    "Vermeulen",
    "Schouten",
    "Willems",
    "Hoekstra",
    "Koster",
    "Prins",
    "Huisman",
    "Kuipers",
    "Van Dam",
    "Postma",
    "Zijlstra",
    "Timmer",
    "Wolters",
    "Sanders",
)
PARTIES = (
    "VVD",
    "GroenLinks-PvdA",
    "PVV",
    "Nieuw Sociaal Contract",
    "D66",
    "BBB",
    "CDA",
    "SP",
    "ChristenUnie",
    "SGP",
    "DENK",
    "Volt",
    "JA21",
    "Partij voor de Dieren",
)
PORTFOLIOS = (
    "Binnenlandse Zaken en Koninkrijksrelaties",
    "Justitie en Veiligheid",
    "Infrastructuur en Waterstaat",
    "Volksgezondheid, Welzijn en Sport",
    "Sociale Zaken en Werkgelegenheid",
    "Economische Zaken",
    "Klimaat en Groene Groei",
    "Financiën",
    "Buitenlandse Zaken",
    "Onderwijs, Cultuur en Wetenschap",
    "Landbouw, Visserij, Voedselzekerheid en Natuur",
    "Defensie",
    "Asiel en Migratie",
    "Volkshuisvesting en Ruimtelijke Ordening",
)
#: Singular, so that "{actor} {verb}" agrees.
ACTORS = (
    "het kabinet",
    "het ministerie",
    "de toezichthouder",
    "de Inspectie",
    "Rijkswaterstaat",
    "het RIVM",
    "De Nederlandsche Bank",
    "de Autoriteit Persoonsgegevens",
    "het UWV",
    "de Belastingdienst",
    "het COA",
    "de politie",
    "het Openbaar Ministerie",
    "de Europese Commissie",
    "het Nationaal Cyber Security Centrum",
    "de Raad van State",
    "de gemeente",
    "de provincie",
    "de netbeheerder",
    "de veiligheidsregio",
)
PARTNERS = (
    *ACTORS,
    "de gemeenten",
    "de provincies",
    "de veiligheidsregio's",
    "de netbeheerders",
    "de zorgverzekeraars",
    "de onderwijsinstellingen",
)
#: Singular heads, so that "{topic} {judgement}" agrees.
TOPICS = (
    "de vergunningverlening voor windparken op zee",
    "de wachtlijst in de jeugdzorg",
    "de digitale weerbaarheid van vitale aanbieders",
    "het toezicht op pensioenuitvoerders",
    "de hoogte van de huren in de vrije sector",
    "de stikstofuitstoot van de landbouw",
    "de bereikbaarheid van de Waddeneilanden",
    "de opvang van asielzoekers",
    "de inzet van algoritmes bij de overheid",
    "het tekort aan personeel in de zorg",
    "de verduurzaming van het openbaar vervoer",
    "de moderatie van sociale media",
    "de veiligheid van spoorwegovergangen",
    "de kwaliteit van het drinkwater",
    "de betaalbaarheid van de kinderopvang",
    "de brandveiligheid van oude flatgebouwen",
    "de inzet van contentmoderatoren",
    "de beveiliging van persoonsgegevens",
    "het lerarentekort in het primair onderwijs",
    "de capaciteit van het stroomnet",
    "de aanpak van ondermijning in havens",
    "de toegankelijkheid van de rechtspraak",
    "de handhaving van de Omgevingswet",
    "de export van militaire goederen",
    "de uitvoering van de Jeugdwet",
    "de versterking van de dijken langs de rivieren",
    "de bescherming van klokkenluiders",
    "de financiering van de Lelylijn",
)
TITLE_SUBJECTS = (
    "Wachtlijst jeugdzorg",
    "Netcongestie",
    "Lerarentekort",
    "Dijkversterking",
    "Stikstofbeleid",
    "Asielopvang",
    "Cyberaanval",
    "Huurbevriezing",
    "Drinkwaterkwaliteit",
    "Spoorveiligheid",
    "Pensioenakkoord",
    "Windpark",
    "Ondermijning",
    "Kinderopvang",
)
TITLE_PREDICATES = (
    "loopt verder op",
    "zorgt voor uitstel",
    "blijft groeien",
    "kost miljarden",
    "stuit op verzet",
    "raakt duizenden huishoudens",
    "loopt vertraging op",
    "onder druk",
    "vaker in het nieuws",
    "leidt tot onrust",
    "blijkt duurder dan gedacht",
)
MEDIA = (
    ("NOS", "nos.nl"),
    ("NRC", "nrc.nl"),
    ("de Volkskrant", "volkskrant.nl"),
    ("Trouw", "trouw.nl"),
    ("Het Financieele Dagblad", "fd.nl"),
    ("RTL Nieuws", "rtl.nl"),
    ("Dagblad van het Noorden", "dvhn.nl"),
    ("Omroep Brabant", "omroepbrabant.nl"),
)
VERBS = (
    "onderzoekt",
    "volgt",
    "bespreekt",
    "evalueert",
    "ondersteunt",
    "bevordert",
    "beoordeelt",
    "monitort",
    "verkent",
    "versterkt",
)
ADVERBIALS = (
    "in nauw overleg met de betrokken partijen",
    "op korte termijn",
    "binnen de bestaande kaders",
    "naar verwachting voor de zomer",
    "waar dat nodig is",
    "samen met de medeoverheden",
    "in Europees verband",
    "met voorrang",
    "zorgvuldig en stap voor stap",
    "op basis van de meest recente gegevens",
)
JUDGEMENTS = (
    "zorgvuldig wordt afgewogen",
    "tijdig wordt gesignaleerd",
    "de volle aandacht heeft",
    "niet ten koste mag gaan van de veiligheid",
    "een gedeelde verantwoordelijkheid is",
    "structureel verbetering behoeft",
    "goed wordt gemonitord",
    "onder druk staat",
)
LAWS = (
    "Wet op het financieel toezicht",
    "Omgevingswet",
    "Cyberbeveiligingswet",
    "Jeugdwet",
    "Digital Services Act",
    "Algemene verordening gegevensbescherming",
    "Klimaatwet",
    "Wet maatschappelijke ondersteuning",
    "Huisvestingswet",
    "Wet veiligheidsregio's",
)
LAW_CLAUSES = (
    "zijn aanbieders verplicht om passende maatregelen te treffen",
    "heeft de toezichthouder de bevoegdheid om in te grijpen",
    "moeten organisaties hun risico's periodiek in kaart brengen",
    "is de gemeente verantwoordelijk voor de uitvoering",
    "kan een last onder dwangsom worden opgelegd",
)
SEASONS = ("het voorjaar", "het najaar", "het eerste kwartaal", "de tweede helft")
GROUPS = (
    "de huishoudens",
    "de gemeenten",
    "de instellingen",
    "de aanvragen",
    "de meldingen",
    "de betrokken bedrijven",
    "de scholen",
    "de locaties",
)
DIMENSIONS = ("regio", "jaar", "sector", "leeftijdsgroep", "gemeente")
CLOSING_QUESTIONS = (
    "Kunt u deze vragen afzonderlijk van elkaar beantwoorden?",
    "Kunt u deze vragen afzonderlijk van elkaar en zo spoedig mogelijk beantwoorden?",
    "Kunt u deze vragen één voor één en binnen de gebruikelijke termijn beantwoorden?",
)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def dutch_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def session(day: dt.date, dash: str = "\u2013") -> str:
    """The parliamentary year (vergaderjaar) a date falls in."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}{dash}{start + 1}"


# --------------------------------------------------------------------------------------
# The plan of a document: what it says, before layout.


@dataclass
class Sentence:
    text: str  # may hold MARK, NOTE and KEEP
    marks: tuple[str, ...] = ()  # one id per MARK, in order
    notes: tuple[str, ...] = ()  # one note text per NOTE, in order
    refs: tuple[tuple[str, tuple[int, ...]], ...] = ()  # (mark id, targets) of references
    filler: bool = True  # may be dropped to fit the size


@dataclass
class Block:
    key: str
    role: str  # "question" or "answer"
    numbers: list[int]  # what the block covers
    style: str  # label style, see _label()
    nums_text: str = ""  # the number list as written in the label
    paragraphs: list[list[Sentence]] = field(default_factory=list)


@dataclass
class Unit:
    questions: list[Block]
    answer: Block | None


@dataclass
class Plan:
    kind: str  # answer, draft, questions, notice
    flavour: str  # pypdf, pdftotext, docx
    header: list[list[Sentence]]  # paragraphs before the first label
    units: list[Unit]
    submitted: dt.date | None
    received: dt.date | None
    ident: str  # ah-tk-20242025-597 / kv-tk-2024Z18435
    session: str
    year: int
    newline: str = "\n"
    end_notes: bool = False  # drafts: notes at the end instead of the page bottom
    expected: list[tuple[str, str]] = field(default_factory=list)  # (code, mark id)
    injected: str | None = None


class Words:
    """Sentence builders over the vocabulary, drawing from one Random."""

    def __init__(self, rng: random.Random, year: int):
        self.rng = rng
        self.year = year

    def pick(self, options):
        return options[self.rng.randrange(len(options))]

    def title(self) -> str:
        return f"{self.pick(TITLE_SUBJECTS)} {self.pick(TITLE_PREDICATES)}"

    def note(self, day: dt.date) -> str:
        rng = self.rng
        if rng.random() < 0.25:
            return f"Kamerstuk {rng.randint(29000, 36600)}, nr. {rng.randint(2, 400)}."
        medium, domain = self.pick(MEDIA)
        title = self.title()
        slug = re.sub(r"[^a-z]+", "-", title.lower()).strip("-")
        return (
            f"{medium}, {dutch_date(day)}, «{title}», "
            f"https://{domain}/artikel/{rng.randint(2000000, 2600000)}-{slug}."
        )

    def filler(self) -> str:
        rng, pick = self.rng, self.pick
        year = self.year + rng.choice((-1, 0, 0, 1))
        n = rng.randrange(9)
        if n == 0:
            return f"{cap(pick(ACTORS))} {pick(VERBS)} {pick(TOPICS)} {pick(ADVERBIALS)}."
        if n == 1:
            return f"Daarbij is het van belang dat {pick(TOPICS)} {pick(JUDGEMENTS)}."
        if n == 2:
            return (
                f"Op grond van artikel {rng.randint(2, 60)} van de {pick(LAWS)} "
                f"{pick(LAW_CLAUSES)}."
            )
        if n == 3:
            return (
                f"In {year} is ongeveer {rng.randint(2, 900)} miljoen euro beschikbaar "
                f"gesteld voor {pick(TOPICS)}."
            )
        if n == 4:
            return f"Ik deel de opvatting dat {pick(TOPICS)} {pick(JUDGEMENTS)}."
        if n == 5:
            return (
                f"De resultaten van het onderzoek naar {pick(TOPICS)} zijn naar verwachting "
                f"in {pick(SEASONS)} van {year + 1} beschikbaar."
            )
        if n == 6:
            return (
                f"Het gaat daarbij om circa {rng.randint(3, 95)} procent van "
                f"{pick(GROUPS)}, {pick(ADVERBIALS)}."
            )
        if n == 7:
            return f"Dit gebeurt {pick(ADVERBIALS)}, met {pick(PARTNERS)} en {pick(PARTNERS)}."
        return (
            f"Het {rng.randint(2, 14)}e voortgangsrapport laat zien dat "
            f"{pick(TOPICS)} {pick(JUDGEMENTS)}."
        )

    def context(self) -> str:
        """A sentence of context before a question."""
        rng, pick = self.rng, self.pick
        n = rng.randrange(6)
        if n == 0:
            return f"Volgens het bericht {pick(VERBS)} {pick(ACTORS)} {pick(TOPICS)} onvoldoende."
        if n == 1:
            return f"Uit cijfers van {pick(ACTORS)} blijkt dat {pick(TOPICS)} {pick(JUDGEMENTS)}."
        if n == 2:
            return (
                f"In {self.year - rng.randint(0, 2)} kwamen er ruim {rng.randint(20, 4000)} "
                f"meldingen binnen over {pick(TOPICS)}."
            )
        if n == 3:
            return f"Eerder liet u weten dat {pick(TOPICS)} {pick(JUDGEMENTS)}."
        if n == 4:
            return f"Inmiddels is ruim {rng.randint(3, 60)} procent van {pick(GROUPS)} getroffen."
        return f"Deskundigen waarschuwen dat {pick(TOPICS)} {pick(JUDGEMENTS)}."

    def question(self) -> str:
        rng, pick = self.rng, self.pick
        n = rng.randrange(8)
        if n == 0:
            return f"Deelt u de mening dat {pick(TOPICS)} {pick(JUDGEMENTS)}? Zo nee, waarom niet?"
        if n == 1:
            return f"Hoe beoordeelt u {pick(TOPICS)}?"
        if n == 2:
            return f"Welke maatregelen neemt u om {pick(TOPICS)} te verbeteren?"
        if n == 3:
            return f"Kunt u toelichten in hoeverre {pick(ACTORS)} betrokken is bij {pick(TOPICS)}?"
        if n == 4:
            return (
                f"Is het waar dat {pick(ACTORS)} {pick(TOPICS)} {pick(VERBS)}? "
                f"Zo ja, sinds wanneer?"
            )
        if n == 5:
            return f"Bent u bereid om {pick(TOPICS)} {pick(ADVERBIALS)} te laten evalueren?"
        if n == 6:
            return f"Wat is de stand van zaken rond {pick(TOPICS)}?"
        return (
            f"Kunt u een overzicht geven van {pick(TOPICS)}, uitgesplitst naar {pick(DIMENSIONS)}?"
        )


def keep(text: str) -> str:
    """Protect a phrase: it may wrap, but its words are never glued or hyphenated."""
    return text.replace(" ", KEEP)


def number_list(numbers: list[int], rng: random.Random, allow_range: bool = True) -> str:
    """``4``, ``5 en 6``, ``4, 6 en 7``, ``2 t/m 4``, ``1,2,3 en 4``."""
    if len(numbers) == 1:
        return str(numbers[0])
    contiguous = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    if allow_range and contiguous and len(numbers) >= 3 and rng.random() < 0.45:
        dash = rng.choice((" t/m ", " tot en met ", "-", "\u2013", " t/m "))
        return f"{numbers[0]}{dash}{numbers[-1]}"
    head = [str(n) for n in numbers[:-1]]
    joiner = "," if len(numbers) >= 3 and rng.random() < 0.1 else ", "
    return f"{joiner.join(head)} en {numbers[-1]}"


# --------------------------------------------------------------------------------------
# Building a plan


def _target_size(rng: random.Random, kind: str) -> int:
    # medians chosen so that 10,000 documents take about 89 MB, as in the issue
    median, sigma = {
        "answer": (9700, 0.55),
        "draft": (9000, 0.55),
        "questions": (3700, 0.45),
        "notice": (4100, 0.45),
    }[kind]
    size = int(math.exp(rng.gauss(math.log(median), sigma)))
    return max(2400, min(size, 37000))


def _groups(n: int, rng: random.Random, grouping: float, reorder: bool = True) -> list[list[int]]:
    """Partition 1..n into answer groups in reading order; some groups skip numbers
    that come later (``4, 6 en 7`` before ``5``)."""
    remaining = list(range(1, n + 1))
    groups: list[list[int]] = []
    while remaining:
        first = remaining[0]
        size = 1
        if len(remaining) >= 2 and rng.random() < grouping:
            size = rng.choice((2, 2, 2, 3, 3, 4))
            size = min(size, len(remaining))
        if reorder and size > 1 and len(remaining) >= size + 2 and rng.random() < 0.3:
            # non-contiguous: skip the next number, take later ones
            later = sorted(
                rng.sample(
                    remaining[2 : min(len(remaining), 7)], min(size - 1, len(remaining[2:7]))
                )
            )
            members = [first, *later]
        else:
            members = remaining[:size]
        groups.append(members)
        remaining = [n for n in remaining if n not in members]
    return groups


class Builder:
    def __init__(self, seed: str, index: int):
        self.rng = random.Random(f"qalint-bench:{seed}:{index}")
        self.index = index
        self.keys = 0

    def key(self, prefix: str) -> str:
        self.keys += 1
        return f"{prefix}{self.keys}"

    # -- dates and header ---------------------------------------------------------------

    def dates(self) -> tuple[dt.date, dt.date, bool]:
        rng = self.rng
        year = rng.choice((2014, 2015, 2019, 2021, 2022, 2023, 2023, 2024, 2024, 2024))
        submitted = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(330))
        late = rng.random() < 0.2
        delta = rng.randint(22, 42) if late else rng.randint(1, 21)
        return submitted, submitted + dt.timedelta(days=delta), late

    def officials(self) -> list[tuple[str, str]]:
        """The (title, portfolio) pairs the questions are put to; the first one answers."""
        if not hasattr(self, "_officials"):
            rng = self.rng
            portfolios = rng.sample(PORTFOLIOS, rng.choice((1, 1, 1, 2)))
            self._officials = [
                (rng.choice(("Minister", "Minister", "Staatssecretaris")), p) for p in portfolios
            ]
        return self._officials

    def member_line(self, words: Words, lower: bool) -> str:
        rng = self.rng
        names = rng.sample(SURNAMES, rng.choice((1, 1, 1, 2, 2, 3)))
        if len(names) == 1:
            askers = f"het lid {names[0]} ({words.pick(PARTIES)})"
        elif rng.random() < 0.4:
            word = "beiden" if len(names) == 2 else "allen"
            askers = (
                f"de leden {', '.join(names[:-1])} en {names[-1]} ({word} {words.pick(PARTIES)})"
            )
        else:
            parts = [f"{name} ({words.pick(PARTIES)})" for name in names]
            askers = f"de leden {', '.join(parts[:-1])} en {parts[-1]}"

        def title(text: str) -> str:
            return text.lower() if lower else text

        addressed = self.officials()
        if len(addressed) == 2 and addressed[0][0] == addressed[1][0] == "Minister":
            addressees = f"de {title('Minister')}s van {addressed[0][1]} en van {addressed[1][1]}"
        else:
            addressees = " en ".join(f"de {title(t)} van {p}" for t, p in addressed)
        if rng.random() < 0.5:
            subject = f"het bericht «{words.title()}»"
        else:
            subject = words.pick(TOPICS)
        return keep("Vragen van") + f" {askers} aan {addressees} over {subject}"

    def government_line(self, words: Words, what: str, lower: bool) -> str:
        """``Antwoord van Minister X (portfolio)``, signed by an addressee."""
        rng = self.rng

        def title(text: str) -> str:
            return text.lower() if lower else text

        addressed = self.officials()
        role, portfolio = addressed[0]
        text = keep(f"{what} van {title(role)}") + f" {words.pick(SURNAMES)} ({portfolio})"
        if len(addressed) == 2:
            role2, portfolio2 = addressed[1]
            if what == "Antwoord" and rng.random() < 0.4:
                text += f" en antwoord van {title(role2)} {words.pick(SURNAMES)} ({portfolio2})"
            else:
                text += f", mede namens de {title(role2)} van {portfolio2}"
        elif rng.random() < 0.2:
            text += f", mede namens de {title('Minister')} van {words.pick(PORTFOLIOS)}"
        return text

    # -- the plan -----------------------------------------------------------------------

    def plan(self) -> Plan:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            kind, flavour = "answer", rng.choice(("pypdf", "pdftotext"))
        elif roll < 0.70:
            kind, flavour = "draft", "docx"
        elif roll < 0.92:
            kind, flavour = "questions", rng.choice(("pypdf", "docx"))
        else:
            kind, flavour = "notice", "pypdf"
        submitted, received, late = self.dates()
        words = Words(rng, submitted.year)
        target = _target_size(rng, kind)
        nr = rng.randint(100, 3200)
        case = f"{submitted.year}Z{rng.randint(10000, 24999):05d}"
        year_session = session(received)
        ident = (
            f"kv-tk-{case}"
            if kind == "questions"
            else f"ah-tk-{year_session.replace(chr(0x2013), '')}-{nr}"
        )
        plan = Plan(kind, flavour, [], [], submitted, received, ident, year_session, received.year)
        if flavour == "docx" and rng.random() < 0.25:
            plan.newline = "\r\n"

        # header paragraphs
        h: list[list[Sentence]] = []
        received_mark = "received"
        delay = (
            f"Zie ook Aanhangsel Handelingen, vergaderjaar "
            f"{session(received, chr(0x2013) if flavour != 'docx' else '-')}, "
            f"nr. {rng.randint(100, nr + 100)}"
        )
        if kind in ("answer", "notice") and flavour != "docx":
            if flavour == "pypdf":
                h.append([Sentence("Tweede Kamer der Staten-Generaal2")])
                h.append([Sentence(f"Vergaderjaar {year_session} Aanhangsel van de Handelingen")])
            else:
                for line in (
                    "Tweede Kamer der Staten-Generaal",
                    "",
                    f"Vergaderjaar {year_session}",
                    "",
                    "2",
                    "",
                    "Aanhangsel van de Handelingen",
                    "",
                ):
                    h.append([Sentence(line)])
            h.append([Sentence("Vragen gesteld door de leden der Kamer, met de daarop door de")])
            h.append([Sentence("regering gegeven antwoorden")])
            if flavour == "pdftotext":
                h.append([Sentence("")])
            h.append([Sentence(str(nr))])
            h.append(
                [
                    Sentence(
                        self.member_line(words, False) + f" (ingezonden {dutch_date(submitted)})."
                    )
                ]
            )
            what = "Antwoord" if kind == "answer" else "Mededeling"
            gov = self.government_line(words, what, False)
            tail = f"{MARK}(ontvangen {dutch_date(received)})."
            if late and kind == "answer":
                tail += " " + delay + "."
            h.append([Sentence(gov + " " + tail, marks=(received_mark,))])
        elif kind == "questions" and flavour == "pypdf":
            h.append([Sentence("Tweede Kamer der Staten-Generaal2")])
            h.append(
                [
                    Sentence(
                        f"Vergaderjaar {session(submitted)} Vragen gesteld door de leden der Kamer"
                    )
                ]
            )
            h.append([Sentence(" ")])
            h.append([Sentence(case)])
            h.append(
                [
                    Sentence(
                        self.member_line(words, False) + f" (ingezonden {dutch_date(submitted)})."
                    )
                ]
            )
            plan.session = session(submitted)
            plan.year = submitted.year
        elif kind == "questions":  # a member's draft as sent to the Kamer
            h.append([Sentence(case)])
            h.append([Sentence("")])
            h.append([Sentence(f"(ingezonden {dutch_date(submitted)})")])
            h.append([Sentence("")])
            h.append([Sentence(self.member_line(words, True) + ".")])
            h.append([Sentence("")])
            h.append([Sentence(" ")])
            plan.session = session(submitted)
            plan.year = submitted.year
        else:  # a ministry draft, as the Word file sent to the Kamer
            h.append([Sentence(f"AH {nr}")])
            if rng.random() < 0.5:
                h.append([Sentence("")])
            h.append([Sentence(case)])
            h.append([Sentence("")])
            what = "Antwoord" if kind == "draft" else "Mededeling"
            gov = self.government_line(words, what, True)
            h.append(
                [
                    Sentence(
                        gov + f" {MARK}(ontvangen {dutch_date(received)})", marks=(received_mark,)
                    )
                ]
            )
            h.append([Sentence("")])
            if late and kind == "draft":
                h.append([Sentence(delay)])
                h.append([Sentence("")])
            plan.submitted = None  # a draft has no question header
        plan.header = h

        self.build_units(plan, words, target)
        return plan

    def question_sentences(
        self, words: Words, number: int, total: int, answers: bool, day: dt.date, allow_notes: bool
    ) -> list[Sentence]:
        rng = self.rng
        if number == total and rng.random() < 0.5:
            return [Sentence(words.pick(CLOSING_QUESTIONS), filler=False)]
        out: list[Sentence] = []
        if rng.random() < 0.35:
            out.append(Sentence(words.context()))
        if number == 1 or rng.random() < 0.08:
            text = f"Bent u bekend met het bericht «{words.title()}»?"
            if allow_notes and rng.random() < 0.7:
                out.append(Sentence(text + NOTE, notes=(words.note(day),), filler=False))
            else:
                out.append(Sentence(text, filler=False))
        elif answers and number > 2 and rng.random() < 0.08:
            target = rng.randint(1, number - 1)
            text = (
                f"Indien het {MARK}"
                + keep(f"antwoord op vraag {target}")
                + " bevestigend is, welke stappen zet u dan?"
            )
            key = self.key("r")
            out.append(Sentence(text, (key,), (), ((key, (target,)),), filler=False))
        else:
            out.append(Sentence(words.question(), filler=False))
        return out

    def reference(self, words: Words, own: set[int], n: int) -> Sentence | None:
        """A cross-reference to another question of the document (or to another document)."""
        rng = self.rng
        others = [k for k in range(1, n + 1) if k not in own]
        if not others:
            return None
        key = self.key("r")
        form = rng.randrange(9)
        k = rng.choice(others)
        if form == 0:
            return Sentence(
                MARK + keep(f"Zie ook het antwoord op vraag {k}") + ".",
                (key,),
                (),
                ((key, (k,)),),
                False,
            )
        if form == 1:
            return Sentence(
                MARK + keep(f"Zie het antwoord op vraag {k}") + ".",
                (key,),
                (),
                ((key, (k,)),),
                False,
            )
        if form == 2:
            return Sentence(
                "Voor het overige "
                + MARK
                + keep(f"verwijs ik u naar het antwoord op vraag {k}")
                + ".",
                (key,),
                (),
                ((key, (k,)),),
                False,
            )
        if form == 3 and len(others) >= 2:
            a, b = sorted(rng.sample(others, 2))
            return Sentence(
                MARK + keep(f"Zie de antwoorden op de vragen {a} en {b}") + ".",
                (key,),
                (),
                ((key, (a, b)),),
                False,
            )
        if form == 4:
            return Sentence(
                f"{cap(words.pick(TOPICS))} {words.pick(JUDGEMENTS)} ("
                + MARK
                + keep(f"zie ook het antwoord op vraag {k}")
                + ").",
                (key,),
                (),
                ((key, (k,)),),
                False,
            )
        if form == 5:
            return Sentence(
                "Zoals aangegeven in mijn "
                + MARK
                + keep(f"antwoord op vraag {k}")
                + f" {words.pick(VERBS)} {words.pick(ACTORS)} {words.pick(TOPICS)}.",
                (key,),
                (),
                ((key, (k,)),),
                False,
            )
        if form == 6 and k <= len(NUMBER_WORDS):
            return Sentence(
                MARK
                + keep(f"Zoals in antwoord {NUMBER_WORDS[k - 1]}")
                + f" is aangegeven, {words.pick(VERBS)} {words.pick(ACTORS)} "
                f"{words.pick(TOPICS)}.",
                (key,),
                (),
                ((key, (k,)),),
                False,
            )
        if form == 7:
            # another document: never resolved inside this one, whatever the number
            other = rng.randint(1, n + 12)
            name = words.pick(SURNAMES)
            return Sentence(
                keep(f"Zie ook het antwoord op vraag {other} van de vragen van het lid")
                + f" {name} ({words.pick(PARTIES)}) over {words.pick(TOPICS)} "
                f"({self.rng.choice((2023, 2024))}Z{rng.randint(10000, 24999)}).",
                filler=False,
            )
        if form == 8:
            other = rng.randint(1, n + 12)
            return Sentence(
                f"Ik verwijs hiervoor naar {keep(f'het antwoord op vraag {other}')} "
                f"(Aanhangsel Handelingen, vergaderjaar 2023\u20132024, nr. "
                f"{rng.randint(100, 2900)}).",
                filler=False,
            )
        return Sentence(
            MARK + keep(f"zie antwoord vraag {k}").capitalize() + ".",
            (key,),
            (),
            ((key, (k,)),),
            False,
        )

    def build_units(self, plan: Plan, words: Words, target: int) -> None:
        rng = self.rng
        kind, flavour = plan.kind, plan.flavour
        answers = kind in ("answer", "draft")
        day = (plan.submitted or plan.received) - dt.timedelta(days=rng.randint(1, 9))
        per_unit = rng.uniform(650, 1300) if answers else rng.uniform(230, 520)
        n = max(2, min(int(target / per_unit), 60 if answers else 40))
        # question and answer label styles for the whole document, as in real documents
        q_style, a_style = "vraag", "antwoord"
        if kind == "draft":
            q_style = rng.choice(("vraag", "vraag", "dot", "bare"))
            if q_style == "vraag":
                a_style = rng.choice(
                    ("antwoord", "antwoord", "antwoord-vraag", "antwoord-op", "bare")
                )
            elif q_style == "dot":
                a_style = rng.choice(("antwoord-vraag", "antwoord-vraag", "bare-colon", "bare"))
            else:
                a_style = rng.choice(("bare", "bare", "antwoord-vraag"))
        elif kind == "answer":
            a_style = rng.choice(("antwoord",) * 6 + ("antwoord-op", "bare"))
        elif kind == "questions" and flavour == "docx":
            q_style = rng.choice(("vraag", "dotline", "none", "none"))
        plan.end_notes = flavour == "docx"
        numbered = q_style in ("dot", "bare", "dotline", "none")
        grouping = 0.0 if not answers else (0.12 if numbered else 0.3)
        # numbered drafts are recognised by their sequence: no reordered groups there
        groups = _groups(n, rng, grouping, reorder=not numbered)
        allow_notes = not numbered or kind == "draft"
        notes_left = min(3, n) if numbered else 10**9  # note numbers stay below n + 1
        for members in groups:
            separate = len(members) > 1 and (
                numbered
                or (
                    members == list(range(members[0], members[0] + len(members)))
                    and len(members) <= 3
                    and rng.random() < 0.4
                )
            )
            heads = [[m] for m in members] if separate else [members]
            blocks = []
            for head in heads:
                block = Block(
                    self.key("q"), "question", list(head), q_style, number_list(head, rng)
                )
                if q_style == "vraag" and len(head) > 1 and rng.random() < 0.15:
                    block.style = "vragen"
                sentences = []
                for number in head:
                    sentences.extend(
                        self.question_sentences(
                            words, number, n, answers, day, allow_notes and notes_left > 0
                        )
                    )
                notes_left -= sum(len(s.notes) for s in sentences)
                block.paragraphs = [sentences]
                blocks.append(block)
            answer = None
            if answers:
                style = a_style
                answer = Block(
                    self.key("a"), "answer", list(members), style, number_list(members, rng)
                )
                if style == "antwoord-op" and len(members) == 1 and rng.random() < 0.3:
                    answer.style = "antwoord"
                first = Sentence(
                    rng.choice(("Ja.", "Nee.", "Ja.")) if rng.random() < 0.2 else words.filler()
                )
                paragraph = [first]
                answer.paragraphs = [paragraph]
                if rng.random() < 0.3:
                    ref = self.reference(words, set(members), n)
                    if ref is not None:
                        paragraph.append(ref)
                if rng.random() < 0.12:
                    when = day + dt.timedelta(days=rng.randint(20, 200))
                    paragraph.append(
                        Sentence(
                            f"Het overleg hierover vindt plaats op {WEEKDAYS[when.weekday()]} "
                            f"{dutch_date(when)}.",
                            filler=False,
                        )
                    )
                if allow_notes and notes_left > 0 and rng.random() < 0.15:
                    notes_left -= 1
                    paragraph.append(
                        Sentence(
                            f"Uit het rapport over {words.pick(TOPICS)}{NOTE} blijkt dat "
                            f"{words.pick(TOPICS)} {words.pick(JUDGEMENTS)}.",
                            notes=(words.note(day),),
                            filler=False,
                        )
                    )
            plan.units.append(Unit(blocks, answer))
        self.fill(plan, words, target)

    def estimate(self, plan: Plan) -> int:
        size = 0
        for paragraph in plan.header:
            size += sum(len(s.text) + 1 for s in paragraph) + 1
        for unit in plan.units:
            for block in unit.questions + ([unit.answer] if unit.answer else []):
                size += 14 + len(block.nums_text)
                for paragraph in block.paragraphs:
                    for s in paragraph:
                        size += len(s.text) + 1 + sum(len(note) + 4 for note in s.notes)
                    size += 2 if plan.flavour == "docx" else 1
        if plan.flavour != "docx":
            size = int(size * 1.06) + 80
        return int(size * 1.02)  # non-ASCII characters take two or three bytes

    def fill(self, plan: Plan, words: Words, target: int) -> None:
        """Add filler sentences until the estimated size reaches the target."""
        rng = self.rng
        answers = [u.answer for u in plan.units if u.answer is not None]
        size = self.estimate(plan)
        while size < target:
            if answers:
                block = answers[rng.randrange(len(answers))]
                if rng.random() < 0.3 and len(block.paragraphs[-1]) >= 3:
                    block.paragraphs.append([])
            else:
                unit = plan.units[rng.randrange(len(plan.units))]
                block = unit.questions[0]
            sentence = Sentence(words.filler() if answers else words.context())
            if answers:
                block.paragraphs[-1].append(sentence)
            else:
                block.paragraphs[0].insert(0, sentence)
            size += len(sentence.text) + 1


# --------------------------------------------------------------------------------------
# Injecting one known error


def inject(plan: Plan, builder: Builder, preferred: str) -> None:
    """Change the plan so that it holds exactly one error; record the expected findings."""
    rng = builder.rng
    candidates = {kind: fn(plan, rng) for kind, fn in _INJECTORS.items()}
    eligible = [kind for kind, apply in candidates.items() if apply is not None]
    if not eligible:
        return
    # the preferred kind, else the next eligible one in ERROR_KINDS order
    start = ERROR_KINDS.index(preferred)
    kind = next(k for k in ERROR_KINDS[start:] + ERROR_KINDS[:start] if k in eligible)
    candidates[kind]()
    plan.injected = kind


def _labelled(plan: Plan) -> bool:
    return all(q.style in ("vraag", "vragen") for u in plan.units for q in u.questions)


def _explicit(block: Block | None) -> bool:
    return block is not None and block.style not in ("bare", "bare-colon")


def _refs_to(plan: Plan, numbers: set[int]) -> list[tuple[str, str]]:
    """QA202 for every remaining reference that targets one of ``numbers``."""
    found = []
    for unit in plan.units:
        for block in unit.questions + ([unit.answer] if unit.answer else []):
            for paragraph in block.paragraphs:
                for sentence in paragraph:
                    for key, targets in sentence.refs:
                        found.extend(("QA202", key) for t in targets if t in numbers)
    return found


def _delete_answer(plan: Plan, rng: random.Random):
    if plan.kind not in ("answer", "draft") or len(plan.units) < 2:
        return None
    units = plan.units
    options = []
    for i, unit in enumerate(units):
        if unit.answer is None or any(NOTE in s.text for p in unit.answer.paragraphs for s in p):
            continue
        last = i == len(units) - 1
        if last or (_explicit(unit.answer) and _explicit(units[i + 1].answer)):
            options.append(i)
    if not options:
        return None

    def apply() -> None:
        i = options[rng.randrange(len(options))]
        unit = units[i]
        unit.answer = None
        numbers = {n for q in unit.questions for n in q.numbers}
        plan.expected += [("QA103", q.key + ":label") for q in unit.questions]
        if i + 1 < len(units):
            plan.expected.append(("QA105", units[i + 1].answer.key + ":nums"))
        plan.expected += _refs_to(plan, numbers)

    return apply


def _wrong_answer_number(plan: Plan, rng: random.Random):
    if plan.kind not in ("answer", "draft"):
        return None
    n = max(n for u in plan.units for q in u.questions for n in q.numbers)
    options = [
        u
        for u in plan.units
        if _explicit(u.answer) and len(u.answer.numbers) == 1 and len(u.questions) == 1
    ]
    if not options:
        return None

    def apply() -> None:
        unit = options[rng.randrange(len(options))]
        old = unit.answer.numbers[0]
        new = n + rng.randint(1, 5)
        unit.answer.nums_text = str(new)
        unit.answer.numbers = [new]
        plan.expected += [
            ("QA104", unit.answer.key + ":label"),
            ("QA105", unit.answer.key + ":nums"),
            ("QA103", unit.questions[0].key + ":label"),
        ]
        plan.expected += _refs_to(plan, {old})

    return apply


def _duplicate_question(plan: Plan, rng: random.Random):
    if not _labelled(plan) or not plan.units:
        return None
    options = [(u, j) for u in plan.units for j, q in enumerate(u.questions) if len(q.numbers) == 1]
    if not options:
        return None

    def apply() -> None:
        unit, j = options[rng.randrange(len(options))]
        original = unit.questions[j]
        copy = Block(
            original.key + "d",
            "question",
            list(original.numbers),
            original.style,
            original.nums_text,
            [
                [Sentence(s.text.replace(NOTE, ""), s.marks, (), s.refs, s.filler) for s in p]
                for p in original.paragraphs
            ],
        )
        # the copy's references get their own marks
        copy.paragraphs = [
            [
                Sentence(
                    s.text,
                    tuple(m + "d" for m in s.marks),
                    (),
                    tuple((k + "d", t) for k, t in s.refs),
                    s.filler,
                )
                for s in p
            ]
            for p in copy.paragraphs
        ]
        unit.questions.insert(j + 1, copy)
        plan.expected.append(("QA102", copy.key + ":label"))

    return apply


def _missing_reference(plan: Plan, rng: random.Random):
    options = [u.answer for u in plan.units if u.answer is not None]
    if plan.kind not in ("answer", "draft") or not options:
        return None
    n = max(n for u in plan.units for q in u.questions for n in q.numbers)

    def apply() -> None:
        block = options[rng.randrange(len(options))]
        target = n + rng.randint(1, 9)
        key = "injected-ref"
        text = rng.choice(
            (
                MARK + keep(f"Zie ook het antwoord op vraag {target}") + ".",
                MARK + keep(f"Zie het antwoord op vraag {target}") + ".",
                "Dit is eerder toegelicht ("
                + MARK
                + keep(f"zie ook het antwoord op vraag {target}")
                + ").",
            )
        )
        paragraph = block.paragraphs[rng.randrange(len(block.paragraphs))]
        paragraph.insert(
            rng.randint(0, len(paragraph)), Sentence(text, (key,), (), ((key, (target,)),), False)
        )
        plan.expected.append(("QA201", key))

    return apply


def _date_order(plan: Plan, rng: random.Random):
    if plan.submitted is None or plan.received is None or plan.kind not in ("answer", "notice"):
        return None
    if plan.flavour == "docx":
        return None

    def apply() -> None:
        wrong = plan.submitted - dt.timedelta(days=rng.randint(1, 25))
        for paragraph in plan.header:
            for i, sentence in enumerate(paragraph):
                if "received" in sentence.marks:
                    paragraph[i] = Sentence(
                        sentence.text.replace(
                            f"(ontvangen {dutch_date(plan.received)})",
                            f"(ontvangen {dutch_date(wrong)})",
                        ),
                        sentence.marks,
                        filler=False,
                    )
        plan.received = wrong
        plan.expected.append(("QA303", "received"))

    return apply


def _irregular_list(plan: Plan, rng: random.Random):
    options = []
    for unit in plan.units:
        blocks = unit.questions + ([unit.answer] if _explicit(unit.answer) else [])
        for block in blocks:
            if block.style in ("dot", "bare", "dotline", "none"):
                continue
            if len(block.numbers) >= 3 and ", " in block.nums_text:
                options.append(block)
    if not options:
        return None

    def apply() -> None:
        block = options[rng.randrange(len(options))]
        commas = [m.start() for m in re.finditer(", ", block.nums_text)]
        at = commas[rng.randrange(len(commas))]
        block.nums_text = block.nums_text[:at] + block.nums_text[at + 1 :]  # "9, 10" -> "9 10"
        plan.expected.append(("QA107", block.key + ":nums"))

    return apply


def _delete_question(plan: Plan, rng: random.Random):
    if plan.kind not in ("questions", "notice") or not _labelled(plan) or len(plan.units) < 3:
        return None

    def apply() -> None:
        i = rng.randrange(len(plan.units) - 1)
        deleted = plan.units.pop(i)
        following = deleted.questions[0].numbers[0] + 1
        for unit in plan.units:
            for block in unit.questions:
                if following in block.numbers:
                    plan.expected.append(("QA101", block.key + ":label"))

    return apply


_INJECTORS = {
    "delete-answer": _delete_answer,
    "wrong-answer-number": _wrong_answer_number,
    "duplicate-question": _duplicate_question,
    "missing-reference": _missing_reference,
    "date-order": _date_order,
    "irregular-list": _irregular_list,
    "delete-question": _delete_question,
}


# --------------------------------------------------------------------------------------
# Layout


_SPLIT = re.compile("( |" + KEEP + ")")
_UNMARK = str.maketrans({MARK: None, NOTE: None})


class Renderer:
    """Lays a plan out as lines, with page footers, footnotes, wrapping and artefacts."""

    def __init__(self, plan: Plan, rng: random.Random, track: bool = True, sink=None):
        self.plan = plan
        self.rng = rng
        self.track = track
        self.sink = sink  # a file: lines are flushed to it as they are made
        self.lines: list[str] = []
        self.flushed = 0
        self.mark_ids: list[str] = []
        self.note_number = 0
        self.page_notes: list[tuple[int, str]] = []
        self.end_notes: list[tuple[int, str]] = []
        self.page = 1
        self.page_lines = 0
        self.paged = plan.flavour in ("pypdf", "pdftotext")
        self.capacity = self._capacity()
        self.width = {"pypdf": 76, "pdftotext": 78, "docx": 10**9}[plan.flavour]
        self.new_page = False
        self.paging = True

    def _capacity(self) -> int:
        return self.rng.randint(38, 52)

    # -- low level ----------------------------------------------------------------------

    @property
    def count(self) -> int:
        return self.flushed + len(self.lines)

    def emit(self, line: str, label: bool = False) -> None:
        if self.paged and self.paging and self.page_lines >= self.capacity:
            self.footer()
            if label and self.plan.flavour == "pypdf" and self.rng.random() < 0.35:
                self.lines[-1] += line  # "...Aanhangsel 2Vraag 5": heading glued to the footer
                self.page_lines = 1
                self.new_page = False
                return
        if self.new_page:
            if self.plan.flavour == "pdftotext":
                line = "\f" + line
            self.new_page = False
        self.lines.append(line)
        self.page_lines += 1
        if self.sink is not None and len(self.lines) > 5000:
            self.flush(keep_last=1)

    def flush(self, keep_last: int = 0) -> None:
        cut = len(self.lines) - keep_last
        if cut <= 0:
            return
        self.sink.write(self.plan.newline.join(self.lines[:cut]) + self.plan.newline)
        self.flushed += cut
        del self.lines[:cut]

    def footer_lines(self) -> list[str]:
        plan = self.plan
        out: list[str] = []
        if plan.flavour == "pypdf":
            out += [f"{n}{text}" for n, text in self.page_notes]
            word = "Vragen" if plan.kind == "questions" else "Aanhangsel"
            out += [" ", "  "]
            if self.page == 1:
                out.append(plan.ident)
                if plan.kind == "questions":
                    out.append(
                        f"\u2019s-Gravenhage {plan.year} Tweede Kamer, vergaderjaar "
                        f"{plan.session}, {word} 1"
                    )
                else:
                    out.append(
                        f"ISSN 0921 - 7398\u2019s-Gravenhage {plan.year}Tweede Kamer, "
                        f"vergaderjaar {plan.session}, {word} 1"
                    )
            else:
                out.append(f"Tweede Kamer, vergaderjaar {plan.session}, {word} {self.page}")
        else:
            for n, text in self.page_notes:
                out.append(str(n))
                out.extend(self.wrap(text, self.width))
            out.append("")
            if self.page == 1:
                out += [plan.ident, "ISSN 0921 - 7398", f"\u2019s-Gravenhage {plan.year}", ""]
            out += [
                f"Tweede Kamer, vergaderjaar {plan.session}, Aanhangsel",
                "",
                str(self.page),
                "",
            ]
        return out

    def footer(self) -> None:
        lines = self.footer_lines()
        self.page_notes = []
        self.paging = False
        for line in lines:
            self.emit(line)
        self.paging = True
        self.page += 1
        self.page_lines = 0
        self.capacity = self._capacity()
        self.new_page = True

    def wrap(self, text: str, width: int, glue: float = 0.0, hyphen: float = 0.0) -> list[str]:
        parts = _SPLIT.split(text)
        lines: list[str] = []
        current = ""
        length = 0
        rng = self.rng
        for i in range(0, len(parts), 2):
            word = parts[i]
            kept = i > 0 and parts[i - 1] == KEEP
            size = len(word)
            if not current:
                current, length = word, size
                continue
            if length + 1 + size <= width:
                current += " " + word
                length += 1 + size
                continue
            previous = current[current.rfind(" ") + 1 :]
            if (
                glue
                and not kept
                and MARK not in word
                and MARK not in previous
                and rng.random() < glue
            ):
                current += word  # a line break lost in extraction: "AIinzetten"
                length = size
                continue
            if (
                hyphen
                and not kept
                and size >= 10
                and word.isalpha()
                and word.islower()
                and rng.random() < hyphen
            ):
                room = max(width - length - 2, 3)
                cut = min(room, size - 4)
                if cut >= 3:
                    lines.append(current + " " + word[:cut] + "-")
                    current, length = word[cut:], size - cut
                    continue
            lines.append(current)
            current, length = word, size
        if current or not lines:
            lines.append(current)
        return lines

    # -- content ------------------------------------------------------------------------

    def paragraph(
        self, sentences: list[Sentence], label_prefix: str = "", label_marks: tuple[str, ...] = ()
    ) -> None:
        flavour = self.plan.flavour
        texts = []
        markers: list[int] = []
        pending: list[tuple[int, str]] = []  # notes, placed once the markers are out
        for sentence in sentences:
            text = sentence.text
            for note in sentence.notes:
                self.note_number += 1
                number = self.note_number
                markers.append(number)
                if flavour == "pypdf":
                    text = text.replace(NOTE, "", 1)
                elif flavour == "pdftotext":
                    text = text.replace(NOTE, str(number), 1)
                else:
                    text = text.replace(NOTE, f" {number})", 1)
                pending.append((number, note))
            texts.append(text)
            if self.track:
                self.mark_ids.extend(sentence.marks)
        text = label_prefix + " ".join(texts)
        if not self.track:
            text = text.translate(_UNMARK)
        if flavour == "pypdf":
            lines = self.wrap(text, self.width, glue=0.75)
        elif flavour == "pdftotext":
            lines = self.wrap(text, self.width, hyphen=0.25)
        else:
            lines = [text.replace(KEEP, " ")]
        for line in lines:
            self.emit(line.replace(KEEP, " "))
        if flavour == "pypdf" and markers:
            # PyPDF2 puts superscripts on a line of their own, next to their paragraph
            paging, self.paging = self.paging, False
            self.emit(_marker_line(markers))
            self.paging = paging
        # a note sits at the bottom of the page where its paragraph ends (or at the end)
        (self.end_notes if self.plan.end_notes else self.page_notes).extend(pending)

    def label(self, block: Block) -> None:
        """Emit a question or answer label; its marks are ``key:label`` and ``key:nums``."""
        marks = (block.key + ":label", block.key + ":nums")
        style = block.style
        nums = block.nums_text
        many = len(block.numbers) > 1
        if style == "vraag":
            text = f"{MARK}Vraag {MARK}{nums}"
        elif style == "vragen":
            text = f"{MARK}Vragen {MARK}{nums}"
        elif style == "antwoord":
            text = f"{MARK}Antwoord {MARK}{nums}"
        elif style == "antwoord-op":
            text = f"{MARK}Antwoord op {'de vragen' if many else 'vraag'} {MARK}{nums}"
        elif style == "antwoord-vraag":
            text = f"{MARK}Antwoord {'vragen' if many else 'vraag'} {MARK}{nums}:"
            if self.rng.random() < 0.4:
                text += " "
        elif style == "bare":
            text = f"{MARK}{MARK}Antwoord"
        elif style == "bare-colon":
            text = f"{MARK}{MARK}Antwoord: "
        elif style == "dotline":
            text = f"{MARK}{MARK}{nums}."
        else:
            raise AssertionError(style)
        if self.track:
            self.mark_ids.extend(marks)
        else:
            text = text.translate(_UNMARK)
        self.emit(text, label=True)

    def block(self, block: Block) -> None:
        docx = self.plan.flavour == "docx"
        paragraphs = block.paragraphs
        style = block.style
        if style == "dot":  # "1. Bent u bekend met ...?" on one line
            marks = (block.key + ":label", block.key + ":nums")
            if self.track:
                self.mark_ids.extend(marks)
            self.paragraph(paragraphs[0], label_prefix=f"{MARK}{MARK}{block.nums_text}. ")
            rest = paragraphs[1:]
        elif style == "bare":
            if block.role == "question":  # a bare "1" line
                if self.track:
                    self.mark_ids.extend((block.key + ":label", block.key + ":nums"))
                self.emit(
                    f"{MARK}{MARK}{block.nums_text}" if self.track else block.nums_text, label=True
                )
            else:
                self.label(block)
            rest = paragraphs
        elif style == "none":  # an unnumbered question paragraph
            rest = paragraphs
        else:
            self.label(block)
            rest = paragraphs
        for i, paragraph in enumerate(rest):
            if not paragraph:
                continue
            if docx and (i > 0 or style in ("dot",)):
                self.emit("")
            self.paragraph(paragraph)
        if docx:
            self.emit("")

    def render(self) -> None:
        plan = self.plan
        for paragraph in plan.header:
            if (
                len(paragraph) == 1
                and "\n" not in paragraph[0].text
                and (plan.flavour == "docx" or len(paragraph[0].text) < 70)
            ):
                sentence = paragraph[0]
                if self.track:
                    self.mark_ids.extend(sentence.marks)
                    text = sentence.text
                else:
                    text = sentence.text.translate(_UNMARK)
                self.emit(text.replace(KEEP, " "))
            else:
                self._header_paragraph(paragraph)
        if plan.flavour == "docx" and plan.kind == "draft" and self.rng.random() < 0.5:
            self.emit("")
        for unit in plan.units:
            for block in unit.questions:
                self.block(block)
            if unit.answer is not None:
                self.block(unit.answer)
        self.finish()

    def _header_paragraph(self, paragraph: list[Sentence]) -> None:
        text = " ".join(s.text for s in paragraph)
        if self.track:
            for sentence in paragraph:
                self.mark_ids.extend(sentence.marks)
        else:
            text = text.translate(_UNMARK)
        for line in self.wrap(text, 74):
            self.emit(line.replace(KEEP, " "))

    def finish(self) -> None:
        plan = self.plan
        if self.end_notes:
            self.emit("")
            for number, text in self.end_notes:
                self.emit(f"{number}) {text}")
        if self.paged:
            self.footer()
            if plan.flavour == "pdftotext":
                self.lines.append("\f")  # pdftotext ends every page with a form feed
                self.new_page = False

    # -- output -------------------------------------------------------------------------

    def text_and_positions(self) -> tuple[str, dict[str, list[tuple[int, int]]]]:
        """The document text and the 1-based (line, column) of every mark."""
        positions: dict[str, list[tuple[int, int]]] = {}
        ids = iter(self.mark_ids)
        out = []
        for number, line in enumerate(self.lines, start=1):
            if MARK in line:
                column = 0
                pieces = line.split(MARK)
                for piece in pieces[:-1]:
                    column += len(piece)
                    positions.setdefault(next(ids), []).append((number, column + 1))
                line = "".join(pieces)
            out.append(line)
        leftover = next(ids, None)
        assert leftover is None, f"unplaced mark {leftover}"
        newline = self.plan.newline
        text = newline.join(out)
        if not text.endswith("\f"):
            text += newline
        return text, positions


def _marker_line(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return str(numbers[0])
    return ", ".join(str(n) for n in numbers[:-1]) + f" en {numbers[-1]}"


# --------------------------------------------------------------------------------------
# Documents and corpora


@dataclass
class Generated:
    name: str
    data: bytes
    expected: list[dict[str, object]]
    injected: str | None


def document(
    seed: str, index: int, inject_errors: bool = False, error_rate: float = 0.25
) -> Generated:
    """Document ``index`` of the corpus for ``seed``."""
    builder = Builder(str(seed), index)
    plan = builder.plan()
    # the decision to inject uses its own stream, so clean documents are the same with
    # and without --inject-errors
    decide = random.Random(f"qalint-bench-errors:{seed}:{index}")
    if inject_errors and decide.random() < error_rate:
        inject(plan, builder, ERROR_KINDS[index % len(ERROR_KINDS)])
    name = f"d{index // 1000:02d}/{index:05d}-{plan.kind}-{plan.flavour}.txt"
    for attempt in range(6):
        renderer = Renderer(plan, random.Random(f"qalint-bench-layout:{seed}:{index}:{attempt}"))
        renderer.render()
        text, positions = renderer.text_and_positions()
        data = text.encode("utf-8")
        if MIN_BYTES <= len(data) <= MAX_BYTES:
            break
        _resize(plan, builder, len(data))
    else:
        raise RuntimeError(f"document {index}: size {len(data)} out of range")
    expected = []
    for code, mark in plan.expected:
        ((line, column),) = positions[mark][:1]
        expected.append(
            {"path": name, "line": line, "column": column, "code": code, "injected": plan.injected}
        )
    expected.sort(key=lambda row: (row["line"], row["column"], row["code"]))
    return Generated(name, data, expected, plan.injected)


def _resize(plan: Plan, builder: Builder, size: int) -> None:
    """Bring an out-of-range document back into 2-40 KB by adding or dropping filler."""
    words = Words(builder.rng, plan.year)
    blocks = [u.answer for u in plan.units if u.answer is not None] or [
        q for u in plan.units for q in u.questions
    ]
    if not blocks:  # a notice without questions
        plan.header.append([Sentence(words.filler())])
        return
    if size < MIN_BYTES:
        while size < MIN_BYTES + 400:
            sentence = Sentence(words.filler())
            blocks[builder.rng.randrange(len(blocks))].paragraphs[-1].append(sentence)
            size += len(sentence.text) + 1
        return
    excess = size - MAX_BYTES + 1500
    for block in blocks:
        for paragraph in block.paragraphs:
            for sentence in list(paragraph):
                if excess > 0 and sentence.filler and len(paragraph) > 1:
                    paragraph.remove(sentence)
                    excess -= len(sentence.text) + 1


def write_corpus(
    outdir: Path,
    count: int,
    seed: str,
    inject_errors: bool = False,
    error_rate: float = 0.25,
    start: int = 0,
) -> dict[str, object]:
    outdir.mkdir(parents=True, exist_ok=True)
    total = 0
    injected: dict[str, int] = {}
    rows: list[dict[str, object]] = []
    for index in range(start, start + count):
        doc = document(seed, index, inject_errors, error_rate)
        path = outdir / doc.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(doc.data)
        total += len(doc.data)
        rows.extend(doc.expected)
        if doc.injected:
            injected[doc.injected] = injected.get(doc.injected, 0) + 1
    with open(outdir / "expected.jsonl", "w", encoding="utf-8") as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"documents": count, "bytes": total, "injected": injected, "expected": len(rows)}


def write_big(outdir: Path, lines: int, seed: str) -> Path:
    """One clean Aanhangsel answer (pdftotext layout) of exactly ``lines`` lines."""
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / f"big-{lines}.txt"
    builder = Builder(f"big:{seed}", lines)
    rng = builder.rng
    submitted = dt.date(2024, 10, 7)
    received = submitted + dt.timedelta(days=18)
    words = Words(rng, 2024)
    plan = Plan(
        "answer",
        "pdftotext",
        [],
        [],
        submitted,
        received,
        "ah-tk-20242025-999",
        session(received),
        2024,
    )
    plan.header = [
        [Sentence("Tweede Kamer der Staten-Generaal")],
        [Sentence("")],
        [Sentence(f"Vergaderjaar {plan.session}")],
        [Sentence("")],
        [Sentence("Aanhangsel van de Handelingen")],
        [Sentence("")],
        [Sentence("Vragen gesteld door de leden der Kamer, met de daarop door de")],
        [Sentence("regering gegeven antwoorden")],
        [Sentence("")],
        [Sentence("999")],
        [Sentence(builder.member_line(words, False) + f" (ingezonden {dutch_date(submitted)}).")],
        [
            Sentence(
                builder.government_line(words, "Antwoord", False)
                + f" (ontvangen {dutch_date(received)})."
            )
        ],
    ]
    with open(path, "w", encoding="utf-8", newline="") as sink:
        renderer = Renderer(
            plan, random.Random(f"big-layout:{seed}:{lines}"), track=False, sink=sink
        )
        for paragraph in plan.header:
            renderer._header_paragraph(paragraph)
        number = 0
        day = submitted - dt.timedelta(days=3)
        while renderer.count < lines - 400:
            size = rng.choice((1, 1, 1, 1, 1, 1, 2, 2, 3))
            members = list(range(number + 1, number + 1 + size))
            number += len(members)
            question = Block(
                builder.key("q"), "question", members, "vraag", number_list(members, rng)
            )
            question.paragraphs = [
                [
                    s
                    for m in members
                    for s in builder.question_sentences(words, m, 10**9, True, day, True)
                ]
            ]
            answer = Block(
                builder.key("a"), "answer", members, "antwoord", number_list(members, rng)
            )
            paragraph = [Sentence(words.filler()) for _ in range(rng.randint(1, 6))]
            if rng.random() < 0.3 and number > 3:
                ref = builder.reference(words, set(members), number)
                if ref is not None:
                    paragraph.append(ref)
            answer.paragraphs = [paragraph]
            if rng.random() < 0.4:
                answer.paragraphs.append(
                    [Sentence(words.filler()) for _ in range(rng.randint(1, 4))]
                )
            renderer.block(question)
            renderer.block(answer)
        # pad the last answer to land exactly on the requested line count
        renderer.paging = False
        tail = len(renderer.footer_lines()) + 1  # + the final form feed line
        while renderer.count + tail < lines:
            renderer.emit(words.filler()[:70])
        renderer.paging = True
        renderer.footer()
        renderer.lines.append("\f")
        text = plan.newline.join(renderer.lines)
        sink.write(text)
    return path


# --------------------------------------------------------------------------------------
# Comparing qalint's findings with expected.jsonl


def load_expected(outdir: Path) -> list[tuple[str, int, int, str]]:
    rows = []
    with open(outdir / "expected.jsonl", encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                row = json.loads(line)
                rows.append((row["path"], row["line"], row["column"], row["code"]))
    return rows


def actual_findings(
    data: dict,
    outdir: Path,
    base: Path | None = None,
    severities: tuple[str, ...] = ("error", "warning"),
) -> list[tuple[str, int, int, str]]:
    """Findings from qalint's JSON output, with paths relative to ``outdir``.

    ``base`` is the folder qalint ran in (its paths are relative to it, or absolute).
    """
    base = base or Path.cwd()
    out = []
    for diag in data["diagnostics"]:
        if diag["severity"] not in severities:
            continue
        path = Path(diag["path"])
        if not path.is_absolute():
            path = base / path
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(outdir))
        out.append((relative.replace(os.sep, "/"), diag["line"], diag["column"], diag["code"]))
    return out


_TEXT_FINDING = re.compile(
    r"(?P<path>.+?):(?P<line>[0-9]+):(?P<column>[0-9]+): (?P<code>QA[0-9]+) "
    r"\[(?P<severity>error|warning|info)\] "
)


def parse_text_output(text: str) -> dict:
    """qalint's text output (``path:line:col: CODE [severity] message``) in the shape of
    its JSON output, as far as actual_findings() needs it."""
    diagnostics = []
    for line in text.splitlines():
        match = _TEXT_FINDING.match(line)
        if match:
            diagnostics.append(
                {
                    "path": match["path"],
                    "line": int(match["line"]),
                    "column": int(match["column"]),
                    "code": match["code"],
                    "severity": match["severity"],
                }
            )
    return {"diagnostics": diagnostics}


def compare(expected: list[tuple], actual: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """(missing, unexpected) as multisets."""
    remaining: dict[tuple, int] = {}
    for row in expected:
        remaining[row] = remaining.get(row, 0) + 1
    unexpected = []
    for row in actual:
        if remaining.get(row, 0) > 0:
            remaining[row] -= 1
        else:
            unexpected.append(row)
    missing = [row for row, left in remaining.items() for _ in range(left)]
    return sorted(missing), sorted(unexpected)


def qalint_command() -> list[str]:
    """qalint with this interpreter: the installed script if there is one, else -m."""
    import sysconfig

    script = Path(sysconfig.get_path("scripts")) / "qalint"
    if script.is_file():
        with open(script, "rb") as stream:
            first = stream.readline()
        if first.startswith(b"#!") and b"python" in first:
            return [sys.executable, str(script)]
    return [sys.executable, "-m", "qalint"]


def check(outdir: Path, extra: tuple[str, ...] = ()) -> bool:
    command = [*qalint_command(), "check", "--format", "json", *extra, "."]
    result = subprocess.run(command, cwd=outdir, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        print(result.stderr, file=sys.stderr)
        print(f"qalint exited with {result.returncode}", file=sys.stderr)
        return False
    missing, unexpected = compare(
        load_expected(outdir),
        actual_findings(json.loads(result.stdout), outdir, outdir, ("error", "warning", "info")),
    )
    for row in missing:
        print("missing:    {}:{}:{}: {}".format(*row))
    for row in unexpected:
        print("unexpected: {}:{}:{}: {}".format(*row))
    print(f"check: {len(missing)} missing, {len(unexpected)} unexpected")
    return not missing and not unexpected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=0, help="number of documents to write")
    parser.add_argument("--seed", default="1", help="seed (any string; default 1)")
    parser.add_argument(
        "--inject-errors",
        action="store_true",
        help="inject one known error into a subset of the documents",
    )
    parser.add_argument(
        "--error-rate",
        type=float,
        default=0.25,
        help="share of documents with an injected error (default 0.25)",
    )
    parser.add_argument(
        "--lines",
        type=int,
        action="append",
        default=[],
        help="also write one large clean document of exactly this many lines "
        "(big-LINES.txt); may be repeated",
    )
    parser.add_argument(
        "--check", action="store_true", help="run qalint on OUTDIR and compare with expected.jsonl"
    )
    args = parser.parse_args(argv)
    if not args.count and not args.lines:
        parser.error("nothing to do: give --count and/or --lines")
    if args.count:
        summary = write_corpus(
            args.outdir, args.count, args.seed, args.inject_errors, args.error_rate
        )
        print(
            f"wrote {summary['documents']} documents ({summary['bytes']:,} bytes) to "
            f"{args.outdir}; injected errors: {summary['injected'] or 'none'}; "
            f"{summary['expected']} expected findings in expected.jsonl"
        )
    for lines in args.lines:
        path = write_big(args.outdir, lines, args.seed)
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    if args.check:
        return 0 if check(args.outdir) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
