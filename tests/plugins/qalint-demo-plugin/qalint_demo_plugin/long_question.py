from collections.abc import Iterator
from dataclasses import dataclass

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


@dataclass(frozen=True)
class Options:
    #: The longest question body, in non-empty lines, that is not reported.
    max_lines: int = 10


class LongQuestion(Rule):
    """A question is longer than `max-lines` lines.

    ## Why is this bad?
    A question should ask one thing. A long question usually hides several questions,
    of which the answer then addresses only some; splitting it makes each one
    answerable and makes it easy to see that each got an answer.

    ## Example
    ```text
    Vraag 3
    Bent u bekend met ...? Hoe beoordeelt u ...? Welke maatregelen ...?
    (twaalf regels tekst)
    ```

    ## Use instead
    ```text
    Vraag 3
    Bent u bekend met ...?

    Vraag 4
    Hoe beoordeelt u ...?
    ```

    ## Options
    - `max-lines` (default 10)
    """

    code = "KV101"
    name = "long-question"
    severity = Severity.WARNING
    Options = Options

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        limit = self.options.max_lines
        for block in doc.questions:
            if block.body_lines > limit:
                lines = "regel" if block.body_lines == 1 else "regels"
                yield self.report(
                    block.label_span,
                    f"{block.label} is {block.body_lines} {lines} lang; het maximum is {limit}",
                )
