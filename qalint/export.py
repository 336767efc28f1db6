"""The document model as plain data (``qalint parse --format json``) and as an outline."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from qalint.model import Document, HeaderLine, Span

MODEL_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, Span):
        return value.to_json()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, HeaderLine):
        # Its tokens are computed from ``pieces``, which say nothing a token doesn't.
        return {"text": value.text, "span": _plain(value.span), "tokens": _plain(value.tokens)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a model record
        return {name: _plain(item) for name, item in zip(value._fields, value, strict=True)}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value


def document_to_data(doc: Document) -> dict[str, Any]:
    data = _plain(doc)
    del data["lines"]  # the input itself; consumers have it
    return {"model_version": MODEL_VERSION, **data}


def outline(doc: Document) -> str:
    rows = [f"{doc.path}: {doc.kind.value}"]
    for block in doc.blocks:
        numbers = ", ".join(str(n) for n in block.numbers) or "-"
        rows.append(f"  {block.label_span.line:>5}  {block.role:<8} {numbers:<12} {block.label}")
    for reference in doc.references:
        targets = ", ".join(str(n) for n in reference.targets)
        rows.append(f"  {reference.span.line:>5}  verwijzing naar {targets}: {reference.phrase}")
    return "\n".join(rows) + "\n"
