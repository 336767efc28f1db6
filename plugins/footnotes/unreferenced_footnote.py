from collections.abc import Iterator

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


class UnreferencedFootnote(Rule):
    """A footnote text has a number that no marker in the text refers to.

    ## Why is this bad?
    A note whose marker is gone is a source the reader cannot connect to any
    statement: usually the sentence with the marker was rewritten or deleted, or the
    marker was lost at a page break, and the numbering of the remaining notes no
    longer matches the text. A note counts as a note (and not as a line that opens
    with a number) when its marker came before it, or when it stands at a page
    bottom or the end of the document with the next note number and text that reads
    like a source.

    ## Example
    ```text
    Vraag 1
    Bent u bekend met het bericht «Wachttijden ggz niet goed vastgelegd»?

    1 NOS, 22 oktober 2024, «Wachttijden ggz niet goed vastgelegd, zeggen onderzoekers»
    ```

    ## Use instead
    ```text
    Vraag 1
    Bent u bekend met het bericht «Wachttijden ggz niet goed vastgelegd»?1

    1 NOS, 22 oktober 2024, «Wachttijden ggz niet goed vastgelegd, zeggen onderzoekers»
    ```
    """

    code = "QA502"
    name = "unreferenced-footnote"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        markers = {marker.number for marker in doc.footnote_markers}
        reported: set[int] = set()
        for note in doc.footnote_notes:
            if note.number not in markers and note.number not in reported:
                reported.add(note.number)
                yield self.report(
                    note.span, f"voetnoot {note.number} wordt nergens in de tekst aangehaald"
                )
