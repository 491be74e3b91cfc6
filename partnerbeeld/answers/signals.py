"""Maintenance signals: what needs attention before an incident shows it.

``signals(dataset, today)`` returns a sorted list of ``Signal`` values; the
`signalen` and `accounthouders` commands are views of that list. Every rule is
"overdue when the due date lies before the reference date": on the due date
itself nothing is overdue yet. Thresholds come from data/partnerbeeld.yaml.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from partnerbeeld.answers.roles import involved_codes
from partnerbeeld.checks.contacts import alerted_codes, has_primary_24_7
from partnerbeeld.infra.clock import add_days
from partnerbeeld.infra.suggest import known_or_suggest
from partnerbeeld.model.records import Covenant, Partner
from partnerbeeld.model.vocabulary import CovenantStatus, SignalKind, SignalLevel
from partnerbeeld.reading.dataset import Dataset

# code -> (kind, level, what it means). Codes are stable: never renamed or reused.
CODES: dict[str, tuple[SignalKind, SignalLevel, str]] = {
    "convenant-verlopen": (SignalKind.CONVENANT, SignalLevel.FOUT, "Een lopend convenant is over zijn einddatum."),
    "convenant-verloopt": (
        SignalKind.CONVENANT,
        SignalLevel.WAARSCHUWING,
        "Een convenant verloopt binnen de ingestelde termijn.",
    ),
    "convenant-evaluatie-achterstallig": (
        SignalKind.CONVENANT,
        SignalLevel.WAARSCHUWING,
        "De evaluatie van een convenant is over tijd.",
    ),
    "oefening-achterstallig": (
        SignalKind.OEFENING,
        SignalLevel.WAARSCHUWING,
        "Er is niet geoefend zo vaak als het convenant afspreekt.",
    ),
    "plan-herziening-achterstallig": (SignalKind.PLAN, SignalLevel.WAARSCHUWING, "Een plan is niet op tijd herzien."),
    "contact-verificatie-verouderd": (
        SignalKind.CONTACT,
        SignalLevel.WAARSCHUWING,
        "Contactgegevens zijn te lang niet gecontroleerd.",
    ),
    "partner-zonder-24-7-nummer": (
        SignalKind.CONTACT,
        SignalLevel.FOUT,
        "Een partner die gealarmeerd wordt, heeft geen primair 24/7-nummer.",
    ),
    "partner-zonder-accounthouder": (SignalKind.PARTNER, SignalLevel.WAARSCHUWING, "Niemand onderhoudt het contact."),
    "partner-zonder-profiel": (
        SignalKind.PARTNER,
        SignalLevel.WAARSCHUWING,
        "Een partner hoort bij geen enkel profiel.",
    ),
    "profiel-ongebruikt": (SignalKind.PROFIEL, SignalLevel.INFO, "Geen enkele partner gebruikt dit profiel."),
    "crisistype-niet-gedekt": (
        SignalKind.DEKKING,
        SignalLevel.FOUT,
        "Bij dit crisistype is geen enkele partner betrokken.",
    ),
    "accounthouder-overbelast": (
        SignalKind.ACCOUNTHOUDER,
        SignalLevel.WAARSCHUWING,
        "Een accounthouder heeft meer partners dan het maximum.",
    ),
}
_LEVEL_ORDER = {SignalLevel.FOUT: 0, SignalLevel.WAARSCHUWING: 1, SignalLevel.INFO: 2}
_LIVE = (CovenantStatus.ACTIEF, CovenantStatus.IN_HERZIENING)  # concept is not in force, beeindigd has ended


@dataclass(frozen=True, slots=True)
class Signal:
    code: str
    record_kind: str  # folder name (partners, covenants, ...), or "incidenttypes"/"accountholders"
    record_id: str
    name: str  # the record as people know it
    message: str
    action: str  # what to do about it
    account_holder: str | None  # who should act (id), when known
    file: Path | None
    line: int = 0
    due: dt.date | None = None  # when it became (or becomes) due: the most overdue first

    @property
    def kind(self) -> SignalKind:
        return CODES[self.code][0]

    @property
    def level(self) -> SignalLevel:
        return CODES[self.code][1]

    @property
    def sort_key(self) -> tuple[int, dt.date, str]:
        """Within a kind: errors first, then the longest overdue (``due``), then by name."""
        return (_LEVEL_ORDER[self.level], self.due or dt.date.max, self.name)


def signal_place(s: Signal) -> tuple[str, Path | None, int]:
    """Code, file and line: what an acceptance (``partnerbeeld.answers.acceptance``) matches on."""
    return s.code, s.file, s.line


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb).

    Saturates at 9999-12-31 (and 0001-01-01): a due date beyond the calendar is never due.
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return dt.date.max if year > dt.MAXYEAR else dt.date.min
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def signals_for(
    dataset: Dataset, today: dt.date, account_holder: str | None = None, kinds: Collection[SignalKind] = ()
) -> list[Signal]:
    """The signals of one account holder and/or of some kinds (none given: all); NotFound for an unknown holder."""
    if account_holder is not None:
        known_or_suggest(account_holder, dataset.account_holders, "Onbekende accounthouder")
    return [
        s
        for s in signals(dataset, today)
        if (account_holder is None or s.account_holder == account_holder) and (not kinds or s.kind in kinds)
    ]


def signals(dataset: Dataset, today: dt.date) -> list[Signal]:
    """Every open signal on the reference date ``today``, in report order."""
    found = [
        *_covenants(dataset, today),
        *_exercises(dataset, today),
        *_plans(dataset, today),
        *_partners(dataset, today),
        *_coverage(dataset),
        *_account_holders(dataset),
    ]
    return in_report_order(found)


def in_report_order(found: list[Signal]) -> list[Signal]:
    """Grouped by kind, the kind with the most urgent signal first (ties in ``SignalKind`` order).

    An error (a partner you cannot reach) must not hide below twenty warnings about
    reviews: a reader of the report starts at the top.
    """
    kinds = list(SignalKind)
    worst: dict[SignalKind, int] = {}
    for s in found:
        worst[s.kind] = min(worst.get(s.kind, len(_LEVEL_ORDER)), _LEVEL_ORDER[s.level])
    return sorted(found, key=lambda s: (worst[s.kind], kinds.index(s.kind), *s.sort_key))


def _signal(
    dataset: Dataset,
    code: str,
    kind: str,
    record_id: str,
    name: str,
    message: str,
    action: str,
    *,
    holder: str | None,
    field: str | None = None,
    due: dt.date | None = None,
) -> Signal:
    source = dataset.sources.get((kind, record_id))
    file, line = (None, 0)
    if source is not None:
        file, line, _ = source.at(field) if field else source.at()
    return Signal(code, kind, record_id, name, message, action, holder, file, line, due)


def holder_of(dataset: Dataset, partners: list[str], own: str | None) -> str | None:
    """The record's own account holder, else the first of its partners' (who knows them best)."""
    if own:
        return own
    holders = [dataset.partners[p].account_holder for p in partners if p in dataset.partners]
    return next((h for h in holders if h), None)


def _covenants(dataset: Dataset, today: dt.date) -> Iterator[Signal]:
    horizon = add_days(today, dataset.settings.thresholds.expiring_days)
    for cid, c in dataset.covenants.items():
        if c.status not in _LIVE:
            continue
        holder = holder_of(dataset, c.partners, c.account_holder)
        if c.valid_until and c.valid_until < today:
            yield _signal(
                dataset,
                "convenant-verlopen",
                "covenants",
                cid,
                c.title,
                f"Verliep op {c.valid_until.isoformat()}, maar staat nog op '{c.status}'.",
                "Verleng het convenant, of zet het op beëindigd (status: beeindigd).",
                holder=holder,
                field="valid_until",
                due=c.valid_until,
            )
        elif c.valid_until and c.valid_until <= horizon:
            days = (c.valid_until - today).days
            when = {0: "vandaag", 1: "morgen"}.get(days, f"over {days} dagen")
            yield _signal(
                dataset,
                "convenant-verloopt",
                "covenants",
                cid,
                c.title,
                f"Verloopt op {c.valid_until.isoformat()} ({when}).",
                "Begin nu met verlengen of herzien.",
                holder=holder,
                field="valid_until",
                due=c.valid_until,
            )
        due = review_due(c)
        if due is not None and due < today:
            yield _signal(
                dataset,
                "convenant-evaluatie-achterstallig",
                "covenants",
                cid,
                c.title,
                f"Evaluatie was uiterlijk {due.isoformat()} (elke {c.review_every_months} maanden).",
                "Plan de evaluatie met de partners en vul last_reviewed_on in.",
                holder=holder,
                field="last_reviewed_on" if c.last_reviewed_on else "signed_on",
                due=due,
            )


def exercise_due(dataset: Dataset, covenant_id: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(the last joint exercise up to ``today``, when the next one is due) for a covenant with a cadence.

    An exercise counts when it names the covenant or one of its partners. Never
    exercised yet: the first is due one period after signing; no signing date, no due date.
    """
    c = dataset.covenants[covenant_id]
    if not c.exercise_every_months:
        return None, None
    partners = set(c.partners)
    held = [
        e.date
        for e in dataset.exercises.values()
        if e.date <= today and (e.covenant == covenant_id or partners.intersection(e.partners))
    ]
    last = max(held, default=None)
    start = last or c.signed_on
    return last, add_months(start, c.exercise_every_months) if start else None


def review_due(covenant: Covenant) -> dt.date | None:
    """When a covenant's next evaluation is due: a period after the last one (or the signing)."""
    base = covenant.last_reviewed_on or covenant.signed_on
    return add_months(base, covenant.review_every_months) if covenant.review_every_months and base else None


def verification_due(dataset: Dataset, partner: Partner) -> dt.date | None:
    """When a partner's contact details must be checked again; None when they never were."""
    months = dataset.settings.thresholds.verification_months
    return add_months(partner.verified_on, months) if partner.verified_on else None


def is_live(covenant: Covenant) -> bool:
    """In force: active or under revision (a concept is not yet, an ended one no longer)."""
    return covenant.status in _LIVE


def _exercises(dataset: Dataset, today: dt.date) -> Iterator[Signal]:
    for cid, c in dataset.covenants.items():
        if c.status not in _LIVE or not c.exercise_every_months:
            continue
        last, due = exercise_due(dataset, cid, today)
        if due is not None and due >= today:
            continue
        when = f"laatste oefening {last.isoformat()}" if last else "nog nooit geoefend"
        yield _signal(
            dataset,
            "oefening-achterstallig",
            "covenants",
            cid,
            c.title,
            f"Afgesproken: elke {c.exercise_every_months} maanden oefenen; {when}.",
            "Plan een oefening met deze partners en leg haar vast in data/exercises/.",
            holder=holder_of(dataset, c.partners, c.account_holder),
            field="exercise_every_months",
            due=due or dt.date.min,
        )


def _plans(dataset: Dataset, today: dt.date) -> Iterator[Signal]:
    for pid, plan in dataset.plans.items():
        due = add_months(plan.last_revised_on, plan.review_every_months)
        if due < today:
            yield _signal(
                dataset,
                "plan-herziening-achterstallig",
                "plans",
                pid,
                plan.title,
                f"Herziening was uiterlijk {due.isoformat()} (elke {plan.review_every_months} maanden).",
                "Herzie het plan met de betrokken partners en vul last_revised_on in.",
                holder=holder_of(dataset, plan.partners, plan.owner),
                field="last_revised_on",
                due=due,
            )


def _partners(dataset: Dataset, today: dt.date) -> Iterator[Signal]:
    months = dataset.settings.thresholds.verification_months
    for pid, p in dataset.partners.items():
        verify_by = verification_due(dataset, p)
        if verify_by is None or verify_by < today:
            last = p.verified_on.isoformat() if p.verified_on else "nooit"
            yield _signal(
                dataset,
                "contact-verificatie-verouderd",
                "partners",
                pid,
                p.name,
                f"Contactgegevens laatst gecontroleerd: {last} (norm: elke {months} maanden).",
                "Loop de contacten na met de partner en vul verified_on in.",
                holder=p.account_holder,
                field="verified_on" if p.verified_on else None,
                due=verify_by or dt.date.min,
            )
        alerted = alerted_codes(dataset, p)
        if alerted and not has_primary_24_7(p):
            yield _signal(
                dataset,
                "partner-zonder-24-7-nummer",
                "partners",
                pid,
                p.name,
                f"Wordt gealarmeerd (bij {', '.join(dataset.type_name_in_text(c) for c in alerted[:3])}) "
                "maar heeft geen primair 24/7-nummer.",
                "Vraag het piketnummer op; markeer het met primary: true en available: 24/7.",
                holder=p.account_holder,
                field="contacts",
            )
        if p.account_holder is None:
            yield _signal(
                dataset,
                "partner-zonder-accounthouder",
                "partners",
                pid,
                p.name,
                "Heeft geen accounthouder.",
                "Wijs een accounthouder toe (account_holder).",
                holder=None,
            )
        if not p.profiles:
            yield _signal(
                dataset,
                "partner-zonder-profiel",
                "partners",
                pid,
                p.name,
                "Hoort bij geen profiel.",
                "Kies een partnerprofiel (profiles) zodat de rollen per incidenttype gelden.",
                holder=p.account_holder,
            )


def _coverage(dataset: Dataset) -> Iterator[Signal]:
    used = {profile for p in dataset.partners.values() for profile in p.profiles}
    for pid, profile in dataset.profiles.items():
        if pid not in used:
            yield _signal(
                dataset,
                "profiel-ongebruikt",
                "profiles",
                pid,
                profile.name,
                "Geen partner gebruikt dit profiel.",
                "Koppel partners aan het profiel, of verwijder het.",
                holder=None,
            )
    covered: set[str] = set()
    for partner in dataset.partners.values():
        covered |= involved_codes(dataset, partner)
    for code in dataset.crisis_types:
        if code not in covered:
            item = dataset.incident_types[code]
            yield _signal(
                dataset,
                "crisistype-niet-gedekt",
                "incidenttypes",
                code,
                item.name,
                f"Bij '{code}' is geen enkele partner betrokken.",
                "Geef een profiel of partner een rol bij dit crisistype of een type eronder.",
                holder=None,
            )


def _account_holders(dataset: Dataset) -> Iterator[Signal]:
    limit = dataset.settings.thresholds.max_partners_per_account_holder
    counts: dict[str, int] = {}
    for partner in dataset.partners.values():
        if partner.account_holder:
            counts[partner.account_holder] = counts.get(partner.account_holder, 0) + 1
    for hid, holder in dataset.account_holders.items():
        if counts.get(hid, 0) > limit:
            yield _signal(
                dataset,
                "accounthouder-overbelast",
                "accountholders",
                hid,
                holder.name,
                f"Heeft {counts[hid]} partners; het maximum is {limit}.",
                "Verdeel partners over andere accounthouders.",
                holder=hid,
            )
