"""`partnerbeeld schema`: the JSON Schemas editors use, written next to the data or checked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from partnerbeeld.cli.common import shown_path
from partnerbeeld.cli.options import DataOption
from partnerbeeld.infra.errors import DatasetUnreadable, ExitStatus, UsageError


def _schema_folder(uit: Path | None, data: Path | None) -> Path:
    if uit is not None and uit.exists() and not uit.is_dir():
        raise UsageError(f"{uit} is een bestand, geen map.", "Geef met -o een map voor de schema's.")
    from partnerbeeld.model.schemas import default_folder
    from partnerbeeld.reading.loading import find_root

    if uit is None:
        return default_folder(find_root(data))
    from partnerbeeld.infra.atomic import is_in_system_folder

    if is_in_system_folder(uit):
        raise UsageError(f"{uit} ligt in een systeemmap; daar maakt partnerbeeld niets aan.", "Kies een gewone map.")
    try:
        root = find_root(data).resolve()
    except DatasetUnreadable:
        return uit  # no dataset here: nothing to keep the schemas out of
    if uit.resolve() == root or uit.resolve().is_relative_to(root):
        raise UsageError(
            f"{uit} ligt in de dataset; schema's horen daar niet.",
            "Kies een map buiten de dataset, bijv. schemas/ ernaast (de standaard).",
        )
    return uit


def schema(
    uitvoer: Annotated[
        Path | None,
        typer.Option(
            "--uitvoer",
            "-o",
            metavar="MAP",
            show_default=False,
            help="Map voor de schema's. Standaard: schemas/ naast de datamap (waar de bestanden naar verwijzen).",
        ),
    ] = None,
    uit: Annotated[
        Path | None,
        # the old name of -o/--uitvoer, still accepted so scripts keep working; not in --help
        typer.Option("--uit", metavar="MAP", hidden=True, show_default=False),
    ] = None,
    controleer: Annotated[
        bool,
        typer.Option("--controleer", help="Schrijf niets; exitcode 1 als de schema's in de map niet meer kloppen."),
    ] = False,
    data: DataOption = None,
) -> None:
    """Schrijf de JSON Schema's voor editors (hulp bij elk veld, aanvulling, controle tijdens typen).

    Voorbeeld: partnerbeeld schema --controleer
    """
    from partnerbeeld.infra.atomic import write_atomic
    from partnerbeeld.model.schemas import render_all, stale

    if uit is not None and uitvoer is not None:
        raise UsageError("--uit en --uitvoer zijn hetzelfde; geef er één.", "Gebruik -o/--uitvoer.")
    folder = _schema_folder(uitvoer or uit, data)
    outdated = stale(folder)
    if controleer:
        for name in outdated:
            print(f"verouderd of ontbrekend: {shown_path(folder / name)}")
        if outdated:
            print("Draai 'partnerbeeld schema' en leg de nieuwe schema's vast.", file=sys.stderr)
            raise typer.Exit(int(ExitStatus.DATA_ERRORS))
        print(f"De schema's in {shown_path(folder)} zijn actueel.")
        return
    rendered = render_all()
    folder.mkdir(parents=True, exist_ok=True)
    for name in outdated:
        write_atomic(folder / name, rendered[name], overwrite=True)
    if outdated:
        print(f"{len(outdated)} van {len(rendered)} schema's bijgewerkt in {shown_path(folder)}.")
    else:
        print(f"De {len(rendered)} schema's in {shown_path(folder)} waren al actueel; niets geschreven.")
