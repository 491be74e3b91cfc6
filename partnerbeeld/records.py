"""The dataset's records: plain immutable classes that every command works with.

This module is the one definition of what a record holds: fields, types, rules
and the Dutch descriptions maintainers see. Two validators read it:

- ``quickbuild`` turns plainly valid YAML data into records without pydantic,
  so a query (``zoek``) does not pay pydantic's import and model build (about
  100 ms, most of the time budget of issue 4);
- ``models`` generates the pydantic models from these classes; they validate
  whatever ``quickbuild`` does not accept and turn every problem into a Dutch
  finding with a line number, and they produce the JSON Schemas.

No pydantic here, on purpose. Every scalar arrives as text (see ``yamlsource``).
Cross-record rules (references, uniqueness, phone numbers) live in
``partnerbeeld.checks``.
"""

# No ``from __future__ import annotations``: both validators read the field types
# as objects (``Record.fields``), without evaluating strings.

import datetime as dt
import inspect
import typing
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, NamedTuple, Self, dataclass_transform

from partnerbeeld.vocabulary import CovenantStatus, CovenantTopic, ExerciseKind, Mode, PlanKind, Team


class Rule(NamedTuple):
    """Constraints on one value; for text they hold after surrounding spaces are stripped."""

    pattern: str | None = None
    min_length: int | None = None  # characters of text, or items of a list
    max_length: int | None = None
    ge: int | None = None
    le: int | None = None
    description: str | None = None


Slug = Annotated[
    str,
    Rule(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        max_length=80,
        description="Kleine letters, cijfers en koppeltekens, bijv. 'hoogheemraadschap-van-rijnland'.",
    ),
]
Text = Annotated[str, Rule(min_length=1, max_length=2000)]
Grip = Annotated[int, Rule(ge=0, le=5, description="GRIP-niveau 0 tot en met 5.")]
Months = Annotated[int, Rule(ge=1, le=240, description="Aantal maanden.")]


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


class FieldSpec(NamedTuple):
    """One field of a record: its type (with rules), its Dutch description and its default."""

    name: str
    annotation: Any
    description: str
    default: Any = REQUIRED
    default_factory: Callable[[], Any] | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED and self.default_factory is None

    def make_default(self) -> Any:
        return self.default_factory() if self.default_factory is not None else self.default


def info(description: str, default: Any = REQUIRED, *, default_factory: Callable[[], Any] | None = None) -> Any:
    """A field with its Dutch description; without a default or factory it is required."""
    return FieldSpec("", None, description, default, default_factory)


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(info,))
class Record:
    """Base of every record: keyword construction, immutable, equal when the fields are.

    Not ``@dataclass``: that generates code with ``exec`` for every class, 13 ms
    for these fourteen at every start of the command, a tenth of the time
    budget of `zoek` (issue 4). This base reads the same class bodies at no cost.
    Like a frozen dataclass, a record with a list field cannot be hashed; and
    ``dataclasses.fields`` does not apply: ``Record.fields`` describes the fields.
    """

    fields: ClassVar[dict[str, FieldSpec]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        specs: dict[str, FieldSpec] = {}
        for base in reversed(cls.__mro__[1:]):  # a subclass keeps the fields of its parents
            if issubclass(base, Record):
                specs.update(base.fields)
        for name, annotation in inspect.get_annotations(cls).items():
            if _is_class_var(annotation):  # a constant of the class, not a field
                continue
            declared = _checked(cls, name, annotation, cls.__dict__.get(name))
            specs[name] = FieldSpec(name, annotation, declared.description, declared.default, declared.default_factory)
            delattr(cls, name)  # the instance's value, not the declaration, answers `record.name`
        cls.fields = specs

    def __init__(self, **values: Any) -> None:
        fields = self.fields
        if len(values) != len(fields) or not values.keys() <= fields.keys():  # else: every field given
            unknown = values.keys() - fields.keys()
            if unknown:
                raise TypeError(f"{type(self).__name__}: unknown fields {sorted(unknown)}")
            for name, spec in fields.items():
                if name not in values:
                    if spec.required:
                        raise TypeError(f"{type(self).__name__}: the field '{name}' is required")
                    values[name] = spec.make_default()
        # straight into the instance dict: __setattr__ refuses every change after this
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.fields)
        return f"{type(self).__name__}({shown})"

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (not validated: the values are yours)."""
        return type(self)(**{name: getattr(self, name) for name in self.fields} | changes)


_RESERVED = {"fields", "replace", "_values"}
# where a Rule may stand, and which of its parts the two validators both apply there
_RULE_PARTS = {
    str: {"pattern", "min_length", "max_length", "description"},
    int: {"ge", "le", "description"},
    list: {"min_length", "max_length", "description"},
    dict: {"min_length", "max_length", "description"},
}


def _is_class_var(annotation: Any) -> bool:
    if isinstance(annotation, str):  # under `from __future__ import annotations`
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return bool(annotation is ClassVar or typing.get_origin(annotation) is ClassVar)


def _checked(cls: type, name: str, annotation: Any, declared: Any) -> FieldSpec:
    """The declaration; refused, when the class is defined, if a validator would read it differently."""
    where = f"{cls.__name__}.{name}"
    if not isinstance(declared, FieldSpec):
        raise TypeError(f"{where}: declare every field with info(...)")
    if isinstance(annotation, str):
        raise TypeError(f"{where}: the validators need the type itself; no `from __future__ import annotations`")
    if name in _RESERVED:
        raise TypeError(f"{where}: the name is taken by Record itself")
    if isinstance(declared.default, (list, dict, set)):
        raise TypeError(f"{where}: a mutable default would be shared; use default_factory")
    for part in _annotated_parts(annotation):
        base, rules = part
        allowed = _RULE_PARTS.get(typing.get_origin(base) or base)
        for rule in rules:
            used = {key for key, value in rule._asdict().items() if value is not None}
            if allowed is None or not used <= allowed:
                raise TypeError(f"{where}: {rule} cannot apply to {base}")
    return declared


def _annotated_parts(annotation: Any) -> list[tuple[Any, list[Rule]]]:
    """Every ``Annotated[base, Rule(...)]`` inside ``annotation``, with its rules."""
    if typing.get_origin(annotation) is Annotated:
        base, *extras = typing.get_args(annotation)
        return [(base, [e for e in extras if isinstance(e, Rule)]), *_annotated_parts(base)]
    return [part for arg in typing.get_args(annotation) for part in _annotated_parts(arg)]


# --- settings -----------------------------------------------------------------


class Municipality(Record):
    id: Slug = info("Code van de gemeente, bijv. 'alphen-aan-den-rijn'; records verwijzen ernaar.")
    name: Text = info("Naam van de gemeente, bijv. 'Alphen aan den Rijn'.")
    cluster: Text | None = info("Deelregio, bijv. 'Duin- en Bollenstreek'.", default=None)


class Thresholds(Record):
    expiring_days: Annotated[int, Rule(ge=1, le=3650)] = info(
        "Convenant verloopt binnen zoveel dagen: signaal.", default=90
    )
    verification_months: Months = info("Contactgegevens ouder dan zoveel maanden: signaal.", default=12)
    max_partners_per_account_holder: Annotated[int, Rule(ge=1)] = info(
        "Meer partners per accounthouder: signaal.", default=25
    )


class Settings(Record):
    """data/partnerbeeld.yaml: the region and its thresholds."""

    region: Text = info("Naam van de veiligheidsregio.")
    short_name: Text | None = info("Korte naam of afkorting, bijv. 'VRHM'.", default=None)
    classification: Text = info("Rubriceringsregel op elke pagina en elke export.")
    notice: Text | None = info("Opmerking over de data, bijv. dat contactgegevens fictief zijn.", default=None)
    municipalities: Annotated[list[Municipality], Rule(min_length=1)] = info("De gemeenten van de regio.")
    thresholds: Thresholds = info("Drempels voor signalen (verlopen, verouderd, te veel).", default_factory=Thresholds)


# --- incident types ------------------------------------------------------------


class IncidentType(Record):
    code: Slug = info("Code van het incidenttype, bijv. 'wateroverlast'; rollen verwijzen ernaar.")
    name: Text = info("Naam zoals medewerkers die lezen, bijv. 'Wateroverlast'.")
    parent: Slug | None = info("Code van het bovenliggende type; leeg voor een thema.", default=None)
    description: Text | None = info("Toelichting op dit incidenttype.", default=None)


class IncidentTypes(Record):
    """data/incidenttypes.yaml: the tree as a flat list with parents, plus aliases."""

    incident_types: Annotated[list[IncidentType], Rule(min_length=1)] = info(
        "Alle incidenttypen als platte lijst; de boom volgt uit 'parent'."
    )
    aliases: dict[Slug, list[Slug]] = info(
        "Woord dat medewerkers typen → een of meer incidenttypecodes.", default_factory=dict
    )


# --- people and partners ---------------------------------------------------------


class AccountHolder(Record):
    id: Slug = info("Code van de accounthouder, bijv. 'm-jansen'; partners verwijzen ernaar.")
    name: Text = info("Volledige naam.")
    email: Text | None = info("E-mailadres bij de regio.", default=None)
    phone: Text | None = info("Telefoonnummer, precies zoals geschreven.", default=None)
    team: Text | None = info("Afdeling of team bij de regio.", default=None)


class AccountHolders(Record):
    account_holders: Annotated[list[AccountHolder], Rule(min_length=1)] = info("De accounthouders van de regio.")


class Contact(Record):
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

    modes: Annotated[list[Mode], Rule(min_length=1)] = info(
        "alarmeren, informeren, advies, liaison, uitvoering, bijstand."
    )
    teams: list[Team] = info("meldkamer, copi, rot, bt, rbt.", default_factory=list)
    from_grip: Grip = info("Vanaf welk GRIP-niveau (0 tot en met 5) deze rol geldt.", default=0)
    task: Text | None = info("Korte taakomschrijving.", default=None)


class Partner(Record):
    id: Slug = info("Code van de partner, gelijk aan de bestandsnaam zonder .yaml.")
    name: Text = info("Naam van de organisatie.")
    sector: Slug = info("Sector als code, bijv. 'waterbeheer' of 'drinkwater'.")
    profiles: list[Slug] = info("Partnerprofielen (ids uit profiles/).", default_factory=list)
    area: list[Slug] | None = info("Gemeenten; leeg = de hele regio.", default=None)
    account_holder: Slug | None = info("Accounthouder (id uit accountholders.yaml).", default=None)
    verified_on: dt.date | None = info(
        "Wanneer de contactgegevens voor het laatst zijn gecontroleerd (JJJJ-MM-DD).", default=None
    )
    website: Text | None = info("Website van de organisatie.", default=None)
    contacts: list[Contact] = info(
        "Telefoonnummers en adressen; het eerste nummer om te bellen heeft primary: true.", default_factory=list
    )
    roles: dict[Slug, Role] = info("Afwijkingen van het profiel per incidenttype.", default_factory=dict)
    note: Text | None = info("Opmerking over deze partner.", default=None)


class Profile(Record):
    id: Slug = info("Code van het profiel, gelijk aan de bestandsnaam zonder .yaml.")
    name: Text = info("Naam van het profiel, bijv. 'Waterbeheerder'.")
    description: Text | None = info("Welke partners dit profiel hebben.", default=None)
    roles: dict[Slug, Role] = info("Rol per incidenttypecode.", default_factory=dict)


# --- agreements, exercises and plans ----------------------------------------------


class Covenant(Record):
    id: Slug = info("Code van het convenant, gelijk aan de bestandsnaam zonder .yaml.")
    title: Text = info("Titel van het convenant.")
    partners: Annotated[list[Slug], Rule(min_length=1)] = info(
        "De partners die het convenant sloten (ids uit partners/)."
    )
    status: CovenantStatus = info("concept, actief, in-herziening of beeindigd.")
    signed_on: dt.date | None = info("Datum van ondertekening (JJJJ-MM-DD).", default=None)
    valid_until: dt.date | None = info("Leeg = voor onbepaalde tijd.", default=None)
    last_reviewed_on: dt.date | None = info("Datum van de laatste evaluatie (JJJJ-MM-DD).", default=None)
    review_every_months: Months | None = info("Evalueren om de zoveel maanden.", default=None)
    exercise_every_months: Months | None = info("Samen oefenen om de zoveel maanden.", default=None)
    account_holder: Slug | None = info("Accounthouder die het convenant bijhoudt.", default=None)
    covers: list[CovenantTopic] = info("Onderwerpen die het convenant regelt.", default_factory=list)
    signatories: list[Text] = info("Ondertekenaars (naam en functie).", default_factory=list)
    arrangements: list[Text] = info("Concrete werkafspraken.", default_factory=list)
    note: Text | None = info("Opmerking over dit convenant.", default=None)


class Exercise(Record):
    id: Slug = info("Code van de oefening, gelijk aan de bestandsnaam zonder .yaml.")
    title: Text = info("Titel van de oefening.")
    date: dt.date = info("Datum van de oefening (JJJJ-MM-DD).")
    kind: ExerciseKind = info("Soort oefening.")
    incident_types: list[Slug] = info("Geoefende incidenttypen (codes).", default_factory=list)
    partners: Annotated[list[Slug], Rule(min_length=1)] = info("Deelnemende partners (ids uit partners/).")
    covenant: Slug | None = info("Convenant waaronder geoefend werd (id uit covenants/).", default=None)
    note: Text | None = info("Opmerking, bijv. de belangrijkste leerpunten.", default=None)


class Plan(Record):
    id: Slug = info("Code van het plan, gelijk aan de bestandsnaam zonder .yaml.")
    title: Text = info("Titel van het plan.")
    kind: PlanKind = info("Soort plan.")
    incident_types: list[Slug] = info("Incidenttypen waarvoor het plan geldt.", default_factory=list)
    partners: list[Slug] = info("Betrokken partners (ids uit partners/).", default_factory=list)
    owner: Slug | None = info("Accounthouder die het plan bijhoudt.", default=None)
    last_revised_on: dt.date = info("Datum van de laatste herziening (JJJJ-MM-DD).")
    review_every_months: Months = info("Herzien om de zoveel maanden.", default=48)
    note: Text | None = info("Opmerking over dit plan.", default=None)


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
    "AccountHolder",
    "AccountHolders",
    "Contact",
    "Covenant",
    "CovenantStatus",
    "CovenantTopic",
    "Exercise",
    "ExerciseKind",
    "FieldSpec",
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
    "Rule",
    "Settings",
    "Team",
    "Thresholds",
]
