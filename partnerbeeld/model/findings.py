"""Problems in the data are values: a ``Finding`` per problem.

The loader and the checks only yield findings; every output format
(terminal text, JSON, GitHub annotations, GitLab Code Quality) is a view of
the same list. Codes are stable: CI configurations and people refer to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from partnerbeeld.infra.paths import located


class Severity(StrEnum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


# Every finding code with what it means, in Dutch (shown by `valideer --codes`
# and in the README). A code is never renamed or reused.
CODES: dict[str, str] = {
    "bestand-onleesbaar": "Het bestand kan niet worden gelezen.",
    "bestand-te-groot": "Het bestand is groter dan de toegestane maximale grootte.",
    "bestand-buiten-dataset": "Een symbolische koppeling wijst naar een bestand buiten de dataset.",
    "bestand-ontbreekt": "Een verplicht bestand van de dataset ontbreekt.",
    "map-onleesbaar": "Een map van de dataset kan niet worden gelezen (geen map, geen toestemming, kringkoppeling).",
    "yaml-utf8": "Het bestand is geen geldige UTF-8-tekst.",
    "yaml-syntaxis": "De YAML-syntaxis klopt niet.",
    "yaml-tab": "Er staat een tab waar YAML spaties verwacht.",
    "yaml-leeg": "Het bestand is leeg.",
    "yaml-geen-mapping": "Het bestand bevat geen mapping (sleutel: waarde) op het hoogste niveau.",
    "yaml-dubbele-sleutel": "Dezelfde sleutel staat twee keer in één mapping.",
    "yaml-alias-bom": "Ankers en aliassen breiden zich uit tot te veel knopen.",
    "yaml-tag": "Een YAML-tag (!...) is niet toegestaan.",
    "yaml-meerdere-documenten": "Het bestand bevat meer dan één YAML-document.",
    "veld-onbekend": "Een sleutel die in dit soort record niet bestaat.",
    "veld-ontbreekt": "Een verplicht veld ontbreekt.",
    "veld-ongeldig": "De waarde past niet bij het veld.",
    "id-dubbel": "Twee records van hetzelfde soort hebben hetzelfde id.",
    "id-bestandsnaam": "De bestandsnaam is niet gelijk aan het id.",
    "verwijzing-onbekend": "Een verwijzing naar een record dat niet bestaat.",
    "incidenttype-dubbel": "Een incidenttypecode komt twee keer voor, of een alias is ook een code.",
    "incidenttype-cyclus": "De boom van incidenttypen bevat een kringverwijzing.",
    "incidenttype-te-diep": "De boom van incidenttypen is dieper dan het maximum (20 niveaus).",
    "telefoon-ongeldig": "Het telefoonnummer is geen geldig Nederlands of internationaal nummer.",
    "email-ongeldig": "Het e-mailadres is ongeldig.",
    "lijst-dubbel": "Dezelfde waarde staat meer dan eens in één lijst.",
    "lijst-te-lang": "Een lijst is langer dan het maximum (1000 items).",
    "datum-volgorde": "Data staan in de verkeerde volgorde.",
    "datum-toekomst": "Een datum van iets dat al gebeurd is, ligt in de toekomst.",
    "accounthouder-ontbreekt": "Een partner heeft geen accounthouder.",
    "primair-contact-ontbreekt": "Een partner die gealarmeerd wordt, heeft geen primair 24/7-nummer.",
    "acceptatie-ongeldig": "Een acceptatie is onvolledig (code, einddatum of reden) of noemt een onbekende code.",
    "acceptatie-van-fout": "Een acceptatie van een fout: fouten los je op, alleen waarschuwingen kun je accepteren.",
    "acceptatie-verlopen": "De einddatum van een acceptatie is voorbij; de geaccepteerde melding telt weer mee.",
    "acceptatie-ongebruikt": "Een acceptatie past op geen enkele melding meer.",
    "onzichtbaar-teken": "Een sleutel, waarde of bestandsnaam bevat een stuur-, bidi- of onzichtbaar teken.",
}

# The codes that are warnings (the checks decide each finding's severity; tests
# keep this set true). Only these can be accepted; every other code is an error.
WARNING_CODES = frozenset(
    {
        "accounthouder-ontbreekt",
        "primair-contact-ontbreekt",
        "lijst-dubbel",
        "acceptatie-verlopen",
        "acceptatie-ongebruikt",
    }
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place. ``line`` and ``column`` are 1-based; 0 = unknown."""

    file: Path
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown finding code {self.code!r}")

    def relative_to(self, root: Path) -> str:
        """The file as a path relative to ``root`` (for CI annotations), else as given.

        The file itself is not resolved: a symbolic link is reported where it
        stands in the dataset, not where it points.
        """
        try:
            return located(self.file).relative_to(root.resolve()).as_posix()
        except ValueError:
            return self.file.as_posix()

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file.as_posix(), self.line, self.column, self.code)


def count(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for finding in findings:
        if finding.severity is Severity.FOUT:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
