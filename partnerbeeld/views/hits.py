"""Views of a `zoek` answer: an 80-column table for people, JSON, CSV and Markdown.

The table puts one partner on one line (so `| grep Dunea` gives the number to
call) and never uses box drawing; colour only when the palette says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerbeeld.answers.query import Answer, Hit
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.infra.safetext import visible
from partnerbeeld.reading.dataset import Dataset
from partnerbeeld.views.colour import Palette
from partnerbeeld.views.mdtext import text
from partnerbeeld.views.roletext import role_json
from partnerbeeld.views.table import Column, fit

WIDE = 100  # from this terminal width on, the table has a column saying where a role comes from
# Short words for the modes in the 80-column table (JSON, CSV and Markdown spell them out).
SHORT_MODE = {"alarmeren": "alarm", "informeren": "info", "uitvoering": "uitvoer"}
# Teams as staff write them; MK keeps "meldkamer" from pushing CoPI/ROT out of the column.
SHORT_TEAM = {"meldkamer": "MK", "copi": "CoPI", "rot": "ROT", "bt": "BT", "rbt": "RBT"}


# --- what was asked -------------------------------------------------------------------------


def asked(dataset: Dataset, result: Answer) -> str:
    """'Overstroming (overstroming)', 'brand (alias) → Natuurbrand, …' or 'brand + gaslek → …'; plus filters.

    A filter given several times reads as "one of these": 'team ROT of CoPI'.
    """
    parts: list[str] = []
    if result.incident is not None:
        names = [dataset.incident_types[c].name if c in dataset.incident_types else c for c in result.incident.codes]
        if result.incident.via == "alias":
            parts.append(f"{result.incident.text} (alias) → {', '.join(names)}")
        elif len(result.selection.incident_types) > 1:  # several types asked: their union, each named
            parts.append(f"{result.incident.text} → {', '.join(names)}")
        else:
            parts.append(f"{names[0]} ({result.incident.codes[0]})")
    else:
        parts.append("alle partners")
    s = result.selection
    if s.grip is not None:
        parts.append(f"tot en met GRIP {s.grip}")
    if s.teams:
        parts.append("team " + " of ".join(team.label for team in s.teams))
    if result.municipalities:
        parts.append("gemeente " + " of ".join(dataset.municipalities.get(m, m) for m in result.municipalities))
    if s.profiles:
        parts.append("profiel " + " of ".join(s.profiles))
    if s.modes:
        parts.append("modus " + " of ".join(mode.value for mode in s.modes))
    if s.account_holder:
        parts.append(f"accounthouder {s.account_holder}")
    if s.text:
        parts.append(f"tekst '{s.text}'")
    return visible(" · ".join(parts))  # one line, also when what was typed holds a line break


def stamp(count: int, today: dt.date, version: DataVersion) -> str:
    noun = "partner" if count == 1 else "partners"
    return f"{count} {noun} · peildatum {today.isoformat()} · data {version.label}"


# --- the table ------------------------------------------------------------------------------


def _call_text(hit: Hit) -> str:
    contact = hit.call_first
    if contact is None:
        return "geen nummer"
    return f"{contact.number} {contact.available}" if contact.available else str(contact.number)


def origin(dataset: Dataset, result: Answer, hit: Hit) -> str:
    """The incident type the headline role is defined on when it is not the one asked ('Wateroverlast'), else ''."""
    if hit.role is None or result.incident is None or hit.role.code in result.incident.codes:
        return ""
    return dataset.type_names.get(hit.role.code, hit.role.code)


def _row(hit: Hit) -> list[str]:
    role = hit.role.role if hit.role else None
    return [
        str(role.from_grip) if role else "-",
        hit.partner.name,
        ",".join(SHORT_MODE.get(m.value, m.value) for m in sorted(role.modes, key=lambda m: m.rank)) if role else "-",
        ",".join(SHORT_TEAM.get(t.value, t.value) for t in role.teams) if role and role.teams else "-",
        _call_text(hit),
        short_name(hit.account_holder.name) if hit.account_holder else (hit.partner.account_holder or "-"),
    ]


def short_name(name: str) -> str:
    """'Marieke Jansen' -> 'M. Jansen': the account holder in few columns."""
    first, _, rest = name.partition(" ")
    return f"{first[0]}. {rest}" if rest else name


def as_table(
    dataset: Dataset, result: Answer, today: dt.date, version: DataVersion, palette: Palette, width: int = 80
) -> str:
    import textwrap

    lines = [palette.bold(line) for line in textwrap.wrap(asked(dataset, result), width, subsequent_indent="  ")]
    lines.append(palette.dim(stamp(len(result.hits), today, version)))
    if result.selection.confidential:
        lines.append(palette.yellow("VERTROUWELIJK: bevat contacten die niet verder verspreid mogen worden."))
    if result.incident is not None and len(result.incident.codes) > 1:
        # a word like 'brand' stands for several types whose partners mix (a tunnel fire's rail
        # partners next to a building fire's): say how to ask for one of them
        # each '-i code' stays on one line (a NUL stands in for its space while wrapping): it is copied as a whole
        narrower = " of ".join(", ".join(f"-i\0{c}" for c in result.incident.codes).rsplit(", ", 1))
        wrapped = textwrap.wrap(f"Eén type: {narrower}.", width, subsequent_indent="  ")
        lines += [palette.dim(line.replace("\0", " ")) for line in wrapped]
    if not result.hits:
        lines.append("Geen partners gevonden. Laat een filter weg of kies een ruimer incidenttype.")
        return "\n".join(lines) + "\n"
    min_number = max((len(h.call_first.number or "") for h in result.hits if h.call_first), default=1)
    # the availability may be cut ('tijdens o…'), the number and a short '24/7' never
    call = Column("BEL EERST", max(min_number + 5, 11), priority=4, comfortable=min_number + 6)
    holder = Column("ACCOUNTHOUDER", 10, priority=1, short_title="ACC.HOUDER")
    rows = [_row(h) for h in result.hits]
    legend = ""
    if result.incident is None:  # no role to show: the sector says what kind of partner it is
        columns = [
            Column("PARTNER", 16, priority=5, keep_end=True, comfortable=24),
            Column("SECTOR", 8, priority=2),
            call,
            holder,
        ]
        rows = [[row[1], hit.partner.sector, row[4], row[5]] for row, hit in zip(rows, result.hits, strict=True)]
    else:
        columns = [
            Column("GRIP", 4, shrink=False),
            Column("PARTNER", 16, priority=5, keep_end=True, comfortable=24),
            Column("HOE", 13, priority=2),
            Column("TEAMS", 8, priority=3),
            call,
            holder,
        ]
        # where the headline role comes from when it is not the asked type itself ("bij Wateroverlast"):
        # a column where the terminal has room for it, else a mark after the GRIP and a legend line,
        # so that at 80 columns the partner's name keeps its room
        origins = [origin(dataset, result, hit) for hit in result.hits]
        if any(origins) and width >= WIDE:
            columns.insert(2, Column("BIJ", 10, priority=1, comfortable=16))
            rows = [[*row[:2], place, *row[2:]] for row, place in zip(rows, origins, strict=True)]
        elif any(origins):
            rows = [[row[0] + ("*" if place else ""), *row[1:]] for row, place in zip(rows, origins, strict=True)]
            legend = "* rol bij een sub- of bovenliggend type; welk: zie -f md of 'toon PARTNER'."
    header, rendered = fit(columns, rows, width)
    lines += ["", palette.dim(header)]
    for cells, hit in zip(rendered, result.hits, strict=True):
        lines.append(cells if hit.call_first else palette.red(cells))
    if legend:
        lines += ["", palette.dim(legend)]
    return "\n".join(lines) + "\n"


# --- JSON, CSV, Markdown -------------------------------------------------------------------


def _hit_json(type_names: dict[str, str], hit: Hit) -> dict[str, Any]:
    partner, resolved, contact, holder = hit.partner, hit.role, hit.call_first, hit.account_holder
    return {
        "id": partner.id,
        "naam": partner.name,
        "sector": partner.sector,
        "profielen": list(partner.profiles),
        "gebied": list(partner.area) if partner.area is not None else None,
        # the headline role (who joins earliest), then every role that applies, headline first
        "rol": None if resolved is None else role_json(type_names, resolved),
        "rollen": [role_json(type_names, r) for r in hit.roles],
        "bel_eerst": None
        if contact is None
        else {
            "label": contact.label,
            "persoon": contact.person,
            "nummer": contact.number,
            "bereikbaar": contact.available,
            "vertrouwelijk": contact.confidential,
        },
        "accounthouder": None if holder is None else {"id": holder.id, "naam": holder.name, "email": holder.email},
        "gecontroleerd_op": partner.verified_on.isoformat() if partner.verified_on else None,
    }


def as_json(
    dataset: Dataset, result: Answer, today: dt.date, version: DataVersion, incomplete: tuple[str, ...] = ()
) -> str:
    """``incomplete``: files with errors that were left out; a consumer must be able to tell."""
    s = result.selection
    incident = result.incident
    document = {
        "gevraagd": None
        if incident is None
        else {
            "tekst": incident.text,
            "via": incident.via,
            "codes": list(incident.codes),
            "namen": [dataset.incident_types[c].name for c in incident.codes if c in dataset.incident_types],
        },
        "filters": {
            "grip": s.grip,
            # the repeatable filters are lists ("one of these"); null when not given
            "team": [team.value for team in s.teams] or None,
            "gemeente": list(result.municipalities) or None,
            "profiel": list(s.profiles) or None,
            "modus": [mode.value for mode in s.modes] or None,
            "accounthouder": s.account_holder,
            "tekst": s.text,
        },
        "vertrouwelijk": s.confidential,
        "peildatum": today.isoformat(),
        "dataversie": version.as_json(),
        "regio": dataset.settings.region,
        "rubricering": dataset.settings.classification,
        "aantal": len(result.hits),
        "onvolledig": list(incomplete),
        "partners": [_hit_json(dataset.type_names, h) for h in result.hits],
    }
    from partnerbeeld.views.jsondoc import dump  # only here: the table, the usual answer, does not import json

    return dump(document)


CSV_HEADER = [
    "id",
    "partner",
    "sector",
    "incidenttype",
    "vanaf_grip",
    "modi",
    "teams",
    "taak",
    "bel_eerst",
    "bereikbaar",
    "contact",
    "accounthouder",
]


def _flat(hit: Hit) -> list[str]:
    r, c = hit.role, hit.call_first
    return [
        hit.partner.id,
        hit.partner.name,
        hit.partner.sector,
        r.code if r else "",
        str(r.role.from_grip) if r else "",
        ", ".join(m.value for m in sorted(r.role.modes, key=lambda m: m.rank)) if r else "",
        ", ".join(t.label for t in r.role.teams) if r else "",  # as people write them, like contactlijst
        (r.role.task or "") if r else "",
        (c.number or "") if c else "",
        (c.available or "") if c else "",
        c.label if c else "",
        hit.account_holder.name if hit.account_holder else (hit.partner.account_holder or ""),
    ]


def as_csv(result: Answer) -> str:
    """RFC 4180: comma separated, CRLF line ends, quotes where needed; UTF-8 without BOM.

    Unlike the machine CSV of `contactlijst`, formulas are defused: this answer is
    often opened in a spreadsheet straight from the command line.
    """
    import csv
    import io

    from partnerbeeld.views.csvtable import defuse

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for hit in result.hits:
        writer.writerow([defuse(cell) for cell in _flat(hit)])
    return buffer.getvalue()


def _md(cell: str) -> str:
    return text(cell) or "-"


def as_markdown(dataset: Dataset, result: Answer, today: dt.date, version: DataVersion) -> str:
    lines = [f"**{_md(asked(dataset, result))}**", "", stamp(len(result.hits), today, version), ""]
    if result.selection.confidential:
        lines += ["**VERTROUWELIJK**: bevat contacten die niet verder verspreid mogen worden.", ""]
    if not result.hits:
        return "\n".join([*lines, "Geen partners gevonden."]) + "\n"
    lines.append("| GRIP | partner | bij | hoe | teams | bel eerst | bereikbaar | accounthouder |")
    lines.append("|---:|---|---|---|---|---|---|---|")
    for hit in result.hits:
        flat = _flat(hit)
        cells = [flat[4], flat[1], origin(dataset, result, hit), flat[5], flat[6], flat[8], flat[9], flat[11]]
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
