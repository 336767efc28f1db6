from collections.abc import Iterable, Iterator
from operator import attrgetter

from qalint.model import Document
from qalint.parse.dates import WEEKDAYS
from qalint.rules import Diagnostic, Rule, Severity

_WEEKDAY = attrgetter("weekday")


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

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # Most dates are written without a weekday: told in C, without a generator (the
        # parser gives None, never an empty weekday).
        if not any(map(_WEEKDAY, doc.dates)):
            return ()
        return self._mismatches(doc)

    def _mismatches(self, doc: Document) -> Iterator[Diagnostic]:
        for field in doc.dates:
            if field.weekday is None or field.value is None:
                continue
            actual = WEEKDAYS[field.value.weekday()]
            if actual != field.weekday:
                yield self.report(field.span, f"{field.text}: die datum valt op een {actual}")
