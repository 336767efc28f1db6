"""Header rules (QA4xx): what a reader of the header sees first and a minister signs."""

from collections.abc import Sequence

from qalint_plugins.header.doubled_phrase import DoubledPhrase
from qalint_plugins.header.duplicate_date import DuplicateDate
from qalint_plugins.header.malformed_case_number import MalformedCaseNumber
from qalint_plugins.header.member_form_mismatch import MemberFormMismatch
from qalint_plugins.header.respondent_not_addressed import RespondentNotAddressed
from qalint_plugins.header.signers_not_joined import SignersNotJoined
from qalint_plugins.header.unbalanced_parenthesis import UnbalancedParenthesis

from qalint.hookspecs import hookimpl
from qalint.rules import Rule


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (
        UnbalancedParenthesis,
        DoubledPhrase,
        MemberFormMismatch,
        MalformedCaseNumber,
        DuplicateDate,
        RespondentNotAddressed,
        SignersNotJoined,
    )
