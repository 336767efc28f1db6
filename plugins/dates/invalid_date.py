from collections.abc import Iterator

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


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

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for field in doc.dates:
            if field.problem is not None:
                yield self.report(field.span, f"ongeldige datum: {field.problem}")
