"""Document rules (QA0xx): input that is empty or a structure the parser could not read."""

from collections.abc import Sequence

from qalint_plugins.document.empty_document import EmptyDocument
from qalint_plugins.document.unrecognised_structure import UnrecognisedStructure

from qalint.hookspecs import hookimpl
from qalint.rules import Rule


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (EmptyDocument, UnrecognisedStructure)
