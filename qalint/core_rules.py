"""Findings the core itself reports: a failing plugin, unreadable input, a limit.

They are rules like any other for selection, severity and documentation, but their
``check`` finds nothing: the runner reports them when reading or a plugin fails.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qalint.hookspecs import hookimpl
from qalint.model import Document
from qalint.rules import Diagnostic, Rule, Severity


class _CoreRule(Rule):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return iter(())


class PluginFailure(_CoreRule):
    """A rule or plugin failed, so this file was not fully checked.

    ## Why is this bad?
    A rule that crashed, could not be loaded or returned something that is not a
    finding has not checked the document. The run exits with code 2 so that a partial
    check never looks like a clean one. The message names the plugin and the rule.

    ## Example
    ```text
    concept.txt:1:1: QA000 regel XY101 (plugin qalint-voorbeeld 1.0) is gecrasht: KeyError: 'x'
    ```

    ## Use instead
    Report the problem to the plugin's authors, or leave the plugin out until it is
    fixed. Run with `--debug` to see the traceback.
    """

    code = "QA000"
    name = "plugin-failure"
    severity = Severity.ERROR


class UnreadableInput(_CoreRule):
    """The file could not be read or decoded.

    ## Why is this bad?
    qalint reads UTF-8 (with or without BOM) and never guesses an encoding, because
    guessing misreads short Dutch text. A file in another encoding, a binary file or a
    file that does not exist is not checked at all.

    ## Example
    ```text
    concept.txt:1:9: QA001 geen geldige UTF-8 (byte 0x92); is dit Windows-1252?
    Gebruik dan --encoding cp1252
    ```

    ## Use instead
    Save the draft as UTF-8, or name its encoding with `--encoding cp1252` (or
    `encoding = "cp1252"` in the configuration).
    """

    code = "QA001"
    name = "unreadable-input"
    severity = Severity.ERROR


class InputTooLarge(_CoreRule):
    """The file is larger than `max-file-size` and was not read.

    ## Why is this bad?
    Real drafts are at most tens of kilobytes. A file of many megabytes is almost
    always the wrong file, and reading it would cost time and memory.

    ## Example
    ```text
    dump.txt:1:1: QA002 bestand is 52.428.800 bytes; de grens is 5.242.880 (max-file-size)
    ```

    ## Use instead
    Check the right file, or raise `max-file-size` in the configuration.
    """

    code = "QA002"
    name = "input-too-large"
    severity = Severity.ERROR


CORE_RULES: tuple[type[Rule], ...] = (PluginFailure, UnreadableInput, InputTooLarge)


@hookimpl
def qalint_register_rules() -> Sequence[type[Rule]]:
    return CORE_RULES
