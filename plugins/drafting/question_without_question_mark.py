from collections.abc import Iterator

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


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

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        note_lines = {note.span.line for note in doc.footnote_notes}
        for block in doc.questions:
            if block.body_lines == 0:
                continue  # an empty question is a numbering matter
            span = block.body_span
            asks = False
            # From the end: the question mark usually stands on the last line.
            for line_number in range(span.end_line, span.line - 1, -1):
                if line_number in note_lines:
                    continue
                text = doc.lines[line_number - 1]
                start = span.column - 1 if line_number == span.line else 0
                end = span.end_column - 1 if line_number == span.end_line else len(text)
                if text.find("?", start, end) != -1:
                    asks = True
                    break
            if not asks:
                yield self.report(block.label_span, f"{block.label} bevat geen vraagteken")
