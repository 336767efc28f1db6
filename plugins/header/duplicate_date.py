from collections.abc import Iterable, Iterator

from qalint.model import DateField, Document
from qalint.rules import Diagnostic, Related, Rule, Severity

_WHAT = {"submitted": ("ingezonden", "van indienen"), "received": ("ontvangen", "van ontvangst")}


class DuplicateDate(Rule):
    """The header gives the submitted date (`ingezonden`) or the received date (`ontvangen`) twice.

    ## Why is this bad?
    Each header line carries one date: the question header `(ingezonden ...)`, the
    government line `(ontvangen ...)`. A second one is a left-over of an edit; when
    the two differ, nobody can tell which is right, and the deadline check (QA304)
    uses the first. A date that is missing where the kind of document needs it
    (questions need `ingezonden`, answers and delay notices `ontvangen`) is reported
    by QA301 `missing-date`, not here; the doubled word in `(ontvangen (ontvangen 7
    juni 2024)` by QA402 `doubled-phrase`.

    ## Example
    ```text
    Antwoord van Minister Timmermans (Buitenlandse Zaken) (ontvangen 30 juni 2014)
    (ontvangen 1 juli 2014).
    ```

    ## Use instead
    ```text
    Antwoord van Minister Timmermans (Buitenlandse Zaken) (ontvangen 30 juni 2014).
    ```
    """

    code = "QA405"
    name = "duplicate-date"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        header = doc.header
        if len(header.submitted) < 2 and len(header.received) < 2:
            return ()  # the usual case, told without starting a generator
        return self._duplicates(doc)

    def _duplicates(self, doc: Document) -> Iterator[Diagnostic]:
        for fields in (doc.header.submitted, doc.header.received):
            if len(fields) > 1:
                first = fields[0]
                for field in fields[1:]:
                    yield self.report(
                        field.span, _message(first, field), (Related(first.span, "eerste datum"),)
                    )


def _message(first: DateField, second: DateField) -> str:
    word, kind = _WHAT.get(second.role, (second.role, ""))
    where = f"ook op regel {first.span.line}"
    if first.value is not None and second.value is not None and first.value != second.value:
        return (
            f"de datum {kind} staat twee keer in de kop, verschillend: "
            f"'{word} {first.text}' en '{word} {second.text}'"
        )
    return f"de datum {kind} staat twee keer in de kop ({word}; {where})"
