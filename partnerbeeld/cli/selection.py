"""The selection options shared by `zoek` and `contactlijst`: one definition, one behaviour."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from partnerbeeld.cli import completion

if TYPE_CHECKING:
    from partnerbeeld.query import Selection

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
GripOption = Annotated[
    int | None,
    typer.Option(
        "--grip",
        help="Alleen rollen die actief zijn tot en met dit GRIP-niveau (0-5).",
        metavar="N",
        show_default=False,
    ),
]
TeamOption = Annotated[
    str | None,
    typer.Option(
        "--team",
        help="Alleen partners met een plaats in dit team (meldkamer, copi, rot, bt, rbt).",
        metavar="TEAM",
        show_default=False,
        autocompletion=completion.teams,
    ),
]
GemeenteOption = Annotated[
    str | None,
    typer.Option(
        "--gemeente",
        help="Alleen partners die in deze gemeente werken (id of naam).",
        metavar="GEMEENTE",
        show_default=False,
        autocompletion=completion.municipalities,
    ),
]
ProfielOption = Annotated[
    str | None,
    typer.Option(
        "--profiel",
        help="Alleen partners met dit partnerprofiel.",
        metavar="PROFIEL",
        show_default=False,
        autocompletion=completion.profiles,
    ),
]
ModusOption = Annotated[
    str | None,
    typer.Option(
        "--modus",
        help="Alleen partners met deze samenwerkingsvorm "
        "(alarmeren, informeren, advies, liaison, uitvoering, bijstand).",
        metavar="MODUS",
        show_default=False,
        autocompletion=completion.modes,
    ),
]
AccounthouderOption = Annotated[
    str | None,
    typer.Option(
        "--accounthouder", help="Alleen partners van deze accounthouder (id).", show_default=False, metavar="ID"
    ),
]


def selection(
    incident: str | None,
    grip: int | None,
    team: str | None,
    gemeente: str | None,
    profiel: str | None,
    modus: str | None,
    *,
    tekst: str | None = None,
    accounthouder: str | None = None,
    vertrouwelijk: bool = False,
) -> Selection:
    """The library's Selection from the options as typed; team and mode checked with Dutch suggestions."""
    from partnerbeeld.query import Selection, parse_mode, parse_team

    return Selection(
        incident=incident,
        grip=grip,
        team=parse_team(team) if team is not None else None,
        gemeente=gemeente,
        profiel=profiel,
        modus=parse_mode(modus) if modus is not None else None,
        accounthouder=accounthouder,
        tekst=tekst,
        vertrouwelijk=vertrouwelijk,
    )
