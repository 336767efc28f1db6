from collections.abc import Iterable, Iterator

from qalint_plugins.numbering._numbers import numbers

from qalint.dutch import question_word
from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


class UnansweredQuestion(Rule):
    """A question in an answer document has no answer.

    ## Why is this bad?
    The government must answer every question. When answers are regrouped or merged
    during drafting, a question is easily left out, and the Kamer notices. Only
    answer documents and ministry drafts are checked; question sets and delay notices
    have no answers yet. A grouped answer (`Antwoord 4, 6 en 7`) and a bare `Antwoord`
    after the questions it answers both count.

    ## Example
    ```text
    Vraag 1
    Bent u bekend met het bericht ...?

    Vraag 2
    Wat is uw reactie ...?

    Antwoord 1
    Ja.
    ```

    ## Use instead
    ```text
    Vraag 1
    Bent u bekend met het bericht ...?

    Antwoord 1
    Ja.

    Vraag 2
    Wat is uw reactie ...?

    Antwoord 2
    ...
    ```
    """

    code = "QA103"
    name = "unanswered-question"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if not doc.kind.requires_answers:
            return ()
        found = numbers(doc)
        if found.answered.issuperset(found.asked):
            return ()  # every question is answered (told without starting a generator)
        return self._unanswered(doc, found.answered)

    def _unanswered(self, doc: Document, answered: frozenset[int]) -> Iterator[Diagnostic]:
        reported: set[int] = set()
        for block in doc.questions:
            missing = [n for n in block.numbers if n not in answered and n not in reported]
            if missing:
                reported.update(missing)
                yield self.report(
                    block.label_span,
                    f"{question_word(missing).capitalize()} "
                    f"{'heeft' if len(missing) == 1 else 'hebben'} geen antwoord",
                )
