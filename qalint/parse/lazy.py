"""Patterns compiled on first use.

Python compiles a pattern in pure Python (``re._parser``, ``re._compiler``): 50-1000 µs
each, and together most of qalint's own start-up. A pattern that few documents need is
kept as its text beside its documentation and compiled, once per process, when a
document does.
"""

import functools
import re


@functools.cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)
