"""Everything about one partner, for `toon`: contacts, roles with their origin, agreements.

``find_partner`` resolves what the user typed (id, name, or a fuzzy name) and
never guesses between several candidates; ``partner_info`` gathers the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from partnerbeeld.answers.roles import Involvement, ResolvedRole, involvement, roles_of, scope_of, shadowed_profile
from partnerbeeld.infra.errors import NotFound, UsageError
from partnerbeeld.infra.suggest import closest, normalise
from partnerbeeld.model.records import AccountHolder, Contact, Covenant, Exercise, Partner, Plan, Profile
from partnerbeeld.reading.dataset import Dataset

SURE = 90  # fuzzy score (0-100) at which one name is taken without asking
CLEAR_LEAD = 8  # ... provided the next best is at least this far behind
CANDIDATE = 60  # scores from here are offered as candidates


@dataclass(frozen=True, slots=True)
class RoleLine:
    """The partner's role defined on one incident type, and where it comes from."""

    code: str
    name: str  # the incident type's name; the code itself when the type is unknown
    role: ResolvedRole
    replaces: str | None  # profile whose role the own deviation replaces


@dataclass(frozen=True, slots=True)
class InvolvementLine:
    """How the partner is involved in one crisis type: what `zoek -i CODE` and `overzicht` show for it."""

    code: str
    name: str
    involvement: Involvement


@dataclass(frozen=True, slots=True)
class PartnerInfo:
    partner: Partner
    area_names: list[str] | None  # municipality names; None = the whole region
    profiles: list[Profile]
    roles: list[RoleLine]  # in the order of the incident-type tree
    involvement: list[InvolvementLine]  # per crisis type it is involved in, in tree order
    type_names: dict[str, str]  # incident-type names by code, to say where a role comes from
    contacts: list[Contact]  # the ones that may be shown
    hidden_contacts: int  # confidential contacts left out (without --vertrouwelijk)
    account_holder: AccountHolder | None
    covenants: list[Covenant]
    exercises: list[Exercise]  # newest first
    plans: list[Plan]
    today: dt.date
    verified_days_ago: int | None
    verification_overdue: bool  # older than the dataset's verification threshold

    def type_name(self, code: str) -> str:
        return self.type_names.get(code, code)


def find_partner(dataset: Dataset, text: str) -> Partner:
    """A partner by id, exact name, unique part of a name, or a clearly best fuzzy name.

    Several plausible partners raise NotFound listing them (exit 2): under
    stress a wrong partner's number is worse than a question.
    """
    wanted = normalise(text)
    if not wanted:
        raise UsageError("Geef een partner: een id of (een deel van) de naam.", "Bijvoorbeeld: partnerbeeld toon dunea")
    if wanted.replace(" ", "-") in dataset.partners:
        return dataset.partners[wanted.replace(" ", "-")]
    by_name = {normalise(p.name): p for p in dataset.partners.values()}
    if wanted in by_name:
        return by_name[wanted]
    containing = [p for p in dataset.partners.values() if wanted in normalise(p.name) or wanted in p.id]
    if len(containing) == 1:
        return containing[0]
    if containing:
        raise _ambiguous(text, [p.id for p in sorted(containing, key=lambda p: p.id)])
    return _fuzzy(dataset, text, wanted)


def _fuzzy(dataset: Dataset, text: str, wanted: str) -> Partner:
    from rapidfuzz import fuzz, process

    names = {p.id: normalise(p.name) for p in dataset.partners.values()}
    scored = process.extract(wanted, names, scorer=fuzz.WRatio, limit=5)
    if scored and scored[0][1] >= SURE and (len(scored) == 1 or scored[0][1] - scored[1][1] >= CLEAR_LEAD):
        return dataset.partners[scored[0][2]]
    # No clear winner: the name is unknown. Suggest what looks like a typo of an id or a
    # name (difflib: 'dunae' -> dunea first); WRatio's partial matches only when none does.
    by_name = {p.name: p.id for p in dataset.partners.values()}
    typos = [by_name.get(found, found) for found in closest(text, [*dataset.partners, *by_name], n=4)]
    suggestions = list(dict.fromkeys(typos)) or [key for _, score, key in scored if score >= CANDIDATE]
    raise NotFound(
        f"Onbekende partner '{text}'.",
        suggestions,
        "" if suggestions else "Zie 'partnerbeeld zoek' voor alle partners.",
    )


def _ambiguous(text: str, ids: list[str]) -> NotFound:
    shown = ids[:8]
    more = f" (en nog {len(ids) - len(shown)})" if len(ids) > len(shown) else ""
    return NotFound(
        f"'{text}' past bij {len(ids)} partners.", hint="Bedoelde je " + ", ".join(shown) + more + "? Geef het id."
    )


def partner_info(
    dataset: Dataset,
    partner: Partner,
    today: dt.date,
    confidential: bool = False,
    records: Mapping[str, Iterable[Any]] | None = None,
) -> PartnerInfo:
    """Everything about ``partner``. ``records``: its covenants, exercises and plans (keys as those
    words) when the caller indexed them already; the site does, for thousands of partners."""
    if records is None:
        records = {
            "covenants": (c for c in dataset.covenants.values() if partner.id in c.partners),
            "exercises": (e for e in dataset.exercises.values() if partner.id in e.partners),
            "plans": (p for p in dataset.plans.values() if partner.id in p.partners),
        }
    visible = [c for c in partner.contacts if confidential or not c.confidential]
    days = (today - partner.verified_on).days if partner.verified_on else None
    limit_days = dataset.settings.thresholds.verification_months * 365 // 12
    return PartnerInfo(
        partner=partner,
        area_names=None if partner.area is None else [dataset.municipalities.get(m, m) for m in partner.area],
        profiles=[dataset.profiles[p] for p in partner.profiles if p in dataset.profiles],
        roles=_role_lines(dataset, partner),
        involvement=_involvement_lines(dataset, partner),
        type_names=dataset.type_names,
        contacts=visible,
        hidden_contacts=len(partner.contacts) - len(visible),
        account_holder=dataset.account_holders.get(partner.account_holder) if partner.account_holder else None,
        covenants=sorted(records["covenants"], key=lambda c: c.id),
        exercises=sorted(records["exercises"], key=lambda e: (e.date, e.id), reverse=True),
        plans=sorted(records["plans"], key=lambda p: p.id),
        today=today,
        verified_days_ago=days,
        verification_overdue=days is None or days > limit_days,
    )


def _role_lines(dataset: Dataset, partner: Partner) -> list[RoleLine]:
    order = {code: index for index, code in enumerate(_tree_order(dataset))}
    lines = []
    for code, resolved in roles_of(dataset, partner).items():
        item = dataset.incident_types.get(code)
        lines.append(RoleLine(code, item.name if item else code, resolved, shadowed_profile(dataset, partner, code)))
    return sorted(lines, key=lambda line: (order.get(line.code, len(order)), line.code))


def _involvement_lines(dataset: Dataset, partner: Partner) -> list[InvolvementLine]:
    """The headline (and later roles) per crisis type, by the one rule of ``roles.involvement``."""
    defined = roles_of(dataset, partner)
    lines = []
    for code in _tree_order(dataset):
        if dataset.depth(code) != 1:
            continue
        found = involvement(defined, scope_of(dataset, [code]))
        if found is not None:
            lines.append(InvolvementLine(code, dataset.incident_types[code].name, found))
    return lines


def _tree_order(dataset: Dataset) -> list[str]:
    return [code for theme in dataset.themes for code in (theme, *dataset.descendants(theme))]
