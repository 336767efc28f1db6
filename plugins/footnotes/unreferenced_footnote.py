from collections.abc import Iterable, Iterator
from operator import attrgetter

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity

_NUMBER = attrgetter("number")


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

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        markers = set(map(_NUMBER, doc.footnote_markers))
        # Most notes have their marker: told in C, without starting a generator.
        if markers.issuperset(map(_NUMBER, doc.footnote_notes)):
            return ()
        return self._unreferenced(doc, markers)

    def _unreferenced(self, doc: Document, markers: set[int]) -> Iterator[Diagnostic]:
        reported: set[int] = set()
        for note in doc.footnote_notes:
            if note.number not in markers and note.number not in reported:
                reported.add(note.number)
                yield self.report(
                    note.span, f"voetnoot {note.number} wordt nergens in de tekst aangehaald"
                )
