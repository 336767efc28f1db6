from collections.abc import Iterable
from operator import attrgetter

from qalint.model import Document, Span
from qalint.rules import Diagnostic, Rule, Severity

_LINE = attrgetter("span.line")


class QuestionWithoutQuestionMark(Rule):
    """A question block has no question mark in any of its sentences.

    ## Why is this bad?
    A question that asks nothing is often a paragraph of introduction that was
    numbered as a question, two questions merged into one, or a question whose last
    sentence was cut off. Real questions sometimes end in a request (`Wilt u de Kamer
    hierover informeren.`, `Graag een reactie.`), so this is information, not an
    error. Footnote texts that PDF text puts inside a question do not count.

    ## Example
    ```text
    Vraag 3
    Wanneer kan de Kamer de informatie verwachten zoals aangegeven in het verslag
    van een schriftelijk overleg.
    ```

    ## Use instead
    ```text
    Vraag 3
    Wanneer kan de Kamer de informatie verwachten zoals aangegeven in het verslag
    van een schriftelijk overleg?
    ```
    """

    code = "QA603"
    name = "question-without-question-mark"
    severity = Severity.INFO

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # Findings are gathered in a list: a generator costs more than the usual check.
        found: list[Diagnostic] = []
        note_lines = set(map(_LINE, doc.footnote_notes))  # in C: a comprehension is a call
        lines = doc.lines
        for block in doc.questions:
            if not block.body_lines:
                continue  # an empty question is a numbering matter
            first, column, last, end_column = body = block.body_span
            # The usual question: a question mark on its last line, which is no footnote
            # text (told here, without a call). A slice and ``in`` cost half a ``find``
            # with bounds, whose arguments are parsed on every call.
            if (
                last not in note_lines
                and "?" in lines[last - 1][column - 1 if first == last else 0 : end_column - 1]
            ):
                continue
            if not _asks(lines, body, note_lines):
                found.append(self.report(block.label_span, f"{block.label} bevat geen vraagteken"))
        return found


def _asks(lines: tuple[str, ...], body: Span, note_lines: set[int]) -> bool:
    """Whether the text of ``body``, without the footnote lines, holds a question mark."""
    first, column, last, end_column = body
    if first == last:
        return (
            first not in note_lines and lines[first - 1].find("?", column - 1, end_column - 1) != -1
        )
    # The last line first: the question mark usually stands there.
    if last not in note_lines and lines[last - 1].find("?", 0, end_column - 1) != -1:
        return True
    if first not in note_lines and lines[first - 1].find("?", column - 1) != -1:
        return True
    return any(
        "?" in lines[number - 1] for number in range(first + 1, last) if number not in note_lines
    )
