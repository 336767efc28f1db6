import functools
import re

from qalint_plugins.drafting._text import LineIndex, line_at, line_starts

from qalint import pattern_cache
from qalint.model import Document, Span
from qalint.rules import Diagnostic, Rule, Severity, joined_lines


@functools.cache
def _remark() -> re.Pattern[str]:
    """Comments as Word writes them into text exports. Every alternative opens with a
    literal character and is bounded, so a line is scanned in linear time. Anchors must
    be upper case: "[jv1]" is not Word's form. Compiled on first use: few documents
    hold a "[" (the pattern costs more to compile than most documents to check)."""
    return pattern_cache.compile(
        # [Opmerking JV: ...]
        r"\[(?:Opmerking|Commentaar|Comment|Opm\.)\b"
        # Comment [JV1]:
        r"|(?:Opmerking|Commentaar|Commented|Comment)[ ]?\[[A-Za-z]{1,4}[0-9]{0,3}\]"
        # [JV1]: a comment anchor with initials, in capitals
        r"|(?-i:\[[A-Z]{2,4}[0-9]{1,3}\])",
        re.IGNORECASE,
    )


@functools.cache
def _tracked_change() -> re.Pattern[str]:
    """Tracked changes exported as text open a line: ``Verwijderd: ...``."""
    return pattern_cache.compile(
        r"[ \t]*(?:Verwijderd|Ingevoegd|Opgemaakt|Met opmaak|Deleted|Inserted|Formatted)[ ]?:",
        re.IGNORECASE,
    )


def _tracked(line: str) -> re.Match[str] | None:
    """``_tracked_change().match(line)``, tried only where it can match: the pattern
    matches one character for each of a word's 7 to 10 (ignoring case too), after the
    line's spaces and tabs, so the line's first ":" stands 7 to 11 characters after them
    (most lines that hold a ":" hold it elsewhere)."""
    if not 7 <= line.find(":") - (len(line) - len(line.lstrip(" \t"))) <= 11:
        return None
    return _tracked_change().match(line)


def _may_track(text: str) -> list[int]:
    """The offsets where the lines start whose first ":" stands where ``_tracked`` looks
    for it, in order: 7 to 11 characters after the line's spaces and tabs, so 7 to 11
    after its start when it opens with neither (told without reading the line)."""
    starts = []
    at = text.find(":")
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        if at - start >= 7 and (at - start <= 11 or text[start] in " \t"):
            starts.append(start)
        end = text.find("\n", at)
        if end == -1:
            break
        at = text.find(":", end)
    return starts


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

    def check(self, doc: Document) -> list[Diagnostic]:
        text = joined_lines(doc.lines)
        # Every tracked change holds ":" and every remark "["; most lines hold neither, so
        # only the lines that a fast search of the whole text finds are read. Most
        # documents hold no "[": then the lines that hold a ":" come in order already.
        if "[" in text:
            starts = sorted({*line_starts(text, ":"), *line_starts(text, "[")})
        else:
            starts = _may_track(text)
        # Gathered in a list, and lines counted only for a line reported: most documents
        # have none, and a generator and the line index cost more than their check.
        found: list[Diagnostic] = []
        lines: LineIndex | None = None
        for start in starts:
            line = line_at(text, start)
            tracked = _tracked(line)
            if tracked is not None:
                lines = lines or LineIndex(text)
                found.append(
                    self._remark(
                        lines.at(start)[0],
                        tracked.end() - len(tracked.group().lstrip()),
                        tracked.end(),
                        tracked.group(),
                    )
                )
            if "[" not in line:
                continue
            reported = 0
            for match in _remark().finditer(line):
                if reported >= _PER_LINE:
                    break
                reported += 1
                lines = lines or LineIndex(text)
                found.append(
                    self._remark(lines.at(start)[0], match.start(), match.end(), match.group())
                )
        return found

    def _remark(self, index: int, start: int, end: int, found: str) -> Diagnostic:
        return self.report(
            Span(index + 1, start + 1, index + 1, end + 1),
            f"'{found.strip()[:40]}' is een opmerking of wijziging uit de review: "
            f"verwijder die voordat het stuk wordt ondertekend",
        )
