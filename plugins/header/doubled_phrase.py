from collections.abc import Iterable, Iterator
from itertools import pairwise
from operator import eq

from qalint.model import Document, HeaderLine, Span, Token
from qalint.rules import Diagnostic, Related, Rule, Severity

#: Longest phrase (in words and parentheses) that is looked for twice in a row.
_LONGEST = 5
#: Words that Dutch may legitimately write twice: "dat dat niet klopt".
_ALLOWED_TWICE = frozenset({"dat", "die"})


class DoubledPhrase(Rule):
    """A word or phrase in the question header or the government line is written twice in a row.

    ## Why is this bad?
    A doubled word is the typical trace of an edit that was half undone, and in the
    header it is printed in the Aanhangsel as it stands: `(ontvangen (ontvangen
    7 juni 2024)` was published. The finding points at the second occurrence.

    ## Example
    ```text
    Mededeling van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties)
    (ontvangen (ontvangen 7 juni 2024).
    ```

    ## Use instead
    ```text
    Mededeling van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties)
    (ontvangen 7 juni 2024).
    ```
    """

    code = "QA402"
    name = "doubled-phrase"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        header = doc.header
        # The element lines, without building their tuple, and only those that may hold a
        # doubled phrase (most have none: then without starting a generator).
        question, government = header.question_header, header.government_line
        if (question is None or not _may_double(question.text)) and (
            government is None or not _may_double(government.text)
        ):
            return ()
        return self._doubled(doc)

    def _doubled(self, doc: Document) -> Iterator[Diagnostic]:
        header = doc.header
        for line in (header.question_header, header.government_line):
            if line is not None and _may_double(line.text):
                yield from self._check_line(line)

    def _check_line(self, line: HeaderLine) -> Iterator[Diagnostic]:
        # The words are enough to find a doubled phrase; the tokens, with their
        # positions, are built only for a line that has one.
        keys = [word.strip(",.;:").lower() for word in line.words]
        tokens: tuple[Token, ...] = ()
        index = 0
        while index < len(keys):
            # Most words do not come back within the longest phrase: decided by one test
            # in C instead of a test per phrase length.
            if keys[index] not in keys[index + 1 : index + _LONGEST + 1]:
                index += 1
                continue
            size = _doubled_at(keys, index)
            if size:
                tokens = tokens or line.tokens
                first, second = (
                    tokens[index : index + size],
                    tokens[index + size : index + 2 * size],
                )
                phrase = _phrase(second)
                yield self.report(
                    Span(
                        second[0].span.line,
                        second[0].span.column,
                        second[-1].span.end_line,
                        second[-1].span.end_column,
                    ),
                    f"'{phrase}' staat twee keer achter elkaar",
                    (Related(first[0].span, "eerste keer"),),
                )
                index += 2 * size
            else:
                index += 1


def _may_double(text: str) -> bool:
    """Whether the words of ``text`` may hold a doubled phrase (false for most headers),
    decided in C on the text instead of a test per word.

    The words here are the rule's words with every ``,.;:`` removed, and without the
    parentheses and the words that were nothing but marks: a doubled phrase of the rule
    holds a word, so these words hold a doubled phrase of one to ``_LONGEST`` words too.
    Without the parentheses, fewer headers repeat two words (``(PVV) en ... (PVV)``).
    """
    text = text.lower()  # before the marks go: a final sigma is lowered as in the words
    for mark in ",.;:":
        if mark in text:  # a test costs less than a call, and ";" and ":" are rare
            text = text.replace(mark, "")
    words = text.replace("(", " ").replace(")", " ").split()
    if any(map(eq, words, words[1:])):
        return True  # a word doubled
    # Most headers have no two words twice in a row: then no longer phrase is doubled
    # either (a doubled phrase of two or more words holds its first two words twice).
    if len(set(pairwise(words))) == len(words) - 1:
        return False
    # A doubled phrase of ``size`` words: ``size`` words in a row equal those ``size`` on.
    return any(
        bytes(map(eq, words, words[size:])).find(b"\x01" * size) != -1
        for size in range(2, _LONGEST + 1)
    )


def _doubled_at(keys: list[str], index: int) -> int:
    """The length of a phrase starting at ``index`` that is repeated right after it."""
    first = keys[index]
    for size in range(1, _LONGEST + 1):
        if index + 2 * size > len(keys):
            break
        if keys[index + size] != first:
            continue  # the common case, decided without building two slices
        phrase = keys[index : index + size]
        if phrase != keys[index + size : index + 2 * size]:
            continue
        if not any(key.isalpha() for key in phrase):
            continue  # "((" or "2024 2024" is not a doubled phrase of words
        if size == 1 and phrase[0] in _ALLOWED_TWICE:
            continue
        return size
    return 0


def _phrase(tokens: tuple[Token, ...]) -> str:
    text = ""
    for token in tokens:
        if text and not text.endswith("(") and token.text != ")":
            text += " "
        text += token.text
    return text[:60]
