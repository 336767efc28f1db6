"""Test fixture: a plugin with a realistic bug.

``ShortAnswer`` assumes every question has an answer, so on a draft with an
unanswered question it raises ``KeyError``. qalint must turn that into a QA000 finding
for this rule only and keep every other finding.
"""

from collections.abc import Iterator, Sequence

from qalint.hookspecs import hookimpl
from qalint.model import Block, Document
from qalint.rules import Diagnostic, Rule, Severity


class ShortAnswer(Rule):
    """An answer is much shorter than the question it answers.

    ## Why is this bad?
    A one-line answer to a long question often skips part of it.

    ## Example
    ```text
    Vraag 2
    (acht regels)

    Antwoord 2
    Nee.
    ```

    ## Use instead
    Answer every part of the question.
    """

    code = "KC301"
    name = "short-answer"
    severity = Severity.INFO

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        answers: dict[int, Block] = {n: block for block in doc.answers for n in block.numbers}
        for question in doc.questions:
            for number in question.numbers:
                answer = answers[number]  # the bug: an unanswered question raises KeyError
                if answer.body_lines * 4 < question.body_lines:
                    yield self.report(
                        answer.label_span, f"{answer.label} is veel korter dan de vraag"
                    )


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (ShortAnswer,)
