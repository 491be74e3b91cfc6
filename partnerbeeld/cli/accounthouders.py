"""`partnerbeeld accounthouders`: per account holder their partners, open signals, oldest check."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

from partnerbeeld.cli.common import load_for_reading, peildatum, write_for_people, write_json
from partnerbeeld.cli.options import AccounthouderOption, DataOption, PeildatumOption, formaat_option
from partnerbeeld.cli.streams import terminal_width


class Formaat(StrEnum):
    TEKST = "tekst"  # the table for people ('tabel' is accepted too)
    JSON = "json"


def accounthouders(
    data: DataOption = None,
    accounthouder: AccounthouderOption = None,
    formaat: Annotated[Formaat, formaat_option(Formaat, "Uitvoer: tekst (een tabel) of json.")] = Formaat.TEKST,
    peildatum_: PeildatumOption = None,
) -> int:
    """Toon per accounthouder de partners, de open signalen en de oudste controle van contactgegevens.

    Voorbeeld: partnerbeeld accounthouders --accounthouder "Marieke Jansen"
    """
    from partnerbeeld.answers.acceptance import accept_signals
    from partnerbeeld.answers.accountholders import holder_reports
    from partnerbeeld.answers.query import resolve_account_holder
    from partnerbeeld.answers.signals import signals_for
    from partnerbeeld.infra.gitinfo import data_version
    from partnerbeeld.views import signals as view

    today = peildatum(peildatum_)
    reading = load_for_reading(data, for_people=formaat is not Formaat.JSON)
    dataset = reading.dataset
    holder = resolve_account_holder(dataset, accounthouder) if accounthouder is not None else None
    found = accept_signals(dataset, signals_for(dataset, today, holder), today).open  # accepted: seen to
    reports = holder_reports(dataset, found, holder)
    region, version = dataset.settings.region, data_version(dataset.root)
    if formaat is Formaat.JSON:
        write_json(view.holders_json(reports, region, today, version))
        return reading.status
    from partnerbeeld.views.colour import palette_for

    width = terminal_width(100) if sys.stdout.isatty() else 80
    detail = holder is not None
    write_for_people(view.holders_text(reports, region, today, version, palette_for(sys.stdout), detail, width))
    return reading.status
