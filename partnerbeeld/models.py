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
from partnerbeeld.vocabulary import (  # noqa: F401
    CovenantStatus,
    CovenantTopic,
    ExerciseKind,
    Mode,
    PlanKind,
    Team,
)

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
    id: Slug
    name: Text
    cluster: Text | None = Field(None, description="Deelregio, bijv. 'Duin- en Bollenstreek'.")


class Thresholds(Record):
    expiring_days: int = Field(90, ge=1, le=3650, description="Convenant verloopt binnen zoveel dagen: signaal.")
    verification_months: Months = Field(12, description="Contactgegevens ouder dan zoveel maanden: signaal.")
    max_partners_per_account_holder: int = Field(25, ge=1, description="Meer partners per accounthouder: signaal.")


class Settings(Record):
    """data/partnerbeeld.yaml: the region and its thresholds."""

    region: Text = Field(description="Naam van de veiligheidsregio.")
    short_name: Text | None = None
    classification: Text = Field(description="Rubriceringsregel op elke pagina en elke export.")
    notice: Text | None = Field(None, description="Opmerking over de data, bijv. dat contactgegevens fictief zijn.")
    municipalities: list[Municipality] = Field(min_length=1)
    thresholds: Thresholds = Thresholds()


# --- incident types ------------------------------------------------------------


class IncidentType(Record):
    code: Slug
    name: Text
    parent: Slug | None = Field(None, description="Code van het bovenliggende type; leeg voor een thema.")
    description: Text | None = None


class IncidentTypes(Record):
    """data/incidenttypes.yaml: the tree as a flat list with parents, plus aliases."""

    incident_types: list[IncidentType] = Field(min_length=1)
    aliases: dict[Slug, list[Slug]] = Field(
        default_factory=dict, description="Woord dat medewerkers typen → een of meer incidenttypecodes."
    )


# --- people and partners ---------------------------------------------------------


class AccountHolder(Record):
    id: Slug
    name: Text
    email: Text | None = None
    phone: Text | None = None
    team: Text | None = None


class AccountHolders(Record):
    account_holders: list[AccountHolder] = Field(min_length=1)


class Contact(Record):
    label: Text = Field(description="Wat dit contact is, bijv. 'Piket crisiscoördinatie'.")
    person: Text | None = None
    phone: Text | None = Field(None, description="Telefoonnummer, precies zoals geschreven.")
    mobile: Text | None = None
    email: Text | None = None
    available: Text | None = Field(None, description="Bereikbaarheid, bijv. '24/7' of 'kantoortijden'.")
    primary: bool = Field(False, description="Het nummer dat je als eerste belt.")
    confidential: bool = Field(False, description="Alleen in exports met --vertrouwelijk.")
    note: Text | None = None

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
    from_grip: Grip = 0
    task: Text | None = Field(None, description="Korte taakomschrijving.")


class Partner(Record):
    id: Slug
    name: Text
    sector: Slug
    profiles: list[Slug] = Field(default_factory=list)
    area: list[Slug] | None = Field(None, description="Gemeenten; leeg = de hele regio.")
    account_holder: Slug | None = None
    verified_on: dt.date | None = Field(None, description="Wanneer de contactgegevens voor het laatst zijn gecontroleerd.")
    website: Text | None = None
    contacts: list[Contact] = Field(default_factory=list)
    roles: dict[Slug, Role] = Field(default_factory=dict, description="Afwijkingen van het profiel per incidenttype.")
    note: Text | None = None


class Profile(Record):
    id: Slug
    name: Text
    description: Text | None = None
    roles: dict[Slug, Role] = Field(default_factory=dict, description="Rol per incidenttypecode.")


# --- agreements, exercises and plans ----------------------------------------------


class Covenant(Record):
    id: Slug
    title: Text
    partners: list[Slug] = Field(min_length=1)
    status: CovenantStatus
    signed_on: dt.date | None = None
    valid_until: dt.date | None = Field(None, description="Leeg = voor onbepaalde tijd.")
    last_reviewed_on: dt.date | None = None
    review_every_months: Months | None = None
    exercise_every_months: Months | None = None
    account_holder: Slug | None = None
    covers: list[CovenantTopic] = Field(default_factory=list)
    signatories: list[Text] = Field(default_factory=list)
    arrangements: list[Text] = Field(default_factory=list, description="Concrete werkafspraken.")
    note: Text | None = None


class Exercise(Record):
    id: Slug
    title: Text
    date: dt.date
    kind: ExerciseKind
    incident_types: list[Slug] = Field(default_factory=list)
    partners: list[Slug] = Field(min_length=1)
    covenant: Slug | None = None
    note: Text | None = None


class Plan(Record):
    id: Slug
    title: Text
    kind: PlanKind
    incident_types: list[Slug] = Field(default_factory=list)
    partners: list[Slug] = Field(default_factory=list)
    owner: Slug | None = Field(None, description="Accounthouder die het plan bijhoudt.")
    last_revised_on: dt.date
    review_every_months: Months = 48
    note: Text | None = None
