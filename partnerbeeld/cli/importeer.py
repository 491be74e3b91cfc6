"""`partnerbeeld importeer` and `exporteer`: the partner list to and from a spreadsheet."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerbeeld.cli.common import peildatum, shown_path
from partnerbeeld.cli.options import DataOption, PeildatumOption, formaat_option
from partnerbeeld.infra.errors import ExitStatus, UsageError

if TYPE_CHECKING:
    from partnerbeeld.sheets.importing import ImportPlan
    from partnerbeeld.sheets.rows import RowProblem

MAX_WARNINGS_SHOWN = 20
GROUPED = 3  # more warnings of one code than this are summed up in one line


def _by_row(problem: RowProblem) -> int:
    return problem.row or 0


def _problem_lines(plan: ImportPlan) -> list[str]:
    lines = []
    for problem in sorted(plan.errors, key=_by_row):
        lines.append(f"fout: {plan.where(problem)}: {problem.message}")
        if problem.hint:
            lines.append(f"  → {problem.hint}")
    warnings = sorted(plan.warnings, key=_by_row)
    by_code: dict[str, list[RowProblem]] = {}
    for problem in warnings:
        by_code.setdefault(problem.code, []).append(problem)
    for code, same in by_code.items():  # one line for a warning every row has (no account holders yet)
        if code and len(same) > GROUPED:
            rows = ", ".join(str(p.row) for p in same[:MAX_WARNINGS_SHOWN])
            more = " …" if len(same) > MAX_WARNINGS_SHOWN else ""
            lines.append(f"waarschuwing: {plan.source}: {len(same)}× {code} (rij {rows}{more})")
            hint = f"; → {same[0].hint}" if same[0].hint else ""
            lines.append(f"  bijv. {same[0].message}{hint}")
            warnings = [w for w in warnings if w.code != code]
    for problem in warnings[:MAX_WARNINGS_SHOWN]:
        lines.append(f"waarschuwing: {plan.where(problem)}: {problem.message}")
        if problem.hint:
            lines.append(f"  → {problem.hint}")
    if len(warnings) > MAX_WARNINGS_SHOWN:
        lines.append(f"… en nog {len(warnings) - MAX_WARNINGS_SHOWN} waarschuwingen.")
    return lines


def _summary(plan: ImportPlan) -> str:
    from partnerbeeld.sheets.importing import Action

    parts = [f"{plan.count(action)} {action}" for action in Action if plan.count(action)]
    total = len(plan.planned)
    return f"{total} {'partner' if total == 1 else 'partners'}" + (": " + ", ".join(parts) if parts else "") + "."


def _report(plan: ImportPlan) -> None:
    from partnerbeeld.infra.safetext import guard, visible
    from partnerbeeld.sheets.importing import Action
    from partnerbeeld.views.changes import change_lines, field_lines

    # cells of a spreadsheet are anyone's text: each of our lines shows them escaped, one line each
    def say(line: str) -> None:
        print(visible(line))

    sheet = f", blad {plan.table.sheet}" if plan.table.sheet else ""
    rows = len([r for r in plan.table.rows if any(v not in (None, "") for v in r[1])])
    noun = "rij" if rows == 1 else "rijen"
    partners = "partner" if len(plan.planned) == 1 else "partners"
    say(f"{plan.table.file}{sheet}: {rows} {noun}, {len(plan.planned)} {partners}.")
    for note in plan.notes:
        say(f"let op: {note}")
    for line in _problem_lines(plan):
        say(line)
    if plan.errors:
        return
    for line in change_lines(plan.changes):  # escaped by the view; a name may go on a line of its own
        print(guard(line))
    for planned in plan.planned:
        if planned.action is Action.NIET_BIJGEWERKT:
            name = planned.sheet.name
            say(f"{'bestaat al':<11} partner {planned.id}: {name} (andere gegevens; --bijwerken werkt bij)")
            held = plan.held_back.get(planned.id)
            for change in held.fields if held else ():
                print(guard("\n".join(field_lines(change))))
        if planned.kept_confidential and planned.text is not None:
            labels = ", ".join(planned.kept_confidential)
            say(f"{'':12}{planned.id}: vertrouwelijke contacten niet in het blad, blijven staan: {labels}")
    print(_summary(plan))


def _template(path: Path, data: Path | None, overschrijf: bool, peildatum_: str | None) -> int:
    from partnerbeeld.cli.common import load_for_reading
    from partnerbeeld.infra.atomic import write_atomic
    from partnerbeeld.infra.outputs import refuse_inside_dataset
    from partnerbeeld.sheets.exporting import template_workbook

    if path.suffix.lower() != ".xlsx":
        raise UsageError(
            f"Het sjabloon is een .xlsx-bestand, niet {path.name}.", "Bijvoorbeeld --sjabloon partners.xlsx"
        )
    reading = load_for_reading(data)
    dataset = reading.dataset
    refuse_inside_dataset(path, dataset.root)
    write_atomic(path, template_workbook(dataset, peildatum(peildatum_)), overwrite=overschrijf)
    print(f"Sjabloon geschreven: {shown_path(path)} (blad partners, uitleg per kolom in blad uitleg).")
    return reading.status


def importeer(
    bestand: Annotated[
        Path | None,
        typer.Argument(metavar="BESTAND", show_default=False, help="De partnerlijst: .xlsx, of .csv in UTF-8."),
    ] = None,
    droog: Annotated[bool, typer.Option("--droog", help="Laat zien wat er zou veranderen; schrijf niets.")] = False,
    bijwerken: Annotated[
        bool,
        typer.Option(
            "--bijwerken", help="Werk de contacten van bestaande partners bij (rollen en commentaar blijven)."
        ),
    ] = False,
    blad: Annotated[
        str | None,
        typer.Option(
            "--blad", metavar="NAAM", show_default=False, help="Het blad. Standaard: 'partners' of het eerste."
        ),
    ] = None,
    sjabloon: Annotated[
        Path | None,
        typer.Option(
            "--sjabloon",
            metavar="BESTAND.xlsx",
            show_default=False,
            help="Schrijf een leeg blad met de kolommen, uitleg en keuzelijsten uit de dataset, en stop.",
        ),
    ] = None,
    overschrijf: Annotated[
        bool, typer.Option("--overschrijf", help="Met --sjabloon: vervang een bestaand bestand.")
    ] = False,
    data: DataOption = None,
    peildatum_: PeildatumOption = None,
) -> int:
    """Lees partners en contacten in uit een spreadsheet: alles of niets.

    Voorbeeld: partnerbeeld importeer partners.xlsx --droog
    """
    from partnerbeeld.reading.loading import find_root
    from partnerbeeld.sheets.importing import apply, plan_import

    if sjabloon is not None:
        if bestand is not None:
            raise UsageError("Geef een BESTAND om in te lezen óf --sjabloon, niet allebei.")
        return _template(sjabloon, data, overschrijf, peildatum_)
    if bestand is None:
        raise UsageError("Welk bestand?", "Bijvoorbeeld: partnerbeeld importeer partners.xlsx --droog")
    root = find_root(data)
    if blad is not None and bestand.suffix.lower() in (".csv", ".txt"):  # read_table refuses it too, without options
        raise UsageError("--blad past alleen bij een .xlsx-bestand.")
    plan = plan_import(root, bestand, blad, update=bijwerken, today=peildatum(peildatum_))
    _report(plan)
    if plan.errors:
        count = len(plan.errors)
        print(
            f"Het blad heeft {count} {'fout' if count == 1 else 'fouten'}; er is niets ingelezen. "
            "Herstel ze en lees het blad opnieuw in.",
            file=sys.stderr,
        )
        raise typer.Exit(int(ExitStatus.DATA_ERRORS))
    if droog:
        print("Niets geschreven (--droog).")
        return ExitStatus.OK
    written = apply(plan)
    folder = shown_path(root / "partners")
    if not written:
        print("Niets geschreven: de dataset had dit al.")
        return ExitStatus.OK
    print(f"Geschreven: {len(written)} {'bestand' if len(written) == 1 else 'bestanden'} in {folder}/.")
    return ExitStatus.OK


class ExportFormaat(StrEnum):
    XLSX = "xlsx"


def exporteer(
    uitvoer: Annotated[
        Path,
        typer.Option(
            "--uitvoer", "-o", metavar="BESTAND", show_default=False, help="Het bestand, bijv. partners.xlsx."
        ),
    ],
    formaat: Annotated[ExportFormaat, formaat_option(ExportFormaat, "Formaat: xlsx.")] = ExportFormaat.XLSX,
    vertrouwelijk: Annotated[
        bool, typer.Option("--vertrouwelijk", help="Neem ook vertrouwelijke contacten op (het bestand zegt dat).")
    ] = False,
    overschrijf: Annotated[bool, typer.Option("--overschrijf", help="Vervang een bestaand bestand.")] = False,
    data: DataOption = None,
    peildatum_: PeildatumOption = None,
) -> int:
    """Schrijf de partners en contacten als spreadsheet, in de indeling die importeer leest.

    Voorbeeld: partnerbeeld exporteer --formaat xlsx -o partners-export.xlsx
    """
    from partnerbeeld.cli.common import load_for_reading, say
    from partnerbeeld.infra.atomic import write_atomic
    from partnerbeeld.infra.outputs import confidential_git_warning, refuse_inside_dataset
    from partnerbeeld.sheets.exporting import export_workbook, sheet_rows

    if uitvoer.suffix.lower() != f".{formaat.value}":
        raise UsageError(
            f"--formaat {formaat.value} past niet bij de naam {uitvoer.name}.", "Bijvoorbeeld -o partners.xlsx"
        )
    reading = load_for_reading(data)
    dataset = reading.dataset
    refuse_inside_dataset(uitvoer, dataset.root)
    today = peildatum(peildatum_)
    write_atomic(uitvoer, export_workbook(dataset, today, confidential=vertrouwelijk), overwrite=overschrijf)
    rows = sheet_rows(dataset, confidential=vertrouwelijk)
    hidden = sum(1 for p in dataset.partners.values() for c in p.contacts if c.confidential)
    print(f"Geschreven: {shown_path(uitvoer)} ({len(dataset.partners)} partners, {len(rows)} rijen).")
    if vertrouwelijk:
        print("LET OP: VERTROUWELIJK: het bestand bevat vertrouwelijke contacten.")
        if warning := confidential_git_warning(uitvoer):
            say(warning)
    elif hidden:
        noun = "vertrouwelijk contact" if hidden == 1 else "vertrouwelijke contacten"
        print(f"{hidden} {noun} weggelaten (--vertrouwelijk neemt ze mee).")
    return reading.status
