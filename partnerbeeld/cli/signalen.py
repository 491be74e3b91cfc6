"""`partnerbeeld signalen`: what needs attention in the data, on a reference date."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from partnerbeeld.cli.common import load_for_reading, peildatum, write_for_people, write_json
from partnerbeeld.cli.options import AccounthouderOption, DataOption, PeildatumOption, formaat_option
from partnerbeeld.cli.streams import terminal_width
from partnerbeeld.infra.errors import ExitStatus, UsageError
from partnerbeeld.model.vocabulary import SignalKind


class Formaat(StrEnum):
    TEKST = "tekst"  # the table for people ('tabel' is accepted too)
    JSON = "json"
    MD = "md"
    ICS = "ics"  # the agenda (iCalendar), as the site's agenda/<id>.ics


def signalen(
    data: DataOption = None,
    accounthouder: AccounthouderOption = None,
    soort: Annotated[
        list[SignalKind] | None,
        typer.Option(
            "--soort",
            help="Alleen deze soort(en) signalen; herhaal de optie voor meer.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    formaat: Annotated[
        Formaat, formaat_option(Formaat, "Uitvoer: tekst (een tabel), json, md of ics (de agenda, voor Outlook).")
    ] = Formaat.TEKST,
    strikt: Annotated[
        bool,
        typer.Option("--strikt", help="Exitcode 1 als er een niet-geaccepteerd signaal met ernst 'fout' is (voor CI)."),
    ] = False,
    peildatum_: PeildatumOption = None,
) -> int:
    """Toon wat aandacht vraagt: convenanten, oefeningen, plannen, contactgegevens, dekking.

    Voorbeeld: partnerbeeld signalen --accounthouder jansen --soort convenant
    """
    from partnerbeeld.answers.acceptance import accept_signals
    from partnerbeeld.answers.query import resolve_account_holder
    from partnerbeeld.answers.signals import signals_for
    from partnerbeeld.infra.gitinfo import data_version
    from partnerbeeld.model.vocabulary import SignalLevel
    from partnerbeeld.views import signals as view

    today = peildatum(peildatum_)
    reading = load_for_reading(data, for_people=formaat is not Formaat.JSON)
    dataset = reading.dataset
    holder = resolve_account_holder(dataset, accounthouder) if accounthouder is not None else None
    checked = accept_signals(dataset, signals_for(dataset, today, holder, soort or ()), today)
    found, accepted = checked.open, checked.accepted
    region, version = dataset.settings.region, data_version(dataset.root)
    # a filtered list says so in its heading: 'only Marieke Jansen's' must not read as 'all'
    about = " · ".join(
        [
            *([f"accounthouder {dataset.account_holders[holder].name}"] if holder else []),
            *(f"soort {s}" for s in soort or ()),
        ]
    )
    if formaat is Formaat.ICS:
        if soort:
            raise UsageError(
                "--soort geldt niet voor --formaat ics: de agenda heeft haar eigen soorten data.",
                "Laat --soort weg; --accounthouder kiest wiens agenda het wordt.",
            )
        from partnerbeeld.answers.agenda import agenda
        from partnerbeeld.views.ics import as_ics

        who = dataset.account_holders[holder].name if holder else region
        sys.stdout.flush()
        sys.stdout.buffer.write(as_ics(agenda(dataset, today, holder), f"Partnerbeeld · {who}", today, version))
        sys.stdout.buffer.flush()
    elif formaat is Formaat.JSON:
        write_json(view.as_json(found, region, today, version, dataset.root, accepted))
    elif formaat is Formaat.MD:
        write_for_people(view.as_markdown(found, region, today, version, dataset.root, accepted, about))
    else:
        from partnerbeeld.views.colour import palette_for

        width = terminal_width(100) if sys.stdout.isatty() else 80
        palette = palette_for(sys.stdout)
        write_for_people(view.as_text(found, region, today, version, palette, width, dataset.root, accepted, about))
    if strikt and any(s.level is SignalLevel.FOUT for s in found):
        raise typer.Exit(int(ExitStatus.DATA_ERRORS))
    return reading.status
