from collections.abc import Iterable, Iterator

from qalint.model import Document, HeaderLine, Token
from qalint.rules import Diagnostic, Rule, Severity


class UnbalancedParenthesis(Rule):
    """A parenthesis in the question header or the government line is not closed, or not opened.

    ## Why is this bad?
    The header is the first thing a reader of the Aanhangsel sees, and it is printed
    as the ministry sends it. A portfolio whose parenthesis runs into the received
    date, `(Volksgezondheid, Welzijn en Sport (ontvangen ...)`, has reached the Kamer
    in published documents. The finding points at the parenthesis that has no partner.
    A parenthesis left open by a doubled phrase, `(ontvangen (ontvangen 7 juni
    2024)`, is reported once, by QA402 `doubled-phrase`.

    ## Example
    ```text
    Antwoord van staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport
    (ontvangen 20 november 2024)
    ```

    ## Use instead
    ```text
    Antwoord van staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport)
    (ontvangen 20 november 2024)
    ```
    """

    code = "QA401"
    name = "unbalanced-parenthesis"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        header = doc.header
        # The element lines, without building their tuple; most have their parentheses
        # closed one by one, told in C: "(PVV) ... (ontvangen 7 juni 2024)", and then
        # without starting a generator.
        question, government = header.question_header, header.government_line
        if (question is None or _closed_one_by_one(question.text)) and (
            government is None or _closed_one_by_one(government.text)
        ):
            return ()
        return self._unbalanced(doc)

    def _unbalanced(self, doc: Document) -> Iterator[Diagnostic]:
        header = doc.header
        for line in (header.question_header, header.government_line):
            if line is not None and not _closed_one_by_one(line.text):
                yield from self._check_line(line)

    def _check_line(self, line: HeaderLine) -> Iterator[Diagnostic]:
        tokens = line.tokens
        open_at: list[int] = []
        for index, token in enumerate(tokens):
            if token.text == "(":
                open_at.append(index)
            elif token.text == ")":
                if open_at:
                    open_at.pop()
                else:
                    before = _words(tokens[max(index - 3, 0) : index])
                    yield self.report(token.span, f"haakje ')' na '{before}' is nooit geopend")
        for index in open_at:
            if _doubled(tokens, index):
                continue  # "(ontvangen (ontvangen 7 juni 2024)": QA402 doubled-phrase
            after = _words(tokens[index : index + 5])
            yield self.report(tokens[index].span, f"haakje in '{after}' wordt niet gesloten")


def _closed_one_by_one(text: str) -> bool:
    """Whether the parentheses of ``text`` read ``()()...``: each closed before the next
    opens, so none is reported. Every parenthesis of a header line is a token of its own,
    so the text tells this without the tokens."""
    before, *opened = text.split("(")
    if ")" in before:
        return False
    for part in opened:  # a loop: a generator for all() costs more than the tests
        if part.count(")") != 1:
            return False
    return True


def _doubled(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the parenthesis at ``index`` opens a phrase that is repeated right after."""
    for following in range(index + 2, min(index + 5, len(tokens))):
        if tokens[following].text == "(":
            size = following - index
            first = [t.text.lower() for t in tokens[index:following]]
            second = [t.text.lower() for t in tokens[following : following + size]]
            return first == second
    return False


def _words(tokens: tuple[Token, ...]) -> str:
    """Tokens as they read: no space after '(' or before ')'."""
    text = ""
    for token in tokens:
        if text and not text.endswith("(") and token.text != ")":
            text += " "
        text += token.text
    return text[:60]
