"""`zoek` as a library call: with whom, and how, for this incident?

``select(dataset, Selection(...))`` returns one ``Hit`` per partner, ordered so
that who joins earliest comes first. Every view (terminal table, JSON, CSV,
contact lists, the HTML binder) is built from this one list. ``answer`` adds
what was asked (the resolved incident type) for views that print a head line.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple, TypeVar

from partnerbeeld.answers.roles import Involvement, ResolvedRole, involvement, roles_of, scope_of
from partnerbeeld.infra.errors import NotFound, UsageError
from partnerbeeld.infra.suggest import closest, known_or_suggest, normalise
from partnerbeeld.model.records import AccountHolder, Contact, Partner
from partnerbeeld.model.vocabulary import Mode, Team
from partnerbeeld.reading.dataset import Dataset

E = TypeVar("E", bound=StrEnum)

FUZZY_CUTOFF = 80  # rapidfuzz partial score (0-100) above which a mistyped name still matches
FUZZY_BAND = 5  # ... and no further than this below the best score


class IncidentQuery(NamedTuple):
    """What the user typed, resolved to one or more incident-type codes."""

    text: str
    codes: tuple[str, ...]
    via: str  # "code", "alias" or "naam"


class _Filters(NamedTuple):
    incident_types: tuple[str, ...] = ()  # the union of these incident types
    grip: int | None = None
    teams: tuple[Team, ...] = ()  # one of these teams
    municipalities: tuple[str, ...] = ()  # one of these municipalities (id or name, as typed)
    profiles: tuple[str, ...] = ()  # one of these profiles
    modes: tuple[Mode, ...] = ()  # one of these modes
    account_holder: str | None = None
    text: str | None = None
    confidential: bool = False  # may confidential contacts be chosen as the number to call


class Selection(_Filters):
    """The filters of `zoek` and `contactlijst`; they combine (AND). Empty or None = no filter.

    The repeatable filters (incident types, teams, municipalities, profiles, modes) are
    tuples: several incident types mean their union ("brand + gaslek"), several values of
    the others mean "one of these". One value may be given as itself:
    ``Selection(incident_types="brand")`` is ``Selection(incident_types=("brand",))``.
    """

    __slots__ = ()

    def __new__(
        cls,
        incident_types: str | tuple[str, ...] | None = (),
        grip: int | None = None,
        teams: Team | tuple[Team, ...] | None = (),
        municipalities: str | tuple[str, ...] | None = (),
        profiles: str | tuple[str, ...] | None = (),
        modes: Mode | tuple[Mode, ...] | None = (),
        account_holder: str | None = None,
        text: str | None = None,
        confidential: bool = False,
    ) -> Selection:
        return super().__new__(
            cls,
            _several(incident_types),
            grip,
            _several(teams),
            _several(municipalities),
            _several(profiles),
            _several(modes),
            account_holder,
            text,
            confidential,
        )


T = TypeVar("T")


def _several(value: T | tuple[T, ...] | list[T] | None) -> tuple[T, ...]:
    """A repeatable filter as a tuple, whether it was given as one value, several, or none."""
    if value is None:
        return ()
    if isinstance(value, tuple | list):
        return tuple(value)
    return (value,)


class Hit(NamedTuple):
    partner: Partner
    call_first: Contact | None  # the number to call first, respecting confidentiality
    account_holder: AccountHolder | None
    involvement: Involvement | None  # every role that applies (and passes the filters); None without a type

    @property
    def role(self) -> ResolvedRole | None:
        """The headline: the role by which the partner joins earliest; None when no incident type was asked."""
        return self.involvement.headline if self.involvement else None

    @property
    def roles(self) -> tuple[ResolvedRole, ...]:
        return self.involvement.roles if self.involvement else ()


class Answer(NamedTuple):
    """The hits plus what was asked, resolved: what a head line or a JSON export needs."""

    selection: Selection
    incident: IncidentQuery | None
    municipalities: tuple[str, ...]  # municipality ids after resolving names; empty: no filter
    hits: list[Hit]


# --- resolving what the user typed -----------------------------------------------------------


def resolve_incidenttype(dataset: Dataset, text: str) -> IncidentQuery:
    """Exact code, then alias, then name (case and accents ignored); else NotFound with suggestions."""
    wanted = text.strip()
    key = normalise(wanted).replace(" ", "-")
    if key in dataset.incident_types:
        return IncidentQuery(wanted, (key,), "code")
    if key in dataset.aliases:
        return IncidentQuery(wanted, tuple(dataset.aliases[key]), "alias")
    by_name = {normalise(item.name): code for code, item in dataset.incident_types.items()}
    if normalise(wanted) in by_name:
        return IncidentQuery(wanted, (by_name[normalise(wanted)],), "naam")
    # aliases first in the pool: 'stroomstoring' must not lose to 'overstroming' on a tie
    candidates = [*dataset.aliases, *dataset.incident_types]
    suggestions = closest(key, candidates, n=3, cutoff=0.5)
    raise NotFound(
        f"Onbekend incidenttype '{wanted}'.",
        suggestions,
        "" if suggestions else "Zie 'partnerbeeld incidenttypen' voor alle codes en aliassen.",
    )


def resolve_incidenttypes(dataset: Dataset, texts: tuple[str, ...]) -> IncidentQuery:
    """Several incident types asked at once (``-i brand -i gaslek``): the union of their codes.

    The text names them all ("brand + gaslek"); ``via`` is shared by the parts, or "gemengd".
    """
    parts = [resolve_incidenttype(dataset, text) for text in texts]
    if len(parts) == 1:
        return parts[0]
    codes = tuple(dict.fromkeys(code for part in parts for code in part.codes))
    vias = {part.via for part in parts}
    return IncidentQuery(" + ".join(part.text for part in parts), codes, vias.pop() if len(vias) == 1 else "gemengd")


def resolve_municipality(dataset: Dataset, text: str) -> str:
    """A municipality id from its id or name."""
    by_key = {normalise(m.id): m.id for m in dataset.settings.municipalities}
    by_key.update({normalise(m.name): m.id for m in dataset.settings.municipalities})
    found = by_key.get(normalise(text)) or by_key.get(normalise(text).replace(" ", "-"))
    if found:
        return found
    raise NotFound(f"Onbekende gemeente '{text}'.", closest(text, [m.name for m in dataset.settings.municipalities]))


def resolve_account_holder(dataset: Dataset, text: str) -> str:
    """An account holder's id from its id, its name or a unique part of the name; else NotFound.

    Several holders matching a part ('de') is refused with their names: never a guess.
    """
    holders = dataset.account_holders
    if text in holders:
        return text
    wanted = normalise(text)
    for holder in holders.values():
        if wanted in (normalise(holder.id), normalise(holder.name)):
            return holder.id
    parts = [h for h in holders.values() if wanted and (wanted in normalise(h.name) or wanted in h.id)]
    if len(parts) == 1:
        return parts[0].id
    if parts:
        names = ", ".join(f"{h.name} ({h.id})" for h in sorted(parts, key=lambda h: h.id))
        raise NotFound(f"'{text}' past bij meer dan één accounthouder: {names}.", hint="Geef de id of de hele naam.")
    suggestions = closest(text, [*holders, *(h.name for h in holders.values())])
    raise NotFound(
        f"Onbekende accounthouder '{text}'.",
        suggestions,
        "" if suggestions else "Zie 'partnerbeeld accounthouders' voor alle accounthouders.",
    )


def _parse_choice(choices: type[E], text: str, unknown: str, aliases: dict[str, E] | None = None) -> E:
    """A member of ``choices`` from what the user typed: the value in any case ('ROT'), an
    abbreviation the tables show ('MK', 'alarm'), or an unambiguous start of at least three
    letters ('uitv'); NotFound with suggestions otherwise."""
    key = normalise(text)
    for member in choices:
        if member.value == key:
            return member
    if aliases and key in aliases:
        return aliases[key]
    starting = [member for member in choices if len(key) >= 3 and member.value.startswith(key)]
    if len(starting) == 1:
        return starting[0]
    values = [m.value for m in choices]
    suggestions = closest(key, values, cutoff=0.5)
    raise NotFound(f"{unknown} '{text}'.", suggestions, "" if suggestions else "Kies uit: " + ", ".join(values) + ".")


def parse_team(text: str) -> Team:
    return _parse_choice(Team, text, "Onbekend team", {"mk": Team.MELDKAMER})  # MK: as the zoek table shows it


def parse_mode(text: str) -> Mode:
    return _parse_choice(Mode, text, "Onbekende modus")


def check_grip(level: int | None) -> int | None:
    if level is not None and not 0 <= level <= 5:
        raise UsageError(f"GRIP {level} bestaat niet.", "Geef een GRIP-niveau van 0 tot en met 5.")
    return level


# --- choosing ------------------------------------------------------------------------------


def call_first(partner: Partner, include_confidential: bool) -> Contact | None:
    """The number to call first: primary and 24/7, then primary, then any 24/7, then any number."""
    contacts = [c for c in partner.contacts if c.number and (include_confidential or not c.confidential)]
    for wanted in (lambda c: c.primary and c.is_24_7, lambda c: c.primary, lambda c: c.is_24_7, lambda c: True):
        for contact in contacts:
            if wanted(contact):
                return contact
    return None


def text_matches(partners: list[Partner], text: str) -> set[str]:
    """Ids of partners whose name, sector or id contains ``text``; only when none does, fuzzy names.

    Exact parts first: 'westland' must not also bring 'Omroep Testland' along.
    rapidfuzz loads only for the fuzzy pass, so a plain incident query never pays its import.
    """
    needle = normalise(text)
    exact = {p.id for p in partners if needle in normalise(p.name) or needle in normalise(p.sector) or needle in p.id}
    if exact or len(needle) < 4:  # fuzzy matching on very short words matches nearly everything
        return exact
    from rapidfuzz import fuzz

    def score(name: str) -> float:
        # one word: compare it with each word of the name ('rijland' ~ 'rijnland'); more: with the whole name
        if " " in needle:
            return float(fuzz.partial_ratio(needle, name))
        return max((fuzz.ratio(needle, word) for word in name.split()), default=0.0)

    scores = {p.id: score(normalise(p.name)) for p in partners}
    best = max(scores.values(), default=0)
    # only the best few: a typo of one name should not bring in every look-alike
    return {key for key, score in scores.items() if score >= FUZZY_CUTOFF and score >= best - FUZZY_BAND}


def answer(dataset: Dataset, selection: Selection) -> Answer:
    """Partners matching every filter, earliest to join first, then by name; plus what was asked."""
    # an empty filter is a mistake to report, never "no filter" (the command line says which option);
    # the message names the filter by its Dutch option word, the only name a user knows
    for name, values in (
        ("incident", selection.incident_types),
        ("gemeente", selection.municipalities),
        ("profiel", selection.profiles),
        ("accounthouder", (selection.account_holder,)),
        ("tekst", (selection.text,)),
    ):
        if any(value is not None and not value.strip() for value in values):
            raise UsageError(f"Het filter '{name}' is leeg.", "Laat het weg of geef een waarde.")
    incident = resolve_incidenttypes(dataset, selection.incident_types) if selection.incident_types else None
    municipalities = tuple(dict.fromkeys(resolve_municipality(dataset, text) for text in selection.municipalities))
    check_grip(selection.grip)
    for profile in selection.profiles:
        known_or_suggest(profile, dataset.profiles, "Onbekend profiel")
    holder = resolve_account_holder(dataset, selection.account_holder) if selection.account_holder is not None else None
    matching = text_matches(list(dataset.partners.values()), selection.text) if selection.text is not None else None
    # walk the tree once per asked code, not once per partner
    scope = scope_of(dataset, incident.codes) if incident else []
    hits: list[Hit] = []
    for partner in dataset.partners.values():
        if municipalities and partner.area is not None and not any(m in partner.area for m in municipalities):
            continue
        if selection.profiles and not any(p in partner.profiles for p in selection.profiles):
            continue
        if holder is not None and partner.account_holder != holder:
            continue
        if matching is not None and partner.id not in matching:
            continue
        defined = roles_of(dataset, partner) if incident or _has_role_filter(selection) else {}
        involved = involvement(defined, scope, lambda r: _role_passes(r, selection)) if incident else None
        if incident and involved is None:
            continue
        # without an incident type the filters ask for any role the partner has
        if (
            not incident
            and _has_role_filter(selection)
            and not any(_role_passes(r, selection) for r in defined.values())
        ):
            continue
        held_by = dataset.account_holders.get(partner.account_holder) if partner.account_holder else None
        hits.append(Hit(partner, call_first(partner, selection.confidential), held_by, involved))
    # GRIP, then strength (whoever must act before whoever is only informed), then name
    hits.sort(key=lambda h: ((h.role.urgency if h.role else (0, 0)), normalise(h.partner.name)))
    return Answer(selection, incident, municipalities, hits)


def select(dataset: Dataset, selection: Selection) -> list[Hit]:
    """Partners matching every filter, earliest to join first, then by name."""
    return answer(dataset, selection).hits


def _role_passes(role: ResolvedRole, selection: Selection) -> bool:
    """--grip, --team and --modus filter on one role; several teams or modes: one of them."""
    if selection.grip is not None and role.role.from_grip > selection.grip:
        return False
    if selection.teams and not any(team in role.role.teams for team in selection.teams):
        return False
    return not (selection.modes and not any(mode in role.role.modes for mode in selection.modes))


def _has_role_filter(selection: Selection) -> bool:
    return selection.grip is not None or bool(selection.teams) or bool(selection.modes)
