"""Helpers shared by the numbering rules (and the reference rules)."""

from collections.abc import Iterable, Iterator
from itertools import chain
from operator import attrgetter

from qalint.model import Block, Document
from qalint.rules import per_document

_NUMBERS = attrgetter("numbers")


def numbers_of(blocks: Iterable[Block]) -> Iterator[int]:
    """The numbers that ``blocks`` cover, in order, repeats included (gathered in C, for
    the quick tests that show most documents have nothing to report)."""
    return chain.from_iterable(map(_NUMBERS, blocks))


class Numbers:
    """The question numbers of a document as sets, and whether one comes twice. (A plain
    class: a NamedTuple costs more to define at start-up than it saves. No sequence of
    the numbers is kept: tuples of every length, freed, fill the interpreter's free
    lists, and peak memory over many documents rose with them.)"""

    __slots__ = ("answered", "answered_twice", "asked", "asked_twice")

    def __init__(self, doc: Document) -> None:
        # Comprehensions: here they cost less than numbers_of() and list().
        asked = [number for block in doc.questions for number in block.numbers]
        answered = [number for block in doc.answers for number in block.numbers]
        #: ``doc.asked``: the numbers of the question headings.
        self.asked = frozenset(asked)
        #: ``doc.answered``: the numbers the answers cover.
        self.answered = frozenset(answered)
        #: Whether a number heads two questions, or two answers cover one number.
        self.asked_twice = len(self.asked) != len(asked)
        self.answered_twice = len(self.answered) != len(answered)


#: The numbers of a document, gathered once for the seven rules that read them
#: (gathering them in each cost more than most of those rules' checks).
numbers = per_document(Numbers)
