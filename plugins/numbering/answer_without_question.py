from collections.abc import Iterable, Iterator
from operator import attrgetter

from qalint_plugins.numbering._numbers import numbers

from qalint.dutch import question_word
from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity

_NUMBERS = attrgetter("numbers")


class AnswerWithoutQuestion(Rule):
    """An answer is labelled with a number that no question has.

    ## Why is this bad?
    An `Antwoord 8` without a `Vraag 8` means the answer was numbered wrongly (often
    `Antwoord 8` where `Antwoord 7` was meant) or the question was deleted. A bare
    `Antwoord` that follows no question at all is reported too.

    ## Example
    ```text
    Vraag 7
    Deelt u de mening ...?

    Antwoord 8
    Ja.
    ```

    ## Use instead
    ```text
    Vraag 7
    Deelt u de mening ...?

    Antwoord 7
    Ja.
    ```
    """

    code = "QA104"
    name = "answer-without-question"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if not doc.questions:
            return ()  # no question was recognised at all: QA004 says so
        found = numbers(doc)
        # Most documents answer only numbers that were asked, each answer with numbers:
        # shown in C, without a test per answer (or a generator).
        if found.asked.issuperset(found.answered) and () not in map(_NUMBERS, doc.answers):
            return ()
        return self._unasked(doc, found.asked)

    def _unasked(self, doc: Document, asked: frozenset[int]) -> Iterator[Diagnostic]:
        for block in doc.answers:
            if not block.numbers:
                yield self.report(block.label_span, "antwoord zonder voorafgaande vraag")
                continue
            missing = [n for n in block.numbers if n not in asked]
            if missing:
                yield self.report(
                    block.label_span,
                    f"{block.label}: {question_word(missing)} "
                    f"{'bestaat' if len(missing) == 1 else 'bestaan'} niet",
                )
