"""One vocabulary of options: every option more than one command has is defined here, once.

The same word means the same thing in every command: ``-f/--formaat`` (``tekst`` for
people everywhere, ``tabel`` accepted as another word for it), ``-o/--uitvoer`` for a
file to write, ``--grip N`` as a filter, ``--accounthouder`` by id or name. Options that
may repeat say so in their help; the others are refused when given twice
(``rawargs.check_repeats``): click would silently keep the last one.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._types import TyperChoice

from partnerbeeld.cli import completion

if TYPE_CHECKING:
    from partnerbeeld.answers.query import Selection
    from partnerbeeld.reading.dataset import Dataset

# --- the dataset and the date ------------------------------------------------------------------

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Map met de dataset (partnerbeeld.yaml). Standaard: $PARTNERBEELD_DATA, "
        "anders de dichtstbijzijnde map data/ vanaf hier omhoog.",
        show_default=False,
        metavar="MAP",
    ),
]
PeildatumOption = Annotated[
    str | None,
    typer.Option(
        "--peildatum",
        help="Datum (JJJJ-MM-DD) waarop het overzicht betrekking heeft. Standaard: vandaag (of SOURCE_DATE_EPOCH).",
        show_default=False,
        metavar="JJJJ-MM-DD",
    ),
]

# --- output ------------------------------------------------------------------------------------

# Other words for a format, accepted everywhere: the output for people was called `tabel` in
# some commands and `tekst` in others; it is `tekst` now, and `tabel` keeps working.
FORMAT_ALIASES = {"tabel": "tekst"}


class FormatChoice(TyperChoice[str]):
    """The formats of one command, plus the other words for them (``FORMAT_ALIASES``)."""

    aliases = FORMAT_ALIASES  # read by the Dutch usage errors too: 'tabl' -> 'Bedoelde je tabel?'

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        if isinstance(value, str) and value.casefold() in FORMAT_ALIASES:
            value = FORMAT_ALIASES[value.casefold()]
        return super().convert(value, param, ctx)


def formaat_option(choices: type[StrEnum], help: str) -> Any:
    """The ``-f/--formaat`` option of a command, with its own formats (``help`` lists them)."""
    has_text = any(choice.value == "tekst" for choice in choices)
    return typer.Option(
        "--formaat",
        "-f",
        click_type=FormatChoice([c.value for c in choices], case_sensitive=False),
        help=help + (" 'tabel' mag ook voor tekst." if has_text else ""),
        show_default=False,
    )


UitvoerOption = Annotated[
    Path | None,
    typer.Option(
        "--uitvoer",
        "-o",
        help="Schrijf naar dit bestand (of in deze map, met een voorgestelde naam) in plaats van naar de uitvoer.",
        show_default=False,
        metavar="BESTAND",
    ),
]
OverschrijfOption = Annotated[bool, typer.Option("--overschrijf", help="Een bestaand bestand vervangen.")]
VertrouwelijkOption = Annotated[
    bool, typer.Option("--vertrouwelijk", help="Ook vertrouwelijke contacten gebruiken en tonen.")
]

# --- choosing partners (zoek, contactlijst, signalen, accounthouders) --------------------------

IncidentOption = Annotated[
    list[str] | None,
    typer.Option(
        "--incident",
        "-i",
        help="Incidenttype: code, alias of naam (bijv. overstroming, brand). "
        "Herhaalbaar: -i brand -i gaslek = wie bij een van beide betrokken is.",
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
    list[str] | None,
    typer.Option(
        "--team",
        help="Alleen partners met een plaats in dit team (meldkamer, copi, rot, bt, rbt). "
        "Herhaalbaar: --team rot --team copi = in een van beide.",
        metavar="TEAM",
        show_default=False,
        autocompletion=completion.teams,
    ),
]
GemeenteOption = Annotated[
    list[str] | None,
    typer.Option(
        "--gemeente",
        help="Alleen partners die in deze gemeente werken (id of naam). Herhaalbaar: in een van de gemeenten.",
        metavar="GEMEENTE",
        show_default=False,
        autocompletion=completion.municipalities,
    ),
]
ProfielOption = Annotated[
    list[str] | None,
    typer.Option(
        "--profiel",
        help="Alleen partners met dit partnerprofiel. Herhaalbaar: met een van de profielen.",
        metavar="PROFIEL",
        show_default=False,
        autocompletion=completion.profiles,
    ),
]
ModusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--modus",
        help="Alleen partners met deze samenwerkingsvorm "
        "(alarmeren, informeren, advies, liaison, uitvoering, bijstand). Herhaalbaar: met een van de vormen.",
        metavar="MODUS",
        show_default=False,
        autocompletion=completion.modes,
    ),
]
AccounthouderOption = Annotated[
    str | None,
    typer.Option(
        "--accounthouder",
        help="Alleen wat deze accounthouder aangaat: id, naam of een uniek deel van de naam (bijv. jansen).",
        show_default=False,
        metavar="WIE",
        autocompletion=completion.account_holders,
    ),
]
SectorOption = Annotated[
    str | None,
    typer.Option(
        "--sector",
        metavar="CODE",
        help="Sector als code, een van de sectoren in de data (bijv. waterbeheer).",
        show_default=False,
    ),
]


def selection(
    dataset: Dataset,
    incident: list[str] | None,
    grip: int | None,
    team: list[str] | None,
    gemeente: list[str] | None,
    profiel: list[str] | None,
    modus: list[str] | None,
    *,
    tekst: str | None = None,
    accounthouder: str | None = None,
    vertrouwelijk: bool = False,
) -> Selection:
    """The library's Selection from the options as typed (named as the options are); team, mode
    and account holder checked with Dutch suggestions. Repeated values count once."""
    from partnerbeeld.answers.query import Selection, parse_mode, parse_team, resolve_account_holder

    return Selection(
        incident_types=tuple(dict.fromkeys(incident or ())),
        grip=grip,
        teams=tuple(dict.fromkeys(parse_team(t) for t in team or ())),
        municipalities=tuple(dict.fromkeys(gemeente or ())),
        profiles=tuple(dict.fromkeys(profiel or ())),
        modes=tuple(dict.fromkeys(parse_mode(m) for m in modus or ())),
        account_holder=resolve_account_holder(dataset, accounthouder) if accounthouder else accounthouder,
        text=tekst,
        confidential=vertrouwelijk,
    )
