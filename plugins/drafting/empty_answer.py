from collections.abc import Iterable
from operator import attrgetter

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity

_BODY_LINES = attrgetter("body_lines")


class EmptyAnswer(Rule):
    """An answer label is followed by no text before the next question or answer.

    ## Why is this bad?
    An empty answer is a question left unanswered while the document pretends to
    answer it: the contribution of a directorate did not arrive, or was pasted
    under the wrong label. Page headers and footers of PDF text do not count as
    text. A one-word answer (`Ja.`) is an answer.

    ## Example
    ```text
    Vraag 2
    Hoeveel meldingen zijn in 2024 binnengekomen?

    Antwoord 2

    Vraag 3
    ```

    ## Use instead
    ```text
    Vraag 2
    Hoeveel meldingen zijn in 2024 binnengekomen?

    Antwoord 2
    In 2024 zijn 132 meldingen binnengekomen.

    Vraag 3
    ```
    """

    code = "QA602"
    name = "empty-answer"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # Most answers have text: told in C, without a generator.
        if 0 not in map(_BODY_LINES, doc.answers):
            return ()
        return [
            self.report(block.label_span, f"{block.label} heeft geen tekst")
            for block in doc.answers
            if block.body_lines == 0
        ]
