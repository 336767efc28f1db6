"""Output formats. A report is written file by file as results come in (``add``) and
finished with the run's tally (``close``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qalint.rules import Severity
    from qalint.runner import FileResult


RULES_URL = "https://github.com/qalint/qalint/blob/main/docs/rules.md"

#: Bidi overrides and isolates can make terminal text lie about its content.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


class Tally:
    """What a run found, counted as it goes (the findings themselves are not kept)."""

    __slots__ = ("counts", "failed", "fails", "files")

    def __init__(self) -> None:
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.files = 0
        self.failed = False  # a file was not fully checked (QA000-QA002): exit 2
        self.fails = False  # a finding at or above the file's fail-on level: exit 1

    def add(self, result: FileResult, fail_on: Severity) -> None:
        self.files += 1
        self.failed = self.failed or result.failed
        for diag in result.diagnostics:
            self.counts[diag.severity.value] += 1
            if diag.severity.rank >= fail_on.rank:
                self.fails = True


def rule_url(code: str, name: str) -> str:
    return f"{RULES_URL}#{code.lower()}-{name}"


#: Git-style short escapes for the control characters people recognise.
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_surrogates(text: str) -> str:
    """Undecodable file-name bytes (``\\udcff``) as ``\\xff``, the form text output shows.

    Lone surrogates are not valid Unicode, and strict JSON readers reject them.
    """
    if text.isascii() or not any(0xDC80 <= ord(char) <= 0xDCFF for char in text):
        return text  # almost every path is ASCII, which is told in C
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else c for c in text)


def escape_for_terminal(text: str) -> str:
    """Show control characters, bidi controls and undecodable bytes escaped."""
    if text.isprintable() and not (_BIDI & set(text)):
        return text
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid in the file name
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char in _SHORT:
            out.append(_SHORT[char])
        elif char in _BIDI or (not char.isprintable() and char != " "):
            import unicodedata

            category = unicodedata.category(char)
            if code < 0x100:
                out.append(f"\\x{code:02x}")
            elif category.startswith("C") or char in _BIDI:
                out.append(f"\\u{code:04x}")
            else:
                out.append(char)
        else:
            out.append(char)
    return "".join(out)
