"""Helpers shared by the numbering rules (and the reference rules)."""

from collections.abc import Iterable, Iterator
from itertools import chain
from operator import attrgetter

from qalint.model import Block, Document

_NUMBERS = attrgetter("numbers")


def numbers_of(blocks: Iterable[Block]) -> Iterator[int]:
    """The numbers that ``blocks`` cover, in order, repeats included (gathered in C, for
    the quick tests that show most documents have nothing to report)."""
    return chain.from_iterable(map(_NUMBERS, blocks))


class Numbers:
    """The question numbers of a document, in order with repeats, and as sets. (A plain
    class: a NamedTuple costs more to define at start-up than it saves.)"""

    __slots__ = ("answered", "answered_set", "asked", "asked_set")

    def __init__(self, asked: tuple[int, ...], answered: tuple[int, ...]) -> None:
        #: The numbers of the question headings (``doc.asked`` is their set).
        self.asked = asked
        #: The numbers the answers cover (``doc.answered`` is their set).
        self.answered = answered
        self.asked_set = frozenset(asked)
        self.answered_set = frozenset(answered)


#: The last document and its numbers, as one pair (so that both are always replaced
#: together): seven rules read them, and gathering them in each cost more than most of
#: those rules' checks. The document is kept alive, so it is recognised by identity.
_last: tuple[Document | None, Numbers] = (None, Numbers((), ()))


def numbers(doc: Document) -> Numbers:
    """The question numbers of ``doc``, gathered once for all the rules that read it."""
    global _last
    last_doc, found = _last
    if doc is not last_doc:
        found = Numbers(tuple(numbers_of(doc.questions)), tuple(numbers_of(doc.answers)))
        _last = (doc, found)
    return found
