import functools
from collections.abc import Iterable

from qalint.model import Document, Official
from qalint.rules import Diagnostic, Rule, Severity

#: Ministries by key, with the portfolios and abbreviations that belong to them. A
#: minister *voor* a portfolio, a state secretary with a task (``Financiën - Fiscaliteit
#: en Belastingdienst``) and a renamed ministry (``Klimaat en Energie`` became part of
#: ``Klimaat en Groene Groei``) all count as their ministry: questions put to the
#: predecessor are answered by the successor after a cabinet change.
_MINISTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # key: (names, abbreviations)
    "AZ": (("Algemene Zaken", "Minister-President"), ("AZ",)),
    "BZ": (
        (
            "Buitenlandse Zaken",
            "Buitenlandse Handel en Ontwikkelingssamenwerking",
            "Buitenlandse Handel en Ontwikkelingshulp",
            "Ontwikkelingssamenwerking",
            "Buitenlandse Handel",
            "Europese Zaken",
        ),
        ("BZ", "BuZa", "BHO", "BHOS"),
    ),
    "BZK": (
        (
            "Binnenlandse Zaken en Koninkrijksrelaties",
            "Binnenlandse Zaken",
            "Koninkrijksrelaties",
            "Digitalisering",
            "Herstel Groningen",
            "Volkshuisvesting en Ruimtelijke Ordening",
        ),
        ("BZK",),
    ),
    "VRO": (("Volkshuisvesting en Ruimtelijke Ordening", "Volkshuisvesting"), ("VRO",)),
    "DEF": (("Defensie",), ("DEF", "Def")),
    "EZK": (
        (
            "Economische Zaken en Klimaat",
            "Economische Zaken",
            "Klimaat en Energie",
            "Klimaat en Groene Groei",
            "Mijnbouw",
        ),
        ("EZK", "EZ", "KGG"),
    ),
    "FIN": (
        ("Financiën", "Financien", "Fiscaliteit", "Belastingdienst", "Toeslagen", "Douane"),
        ("FIN", "Fin"),
    ),
    "IENW": (("Infrastructuur en Waterstaat",), ("IenW", "I&W", "IW")),
    "JENV": (
        (
            "Justitie en Veiligheid",
            "Justitie",
            "Rechtsbescherming",
            "Asiel en Migratie",
            "Migratie",
            "Asiel",
        ),
        ("JenV", "J&V", "JV", "AenM", "A&M"),
    ),
    "LNV": (
        (
            "Landbouw, Natuur en Voedselkwaliteit",
            "Landbouw, Visserij, Voedselzekerheid en Natuur",
            "Natuur en Stikstof",
            "Landbouw",
        ),
        ("LNV", "LVVN"),
    ),
    "OCW": (
        (
            "Onderwijs, Cultuur en Wetenschap",
            "Primair en Voortgezet Onderwijs",
            "Basis- en Middelbaar Onderwijs",
            "Funderend Onderwijs",
            "Cultuur en Media",
            "Onderwijs",
        ),
        ("OCW",),
    ),
    "SZW": (
        (
            "Sociale Zaken en Werkgelegenheid",
            "Armoedebeleid, Participatie en Pensioenen",
            "Participatie en Integratie",
            "Armoedebeleid",
        ),
        ("SZW",),
    ),
    "VWS": (
        (
            "Volksgezondheid, Welzijn en Sport",
            "Langdurige Zorg en Sport",
            "Medische Zorg",
            "Jeugd, Preventie en Sport",
            "Langdurige en Maatschappelijke Zorg",
            "Volksgezondheid",
        ),
        ("VWS",),
    ),
}


def _squash(text: str) -> str:
    """Letters only, lower case: glued and hyphenated PDF text compares equal."""
    return "".join(char for char in text.lower() if char.isalpha())


_NAMES = sorted(
    ((_squash(name), key) for key, (names, _) in _MINISTRIES.items() for name in names),
    key=lambda item: -len(item[0]),
)
_ABBREVIATIONS = {
    _squash(abbreviation): key
    for key, (_, abbreviations) in _MINISTRIES.items()
    for abbreviation in abbreviations
}


def ministries(official: Official) -> frozenset[str]:
    """The ministries a portfolio belongs to; the squashed text when it is unknown."""
    if official.title == "minister-president" and not official.portfolio:
        return frozenset({"AZ"})
    return _portfolio_ministries(official.portfolio)


# The same portfolios come back in document after document; each is looked up once.
@functools.lru_cache(maxsize=1024)
def _portfolio_ministries(portfolio: str) -> frozenset[str]:
    squashed = _squash(portfolio)
    if not squashed:
        return frozenset()
    if squashed in _ABBREVIATIONS:
        return frozenset({_ABBREVIATIONS[squashed]})
    found = {key for name, key in _NAMES if name in squashed}
    return frozenset(found) if found else frozenset({squashed})


class RespondentNotAddressed(Rule):
    """The minister or state secretary who answers holds a portfolio the questions were not put to.

    ## Why is this bad?
    The government line is drafted from a template, often copied from another
    answer. A signer whose portfolio is not among the addressees of the questions is
    either a copy-and-paste error (the wrong ministry signs) or a redirection that
    the header should make visible with `mede namens`. The check compares
    ministries, not spelling: abbreviations (`BZ`, `JenV`, `VWS`), a minister *voor*
    a portfolio, a state secretary's task (`Financiën - Fiscaliteit en
    Belastingdienst`), lower-case `minister` in drafts and ministries renamed after a
    cabinet change (`Klimaat en Energie`, now `Klimaat en Groene Groei`) all match.
    A signer who answers `mede namens` an addressee, and second signers (`en
    antwoord van Staatssecretaris ...`), are recognised. It is a warning: the Kamer
    sometimes addresses the wrong minister and the government then answers through
    the one responsible.

    ## Example
    ```text
    Vragen van het lid Van Nispen (SP) aan de Minister van Justitie en Veiligheid
    over ... (ingezonden 1 oktober 2024).

    Antwoord van Minister Madlener (Infrastructuur en Waterstaat) (ontvangen
    14 november 2024).
    ```

    ## Use instead
    ```text
    Antwoord van Minister Van Weel (Justitie en Veiligheid) (ontvangen
    14 november 2024).
    ```
    or, when another minister answers for the one addressed:
    ```text
    Antwoord van Minister Madlener (Infrastructuur en Waterstaat), mede namens de
    Minister van Justitie en Veiligheid (ontvangen 14 november 2024).
    ```
    """

    code = "QA406"
    name = "respondent-not-addressed"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        addressed = doc.header.addressed
        if not addressed:
            return ()
        addressed_keys = frozenset().union(*map(ministries, addressed))
        if not addressed_keys:
            return ()
        # One pass over signers and co-signers, without a generator: most documents are
        # signed by an addressed minister, and then nothing is built.
        unaddressed = []
        for official in doc.header.signers:
            keys = ministries(official)
            if official.role == "co-signer":
                if keys & addressed_keys:
                    return ()  # answered on behalf of an addressed minister
            elif official.role == "signer" and keys and not keys & addressed_keys:
                unaddressed.append(official)
        if not unaddressed:
            return ()  # without starting a comprehension (a call of its own)
        return [self._unaddressed(signer, addressed) for signer in unaddressed]

    def _unaddressed(self, signer: Official, addressed: tuple[Official, ...]) -> Diagnostic:
        who = f"{signer.title} {signer.name}" if signer.name else signer.title
        listed = ", ".join(_describe(o) for o in addressed[:4])
        return self.report(
            signer.span,
            f"{who} ({signer.portfolio[:60]}) antwoordt, maar de vragen zijn gesteld aan: {listed}",
        )


def _describe(official: Official) -> str:
    if not official.portfolio:
        return official.title
    return f"{official.title} ({official.portfolio[:60]})"
