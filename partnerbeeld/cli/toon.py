"""`partnerbeeld toon` (one partner, everything) and `partnerbeeld incidenttypen` (the tree)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from partnerbeeld.cli import completion
from partnerbeeld.cli.common import (
    load_for_reading,
    peildatum,
    validate_command,
    write_for_people,
    write_json,
)
from partnerbeeld.cli.options import DataOption, PeildatumOption, VertrouwelijkOption, formaat_option
from partnerbeeld.cli.streams import terminal_width
from partnerbeeld.infra.errors import NotFound, RecordHasErrors


class Formaat(StrEnum):
    TEKST = "tekst"
    JSON = "json"


FormaatOption = Annotated[Formaat, formaat_option(Formaat, "Uitvoer: tekst of json.")]


def toon(
    partner: Annotated[
        str,
        typer.Argument(
            help="Id of naam van de partner; een deel van de naam of een kleine typefout mag.",
            metavar="PARTNER",
            autocompletion=completion.partners,
        ),
    ],
    vertrouwelijk: VertrouwelijkOption = False,
    formaat: FormaatOption = Formaat.TEKST,
    data: DataOption = None,
    peildatum_: PeildatumOption = None,
) -> int:
    """Toon alles over één partner: contacten, profielen, rollen, convenanten, oefeningen en plannen.

    Voorbeeld: partnerbeeld toon "Hoogheemraadschap van Rijnland"
    """
    from partnerbeeld.answers.partnerinfo import find_partner, partner_info
    from partnerbeeld.infra.gitinfo import data_version
    from partnerbeeld.views import partner as view

    reading = load_for_reading(data, for_people=formaat is Formaat.TEKST)
    dataset = reading.dataset
    try:
        found = find_partner(dataset, partner)
    except NotFound:
        _refuse_if_broken(partner, reading.skipped_names(), validate_command(dataset.root))
        raise
    info = partner_info(dataset, found, peildatum(peildatum_), vertrouwelijk)
    version = data_version(dataset.root)
    if formaat is Formaat.JSON:
        write_json(view.as_json(info, version, vertrouwelijk))
    else:
        from partnerbeeld.views.colour import palette_for

        width = terminal_width()
        write_for_people(view.as_text(info, version, palette_for(sys.stdout), width))
    return reading.status


def _refuse_if_broken(partner: str, skipped: tuple[str, ...], validate: str) -> None:
    """`toon dunea` while partners/dunea.yaml has errors: say that, not 'onbekende partner'."""
    from partnerbeeld.infra.suggest import normalise

    wanted = f"partners/{normalise(partner).replace(' ', '-')}"
    broken = next((name for name in skipped if name.rsplit(".", 1)[0] == wanted), None)
    if broken is not None:
        raise RecordHasErrors(
            f"{broken} bevat fouten; deze partner kan niet getoond worden.",
            f"Draai '{validate}' voor de fouten met regelnummers.",
        )


def incidenttypen(
    formaat: FormaatOption = Formaat.TEKST,
    data: DataOption = None,
) -> int:
    """Toon de boom van incidenttypen met codes, aliassen en het aantal betrokken partners.

    Voorbeeld: partnerbeeld incidenttypen --formaat json
    """
    from partnerbeeld.answers.tree import incident_tree
    from partnerbeeld.infra.gitinfo import data_version
    from partnerbeeld.views import tree as view

    reading = load_for_reading(data, roles_only=True, for_people=formaat is Formaat.TEKST)
    dataset = reading.dataset
    nodes = incident_tree(dataset)
    version = data_version(dataset.root)
    if formaat is Formaat.JSON:
        write_json(view.as_json(nodes, len(dataset.partners), version))
    else:
        from partnerbeeld.views.colour import palette_for

        write_for_people(view.as_text(nodes, len(dataset.partners), version, palette_for(sys.stdout)))
    return reading.status
