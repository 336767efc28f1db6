"""Immutable records, declared as ``typing.NamedTuple`` classes are, made at a tenth of
the cost.

Making a NamedTuple class compiles its ``__new__`` from source (``collections.namedtuple``
evaluates a lambda) and checks every annotation: about 80 us a class, and qalint makes
some twenty before it checks its first file, a few per cent of a pre-commit run.
``Record`` makes the same kind of class without compiling anything: a tuple subclass
with a read-only property per field (the C accessor that ``namedtuple`` uses),
``_fields``, ``_field_defaults``, ``_make``, ``_replace``, ``_asdict``, NamedTuple's
``repr``, copying and pickling, and ``__match_args__``. Type checkers see
``typing.NamedTuple`` itself, so a record is checked as one.

    class Span(Record):
        line: int
        column: int = 1

Only the class that names ``Record`` as its base gets fields; a subclass of a record is
an ordinary subclass, as with NamedTuple. ``tests/test_records.py`` holds the two side
by side.

A record's own constructor is Python code, at twice the cost of tuple's. The parser
builds many records per document (spans, tokens, labels, blocks, footnote markers), so
it calls tuple's constructor directly: ``new(Span, (line, column, end_line,
end_column))``. That skips defaults and argument checks, so every field is given, in
order, by code that computes them itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

#: Builds a record from a tuple of all its fields (see above).
new = tuple.__new__

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    try:  # the accessor collections.namedtuple uses, written in C
        from _collections import _tuplegetter
    except ImportError:  # another Python implementation
        from operator import itemgetter

        def _tuplegetter(index: int, doc: str) -> property:
            return property(itemgetter(index), doc=doc)

    _root: type | None = None  # Record, once made

    class _RecordType(type):
        def __new__(
            mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]
        ) -> _RecordType:
            if _root is None or bases != (_root,):  # Record itself, or a record's subclass
                return super().__new__(mcls, name, bases, namespace)
            fields = tuple(namespace.get("__annotations__", {}))
            defaults = {field: namespace.pop(field) for field in fields if field in namespace}
            required = fields[: len(fields) - len(defaults)]
            if any(field in defaults for field in required):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            namespace.update(
                __slots__=(),
                _fields=fields,
                _field_defaults=defaults,
                __match_args__=fields,
                __new__=_constructor(name, fields, defaults),
            )
            namespace.setdefault("__doc__", f"{name}({', '.join(fields)})")
            for index, field in enumerate(fields):
                namespace[field] = _tuplegetter(index, f"Alias for field number {index}")
            return super().__new__(mcls, name, bases, namespace)

    def _constructor(name: str, fields: tuple[str, ...], defaults: dict[str, Any]) -> Any:
        size = len(fields)

        def __new__(cls: type, *values: Any, **named: Any) -> Any:
            if len(values) == size and not named:
                return new(cls, values)
            if len(values) > size:
                raise TypeError(f"{name}() takes {size} arguments but {len(values)} were given")
            given = list(values)
            for field in fields[len(values) :]:
                if field in named:
                    given.append(named.pop(field))
                elif field in defaults:
                    given.append(defaults[field])
                else:
                    raise TypeError(f"{name}() missing required argument: '{field}'")
            if named:
                raise TypeError(
                    f"{name}() got an unexpected keyword argument '{next(iter(named))}'"
                )
            return new(cls, given)

        __new__.__qualname__ = f"{name}.__new__"
        return __new__

    class Record(tuple, metaclass=_RecordType):
        """The base of the records (see the module's documentation)."""

        # No annotations here: typing.get_type_hints() would find them in every record.
        __slots__ = ()

        @classmethod
        def _make(cls, iterable: Any) -> Any:
            made = new(cls, iterable)
            if len(made) != len(cls._fields):
                raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(made)}")
            return made

        def _replace(self, **changes: Any) -> Any:
            made = self._make(map(changes.pop, self._fields, self))
            if changes:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
            return made

        def _asdict(self) -> dict[str, Any]:
            return dict(zip(self._fields, self, strict=True))

        def __getnewargs__(self) -> tuple[Any, ...]:
            return tuple(self)

        def __repr__(self) -> str:
            shown = ", ".join(
                f"{field}={value!r}" for field, value in zip(self._fields, self, strict=True)
            )
            return f"{type(self).__name__}({shown})"

    _root = Record


__all__ = ["Record", "new"]
