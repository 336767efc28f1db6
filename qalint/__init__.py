"""qalint: a linter for Dutch parliamentary questions and answers (Kamervragen)."""

__version__ = "0.1.0"
