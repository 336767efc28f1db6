import re
from collections.abc import Iterator

from qalint_plugins.drafting._text import LineIndex, joined, line_at, line_starts

from qalint.model import Document, Span
from qalint.rules import Diagnostic, Rule, Severity

#: Comments as Word writes them into text exports. Every alternative opens with a
#: literal character and is bounded, so a line is scanned in linear time.
_REMARK = re.compile(
    r"\[(?:Opmerking|Commentaar|Comment|Opm\.)\b"  # [Opmerking JV: ...]
    r"|(?:Opmerking|Commentaar|Commented|Comment)[ ]?\[[A-Za-z]{1,4}[0-9]{0,3}\]"  # Comment [JV1]:
    r"|(?P<anchor>\[[A-Z]{2,4}[0-9]{1,3}\])",  # [JV1]: a comment anchor with initials
    re.IGNORECASE,
)
#: Tracked changes exported as text open a line: ``Verwijderd: ...``.
_TRACKED = re.compile(
    r"[ \t]*(?:Verwijderd|Ingevoegd|Opgemaakt|Met opmaak|Deleted|Inserted|Formatted)[ ]?:",
    re.IGNORECASE,
)
#: Anchors must be upper case: "[jv1]" is not Word's form.
_ANCHOR = re.compile(r"\[[A-Z]{2,4}[0-9]{1,3}\]\Z")
#: At most this many remarks are reported per line.
_PER_LINE = 10


class ReviewRemark(Rule):
    """A review comment or tracked-change residue is left in the text.

    ## Why is this bad?
    Drafts travel between directorates with comments in the margin and changes
    tracked. When the text is copied out of Word, the comments come along as
    `[Opmerking JV: klopt dit?]`, `Comment [JV1]:` or a bare anchor `[JV1]`, and
    tracked changes as `Verwijderd:` or `Opgemaakt:` lines. Such remarks must never
    reach the Kamer: they show internal doubts and names.

    ## Example
    ```text
    Antwoord 4
    Ja. Het budget voor 2025 is € 12 miljoen.[JV1]
    [Opmerking JV: bedrag nog checken bij FEZ]
    ```

    ## Use instead
    ```text
    Antwoord 4
    Ja. Het budget voor 2025 is € 12 miljoen.
    ```
    """

    code = "QA604"
    name = "review-remark"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = joined(doc.lines)
        # Every tracked change holds ":" and every remark "["; most lines hold neither, so
        # only the lines that a fast search of the whole text finds are read.
        starts = sorted({*line_starts(text, ":"), *line_starts(text, "[")})
        lines = LineIndex(text)
        for start in starts:
            line = line_at(text, start)
            tracked = _TRACKED.match(line) if ":" in line else None
            if tracked is not None:
                yield self._remark(
                    lines.at(start)[0],
                    tracked.end() - len(tracked.group().lstrip()),
                    tracked.end(),
                    tracked.group(),
                )
            if "[" not in line:
                continue
            reported = 0
            for match in _REMARK.finditer(line):
                if reported >= _PER_LINE:
                    break
                if match["anchor"] and not _ANCHOR.match(match.group()):
                    continue
                reported += 1
                yield self._remark(lines.at(start)[0], match.start(), match.end(), match.group())

    def _remark(self, index: int, start: int, end: int, found: str) -> Diagnostic:
        return self.report(
            Span(index + 1, start + 1, index + 1, end + 1),
            f"'{found.strip()[:40]}' is een opmerking of wijziging uit de review: "
            f"verwijder die voordat het stuk wordt ondertekend",
        )
