"""Lines of a document's joined text (``qalint.rules.joined_lines``), for rules that
search the whole text at once: one fast ``str.find`` over the text costs less than a test
of every line."""

from collections.abc import Iterator


def line_starts(text: str, literal: str) -> Iterator[int]:
    """The offsets where the lines that hold ``literal`` start, in order, each line once."""
    at = text.find(literal)
    while at != -1:
        yield text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end == -1:
            return
        at = text.find(literal, end)


def line_at(text: str, start: int) -> str:
    """The line that starts at offset ``start``."""
    end = text.find("\n", start)
    return text[start:] if end == -1 else text[start:end]


class LineIndex:
    """The index of the line that holds an offset, for offsets asked in increasing order:
    the line ends are counted once however many offsets are asked (counting is as slow
    as a search, so a rule asks only for the lines it reports)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.counted = 0
        self.index = 0
        self.start = 0

    def at(self, offset: int) -> tuple[int, int]:
        """The index of the line that holds ``offset`` and the offset where it starts."""
        ends = self.text.count("\n", self.counted, offset)
        if ends:
            self.index += ends
            self.start = self.text.rfind("\n", self.counted, offset) + 1
        self.counted = offset
        return self.index, self.start
