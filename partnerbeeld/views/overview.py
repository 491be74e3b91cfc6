"""Views of the partner picture: a terminal table that fits by grouping, JSON, and HTML.

The terminal shows one column per group (sector or profile), numbered, with the
key under each block of columns; a cell is the strongest mode's letter plus how
many partners of the group are involved ('L3'), or with ``grip`` the earliest
GRIP level ('L1'). When the groups do not fit the width, they are split over
blocks that each repeat the rows. No box drawing, so `grep` keeps working.
The HTML page (templates/overzicht.html.j2) shows every partner.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from partnerbeeld.answers.overview import LETTER, Cell, Group, GroupBy, GroupCell, Overview
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.views.colour import Palette
from partnerbeeld.views.jsondoc import dump
from partnerbeeld.views.roletext import role_text
from partnerbeeld.views.table import cut

TEMPLATE = "overzicht.html.j2"
EMPTY = "·"
INDENT = 2  # per level below the theme
MIN_LABEL = 24  # the row label keeps at least this many characters before columns move to another block
GROUP_NOUN = {GroupBy.SECTOR: ("sector", "sectoren"), GroupBy.PROFIEL: ("profiel", "profielen")}


def legend_items() -> list[tuple[str, str]]:
    """(letter, mode) from strongest to weakest."""
    return [(letter, mode.value) for mode, letter in LETTER.items()]


def head_lines(overview: Overview, version: DataVersion) -> list[str]:
    partners = len(overview.partners)
    singular, plural = GROUP_NOUN[overview.group_by]
    groups = len(overview.groups)
    return [
        f"Partnerbeeld · {overview.region}",
        f"peildatum {overview.reference_date.isoformat()} · data {version.label} · "
        f"{partners} {'partner' if partners == 1 else 'partners'} in {groups} {singular if groups == 1 else plural}",
    ]


# --- terminal ---------------------------------------------------------------------------------


def _cell_text(cell: GroupCell | None, grip: bool) -> str:
    if cell is None:
        return EMPTY
    return f"{cell.letter}{cell.from_grip if grip else cell.count}"


def _colour(text: str, palette: Palette) -> str:
    """Strong modes stand out; the letters alone carry the meaning (NO_COLOR, print, pipes)."""
    if text.startswith("L"):
        return palette.bold(palette.red(text))
    if text.startswith("A"):
        return palette.red(text)
    if text[:1] in ("U", "B"):
        return palette.yellow(text)
    if text.startswith("D"):
        return palette.green(text)
    if text.startswith(EMPTY):
        return palette.dim(text)
    return text


def _blocks(count: int, cell_width: int, label_width: int, width: int) -> list[range]:
    """Split ``count`` columns into even blocks that leave the label its minimum width."""
    per_block = max((width - label_width) // (cell_width + 1), 1)
    blocks = max(math.ceil(count / per_block), 1)
    size = math.ceil(count / blocks)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _key_lines(overview: Overview, columns: range, width: int) -> list[str]:
    """'1 afval (3)' per group, as many per line as fit."""
    entries = []
    for index in columns:
        group = overview.groups[index]
        entries.append(f"{index + 1:>2} {group.name} ({len(group.partners)})")
    # at least two entries per line on a normal terminal; a rare long name is cut rather than a long key
    entry_width = min(max(len(e) for e in entries) + 2, width // 2 if width >= 40 else width)
    per_line = max(width // entry_width, 1)
    lines = []
    for start in range(0, len(entries), per_line):
        chunk = entries[start : start + per_line]
        lines.append("".join(cut(e, entry_width - 1).ljust(entry_width) for e in chunk).rstrip())
    return lines


def as_text(overview: Overview, version: DataVersion, palette: Palette, width: int = 80, grip: bool = False) -> str:
    """The picture in ``width`` columns: one column per group, split over blocks when needed."""
    lines = _intro(overview, version, palette, width, grip)
    if not overview.groups:
        lines.append("Geen partners in de dataset.")
        return "\n".join(lines) + "\n"
    texts = {
        (row.code, group.id): _cell_text(overview.group_cell(row.code, group.id), grip)
        for row in overview.type_rows
        for group in overview.groups
    }
    cell_width = max([len(str(len(overview.groups))), *(len(t) for t in texts.values())])
    natural = max((INDENT * row.depth + len(row.code) for row in overview.type_rows), default=1)
    for block in _blocks(len(overview.groups), cell_width, min(natural, MIN_LABEL) + 1, width):
        label_width = max(min(natural, width - len(block) * (cell_width + 1)), 1)
        numbers = " ".join(str(i + 1).ljust(cell_width) for i in block).rstrip()
        lines += ["", " " * label_width + " " + palette.bold(numbers)]
        for row in overview.types:
            if row.is_theme:
                lines.append(palette.bold(cut(row.code.upper(), width)))
                continue
            label = cut(" " * (INDENT * row.depth) + row.code, label_width).ljust(label_width)
            cells = [texts[(row.code, overview.groups[i].id)] for i in block]
            body = " ".join(_colour(text, palette) + " " * (cell_width - len(text)) for text in cells)
            lines.append((label + " " + body).rstrip())
        lines.append("")
        lines.extend(_key_lines(overview, block, width))
    return "\n".join(lines) + "\n"


def _intro(overview: Overview, version: DataVersion, palette: Palette, width: int, grip: bool) -> list[str]:
    """Head lines (region, reference date, data version), what a cell means and the legend."""
    import textwrap

    first = "Cel: hoe de eerste partner van de kolom aansluit, zoals zoek"
    if grip:
        explained = f"{first} + diens GRIP (L1 = liaison vanaf GRIP 1)."
    else:
        explained = f"{first} + aantal partners (L3 = liaison, 3)."
    legend = ", ".join(f"{letter} {mode}" for letter, mode in legend_items())
    lines: list[str] = []
    for line in head_lines(overview, version):
        lines.extend(palette.bold(part) for part in textwrap.wrap(line, max(width, 20), subsequent_indent="  "))
    for text in (explained, f"Legenda: {legend}; {EMPTY} niet betrokken."):
        lines.extend(textwrap.wrap(text, max(width, 20), subsequent_indent="  "))
    return lines


# --- JSON -------------------------------------------------------------------------------------


def _cell_json(cell: Cell) -> dict[str, Any]:
    return {
        "letter": cell.letter,
        "modus": cell.mode.value,
        "modi": [m.value for m in cell.modes],
        "vanaf_grip": cell.from_grip,
        "teams": [t.value for t in cell.teams],
        "rol_op": list(cell.defined_on),
        "afwijking": cell.deviation,
    }


def _group_json(overview: Overview, group: Group) -> dict[str, Any]:
    cells = {}
    for row in overview.type_rows:
        found = overview.group_cell(row.code, group.id)
        if found is not None:
            cells[row.code] = {
                "letter": found.letter,
                "modus": found.mode.value,
                "aantal": found.count,
                "vanaf_grip": found.from_grip,
            }
    return {"id": group.id, "naam": group.name, "partners": list(group.partners), "cellen": cells}


def as_document(overview: Overview, version: DataVersion) -> dict[str, Any]:
    """The picture as plain data (Dutch keys, like the other JSON outputs)."""
    partners = []
    for partner in sorted(overview.partners.values(), key=lambda p: p.id):
        cells = {}
        for row in overview.type_rows:
            found = overview.cell(row.code, partner.id)
            if found is not None:
                cells[row.code] = _cell_json(found)
        partners.append(
            {
                "id": partner.id,
                "naam": partner.name,
                "sector": partner.sector,
                "profielen": list(partner.profiles),
                "cellen": cells,
            }
        )
    return {
        "regio": overview.region,
        "rubricering": overview.classification,
        "peildatum": overview.reference_date.isoformat(),
        "dataversie": version.as_json(),
        "per": overview.group_by.value,
        "detail": overview.detail,
        "legenda": {letter: mode for letter, mode in legend_items()},
        "typen": [{"code": r.code, "naam": r.name, "diepte": r.depth, "ouder": r.parent} for r in overview.types],
        "groepen": [_group_json(overview, group) for group in overview.groups],
        "partners": partners,
    }


def as_json(overview: Overview, version: DataVersion) -> str:
    return dump(as_document(overview, version))


# --- HTML -------------------------------------------------------------------------------------


def cell_title(overview: Overview, partner_name: str, type_name: str, cell: Cell) -> str:
    """The tooltip of one HTML cell: everything the letter stands for."""
    parts = [f"{partner_name} · {type_name}: {', '.join(m.value for m in cell.modes)}"]
    if cell.teams:
        parts.append("teams " + ", ".join(t.label for t in cell.teams))
    parts.append(f"vanaf GRIP {cell.from_grip}")
    parts.append("bij " + overview.type_name(cell.defined_on[0]))
    if cell.deviation:
        parts.append("afwijking van het profiel")
    text = " · ".join(parts)
    for later in cell.later:
        text += (
            f"; ook: {role_text(later.role)} vanaf GRIP {later.role.from_grip}, bij {overview.type_name(later.code)}"
        )
    return text


def as_html(overview: Overview, version: DataVersion, grip: bool = False, override_dir: Path | None = None) -> str:
    from partnerbeeld.views.printmarks import for_overview
    from partnerbeeld.views.templating import render

    singular, plural = GROUP_NOUN[overview.group_by]
    context = {
        "o": overview,
        "version": version,
        "grip": grip,
        "legend": legend_items(),
        "group_noun": (singular, plural),
        "head": head_lines(overview, version),
        "themes": _theme_spans(overview),
        "edge": _column_edges(overview),
        "title": cell_title,
        "marks": for_overview(overview, version),
    }
    return render(TEMPLATE, context, override_dir)


def _theme_spans(overview: Overview) -> list[tuple[str, str, int]]:
    """(code, name, number of columns) per theme, for the top header row."""
    spans: list[tuple[str, str, int]] = []
    for row in overview.types:
        if row.is_theme:
            spans.append((row.code, row.name, 0))
        elif spans:
            code, name, count = spans[-1]
            spans[-1] = (code, name, count + 1)
    return [span for span in spans if span[2] > 0]


def _column_edges(overview: Overview) -> dict[str, str]:
    """A CSS class per type column: ' start' begins a theme (heavy border), ' crisis' a crisis type (--detail)."""
    edges: dict[str, str] = {}
    after_theme = False
    for row in overview.types:
        if row.is_theme:
            after_theme = True
            continue
        edges[row.code] = " start" if after_theme else (" crisis" if overview.detail and row.depth == 1 else "")
        after_theme = False
    return edges
