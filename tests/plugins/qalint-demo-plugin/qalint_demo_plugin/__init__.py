"""An example third-party qalint plugin, used by the test suite as a real distribution.

It registers its rules through the entry-point group ``qalint`` exactly as any
published plugin would, and uses its own code prefix (``KV``) since ``QA`` belongs to
qalint itself.
"""

import atexit
import os
from collections.abc import Sequence
from pathlib import Path

from qalint.hookspecs import hookimpl
from qalint.rules import Rule
from qalint_demo_plugin.long_question import LongQuestion

# For the test suite: shows that a plugin's exit handlers run when qalint ends.
if os.environ.get("QALINT_DEMO_EXIT_FILE"):
    atexit.register(Path(os.environ["QALINT_DEMO_EXIT_FILE"]).write_text, "afgesloten\n")


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return (LongQuestion,)
