"""Date rules (QA3xx): dates present and real, in order, within the deadline, right weekday."""

from collections.abc import Sequence

from qalint_plugins.dates.date_order import DateOrder
from qalint_plugins.dates.invalid_date import InvalidDate
from qalint_plugins.dates.late_answer import LateAnswer
from qalint_plugins.dates.missing_date import MissingDate
from qalint_plugins.dates.weekday_mismatch import WeekdayMismatch

from qalint.hookspecs import hookimpl
from qalint.rules import Rule


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (MissingDate, InvalidDate, DateOrder, LateAnswer, WeekdayMismatch)
