"""Footnote rules (QA5xx): every marker has its note, every note its marker, in order."""

from collections.abc import Sequence

from qalint_plugins.footnotes.footnote_out_of_order import FootnoteOutOfOrder
from qalint_plugins.footnotes.footnote_without_text import FootnoteWithoutText
from qalint_plugins.footnotes.unreferenced_footnote import UnreferencedFootnote

from qalint.hookspecs import hookimpl
from qalint.rules import Rule


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (FootnoteWithoutText, UnreferencedFootnote, FootnoteOutOfOrder)
