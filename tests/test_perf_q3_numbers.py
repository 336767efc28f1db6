"""The question numbers that the numbering and reference rules share
(``qalint_plugins.numbering._numbers.numbers``, gathered once per document)."""

from __future__ import annotations

from qalint_plugins.numbering._numbers import numbers

from qalint.model import Block, Document, Kind, Span

_SPAN = Span(1, 1, 1, 1)


def _document(
    asked: tuple[tuple[int, ...], ...], answered: tuple[tuple[int, ...], ...]
) -> Document:
    def blocks(role: str, groups: tuple[tuple[int, ...], ...]) -> tuple[Block, ...]:
        return tuple(
            Block(role, role, _SPAN, group, None, _SPAN, 1, i) for i, group in enumerate(groups)
        )

    return Document(
        "x",
        Kind.ANSWER,
        (),
        questions=blocks("question", asked),
        answers=blocks("answer", answered),
    )


def test_each_document_has_its_own_numbers() -> None:
    first = _document(((1,), (2, 3), (2,)), ((1, 2),))
    twin = _document(((1,), (2, 3), (2,)), ((1, 2),))
    other = _document(((4,),), ())
    for doc in (first, first, other, first, twin, other, other):
        found = numbers(doc)
        assert found.asked == tuple(n for block in doc.questions for n in block.numbers)
        assert found.answered == tuple(n for block in doc.answers for n in block.numbers)
        assert found.asked_set == doc.asked
        assert found.answered_set == doc.answered
    assert numbers(first) is numbers(first)
    assert numbers(twin) is not numbers(first)
