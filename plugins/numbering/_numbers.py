"""Helpers shared by the numbering rules."""

from collections.abc import Iterable, Iterator
from itertools import chain
from operator import attrgetter

from qalint.model import Block

_NUMBERS = attrgetter("numbers")


def numbers_of(blocks: Iterable[Block]) -> Iterator[int]:
    """The numbers that ``blocks`` cover, in order, repeats included (gathered in C, for
    the quick tests that show most documents have nothing to report)."""
    return chain.from_iterable(map(_NUMBERS, blocks))
