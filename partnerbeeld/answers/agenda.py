"""The agenda: the dates account holders must act on, as plain values for a calendar.

Per covenant in force its expiry, its next evaluation and its next joint
exercise; per plan its next revision; per partner when its contact details must
be checked again. The due dates come from ``signals`` (one rule for the report
and the calendar). A date already past is put on the reference date, marked
"achterstallig": a calendar shows what is open today, not only what once was.

Each item has a stable ``uid`` (what it is about, not when), so a subscribed
calendar updates an item when its date moves instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from partnerbeeld.answers.signals import (
    add_months,
    exercise_due,
    holder_of,
    is_live,
    review_due,
    verification_due,
)
from partnerbeeld.infra.suggest import normalise
from partnerbeeld.reading.dataset import Dataset


@dataclass(frozen=True, slots=True)
class AgendaItem:
    uid: str  # stable: '<soort>-<record id>@<region slug>.partnerbeeld'
    day: dt.date  # when it shows in the calendar (the reference date when overdue)
    due: dt.date  # the due date itself
    summary: str  # one Dutch line
    description: str
    account_holder: str | None
    kind: str  # convenant-verloopt, convenant-evaluatie, oefening, plan-herziening, contact-verificatie

    @property
    def overdue(self) -> bool:
        return self.due < self.day


def agenda(dataset: Dataset, today: dt.date, account_holder: str | None = None) -> list[AgendaItem]:
    """Every agenda item, by date then uid; only ``account_holder``'s when given."""
    region = _slug(dataset.settings.short_name or dataset.settings.region)
    items: list[AgendaItem] = []

    def add(kind: str, record_id: str, due: dt.date, summary: str, description: str, holder: str | None) -> None:
        late = due < today
        text = f"{summary} (achterstallig sinds {due.isoformat()})" if late else summary
        uid = f"{kind}-{record_id}@{region}.partnerbeeld"
        items.append(AgendaItem(uid, max(due, today), due, text, description, holder, kind))

    for cid, c in dataset.covenants.items():
        if not is_live(c):
            continue
        holder = holder_of(dataset, c.partners, c.account_holder)
        names = ", ".join(dataset.partners[p].name if p in dataset.partners else p for p in c.partners)
        about = f"{c.title}, met {names}."
        if c.valid_until:
            add("convenant-verloopt", cid, c.valid_until, f"Convenant verloopt: {c.title}", about, holder)
        review = review_due(c)
        if review:
            add("convenant-evaluatie", cid, review, f"Evaluatie convenant: {c.title}", about, holder)
        last, exercise = exercise_due(dataset, cid, today)
        if exercise:
            before = f" Laatste oefening: {last.isoformat()}." if last else " Nog nooit samen geoefend."
            add("oefening", cid, exercise, f"Oefening volgens convenant: {c.title}", about + before, holder)
    for pid, plan in dataset.plans.items():
        due = add_months(plan.last_revised_on, plan.review_every_months)
        holder = holder_of(dataset, plan.partners, plan.owner)
        add("plan-herziening", pid, due, f"Herziening plan: {plan.title}", f"Plan {plan.title} ({plan.kind}).", holder)
    for pid, p in dataset.partners.items():
        due = verification_due(dataset, p) or today  # never checked: due now
        add(
            "contact-verificatie",
            pid,
            due,
            f"Contactgegevens controleren: {p.name}",
            f"Loop de contacten van {p.name} na met de partner en vul verified_on in.",
            p.account_holder,
        )
    chosen = [i for i in items if account_holder is None or i.account_holder == account_holder]
    return sorted(chosen, key=lambda i: (i.day, i.uid))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "regio"
