"""`valideer` as a library call: load every file, run every check, one sorted list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from partnerbeeld.checks import run_checks
from partnerbeeld.dataset import build
from partnerbeeld.errors import ExitStatus
from partnerbeeld.findings import Finding, count
from partnerbeeld.loading import gc_paused, load
from partnerbeeld.records import SINGLE_FILES


@dataclass(frozen=True)
class Report:
    root: Path
    findings: list[Finding]
    files: int

    @property
    def errors(self) -> int:
        return count(self.findings)[0]

    @property
    def warnings(self) -> int:
        return count(self.findings)[1]

    def exit_status(self, strict: bool = False) -> ExitStatus:
        if self.errors or (strict and self.warnings):
            return ExitStatus.DATA_ERRORS
        return ExitStatus.OK


def validate(root: Path, today: dt.date) -> Report:
    """Every finding in the dataset at ``root``, sorted by file, line and column."""
    with gc_paused():
        loaded = load(root)
        dataset = build(loaded)
        findings = loaded.findings + run_checks(loaded, dataset, today)
    files = sum(len(records) for records in loaded.records.values()) + len(SINGLE_FILES)
    files += sum(len(ids) for ids in loaded.invalid_ids.values())
    return Report(root, sorted(findings, key=lambda f: f.sort_key), files)
