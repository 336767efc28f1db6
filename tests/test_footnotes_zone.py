"""_Pages.in_zone walks from the line asked about; it must agree with the one backward
pass over the whole document that it replaced (_note_zone below)."""

from __future__ import annotations

import random

from qalint.parse.blocks import find_labels
from qalint.parse.footnotes import _BLANK, _ZONE_LINES, _Pages
from qalint.parse.normalise import content_start
from tests.helpers import fixture_lines


def _note_zone(
    lines: tuple[str, ...], label_ends: dict[int, int], artefact: list[bool]
) -> list[bool]:
    """Lines near a page end: no label between them and the next footer (or the end)."""
    result = [False] * len(lines)
    distance = 0
    open_zone = True  # the end of the document is a page end
    for index in range(len(lines) - 1, -1, -1):
        if artefact[index] or content_start(lines[index]) > 0:
            open_zone, distance = True, 0
            continue
        if index in label_ends:
            open_zone = False
            continue
        if lines[index].strip(_BLANK):
            distance += 1
        result[index] = open_zone and distance <= _ZONE_LINES
    return result


def _agrees(lines: tuple[str, ...], label_ends: dict[int, int], artefact: list[bool]) -> None:
    pages = _Pages(lines, label_ends, artefact)
    expected = _note_zone(lines, label_ends, artefact)
    assert [pages.in_zone(index) for index in range(len(lines))] == expected, lines


def test_in_zone_agrees_with_the_whole_pass_over_the_corpus() -> None:
    documents = 0
    for _, lines in fixture_lines():
        labels, artefact, _, _ = find_labels(lines)
        _agrees(lines, {label[1]: label[3] for label in labels}, artefact)
        documents += 1
    assert documents


def test_in_zone_agrees_with_the_whole_pass_on_random_documents() -> None:
    chooser = random.Random(9)
    pieces = ["", " \u00a0", "tekst", "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 3Antwoord"]
    zones = 0
    for _ in range(3000):
        count = chooser.randint(1, 120)
        lines = tuple(chooser.choice(pieces) for _ in range(count))
        artefact = [chooser.random() < 0.03 for _ in range(count)]
        label_ends = {i: 1 for i in range(count) if chooser.random() < 0.02}
        _agrees(lines, label_ends, artefact)
        zones += sum(_note_zone(lines, label_ends, artefact))
    assert zones
