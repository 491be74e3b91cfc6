"""`partnerbeeld zoek`: with whom, how, from which GRIP, and whom to call first."""

from __future__ import annotations

import shutil
import sys
from enum import StrEnum
from typing import Annotated

import typer

from partnerbeeld.cli import completion
from partnerbeeld.cli.common import DataOption, PeildatumOption, load_for_reading, peildatum


class Formaat(StrEnum):
    TABEL = "tabel"
    JSON = "json"
    CSV = "csv"
    MD = "md"


IncidentOption = Annotated[
    str | None,
    typer.Option(
        "--incident",
        "-i",
        help="Incidenttype: code, alias of naam (bijv. overstroming, brand).",
        metavar="TYPE",
        show_default=False,
        autocompletion=completion.incident_types,
    ),
]
VertrouwelijkOption = Annotated[
    bool, typer.Option("--vertrouwelijk", help="Ook vertrouwelijke contacten gebruiken en tonen.")
]


def zoek(
    tekst: Annotated[
        str | None,
        typer.Argument(
            help="Vrije tekst over namen en sectoren van partners (bijv. rijnland); kleine typefouten mogen.",
            metavar="TEKST",
            show_default=False,
        ),
    ] = None,
    incident: IncidentOption = None,
    grip: Annotated[
        int | None,
        typer.Option(
            "--grip",
            help="Alleen rollen die actief zijn tot en met dit GRIP-niveau (0-5).",
            metavar="N",
            show_default=False,
        ),
    ] = None,
    team: Annotated[
        str | None,
        typer.Option(
            "--team",
            help="Alleen partners met een plaats in dit team (meldkamer, copi, rot, bt, rbt).",
            metavar="TEAM",
            show_default=False,
            autocompletion=completion.teams,
        ),
    ] = None,
    gemeente: Annotated[
        str | None,
        typer.Option(
            "--gemeente",
            help="Alleen partners die in deze gemeente werken (id of naam).",
            metavar="GEMEENTE",
            show_default=False,
            autocompletion=completion.municipalities,
        ),
    ] = None,
    profiel: Annotated[
        str | None,
        typer.Option(
            "--profiel",
            help="Alleen partners met dit partnerprofiel.",
            metavar="PROFIEL",
            show_default=False,
            autocompletion=completion.profiles,
        ),
    ] = None,
    modus: Annotated[
        str | None,
        typer.Option(
            "--modus",
            help="Alleen partners met deze samenwerkingsvorm "
            "(alarmeren, informeren, advies, liaison, uitvoering, bijstand).",
            metavar="MODUS",
            show_default=False,
            autocompletion=completion.modes,
        ),
    ] = None,
    formaat: Annotated[
        Formaat, typer.Option("--formaat", "-f", help="Uitvoer: tabel, json, csv of md.", case_sensitive=False)
    ] = Formaat.TABEL,
    vertrouwelijk: VertrouwelijkOption = False,
    data: DataOption = None,
    peildatum_: PeildatumOption = None,
) -> None:
    """Zoek met wie je samenwerkt bij een incident, hoe, vanaf welk GRIP-niveau en wie je als eerste belt.

    Voorbeeld: partnerbeeld zoek --incident overstroming --gemeente katwijk
    """
    from partnerbeeld.gitinfo import data_version
    from partnerbeeld.query import Selection, answer, parse_mode, parse_team
    from partnerbeeld.views import hits as view

    today = peildatum(peildatum_)
    dataset = load_for_reading(data)
    selection = Selection(
        incident=incident,
        grip=grip,
        team=parse_team(team) if team else None,
        gemeente=gemeente,
        profiel=profiel,
        modus=parse_mode(modus) if modus else None,
        tekst=tekst,
        vertrouwelijk=vertrouwelijk,
    )
    result = answer(dataset, selection)
    version = data_version(dataset.root)
    if formaat is Formaat.JSON:
        sys.stdout.write(view.as_json(dataset, result, today, version))
    elif formaat is Formaat.CSV:
        sys.stdout.write(view.as_csv(result))
    elif formaat is Formaat.MD:
        sys.stdout.write(view.as_markdown(dataset, result, today, version))
    else:
        from partnerbeeld.views.colour import palette_for

        width = shutil.get_terminal_size((80, 24)).columns
        sys.stdout.write(view.as_table(dataset, result, today, version, palette_for(sys.stdout), width))
