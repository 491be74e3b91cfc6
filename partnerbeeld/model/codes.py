"""Every finding code ``valideer`` can report, each with its meaning and a bad and a good example.

As yamllint keeps one description per rule, partnerbeeld keeps one ``Spec`` per
finding code. docs/codes.md, ``valideer --codes`` and the table of
tests/test_findings_codes.py are made from them, so the reference, the command
line and the tests cannot tell different stories. ``findings`` loads this module
at the first finding: ``zoek`` on good data need not build the examples at start.

Each example is one file (or folder) put into an otherwise good dataset that has
the municipalities ``leiden`` and ``gouda``, the incident type ``drinkwater`` and
the account holder ``a-holder``. tests/test_findings_codes.py checks that every bad
example gives exactly its code at its line, and that every good example gives no
finding at all. Add a code here, with its examples, before a check reports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from partnerbeeld.model.severity import Severity


@dataclass(frozen=True, slots=True)
class Example:
    """One path of an otherwise good dataset, as an example puts it.

    ``text`` is the file's content (``None``: the path is absent); with ``link``
    the path is a symbolic link to ``link`` (relative to the dataset's folder),
    and ``text``, when given, is written there. ``line`` is where a finding of a
    bad example points (0: the file as a whole, without a line). ``beside`` are
    other files the example needs, ``note`` says in Dutch what text cannot show.
    """

    file: str
    text: str | None
    line: int = 0
    link: str | None = None
    encoding: str = "utf-8"
    beside: tuple[tuple[str, str], ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Spec:
    """One finding code. A code is never renamed or reused: CI configurations and people refer to it."""

    code: str
    severity: Severity
    meaning: str  # Dutch, one sentence
    applies_to: str  # Dutch: which files or folders can have it
    bad: Example
    good: Example
    also: frozenset[str] = field(default_factory=frozenset)  # codes that necessarily come with a bad example


FOUT, WAARSCHUWING = Severity.FOUT, Severity.WAARSCHUWING
PARTNER_FILE = "partners/partner-a.yaml"
PARTNER = "id: partner-a\nname: Partner A\nsector: waterbeheer\naccount_holder: a-holder\n"
NO_HOLDER = PARTNER.replace("account_holder: a-holder\n", "")
HOLDERS = "account_holders:\n  - id: a-holder\n    name: Anna Houder\n"
ANY_FILE = "elk bestand"
ANY_YAML = "elk YAML-bestand"
RECORDS = "elk record"
TYPES = "incidenttypes.yaml"
PARTNERS = "partners/"
ACCEPTANCES = "acceptaties (in een bestand of in partnerbeeld.yaml)"

# seven levels of nine aliases each: 9**7 nodes from seven short lines
_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['x'] * 9)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f"], ["a", "b", "c", "d", "e", "f", "g"], strict=True)
)


def _chain(levels: int) -> str:
    """An incident-type tree that is one chain, ``levels`` deep."""
    lines = ["incident_types:", "  - code: t1", "    name: T1"]
    for level in range(2, levels + 1):
        lines += [f"  - code: t{level}", f"    name: T{level}", f"    parent: t{level - 1}"]
    return "\n".join(lines) + "\n"


def _holders(count: int) -> str:
    return "account_holders:\n" + "".join(f"  - id: h{i}\n    name: Houder {i}\n" for i in range(count))


def _partner(extra: str, base: str = PARTNER) -> str:
    return base + extra


def _bad(text: str | None, line: int, file: str = PARTNER_FILE, **more: Any) -> Example:
    return Example(file, text, line, **more)


def _good(text: str | None = PARTNER, file: str = PARTNER_FILE, **more: Any) -> Example:
    return Example(file, text, **more)


_CONTACT = "contacts:\n  - label: Piket\n    phone: {phone}\n"
_ALERTED = _partner(
    "roles:\n  drinkwater:\n    modes: [alarmeren]\n"
    "contacts:\n  - label: Piket\n    phone: 071 000 00 00\n    available: 24/7\n"
)
_COVENANT = "id: convenant-a\ntitle: Convenant A\npartners: [partner-a]\nstatus: actief\nsigned_on: 2024-03-01\n"
_CYCLE = "incident_types:\n  - code: thema\n    name: Thema\n    parent: crisis\n  - code: crisis\n    name: Crisis\n"
_ALIASES = "incident_types:\n  - code: drinkwater\n    name: Drinkwater\naliases:\n  water: [drinkwater]\n"
_TWO_WATER = tuple(
    (f"partners/{pid}.yaml", PARTNER.replace("partner-a", pid).replace("Partner A", pid.title()))
    for pid in ("partner-b", "partner-c")
)
_ACCEPT = "# partnerbeeld: accepteer accounthouder-ontbreekt tot {until} -- {reason}\n"

SPECS: tuple[Spec, ...] = (
    Spec(
        "bestand-onleesbaar",
        FOUT,
        "Het bestand kan niet worden gelezen.",
        ANY_FILE,
        _bad(None, 1, link="partners/weg.yaml", note="Het bestand waar de koppeling naar wijst, bestaat niet."),
        _good(),
    ),
    Spec(
        "bestand-te-groot",
        FOUT,
        "Het bestand is groter dan de toegestane maximale grootte.",
        ANY_FILE,
        _bad(_partner("note: " + "x" * 1024 * 1024 + "\n"), 1, note="Een opmerking van een miljoen tekens."),
        _good(_partner("note: Kort en bondig.\n")),
    ),
    Spec(
        "bestand-buiten-dataset",
        FOUT,
        "Een symbolische koppeling wijst naar een bestand buiten de dataset.",
        ANY_FILE,
        _bad(PARTNER, 1, link="../elders.yaml", note="De map `..` is de map boven de dataset."),
        _good(),
    ),
    Spec(
        "bestand-ontbreekt",
        FOUT,
        "Een verplicht bestand van de dataset ontbreekt.",
        "partnerbeeld.yaml, incidenttypes.yaml, accountholders.yaml",
        _bad(None, 0, "accountholders.yaml"),
        _good(HOLDERS, "accountholders.yaml"),
    ),
    Spec(
        "map-onleesbaar",
        FOUT,
        "Een map van de dataset kan niet worden gelezen (geen map, geen toestemming, kringkoppeling).",
        "partners/, profiles/, covenants/, exercises/, plans/",
        _bad("hoi\n", 0, "plans", note="`plans` is een bestand in plaats van een map."),
        _good("id: plan-a\ntitle: Plan A\nkind: overig\nlast_revised_on: 2025-01-01\n", "plans/plan-a.yaml"),
    ),
    Spec(
        "yaml-utf8",
        FOUT,
        "Het bestand is geen geldige UTF-8-tekst.",
        ANY_YAML,
        _bad(PARTNER.replace("Partner A", "Café"), 2, encoding="latin-1", note="Opgeslagen als Latin-1."),
        _good(PARTNER.replace("Partner A", "Café"), note="Opgeslagen als UTF-8."),
    ),
    Spec(
        "yaml-syntaxis",
        FOUT,
        "De YAML-syntaxis klopt niet.",
        ANY_YAML,
        _bad(_partner("area: [leiden, gouda\nnote: Tekst.\n"), 6),
        _good(_partner("area: [leiden, gouda]\nnote: Tekst.\n")),
    ),
    Spec(
        "yaml-tab",
        FOUT,
        "Er staat een tab waar YAML spaties verwacht.",
        ANY_YAML,
        _bad(_partner("area:\n\t- leiden\n"), 6, note="Regel 6 begint met een tab."),
        _good(_partner("area:\n  - leiden\n")),
    ),
    Spec("yaml-leeg", FOUT, "Het bestand is leeg.", ANY_YAML, _bad("# nog invullen\n\n", 1), _good()),
    Spec(
        "yaml-geen-mapping",
        FOUT,
        "Het bestand bevat geen mapping (sleutel: waarde) op het hoogste niveau.",
        ANY_YAML,
        _bad("- id: partner-a\n- name: Partner A\n", 1),
        _good(),
    ),
    Spec(
        "yaml-dubbele-sleutel",
        FOUT,
        "Dezelfde sleutel staat twee keer in één mapping.",
        ANY_YAML,
        _bad(_partner("sector: zorg\n"), 5),
        _good(),
    ),
    Spec(
        "yaml-alias-bom",
        FOUT,
        "Ankers en aliassen breiden zich uit tot te veel knopen.",
        ANY_YAML,
        _bad(_partner(_BOMB), 10),
        _good(_partner("area: [leiden, gouda]\n")),
    ),
    Spec(
        "yaml-tag",
        FOUT,
        "Een YAML-tag (!...) is niet toegestaan.",
        ANY_YAML,
        _bad(_partner("note: !!python/object:os.system {}\n"), 5),
        _good(_partner("note: Gewone tekst.\n")),
    ),
    Spec(
        "yaml-meerdere-documenten",
        FOUT,
        "Het bestand bevat meer dan één YAML-document.",
        ANY_YAML,
        _bad(_partner("---\nid: partner-b\n"), 5),
        _good(),
    ),
    Spec(
        "veld-onbekend",
        FOUT,
        "Een sleutel die in dit soort record niet bestaat.",
        RECORDS,
        _bad(_partner("websit: https://a.example\n"), 5),
        _good(_partner("website: https://a.example\n")),
    ),
    Spec(
        "veld-ontbreekt",
        FOUT,
        "Een verplicht veld ontbreekt.",
        RECORDS,
        _bad(PARTNER.replace("sector: waterbeheer\n", ""), 1),
        _good(),
    ),
    Spec(
        "veld-ongeldig",
        FOUT,
        "De waarde past niet bij het veld.",
        RECORDS,
        _bad(_partner("verified_on: 2026-13-45\n"), 5),
        _good(_partner("verified_on: 2026-01-15\n")),
    ),
    Spec(
        "id-dubbel",
        FOUT,
        "Twee records van hetzelfde soort hebben hetzelfde id.",
        RECORDS,
        _bad(HOLDERS + "  - id: a-holder\n    name: Ander Houder\n", 4, "accountholders.yaml"),
        _good(HOLDERS + "  - id: b-holder\n    name: Ander Houder\n", "accountholders.yaml"),
    ),
    Spec(
        "id-bestandsnaam",
        FOUT,
        "De bestandsnaam is niet gelijk aan het id.",
        "partners/, profiles/, covenants/, exercises/, plans/",
        _bad(PARTNER, 1, "partners/partner-b.yaml"),
        _good(PARTNER.replace("partner-a", "partner-b"), "partners/partner-b.yaml"),
    ),
    Spec(
        "verwijzing-onbekend",
        FOUT,
        "Een verwijzing naar een record dat niet bestaat.",
        RECORDS,
        _bad(PARTNER.replace("a-holder", "a-houder"), 4),
        _good(),
    ),
    Spec(
        "incidenttype-dubbel",
        FOUT,
        "Een incidenttypecode komt twee keer voor, of een alias is ook een code.",
        TYPES,
        _bad(_ALIASES + "  drinkwater: [drinkwater]\n", 6, TYPES),
        _good(_ALIASES, TYPES),
    ),
    Spec(
        "incidenttype-cyclus",
        FOUT,
        "De boom van incidenttypen bevat een kringverwijzing.",
        TYPES,
        _bad(_CYCLE + "    parent: thema\n", 4, TYPES),
        _good(_CYCLE, TYPES),
    ),
    Spec(
        "incidenttype-te-diep",
        FOUT,
        "De boom van incidenttypen is dieper dan het maximum (20 niveaus).",
        TYPES,
        _bad(_chain(21), 63, TYPES, note="Een keten van 21 incidenttypen, elk onder het vorige."),
        _good(_chain(20), TYPES, note="Een keten van 20."),
    ),
    Spec(
        "telefoon-ongeldig",
        FOUT,
        "Het telefoonnummer is geen geldig Nederlands of internationaal nummer.",
        PARTNERS,
        _bad(_partner(_CONTACT.format(phone="071 12")), 7),
        _good(_partner(_CONTACT.format(phone="071 000 00 00"))),
    ),
    Spec(
        "email-ongeldig",
        FOUT,
        "Het e-mailadres is ongeldig.",
        "partners/, accountholders.yaml",
        _bad(_partner("contacts:\n  - label: Piket\n    email: piket@@partner-a.nl\n"), 7),
        _good(_partner("contacts:\n  - label: Piket\n    email: piket@partner-a.nl\n")),
    ),
    Spec(
        "lijst-dubbel",
        WAARSCHUWING,
        "Dezelfde waarde staat meer dan eens in één lijst.",
        RECORDS,
        _bad(_partner("area: [leiden, gouda, leiden]\n"), 5),
        _good(_partner("area: [leiden, gouda]\n")),
    ),
    Spec(
        "lijst-te-lang",
        FOUT,
        "Een lijst is langer dan het maximum (1000 items).",
        ANY_YAML,
        _bad(_holders(1001), 1, "accountholders.yaml", note="1001 accounthouders."),
        _good(HOLDERS, "accountholders.yaml"),
    ),
    Spec(
        "datum-volgorde",
        FOUT,
        "Data staan in de verkeerde volgorde.",
        "covenants/",
        _bad(
            _COVENANT + "valid_until: 2023-03-01\n", 6, "covenants/convenant-a.yaml", beside=((PARTNER_FILE, PARTNER),)
        ),
        _good(_COVENANT + "valid_until: 2028-03-01\n", "covenants/convenant-a.yaml", beside=((PARTNER_FILE, PARTNER),)),
    ),
    Spec(
        "datum-toekomst",
        FOUT,
        "Een datum van iets dat al gebeurd is, ligt in de toekomst.",
        RECORDS,
        _bad(_partner("verified_on: 2999-01-15\n"), 5),
        _good(_partner("verified_on: 2026-01-15\n")),
    ),
    Spec(
        "accounthouder-ontbreekt",
        WAARSCHUWING,
        "Een partner heeft geen accounthouder.",
        PARTNERS,
        _bad(NO_HOLDER, 1),
        _good(),
    ),
    Spec(
        "sector-lijkt-op",
        WAARSCHUWING,
        "Een sector die alleen deze partner heeft en op een sector van andere partners lijkt (een tikfout).",
        PARTNERS,
        _bad(PARTNER.replace("sector: waterbeheer", "sector: waterbeher"), 3, beside=_TWO_WATER),
        _good(beside=_TWO_WATER),
    ),
    Spec(
        "primair-contact-ontbreekt",
        WAARSCHUWING,
        "Een partner die gealarmeerd wordt, heeft geen primair 24/7-nummer.",
        PARTNERS,
        _bad(_ALERTED, 9),
        _good(_ALERTED + "    primary: true\n"),
    ),
    Spec(
        "acceptatie-ongeldig",
        FOUT,
        "Een acceptatie is onvolledig (code, einddatum of reden) of noemt een onbekende code.",
        ACCEPTANCES,
        _bad("# partnerbeeld: accepteer accounthouder-ontbreekt -- geen datum\n" + NO_HOLDER, 1),
        _good(_ACCEPT.format(until="2027-03-01", reason="wordt gezocht") + NO_HOLDER),
        also=frozenset({"accounthouder-ontbreekt"}),
    ),
    Spec(
        "acceptatie-van-fout",
        FOUT,
        "Een acceptatie van een fout: fouten los je op, alleen waarschuwingen kun je accepteren.",
        ACCEPTANCES,
        _bad(
            _partner(
                "contacts:\n  - label: Piket\n"
                "    # partnerbeeld: accepteer telefoon-ongeldig tot 2027-01-01 -- kan niet\n    phone: 071 12\n"
            ),
            7,
        ),
        _good(_partner(_CONTACT.format(phone="071 000 00 00"))),
        also=frozenset({"telefoon-ongeldig"}),
    ),
    Spec(
        "acceptatie-verlopen",
        WAARSCHUWING,
        "De einddatum van een acceptatie is voorbij; de geaccepteerde melding telt weer mee.",
        ACCEPTANCES,
        _bad(_ACCEPT.format(until="2026-01-01", reason="oud besluit") + NO_HOLDER, 1),
        _good(_ACCEPT.format(until="2027-03-01", reason="nieuw besluit") + NO_HOLDER),
        also=frozenset({"accounthouder-ontbreekt"}),  # the finding comes back
    ),
    Spec(
        "acceptatie-ongebruikt",
        WAARSCHUWING,
        "Een acceptatie past op geen enkele melding meer.",
        ACCEPTANCES,
        _bad(_ACCEPT.format(until="2027-03-01", reason="wordt gezocht") + PARTNER, 1),
        _good(),
    ),
    Spec(
        "onzichtbaar-teken",
        FOUT,
        "Een sleutel, waarde of bestandsnaam bevat een stuur-, bidi- of onzichtbaar teken.",
        "elk bestand en elke bestandsnaam",
        _bad(PARTNER.replace("name: Partner A", 'name: "Partner A\\u202e"'), 2),
        _good(),
    ),
)

# Every finding code with what it means, in Dutch: what `Finding` accepts, SARIF and `valideer --codes` show.
CODES: dict[str, str] = {spec.code: spec.meaning for spec in SPECS}

# The codes that are warnings. Only these can be accepted; every other code is an error.
WARNING_CODES = frozenset(spec.code for spec in SPECS if spec.severity is WAARSCHUWING)
