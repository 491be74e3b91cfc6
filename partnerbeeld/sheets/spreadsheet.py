"""Reading and writing spreadsheets: the only module that imports openpyxl (and csv for sheets).

Reading returns a ``Table``: the header row and the data rows with their row
numbers as Excel shows them, cell values as found (text, numbers, booleans,
dates), and the problems of the file itself (formulas, merged cells) as values.
A file that cannot be a partner list at all raises ``SheetRefused``.

Limits (a region's partner list is a few hundred rows, a few dozen KiB):
- a file above ``MAX_FILE_BYTES`` (20 MiB) is refused before it is opened;
- an .xlsx is a zip archive: more than ``MAX_ENTRIES`` members, more than
  ``MAX_UNPACKED`` (100 MiB) when unpacked, or a member that unpacks more than
  ``MAX_RATIO`` times its packed size (a zip bomb) is refused before openpyxl reads it;
  XML entity tricks are stopped by defusedxml, which openpyxl uses when installed;
- more than ``MAX_ROWS`` rows is refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnerbeeld.infra.errors import ExitStatus, PartnerbeeldError, Remedy, UsageError, os_reason
from partnerbeeld.sheets.columns import MAX_ROWS

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_RATIO = 200  # sheet XML packs 5-30 times; a zip bomb a thousand times or more


class SheetRefused(PartnerbeeldError):
    """The file cannot be read as a partner list; nothing was imported."""

    exit_status = ExitStatus.DATA_ERRORS


@dataclass(frozen=True)
class CellProblem:
    row: int
    column: int | None  # 0-based index into the header; None = the row as a whole
    message: str
    hint: str = ""


@dataclass
class Table:
    file: str  # the name people know the file by
    sheet: str | None  # None for CSV
    header: list[Any]
    rows: list[tuple[int, list[Any]]]  # (row number as the spreadsheet shows it, cells)
    problems: list[CellProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said, but not wrong
    hidden_rows: set[int] = field(default_factory=set)


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The table in ``path`` (.xlsx, or .csv in UTF-8 with ; or ,)."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise UsageError(
            f"{path.name}: partnerbeeld leest .xlsx en .csv, geen {suffix or 'bestand zonder extensie'}.",
            "Sla het blad in Excel op als Excel-werkmap (.xlsx) of als 'CSV UTF-8'.",
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UsageError(f"Kan {path} niet lezen: {os_reason(exc)}.", "Controleer de naam van het bestand.") from None
    if not path.is_file():
        raise UsageError(f"{path} is geen bestand.")
    if size > MAX_FILE_BYTES:
        raise SheetRefused(
            f"{path.name} is {size // (1024 * 1024)} MiB; een partnerlijst is hooguit enkele MiB "
            f"(grens {MAX_FILE_BYTES // (1024 * 1024)} MiB).",
            "Controleer of dit het goede bestand is; verwijder afbeeldingen en andere bladen.",
        )
    if suffix in (".csv", ".txt"):
        if sheet is not None:
            raise UsageError(f"{path.name} is een CSV-bestand; alleen een .xlsx-bestand heeft bladen.")
        return _read_csv(path)
    return _read_xlsx(path, sheet)


# --- CSV ---------------------------------------------------------------------------------------


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SheetRefused(
            f"{path.name} is geen UTF-8-tekst (regel {line}).",
            "Sla het blad in Excel op als 'CSV UTF-8 (door komma's gescheiden)', of gebruik .xlsx.",
        ) from None
    first = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first, delimiters=";,").delimiter
    except csv.Error:
        delimiter = ";" if first.count(";") > first.count(",") else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if len(records) > MAX_ROWS + 1:
        raise _too_many(path.name, len(records))
    if not records:
        raise SheetRefused(f"{path.name} is leeg.", "De eerste regel noemt de kolommen: naam, telefoon, ...")
    rows = [(number, [_undefuse(v) for v in cells]) for number, cells in enumerate(records[1:], 2)]
    return Table(path.name, None, list(records[0]), rows)


def _undefuse(value: str) -> str:
    """'=... written as \\'=... by a spreadsheet-safe CSV export is the text =..."""
    return value[1:] if len(value) > 1 and value[0] == "'" and value[1] in "=+-@" else value


def _too_many(name: str, rows: int) -> SheetRefused:
    return SheetRefused(
        f"{name} heeft {rows} rijen; een partnerlijst heeft er hooguit {MAX_ROWS}.",
        "Controleer of dit het goede blad is, of splits de lijst.",
    )


# --- xlsx --------------------------------------------------------------------------------------


def _check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise SheetRefused(
            f"{path.name} is geen geldig .xlsx-bestand.",
            "Open het in Excel en sla het opnieuw op als Excel-werkmap (.xlsx).",
        ) from None
    unpacked = sum(m.file_size for m in members)
    bomb = any(m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members)
    if len(members) > MAX_ENTRIES or unpacked > MAX_UNPACKED or bomb:
        raise SheetRefused(
            f"{path.name} pakt uit tot {unpacked // (1024 * 1024)} MiB in {len(members)} delen; zo groot of zo "
            "sterk gecomprimeerd is geen partnerlijst (mogelijk een zip-bom). Het bestand is niet gelezen.",
            f"Grenzen: {MAX_UNPACKED // (1024 * 1024)} MiB uitgepakt, {MAX_ENTRIES} delen, compressie {MAX_RATIO}x.",
        )


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    _check_archive(path)
    import openpyxl  # imported here: only `importeer` pays for it

    try:
        book = openpyxl.load_workbook(path, data_only=False, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds (KeyError, ValueError, XML errors) for broken files
        raise SheetRefused(
            f"{path.name} kan niet als Excel-werkmap worden gelezen ({type(exc).__name__}).",
            "Open het in Excel en sla het opnieuw op als Excel-werkmap (.xlsx).",
        ) from None
    notes: list[str] = []
    worksheet = _choose_sheet(book, sheet, path.name, notes)
    if worksheet.max_row > MAX_ROWS + 1:
        raise _too_many(path.name, worksheet.max_row)
    table = Table(path.name, worksheet.title, [], [], notes=notes)
    grid = [list(row) for row in worksheet.iter_rows()]
    if not grid:
        raise SheetRefused(f"{path.name}, blad {worksheet.title} is leeg.", "De eerste rij noemt de kolommen.")
    values = [[_cell_value(cell, table) for cell in row] for row in grid]
    _unmerge(worksheet, values, table)
    table.header = values[0]
    table.rows = [(number, row) for number, row in enumerate(values[1:], 2)]
    table.hidden_rows = {n for n, d in worksheet.row_dimensions.items() if d.hidden and n > 1}
    return table


def _choose_sheet(book: Any, sheet: str | None, name: str, notes: list[str]) -> Any:
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in book.worksheets if ws.sheet_state != "visible"]
    if sheet is not None:
        found = next((ws for ws in book.worksheets if ws.title.casefold() == sheet.casefold()), None)
        if found is None:
            titles = ", ".join(ws.title for ws in book.worksheets)
            raise UsageError(f"{name} heeft geen blad '{sheet}'.", f"Bladen: {titles}.")
        if found.sheet_state != "visible":
            raise SheetRefused(
                f"{name}, blad {found.title} is verborgen.",
                "Maak het blad zichtbaar in Excel als je het echt wilt inlezen, of kies een ander blad.",
                remedy=Remedy.HIDDEN_SHEET,
            )
        return found
    if not visible:
        raise SheetRefused(f"{name} heeft geen zichtbaar blad.")
    chosen = next((ws for ws in visible if ws.title.casefold() == "partners"), visible[0])
    if chosen.title.casefold() == "partners":  # the sheet's own name says it is the list (our layout)
        return chosen
    if len(visible) > 1:
        notes.append(f"blad {chosen.title} ingelezen (kies een ander met --blad)")
    if hidden:
        notes.append(f"verborgen bladen niet gelezen: {', '.join(hidden)}")
    return chosen


def _cell_value(cell: Any, table: Table) -> Any:
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=") and cell.data_type != "s"):
        # the formula itself is not repeated: it may spell a confidential number
        table.problems.append(
            CellProblem(
                cell.row,
                cell.column - 1,
                "de cel bevat een formule, geen waarde",
                "Vervang de formule door haar uitkomst: kopiëren en 'Plakken speciaal' → 'Waarden'.",
            )
        )
        return None
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    return value


def _unmerge(worksheet: Any, values: list[list[Any]], table: Table) -> None:
    """A value merged down one column counts for each of its rows; other merges are refused."""
    for merged in worksheet.merged_cells.ranges:
        top, bottom, left, right = merged.min_row, merged.max_row, merged.min_col, merged.max_col
        if top == 1 or left != right:
            table.problems.append(
                CellProblem(
                    top,
                    left - 1,
                    f"samengevoegde cellen ({merged.coord}) over "
                    + ("de kopregel" if top == 1 else "meer dan één kolom"),
                    "Maak de samenvoeging ongedaan en zet in elke cel haar eigen waarde.",
                )
            )
            continue
        for row in range(top + 1, min(bottom, len(values)) + 1):
            while len(values[row - 1]) < left:
                values[row - 1].append(None)
            values[row - 1][left - 1] = values[top - 1][left - 1]
        table.notes.append(f"samengevoegde cellen {merged.coord}: de waarde geldt voor elke rij")


# --- writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """A drop-down for a column: ``values`` listed on a hidden sheet; ``strict`` refuses other input."""

    column: str
    values: tuple[str, ...]
    strict: bool


def workbook_bytes(
    headers: tuple[str, ...],
    rows: list[list[str]],
    explanation: list[tuple[str, str, str]],
    about: list[str],
    choices: list[Choice],
    print_header: str,
) -> bytes:
    """An .xlsx: sheet 'partners' (header + rows, all cells text), 'uitleg', and a hidden 'lijsten'."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "partners"
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    last = max(len(rows) + 1, 500)  # room to type in, with the drop-downs and text format
    for index, header in enumerate(headers, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(40, len(header) + 4))
        for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=index, max_col=index):
            cell.number_format = "@"  # text: Excel keeps the 0 of 0712345678 typed here
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a value that looks like a formula stays text
    sheet.freeze_panes = "A2"
    sheet.oddHeader.center.text = print_header
    lists = book.create_sheet("lijsten")
    for index, choice in enumerate((c for c in choices if c.values), 1):  # no list, no drop-down
        letter = get_column_letter(index)
        lists.cell(1, index, choice.column)
        for offset, value in enumerate(choice.values, 2):
            lists.cell(offset, index, value)
        target = get_column_letter(headers.index(choice.column) + 1)
        source = f"lijsten!${letter}$2:${letter}${max(len(choice.values) + 1, 2)}"
        validation = DataValidation(type="list", formula1=source, allow_blank=True)
        validation.showErrorMessage = choice.strict
        validation.error = "Kies een waarde uit de lijst."
        validation.errorTitle = choice.column
        sheet.add_data_validation(validation)
        validation.add(f"{target}2:{target}{last}")
    lists.sheet_state = "hidden"
    guide = book.create_sheet("uitleg", 1)
    for number, line in enumerate(about, 1):
        guide.cell(number, 1, line)
    top = len(about) + 2
    for column, title in enumerate(("kolom", "wat je invult", "voorbeeld"), 1):
        guide.cell(top, column, title).font = Font(bold=True)
    for number, (header, text, example) in enumerate(explanation, top + 1):
        for column, value in enumerate((header, text, example), 1):
            guide.cell(number, column, value)
    guide.column_dimensions["A"].width = 16
    guide.column_dimensions["B"].width = 90
    guide.column_dimensions["C"].width = 20
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
