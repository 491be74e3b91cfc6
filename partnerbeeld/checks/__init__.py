"""Checks across records. Each module yields findings; ``run_checks`` runs them all.

Per-file problems (YAML, schema) come from ``loading``; these checks need the
whole dataset: ids, references, the incident-type tree, contacts and dates.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the read-only commands import single checks; phone numbers stay unloaded
    from partnerbeeld.dataset import Dataset
    from partnerbeeld.findings import Finding
    from partnerbeeld.loading import Loaded


def run_checks(loaded: Loaded, dataset: Dataset | None, today: dt.date) -> list[Finding]:
    """Every cross-record finding. Without a dataset only the per-file identity checks run."""
    from partnerbeeld.checks import contacts, dates, identity, references, tree

    findings = list(identity.check(loaded))
    if dataset is not None:
        findings.extend(tree.check(dataset))
        findings.extend(references.check(dataset, loaded.invalid_ids))
        findings.extend(contacts.check(dataset))
        findings.extend(dates.check(dataset, today))
    return findings
