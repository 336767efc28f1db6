"""``qalint.records.Record`` behaves as ``typing.NamedTuple`` does, for each thing the
model's users do with a record: the same class declared both ways, side by side."""

from __future__ import annotations

import copy
import pickle
import typing
from typing import Any, NamedTuple

import pytest

from qalint import discovery, model, rules, source
from qalint.parse import blocks, footnotes, normalise, numbers
from qalint.records import Record


class Point(Record):
    """A point."""

    x: int
    y: int = 0
    label: tuple[str, ...] = ()

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, by: int) -> Point:
        return self._replace(x=self.x + by)


class PointNT(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    label: tuple[str, ...] = ()

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, by: int) -> PointNT:
        return self._replace(x=self.x + by)


class Bare(Record):
    a: str
    b: str


class BareNT(NamedTuple):
    a: str
    b: str


CASES: list[tuple[Any, Any]] = [
    (lambda cls: cls(1, 2, ("p",)), None),
    (lambda cls: cls(3), None),
    (lambda cls: cls(x=4, label=("q",)), None),
    (lambda cls: cls(5, y=6), None),
    (lambda cls: cls._make([7, 8, ()]), None),
]


def _outcome(make: Any, cls: type) -> tuple[str, Any]:
    try:
        made = make(cls)
    except (TypeError, ValueError) as exc:
        return type(exc).__name__, None
    return "ok", made


@pytest.mark.parametrize("make", [case[0] for case in CASES])
def test_records_are_made_and_read_as_namedtuples(make: Any) -> None:
    record, twin = make(Point), make(PointNT)
    assert tuple(record) == tuple(twin) and record == twin and hash(record) == hash(twin)
    assert repr(record) == repr(twin).replace("PointNT", "Point")
    assert (record.x, record.y, record.label, record.norm) == (
        twin.x,
        twin.y,
        twin.label,
        twin.norm,
    )
    assert record._asdict() == twin._asdict()
    assert record._replace(y=9) == twin._replace(y=9) and type(record._replace()) is Point
    assert record.moved(2) == twin.moved(2) and type(record.moved(2)) is Point
    assert copy.copy(record) == record and copy.deepcopy(record) == record
    assert type(copy.deepcopy(record)) is Point
    again = pickle.loads(pickle.dumps(record))
    assert again == record and type(again) is Point
    match record:
        case Point(x, y):
            assert (x, y) == (twin.x, twin.y)
        case _:
            pytest.fail("a record matches its positional pattern")


@pytest.mark.parametrize(
    "make",
    [
        lambda cls: cls(),
        lambda cls: cls(1, 2, (), 4),
        lambda cls: cls(1, z=2),
        lambda cls: cls(1, x=2),
        lambda cls: cls._make([1]),
        lambda cls: cls(1)._replace(z=3),
    ],
)
def test_wrong_arguments_fail_as_with_namedtuples(make: Any) -> None:
    assert _outcome(make, Point)[0] == _outcome(make, PointNT)[0] != "ok"


def test_a_record_class_has_what_a_namedtuple_class_has() -> None:
    for record, twin in ((Point, PointNT), (Bare, BareNT)):
        assert record._fields == twin._fields
        assert record._field_defaults == twin._field_defaults
        assert record.__match_args__ == twin.__match_args__
        assert typing.get_type_hints(record) == typing.get_type_hints(twin)
        assert issubclass(record, tuple) and record.__slots__ == ()
    assert Point.__doc__ == "A point." and Bare.__doc__ == "Bare(a, b)"
    with pytest.raises(AttributeError):
        Point(1).x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Point(1).z = 2  # type: ignore[attr-defined]


def test_a_subclass_of_a_record_keeps_its_fields() -> None:
    class Named(Point):
        @property
        def name(self) -> str:
            return f"p{self.x}"

    assert Named._fields == Point._fields and Named(1, 2).name == "p1"
    assert Named(1, 2) == Point(1, 2)


def test_a_field_without_a_default_cannot_follow_one_with_a_default() -> None:
    with pytest.raises(TypeError):

        class Wrong(Record):
            a: int = 1
            b: int


@pytest.mark.parametrize(
    "cls",
    [
        value
        for module in (model, rules, source, discovery, blocks, footnotes, normalise, numbers)
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, tuple) and value is not Record
    ],
    ids=lambda cls: cls.__name__,
)
def test_the_model_records_match_their_namedtuple_twins(cls: type) -> None:
    """Every record of the model, the rule and reader API and the parser has the fields,
    types and defaults of the NamedTuple it replaced (made here from its annotations)."""
    hints = typing.get_type_hints(cls)
    twin = NamedTuple(cls.__name__, list(hints.items()))  # type: ignore[misc]
    twin.__new__.__defaults__ = tuple(cls._field_defaults.values()) or None  # type: ignore[attr-defined]
    assert cls._fields == twin._fields
    values = [object() for _ in cls._fields]
    assert repr(cls(*values)) == repr(twin(*values))
    required = len(cls._fields) - len(cls._field_defaults)
    assert cls(*values[:required]) == twin(*values[:required])
