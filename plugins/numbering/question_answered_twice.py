from collections.abc import Iterable, Iterator

from qalint_plugins.numbering._numbers import numbers

from qalint.model import Document, Span
from qalint.rules import Diagnostic, Related, Rule, Severity


class QuestionAnsweredTwice(Rule):
    """A question is covered by more than one answer.

    ## Why is this bad?
    Two answers to one question usually contradict each other sooner or later, and
    one of them was probably meant for another question.

    ## Example
    ```text
    Antwoord 3
    ...
    Antwoord 3 en 4
    ...
    ```

    ## Use instead
    ```text
    Antwoord 3
    ...
    Antwoord 4
    ...
    ```
    """

    code = "QA106"
    name = "question-answered-twice"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if not numbers(doc).answered_twice:
            return ()  # no number is answered twice (told without starting a generator)
        return self._answered_twice(doc)

    def _answered_twice(self, doc: Document) -> Iterator[Diagnostic]:
        first: dict[int, Span] = {}
        for block in doc.answers:
            for number in block.numbers:
                if number in first:
                    yield self.report(
                        block.label_span,
                        f"vraag {number} is al beantwoord op regel {first[number].line}",
                        (Related(first[number], f"eerste antwoord op vraag {number}"),),
                    )
                else:
                    first[number] = block.label_span
