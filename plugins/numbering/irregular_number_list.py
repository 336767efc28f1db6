from collections.abc import Iterable
from operator import itemgetter

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


class IrregularNumberList(Rule):
    """A number list in a label does not follow the usual form.

    ## Why is this bad?
    `Vraag 7, 8, 9 10 en 11` reads as one number `9 10` to a careful reader and looks
    sloppy in a published document. qalint reads it leniently, so the numbering checks
    still work, but the label should be fixed.

    ## Example
    ```text
    Vraag 7, 8, 9 10 en 11
    ```

    ## Use instead
    ```text
    Vraag 7, 8, 9, 10 en 11
    ```
    """

    code = "QA107"
    name = "irregular-number-list"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        irregular = [
            (block.index, number_list)
            for block in doc.questions + doc.answers
            if (number_list := block.number_list) is not None and number_list.irregular
        ]
        if not irregular:
            return ()  # the usual case, told without starting a generator
        # In reading order, as doc.blocks gives them: sorting only these is cheaper.
        return [
            self.report(
                number_list.span,
                f"onregelmatige nummerlijst '{number_list.raw}': een komma ontbreekt",
            )
            for _, number_list in sorted(irregular, key=itemgetter(0))
        ]
