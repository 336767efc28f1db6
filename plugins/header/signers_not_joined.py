from collections.abc import Iterable, Iterator
from itertools import pairwise

from qalint.model import Document, HeaderLine, Official, Token
from qalint.rules import Diagnostic, Rule, Severity


class SignersNotJoined(Rule):
    """Two ministers or state secretaries who answer are not joined by `en` in the government line.

    ## Why is this bad?
    When two members of the government answer together, the government line names
    both, joined by `en`: `Antwoord van Minister X (A) en van Minister Y (B)` or `...
    en antwoord van Staatssecretaris Y (B)`. Without the `en`, the line reads as if
    the first signer were "of" the second: `Antwoord van Minister Bruins Slot (BZ) van
    Minister Schreinemacher (...)` was published so (ah-tk-20232024-2129), a left-over
    of an edit to the template. Co-signers (`, mede namens de Minister van ...`) are
    written differently and not checked here.

    ## Example
    ```text
    Antwoord van Minister Bruins Slot (Buitenlandse Zaken) van Minister
    Schreinemacher (Buitenlandse Handel en Ontwikkelingssamenwerking) (ontvangen
    28 juni 2024).
    ```

    ## Use instead
    ```text
    Antwoord van Minister Bruins Slot (Buitenlandse Zaken) en van Minister
    Schreinemacher (Buitenlandse Handel en Ontwikkelingssamenwerking) (ontvangen
    28 juni 2024).
    ```
    """

    code = "QA407"
    name = "signers-not-joined"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        header = doc.header
        government = header.government_line
        if government is None or len(header.signers) < 2:
            return ()  # the usual case, one official: told without a list or a generator
        signers = [o for o in header.signers if o.role == "signer"]
        if len(signers) < 2:
            return ()
        return self._not_joined(government, signers)

    def _not_joined(self, government: HeaderLine, signers: list[Official]) -> Iterator[Diagnostic]:
        for first, second in pairwise(signers):
            between = _between(government.tokens, first, second)
            if not between or any(token.text.lower() == "en" for token in between):
                continue  # joined, or nothing between them to judge
            span = between[0].span._replace(
                end_line=between[-1].span.end_line, end_column=between[-1].span.end_column
            )
            written = " ".join(token.text for token in between)
            who = f"{second.title} {second.name}" if second.name else second.title
            yield self.report(
                span,
                f"'{written}' voor {who} mist 'en': schrijf 'en van' of 'en antwoord van'",
            )


def _between(tokens: tuple[Token, ...], first: Official, second: Official) -> list[Token]:
    """The words between the first signer (with the parenthesis that closes their
    portfolio) and the title of the second."""
    end = (first.span.end_line, first.span.end_column)
    start = (second.span.line, second.span.column)
    return [
        token
        for token in tokens
        if end <= (token.span.line, token.span.column) < start and token.text not in ("(", ")")
    ]
