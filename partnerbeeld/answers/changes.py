"""`wijzigingen` as a library call: a semantic diff of the dataset between a commit and the work tree.

Both sides are parsed (``yamlsource.parse``) and, where valid, normalised through
the models, so layout, quoting, comments and key order never count as a change.
Records are matched by kind and id; the entries of the three fixed files
(incident types, aliases, account holders) are records of their own.

Decisions:
- a record with the same id in another file is *renamed* (the file moved);
  a removed and an added record of the same kind with equal content apart from
  the id is *renamed* too (the id changed). Renamed and edited at once shows as
  removed + added: we do not guess by similarity;
- lists of mappings (contacts, municipalities) are matched by ``label``, ``id``
  or ``code``, so reordering is no change and an edit shows per field (``fielddiff``);
- values of confidential contacts are masked unless asked for (``confidential``),
  and so is every contact value whose confidentiality cannot be determined;
- a file that cannot be parsed on either side is listed, not guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from partnerbeeld.answers.fielddiff import MASK, FieldChange, diff_record, diff_values
from partnerbeeld.infra import gitinfo
from partnerbeeld.infra.errors import DatasetUnreadable, Remedy, UsageError
from partnerbeeld.model.models import model_of
from partnerbeeld.model.records import RECORD_FOLDERS, SINGLE_FILES
from partnerbeeld.reading import yamlsource
from partnerbeeld.reading.loading import MAX_FILE_BYTES
from partnerbeeld.reading.worktree import work_tree_files

# Dutch word per kind, in the order the report lists them.
KIND_LABELS = {
    "settings": "instellingen",
    "incidenttypes": "incidenttype",
    "aliases": "alias",
    "accountholders": "accounthouder",
    "partners": "partner",
    "profiles": "profiel",
    "covenants": "convenant",
    "exercises": "oefening",
    "plans": "plan",
}
_IDENTITY_KEYS = ("id", "code")  # left out when looking for a record under a new id


class Status(StrEnum):
    TOEGEVOEGD = "toegevoegd"
    VERWIJDERD = "verwijderd"
    HERNOEMD = "hernoemd"
    GEWIJZIGD = "gewijzigd"


@dataclass(frozen=True, slots=True)
class RecordChange:
    kind: str
    id: str
    status: Status
    file: str  # relative to the folder above the dataset, e.g. "data/partners/dunea.yaml"
    name: str | None = None
    old_id: str | None = None
    old_file: str | None = None
    fields: tuple[FieldChange, ...] = ()

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True, slots=True)
class Unreadable:
    file: str
    side: str  # "eerdere versie" or "werkmap"
    message: str


@dataclass(frozen=True)
class ChangeReport:
    base: gitinfo.Revision
    version: gitinfo.DataVersion
    changes: list[RecordChange]
    unreadable: list[Unreadable]
    confidential: bool

    def counts(self) -> dict[Status, int]:
        result = dict.fromkeys(Status, 0)
        for change in self.changes:
            result[change.status] += 1
        return result


# --- reading both sides -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str
    id: str
    file: str
    raw: Any  # parsed text data
    normal: Any  # model_dump(mode="json") when the file validated, else None

    def value(self, other: _Entry) -> Any:
        """Compare normalised data when both sides validated, else the raw text."""
        return self.normal if self.normal is not None and other.normal is not None else self.raw

    @property
    def name(self) -> str | None:
        data = self.raw if isinstance(self.raw, dict) else {}
        found = data.get("name") or data.get("title")
        return found if isinstance(found, str) else None


@dataclass
class _Side:
    label: str  # "eerdere versie" / "werkmap"
    prefix: str  # dataset folder name, for display paths
    entries: dict[tuple[str, str], _Entry] = field(default_factory=dict)
    broken: list[Unreadable] = field(default_factory=list)
    skip: set[tuple[str, str | None]] = field(default_factory=set)  # (kind, id or None = whole kind)


def is_dataset_file(relpath: str) -> bool:
    """Whether ``relpath`` (posix, relative to the dataset folder) is a file the loader reads."""
    parts = relpath.split("/")
    if len(parts) == 1:
        return parts[0] in SINGLE_FILES
    return (
        len(parts) == 2
        and parts[0] in RECORD_FOLDERS
        and not parts[1].startswith(".")
        and parts[1].endswith((".yaml", ".yml"))
    )


def _normalise(record_type: type, data: Any) -> Any:
    try:
        return model_of(record_type).model_validate(data).model_dump(mode="json")
    except ValidationError:
        return None


def _read_side(side: _Side, files: dict[str, bytes]) -> None:
    for relpath in sorted(files):
        raw_bytes = files[relpath]
        shown = f"{side.prefix}/{relpath}" if side.prefix else relpath
        folder, _, name = relpath.rpartition("/")
        kinds = _kinds_of(relpath)
        parsed = (
            yamlsource.parse(raw_bytes)
            if len(raw_bytes) <= MAX_FILE_BYTES
            else yamlsource.Problem("bestand-te-groot", 1, 1, "Het bestand is te groot.")
        )
        if isinstance(parsed, yamlsource.Problem):
            side.broken.append(Unreadable(shown, side.label, f"regel {parsed.line}: {parsed.message}"))
            side.skip.update((kind, Path(name).stem if folder else None) for kind in kinds)
            continue
        if folder:
            _add_record(side, folder, Path(name).stem, shown, parsed.data)
        else:
            _add_single(side, relpath, shown, parsed.data)


def _kinds_of(relpath: str) -> list[str]:
    folder = relpath.rpartition("/")[0]
    if folder:
        return [folder]
    return {
        "partnerbeeld.yaml": ["settings"],
        "incidenttypes.yaml": ["incidenttypes", "aliases"],
        "accountholders.yaml": ["accountholders"],
    }[relpath]


def _add_record(side: _Side, kind: str, stem: str, shown: str, data: Any) -> None:
    record_id = data.get("id") if isinstance(data.get("id"), str) else stem
    if (kind, record_id) in side.entries:  # a copied file that kept its id: tell them apart by file
        record_id = stem
    normal = _normalise(RECORD_FOLDERS[kind], data)
    side.entries[(kind, record_id)] = _Entry(kind, record_id, shown, data, normal)


def _add_single(side: _Side, name: str, shown: str, data: Any) -> None:
    normal = _normalise(SINGLE_FILES[name], data)
    if name == "partnerbeeld.yaml":
        side.entries[("settings", "partnerbeeld")] = _Entry("settings", "partnerbeeld", shown, data, normal)
        return
    kind, list_key, id_key = (
        ("incidenttypes", "incident_types", "code")
        if name == "incidenttypes.yaml"
        else ("accountholders", "account_holders", "id")
    )
    items = data.get(list_key) if isinstance(data.get(list_key), list) else []
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get(id_key), str):
            item_normal = normal[list_key][index] if normal is not None else None
            side.entries.setdefault((kind, item[id_key]), _Entry(kind, item[id_key], shown, item, item_normal))
    if kind == "incidenttypes":
        aliases = data.get("aliases") if isinstance(data.get("aliases"), dict) else {}
        for word, codes in aliases.items():
            alias_normal = {"codes": normal["aliases"].get(word)} if normal is not None else None
            side.entries[("aliases", word)] = _Entry("aliases", word, shown, {"codes": codes}, alias_normal)


# --- comparing ---------------------------------------------------------------------------------


def _without_identity(value: Any) -> Any:
    return {k: v for k, v in value.items() if k not in _IDENTITY_KEYS} if isinstance(value, dict) else value


def compare(old: _Side, new: _Side, *, confidential: bool = False) -> list[RecordChange]:
    """The record changes between two sides, in kind order then id."""

    def skipped(key: tuple[str, str]) -> bool:
        return any(k in side.skip for side in (old, new) for k in (key, (key[0], None)))

    changes: list[RecordChange] = []
    removed = {k: e for k, e in old.entries.items() if k not in new.entries and not skipped(k)}
    added = {k: e for k, e in new.entries.items() if k not in old.entries and not skipped(k)}
    for key in old.entries.keys() & new.entries.keys():
        before, after = old.entries[key], new.entries[key]
        fields = tuple(diff_record(key[0], before.value(after), after.value(before), confidential=confidential))
        if before.file != after.file or fields:
            status = Status.HERNOEMD if before.file != after.file else Status.GEWIJZIGD
            changes.append(
                RecordChange(
                    key[0],
                    key[1],
                    status,
                    after.file,
                    after.name,
                    old_file=before.file if before.file != after.file else None,
                    fields=fields,
                )
            )
    for key, after in list(added.items()):
        twin = next(
            (
                k
                for k, before in removed.items()
                if k[0] == key[0] and _without_identity(before.value(after)) == _without_identity(after.value(before))
            ),
            None,
        )
        if twin is not None:
            before = removed.pop(twin)
            del added[key]
            changes.append(
                RecordChange(
                    key[0],
                    key[1],
                    Status.HERNOEMD,
                    after.file,
                    after.name,
                    old_id=before.id,
                    old_file=before.file if before.file != after.file else None,
                )
            )
    changes.extend(RecordChange(k[0], k[1], Status.TOEGEVOEGD, e.file, e.name) for k, e in added.items())
    changes.extend(RecordChange(k[0], k[1], Status.VERWIJDERD, e.file, e.name) for k, e in removed.items())
    order = list(KIND_LABELS)
    return sorted(changes, key=lambda c: (order.index(c.kind), c.id))


def compare_files(
    old: dict[str, bytes], new: dict[str, bytes], prefix: str, *, confidential: bool = False
) -> list[RecordChange]:
    """The record changes between two sets of dataset files (paths relative to the dataset folder).

    For a change that is not in git yet: what `importeer` would do to the files it touches.
    """
    before, after = _Side("werkmap", prefix), _Side("na import", prefix)
    _read_side(before, old)
    _read_side(after, new)
    return compare(before, after, confidential=confidential)


# --- the command as a function ------------------------------------------------------------------


def _base(root: Path, since: str | None) -> gitinfo.Revision:
    try:
        gitinfo.revision("HEAD", root)
    except gitinfo.UnknownRevision:
        raise UsageError(
            "De repository heeft nog geen commits; er is niets om mee te vergelijken.",
            "Leg eerst een versie vast met 'git commit'.",
        ) from None
    if since is None:
        return gitinfo.default_base(root)
    try:
        return gitinfo.revision(since, root)
    except gitinfo.UnknownRevision:
        raise UsageError(
            f"'{since}' is geen bekende commit, branch of tag in deze repository.",
            "In CI eerst 'git fetch' van de doelbranch.",
            remedy=Remedy.REVISION,
        ) from None


def changes_since(root: Path, since: str | None = None, *, confidential: bool = False) -> ChangeReport:
    """What changed in the dataset at ``root`` between ``since`` (a git revision) and the work tree.

    ``since=None`` means the merge base of HEAD with main/master (HEAD itself on main).
    Raises ``DatasetUnreadable`` outside a git repository, ``UsageError`` for an unknown revision.
    """
    try:
        top = gitinfo.repo_root(root)
    except gitinfo.GitUnavailable as exc:
        raise DatasetUnreadable(
            f"Wijzigingen zijn niet te bepalen: {exc}",
            exc.hint
            or "'partnerbeeld wijzigingen' vergelijkt met een eerdere versie in git; "
            "werk in een clone van de datarepository.",
        ) from None
    base = _base(root, since)
    folder = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if folder == "." else folder + "/"
    old_files = {path.removeprefix(prefix): blob for path, blob in gitinfo.files_at(base, folder, top).items()}
    shown = root.resolve().name
    old, new = _Side("eerdere versie", shown), _Side("werkmap", shown)
    _read_side(old, {p: b for p, b in old_files.items() if is_dataset_file(p)})
    work_files, problems = work_tree_files(root)
    _read_side(new, work_files)
    for relpath, reason in sorted(problems.items()):
        new.broken.append(Unreadable(f"{shown}/{relpath}", new.label, reason))
        if "/" in relpath or relpath in RECORD_FOLDERS:
            folder, _, name = relpath.partition("/")
            new.skip.add((folder, Path(name).stem if name else None))
        else:
            new.skip.update((kind, None) for kind in _kinds_of(relpath))
    changes = compare(old, new, confidential=confidential)
    return ChangeReport(base, gitinfo.data_version(root), changes, old.broken + new.broken, confidential)


__all__ = ["MASK", "ChangeReport", "FieldChange", "RecordChange", "Status", "changes_since", "diff_values"]
