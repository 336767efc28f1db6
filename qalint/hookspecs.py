"""The plugin contract of qalint.

Built-in rules and third-party plugins (entry-point group ``qalint``) implement these
hooks the same way. Every hook is called per plugin inside a guard, so a plugin that
raises becomes a QA000 finding and never costs another plugin its results.
"""

from __future__ import annotations

from collections.abc import Sequence

import pluggy

from qalint.rules import Rule
from qalint.source import Source

hookspec = pluggy.HookspecMarker("qalint")
hookimpl = pluggy.HookimplMarker("qalint")


@hookspec
def qalint_register_rules() -> Sequence[type[Rule]]:
    """Return the rule classes this plugin provides.

    Each class has a unique ``code`` (third-party plugins use their own 2-4 letter
    prefix, never ``QA``), a kebab-case ``name``, a default ``severity`` and a docstring
    that documents it.
    """
    raise NotImplementedError


@hookspec
def qalint_file_extensions() -> Sequence[str]:
    """Return the file extensions (with dot, lower case) this plugin can read.

    Directories given on the command line are walked for these extensions.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def qalint_read_source(path: str, data: bytes, encoding: str | None) -> Source | None:
    """Turn the bytes of ``path`` into a ``Source``, or return None to pass.

    The first plugin that returns a Source wins. Raise ``qalint.source.DecodeFailure``
    for input in this plugin's format that cannot be read; it becomes a QA001 finding.
    """
    raise NotImplementedError
