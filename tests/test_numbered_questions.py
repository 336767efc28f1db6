"""_with_numbered_questions merges the answers in at the number lines only, so that its
walk over every line tests just the first character: it must give what the plain walk
gives (each line an answer or tried as the next numbered question, in turn), over the
fixtures and over random drafts whose answer lines open with blanks or digits too.
"""

from __future__ import annotations

import random
import re

import pytest

from qalint.parse import blocks
from qalint.parse.blocks import find_label
from qalint.parse.normalise import is_artefact
from tests.helpers import fixture_lines

_NUMBERED = re.compile(blocks._NUMBERED)


def _plain_walk(lines: tuple[str, ...], labels: list, artefact: list[bool]) -> list:
    """The full form: every line looked up among the answers, then tried."""
    answers_at = {label[1]: label for label in labels}
    result = []
    expected = 1
    answer_seen = True
    for index, line in enumerate(lines):
        if index in answers_at:
            result.append(answers_at[index])
            answer_seen = True
            continue
        if artefact[index]:
            continue
        match = _NUMBERED.match(line)
        if match is None or int(match["num"]) != expected:
            continue
        rest = line[match.end() :].strip(blocks._BLANK)
        if rest and not match["mark"]:
            continue
        if (labels and answer_seen) or blocks._asks(lines, index, rest):
            start, end = match.start("num"), match.end()
            written = line[start:end].strip(blocks._LABEL_TRIM).rstrip(":.")
            numbers = ((expected,), start, match.end("num"), False, ())
            result.append(("question", index, start, end, numbers, rest, written, match["num"]))
            expected += 1
            answer_seen = False
    return result


def _answers(lines: tuple[str, ...], artefact: list[bool]) -> list:
    """What find_labels hands over: the answer labels, in order."""
    found = (find_label(line, index) for index, line in enumerate(lines) if not artefact[index])
    return [tuple(label) for label in found if label is not None and label.role == "answer"]


def _agrees(lines: tuple[str, ...]) -> bool:
    artefact = [is_artefact(line) for line in lines]
    answers = _answers(lines, artefact)
    got = blocks._with_numbered_questions(lines, answers, artefact)
    assert got == _plain_walk(lines, answers, artefact), lines
    return any(label[0] == "question" for label in got)


def test_the_fixtures_agree() -> None:
    # Every fixture, as if it had no question labels (most of them then have numbered
    # lines that read as questions).
    assert sum(_agrees(lines) for _, lines in fixture_lines()) > 20


_PIECES = [
    "",
    " ",
    "1.",
    "1",
    "2)",
    " 2. Bent u bekend?",
    "3 Zie de brief",
    "3. Waarom?",
    "\u00a04) Hoe?",
    "4. Wat vindt u?",
    "Antwoord",
    " Antwoord",
    "Antwoord 2",
    "1 Antwoord",
    "\fAntwoord 3",
    "Antwoord op vraag 1:",
    "Ja.",
    "Nee?",
    "Tweede Kamer, vergaderjaar 2023–2024, Aanhangselnummer 12 1",
    "ah-tk-20232024-12",
    # An answer glued to a page footer, on a line that reads as a numbered question too.
    "1. Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 3Antwoord",
    "2. Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 12Antwoord 1",
    "5",
    "01. Vraag?",
]


@pytest.mark.parametrize("seed", range(4))
def test_random_drafts_agree(seed: int) -> None:
    chance = random.Random(seed)
    drafts = 0
    for _ in range(400):
        lines = tuple(chance.choice(_PIECES) for _ in range(chance.randrange(1, 40)))
        drafts += _agrees(lines)
    assert drafts > 100
