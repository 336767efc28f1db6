"""Test fixture: a plugin written against an API qalint does not have.

Importing it raises ImportError, as a plugin built for another qalint version would.
qalint must report it by name and still run its built-in rules.
"""

from qalint.rules import RuleBase  # noqa: F401 - does not exist: the import fails on purpose
