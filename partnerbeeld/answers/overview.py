"""The partner picture (partnerbeeld): incident types against partners, as one value.

Each cell says how a partner is involved in a type: the headline role of
``roles.involvement``, the same function `zoek` answers with, so a cell shows the
mode and GRIP that `zoek -i TYPE` shows for that partner (the earliest role, ties to
the strongest mode). The tooltip lists the later roles too.

Partners are grouped by sector or by profile; a group cell summarises its
members: the strongest mode among them and how many are involved. A partner with
two profiles counts in both profile groups, with all of its roles: the picture
shows what the partners carrying a profile do, not the profile file alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from partnerbeeld.answers.roles import Involvement, ResolvedRole, involvement, roles_of
from partnerbeeld.infra import limits
from partnerbeeld.model.records import Mode, Partner, Team
from partnerbeeld.reading.dataset import Dataset

# One letter per mode, unambiguous; the legend shows them in this order (strongest first).
LETTER: dict[Mode, str] = {
    Mode.LIAISON: "L",
    Mode.ALARMEREN: "A",
    Mode.UITVOERING: "U",
    Mode.BIJSTAND: "B",
    Mode.ADVIES: "D",  # "A" is alarmeren; aDvies
    Mode.INFORMEREN: "I",
}
NO_PROFILE = "zonder-profiel"


class GroupBy(StrEnum):
    SECTOR = "sector"
    PROFIEL = "profiel"


@dataclass(frozen=True, slots=True)
class Cell:
    """How one partner is involved in one incident type: the headline role, as `zoek` shows it."""

    mode: Mode  # the strongest mode of the headline role
    modes: tuple[Mode, ...]  # the modes of the headline role, strongest first
    from_grip: int  # the GRIP of the headline role ("L1": liaison from GRIP 1), the earliest of all
    teams: tuple[Team, ...]
    defined_on: tuple[str, ...]  # codes the roles that apply are defined on, the headline's first
    deviation: bool  # the headline is the partner's own role, not its profile's
    later: tuple[ResolvedRole, ...] = ()  # the roles after the headline, in order

    @property
    def letter(self) -> str:
        return LETTER[self.mode]


@dataclass(frozen=True, slots=True)
class GroupCell:
    """A group's summary for one incident type."""

    mode: Mode  # the mode of the member that joins first (as `zoek` orders them)
    count: int  # members involved
    from_grip: int  # the GRIP of that member: the earliest in the group

    @property
    def letter(self) -> str:
        return LETTER[self.mode]


@dataclass(frozen=True, slots=True)
class TypeRow:
    code: str
    name: str
    depth: int  # 0 theme (a heading, no cells), 1 crisis type, 2+ incident type
    parent: str | None

    @property
    def is_theme(self) -> bool:
        return self.depth == 0


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    partners: tuple[str, ...]  # partner ids, by name


@dataclass(frozen=True)
class Overview:
    region: str
    short_name: str | None
    classification: str
    reference_date: dt.date
    group_by: GroupBy
    detail: bool
    types: tuple[TypeRow, ...]  # in tree order; themes are headings
    groups: tuple[Group, ...]
    partners: dict[str, Partner]  # every partner in the picture, by id
    cells: dict[tuple[str, str], Cell]  # (code, partner id) -> cell; absent = not involved
    group_cells: dict[tuple[str, str], GroupCell]  # (code, group id) -> summary
    type_names: dict[str, str]  # every incident type's name by code, for saying where a role comes from

    def type_name(self, code: str) -> str:
        return self.type_names.get(code, code)

    def cell(self, code: str, partner_id: str) -> Cell | None:
        return self.cells.get((code, partner_id))

    def group_cell(self, code: str, group_id: str) -> GroupCell | None:
        return self.group_cells.get((code, group_id))

    @property
    def type_rows(self) -> tuple[TypeRow, ...]:
        """The rows with cells (no themes)."""
        return tuple(row for row in self.types if not row.is_theme)


def cell_of(involved: Involvement) -> Cell:
    """The cell for one partner's involvement in a type: its headline role."""
    head = involved.headline
    return Cell(
        mode=min(head.role.modes, key=lambda m: m.rank),
        modes=tuple(sorted(head.role.modes, key=lambda m: m.rank)),
        from_grip=head.role.from_grip,
        teams=tuple(sorted(head.role.teams, key=lambda t: list(Team).index(t))),
        defined_on=tuple(r.code for r in involved.roles),
        deviation=head.is_deviation,
        later=involved.later,
    )


def summarise(cells: list[Cell]) -> GroupCell | None:
    if not cells:
        return None
    first = min(cells, key=lambda c: (c.from_grip, c.mode.rank))  # the member `zoek` would list first
    return GroupCell(mode=first.mode, count=len(cells), from_grip=first.from_grip)


def type_rows(dataset: Dataset, detail: bool) -> list[TypeRow]:
    """Themes and crisis types in tree order; with ``detail`` also every type below a crisis type."""
    rows: list[TypeRow] = []
    for theme in dataset.themes:
        for code in [theme, *dataset.descendants(theme)]:
            depth = dataset.depth(code)
            # below the depth limit the tree is in error (valideer says so, the answer is marked
            # incomplete): those rows are left out, so an absurd tree cannot make this quadratic
            if depth <= 1 or (detail and depth < limits.TREE_DEPTH):
                item = dataset.incident_types[code]
                rows.append(TypeRow(code, item.name, depth, item.parent))
    return rows


def groups_of(dataset: Dataset, group_by: GroupBy) -> list[Group]:
    """Sectors (by id) or profiles (by name, then partners without one); members by name."""
    members: dict[str, list[Partner]] = {}
    names: dict[str, str] = {}
    if group_by is GroupBy.PROFIEL:
        for profile in sorted(dataset.profiles.values(), key=lambda p: (p.name.casefold(), p.id)):
            members[profile.id] = []
            names[profile.id] = profile.name
    for partner in dataset.partners.values():
        if group_by is GroupBy.SECTOR:
            keys = [partner.sector]
        else:
            keys = [p for p in partner.profiles if p in dataset.profiles] or [NO_PROFILE]
        for key in dict.fromkeys(keys):
            members.setdefault(key, []).append(partner)
            names.setdefault(key, "zonder profiel" if key == NO_PROFILE else key)
    order = sorted(members) if group_by is GroupBy.SECTOR else list(members)
    return [
        Group(key, names[key], tuple(p.id for p in sorted(members[key], key=_by_name)))
        for key in order
        if members[key] or group_by is GroupBy.PROFIEL
    ]


def _by_name(partner: Partner) -> tuple[str, str]:
    return (partner.name.casefold(), partner.id)


def build_overview(
    dataset: Dataset, reference_date: dt.date, group_by: GroupBy = GroupBy.SECTOR, detail: bool = False
) -> Overview:
    """The partner picture of ``dataset``: every partner's cell per type, and each group's summary."""
    types = type_rows(dataset, detail)
    rows = [row for row in types if not row.is_theme]
    tree = {row.code: [(row.code, dataset.descendants(row.code), dataset.ancestors(row.code))] for row in rows}
    cells: dict[tuple[str, str], Cell] = {}
    for partner in dataset.partners.values():
        defined = roles_of(dataset, partner)
        if not defined:
            continue
        for row in rows:
            found = involvement(defined, tree[row.code])
            if found is not None:
                cells[(row.code, partner.id)] = cell_of(found)
    groups = groups_of(dataset, group_by)
    group_cells: dict[tuple[str, str], GroupCell] = {}
    for group in groups:
        for row in rows:
            summary = summarise([c for pid in group.partners if (c := cells.get((row.code, pid)))])
            if summary is not None:
                group_cells[(row.code, group.id)] = summary
    return Overview(
        region=dataset.settings.region,
        short_name=dataset.settings.short_name,
        classification=dataset.settings.classification,
        reference_date=reference_date,
        group_by=group_by,
        detail=detail,
        types=tuple(types),
        groups=tuple(groups),
        partners=dict(dataset.partners),
        cells=cells,
        group_cells=group_cells,
        type_names={code: item.name for code, item in dataset.incident_types.items()},
    )
