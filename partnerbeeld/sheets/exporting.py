"""`exporteer --formaat xlsx` and `importeer --sjabloon`: the partner sheet from the dataset.

The export has the layout `importeer` reads (``columns``): one row per
contact, the partner's columns repeated on each of its rows, ids for profiles,
municipalities and account holders. So a region can export, edit in Excel and
import with --bijwerken; unchanged rows change nothing. Confidential contacts
are left out unless asked for (and then the workbook says VERTROUWELIJK);
`importeer --bijwerken` keeps the confidential contacts a sheet does not list.
The template is the same workbook without rows.
"""

from __future__ import annotations

import datetime as dt

from partnerbeeld.answers.contactlist import CONFIDENTIAL_MARK
from partnerbeeld.infra.gitinfo import data_version
from partnerbeeld.infra.suggest import normalise
from partnerbeeld.model.records import Contact, Partner
from partnerbeeld.reading.dataset import Dataset
from partnerbeeld.sheets.columns import COLUMNS, HEADERS
from partnerbeeld.sheets.spreadsheet import Choice, workbook_bytes


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


def _partner_cells(partner: Partner) -> list[str]:
    return [
        partner.name,
        partner.id,
        partner.sector,
        ", ".join(partner.profiles),
        ", ".join(partner.area or []),
        partner.account_holder or "",
    ]


def _contact_cells(contact: Contact) -> list[str]:
    return [
        contact.label,
        contact.person or "",
        contact.phone or "",
        contact.mobile or "",
        contact.email or "",
        contact.available or "",
        _yes(contact.primary),
        _yes(contact.confidential),
        contact.note or "",
    ]


def sheet_rows(dataset: Dataset, *, confidential: bool) -> list[list[str]]:
    """One row per contact that may leave, partners by name; a partner without such contacts gets one row."""
    rows: list[list[str]] = []
    for partner in sorted(dataset.partners.values(), key=lambda p: (normalise(p.name), p.id)):
        contacts = [c for c in partner.contacts if confidential or not c.confidential]
        if not contacts:
            rows.append(_partner_cells(partner) + [""] * (len(HEADERS) - 6))
        rows.extend(_partner_cells(partner) + _contact_cells(c) for c in contacts)
    return rows


def _choices(dataset: Dataset) -> list[Choice]:
    return [
        Choice("profielen", tuple(sorted(dataset.profiles)), strict=False),  # several, separated by ,
        Choice("gemeenten", tuple(dataset.municipalities), strict=False),
        Choice("accounthouder", tuple(dataset.account_holders), strict=True),
        Choice("eerst bellen", ("ja", "nee"), strict=True),
        Choice("vertrouwelijk", ("ja", "nee"), strict=True),
    ]


def _about(dataset: Dataset, today: dt.date, what: str, confidential: bool) -> list[str]:
    version = data_version(dataset.root)
    lines = [
        f"{what} · {dataset.settings.region}",
        f"peildatum {today.isoformat()} · data {version.label}",
        dataset.settings.classification,
        "Eén rij per contact; rijen met dezelfde naam zijn één partner. Inlezen: partnerbeeld importeer BESTAND "
        "(--droog om eerst te zien wat er verandert, --bijwerken om bestaande partners bij te werken).",
    ]
    if confidential:
        lines.insert(0, f"{CONFIDENTIAL_MARK}: dit bestand bevat vertrouwelijke contactgegevens.")
    else:
        lines.append("Vertrouwelijke contacten staan er niet in; --bijwerken laat ze in de dataset staan.")
    return lines


def export_workbook(dataset: Dataset, today: dt.date, *, confidential: bool) -> bytes:
    """The dataset's partners as the partner sheet (.xlsx bytes)."""
    rows = sheet_rows(dataset, confidential=confidential)
    mark = f"{CONFIDENTIAL_MARK} · " if confidential else ""
    header = f"{mark}Partners {dataset.settings.region} · peildatum {today.isoformat()}"
    explanation = [(c.header, c.explanation, c.example) for c in COLUMNS]
    about = _about(dataset, today, "Partnerlijst", confidential)
    return workbook_bytes(HEADERS, rows, explanation, about, _choices(dataset), header)


def template_workbook(dataset: Dataset, today: dt.date) -> bytes:
    """An empty partner sheet with an explanation of each column and drop-downs from the dataset."""
    explanation = [(c.header, c.explanation, c.example) for c in COLUMNS]
    about = _about(dataset, today, "Sjabloon partnerlijst", False)[:4]
    header = f"Partners {dataset.settings.region}"
    return workbook_bytes(HEADERS, [], explanation, about, _choices(dataset), header)
