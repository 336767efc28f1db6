from collections.abc import Iterable, Iterator
from itertools import chain
from operator import attrgetter

from qalint_plugins.numbering._numbers import numbers

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity

_TARGETS = attrgetter("targets")


class ReferenceToMissingQuestion(Rule):
    """A cross-reference points at a question number the document does not have.

    ## Why is this bad?
    After questions are renumbered or regrouped, "zie het antwoord op vraag 12" may
    point at a question that no longer exists; the reader is sent nowhere.
    References to other documents (`vraag 3 van de vragen van het lid ...`,
    `Aanhangsel Handelingen ...`) are not checked.

    ## Example
    ```text
    Antwoord 9
    Zie ook het antwoord op vraag 12.
    ```
    in a document with nine questions.

    ## Use instead
    ```text
    Antwoord 9
    Zie ook het antwoord op vraag 5.
    ```
    """

    code = "QA201"
    name = "reference-to-missing-question"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if not doc.references:
            return ()  # the findings are references: the question numbers need not be gathered
        asked = numbers(doc).asked
        # Most references point at questions that exist: shown in C, without a generator.
        if not asked or asked.issuperset(chain.from_iterable(map(_TARGETS, doc.references))):
            return ()
        return self._missing(doc, asked)

    def _missing(self, doc: Document, asked: frozenset[int]) -> Iterator[Diagnostic]:
        for reference in doc.references:
            for target in reference.targets:
                if target not in asked:
                    yield self.report(
                        reference.span,
                        f"verwijzing naar vraag {target}, maar die vraag bestaat niet",
                    )
