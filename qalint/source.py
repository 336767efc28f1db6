"""From bytes to decoded text and lines, with a fixed decoding policy.

The policy is BOM first, then strict UTF-8, otherwise the encoding the user named.
Nothing is guessed: detectors misread short Dutch text (ROBUSTNESS.md 0.4).
"""

import codecs

from qalint.records import Record, new


class DecodeFailure(Exception):
    """The input could not be decoded; ``line``/``column`` point at the first bad byte."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class Source(Record):
    path: str
    text: str
    lines: tuple[str, ...]
    had_bom: bool = False


#: Where str.splitlines() splits besides "\n", "\r\n" and "\r".
_OTHER_BREAKS = ("\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def split_lines(text: str) -> tuple[str, ...]:
    """Split at ``\\n``, ``\\r\\n`` and ``\\r`` only (the one line model of qalint).

    Not str.splitlines(): that also splits at \\f, \\v, \\x1c-\\x1e, \\x85, U+2028 and
    U+2029, and then line numbers disagree with grep -n and editors.
    """
    if "\r" in text:
        if not any(map(text.__contains__, _OTHER_BREAKS)):
            # Then splitlines() splits as this model does, in one pass; each replace()
            # below costs twice as much (Windows files are common). It leaves out the
            # empty line after a final break.
            lines = text.splitlines()
            if text[-1] in "\r\n":
                lines.append("")
            return tuple(lines)
        # "\r\n" first, so that it stays one break; then a lone "\r". Two C passes cost
        # a third of a regex split at "\r\n|\r|\n".
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return tuple(text.split("\n"))


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of byte ``offset`` of mostly-UTF-8 data."""
    head = data[:offset].decode("utf-8", errors="replace")
    lines = split_lines(head)
    return len(lines), len(lines[-1]) + 1


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly-Latin UTF-16 has a NUL in every other byte, and in those bytes only."""
    sample = data[:200]
    if len(sample) < 8:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) > half * 0.4 and min(even_nuls, odd_nuls) <= half * 0.1


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(path: str, data: bytes, encoding: str | None = None) -> Source:
    """Decode ``data`` or raise ``DecodeFailure`` with a Dutch message."""
    if data.startswith(_BOMS):  # one test for the common case, a file without a BOM
        return _decode_with_bom(path, data)
    nul = data.find(b"\x00")
    if nul != -1 and not _allows_nul(encoding):
        if _looks_like_utf16(data):
            raise DecodeFailure("lijkt UTF-16 zonder BOM; sla het bestand op als UTF-8")
        line, column = _position_of_byte(data, nul)
        raise DecodeFailure(f"geen tekstbestand (NUL-byte op byte {nul})", line, column)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise DecodeFailure(f"onbekende codering '{encoding}'") from None
        except UnicodeDecodeError as exc:
            line, column = _position_of_byte(data, exc.start)
            raise DecodeFailure(
                f"niet te lezen als {encoding} (byte 0x{data[exc.start]:02X})", line, column
            ) from None
        return Source(path, text, split_lines(text))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _utf8_failure(data, exc) from None
    # tuple's own constructor, as the parser builds its records (qalint.records.new):
    # Source's, a Python function, costs more. Every field is given.
    return new(Source, (path, text, split_lines(text), False))


def _decode_with_bom(path: str, data: bytes) -> Source:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _utf8_failure(data, exc) from None
        return Source(path, text, split_lines(text), had_bom=True)
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise DecodeFailure(f"ongeldige UTF-16-tekst ({exc.reason})") from None
    return Source(path, text, split_lines(text), had_bom=True)


def _allows_nul(encoding: str | None) -> bool:
    """NUL bytes mean binary data, except in the wide encodings the user named."""
    if encoding is None:
        return False
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name.startswith(("utf-16", "utf-32"))


def _utf8_failure(data: bytes, exc: UnicodeDecodeError) -> DecodeFailure:
    """What is wrong with UTF-8 ``data`` (after any BOM) that failed to decode with ``exc``."""
    line, column = _position_of_byte(data, exc.start)
    bad = data[exc.start]
    if exc.end >= len(data) and exc.reason == "unexpected end of data":
        hint = "; het laatste teken is afgebroken"
    elif _is_cp1252(data):
        hint = "; is dit Windows-1252? Gebruik dan --encoding cp1252"
    else:
        hint = ""
    return DecodeFailure(f"geen geldige UTF-8 (byte 0x{bad:02X}){hint}", line, column)


def _is_cp1252(data: bytes) -> bool:
    # Only a hint: the user decides. Five bytes are undefined in cp1252.
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
