from collections.abc import Iterable, Iterator

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


class SelfReference(Rule):
    """An answer refers to itself.

    ## Why is this bad?
    "Zie het antwoord op vraag 4" inside the answer to question 4 sends the reader in
    a circle; usually another question was meant, and the number is a leftover from
    renumbering.

    ## Example
    ```text
    Antwoord 4
    Zie het antwoord op vraag 4.
    ```

    ## Use instead
    ```text
    Antwoord 4
    Zie het antwoord op vraag 2.
    ```
    """

    code = "QA203"
    name = "self-reference"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if not doc.references:
            return ()  # told without starting a generator
        return self._self_references(doc)

    def _self_references(self, doc: Document) -> Iterator[Diagnostic]:
        answers = {block.index: block for block in doc.answers}
        for reference in doc.references:
            block = (
                answers.get(reference.block_index) if reference.block_index is not None else None
            )
            if block is None:
                continue
            for target in reference.targets:
                if target in block.numbers:
                    yield self.report(
                        reference.span, f"het antwoord op vraag {target} verwijst naar zichzelf"
                    )
