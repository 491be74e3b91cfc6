"""From a partner sheet's rows to partners and contacts, every cell remembered by row and column.

This is the reading half of `importeer`: headers are matched case-insensitively
and in any order, cells become text as a person wrote them, rows with the same
name become one partner. Whatever is wrong becomes a ``RowProblem``; whether
the result is a valid record is for the project's own validation to say
(``importing``), on the files as they would be written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from partnerbeeld.answers.scaffold import propose_id
from partnerbeeld.infra.suggest import closest, normalise
from partnerbeeld.model.findings import Severity
from partnerbeeld.model.recordbase import boolean_word
from partnerbeeld.sheets.columns import HEADERS, KEYS, PARTNER_COLUMNS, PHONE_COLUMNS, YES_NO_COLUMNS, header_key
from partnerbeeld.sheets.spreadsheet import Table

# sheet column -> YAML key
PARTNER_KEYS = {
    "naam": "name",
    "id": "id",
    "sector": "sector",
    "profielen": "profiles",
    "gemeenten": "area",
    "accounthouder": "account_holder",
}
CONTACT_KEYS = {
    "contact": "label",
    "persoon": "person",
    "telefoon": "phone",
    "mobiel": "mobile",
    "email": "email",
    "bereikbaar": "available",
    "eerst bellen": "primary",
    "vertrouwelijk": "confidential",
    "opmerking": "note",
}
COLUMN_OF = {key: column for column, key in {**PARTNER_KEYS, **CONTACT_KEYS}.items()}
_SEPARATORS = re.compile(r"\s*[,;]\s*")


@dataclass(frozen=True)
class RowProblem:
    row: int | None  # None: the sheet as a whole
    column: str | None  # a header of the sheet; None: the row as a whole
    message: str
    hint: str = ""
    severity: Severity = Severity.FOUT
    code: str = ""  # the finding code when `valideer` found it


@dataclass
class SheetContact:
    row: int
    values: dict[str, Any]  # YAML key -> text or bool, only what the row gives


@dataclass
class SheetPartner:
    name: str
    first_row: int
    given: dict[str, Any] = field(default_factory=dict)  # YAML key -> value, partner columns the sheet fills
    given_at: dict[str, int] = field(default_factory=dict)  # YAML key -> the row it came from
    contacts: list[SheetContact] = field(default_factory=list)


@dataclass(frozen=True)
class Known:
    """The dataset's ids with the names people may type instead: normalised name or id -> id."""

    profiles: Mapping[str, str]
    municipalities: Mapping[str, str]
    account_holders: Mapping[str, str]


def _lookup(value: str, known: Mapping[str, str]) -> str:
    """The id for an id or a name; unknown values become an id-like word for validation to judge."""
    return known.get(normalise(value)) or known.get(normalise(propose_id(value))) or propose_id(value) or value


def match_headers(header: list[Any]) -> tuple[dict[int, str], list[RowProblem]]:
    """Column index -> our header; problems for unknown look-alikes, repeats and missing columns."""
    columns: dict[int, str] = {}
    problems: list[RowProblem] = []
    for index, cell in enumerate(header):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        ours = KEYS.get(header_key(text))
        if ours is None:
            guesses = closest(text, HEADERS, n=1, cutoff=0.75)
            if guesses:
                problems.append(RowProblem(1, text, "onbekende kolom", f"Bedoelde je '{guesses[0]}'?"))
            else:
                problems.append(RowProblem(1, text, "deze kolom wordt niet ingelezen", severity=Severity.WAARSCHUWING))
            continue
        if ours in columns.values():
            problems.append(RowProblem(1, text, f"kolom '{ours}' staat twee keer in de kopregel"))
            continue
        columns[index] = ours
    if "naam" not in columns.values():
        problems.append(RowProblem(1, None, "de kolom 'naam' ontbreekt", "De eerste rij noemt de kolommen."))
    if not {"telefoon", "mobiel", "email"} & set(columns.values()):
        problems.append(RowProblem(1, None, "er is geen kolom telefoon, mobiel of email", "Zie het sjabloon."))
    return columns, problems


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _phone(value: Any, row: int, column: str, problems: list[RowProblem], secret: bool) -> str | None:
    """A number as written; one that Excel stored as a number gets its lost 0 or + back, with a warning.

    ``secret``: the row's contact is (or may be) confidential; the warning then names no digits.
    """
    was_number = isinstance(value, int | float) and not isinstance(value, bool)
    text = _text(value)
    if text is None or not text.isdigit():
        return text
    restored = text
    if len(text) == 9 and text[0] != "0":
        restored = "0" + text
    elif len(text) == 11 and text.startswith("31"):
        restored = "+" + text
    if restored != text or was_number:
        stored = "als getal" if was_number else "zonder voorloopnul"
        shown = f"het vertrouwelijke nummer stond er {stored}" if secret else f"{text} stond er {stored}"
        problems.append(
            RowProblem(
                row,
                column,
                f"{shown} (Excel haalt de 0 weg); ingelezen als {'0…' if secret else restored}",
                "Controleer het nummer, en geef de kolom in Excel de opmaak Tekst.",
                Severity.WAARSCHUWING,
            )
        )
    return restored


def _yes_no(value: Any, row: int, column: str, problems: list[RowProblem]) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value)
    if text is None:
        return None
    # the same words as the data itself (recordbase.BOOLEAN_WORDS): a 'no' or '0' that the
    # data would not read as public must not make a contact public here either
    word = boolean_word(text)
    if word is None:
        problems.append(
            RowProblem(
                row,
                column,
                f"'{text}' is geen ja of nee",
                "Vul ja of nee in, of laat de cel leeg (x, 1 en yes leest partnerbeeld niet).",
            )
        )
    return word


def _partner_value(column: str, text: str, known: Known) -> Any:
    if column == "profielen":
        return [_lookup(v, known.profiles) for v in _SEPARATORS.split(text) if v]
    if column == "gemeenten":
        return [_lookup(v, known.municipalities) for v in _SEPARATORS.split(text) if v]
    if column == "accounthouder":
        return _lookup(text, known.account_holders)
    if column == "sector":
        return propose_id(text) or text
    return text


def read_partners(table: Table, known: Known) -> tuple[list[SheetPartner], list[RowProblem]]:
    """The partners in ``table`` in sheet order, and every problem found on the way."""
    columns, problems = match_headers(table.header)
    problems += [RowProblem(p.row, _header_at(table, p.column), p.message, p.hint) for p in table.problems]
    if any(p.row == 1 and p.severity is Severity.FOUT for p in problems):
        return [], problems
    partners: dict[str, SheetPartner] = {}
    for number, cells in table.rows:
        row = {columns[i]: value for i, value in enumerate(cells) if i in columns}
        if all(_text(v) is None for v in row.values()):
            continue
        if number in table.hidden_rows:
            problems.append(
                RowProblem(
                    number, None, "deze rij is verborgen in Excel; hij wordt wel ingelezen", "", Severity.WAARSCHUWING
                )
            )
        name = _text(row.get("naam"))
        if name is None:
            problems.append(RowProblem(number, "naam", "de naam ontbreekt", "Elke rij noemt de partner."))
            continue
        name = " ".join(name.split())
        partner = partners.setdefault(normalise(name), SheetPartner(name, number))
        _partner_columns(partner, row, number, known, problems)
        contact = _contact(row, number, problems)
        if contact is not None:
            partner.contacts.append(contact)
    for partner in partners.values():
        _label_contacts(partner)
    return list(partners.values()), problems


def _header_at(table: Table, index: int | None) -> str | None:
    if index is None or index >= len(table.header) or table.header[index] is None:
        return None
    return str(table.header[index]).strip()


def _partner_columns(
    partner: SheetPartner, row: dict[str, Any], number: int, known: Known, problems: list[RowProblem]
) -> None:
    for column in PARTNER_COLUMNS[1:]:
        text = _text(row.get(column))
        if text is None:
            continue
        key = PARTNER_KEYS[column]
        value = _partner_value(column, text, known)
        if key not in partner.given:
            partner.given[key], partner.given_at[key] = value, number
        elif partner.given[key] != value:
            first = partner.given_at[key]
            problems.append(
                RowProblem(
                    number,
                    column,
                    f"'{text}' wijkt af van rij {first} van dezelfde partner",
                    f"Maak de kolom {column} gelijk op alle rijen van {partner.name}, of laat hem leeg na de eerste.",
                )
            )


def _may_be_secret(marked: Any) -> bool:
    """Unless the row says plainly 'nee' (or leaves it empty), its numbers are not repeated in messages."""
    if marked is None or marked is False:
        return False
    return marked is True or boolean_word(_text(marked) or "nee") is not False


def _contact(row: dict[str, Any], number: int, problems: list[RowProblem]) -> SheetContact | None:
    values: dict[str, Any] = {}
    secret = _may_be_secret(row.get("vertrouwelijk"))
    for column, key in CONTACT_KEYS.items():
        if column in PHONE_COLUMNS:
            value: Any = _phone(row.get(column), number, column, problems, secret)
        elif column in YES_NO_COLUMNS:
            value = _yes_no(row.get(column), number, column, problems)
        else:
            value = _text(row.get(column))
        if value is not None:
            values[key] = value
    if not values:
        return None  # a row with only the partner's columns: a partner without contacts here
    if not (values.get("phone") or values.get("mobile") or values.get("email")):
        problems.append(
            RowProblem(number, None, "het contact heeft geen telefoon, mobiel of email", "Vul minstens één ervan in.")
        )
        return None
    return SheetContact(number, values)


def _label_contacts(partner: SheetPartner) -> None:
    """Every contact needs a label (it is how --bijwerken finds it again): the person, else 'Contact'."""
    used: set[str] = {c.values["label"] for c in partner.contacts if "label" in c.values}
    for contact in partner.contacts:
        if "label" in contact.values:
            continue
        base = contact.values.get("person") or "Contact"
        label, n = base, 1
        while label in used:
            n += 1
            label = f"{base} {n}"
        used.add(label)
        contact.values["label"] = label
