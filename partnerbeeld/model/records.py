"""The dataset's records: plain immutable classes that every command works with.

This module is the one definition of what a record holds: fields, types, rules
and the Dutch descriptions maintainers see. Two validators read it:

- ``quickbuild`` turns plainly valid YAML data into records without pydantic,
  so a query (``zoek``) does not pay pydantic's import and model build (about
  100 ms, most of the time budget of issue 4);
- ``models`` generates the pydantic models from these classes; they validate
  whatever ``quickbuild`` does not accept and turn every problem into a Dutch
  finding with a line number, and they produce the JSON Schemas.

The machinery (``Rule``, ``info``, the ``Record`` base) is in ``recordbase``.
No pydantic here, on purpose. Every scalar arrives as text (see ``yamlsource``).
Cross-record rules (references, uniqueness, phone numbers) live in
``partnerbeeld.checks``.
"""

# No ``from __future__ import annotations``: both validators read the field types
# as objects (``Record.fields``), without evaluating strings.

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from partnerbeeld.model.recordbase import Record, Rule, info
from partnerbeeld.model.vocabulary import CovenantStatus, CovenantTopic, ExerciseKind, Mode, PlanKind, Team

# The rule of every id and code; `nieuw`, `init` and `importeer` check ids they are given against it.
# Said in these words and with this example everywhere: valideer's message, `nieuw`'s hint, docs/data.md.
SLUG_CHARACTERS = "kleine letters, cijfers en koppeltekens"
SLUG_EXAMPLE = "hoogheemraadschap-van-rijnland"
SLUG_RULE = Rule(
    pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
    max_length=80,
    description=f"{SLUG_CHARACTERS.capitalize()}, bijv. '{SLUG_EXAMPLE}'.",
)
Slug = Annotated[str, SLUG_RULE]
Text = Annotated[str, Rule(min_length=1, max_length=2000)]
Grip = Annotated[int, Rule(ge=0, le=5, description="GRIP-niveau 0 tot en met 5.")]
Months = Annotated[int, Rule(ge=1, le=240, description="Aantal maanden.")]


def _listed(vocabulary: type[Enum]) -> str:
    """The words of a vocabulary, for a description that names them: they cannot drift apart."""
    return ", ".join(member.value for member in vocabulary)


# --- settings -----------------------------------------------------------------


class Municipality(Record):
    about = "Een gemeente in de regio."
    id: Slug = info("Code van de gemeente, bijv. 'alphen-aan-den-rijn'; records verwijzen ernaar.")
    name: Text = info("Naam van de gemeente, bijv. 'Alphen aan den Rijn'.")
    cluster: Text | None = info("Deelregio, bijv. 'Duin- en Bollenstreek'.", default=None)


class Thresholds(Record):
    about = "Drempels voor signalen."
    expiring_days: Annotated[int, Rule(ge=1, le=3650)] = info(
        "Convenant verloopt binnen zoveel dagen: signaal.", default=90
    )
    verification_months: Months = info("Contactgegevens ouder dan zoveel maanden: signaal.", default=12)
    max_partners_per_account_holder: Annotated[int, Rule(ge=1)] = info(
        "Meer partners per accounthouder: signaal.", default=25
    )


class Acceptance(Record):
    """One accepted finding or signal, kept centrally in partnerbeeld.yaml (see docs/ci.md)."""

    about = "Een geaccepteerde waarschuwing of een geaccepteerd signaal, met een reden en een einddatum."

    file: Annotated[str, Rule(min_length=1, max_length=300)] = info(
        "Bestand of patroon relatief aan de datamap, bijv. 'partners/hortus-botanicus-leiden.yaml' of 'partners/*'."
    )
    code: Slug = info("De bevindings- of signaalcode die je accepteert, bijv. 'accounthouder-ontbreekt'.")
    reason: Text = info("Waarom dit zo mag blijven, bijv. 'besloten in het crisisteamoverleg van 12 november'.")
    until: dt.date = info("Tot wanneer de acceptatie geldt (JJJJ-MM-DD); daarna komt de bevinding terug.")


class Settings(Record):
    """data/partnerbeeld.yaml: the region and its thresholds."""

    about = "De instellingen van de dataset: de regio, haar gemeenten en de drempels voor signalen."

    region: Text = info("Naam van de veiligheidsregio.")
    short_name: Text | None = info("Korte naam of afkorting, bijv. 'VRHM'.", default=None)
    classification: Text = info("Rubriceringsregel op elke pagina en elke export.")
    notice: Text | None = info("Opmerking over de data, bijv. dat contactgegevens fictief zijn.", default=None)
    municipalities: Annotated[list[Municipality], Rule(min_length=1)] = info("De gemeenten van de regio.")
    thresholds: Thresholds = info("Drempels voor signalen (verlopen, verouderd, te veel).", default_factory=Thresholds)
    accept: list[Acceptance] = info(
        "Geaccepteerde waarschuwingen en signalen, elk met een reden en een einddatum.", default_factory=list
    )


# --- incident types ------------------------------------------------------------


class IncidentType(Record):
    about = "Een knoop in de boom: thema (geen parent), crisistype of incidenttype."
    code: Slug = info("Code van het incidenttype, bijv. 'wateroverlast'; rollen verwijzen ernaar.")
    name: Text = info("Naam zoals medewerkers die lezen, bijv. 'Wateroverlast'.")
    parent: Slug | None = info("Code van het bovenliggende type; leeg voor een thema.", default=None)
    description: Text | None = info("Toelichting op dit incidenttype.", default=None)


class IncidentTypes(Record):
    """data/incidenttypes.yaml: the tree as a flat list with parents, plus aliases."""

    about = "De incidenttypen uit het regionaal risicoprofiel en de woorden die medewerkers ervoor typen."

    incident_types: Annotated[list[IncidentType], Rule(min_length=1)] = info(
        "Alle incidenttypen als platte lijst; de boom volgt uit 'parent'."
    )
    aliases: dict[Slug, list[Slug]] = info(
        "Woorden die medewerkers typen en die geen code zijn: woord → een of meer incidenttypecodes.",
        default_factory=dict,
    )


# --- people and partners ---------------------------------------------------------


class AccountHolder(Record):
    about = "Een accounthouder van de regio."
    id: Slug = info("Code van de accounthouder, bijv. 'm-jansen'; partners verwijzen ernaar.")
    name: Text = info("Volledige naam.")
    email: Text | None = info("E-mailadres bij de regio.", default=None)
    phone: Text | None = info("Telefoonnummer, precies zoals geschreven.", default=None)
    team: Text | None = info("Afdeling of team bij de regio.", default=None)


class AccountHolders(Record):
    about = "De accounthouders: medewerkers van de regio die het contact met partners onderhouden."
    # may be empty: a region that has just run `partnerbeeld init` has none yet; partners
    # without one get the warning accounthouder-ontbreekt, not an unreadable dataset
    account_holders: list[AccountHolder] = info("De accounthouders van de regio (mag leeg zijn: nog geen).")


class Contact(Record):
    about = "Een telefoonnummer of adres van de partner; minstens één van phone, mobile of email."
    label: Text = info("Wat dit contact is, bijv. 'Piket crisiscoördinatie'.")
    person: Text | None = info("Naam van de persoon, als het contact een persoon is.", default=None)
    phone: Text | None = info("Telefoonnummer, precies zoals geschreven.", default=None)
    mobile: Text | None = info("Mobiel nummer, precies zoals geschreven.", default=None)
    email: Text | None = info("E-mailadres.", default=None)
    available: Text | None = info("Bereikbaarheid, bijv. '24/7' of 'kantoortijden'.", default=None)
    primary: bool = info("Het nummer dat je als eerste belt.", default=False)
    confidential: bool = info("Alleen in exports met --vertrouwelijk.", default=False)
    note: Text | None = info("Opmerking bij dit contact.", default=None)

    @staticmethod
    def violation(values: dict[str, Any]) -> str | None:
        """The rule no single field states; both validators apply it to the validated values."""
        if not (values.get("phone") or values.get("mobile") or values.get("email")):
            return "een contact heeft een telefoonnummer, mobiel nummer of e-mailadres nodig"
        return None

    @property
    def is_24_7(self) -> bool:
        return bool(self.available) and self.available.replace(" ", "") in {"24/7", "24x7", "24uur"}  # type: ignore[union-attr]

    @property
    def number(self) -> str | None:
        """The number to dial: the fixed line first, else the mobile."""
        return self.phone or self.mobile


class Role(Record):
    """How the region works with a partner for one incident type."""

    about = "Hoe de regio met de partner samenwerkt bij één incidenttype."

    modes: Annotated[list[Mode], Rule(min_length=1)] = info(f"{_listed(Mode)}.")
    teams: list[Team] = info(f"{_listed(Team)}.", default_factory=list)
    from_grip: Grip = info("Vanaf welk GRIP-niveau (0 tot en met 5) deze rol geldt.", default=0)
    task: Text | None = info("Korte taakomschrijving.", default=None)


class Partner(Record):
    about = "Een crisispartner: een organisatie waarmee de regio samenwerkt in risico- en crisisbeheersing."
    id: Slug = info("Code van de partner, gelijk aan de bestandsnaam zonder .yaml.")
    name: Text = info("Naam van de organisatie.")
    sector: Slug = info("Sector als code, bijv. 'waterbeheer' of 'drinkwater'.")
    profiles: list[Slug] = info(
        "Partnerprofielen (ids uit profiles/): hoe de regio standaard met deze partner samenwerkt.",
        default_factory=list,
    )
    area: list[Slug] | None = info(
        "Gemeenten (ids uit partnerbeeld.yaml) waar de partner actief is; weglaten = de hele regio.", default=None
    )
    account_holder: Slug | None = info(
        "Accounthouder (id uit accountholders.yaml) die het contact met deze partner onderhoudt.", default=None
    )
    verified_on: dt.date | None = info(
        "Datum (JJJJ-MM-DD) waarop de contactgegevens voor het laatst met de partner zijn gecontroleerd.",
        default=None,
    )
    website: Text | None = info("Website van de organisatie.", default=None)
    contacts: list[Contact] = info(
        "Telefoonnummers en adressen. Het nummer dat je als eerste belt krijgt 'primary: ja' en 'available: 24/7'.",
        default_factory=list,
    )
    roles: dict[Slug, Role] = info(
        "Afwijkingen van het profiel, per incidenttypecode (zie incidenttypes.yaml).", default_factory=dict
    )
    note: Text | None = info("Opmerking over deze partner.", default=None)


class Profile(Record):
    about = "Een partnerprofiel: per incidenttype hoe de regio met dit soort partner samenwerkt."
    id: Slug = info("Code van het profiel, gelijk aan de bestandsnaam zonder .yaml.")
    name: Text = info("Naam van het profiel, bijv. 'Waterbeheerder'.")
    description: Text | None = info("Welke partners dit profiel hebben.", default=None)
    roles: dict[Slug, Role] = info(
        "Per incidenttypecode (zie incidenttypes.yaml): hoe de regio met dit soort partner samenwerkt. "
        "Een rol op een bovenliggend type geldt ook voor de typen eronder; een specifiekere rol wint.",
        default_factory=dict,
    )


# --- agreements, exercises and plans ----------------------------------------------


class Covenant(Record):
    about = "Een convenant: schriftelijke afspraken tussen de regio en partners."
    id: Slug = info("Code van het convenant, gelijk aan de bestandsnaam zonder .yaml.")
    title: Text = info("Titel van het convenant.")
    partners: Annotated[list[Slug], Rule(min_length=1)] = info(
        "De partners die het convenant sloten (ids uit partners/)."
    )
    status: CovenantStatus = info(f"Status: {_listed(CovenantStatus)}.")
    signed_on: dt.date | None = info("Datum van ondertekening (JJJJ-MM-DD).", default=None)
    valid_until: dt.date | None = info("Geldig tot (JJJJ-MM-DD); weglaten = voor onbepaalde tijd.", default=None)
    last_reviewed_on: dt.date | None = info("Datum van de laatste evaluatie (JJJJ-MM-DD).", default=None)
    review_every_months: Months | None = info("Evalueren om de zoveel maanden.", default=None)
    exercise_every_months: Months | None = info("Samen oefenen om de zoveel maanden.", default=None)
    account_holder: Slug | None = info(
        "Accounthouder (id uit accountholders.yaml) die het convenant bijhoudt.", default=None
    )
    covers: list[CovenantTopic] = info(
        f"Onderwerpen die het convenant regelt: {_listed(CovenantTopic)}.", default_factory=list
    )
    signatories: list[Text] = info("Ondertekenaars (naam en functie).", default_factory=list)
    arrangements: list[Text] = info("Concrete werkafspraken.", default_factory=list)
    note: Text | None = info("Opmerking over dit convenant.", default=None)


class Exercise(Record):
    about = "Een oefening van de regio samen met partners."
    id: Slug = info("Code van de oefening, gelijk aan de bestandsnaam zonder .yaml.")
    title: Text = info("Titel van de oefening.")
    date: dt.date = info("Datum van de oefening (JJJJ-MM-DD).")
    kind: ExerciseKind = info(f"Soort oefening: {_listed(ExerciseKind)}.")
    incident_types: list[Slug] = info("Geoefende incidenttypen (codes uit incidenttypes.yaml).", default_factory=list)
    partners: Annotated[list[Slug], Rule(min_length=1)] = info("Deelnemende partners (ids uit partners/).")
    covenant: Slug | None = info("Convenant waaronder geoefend werd (id uit covenants/).", default=None)
    note: Text | None = info("Opmerking, bijv. de belangrijkste leerpunten.", default=None)


class Plan(Record):
    about = "Een plan (crisisplan, rampbestrijdingsplan, ...) dat de regio met partners bijhoudt."
    id: Slug = info("Code van het plan, gelijk aan de bestandsnaam zonder .yaml.")
    title: Text = info("Titel van het plan.")
    kind: PlanKind = info("Soort plan.")
    incident_types: list[Slug] = info("Incidenttypen waarvoor het plan geldt.", default_factory=list)
    partners: list[Slug] = info("Betrokken partners (ids uit partners/).", default_factory=list)
    owner: Slug | None = info("Accounthouder die het plan bijhoudt.", default=None)
    last_revised_on: dt.date = info("Datum van de laatste herziening (JJJJ-MM-DD).")
    review_every_months: Months = info("Herzien om de zoveel maanden.", default=48)
    note: Text | None = info("Opmerking over dit plan.", default=None)


# Text fields that may run over several lines (a literal or folded block in the YAML);
# in every other field a line break is a mistake, or a trick to start a line of output.
MULTILINE_FIELDS = frozenset({"note", "description", "task", "notice", "arrangements"})

# The records of the three files with a fixed name, and of the folders with one record per file.
SINGLE_FILES: dict[str, type[Record]] = {
    "partnerbeeld.yaml": Settings,
    "incidenttypes.yaml": IncidentTypes,
    "accountholders.yaml": AccountHolders,
}
RECORD_FOLDERS: dict[str, type[Record]] = {
    "partners": Partner,
    "profiles": Profile,
    "covenants": Covenant,
    "exercises": Exercise,
    "plans": Plan,
}

__all__ = [
    "MULTILINE_FIELDS",
    "SLUG_CHARACTERS",
    "SLUG_EXAMPLE",
    "SLUG_RULE",
    "Acceptance",
    "AccountHolder",
    "AccountHolders",
    "Contact",
    "Covenant",
    "CovenantStatus",
    "CovenantTopic",
    "Exercise",
    "ExerciseKind",
    "IncidentType",
    "IncidentTypes",
    "Mode",
    "Municipality",
    "Partner",
    "Plan",
    "PlanKind",
    "Profile",
    "Record",
    "Role",
    "Settings",
    "Team",
    "Thresholds",
]
