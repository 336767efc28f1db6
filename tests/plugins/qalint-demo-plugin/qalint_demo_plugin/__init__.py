"""An example third-party qalint plugin, used by the test suite as a real distribution.

It registers its rules through the entry-point group ``qalint`` exactly as any
published plugin would, and uses its own code prefix (``KV``) since ``QA`` belongs to
qalint itself.
"""

from collections.abc import Sequence

from qalint.hookspecs import hookimpl
from qalint.rules import Rule
from qalint_demo_plugin.long_question import LongQuestion


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (LongQuestion,)
