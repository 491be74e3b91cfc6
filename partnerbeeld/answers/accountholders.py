"""`accounthouders` as a library call: per account holder their partners, signals and oldest check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerbeeld.answers.signals import Signal
from partnerbeeld.model.vocabulary import SignalLevel
from partnerbeeld.reading.dataset import Dataset

NOBODY = "-"  # the id of the pseudo account holder for partners that have none


@dataclass(frozen=True, slots=True)
class HeldPartner:
    id: str
    name: str
    verified_on: dt.date | None  # None: contact details never checked


@dataclass(frozen=True, slots=True)
class HolderReport:
    id: str
    name: str
    partners: list[HeldPartner]  # by name
    signals: list[Signal]  # in report order

    @property
    def counts(self) -> dict[str, int]:
        return {level.value: sum(1 for s in self.signals if s.level is level) for level in SignalLevel}

    @property
    def never_verified(self) -> int:
        """Partners whose contact details were never checked: older than any date."""
        return sum(1 for p in self.partners if p.verified_on is None)

    @property
    def oldest_verification(self) -> dt.date | None:
        """The oldest ``verified_on`` among the partners that have one (see ``never_verified``)."""
        return min((p.verified_on for p in self.partners if p.verified_on is not None), default=None)


def holder_reports(dataset: Dataset, found: list[Signal], only: str | None = None) -> list[HolderReport]:
    """One report per account holder (in file order), plus one for partners without one."""
    reports = []
    holders = [(hid, h.name) for hid, h in dataset.account_holders.items()] + [(NOBODY, "(geen accounthouder)")]
    for hid, name in holders:
        if only is not None and hid != only:
            continue
        wanted = None if hid == NOBODY else hid
        partners = sorted(
            (
                HeldPartner(pid, p.name, p.verified_on)
                for pid, p in dataset.partners.items()
                if p.account_holder == wanted
            ),
            key=lambda p: (p.name.casefold(), p.id),
        )
        if hid == NOBODY and not partners:
            continue
        # signals nobody owns (an unused profile, an uncovered crisis type) belong to no holder
        mine = [s for s in found if s.account_holder == wanted and (wanted or s.record_kind == "partners")]
        reports.append(HolderReport(hid, name, partners, mine))
    return reports
