"""Small helpers for Dutch messages."""

from __future__ import annotations

from collections.abc import Iterable


def join_numbers(numbers: Iterable[int]) -> str:
    """``[4, 6, 7]`` -> ``4, 6 en 7``."""
    items = [str(n) for n in numbers]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def question_word(numbers: Iterable[int]) -> str:
    """``vraag 4`` or ``vragen 4 en 6``."""
    items = list(numbers)
    return ("vraag " if len(items) == 1 else "vragen ") + join_numbers(items)
