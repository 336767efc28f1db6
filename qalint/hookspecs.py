"""The plugin contract of qalint.

Built-in rules and third-party plugins (entry-point group ``qalint``) implement these
hooks the same way. Every hook is called per plugin inside a guard, so a plugin that
raises becomes a QA000 finding and never costs another plugin its results.

What qalint checks when it loads a plugin (a failure is an error naming the plugin by
entry-point name and distribution version, and exit code 2; the plugin is left out):

- the module imports (any exception, ``SystemExit`` included, is a load failure);
- every ``@hookimpl`` names a hook below, with arguments the hook has; qalint calls
  each implementation on its own, so hook wrappers are not supported;
- every rule is a ``Rule`` subclass with its own ``check``, a code of 2-4 capitals and
  3 digits that does not start with ``QA`` and that no other rule has, a unique
  kebab-case name, a ``Severity`` and ``Options`` that can be built from defaults.

And when it runs a rule on a file: an exception (``SystemExit`` included; not
``KeyboardInterrupt``), an invalid finding, a change to the document or a rule that
runs too long becomes QA000 for that rule and file only.
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
    that documents it. Return a list or tuple of classes, not instances.

    ``check(doc)`` reads only the ``Document`` and the rule's options, and yields
    findings made with ``self.report``; it must not change the document (other rules
    see the same one).
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
