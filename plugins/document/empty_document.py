from collections.abc import Iterable

from qalint.model import Document, Span
from qalint.rules import Diagnostic, Rule, Severity


class EmptyDocument(Rule):
    """The document is empty or holds only white space.

    ## Why is this bad?
    An empty file in a repository of drafts is almost always a mistake: a draft that
    was not saved, or an export that failed. Nothing in it can be checked.

    ## Example
    A file of zero bytes, or one with only blank lines and page breaks.

    ## Use instead
    Put the draft's text in the file, or remove the file.
    """

    code = "QA003"
    name = "empty-document"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # ``doc.is_blank``, told in C: most documents end the test at their first line.
        if any(map(str.strip, doc.lines)):
            return ()
        return (self.report(Span.point(1, 1), "leeg document"),)
