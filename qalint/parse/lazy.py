"""Patterns compiled on first use.

Compiling a pattern costs much (and something even from ``qalint.pattern_cache``). A
pattern that few documents need is kept as its text beside its documentation and
compiled, once per process, when a document does.
"""

import functools
import re

from qalint import pattern_cache


@functools.cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return pattern_cache.compile(pattern, flags)
