"""Checks across records. Each module yields findings; ``run_checks`` runs them all.

Per-file problems (YAML, schema) come from ``loading``; these checks need the
whole dataset: ids, references, the incident-type tree, contacts and dates.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the read-only commands import single checks; phone numbers stay unloaded
    from partnerbeeld.model.findings import Finding
    from partnerbeeld.reading.dataset import Dataset
    from partnerbeeld.reading.loading import Loaded


def run_checks(loaded: Loaded, dataset: Dataset | None, today: dt.date) -> list[Finding]:
    """Every cross-record finding. Without a dataset only the per-file identity checks run."""
    from partnerbeeld.checks import characters, contacts, dates, identity, lists, sectors

    if dataset is None:
        return [*identity.check(loaded), *lists.check(loaded), *characters.check(loaded)]
    return [
        *integrity(loaded, dataset),
        *characters.check(loaded),
        *contacts.check(dataset),
        *dates.check(dataset, today),
        *lists.check(loaded),
        *sectors.check(dataset),
    ]


def integrity(loaded: Loaded, dataset: Dataset) -> list[Finding]:
    """The cross-record errors that make an answer wrong rather than untidy; read commands run these too.

    A duplicate id hides a record; an unknown profile or incident-type code hides
    roles, so a partner would silently be missing from `zoek`. These checks cost
    under a millisecond; the phone-number and date checks stay with ``valideer``.
    """
    from partnerbeeld.checks import identity, references, tree

    return [
        *identity.check(loaded),
        *tree.check(dataset),
        *references.check(dataset, loaded.invalid_ids, loaded.unreadable_folders),
    ]
