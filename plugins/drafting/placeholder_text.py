import re
from collections.abc import Iterator

from qalint.model import Document, Span
from qalint.rules import Diagnostic, Rule, Severity

#: Placeholders anywhere in a line. No pattern has nested quantifiers; the bracketed
#: ones are bounded, so every line is scanned in linear time.
_PLACEHOLDER = re.compile(
    r"\[\[[^\[\]\n]{0,200}\]\]"  # text marked for attention: [[bedrag]]
    r"|\[[ ]?(?:in te vullen|invullen|nog invullen|aan te vullen|aanvullen|nog aanvullen"
    r"|datum|naam|aantal|bedrag|nummer|kenmerk|titel|bron|link|volgt|PM|p\.m\.|XXX+|TODO"
    r"|\.\.\.|…|\?+)[ ]?\]"  # [invullen], [datum], [...]
    r"|<(?:naam|datum|aantal|bedrag|nummer|kenmerk|titel|bron|link|invullen|x+|\.\.\.)>"
    r"|(?<![\w.\-])(?:PM|P\.M\.|p\.m\.)(?![\w\-])(?![ ]?(?:post|raming|bedrag)\b)(?-i:(?! [A-Z][a-z]))"
    r"|(?<![\w\-])(?:XXX+|xxx+|TODO|TBD)(?![\w\-])"
    r"|\?\?+"
    r"|\bnog (?:aan|in) te vullen\b",
    re.IGNORECASE,
)
#: Case matters for these: "PM" is a placeholder, "pm" in "10 pm" is not; "Xxx" is a name.
_CASE_SENSITIVE = re.compile(r"(?:PM|P\.M\.|p\.m\.|XXX+|xxx+|TODO|TBD)\Z")
#: A line (or answer) that says only that the text will follow.
_WILL_FOLLOW = re.compile(
    r"[\[(]?[ ]?(?:(?:antwoord|tekst|reactie|beantwoording)[ ]+)?volgt(?:[ ]+(?:nog|later))?[ ]?[\])]?[.!]?",
    re.IGNORECASE,
)
_ELLIPSIS = ("[...]", "[…]", "[ ... ]", "[ … ]")
#: Quotation marks that open and close; ’ is left out because it is also an apostrophe.
_PAIRS = (("«", "»"), ("“", "”"), ("„", "”"))


class PlaceholderText(Rule):
    """The text still holds a placeholder: `PM`, `XXX`, `TODO`, `[invullen]`, `<naam>`, `??`, `volgt`.

    ## Why is this bad?
    Drafts are assembled from contributions of several directorates, and what is not
    known yet is marked with a placeholder to be filled in later. A draft with a
    placeholder must not be signed: an answer that says `PM` or `[datum]` in the
    Aanhangsel is an embarrassment for the minister. Recognised: `PM` and `p.m.`
    (not the budget term `p.m.-post`), `XXX`, `TODO`, bracketed placeholders such as
    `[invullen]`, `[datum]`, `[naam]` and `[...]` (an omission `[...]` inside a
    quotation is fine), `<naam>`, `??`, `nog aan te vullen`, highlighted `[[...]]`,
    and an answer or line that says only `volgt` or `antwoord volgt`.

    ## Example
    ```text
    Antwoord 2
    In 2024 zijn XXX meldingen ontvangen; de kosten bedragen PM.

    Antwoord 3
    Volgt.
    ```

    ## Use instead
    ```text
    Antwoord 2
    In 2024 zijn 132 meldingen ontvangen; de kosten bedragen € 2,4 miljoen.

    Antwoord 3
    Nee. De regeling is in 2023 geëvalueerd.
    ```
    """

    code = "QA601"
    name = "placeholder-text"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        quotes = _Quotes()
        for index, line in enumerate(doc.lines):
            stripped = line.strip()
            if not stripped:
                quotes = _Quotes()  # a quotation does not run over a blank line
                continue
            if _WILL_FOLLOW.fullmatch(stripped):
                start = line.index(stripped[0])
                yield self.report(Span(index + 1, start + 1, index + 1, start + len(stripped) + 1),
                                  f"'{stripped}' is een plaatshouder: de tekst moet nog worden geschreven")
                continue
            position = 0
            for match in _PLACEHOLDER.finditer(line):
                found = match.group()
                if not _is_placeholder(found):
                    continue
                quotes.read(line[position:match.start()])
                position = match.start()
                if found in _ELLIPSIS and quotes.inside:
                    continue  # «er geen twijfel [...] kan bestaan»: an omission in a quotation
                yield self.report(
                    Span(index + 1, match.start() + 1, index + 1, match.end() + 1),
                    f"'{found[:40]}' is een plaatshouder: vul de tekst in voordat het stuk "
                    f"wordt ondertekend",
                )
            quotes.read(line[position:])
        yield from self._answers_that_will_follow(doc)

    def _answers_that_will_follow(self, doc: Document) -> Iterator[Diagnostic]:
        """``Antwoord 3: Volgt.``: the answer text on the label line."""
        for block in doc.answers:
            span = block.body_span
            if span.line != block.label_span.line or block.body_lines != 1:
                continue
            text = doc.lines[span.line - 1][span.column - 1:].strip()
            if text and _WILL_FOLLOW.fullmatch(text):
                yield self.report(span, f"'{text}' is een plaatshouder: de tekst moet nog worden geschreven")


def _is_placeholder(found: str) -> bool:
    if found[0] in "[<?" or found.lower().startswith("nog"):
        return True
    return _CASE_SENSITIVE.match(found) is not None  # "PM", not "pm" in "10 pm"


class _Quotes:
    """Quotation marks open so far in the paragraph."""

    def __init__(self) -> None:
        self.open = [0] * len(_PAIRS)
        self.straight = 0

    def read(self, text: str) -> None:
        for position, (opening, closing) in enumerate(_PAIRS):
            self.open[position] = max(self.open[position] + text.count(opening) - text.count(closing), 0)
        self.straight = (self.straight + text.count('"')) % 2

    @property
    def inside(self) -> bool:
        return any(self.open) or self.straight == 1
