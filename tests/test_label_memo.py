"""find_labels' per-process memo of judged lines (blocks._JUDGED and _JUDGED_BEFORE).

With a memo far smaller than the corpus, generations are handed over many times: every
document must still read as the full forms read it, the memo must stay bounded, and a
document's own number (which no other document repeats) must not be kept.
"""

from __future__ import annotations

import pytest

from qalint.parse import blocks
from qalint.parse.blocks import find_label, find_labels
from qalint.parse.normalise import is_artefact
from tests.helpers import fixture_lines

DOCUMENTS = [lines for _, lines in fixture_lines()]


@pytest.fixture
def small_memo(monkeypatch: pytest.MonkeyPatch) -> int:
    size = 7
    monkeypatch.setattr(blocks, "_JUDGED_SIZE", size)
    monkeypatch.setattr(blocks, "_JUDGED", {})
    monkeypatch.setattr(blocks, "_JUDGED_BEFORE", {})
    return size


def test_documents_read_alike_while_the_memo_turns_over(small_memo: int) -> None:
    handed_over = 0
    for _ in range(2):
        for lines in DOCUMENTS:
            before = blocks._JUDGED_BEFORE.copy()
            labels, artefact, _, no_text = find_labels(lines)
            handed_over += blocks._JUDGED_BEFORE != before
            expected = [
                (index, label)
                for index, line in enumerate(lines)
                if (label := find_label(line, index))
            ]
            if any(label.role == "question" for _, label in expected):  # no numbered draft
                assert [(label[1], label) for label in labels] == expected
            assert artefact == [is_artefact(line) for line in lines]
            assert no_text == [
                index
                for index, line in enumerate(lines)
                if not line.strip(" \t\u00a0\f\v") or artefact[index]
            ]
            assert len(blocks._JUDGED) <= small_memo
            assert len(blocks._JUDGED_BEFORE) <= small_memo
    assert handed_over > 10


def test_a_documents_own_number_is_not_kept(small_memo: int) -> None:
    lines = ("ah-tk-20232024-127", "kv-tk-2024Z20539", "Vraag 1", "Antwoord")
    assert find_labels(lines)[1] == [True, True, False, False]
    assert set(blocks._JUDGED) == {"Vraag 1", "Antwoord"}


def test_page_furniture_that_is_no_artefact_is_kept(small_memo: int) -> None:
    # A bare "Vergaderjaar" line opens as an artefact does and heads most documents'
    # pages; other prose is not kept.
    lines = ("Vergaderjaar 2023–2024", "Vragen van het lid X", "\fDe minister", "Vraag 1")
    assert find_labels(lines)[1] == [False, False, False, False]
    assert set(blocks._JUDGED) == {"Vergaderjaar 2023–2024", "Vraag 1"}
    assert find_labels(lines)[0] == [
        ("question", 3, 0, 7, find_label("Vraag 1", 3)[4], "", "Vraag 1", "1")
    ]
