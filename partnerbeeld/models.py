"""The dataset's records as immutable pydantic models.

Every scalar arrives as text (see ``yamlsource``); these models decide the
types. Field descriptions are Dutch because they are shown to maintainers
(JSON Schema hover help, error hints). Cross-record rules (references,
uniqueness, phone numbers) live in ``partnerbeeld.checks``, not here, so that
loading stays cheap for the read-only commands.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

# The closed vocabularies live apart so that the CLI can offer them as choices
# without importing pydantic; re-exported here for the library.
from partnerbeeld.vocabulary import CovenantStatus as CovenantStatus
from partnerbeeld.vocabulary import CovenantTopic as CovenantTopic
from partnerbeeld.vocabulary import ExerciseKind as ExerciseKind
from partnerbeeld.vocabulary import Mode as Mode
from partnerbeeld.vocabulary import PlanKind as PlanKind
from partnerbeeld.vocabulary import Team as Team

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="Kleine letters, cijfers en koppeltekens, bijv. 'hoogheemraadschap-van-rijnland'."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Grip = Annotated[int, Field(ge=0, le=5, description="GRIP-niveau 0 tot en met 5.")]
Months = Annotated[int, Field(ge=1, le=240, description="Aantal maanden.")]


class Record(BaseModel):
    """Base for every record: frozen, unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


# --- settings -----------------------------------------------------------------


class Municipality(Record):
    id: Slug = Field(description="Code van de gemeente, bijv. 'alphen-aan-den-rijn'; records verwijzen ernaar.")
    name: Text = Field(description="Naam van de gemeente, bijv. 'Alphen aan den Rijn'.")
    cluster: Text | None = Field(None, description="Deelregio, bijv. 'Duin- en Bollenstreek'.")


class Thresholds(Record):
    expiring_days: int = Field(90, ge=1, le=3650, description="Convenant verloopt binnen zoveel dagen: signaal.")
    verification_months: Months = Field(12, description="Contactgegevens ouder dan zoveel maanden: signaal.")
    max_partners_per_account_holder: int = Field(25, ge=1, description="Meer partners per accounthouder: signaal.")


class Settings(Record):
    """data/partnerbeeld.yaml: the region and its thresholds."""

    region: Text = Field(description="Naam van de veiligheidsregio.")
    short_name: Text | None = Field(None, description="Korte naam of afkorting, bijv. 'VRHM'.")
    classification: Text = Field(description="Rubriceringsregel op elke pagina en elke export.")
    notice: Text | None = Field(None, description="Opmerking over de data, bijv. dat contactgegevens fictief zijn.")
    municipalities: list[Municipality] = Field(min_length=1, description="De gemeenten van de regio.")
    thresholds: Thresholds = Field(Thresholds(), description="Drempels voor signalen (verlopen, verouderd, te veel).")


# --- incident types ------------------------------------------------------------


class IncidentType(Record):
    code: Slug = Field(description="Code van het incidenttype, bijv. 'wateroverlast'; rollen verwijzen ernaar.")
    name: Text = Field(description="Naam zoals medewerkers die lezen, bijv. 'Wateroverlast'.")
    parent: Slug | None = Field(None, description="Code van het bovenliggende type; leeg voor een thema.")
    description: Text | None = Field(None, description="Toelichting op dit incidenttype.")


class IncidentTypes(Record):
    """data/incidenttypes.yaml: the tree as a flat list with parents, plus aliases."""

    incident_types: list[IncidentType] = Field(
        min_length=1, description="Alle incidenttypen als platte lijst; de boom volgt uit 'parent'."
    )
    aliases: dict[Slug, list[Slug]] = Field(
        default_factory=dict, description="Woord dat medewerkers typen → een of meer incidenttypecodes."
    )


# --- people and partners ---------------------------------------------------------


class AccountHolder(Record):
    id: Slug = Field(description="Code van de accounthouder, bijv. 'm-jansen'; partners verwijzen ernaar.")
    name: Text = Field(description="Volledige naam.")
    email: Text | None = Field(None, description="E-mailadres bij de regio.")
    phone: Text | None = Field(None, description="Telefoonnummer, precies zoals geschreven.")
    team: Text | None = Field(None, description="Afdeling of team bij de regio.")


class AccountHolders(Record):
    account_holders: list[AccountHolder] = Field(min_length=1, description="De accounthouders van de regio.")


class Contact(Record):
    label: Text = Field(description="Wat dit contact is, bijv. 'Piket crisiscoördinatie'.")
    person: Text | None = Field(None, description="Naam van de persoon, als het contact een persoon is.")
    phone: Text | None = Field(None, description="Telefoonnummer, precies zoals geschreven.")
    mobile: Text | None = Field(None, description="Mobiel nummer, precies zoals geschreven.")
    email: Text | None = Field(None, description="E-mailadres.")
    available: Text | None = Field(None, description="Bereikbaarheid, bijv. '24/7' of 'kantoortijden'.")
    primary: bool = Field(False, description="Het nummer dat je als eerste belt.")
    confidential: bool = Field(False, description="Alleen in exports met --vertrouwelijk.")
    note: Text | None = Field(None, description="Opmerking bij dit contact.")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.mobile or self.email):
            raise ValueError("een contact heeft een telefoonnummer, mobiel nummer of e-mailadres nodig")
        return self

    @property
    def is_24_7(self) -> bool:
        return bool(self.available) and self.available.replace(" ", "") in {"24/7", "24x7", "24uur"}  # type: ignore[union-attr]

    @property
    def number(self) -> str | None:
        """The number to dial: the fixed line first, else the mobile."""
        return self.phone or self.mobile


class Role(Record):
    """How the region works with a partner for one incident type."""

    modes: list[Mode] = Field(min_length=1, description="alarmeren, informeren, advies, liaison, uitvoering, bijstand.")
    teams: list[Team] = Field(default_factory=list, description="meldkamer, copi, rot, bt, rbt.")
    from_grip: Grip = Field(0, description="Vanaf welk GRIP-niveau (0 tot en met 5) deze rol geldt.")
    task: Text | None = Field(None, description="Korte taakomschrijving.")


class Partner(Record):
    id: Slug = Field(description="Code van de partner, gelijk aan de bestandsnaam zonder .yaml.")
    name: Text = Field(description="Naam van de organisatie.")
    sector: Slug = Field(description="Sector als code, bijv. 'waterbeheer' of 'drinkwater'.")
    profiles: list[Slug] = Field(default_factory=list, description="Partnerprofielen (ids uit profiles/).")
    area: list[Slug] | None = Field(None, description="Gemeenten; leeg = de hele regio.")
    account_holder: Slug | None = Field(None, description="Accounthouder (id uit accountholders.yaml).")
    verified_on: dt.date | None = Field(
        None, description="Wanneer de contactgegevens voor het laatst zijn gecontroleerd (JJJJ-MM-DD)."
    )
    website: Text | None = Field(None, description="Website van de organisatie.")
    contacts: list[Contact] = Field(
        default_factory=list,
        description="Telefoonnummers en adressen; het eerste nummer om te bellen heeft primary: true.",
    )
    roles: dict[Slug, Role] = Field(default_factory=dict, description="Afwijkingen van het profiel per incidenttype.")
    note: Text | None = Field(None, description="Opmerking over deze partner.")


class Profile(Record):
    id: Slug = Field(description="Code van het profiel, gelijk aan de bestandsnaam zonder .yaml.")
    name: Text = Field(description="Naam van het profiel, bijv. 'Waterbeheerder'.")
    description: Text | None = Field(None, description="Welke partners dit profiel hebben.")
    roles: dict[Slug, Role] = Field(default_factory=dict, description="Rol per incidenttypecode.")


# --- agreements, exercises and plans ----------------------------------------------


class Covenant(Record):
    id: Slug = Field(description="Code van het convenant, gelijk aan de bestandsnaam zonder .yaml.")
    title: Text = Field(description="Titel van het convenant.")
    partners: list[Slug] = Field(min_length=1, description="De partners die het convenant sloten (ids uit partners/).")
    status: CovenantStatus = Field(description="concept, actief, in-herziening of beeindigd.")
    signed_on: dt.date | None = Field(None, description="Datum van ondertekening (JJJJ-MM-DD).")
    valid_until: dt.date | None = Field(None, description="Leeg = voor onbepaalde tijd.")
    last_reviewed_on: dt.date | None = Field(None, description="Datum van de laatste evaluatie (JJJJ-MM-DD).")
    review_every_months: Months | None = Field(None, description="Evalueren om de zoveel maanden.")
    exercise_every_months: Months | None = Field(None, description="Samen oefenen om de zoveel maanden.")
    account_holder: Slug | None = Field(None, description="Accounthouder die het convenant bijhoudt.")
    covers: list[CovenantTopic] = Field(default_factory=list, description="Onderwerpen die het convenant regelt.")
    signatories: list[Text] = Field(default_factory=list, description="Ondertekenaars (naam en functie).")
    arrangements: list[Text] = Field(default_factory=list, description="Concrete werkafspraken.")
    note: Text | None = Field(None, description="Opmerking over dit convenant.")


class Exercise(Record):
    id: Slug = Field(description="Code van de oefening, gelijk aan de bestandsnaam zonder .yaml.")
    title: Text = Field(description="Titel van de oefening.")
    date: dt.date = Field(description="Datum van de oefening (JJJJ-MM-DD).")
    kind: ExerciseKind = Field(description="Soort oefening.")
    incident_types: list[Slug] = Field(default_factory=list, description="Geoefende incidenttypen (codes).")
    partners: list[Slug] = Field(min_length=1, description="Deelnemende partners (ids uit partners/).")
    covenant: Slug | None = Field(None, description="Convenant waaronder geoefend werd (id uit covenants/).")
    note: Text | None = Field(None, description="Opmerking, bijv. de belangrijkste leerpunten.")


class Plan(Record):
    id: Slug = Field(description="Code van het plan, gelijk aan de bestandsnaam zonder .yaml.")
    title: Text = Field(description="Titel van het plan.")
    kind: PlanKind = Field(description="Soort plan.")
    incident_types: list[Slug] = Field(default_factory=list, description="Incidenttypen waarvoor het plan geldt.")
    partners: list[Slug] = Field(default_factory=list, description="Betrokken partners (ids uit partners/).")
    owner: Slug | None = Field(None, description="Accounthouder die het plan bijhoudt.")
    last_revised_on: dt.date = Field(description="Datum van de laatste herziening (JJJJ-MM-DD).")
    review_every_months: Months = Field(48, description="Herzien om de zoveel maanden.")
    note: Text | None = Field(None, description="Opmerking over dit plan.")
