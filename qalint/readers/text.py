"""The reader for plain text and Markdown drafts (``.txt``, ``.md``)."""

from __future__ import annotations

from collections.abc import Sequence

from qalint.hookspecs import hookimpl
from qalint.source import Source, decode

EXTENSIONS = (".txt", ".md", ".markdown")


@hookimpl
def qalint_file_extensions() -> Sequence[str]:
    return EXTENSIONS


@hookimpl(trylast=True)
def qalint_read_source(path: str, data: bytes, encoding: str | None) -> Source | None:
    # The fallback reader: whatever no other reader claimed is read as text.
    return decode(path, data, encoding)
