"""`partnerbeeld wijzigingen`: what changed in the data since an earlier version in git."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from partnerbeeld.cli.common import say, write_for_people, write_json
from partnerbeeld.cli.options import DataOption, formaat_option
from partnerbeeld.infra.errors import ExitStatus


class WijzigingenFormaat(StrEnum):
    TEKST = "tekst"
    MD = "md"
    JSON = "json"


def wijzigingen(
    sinds: Annotated[
        str | None,
        typer.Option(
            "--sinds",
            metavar="REF",
            show_default=False,
            help="Git-versie om mee te vergelijken: branch, tag of commit (main, v1.0, HEAD~1). Standaard: "
            "waar deze branch van main (of master) afsplitst; op main zelf: de laatste commit (HEAD).",
        ),
    ] = None,
    formaat: Annotated[
        WijzigingenFormaat,
        formaat_option(WijzigingenFormaat, "Uitvoer: tekst, md (Markdown voor een pull request) of json."),
    ] = WijzigingenFormaat.TEKST,
    vertrouwelijk: Annotated[
        bool, typer.Option("--vertrouwelijk", help="Toon ook de waarden van vertrouwelijke contacten.")
    ] = False,
    data: DataOption = None,
) -> None:
    """Toon wat er inhoudelijk in de dataset is veranderd sinds een eerdere versie in git.

    Voorbeeld: partnerbeeld wijzigingen --sinds main --formaat md
    """
    from partnerbeeld.answers.changes import changes_since
    from partnerbeeld.reading.loading import find_root
    from partnerbeeld.views import changes as view

    report = changes_since(find_root(data), sinds, confidential=vertrouwelijk)
    if formaat is WijzigingenFormaat.JSON:
        write_json(view.as_json(report))
    elif formaat is WijzigingenFormaat.MD:
        write_for_people(view.as_markdown(report))
    else:
        write_for_people(view.as_text(report))
    if report.unreadable:  # the comparison is incomplete: a script must be able to tell
        count = len(report.unreadable)
        noun = "bestand of map" if count == 1 else "bestanden of mappen"
        say([f"LET OP: onvolledig: {count} {noun} niet vergeleken (zie de uitvoer); exitcode 1."])
        raise typer.Exit(int(ExitStatus.DATA_ERRORS))
