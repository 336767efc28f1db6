from collections.abc import Iterable, Iterator

from qalint_plugins.numbering._numbers import numbers

from qalint.model import Document, Span
from qalint.rules import Diagnostic, Related, Rule, Severity


class DuplicateQuestionNumber(Rule):
    """A question number appears in more than one question heading.

    ## Why is this bad?
    Every number must identify exactly one question. A number used twice usually
    means a question was pasted twice or two questions were given the same number
    after renumbering; an answer and every cross-reference to it become ambiguous.

    ## Example
    ```text
    Vraag 7
    Deelt u de mening dat ...?

    Vraag 7
    Deelt u de mening dat ...?
    ```

    ## Use instead
    ```text
    Vraag 7
    Deelt u de mening dat ...?

    Vraag 8
    Bent u bereid ...?
    ```
    """

    code = "QA102"
    name = "duplicate-question-number"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if not numbers(doc).asked_twice:
            return ()  # no number comes twice (told without starting a generator)
        return self._duplicates(doc)

    def _duplicates(self, doc: Document) -> Iterator[Diagnostic]:
        first: dict[int, Span] = {}
        for block in doc.questions:
            for number in block.numbers:
                if number in first:
                    yield self.report(
                        block.label_span,
                        f"vraag {number} komt twee keer voor "
                        f"(eerder op regel {first[number].line})",
                        (Related(first[number], f"eerste vraag {number}"),),
                    )
                else:
                    first[number] = block.label_span
