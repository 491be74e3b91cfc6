"""CSV in two flavours: for Dutch Excel (people) and plain RFC 4180 (machines).

Excel flavour: UTF-8 with a BOM (else Excel reads UTF-8 as Windows-1252), `;`
(Dutch Excel uses the comma as decimal sign), CRLF, a first line saying what
the list is, and formula injection defused. Machine flavour: `,`, CRLF (RFC
4180), no BOM, header first, values exactly as in the data: defusing would
change the data, and a program does not evaluate formulas.

Defusing: a cell that a spreadsheet would read as a formula gets a leading
apostrophe. That is a cell starting with `=`, `@`, a tab or a carriage return,
or with `+` or `-` followed by anything but a phone number's characters. A
phone number like `+31 71 000 0000` is left alone: digits, spaces and
`+-()./` cannot call a function or reach outside the sheet, and a visible
apostrophe in every international number would hurt the people dialling it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from partnerbeeld.answers.contactlist import ContactList

FORMULA_START = ("=", "@", "\t", "\r")
PHONE_LIKE = re.compile(r"[+-][0-9 ()./+-]*")


def defuse(cell: str) -> str:
    """The cell as a spreadsheet shows it safely: a leading apostrophe only when it could be a formula."""
    stripped = cell.lstrip(" ")
    if stripped.startswith(FORMULA_START):
        return "'" + cell
    if stripped.startswith(("+", "-")) and not PHONE_LIKE.fullmatch(stripped):
        return "'" + cell
    return cell


def write_csv(
    header: Sequence[str], rows: Iterable[Sequence[str]], *, excel: bool, preamble: Sequence[str] = ()
) -> str:
    """The table as CSV text; ``preamble`` lines (Excel flavour only) come before the header."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if excel:
        for line in preamble:
            writer.writerow([defuse(line)])
        if preamble:
            writer.writerow([])
    writer.writerow(header)
    for row in rows:
        writer.writerow([defuse(cell) for cell in row] if excel else list(row))
    text = out.getvalue()
    return "\ufeff" + text if excel else text


HEADER = (
    "partner",
    "partner_id",
    "sector",
    "incidenttype",
    "modi",
    "teams",
    "vanaf_grip",
    "taak",
    "contact",
    "persoon",
    "telefoon",
    "mobiel",
    "email",
    "bereikbaar",
    "eerst_bellen",
    "vertrouwelijk",
    "opmerking",
)


def contact_list_csv(contact_list: ContactList, *, excel: bool) -> str:
    """One row per contact; a partner whose every contact was left out still gets one row."""
    rows: list[list[str]] = []
    for partner in contact_list.partners:
        role = partner.role
        base = [
            partner.name,
            partner.id,
            partner.sector,
            role.code if role else "",
            ", ".join(role.modes) if role else "",
            # people read ROT, programs get the codes of the data (rot)
            ", ".join(role.team_names if excel else role.teams) if role else "",
            str(role.from_grip) if role else "",
            (role.task or "") if role else "",
        ]
        if not partner.contacts:
            rows.append([*base, *[""] * (len(HEADER) - len(base))])
        for c in partner.contacts:
            rows.append(
                [
                    *base,
                    c.label,
                    c.person or "",
                    c.phone or "",
                    c.mobile or "",
                    c.email or "",
                    c.available or "",
                    "ja" if c.call_first else "",
                    "ja" if c.confidential else "",
                    c.note or "",
                ]
            )
    return write_csv(HEADER, rows, excel=excel, preamble=_preamble(contact_list))


def _preamble(contact_list: ContactList) -> list[str]:
    mark = " · VERTROUWELIJK" if contact_list.confidential else ""
    mark += f" · {contact_list.incomplete_text}" if contact_list.incomplete else ""
    mark += f" · {contact_list.short_text}" if contact_list.short else ""
    # 'Contactlijst alle partners' already says the selection 'alle partners'
    shown = [contact_list.region, contact_list.title]
    shown += [contact_list.selection] if contact_list.selection not in contact_list.title else []
    shown += [f"peildatum {contact_list.reference_date.isoformat()}", f"dataversie {contact_list.data_version.label}"]
    return [" · ".join(shown) + mark, contact_list.classification]
