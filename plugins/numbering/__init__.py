"""Numbering rules (QA1xx): every question numbered once, answered once, groups consistent."""

from collections.abc import Sequence

from qalint_plugins.numbering.answer_group_mismatch import AnswerGroupMismatch
from qalint_plugins.numbering.answer_without_question import AnswerWithoutQuestion
from qalint_plugins.numbering.duplicate_question_number import DuplicateQuestionNumber
from qalint_plugins.numbering.irregular_number_list import IrregularNumberList
from qalint_plugins.numbering.question_answered_twice import QuestionAnsweredTwice
from qalint_plugins.numbering.question_number_gap import QuestionNumberGap
from qalint_plugins.numbering.unanswered_question import UnansweredQuestion

from qalint.hookspecs import hookimpl
from qalint.rules import Rule


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (
        QuestionNumberGap,
        DuplicateQuestionNumber,
        UnansweredQuestion,
        AnswerWithoutQuestion,
        AnswerGroupMismatch,
        QuestionAnsweredTwice,
        IrregularNumberList,
    )
