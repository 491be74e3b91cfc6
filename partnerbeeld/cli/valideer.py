"""`partnerbeeld valideer`: check every file of the dataset."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from partnerbeeld.cli.common import peildatum, write_for_people, write_json
from partnerbeeld.cli.options import DataOption, PeildatumOption, formaat_option
from partnerbeeld.cli.streams import terminal_width
from partnerbeeld.infra.errors import ExitStatus, UsageError


class Formaat(StrEnum):
    TEKST = "tekst"
    JSON = "json"
    GITHUB = "github"
    GITLAB = "gitlab"
    SARIF = "sarif"


def valideer(
    paden: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Alleen deze bestanden (en wat ernaar verwijst) melden; zonder PAD de hele dataset.",
            metavar="[PAD]...",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    formaat: Annotated[
        Formaat,
        formaat_option(
            Formaat,
            "Uitvoer: tekst, json, github (annotaties), gitlab (Code Quality-rapport) of sarif (code scanning).",
        ),
    ] = Formaat.TEKST,
    strikt: Annotated[
        bool, typer.Option("--strikt", help="Ook niet-geaccepteerde waarschuwingen laten falen (exitcode 1).")
    ] = False,
    alles: Annotated[
        bool, typer.Option("--alles", help="Ook de geaccepteerde bevindingen tonen, met reden en einddatum.")
    ] = False,
    peildatum_: PeildatumOption = None,
    codes: Annotated[
        bool, typer.Option("--codes", help="Toon alle codes van bevindingen met hun betekenis, en stop.")
    ] = False,
) -> None:
    """Controleer alle bestanden van de dataset en toon elke fout met bestand en regel.

    Met PAD alleen de meldingen over die bestanden en over de records die ernaar
    verwijzen (voor pre-commit); de hele dataset wordt wel gecontroleerd.

    Voorbeeld: partnerbeeld valideer --formaat github
    """
    if codes:
        _show_codes(formaat)
        return
    from partnerbeeld.answers.validation import named_files, validate
    from partnerbeeld.reading.loading import find_root

    root = find_root(data)
    only = named_files(root, paden) if paden else None
    report = validate(root, peildatum(peildatum_), only)
    if formaat is Formaat.JSON:
        from partnerbeeld.views.findings import as_json

        write_json(as_json(report))
    elif formaat is Formaat.GITHUB:
        from partnerbeeld.views.findings import as_github

        write_for_people(as_github(report, Path.cwd()))
    elif formaat is Formaat.GITLAB:
        from partnerbeeld.views.gitlab import as_gitlab

        write_json(as_gitlab(report, Path.cwd()))
    elif formaat is Formaat.SARIF:
        from partnerbeeld.views.sarif import as_sarif

        write_json(as_sarif(report, Path.cwd()))
    else:
        from partnerbeeld.views.colour import palette_for
        from partnerbeeld.views.findings import as_text

        width = terminal_width()  # COLUMNS, else the terminal, else 80
        write_for_people(as_text(report, Path.cwd(), palette_for(sys.stdout), width, everything=alles))
    status = report.exit_status(strikt)
    if status is not ExitStatus.OK:
        raise typer.Exit(int(status))


def _show_codes(formaat: Formaat) -> None:
    """``--codes``: the list from the code specs, without opening a dataset."""
    from partnerbeeld.views.datadoc import codes_json, codes_text

    if formaat is Formaat.JSON:
        write_json(codes_json())
    elif formaat is Formaat.TEKST:
        write_for_people(codes_text(terminal_width()))
    else:
        raise UsageError(
            f"--codes toont de codes als tekst of json, niet als {formaat.value}.", "Laat --formaat weg, of kies json."
        )
