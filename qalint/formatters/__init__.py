"""Output formats. Each formatter writes a finished, sorted run to a text stream."""

from __future__ import annotations


RULES_URL = "https://github.com/qalint/qalint/blob/main/docs/rules.md"

#: Bidi overrides and isolates can make terminal text lie about its content.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def rule_url(code: str, name: str) -> str:
    return f"{RULES_URL}#{code.lower()}-{name}"


#: Git-style short escapes for the control characters people recognise.
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_surrogates(text: str) -> str:
    """Undecodable file-name bytes (``\\udcff``) as ``\\xff``, the form text output shows.

    Lone surrogates are not valid Unicode, and strict JSON readers reject them.
    """
    if not any(0xDC80 <= ord(char) <= 0xDCFF for char in text):
        return text
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else c
                   for c in text)


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
