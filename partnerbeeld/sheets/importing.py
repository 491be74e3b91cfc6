"""`importeer` as a library call: a partner sheet into partner files, all or nothing.

``plan_import`` reads the sheet (``spreadsheet``, ``rows``), decides per
partner what would happen (new file, update, unchanged, left alone), renders the
files as they would be written, and runs ``valideer`` (``validation.validate``)
on a copy of the dataset with those files in it. Every finding in an imported
file is traced back to the sheet's row and column. Nothing is written here;
``apply`` writes the plan, and only a plan without errors.

Decisions:
- a partner is found by the ``id`` column, else by its name (case and accents
  ignored), else it is new with an id made from its name; an id that already
  belongs to a partner with another name is an error, never a silent merge;
- an existing partner is left alone unless ``update`` (``--bijwerken``): then its
  contacts are matched by label and updated, confidential contacts the sheet does
  not list are kept (an export without --vertrouwelijk leaves them out), and the
  partner columns the sheet fills replace those fields; the rest of the file
  (roles, comments, verified_on) stays byte for byte (``yamledit``);
- a partner without contact rows keeps its contacts.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from partnerbeeld.answers.changes import RecordChange, compare_files
from partnerbeeld.answers.scaffold import SLUG_HINT, is_slug, propose_id, scalar
from partnerbeeld.infra.atomic import write_many
from partnerbeeld.infra.errors import DatasetUnreadable, UsageError
from partnerbeeld.infra.suggest import normalise
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.model.records import RECORD_FOLDERS, SINGLE_FILES
from partnerbeeld.reading import yamlsource
from partnerbeeld.reading.dataset import Dataset, build
from partnerbeeld.reading.loading import load
from partnerbeeld.sheets.rows import COLUMN_OF, Known, RowProblem, SheetPartner, read_partners
from partnerbeeld.sheets.spreadsheet import Table, read_table
from partnerbeeld.sheets.yamledit import CONTACT_ORDER, contact_keys, edit_partner

DEFAULT_SECTOR = "overig"


class Action(StrEnum):
    NIEUW = "nieuw"
    BIJGEWERKT = "bijgewerkt"
    ONGEWIJZIGD = "ongewijzigd"
    NIET_BIJGEWERKT = "niet bijgewerkt"  # exists with other data; --bijwerken not given


@dataclass
class Planned:
    id: str
    sheet: SheetPartner
    action: Action
    path: Path
    text: str | None = None  # what would be written (new or updated)
    old: bytes | None = None  # the file as read, to refuse writing over a file changed meanwhile
    kept_confidential: tuple[str, ...] = ()


@dataclass
class ImportPlan:
    root: Path
    table: Table
    planned: list[Planned] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changes: list[RecordChange] = field(default_factory=list)
    # what --bijwerken would change in partners left alone without it, by id
    held_back: dict[str, RecordChange] = field(default_factory=dict)

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity is Severity.FOUT]

    @property
    def warnings(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity is Severity.WAARSCHUWING]

    def count(self, action: Action) -> int:
        return sum(1 for p in self.planned if p.action is action)

    @property
    def source(self) -> str:
        """'partners.xlsx, blad partners'."""
        return self.table.file + (f", blad {self.table.sheet}" if self.table.sheet is not None else "")

    def where(self, problem: RowProblem) -> str:
        """'partners.xlsx, blad partners, rij 5, kolom telefoon' for a problem."""
        parts = [self.table.file]
        if self.table.sheet is not None:
            parts.append(f"blad {self.table.sheet}")
        if problem.row is not None:
            parts.append(f"rij {problem.row}")
        if problem.column is not None:
            parts.append(f"kolom {problem.column}")
        return ", ".join(parts)


def _known(dataset: Dataset) -> Known:
    def table(items: dict[str, str]) -> dict[str, str]:
        result = {normalise(name): key for key, name in items.items()}
        result.update({normalise(key): key for key in items})
        return result

    return Known(
        profiles=table({k: p.name for k, p in dataset.profiles.items()}),
        municipalities=table(dataset.municipalities),
        account_holders=table({k: h.name for k, h in dataset.account_holders.items()}),
    )


def _open(root: Path) -> tuple[Dataset, set[str]]:
    loaded = load(root)
    dataset = build(loaded)
    if dataset is None:
        raise DatasetUnreadable(
            f"De dataset in {root} kan niet worden gelezen.",
            "Draai 'partnerbeeld valideer' en herstel eerst partnerbeeld.yaml, incidenttypes.yaml "
            "of accountholders.yaml.",
        )
    return dataset, loaded.invalid_ids.get("partners", set())


# --- identity --------------------------------------------------------------------------------------


def _identify(
    sheet: SheetPartner, dataset: Dataset, on_disk: set[str], by_name: dict[str, str], problems: list[RowProblem]
) -> str | None:
    given = sheet.given.pop("id", None)
    row = sheet.given_at.pop("id", sheet.first_row)
    if given is not None:
        if not is_slug(given):
            problems.append(RowProblem(row, "id", f"'{given}' is geen geldig id", SLUG_HINT))
            return None
        return str(given)
    found = by_name.get(normalise(sheet.name))
    if found is not None:
        return found
    proposed = propose_id(sheet.name)
    if not proposed:
        problems.append(
            RowProblem(sheet.first_row, "naam", f"van '{sheet.name}' is geen id te maken", "Vul kolom id in.")
        )
        return None
    if proposed in on_disk:
        other = dataset.partners.get(proposed)
        what = f"'{other.name}'" if other else "een partner met fouten"
        problems.append(
            RowProblem(
                sheet.first_row,
                "naam",
                f"'{sheet.name}' krijgt id '{proposed}', maar dat id is al van {what} (partners/{proposed}.yaml)",
                f"Vul kolom id in: '{proposed}' als het dezelfde partner is, anders een nieuw id.",
            )
        )
        return None
    return proposed


# --- rendering a new partner file -----------------------------------------------------------------------


def render_new(partner_id: str, sheet: SheetPartner, source: str) -> str:
    """A new partner file the way `nieuw` writes one: schema line, comments, then the data."""
    given = sheet.given
    lines = [
        "# yaml-language-server: $schema=../../schemas/partner.schema.json",
        f"# Ingelezen met 'partnerbeeld importeer' uit {source}.",
        f"id: {partner_id}",
        f"name: {scalar(sheet.name)}",
        f"sector: {scalar(given.get('sector', DEFAULT_SECTOR))}",
        f"profiles: [{', '.join(scalar(p) for p in given.get('profiles', []))}]",
    ]
    if given.get("area"):
        lines.append(f"area: [{', '.join(scalar(a) for a in given['area'])}]")
    if given.get("account_holder"):
        lines.append(f"account_holder: {scalar(given['account_holder'])}")
    lines.append("# Vul in (JJJJ-MM-DD) zodra de contactgegevens met de partner zijn gecontroleerd.")
    lines.append("# verified_on: 2026-01-01")
    if sheet.contacts:
        lines.append("contacts:")
    for contact in sheet.contacts:
        values = contact.values
        keys = [k for k in CONTACT_ORDER if values.get(k) not in (None, False)]
        for n, key in enumerate(keys):
            value = "true" if values[key] is True else scalar(str(values[key]))
            lines.append(f"{'  - ' if n == 0 else '    '}{key}: {value}")
    return "\n".join(lines) + "\n"


# --- planning ----------------------------------------------------------------------------------------


def _plan_partner(
    partner_id: str, sheet: SheetPartner, dataset: Dataset, root: Path, source: str, update: bool
) -> Planned:
    path = root / "partners" / f"{partner_id}.yaml"
    existing = dataset.partners.get(partner_id)
    if existing is None:
        return Planned(partner_id, sheet, Action.NIEUW, path, render_new(partner_id, sheet, source))
    path = dataset.source("partners", partner_id).file
    old = path.read_bytes()
    fields: dict[str, Any] = dict(sheet.given)
    if existing.name != sheet.name:
        fields["name"] = sheet.name  # found by its id column under another name: the sheet renames it
    contacts: list[Mapping[str, Any]] | None = [c.values for c in sheet.contacts] or None
    edit = edit_partner(old.decode("utf-8"), fields, contacts)  # valid files only: UTF-8, a BOM is kept
    if edit.text is None:
        return Planned(partner_id, sheet, Action.ONGEWIJZIGD, path, None, old, edit.kept_confidential)
    action = Action.BIJGEWERKT if update else Action.NIET_BIJGEWERKT
    return Planned(partner_id, sheet, action, path, edit.text, old, edit.kept_confidential)


def plan_import(root: Path, file: Path, sheet_name: str | None, *, update: bool, today: dt.date) -> ImportPlan:
    """What importing ``file`` into the dataset at ``root`` would do, with every problem found."""
    dataset, invalid = _open(root)
    table = read_table(file, sheet_name)
    plan = ImportPlan(root, table, notes=list(table.notes))
    partners, plan.problems = read_partners(table, _known(dataset))
    on_disk = set(dataset.partners) | invalid
    by_name = {normalise(p.name): pid for pid, p in dataset.partners.items()}
    source = table.file + (f", blad {table.sheet}" if table.sheet else "")
    claimed: dict[str, SheetPartner] = {}
    for sheet in partners:
        partner_id = _identify(sheet, dataset, on_disk, by_name, plan.problems)
        if partner_id is None:
            continue
        if partner_id in claimed:
            plan.problems.append(
                RowProblem(
                    sheet.first_row,
                    "naam",
                    f"'{sheet.name}' krijgt hetzelfde id '{partner_id}' als '{claimed[partner_id].name}' "
                    f"(rij {claimed[partner_id].first_row})",
                    "Vul kolom id in voor een van beide.",
                )
            )
            continue
        claimed[partner_id] = sheet
        if partner_id in invalid:
            plan.problems.append(
                RowProblem(
                    sheet.first_row,
                    None,
                    f"partners/{partner_id}.yaml heeft fouten; die worden niet overschreven",
                    "Herstel het bestand eerst (partnerbeeld valideer).",
                )
            )
            continue
        plan.planned.append(_plan_partner(partner_id, sheet, dataset, root, source, update))
    missing_sector = sum(1 for p in plan.planned if p.action is Action.NIEUW and "sector" not in p.sheet.given)
    if missing_sector:
        plan.notes.append(f"{missing_sector} nieuwe partners zonder sector: '{DEFAULT_SECTOR}' ingevuld")
    written = [p for p in plan.planned if p.text is not None and p.action is not Action.NIET_BIJGEWERKT]
    plan.problems += _validate(root, written, today)
    plan.changes = _changes(root, written)
    held = [p for p in plan.planned if p.action is Action.NIET_BIJGEWERKT]
    plan.held_back = {c.id: c for c in _changes(root, held)}
    return plan


# --- validation on the files as they would be written ----------------------------------------------------


def _validate(root: Path, written: list[Planned], today: dt.date) -> list[RowProblem]:
    """Run `valideer` on a copy of the dataset with the planned files in it; trace findings to cells."""
    if not written:
        return []
    from partnerbeeld.answers.validation import validate

    with tempfile.TemporaryDirectory(prefix="partnerbeeld-import-") as folder:
        copy = Path(folder) / root.name
        _copy_dataset(root, copy)
        by_file: dict[str, Planned] = {}
        for planned in written:
            target = copy / "partners" / planned.path.name
            target.write_text(planned.text or "", encoding="utf-8")
            by_file[target.name] = planned
        findings = [
            f for f in validate(copy, today).findings if f.file.parent.name == "partners" and f.file.name in by_file
        ]
    problems = []
    cells = {name: _cells(planned) for name, planned in by_file.items()}
    for finding in findings:
        planned = by_file[finding.file.name]
        problems.append(_traced(finding, planned, cells[finding.file.name]))
    return problems


def _copy_dataset(root: Path, copy: Path) -> None:
    """The files `valideer` reads, nothing else: the dataset may sit at the top of a repository with .git."""
    copy.mkdir()
    for name in SINGLE_FILES:
        if (root / name).is_file():
            shutil.copy2(root / name, copy / name)
    for folder in RECORD_FOLDERS:
        if (root / folder).is_dir():
            shutil.copytree(root / folder, copy / folder, symlinks=True)
    (copy / "partners").mkdir(exist_ok=True)


def _cells(planned: Planned) -> dict[tuple[int, int], tuple[int, str | None]]:
    """(line, column) in the planned file -> (row, column) of the sheet cell that filled it."""
    doc = yamlsource.parse((planned.text or "").encode("utf-8"))
    if isinstance(doc, yamlsource.Problem):  # pragma: no cover - scalar() quotes everything risky
        return {}
    sheet = planned.sheet
    paths: list[tuple[tuple[Any, ...], int, str | None]] = [(("name",), sheet.first_row, "naam")]
    for key, row in sheet.given_at.items():
        value = doc.data.get(key)
        items = [(key, i) for i in range(len(value))] if isinstance(value, list) else [(key,)]
        paths += [(path, row, COLUMN_OF[key]) for path in items]
    labels = [c.values["label"] for c in sheet.contacts]
    rows = dict(zip(contact_keys(labels), (c.row for c in sheet.contacts), strict=True))
    written = [c if isinstance(c, dict) else {} for c in doc.data.get("contacts") or []]
    for index, (contact, which) in enumerate(
        zip(written, contact_keys([c.get("label") for c in written]), strict=True)
    ):
        contact_row = rows.get(which)
        if contact_row is None:
            continue  # kept from the file, not from the sheet
        paths.append((("contacts", index), contact_row, None))
        paths += [(("contacts", index, field), contact_row, COLUMN_OF[field]) for field in contact]
    result: dict[tuple[int, int], tuple[int, str | None]] = {}
    for path, row, column in paths:
        result.setdefault(doc.where(path), (row, column))  # the contact before its label, on the same spot
    return result


def _traced(finding: Finding, planned: Planned, cells: dict[tuple[int, int], tuple[int, str | None]]) -> RowProblem:
    by_line = {line: cell for (line, _), cell in sorted(cells.items(), reverse=True)}
    row, column = cells.get((finding.line, finding.column)) or by_line.get(
        finding.line, (planned.sheet.first_row, None)
    )
    return RowProblem(row, column, finding.message.rstrip("."), finding.hint, finding.severity, finding.code)


def _changes(root: Path, written: list[Planned]) -> list[RecordChange]:
    old: dict[str, bytes] = {f"partners/{p.path.name}": p.old for p in written if p.old is not None}
    new = {f"partners/{p.path.name}": (p.text or "").encode("utf-8") for p in written}
    return compare_files(old, new, root.resolve().name)


# --- writing ---------------------------------------------------------------------------------------------


def apply(plan: ImportPlan) -> list[Path]:
    """Write the plan: new files never over an existing one, updates only over the file as read."""
    if plan.errors:
        raise UsageError("Het blad heeft fouten; er is niets geschreven.")
    todo = [p for p in plan.planned if p.action in (Action.NIEUW, Action.BIJGEWERKT)]
    for planned in todo:  # check everything first: nothing is written when one file moved on
        changed = planned.path.exists() if planned.old is None else planned.path.read_bytes() != planned.old
        if changed:
            raise UsageError(
                f"{planned.path.name} is veranderd sinds het blad werd gelezen; er is niets geschreven.",
                "Draai de opdracht opnieuw.",
            )
    (plan.root / "partners").mkdir(exist_ok=True)
    return write_many([(p.path, p.text or "", p.old is not None) for p in todo])
