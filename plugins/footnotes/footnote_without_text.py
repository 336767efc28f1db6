from collections.abc import Iterable, Iterator
from operator import attrgetter

from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity

_NUMBER = attrgetter("number")


class FootnoteWithoutText(Rule):
    """A footnote marker in the text has no footnote with its number.

    ## Why is this bad?
    A marker promises the reader a source (`»?1` and at the page bottom `1 NOS, 22
    oktober 2024, ...`). When the note was deleted, lost when a passage moved, or
    never written, the reference points nowhere. Markers are recognised in the forms
    of published and draft text: glued to a word or punctuation (`»?1`, `jl.2`),
    `[1 ]` in Markdown conversions, ` 1)` in ministry and Kamer drafts, and a number
    on its own line in PDF text; numbers in prose (`5 miljard`, `11e
    sanctiepakket`, `artikel 16`) are not markers.

    ## Example
    ```text
    Vraag 1
    Kent u de aflevering van Kassa 'De zin en onzin van de Nutri-Score'? 1)

    Vraag 2
    Bent u op de hoogte dat de doelen uit het nationaal preventieakkoord niet
    gehaald worden? 2)

    1) Kassa, 28 september 2024, 'De zin en onzin van de Nutri-Score'
    ```

    ## Use instead
    ```text
    1) Kassa, 28 september 2024, 'De zin en onzin van de Nutri-Score'
    2) RIVM, Monitor Nationaal Preventieakkoord 2024
    ```
    """

    code = "QA501"
    name = "footnote-without-text"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        notes = set(map(_NUMBER, doc.footnote_notes))
        # Most markers have their note: told in C, without starting a generator.
        if notes.issuperset(map(_NUMBER, doc.footnote_markers)):
            return ()
        return self._without_text(doc, notes)

    def _without_text(self, doc: Document, notes: set[int]) -> Iterator[Diagnostic]:
        reported: set[int] = set()
        for marker in doc.footnote_markers:
            if marker.number not in notes and marker.number not in reported:
                reported.add(marker.number)
                yield self.report(marker.span, f"voetnoot {marker.number} heeft geen tekst")
