"""The immutable document model that rules read.

Everything here is a record (``qalint.records.Record``: a ``typing.NamedTuple`` to type
checkers, and one in behaviour) holding tuples, strings and numbers, so a rule (or a
third-party plugin) cannot change what the next rule sees: not by assignment, and not by
``object.__setattr__`` either, which a frozen dataclass would let through. Tuples are
also the cheapest immutable records Python has to build for every span of every
document, and a Record class costs a tenth of a NamedTuple class to define at start-up.
"""

import datetime as dt
import enum

from qalint import pattern_cache
from qalint.records import Record, new


class Span(Record):
    """A range in the original input.

    Lines and columns are 1-based; the end is exclusive. Columns count Unicode code
    points. Lines are counted the way ``grep -n`` and editors count them: only ``\\n``,
    ``\\r\\n`` and ``\\r`` end a line; a form feed, ``\\v`` or U+2028 does not. A UTF-8
    byte-order mark is not counted.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int = 1) -> "Span":
        return cls(line, column, line, column + 1)

    def to_json(self) -> dict[str, int]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


class Kind(str, enum.Enum):
    """What sort of Kamervragen document this is (DOMAIN.md section 2)."""

    ANSWER = "answer"
    QUESTION_SET = "question-set"
    DELAY_NOTICE = "delay-notice"
    MINISTRY_DRAFT = "ministry-draft"
    MEMBERS_DRAFT = "members-draft"
    ORAL_QUESTIONS = "oral-questions"
    UNKNOWN = "unknown"

    @property
    def requires_answers(self) -> bool:
        # A set made once: reading two members of an enum costs more than the whole test.
        return self in _REQUIRE_ANSWERS


_REQUIRE_ANSWERS = frozenset((Kind.ANSWER, Kind.MINISTRY_DRAFT))


class NumberList(Record):
    """A parsed list of question numbers such as ``4, 6 en 7`` or ``2 t/m 6``."""

    numbers: tuple[int, ...]
    raw: str
    span: Span
    #: Separators that do not follow the grammar, e.g. the missing comma in ``9 10``.
    irregular: bool = False
    #: Problems such as an over-long range or a non-ASCII digit (Dutch messages).
    problems: tuple[str, ...] = ()


class Block(Record):
    """A question or answer: its label and the text up to the next label."""

    role: str  # "question" or "answer"
    #: The label as written (``Vraag 4, 6 en 7``, ``Antwoord``, ``1.``).
    label: str
    label_span: Span
    #: The numbers this block covers. For a bare ``Antwoord`` these are inferred.
    numbers: tuple[int, ...]
    #: Where the numbers were written; None when the label carries no numbers.
    number_list: NumberList | None
    #: From the first to the last text of the body (footnote texts at a page bottom are
    #: no text of the body they interrupt).
    body_span: Span
    #: Number of text lines in the body: not blank, no artefact, no footnote text.
    body_lines: int
    #: Position among all blocks of the document, in reading order. (As a field name it
    #: shadows ``tuple.index``, which a record never needs.)
    index: int  # type: ignore[assignment]

    @property
    def explicit(self) -> bool:
        return self.number_list is not None


class Reference(Record):
    """A cross-reference inside the document, e.g. ``zie ook het antwoord op vraag 5``."""

    phrase: str
    span: Span
    targets: tuple[int, ...]
    #: Index of the block the reference stands in, or None before the first block.
    block_index: int | None


class DateField(Record):
    """A date as written, e.g. ``ingezonden 3 juni 2014`` or ``dinsdag 3 juni 2014``."""

    role: str  # "submitted", "received" or "text"
    text: str
    span: Span
    value: dt.date | None
    #: Why ``value`` is None (Dutch), e.g. ``31 februari 2014 bestaat niet``.
    problem: str | None = None
    weekday: str | None = None


class Person(Record):
    name: str
    party: str | None = None


class Token(Record):
    """A word, or a single parenthesis, of a header line, where it stands in the input.

    Words are runs of characters other than white space and parentheses; a word that
    was hyphenated across a line break is one token whose span covers both lines.
    """

    text: str
    span: Span


#: Splits a header element into white space and tokens (words and single parentheses),
#: alternating and starting and ending with white space (which may be empty).
_TOKEN_SPLIT = pattern_cache.compile(r"([()]|[^\s()]+)")


class HeaderLine(Record):
    """One header element (question header or government line) with its text."""

    text: str
    span: Span
    #: Where ``text`` stands in the input, one entry per input line it comes from:
    #: the offset in ``text`` where the next line's part starts (``sys.maxsize`` for the
    #: last), the line (1-based), and what turns an offset in ``text`` into a 1-based
    #: column on that line. Empty for number lines, which have no tokens.
    pieces: tuple[tuple[int, int, int], ...] = ()

    @property
    def words(self) -> list[str]:
        """The texts of ``tokens``, without their positions (cheap)."""
        return _TOKEN_SPLIT.findall(self.text) if self.pieces else []

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The words and parentheses of ``text`` in reading order, where each stands.

        Computed when asked, not when parsing: most documents need no token's position,
        and these are the most numerous records of a document.
        """
        if not self.pieces:
            return ()
        pieces = iter(self.pieces)
        limit, line, shift = -1, 0, 0  # the first token takes the first piece
        found: list[Token] = []
        # The parts' lengths give the offsets, without a match object per token.
        parts = iter(_TOKEN_SPLIT.split(self.text))
        stop = len(next(parts))
        for word, space in zip(parts, parts, strict=True):
            first = stop
            stop = first + len(word)
            while first >= limit:
                limit, line, shift = next(pieces)
            first_line, column = line, first + shift
            while stop > limit:  # a word hyphenated across lines ends in a later piece
                limit, line, shift = next(pieces)
            # tuple's own constructor (qalint.records.new): a line can hold a hundred tokens.
            found.append(new(Token, (word, new(Span, (first_line, column, line, stop + shift)))))
            stop += len(space)
        return tuple(found)


class Official(Record):
    """A minister or state secretary named in the header.

    ``role`` is ``addressee`` (the questions are put to them), ``signer`` (``Antwoord
    van Minister X (...)``, also a second signer ``en antwoord van ...``) or
    ``co-signer`` (``mede namens`` / ``mede ondertekend door``).
    """

    role: str
    #: ``minister``, ``staatssecretaris`` or ``minister-president`` (lower case).
    title: str
    #: The portfolio as written: ``Buitenlandse Zaken``, ``BZ``, ``Financiën - Fiscaliteit
    #: en Belastingdienst``; empty when none is written.
    portfolio: str
    span: Span
    #: The person's name for a signer (``Timmermans``); None when not written.
    name: str | None = None


class Header(Record):
    """The fields of DOMAIN.md section 3; absent fields are None or empty."""

    question_header: HeaderLine | None = None
    #: ``het lid`` or ``de leden`` as written, also wrongly (``het leden``, ``de leden lid``).
    member_form: str | None = None
    askers: tuple[Person, ...] = ()
    #: The portfolios the questions are put to (see ``addressed`` for titles and spans).
    addressees: tuple[str, ...] = ()
    subject: str | None = None
    government_line: HeaderLine | None = None
    #: The portfolios of who answers, signers and co-signers (see ``signers``).
    respondents: tuple[str, ...] = ()
    submitted: tuple[DateField, ...] = ()
    received: tuple[DateField, ...] = ()
    #: Earlier Aanhangsel numbers named in ``Zie ook Aanhangsel Handelingen ... nr. N``.
    delay_references: tuple[str, ...] = ()
    case_number: HeaderLine | None = None
    aanhangsel_number: HeaderLine | None = None
    #: Where ``member_form`` is written.
    member_form_span: Span | None = None
    #: The ministers and state secretaries the questions are put to, one per portfolio.
    addressed: tuple[Official, ...] = ()
    #: Who answers: signers and co-signers of the government line.
    signers: tuple[Official, ...] = ()

    @property
    def element_lines(self) -> tuple[HeaderLine, ...]:
        """The question header and the government line, those that are present."""
        return tuple(
            line for line in (self.question_header, self.government_line) if line is not None
        )


class FootnoteMarker(Record):
    """A footnote reference in the text: ``»?1``, ``jl.2``, ``[1 ]``, `` 1)``, a lone ``1`` line."""

    number: int
    span: Span
    #: How it is written: ``glued``, ``bracket``, ``paren``, ``line`` (a number line or a
    #: number opening a line), ``caret`` (Markdown ``[^1]``).
    form: str = ""


class FootnoteNote(Record):
    """A footnote text, at the page bottom or the end: ``1 NOS, 22 oktober 2024, ...``.

    ``span`` covers the note's number; ``text`` is the first line of the note.
    """

    number: int
    text: str
    span: Span
    #: ``glued`` (``1NOS``), ``spaced`` (``1 NOS``), ``lone`` (number on its own line, the
    #: text below), ``paren`` (``1) NOS``), ``bracket`` (``[1] NOS``) or ``caret``
    #: (Markdown ``[^1]: NOS``).
    form: str = ""


class ParseProblem(Record):
    """Something the parser could not make sense of; reported by a QA0xx rule."""

    message: str
    span: Span


class Document(Record):
    path: str
    kind: Kind
    #: The decoded input split into lines as ``Span`` counts them (no line ends).
    lines: tuple[str, ...]
    header: Header = Header()
    questions: tuple[Block, ...] = ()
    answers: tuple[Block, ...] = ()
    references: tuple[Reference, ...] = ()
    dates: tuple[DateField, ...] = ()
    footnote_markers: tuple[FootnoteMarker, ...] = ()
    footnote_notes: tuple[FootnoteNote, ...] = ()
    problems: tuple[ParseProblem, ...] = ()

    @property
    def is_blank(self) -> bool:
        return all(not line.strip() for line in self.lines)

    @property
    def asked(self) -> frozenset[int]:
        """Every number that appears in a question heading."""
        return frozenset(n for block in self.questions for n in block.numbers)

    @property
    def answered(self) -> frozenset[int]:
        """Every number that an answer covers (explicitly or by a bare ``Antwoord``)."""
        return frozenset(n for block in self.answers for n in block.numbers)

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Questions and answers in reading order."""
        return tuple(sorted(self.questions + self.answers, key=lambda b: b.index))

    def question_for(self, number: int) -> Block | None:
        """The first question block that covers ``number``."""
        for block in self.questions:
            if number in block.numbers:
                return block
        return None

    def answer_for(self, number: int) -> Block | None:
        """The first answer block that covers ``number``."""
        for block in self.answers:
            if number in block.numbers:
                return block
        return None
