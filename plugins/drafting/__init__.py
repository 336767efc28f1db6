"""Drafting rules (QA6xx): what must never reach the Kamer from a draft."""

from collections.abc import Sequence

from qalint_plugins.drafting.empty_answer import EmptyAnswer
from qalint_plugins.drafting.placeholder_text import PlaceholderText
from qalint_plugins.drafting.question_without_question_mark import QuestionWithoutQuestionMark
from qalint_plugins.drafting.review_remark import ReviewRemark

from qalint.hookspecs import hookimpl
from qalint.rules import Rule


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (PlaceholderText, EmptyAnswer, QuestionWithoutQuestionMark, ReviewRemark)
