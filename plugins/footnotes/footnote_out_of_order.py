from collections.abc import Iterable, Iterator
from operator import attrgetter

from qalint.model import Document, Span
from qalint.rules import Diagnostic, Related, Rule, Severity

_NUMBER = attrgetter("number")


class FootnoteOutOfOrder(Rule):
    """Footnote markers are not numbered 1, 2, 3 ... in reading order.

    ## Why is this bad?
    Footnotes are numbered in one sequence over the whole document. A marker that
    comes back to an earlier number, repeats one, or starts the sequence elsewhere
    than at 1 is left over from moving text around; the reader then finds the notes
    in a different order than the markers, or two markers sharing one note. A number
    that is skipped is reported once, where the sequence jumps, unless the missing
    marker turns up later (then the marker out of place is reported).

    ## Example
    ```text
    Bent u bekend met het bericht «...»?1

    Deelt u de conclusie van het rapport?3

    Bent u bereid de Kamer hierover te informeren?2
    ```

    ## Use instead
    ```text
    Bent u bekend met het bericht «...»?1

    Deelt u de conclusie van het rapport?2

    Bent u bereid de Kamer hierover te informeren?3
    ```
    """

    code = "QA503"
    name = "footnote-out-of-order"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # Most documents number their markers 1, 2, 3 ...: then none is out of order,
        # told in C, without starting a generator.
        numbers = list(map(_NUMBER, doc.footnote_markers))
        if numbers == list(range(1, len(numbers) + 1)):
            return ()
        return self._out_of_order(doc)

    def _out_of_order(self, doc: Document) -> Iterator[Diagnostic]:
        markers = doc.footnote_markers
        present = {marker.number for marker in markers}
        seen: dict[int, Span] = {}
        highest = 0
        for marker in markers:
            number = marker.number
            if number in seen:
                yield self.report(
                    marker.span,
                    f"voetnoot {number} komt twee keer voor in de tekst",
                    (Related(seen[number], f"eerste voetnoot {number}"),),
                )
                continue
            if number < highest:
                yield self.report(marker.span, f"voetnoot {number} staat na voetnoot {highest}")
            elif number > highest + 1:
                missing = [n for n in range(highest + 1, number) if n not in present]
                if missing and highest == 0:
                    yield self.report(
                        marker.span, f"de eerste voetnoot heeft nummer {number} in plaats van 1"
                    )
                elif missing:
                    yield self.report(
                        marker.span,
                        f"na voetnoot {highest} volgt voetnoot {number}; "
                        f"voetnoot {missing[0]} ontbreekt",
                    )
            seen[number] = marker.span
            highest = max(highest, number)
