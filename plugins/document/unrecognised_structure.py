from collections.abc import Iterable

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


class UnrecognisedStructure(Rule):
    """The parser could not read part of the document's structure.

    ## Why is this bad?
    When qalint cannot read a label or finds no question at all in an answer document,
    the other rules cannot check numbering and references there; a real error may hide
    behind it. Typical causes are a number list qalint cannot read (`Vraag ５`,
    `Vraag 1 t/m 1000000`) or questions that lost their `Vraag` labels.

    ## Example
    ```text
    Antwoord van minister De Jonge (Binnenlandse Zaken) (ontvangen 3 juni 2024)

    Is het waar dat ...

    Antwoord
    Ja.
    ```

    ## Use instead
    Label every question (`Vraag 1`) or number it (`1.`), with ASCII digits:
    ```text
    Vraag 1
    Is het waar dat ...

    Antwoord 1
    Ja.
    ```
    """

    code = "QA004"
    name = "unrecognised-structure"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if not doc.problems:
            return ()  # the usual case, told without starting a generator
        return [self.report(problem.span, problem.message) for problem in doc.problems]
