"""Damaged forms of a cache file of qalint's (a marshalled ``(stamp, entries)`` pair):
the pattern cache and the module cache must both take each for no file at all."""

from __future__ import annotations

import marshal
from collections.abc import Callable

Damage = Callable[[bytes], bytes]


def _with_entries(data: bytes, entries: Callable[[dict[object, object]], object]) -> bytes:
    stamp, old = marshal.loads(data)
    return marshal.dumps((stamp, entries(old)))


#: Damage any such file can suffer, by name.
DAMAGE: dict[str, Damage] = {
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "garbage": lambda data: b"\x00garbage" * 10,
    "stamp": lambda data: marshal.dumps((("another", "interpreter"), marshal.loads(data)[1])),
    "shape": lambda data: marshal.dumps(("not", "a", "cache")),
    "entries": lambda data: _with_entries(data, lambda old: ["no", "dict"]),
    "bad-entry": lambda data: _with_entries(data, lambda old: {k: ("x",) for k in old}),
}


def damage_cases(own: dict[str, Damage]) -> tuple[list[Damage], list[str]]:
    """``DAMAGE`` and a cache's ``own`` damage, as pytest's argvalues and ids."""
    cases = {**DAMAGE, **own}
    return list(cases.values()), list(cases)
