"""The rule contract: ``Rule``, ``Severity`` and ``Diagnostic``."""

import enum
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

from qalint import pattern_cache
from qalint.model import Document, Span
from qalint.records import Record

CODE_RE = pattern_cache.compile(r"[A-Z]{2,4}[0-9]{3}\Z")
NAME_RE = pattern_cache.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Related(Record):
    """The other end of a problem: the question that lacks an answer, the first duplicate."""

    span: Span
    message: str


class Diagnostic(Record):
    path: str
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    related: tuple[Related, ...] = ()

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.code, self.message)


class NoOptions:
    """Options of a rule that has none."""

    # Nothing can be set on it, so every rule and file can share one.
    __slots__ = ()


def option_names(options_cls: object) -> tuple[str, ...] | None:
    """The field names of a rule's ``Options``, a ``typing.NamedTuple`` (or a
    ``qalint.records.Record``) or a dataclass; None for anything else.

    Built-in rules use records: making a frozen dataclass (and importing ``dataclasses``
    for it) costs every run about 3% of its start-up, and a record next to nothing. A
    class made by ``dataclasses`` has ``__dataclass_fields__``, so the module is
    imported here only once a plugin has imported it already.
    """
    if not isinstance(options_cls, type):
        return None
    if issubclass(options_cls, tuple):
        fields = getattr(options_cls, "_fields", None)
        if isinstance(fields, tuple) and all(isinstance(name, str) for name in fields):
            return fields
        return None
    if not hasattr(options_cls, "__dataclass_fields__"):
        return None
    import dataclasses

    if not dataclasses.is_dataclass(options_cls):
        return None
    return tuple(field.name for field in dataclasses.fields(options_cls))


#: The options of every rule that has none: making one for each rule and file cost more
#: than many a rule's whole check.
_NO_OPTIONS = NoOptions()


_K = TypeVar("_K")
_T = TypeVar("_T")

#: What ``per_document`` functions gave, by function: ``(argument, value)``.
_per_document: dict[object, tuple[object, object]] = {}


def per_document(compute: Callable[[_K], _T]) -> Callable[[_K], _T]:
    """``compute``, computed once for all the rules that ask it about one document (or
    a part of it, such as its lines): each rule deriving the same data for itself costs
    more than many a rule's whole check. The argument is recognised by identity, and
    kept alive while it is, so that no other can take its id. The runner forgets every
    value when a file's rules have run (``forget_documents``): no document outlives its
    check."""

    def shared(argument: _K) -> _T:
        found = _per_document.get(compute)
        if found is None or found[0] is not argument:
            found = _per_document[compute] = (argument, compute(argument))
        return found[1]  # type: ignore[return-value]

    return shared


def _join(lines: tuple[str, ...]) -> str:
    return "\n".join(lines)


#: The lines of a document joined by line feeds, made once for all the rules that search
#: the whole text at once (one ``str.find`` over the text costs less than a test of
#: every line).
joined_lines = per_document(_join)


def share_text(lines: tuple[str, ...], text: str) -> None:
    """Let ``joined_lines(lines)`` give ``text``, which must equal ``"\n".join(lines)``:
    the runner has the decoded text already, and joining a document's lines costs ~13 us
    (more when one character makes the text wide), ~3% of checking it."""
    _per_document[_join] = (lines, text)


def forget_documents() -> None:
    """Drop what ``per_document`` functions keep (called once a file's rules have run)."""
    _per_document.clear()


class Rule:
    """Base class of every rule, built-in or third-party.

    Subclasses set ``code``, ``name`` and ``severity``, may set ``Options`` to a
    ``typing.NamedTuple`` or a frozen dataclass of typed options with defaults, and
    implement ``check``. The class docstring is the
    rule's documentation: a one-line summary, then ``## Why is this bad?``,
    ``## Example``, ``## Use instead`` and, where there are options, ``## Options``.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[Any]] = NoOptions

    def __init__(self, path: str, options: Any = None, severity: Severity | None = None):
        self.path = path
        if options is None:
            options = _NO_OPTIONS if self.Options is NoOptions else self.Options()
        self.options = options
        self.effective_severity = severity or self.severity

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        """The findings on ``doc``: a generator, or any collection of them (a check that
        has nothing to look at can return ``()`` without starting a generator)."""
        raise NotImplementedError

    def report(self, span: Span, message: str, related: tuple[Related, ...] = ()) -> Diagnostic:
        # Positional: a record's constructor reads keywords in Python.
        return Diagnostic(
            self.path, self.code, self.name, self.effective_severity, message, span, related
        )

    @classmethod
    def summary(cls) -> str:
        import inspect

        doc = inspect.getdoc(cls) or ""
        return doc.strip().splitlines()[0] if doc.strip() else ""

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.getdoc(cls) or ""
