"""Reference rules (QA2xx): cross-references such as "zie het antwoord op vraag 5"."""

from collections.abc import Sequence

from qalint_plugins.references.reference_to_missing_question import ReferenceToMissingQuestion
from qalint_plugins.references.reference_to_unanswered_question import (
    ReferenceToUnansweredQuestion,
)
from qalint_plugins.references.self_reference import SelfReference

from qalint.hookspecs import hookimpl
from qalint.rules import Rule


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (ReferenceToMissingQuestion, ReferenceToUnansweredQuestion, SelfReference)
