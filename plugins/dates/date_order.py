from collections.abc import Iterable

from qalint.model import Document
from qalint.rules import Diagnostic, Related, Rule, Severity


class DateOrder(Rule):
    """The answer was received before the questions were submitted.

    ## Why is this bad?
    An answer cannot arrive before its questions. One of the two dates is wrong,
    often the year (`2023` for `2024` in January) or a date copied from another set.

    ## Example
    ```text
    Vragen van het lid ... (ingezonden 3 juni 2014).
    Antwoord van Minister ... (ontvangen 30 mei 2014).
    ```

    ## Use instead
    ```text
    Vragen van het lid ... (ingezonden 3 juni 2014).
    Antwoord van Minister ... (ontvangen 30 juni 2014).
    ```
    """

    code = "QA303"
    name = "date-order"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # Loops: a comprehension is a call of its own, and costs more than these tests.
        header = doc.header
        for first in header.submitted:
            if first.value is not None:
                break  # the first date of submission that could be read
        else:
            return ()
        found: list[Diagnostic] = []
        for received in header.received:
            if received.value is not None and received.value < first.value:
                found.append(
                    self.report(
                        received.span,
                        f"ontvangen op {received.text}, vóór de datum van indienen ({first.text})",
                        (Related(first.span, "datum van indienen"),),
                    )
                )
        return found
