"""`partnerbeeld zoek`: with whom, how, from which GRIP, and whom to call first."""

# No ``from __future__ import annotations``: typer would evaluate the option annotations
# from strings at every start (about 2 ms); evaluated once at import they cost nothing.

import sys
from enum import StrEnum
from typing import Annotated

import typer

from partnerbeeld.cli.common import load_for_reading, peildatum, write_for_people, write_json
from partnerbeeld.cli.options import (
    AccounthouderOption,
    DataOption,
    GemeenteOption,
    GripOption,
    IncidentOption,
    ModusOption,
    PeildatumOption,
    ProfielOption,
    TeamOption,
    VertrouwelijkOption,
    formaat_option,
    selection,
)
from partnerbeeld.cli.streams import terminal_width


class Formaat(StrEnum):
    TEKST = "tekst"  # the table for people ('tabel' is accepted too)
    JSON = "json"
    CSV = "csv"
    MD = "md"


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
    grip: GripOption = None,
    team: TeamOption = None,
    gemeente: GemeenteOption = None,
    profiel: ProfielOption = None,
    modus: ModusOption = None,
    accounthouder: AccounthouderOption = None,
    formaat: Annotated[
        Formaat, formaat_option(Formaat, "Uitvoer: tekst (een tabel), json, csv of md.")
    ] = Formaat.TEKST,
    vertrouwelijk: VertrouwelijkOption = False,
    data: DataOption = None,
    peildatum_: PeildatumOption = None,
) -> int:
    """Zoek met wie je samenwerkt bij een incident, hoe, vanaf welk GRIP-niveau en wie je als eerste belt.

    Voorbeeld: partnerbeeld zoek --incident overstroming --gemeente katwijk

    Voorbeeld: partnerbeeld zoek -i brand -i gaslek --team copi --team rot
    """
    from partnerbeeld.answers.query import answer
    from partnerbeeld.infra.gitinfo import data_version
    from partnerbeeld.views import hits as view

    today = peildatum(peildatum_)
    # CSV too: it is read on terminals and in spreadsheets, where such characters mean nothing good
    reading = load_for_reading(data, roles_only=True, for_people=formaat is not Formaat.JSON)
    dataset = reading.dataset
    chosen = selection(
        dataset,
        incident,
        grip,
        team,
        gemeente,
        profiel,
        modus,
        tekst=tekst,
        accounthouder=accounthouder,
        vertrouwelijk=vertrouwelijk,
    )
    result = answer(dataset, chosen)
    version = data_version(dataset.root)
    if formaat is Formaat.JSON:
        write_json(view.as_json(dataset, result, today, version, reading.skipped_names()))
    elif formaat is Formaat.CSV:
        sys.stdout.write(view.as_csv(result))
    elif formaat is Formaat.MD:
        write_for_people(view.as_markdown(dataset, result, today, version))
    else:
        from partnerbeeld.views.colour import palette_for

        width = terminal_width()
        write_for_people(view.as_table(dataset, result, today, version, palette_for(sys.stdout), width))
    return reading.status
