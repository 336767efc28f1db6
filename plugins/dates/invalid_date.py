from collections.abc import Iterable
from operator import attrgetter

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity

_PROBLEM = attrgetter("problem")


class InvalidDate(Rule):
    """A date does not exist or cannot be read (`31 februari 2014`, `3 juini 2014`).

    ## Why is this bad?
    A date that does not exist is a typo that will be published as it is, and the
    deadline and order checks cannot use it.

    ## Example
    ```text
    (ingezonden 31 februari 2014)
    ```

    ## Use instead
    ```text
    (ingezonden 28 februari 2014)
    ```
    """

    code = "QA302"
    name = "invalid-date"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # Most dates are valid: told in C, without a generator (a problem is never "").
        if not any(map(_PROBLEM, doc.dates)):
            return ()
        return [
            self.report(field.span, f"ongeldige datum: {field.problem}")
            for field in doc.dates
            if field.problem is not None
        ]
