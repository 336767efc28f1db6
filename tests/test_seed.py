"""The 2014 example (Mali) and the mutations of it that the core issue names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import SEED, check_output

pytestmark = pytest.mark.skipif(SEED is None, reason="../shared/corpus/seed is not present")


def _findings(tmp_path: Path, text: str) -> list[dict[str, object]]:
    (tmp_path / "concept.txt").write_text(text, encoding="utf-8")
    _, output = check_output(["concept.txt"], tmp_path, output_format="json")
    return [d for d in json.loads(output)["diagnostics"] if d["severity"] == "error"]


def _seed() -> str:
    assert SEED is not None
    return SEED.read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_seed_has_no_error(tmp_path: Path) -> None:
    # "Vraag 4, 6 en 7" before "Vraag 5" is legal grouping, not an error.
    assert _findings(tmp_path, _seed()) == []


def test_deleting_an_answer_block_gives_one_unanswered_question(tmp_path: Path) -> None:
    text = _seed()
    start = text.index("Antwoord 8\n")
    end = text.index("Vraag 9\n")
    mutated = text[:start] + text[end:]
    unanswered = [d for d in _findings(tmp_path, mutated) if d["code"] == "QA103"]
    assert len(unanswered) == 1
    assert unanswered[0]["line"] == _line_of(mutated, "Vraag 8")
    assert unanswered[0]["column"] == 1


def test_shrunk_answer_group_gives_a_group_error_at_that_line(tmp_path: Path) -> None:
    mutated = _seed().replace("Antwoord 4, 6 en 7", "Antwoord 4 en 6")
    groups = [d for d in _findings(tmp_path, mutated) if d["code"] == "QA105"]
    assert len(groups) == 1
    assert groups[0]["line"] == _line_of(mutated, "Antwoord 4 en 6")


def test_reference_to_a_missing_question_points_at_the_reference(tmp_path: Path) -> None:
    mutated = _seed().replace("Zie ook het antwoord op vraag 5", "Zie ook het antwoord op vraag 12")
    refs = [d for d in _findings(tmp_path, mutated) if d["code"] == "QA201"]
    assert len(refs) == 1
    line = _line_of(mutated, "Zie ook het antwoord op vraag 12")
    column = mutated.split("\n")[line - 1].index("Zie ook") + 1
    assert (refs[0]["line"], refs[0]["column"]) == (line, column)


def test_received_before_submitted_points_at_the_received_date(tmp_path: Path) -> None:
    mutated = _seed().replace("(ontvangen 30 juni 2014)", "(ontvangen 30 mei 2014)")
    order = [d for d in _findings(tmp_path, mutated) if d["code"] == "QA303"]
    assert len(order) == 1
    line = _line_of(mutated, "(ontvangen 30 mei 2014)")
    column = mutated.split("\n")[line - 1].index("(ontvangen") + 1
    assert (order[0]["line"], order[0]["column"]) == (line, column)
