"""The parser's cheap tests before its patterns must never disagree with the patterns.

Labels and artefact lines are first recognised by a look at how a line starts, and the
commonest labels are read by one short pattern; the full patterns decide the rest. When
someone adds a form to a full pattern and forgets the shortcut, these tests show it on
every line of the real corpus, the fixtures and the regressions.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qalint.parse.blocks import _plain_label, find_label
from qalint.parse.normalise import artefact_flags, is_artefact
from qalint.source import decode
from tests.helpers import CORPUS, REPO


def _lines() -> Iterator[str]:
    for folder in (CORPUS, REPO / "tests" / "rules", REPO / "tests" / "regressions"):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".txt", ".md"):
                try:
                    yield from decode(str(path), path.read_bytes()).lines
                except Exception:  # noqa: BLE001 - undecodable fixtures are not lines
                    continue


LINES = list(_lines())
#: Forms the corpus may lack: the shortcut must leave each to the full pattern.
EDGES = [
    "Vraag 4",
    "Vraag 04",
    "Vraag 0",
    "Vraag 1234567",
    "Vraag 4 en 5",
    "Vraag 4:",
    "Vraag  4",
    "Vraag 4 ",
    "Antwoord",
    "Antwoord 7",
    "Antwoord 7.",
    "Antwoorden 1 en 2",
    "Antwoord van de Minister",
    "**Vraag 2**",
    "\u00a0Vraag 3",
    "Vragen 1 tot en met 3",
    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 1Antwoord 3",
    "   ---   ",
    "ISSN 0921 - 7398",
    "\u2019s-Gravenhage 2024",
    "# 12",
    "kv-tk-2024Z01234",
]


def test_the_corpus_has_lines_to_test() -> None:
    assert len(LINES) > 10_000


@pytest.mark.parametrize("lines", [LINES, EDGES], ids=["corpus", "edges"])
def test_artefact_shortcut_agrees_with_the_pattern(lines: list[str]) -> None:
    flags = artefact_flags(tuple(lines))
    disagree = [line for line, flag in zip(lines, flags, strict=True) if flag != is_artefact(line)]
    assert disagree == []
    assert any(flags)  # the shortcut lets real artefacts through to the pattern


@pytest.mark.parametrize("lines", [LINES, EDGES], ids=["corpus", "edges"])
def test_plain_label_reads_what_find_label_reads(lines: list[str]) -> None:
    read = 0
    for index, line in enumerate(lines):
        plain = _plain_label(line, index)
        if plain is not None:
            read += 1
            assert plain == find_label(line, index), line
    assert read > 0


def test_edges_that_the_shortcut_must_leave_alone() -> None:
    # Leading zeros, over-long numbers and lists are the full grammar's (QA004, QA107).
    for line in ("Vraag 04", "Vraag 1234567", "Vraag 4 en 5", "Antwoorden 1 en 2"):
        assert _plain_label(line, 0) is None
        assert find_label(line, 0) is not None
