from collections.abc import Iterable, Iterator

from qalint import pattern_cache
from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity

_CASE_NUMBER = pattern_cache.compile(r"[0-9]{4}Z[0-9]{5}\Z")
_AANHANGSEL = pattern_cache.compile(r"AH [1-9][0-9]{0,4}\Z")


class MalformedCaseNumber(Rule):
    """The case number (`2024Z18294`) or the Aanhangsel number line (`AH 604`) is written wrongly.

    ## Why is this bad?
    The case number (*zaaknummer*) ties the answer to the questions in the Kamer's
    systems, and a ministry draft opens with it and the Aanhangsel number. Both are
    copied by hand; a stray space, a lower-case `z` or a missing digit makes the
    number unfindable: `2024Z 17972` reached the Kamer. The form is four digits for
    the year, `Z` and five digits; `AH`, a space and the number.

    ## Example
    ```text
    AH 617

    2024Z 17972

    Antwoord van minister Brekelmans (Defensie) (ontvangen 20 november 2024)
    ```

    ## Use instead
    ```text
    AH 617

    2024Z17972

    Antwoord van minister Brekelmans (Defensie) (ontvangen 20 november 2024)
    ```
    """

    code = "QA404"
    name = "malformed-case-number"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        case, number = doc.header.case_number, doc.header.aanhangsel_number
        # The usual case, told without starting a generator: absent or well written.
        if (case is None or _CASE_NUMBER.match(case.text)) and (
            number is None or _AANHANGSEL.match(number.text)
        ):
            return ()
        return self._malformed(doc)

    def _malformed(self, doc: Document) -> Iterator[Diagnostic]:
        case = doc.header.case_number
        if case is not None and not _CASE_NUMBER.match(case.text):
            fixed = "".join(case.text.split()).replace("z", "Z")
            if _CASE_NUMBER.match(fixed):
                message = f"zaaknummer '{case.text}' is verkeerd geschreven: '{fixed}'"
            else:
                message = (
                    f"zaaknummer '{case.text}' is verkeerd geschreven: vier cijfers, 'Z' "
                    f"en vijf cijfers (2024Z18294)"
                )
            yield self.report(case.span, message)
        number = doc.header.aanhangsel_number
        if number is not None and not _AANHANGSEL.match(number.text):
            digits = "".join(number.text[2:].split())
            fixed = f"AH {digits}"
            if _AANHANGSEL.match(fixed):
                message = f"Aanhangselnummer '{number.text}' is verkeerd geschreven: '{fixed}'"
            else:
                message = (
                    f"Aanhangselnummer '{number.text}' is verkeerd geschreven: 'AH' en "
                    f"een getal (AH 604)"
                )
            yield self.report(number.span, message)
