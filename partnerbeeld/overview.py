"""The partner picture (partnerbeeld): incident types against partners, as one value.

Each cell says how strongly a partner is involved in a type. Involvement follows
the rule of ``zoek`` (``roles.pick``): a role on the type itself, else on its nearest
ancestor, applies to the type; roles on types below it count too, because the
crisis-type row has to show who joins at one of its incident types (asking
`overstroming` shows who joins at `dijkdoorbraak`). Among those roles the
strongest mode wins (``Mode.rank``) with the earliest GRIP of that mode.

Partners are grouped by sector or by profile; a group cell summarises its
members: the strongest mode among them and how many are involved. A partner with
two profiles counts in both profile groups, with all of its roles: the picture
shows what the partners carrying a profile do, not the profile file alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from partnerbeeld.dataset import Dataset
from partnerbeeld.records import Mode, Partner, Team
from partnerbeeld.roles import ResolvedRole, pick, roles_of

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
    """How one partner is involved in one incident type."""

    mode: Mode  # the strongest mode among the roles that count
    modes: tuple[Mode, ...]  # every mode of those roles, strongest first
    from_grip: int  # the earliest GRIP of a role with the strongest mode ("L2": liaison from GRIP 2)
    teams: tuple[Team, ...]
    defined_on: tuple[str, ...]  # codes the counted roles are defined on
    deviation: bool  # one of them is the partner's own role, not its profile's

    @property
    def letter(self) -> str:
        return LETTER[self.mode]


@dataclass(frozen=True, slots=True)
class GroupCell:
    """A group's summary for one incident type."""

    mode: Mode  # the strongest mode among the members
    count: int  # members involved
    from_grip: int  # the earliest GRIP among the cells with the strongest mode

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

    def cell(self, code: str, partner_id: str) -> Cell | None:
        return self.cells.get((code, partner_id))

    def group_cell(self, code: str, group_id: str) -> GroupCell | None:
        return self.group_cells.get((code, group_id))

    @property
    def type_rows(self) -> tuple[TypeRow, ...]:
        """The rows with cells (no themes)."""
        return tuple(row for row in self.types if not row.is_theme)


def strongest(defined: dict[str, ResolvedRole], code: str, below: list[str], above: list[str]) -> Cell | None:
    """The cell of one partner for ``code``, from its roles per code (``roles.roles_of``)."""
    counted: list[ResolvedRole] = []
    applying = pick(defined, code, [], above)  # the role on the type, else on its nearest ancestor
    if applying is not None:
        counted.append(applying)
    counted.extend(defined[c] for c in below if c in defined)
    if not counted:
        return None
    modes = sorted({mode for r in counted for mode in r.role.modes}, key=lambda m: m.rank)
    teams = sorted({team for r in counted for team in r.role.teams}, key=lambda t: list(Team).index(t))
    return Cell(
        mode=modes[0],
        modes=tuple(modes),
        # the GRIP of the mode shown: "L2" means liaison from GRIP 2, even when an
        # informing role on a subtype starts at GRIP 1
        from_grip=min(r.role.from_grip for r in counted if modes[0] in r.role.modes),
        teams=tuple(teams),
        defined_on=tuple(dict.fromkeys(r.code for r in counted)),
        deviation=any(r.is_deviation for r in counted),
    )


def summarise(cells: list[Cell]) -> GroupCell | None:
    if not cells:
        return None
    mode = min((c.mode for c in cells), key=lambda m: m.rank)
    return GroupCell(
        mode=mode,
        count=len(cells),
        from_grip=min(c.from_grip for c in cells if c.mode is mode),  # as in a cell: the GRIP of that mode
    )


def type_rows(dataset: Dataset, detail: bool) -> list[TypeRow]:
    """Themes and crisis types in tree order; with ``detail`` also every type below a crisis type."""
    rows: list[TypeRow] = []
    for theme in dataset.themes:
        for code in [theme, *dataset.descendants(theme)]:
            depth = dataset.depth(code)
            if depth <= 1 or detail:
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
    tree = {row.code: (dataset.descendants(row.code), dataset.ancestors(row.code)) for row in rows}
    cells: dict[tuple[str, str], Cell] = {}
    for partner in dataset.partners.values():
        defined = roles_of(dataset, partner)
        if not defined:
            continue
        for row in rows:
            below, above = tree[row.code]
            found = strongest(defined, row.code, below, above)
            if found is not None:
                cells[(row.code, partner.id)] = found
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
    )
