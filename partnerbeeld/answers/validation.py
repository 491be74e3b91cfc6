"""`valideer` as a library call: load every file, run every check, one sorted list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from partnerbeeld.answers import acceptance
from partnerbeeld.answers.acceptance import Acceptance
from partnerbeeld.checks import run_checks
from partnerbeeld.infra.errors import ExitStatus, Remedy
from partnerbeeld.infra.paths import located
from partnerbeeld.model.findings import Finding, Severity, count
from partnerbeeld.model.records import SINGLE_FILES
from partnerbeeld.reading.dataset import Dataset, build
from partnerbeeld.reading.loading import gc_paused, load


@dataclass(frozen=True)
class Report:
    """``findings`` count (exit code, ``--strikt``); ``accepted`` are shown but do not count."""

    root: Path
    findings: list[Finding]
    files: int
    accepted: list[tuple[Finding, Acceptance]] = field(default_factory=list)

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


def validate(root: Path, today: dt.date, only: Collection[Path] | None = None) -> Report:
    """Every finding in the dataset at ``root``, sorted by file, line and column.

    ``only``: report just the findings that concern these files (see ``concerning``);
    the whole dataset is still checked, so nothing a full run finds for them is missed.
    """
    with gc_paused():
        loaded = load(root)
        dataset = build(loaded)
        findings = loaded.findings + run_checks(loaded, dataset, today)
        accepted: list[tuple[Finding, Acceptance]] = []
        if dataset is not None:
            findings, accepted = _apply_acceptances(findings, dataset, today)
    files = sum(len(records) for records in loaded.records.values()) + len(SINGLE_FILES)
    files += sum(len(ids) for ids in loaded.invalid_ids.values())
    if only is not None:
        wanted = concerning(root, dataset, only)
        if wanted is not None:
            findings = [f for f in findings if located(f.file) in wanted]
            accepted = [(f, a) for f, a in accepted if located(f.file) in wanted]
            files = len(wanted)
    accepted.sort(key=lambda pair: pair[0].sort_key)
    return Report(root, sorted(findings, key=lambda f: f.sort_key), files, accepted)


def _apply_acceptances(
    findings: list[Finding], dataset: Dataset, today: dt.date
) -> tuple[list[Finding], list[tuple[Finding, Acceptance]]]:
    collected = acceptance.collect(dataset)
    if not collected.acceptances and not collected.problems:
        return findings, []
    ours = [a for a in collected.acceptances if acceptance.is_finding_code(a.code)]
    result = acceptance.split(
        findings,
        ours,
        dataset.root,
        today,
        acceptance.finding_place,
        refuse=lambda f: f.severity is Severity.FOUT,
    )
    used = set(result.used)
    signal_acceptances = [a for a in collected.acceptances if not acceptance.is_finding_code(a.code)]
    if signal_acceptances:
        from partnerbeeld.answers.signals import signal_place, signals

        used |= acceptance.split(signals(dataset, today), signal_acceptances, dataset.root, today, signal_place).used
    problems = acceptance.problems(collected.acceptances, used, result.refused, today)
    return [*result.open, *collected.problems, *problems], result.accepted


def named_files(root: Path, paths: Collection[Path]) -> list[Path]:
    """The named files, checked to lie in the dataset at ``root``; UsageError (exit 2) otherwise."""
    from partnerbeeld.infra.errors import UsageError

    base = located(root)
    for path in paths:
        if not located(path).is_relative_to(base):
            raise UsageError(
                f"{path} hoort niet bij de dataset in {root}.",
                "Geef bestanden in de datamap.",
                remedy=Remedy.FILES_OUTSIDE_DATASET,
            )
        if path.is_dir():
            raise UsageError(f"{path} is een map; geef bestanden.", "Zonder PAD controleert valideer de hele dataset.")
    return list(paths)


def concerning(root: Path, dataset: Dataset | None, named: Collection[Path]) -> set[Path] | None:
    """The files whose findings a run over ``named`` reports: the named files and the records that refer to them.

    A profile is used by partners; a partner is named by covenants, exercises and
    plans: a change to the one can break the other. A change to one of the three
    fixed files (settings, incident types, account holders) can touch every
    record: then every file counts (None).
    """
    base = located(root)
    wanted = {located(p) for p in named}
    if dataset is None or any(p.parent == base for p in wanted):
        return None
    ids = {(p.parent.name, p.stem) for p in wanted if p.parent.parent == base}
    for (kind, record_id), source in dataset.sources.items():
        if kind == "partners":
            refers = any(("profiles", profile) in ids for profile in dataset.partners[record_id].profiles)
        elif kind in ("covenants", "exercises", "plans"):
            record = getattr(dataset, kind)[record_id]
            refers = any(("partners", partner) in ids for partner in record.partners)
            refers = refers or ("covenants", getattr(record, "covenant", None)) in ids
        else:
            continue
        if refers:
            wanted.add(located(source.file))
    return wanted
