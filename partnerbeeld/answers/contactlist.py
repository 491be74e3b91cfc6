"""The contact list: one normalised list of partners and their contacts, feeding every format.

``build_contact_list`` takes the same selection as ``zoek`` and returns plain
values: what the list is about (region, selection, reference date, data version,
classification), and per partner its role for the incident and the contacts
that may leave. Confidential contacts are dropped here, once, so that no view
can leak them by forgetting a filter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from partnerbeeld.answers.query import Hit, Selection, resolve_incidenttypes, resolve_municipality, select
from partnerbeeld.answers.roles import ResolvedRole
from partnerbeeld.infra import limits
from partnerbeeld.infra.errors import Remedy, UsageError
from partnerbeeld.infra.gitinfo import DataVersion, data_version
from partnerbeeld.infra.suggest import normalise
from partnerbeeld.model.records import Contact
from partnerbeeld.model.vocabulary import Team
from partnerbeeld.reading.dataset import Dataset

TEAM_NAMES = {team.value: team.label for team in Team}
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
CONFIDENTIAL_MARK = "VERTROUWELIJK"


@dataclass(frozen=True, slots=True)
class ContactEntry:
    label: str
    person: str | None
    phone: str | None
    mobile: str | None
    email: str | None
    available: str | None
    note: str | None
    primary: bool
    confidential: bool
    call_first: bool  # the one number to dial first for this partner


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """One role of the partner for the asked incident type (``roles.involvement``)."""

    code: str  # the incident type the role is defined on
    incident_name: str
    modes: tuple[str, ...]
    teams: tuple[str, ...]  # codes: 'rot', 'copi'
    from_grip: int
    task: str | None
    deviation: bool  # the partner's own role rather than its profile's

    @property
    def team_names(self) -> tuple[str, ...]:
        """As people write them: 'ROT', 'CoPI'."""
        return tuple(TEAM_NAMES.get(team, team) for team in self.teams)

    @property
    def summary(self) -> str:
        """'liaison, alarmeren · ROT · vanaf GRIP 1': one line for tables."""
        parts = [", ".join(self.modes)]
        if self.teams:
            parts.append(", ".join(self.team_names))
        parts.append(f"vanaf GRIP {self.from_grip}")
        return " · ".join(parts)

    @property
    def later_text(self) -> str:
        """'liaison · ROT · vanaf GRIP 2, bij Overstroming': a later role in the partner's detail."""
        return f"{self.summary}, bij {self.incident_name}"


@dataclass(frozen=True, slots=True)
class PartnerEntry:
    id: str
    name: str
    sector: str
    role: RoleEntry | None  # the headline role (who joins earliest); None when no incident type was asked
    later: tuple[RoleEntry, ...]  # the roles after the headline, as the incident unfolds
    contacts: tuple[ContactEntry, ...]
    withheld: int  # confidential contacts left out (their count only, never their content)
    account_holder: str | None
    verified_on: dt.date | None

    @property
    def first(self) -> ContactEntry | None:
        """The contact to call first (it leads the contacts), None when the partner has no number here."""
        return self.contacts[0] if self.contacts and self.contacts[0].call_first else None

    @property
    def verified_text(self) -> str | None:
        """When the contact details were last checked, in Dutch: '15 januari 2026'."""
        return dutch_date(self.verified_on) if self.verified_on else None


@dataclass(frozen=True, slots=True)
class ContactList:
    region: str
    title: str  # 'Contactlijst Overstroming'
    selection: str  # 'incidenttype Overstroming, tot en met GRIP 2'
    slug: str  # the selection as a file-name part: 'overstroming-grip-2'
    incident_codes: tuple[str, ...]  # the asked incident type(s), resolved; empty without --incident
    reference_date: dt.date
    data_version: DataVersion  # its .label is on every page: 'abc1234', 'abc1234 (gewijzigd)' or 'geen git'
    classification: str
    notice: str | None
    confidential: bool  # confidential contacts are included: every page says VERTROUWELIJK
    partners: tuple[PartnerEntry, ...]
    # files with errors that were left out (relative names): the list may lack partners or
    # roles, and a printed binder must say so itself, not only the terminal that made it
    incomplete: tuple[str, ...] = ()
    # the title every printed page repeats: the title plus the filters that narrow it
    running_title: str = ""
    # --kort: per partner only the number to call first; the views then show the summary only
    short: bool = False

    @property
    def incomplete_text(self) -> str:
        """'' when complete; else the warning every format prints at the top."""
        if not self.incomplete:
            return ""
        count = len(self.incomplete)
        files = ", ".join(self.incomplete[:3]) + (" …" if count > 3 else "")
        noun = "bestand" if count == 1 else "bestanden"
        return (
            f"ONVOLLEDIG: fouten in {count} {noun} ({files}); partners of rollen kunnen ontbreken. "
            "Herstel ze ('partnerbeeld valideer') en maak de lijst opnieuw."
        )

    @property
    def short_text(self) -> str:
        """'' for a full list; else what a short list (--kort) leaves out, said in every format."""
        return "korte lijst (--kort): per partner alleen het nummer dat je eerst belt" if self.short else ""

    def role_elsewhere(self, partner: PartnerEntry) -> str | None:
        """The incident type a role is defined on when it is not the one asked ('Dijkdoorbraak'), else None."""
        role = partner.role
        return role.incident_name if role and role.code not in self.incident_codes else None

    @property
    def any_role_elsewhere(self) -> bool:
        """Whether some partner's role is on another incident type (the summary's footnote '*')."""
        return any(self.role_elsewhere(p) for p in self.partners)

    @property
    def date_text(self) -> str:
        """The reference date in Dutch, as people write it on paper: '28 november 2026'."""
        return dutch_date(self.reference_date)

    @property
    def withheld(self) -> int:
        return sum(p.withheld for p in self.partners)

    @property
    def contact_count(self) -> int:
        return sum(len(p.contacts) for p in self.partners)

    def refuse_if_too_long_to_print(self) -> None:
        """UsageError when the list has more contacts than a PDF is made for (``limits.PDF_CONTACTS``).

        A PDF of 25,000 contacts took 120 s and 2.5 GB; nobody carries that binder.
        Asking for a narrower selection is the answer, not minutes of swapping.
        """
        if self.contact_count > limits.PDF_CONTACTS:
            raise UsageError(
                f"Deze contactlijst telt {self.contact_count} contacten; een PDF maakt partnerbeeld "
                f"tot {limits.PDF_CONTACTS} contacten.",
                "Kies een smallere selectie, of een formaat zonder opmaak per pagina: html, csv of vcf.",
                remedy=Remedy.NARROWER_SELECTION,
            )

    def file_name(self, extension: str) -> str:
        """Suggested file name: 'contactlijst-overstroming-2026-11-28[-kort][-VERTROUWELIJK].pdf'."""
        mark = "-kort" if self.short else ""  # beside the full list in the same folder, not instead of it
        mark += f"-{CONFIDENTIAL_MARK}" if self.confidential else ""
        return f"contactlijst-{self.slug}-{self.reference_date.isoformat()}{mark}.{extension}"

    def as_dict(self) -> dict[str, Any]:
        """Plain values with Dutch keys and ISO dates, for the JSON view."""
        return {
            "regio": self.region,
            "titel": self.title,
            "selectie": self.selection,
            "peildatum": self.reference_date.isoformat(),
            # as in the JSON of zoek, signalen and overzicht
            "dataversie": self.data_version.as_json(),
            "rubricering": self.classification,
            "opmerking": self.notice,
            "vertrouwelijk": self.confidential,
            "weggelaten_vertrouwelijk": self.withheld,
            "onvolledig": list(self.incomplete),
            "kort": self.short,
            "partners": [_partner_dict(p) for p in self.partners],
        }


def build_contact_list(
    dataset: Dataset,
    selection: Selection,
    reference: dt.date,
    version: DataVersion | None = None,
    incomplete: tuple[str, ...] = (),
    short: bool = False,
    hits: list[Hit] | None = None,
) -> ContactList:
    """The contact list for ``selection``; ``selection.confidential`` lets confidential contacts in.

    ``version``: the data version; by default asked from git for the dataset's folder.
    ``incomplete``: the files with errors that loading left out; the list then says so.
    ``short``: keep per partner only the number to call first (``contactlijst --kort``).
    ``hits``: ``select(dataset, selection)`` when the caller has it already (the site asks once per type).
    """
    hits = select(dataset, selection) if hits is None else hits
    described, slug, title = describe(dataset, selection)
    # the title names the incident type; the running title adds the other filters
    rest = describe(dataset, selection._replace(incident_types=()))[0] if selection.incident_types else described
    running = title if rest == "alle partners" else f"{title} · {rest}"
    codes = resolve_incidenttypes(dataset, selection.incident_types).codes if selection.incident_types else ()
    settings = dataset.settings
    return ContactList(
        region=settings.region,
        title=title,
        selection=described,
        slug=slug,
        incident_codes=codes,
        reference_date=reference,
        data_version=version if version is not None else data_version(dataset.root),
        classification=settings.classification,
        notice=settings.notice,
        confidential=selection.confidential,
        partners=tuple(_entry(dataset, hit, selection.confidential, short) for hit in hits),
        incomplete=incomplete,
        running_title=running,
        short=short,
    )


def describe(dataset: Dataset, selection: Selection) -> tuple[str, str, str]:
    """The selection in words, as a file-name slug, and the list's title."""
    words: list[str] = []
    slugs: list[str] = []
    title = "Contactlijst"
    if selection.incident_types:
        asked = resolve_incidenttypes(dataset, selection.incident_types)
        names = [dataset.incident_types[c].name for c in asked.codes]
        words.append(("incidenttype " if len(names) == 1 else "incidenttypen ") + ", ".join(names))
        slugs.append(asked.codes[0] if len(asked.codes) == 1 else "-".join(selection.incident_types))
        title = "Contactlijst " + " en ".join(", ".join(names).rsplit(", ", 1))
    # a filter given several times means "one of these"
    if selection.teams:
        words.append("team " + " of ".join(TEAM_NAMES.get(str(t), str(t)) for t in selection.teams))
        slugs.extend(str(t) for t in selection.teams)
    if selection.grip is not None:
        words.append(f"tot en met GRIP {selection.grip}")
        slugs.append(f"grip-{selection.grip}")
    if selection.municipalities:
        municipalities = [resolve_municipality(dataset, text) for text in selection.municipalities]
        words.append("gemeente " + " of ".join(dataset.municipalities[m] for m in municipalities))
        slugs.extend(municipalities)
    if selection.profiles:
        profiles = [dataset.profiles.get(p) for p in selection.profiles]
        names = [found.name if found else p for found, p in zip(profiles, selection.profiles, strict=True)]
        words.append("profiel " + " of ".join(names))
        slugs.extend(selection.profiles)
    if selection.modes:
        words.append("modus " + " of ".join(str(m) for m in selection.modes))
        slugs.extend(str(m) for m in selection.modes)
    if selection.account_holder:
        holder = dataset.account_holders.get(selection.account_holder)
        words.append(f"accounthouder {holder.name if holder else selection.account_holder}")
        slugs.append(selection.account_holder)
    if selection.text:
        words.append(f"tekst '{selection.text}'")
        slugs.append(selection.text)
    if not words:
        return "alle partners", "alle-partners", "Contactlijst alle partners"
    return ", ".join(words), _slug("-".join(slugs)), title


def dutch_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")[:80] or "selectie"


def _entry(dataset: Dataset, hit: Hit, include_confidential: bool, short: bool) -> PartnerEntry:
    partner = hit.partner
    kept = [c for c in partner.contacts if include_confidential or not c.confidential]
    withheld = len(partner.contacts) - len(kept)  # confidential ones only, also in a short list
    if short:
        kept = [c for c in kept if c is hit.call_first]
    # the number to call first leads; the rest keep the order the partner file gives them
    kept.sort(key=lambda c: c is not hit.call_first)
    holder = hit.account_holder.name if hit.account_holder else partner.account_holder
    return PartnerEntry(
        id=partner.id,
        name=partner.name,
        sector=partner.sector,
        role=_role(dataset, hit.role) if hit.role else None,
        later=tuple(_role(dataset, r) for r in hit.roles[1:]),
        contacts=tuple(_contact(c, c is hit.call_first) for c in kept),
        withheld=withheld,
        account_holder=holder,
        verified_on=partner.verified_on,
    )


def _role(dataset: Dataset, resolved: ResolvedRole) -> RoleEntry:
    role = resolved.role
    incident = dataset.incident_types.get(resolved.code)
    return RoleEntry(
        code=resolved.code,
        incident_name=incident.name if incident else resolved.code,
        modes=tuple(str(m) for m in sorted(role.modes, key=lambda m: m.rank)),  # strongest first, as zoek
        teams=tuple(str(t) for t in role.teams),
        from_grip=role.from_grip,
        task=role.task,
        deviation=resolved.is_deviation,
    )


def _contact(contact: Contact, first: bool) -> ContactEntry:
    return ContactEntry(
        label=contact.label,
        person=contact.person,
        phone=contact.phone,
        mobile=contact.mobile,
        email=contact.email,
        available=contact.available,
        note=contact.note,
        primary=contact.primary,
        confidential=contact.confidential,
        call_first=first,
    )


def _role_dict(role: RoleEntry) -> dict[str, Any]:
    return {
        "incidenttype": role.code,
        "incidenttype_naam": role.incident_name,
        "modi": list(role.modes),
        "teams": list(role.teams),
        "vanaf_grip": role.from_grip,
        "taak": role.task,
        "afwijking": role.deviation,
    }


def _partner_dict(partner: PartnerEntry) -> dict[str, Any]:
    role = partner.role
    return {
        "id": partner.id,
        "naam": partner.name,
        "sector": partner.sector,
        "accounthouder": partner.account_holder,
        "gecontroleerd_op": partner.verified_on.isoformat() if partner.verified_on else None,
        "rol": None if role is None else _role_dict(role),
        "rollen_later": [_role_dict(r) for r in partner.later],
        "contacten": [
            {
                "label": c.label,
                "persoon": c.person,
                "telefoon": c.phone,
                "mobiel": c.mobile,
                "email": c.email,
                "bereikbaar": c.available,
                "opmerking": c.note,
                "primair": c.primary,
                "vertrouwelijk": c.confidential,
                "eerst_bellen": c.call_first,
            }
            for c in partner.contacts
        ],
        "weggelaten_vertrouwelijk": partner.withheld,
    }
