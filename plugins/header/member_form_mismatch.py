from collections.abc import Iterable

from qalint.model import Document, Header
from qalint.rules import Diagnostic, Rule, Severity


class MemberFormMismatch(Rule):
    """`het lid` is followed by several names, `de leden` by one, or the article does not fit.

    ## Why is this bad?
    The question header names who asks: `Vragen van het lid X (P)` for one member,
    `Vragen van de leden X (P1) en Y (P2)` for several. A header that was copied from
    another set of questions and then got a name added or removed says the wrong
    thing, and it is printed as it stands: `Vragen van het lid Van Eijk en Aartsen
    (beiden VVD)` was published. `het leden`, `de lid` and a left-over word (`de
    leden lid`) are caught as well.

    ## Example
    ```text
    Vragen van het lid Van Eijk en Aartsen (beiden VVD) aan de Staatssecretaris
    van Financiën ... (ingezonden 29 mei 2024).
    ```

    ## Use instead
    ```text
    Vragen van de leden Van Eijk en Aartsen (beiden VVD) aan de Staatssecretaris
    van Financiën ... (ingezonden 29 mei 2024).
    ```
    """

    code = "QA403"
    name = "member-form-mismatch"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # One finding at most: returned, without a generator.
        header = doc.header
        form, span = header.member_form, header.member_form_span
        if form is None or span is None:
            return ()
        count = len(header.askers)
        right = "de leden" if count > 1 else "het lid"
        words = form.split()
        if len(words) > 2:
            message = f"'{form}': een woord te veel; schrijf '{right}'"
        elif form in ("het leden", "de lid"):
            message = f"'{form}' klopt niet: schrijf '{right}'"
        elif form == "het lid" and count > 1:
            message = f"'het lid' met {count} namen ({_names(header)}): schrijf 'de leden'"
        elif form == "de leden" and count == 1:
            message = f"'de leden' met één naam ({_names(header)}): schrijf 'het lid'"
        else:
            return ()
        return (self.report(span, message),)


def _names(header: Header) -> str:
    """The first askers' names, for a message (made only for a finding)."""
    return " en ".join(person.name for person in header.askers[:3])
