from collections.abc import Iterable

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


class MissingDate(Rule):
    """A question header has no submitted date, or a government line no received date.

    ## Why is this bad?
    `(ingezonden 3 juni 2014)` and `(ontvangen 30 juni 2014)` fix when the term for
    answering starts and ends; the Aanhangsel prints both. A header without its date
    cannot be published and the deadline cannot be checked.

    ## Example
    ```text
    Vragen van het lid Jasper van Dijk (SP) aan de Minister van Defensie over ... .

    Antwoord van Minister Hennis-Plasschaert (Defensie).
    ```

    ## Use instead
    ```text
    Vragen van het lid Jasper van Dijk (SP) aan de Minister van Defensie over ...
    (ingezonden 3 juni 2014).

    Antwoord van Minister Hennis-Plasschaert (Defensie) (ontvangen 30 juni 2014).
    ```
    """

    code = "QA301"
    name = "missing-date"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # Two findings at most: a list, without a generator.
        header = doc.header
        found: list[Diagnostic] = []
        if header.question_header is not None and not header.submitted:
            found.append(
                self.report(
                    header.question_header.span,
                    "de vragen hebben geen datum van indienen (ingezonden ...)",
                )
            )
        if header.government_line is not None and not header.received:
            found.append(
                self.report(
                    header.government_line.span,
                    "het antwoord heeft geen datum van ontvangst (ontvangen ...)",
                )
            )
        return found
