from collections.abc import Iterator

from qalint.model import Document
from qalint.parse.dates import WEEKDAYS
from qalint.rules import Diagnostic, Rule, Severity


class WeekdayMismatch(Rule):
    """A weekday written with a date does not match that date.

    ## Why is this bad?
    "dinsdag 4 juni 2014" was a Wednesday: the reader cannot tell whether the day or
    the date is wrong, and an appointment may be missed.

    ## Example
    ```text
    Het overleg vindt plaats op dinsdag 4 juni 2014.
    ```

    ## Use instead
    ```text
    Het overleg vindt plaats op woensdag 4 juni 2014.
    ```
    """

    code = "QA305"
    name = "weekday-mismatch"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for field in doc.dates:
            if field.weekday is None or field.value is None:
                continue
            actual = WEEKDAYS[field.value.weekday()]
            if actual != field.weekday:
                yield self.report(field.span, f"{field.text}: die datum valt op een {actual}")
