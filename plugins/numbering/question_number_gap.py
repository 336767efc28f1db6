from collections.abc import Iterable, Iterator

from qalint_plugins.numbering._numbers import numbers

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


class QuestionNumberGap(Rule):
    """The questions are not numbered 1 to N: a number is missing.

    ## Why is this bad?
    Question numbers are how the Kamer, the answer and every cross-reference refer to
    a question. A gap means a question was lost while the draft was edited, or the
    questions were renumbered halfway. Groups may be reordered (`Vraag 4, 6 en 7`
    before `Vraag 5`); only numbers that appear nowhere count.

    ## Example
    ```text
    Vraag 1
    ...
    Vraag 3
    ...
    ```

    ## Use instead
    ```text
    Vraag 1
    ...
    Vraag 2
    ...
    Vraag 3
    ...
    ```
    """

    code = "QA101"
    name = "question-number-gap"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if _numbered_one_to_n(doc):
            return ()  # the usual case, told without starting a generator
        return self._gaps(doc)

    def _gaps(self, doc: Document) -> Iterator[Diagnostic]:
        first_at: dict[int, int] = {}
        for position, block in enumerate(doc.questions):
            for number in block.numbers:
                first_at.setdefault(number, position)
        if not first_at:
            return
        numbers = sorted(first_at)
        if numbers[0] < 1:
            block = doc.questions[first_at[numbers[0]]]
            yield self.report(
                block.label_span, f"de nummering begint bij {numbers[0]} in plaats van bij 1"
            )
        previous = 0
        for number in numbers:
            if number > previous + 1 and number >= 1:
                missing = (previous + 1, number - 1)
                block = doc.questions[first_at[number]]
                if missing[0] == missing[1]:
                    text = f"vraag {missing[0]} ontbreekt"
                else:
                    text = f"vragen {missing[0]} t/m {missing[1]} ontbreken"
                yield self.report(
                    block.label_span,
                    f"{text}: na vraag {previous} volgt vraag {number}"
                    if previous
                    else f"{text}: de eerste vraag is vraag {number}",
                )
            previous = max(previous, number)


def _numbered_one_to_n(doc: Document) -> bool:
    """Whether the question numbers are 1 to N without a gap (or there are none)."""
    asked = numbers(doc).asked
    # Distinct whole numbers from 1 whose largest is their count are exactly 1 to N.
    return not asked or (min(asked) == 1 and max(asked) == len(asked))
