"""Dates that contradict each other or the reference date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.reading.dataset import Dataset

_FUTURE_HINT = "Vul de datum in waarop het echt gebeurde (JJJJ-MM-DD)."


def check(dataset: Dataset, today: dt.date) -> Iterator[Finding]:
    def future(kind: str, record_id: str, field: str, value: dt.date | None, what: str) -> Iterator[Finding]:
        if value is not None and value > today:
            yield dataset.source(kind, record_id).finding(
                (field,),
                Severity.FOUT,
                "datum-toekomst",
                f"{what} ({value.isoformat()}) ligt na vandaag ({today.isoformat()}).",
                _FUTURE_HINT,
            )

    for pid, partner in dataset.partners.items():
        yield from future("partners", pid, "verified_on", partner.verified_on, "Gecontroleerd op")
    for cid, covenant in dataset.covenants.items():
        yield from future("covenants", cid, "signed_on", covenant.signed_on, "Ondertekend op")
        yield from future("covenants", cid, "last_reviewed_on", covenant.last_reviewed_on, "Laatst geëvalueerd op")
        if covenant.signed_on and covenant.valid_until and covenant.valid_until <= covenant.signed_on:
            yield dataset.source("covenants", cid).finding(
                ("valid_until",),
                Severity.FOUT,
                "datum-volgorde",
                f"Geldig tot ({covenant.valid_until.isoformat()}) ligt niet na ondertekend op "
                f"({covenant.signed_on.isoformat()}).",
                "Controleer beide data; geldig tot komt na ondertekening.",
            )
        if covenant.signed_on and covenant.last_reviewed_on and covenant.last_reviewed_on < covenant.signed_on:
            yield dataset.source("covenants", cid).finding(
                ("last_reviewed_on",),
                Severity.FOUT,
                "datum-volgorde",
                f"Laatst geëvalueerd op ({covenant.last_reviewed_on.isoformat()}) ligt voor de ondertekening.",
                "Een evaluatie komt na de ondertekening; controleer beide data.",
            )
    for plan_id, plan in dataset.plans.items():
        yield from future("plans", plan_id, "last_revised_on", plan.last_revised_on, "Laatst herzien op")
