from bisect import bisect_left
from collections.abc import Iterable
from operator import attrgetter

from qalint_plugins.numbering._numbers import numbers_of

from qalint.dutch import join_numbers
from qalint.model import Document
from qalint.rules import Diagnostic, Related, Rule, Severity

_INDEX = attrgetter("index")


class AnswerGroupMismatch(Rule):
    """An answer label's numbers differ from the questions it follows.

    ## Why is this bad?
    An answer answers the question headings since the previous answer. When
    `Vraag 4, 6 en 7` is followed by `Antwoord 4 en 6`, question 7 was dropped from
    the group, or the label was not updated after regrouping. Separate questions
    answered together are fine (`Vraag 5`, `Vraag 6`, then `Antwoord 5 en 6`), and
    so is a bare `Antwoord`.

    ## Example
    ```text
    Vraag 4, 6 en 7
    ...
    Antwoord 4 en 6
    ...
    ```

    ## Use instead
    ```text
    Vraag 4, 6 en 7
    ...
    Antwoord 4, 6 en 7
    ...
    ```
    """

    code = "QA105"
    name = "answer-group-mismatch"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if not doc.answers:
            return ()
        # Findings are gathered in a list: a generator costs more than the usual check.
        found: list[Diagnostic] = []
        questions = doc.questions
        # Each answer is compared with the questions since the answer before it, found by
        # their place in reading order (the questions are in reading order).
        places = list(map(_INDEX, questions))
        first = 0
        for block in doc.answers:
            end = bisect_left(places, block.index, first)
            if end == first:
                continue  # no question since the answer before
            start, first = first, end
            if block.number_list is None:
                continue  # a bare Antwoord (not ``explicit``)
            # One question since the answer before is the usual case: its numbers as they are.
            pending = (
                questions[start].numbers
                if end - start == 1
                else tuple(numbers_of(questions[start:end]))
            )
            # The same numbers in the same order need no sets (the usual case).
            if pending and block.numbers != pending and set(block.numbers) != set(pending):
                related = tuple(Related(q.label_span, q.label) for q in questions[start:end])
                found.append(
                    self.report(
                        block.number_list.span,
                        f"{block.label} past niet bij de vragen ervoor: verwacht "
                        f"{join_numbers(sorted(dict.fromkeys(pending)))}",
                        related,
                    )
                )
        return found
