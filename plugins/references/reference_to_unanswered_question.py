from collections.abc import Iterable, Iterator
from itertools import chain
from operator import attrgetter

from qalint_plugins.numbering._numbers import numbers

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity

_TARGETS = attrgetter("targets")


class ReferenceToUnansweredQuestion(Rule):
    """A cross-reference points at a question that has no answer.

    ## Why is this bad?
    "Zie het antwoord op vraag 5" is only helpful when there is an answer to
    question 5. Checked in answer documents and ministry drafts.

    ## Example
    ```text
    Vraag 5
    ...
    Vraag 6
    ...
    Antwoord 6
    Zie het antwoord op vraag 5.
    ```

    ## Use instead
    Answer question 5, or point at the answer that covers it:
    ```text
    Vraag 5
    ...
    Vraag 6
    ...
    Antwoord 5 en 6
    ...
    ```
    """

    code = "QA202"
    name = "reference-to-unanswered-question"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if not doc.references or not doc.kind.requires_answers:
            return ()
        found = numbers(doc)
        unanswered = found.asked - found.answered
        # Most references point at answered questions: shown in C, without a generator.
        if unanswered.isdisjoint(chain.from_iterable(map(_TARGETS, doc.references))):
            return ()
        return self._unanswered(doc, unanswered)

    def _unanswered(self, doc: Document, unanswered: frozenset[int]) -> Iterator[Diagnostic]:
        for reference in doc.references:
            for target in reference.targets:
                if target in unanswered:
                    yield self.report(
                        reference.span,
                        f"verwijzing naar het antwoord op vraag {target}, "
                        f"maar vraag {target} heeft geen antwoord",
                    )
