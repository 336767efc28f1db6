"""Building model records in bulk.

A record class (``qalint.records.Record``, as a NamedTuple) builds its instances in a
Python-level ``__new__``, at twice the cost of tuple's own constructor. The parser
builds many records per document (spans, tokens, labels, blocks, footnote markers), so
it calls tuple's constructor directly:
``new(Span, (line, column, end_line, end_column))``. That skips defaults and argument
checks, so every field is given, in order, by code that computes them itself.
"""

from __future__ import annotations

new = tuple.__new__
