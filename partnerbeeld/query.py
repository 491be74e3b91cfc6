"""`zoek` as a library call: with whom, and how, for this incident?

``select(dataset, Selection(...))`` returns one ``Hit`` per partner, ordered so
that who joins earliest comes first. Every view (terminal table, JSON, CSV,
contact lists, the HTML binder) is built from this one list.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnerbeeld.dataset import Dataset
from partnerbeeld.errors import NotFound
from partnerbeeld.models import AccountHolder, Contact, Mode, Partner, Team
from partnerbeeld.roles import ResolvedRole, role_for, roles_of
from partnerbeeld.suggest import closest, normalise


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """What the user typed, resolved to one or more incident-type codes."""

    text: str
    codes: tuple[str, ...]
    via: str  # "code", "alias" or "naam"


@dataclass(frozen=True, slots=True)
class Selection:
    """The filters of `zoek` and `contactlijst`; they combine (AND). None = no filter."""

    incident: str | None = None
    grip: int | None = None
    team: Team | None = None
    gemeente: str | None = None
    profiel: str | None = None
    modus: Mode | None = None
    accounthouder: str | None = None
    tekst: str | None = None
    vertrouwelijk: bool = False  # may confidential contacts be chosen as the number to call


@dataclass(frozen=True, slots=True)
class Hit:
    partner: Partner
    role: ResolvedRole | None  # None when no incident type was asked
    call_first: Contact | None  # the number to call first, respecting confidentiality
    account_holder: AccountHolder | None


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
    candidates = [*dataset.incident_types, *dataset.aliases]
    suggestions = closest(key, candidates, n=3, cutoff=0.5)
    raise NotFound(f"Onbekend incidenttype '{wanted}'.", suggestions,
                   "" if suggestions else "Zie 'partnerbeeld incidenttypen' voor alle codes en aliassen.")


def resolve_municipality(dataset: Dataset, text: str) -> str:
    """A municipality id from its id or name."""
    by_key = {normalise(m.id): m.id for m in dataset.settings.municipalities}
    by_key.update({normalise(m.name): m.id for m in dataset.settings.municipalities})
    found = by_key.get(normalise(text)) or by_key.get(normalise(text).replace(" ", "-"))
    if found:
        return found
    raise NotFound(f"Onbekende gemeente '{text}'.", closest(text, [m.name for m in dataset.settings.municipalities]))


def _check_known(kind: str, value: str, known: dict[str, object]) -> str:
    if value in known:
        return value
    raise NotFound(f"Onbekend {kind} '{value}'.", closest(value, known))


def call_first(partner: Partner, include_confidential: bool) -> Contact | None:
    """The number to call first: primary and 24/7, then primary, then any 24/7, then any number."""
    contacts = [c for c in partner.contacts if c.number and (include_confidential or not c.confidential)]
    for wanted in (lambda c: c.primary and c.is_24_7, lambda c: c.primary, lambda c: c.is_24_7, lambda c: True):
        for contact in contacts:
            if wanted(contact):
                return contact
    return None


def _best_role(dataset: Dataset, partner: Partner, codes: tuple[str, ...]) -> ResolvedRole | None:
    defined = roles_of(dataset, partner)
    found = [r for code in codes if (r := role_for(dataset, partner, code, defined)) is not None]
    return min(found, key=lambda r: r.urgency) if found else None


def _text_matches(partner: Partner, text: str) -> bool:
    needle = normalise(text)
    return needle in normalise(partner.name) or needle in normalise(partner.sector) or needle in partner.id


def select(dataset: Dataset, selection: Selection) -> list[Hit]:
    """Partners matching every filter, earliest to join first, then by name."""
    incident = resolve_incidenttype(dataset, selection.incident) if selection.incident else None
    gemeente = resolve_municipality(dataset, selection.gemeente) if selection.gemeente else None
    if selection.profiel:
        _check_known("profiel", selection.profiel, dataset.profiles)  # type: ignore[arg-type]
    if selection.accounthouder:
        _check_known("accounthouder", selection.accounthouder, dataset.account_holders)  # type: ignore[arg-type]
    hits: list[Hit] = []
    for partner in dataset.partners.values():
        if gemeente and partner.area is not None and gemeente not in partner.area:
            continue
        if selection.profiel and selection.profiel not in partner.profiles:
            continue
        if selection.accounthouder and partner.account_holder != selection.accounthouder:
            continue
        if selection.tekst and not _text_matches(partner, selection.tekst):
            continue
        role = _best_role(dataset, partner, incident.codes) if incident else None
        if incident and role is None:
            continue
        if _has_role_filter(selection):
            # with an incident type the filters apply to its role; without one, to any role the partner has
            candidates = [role] if incident else list(roles_of(dataset, partner).values())
            if not any(_role_passes(r, selection) for r in candidates):
                continue
        holder = dataset.account_holders.get(partner.account_holder) if partner.account_holder else None
        hits.append(Hit(partner, role, call_first(partner, selection.vertrouwelijk), holder))
    return sorted(hits, key=lambda h: ((h.role.urgency if h.role else (0, 0)), normalise(h.partner.name)))


def _role_passes(role: ResolvedRole | None, selection: Selection) -> bool:
    """--grip, --team and --modus filter on one role."""
    if role is None:
        return False
    if selection.grip is not None and role.role.from_grip > selection.grip:
        return False
    if selection.team is not None and selection.team not in role.role.teams:
        return False
    return not (selection.modus is not None and selection.modus not in role.role.modes)


def _has_role_filter(selection: Selection) -> bool:
    return selection.grip is not None or selection.team is not None or selection.modus is not None
