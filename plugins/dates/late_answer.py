from collections.abc import Iterable

from qalint.model import DateField, Document, Kind
from qalint.records import Record
from qalint.rules import Diagnostic, Related, Rule, Severity


class Options(Record):
    #: Days the government has to answer (Reglement van Orde: three weeks).
    deadline_days: int = 21
    #: Days after submission when a delay notice was sent (three more weeks).
    extended_deadline_days: int = 42


#: Read once: reading an enum's member costs more than the test.
_ANSWER = Kind.ANSWER


class LateAnswer(Rule):
    """The answer came later than the deadline.

    ## Why is this bad?
    The Reglement van Orde gives the government three weeks to answer; when that is
    not possible it sends a delay notice (*Mededeling*) and has three more weeks.
    Lateness is common, so this is a warning: more than `deadline-days` after the
    questions with no delay notice referenced (`Zie ook Aanhangsel Handelingen, ...
    nr. N`), or more than `extended-deadline-days` in any case.

    ## Example
    ```text
    Vragen van het lid ... (ingezonden 3 juni 2014).
    Antwoord van Minister ... (ontvangen 30 juni 2014).
    ```

    ## Use instead
    Answer within three weeks, or send a delay notice and refer to it:
    ```text
    Antwoord van Minister ... (ontvangen 30 juni 2014).
    Zie ook Aanhangsel Handelingen, vergaderjaar 2013–2014, nr. 2100.
    ```

    ## Options
    - `deadline-days` (default 21)
    - `extended-deadline-days` (default 42)
    """

    code = "QA304"
    name = "late-answer"
    severity = Severity.WARNING
    Options = Options

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # One finding at most: returned, without a generator.
        if doc.kind is not _ANSWER:
            return ()
        submitted = _first_known(doc.header.submitted)
        received = _first_known(doc.header.received)
        if submitted is None or received is None:
            return ()
        assert submitted.value is not None and received.value is not None
        days = (received.value - submitted.value).days
        related = (Related(submitted.span, "datum van indienen"),)
        if days > self.options.extended_deadline_days:
            return (
                self.report(
                    received.span,
                    f"antwoord na {days} dagen; ook met uitstel is de termijn "
                    f"{self.options.extended_deadline_days} dagen",
                    related,
                ),
            )
        if days > self.options.deadline_days and not doc.header.delay_references:
            return (
                self.report(
                    received.span,
                    f"antwoord na {days} dagen zonder verwijzing naar een "
                    f"uitstelbericht; de termijn is {self.options.deadline_days} dagen",
                    related,
                ),
            )
        return ()


def _first_known(fields: tuple[DateField, ...]) -> DateField | None:
    """The first of ``fields`` whose date could be read (a loop: a generator costs more)."""
    for field in fields:
        if field.value is not None:
            return field
    return None
