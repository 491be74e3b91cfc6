"""`partnerbeeld init`: a new dataset for a region."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from partnerbeeld.cli.common import shown_path
from partnerbeeld.infra.errors import UsageError


def init(
    map_: Annotated[
        Path,
        typer.Argument(metavar="MAP", show_default=False, help="Nieuwe of lege map voor de datarepository."),
    ],
    regio: Annotated[
        str,
        typer.Option(
            "--regio", metavar="NAAM", show_default=False, help='Naam van de regio, bijv. "Veiligheidsregio Utrecht".'
        ),
    ],
    gemeenten: Annotated[
        Path | None,
        typer.Option(
            "--gemeenten",
            metavar="BESTAND",
            show_default=False,
            help="De gemeenten: één naam per regel, of CSV met id en naam. Zonder: een lege lijst met uitleg.",
        ),
    ] = None,
    korte_naam: Annotated[
        str | None,
        typer.Option(
            "--korte-naam", metavar="AFKORTING", show_default=False, help="Korte naam. Standaard: VR + beginletters."
        ),
    ] = None,
    git: Annotated[bool, typer.Option("--git", help="Maak er ook een git-repository van (git init).")] = False,
) -> None:
    """Maak een nieuwe, geldige dataset voor een regio: instellingen, incidenttypen, profielen, schema's.

    Voorbeeld: partnerbeeld init vru --regio "Veiligheidsregio Utrecht" --gemeenten gemeenten.txt --git
    """
    from partnerbeeld.answers.starter import create_dataset, read_municipalities

    municipalities = read_municipalities(gemeenten) if gemeenten is not None else []
    if not regio.strip():  # said here with the option's name; create_dataset refuses it too
        raise UsageError("--regio is leeg.", 'Geef de naam van de regio, bijv. --regio "Veiligheidsregio Utrecht".')
    made = create_dataset(map_, regio, municipalities, short_name=korte_naam, git=git)
    data = shlex.quote(shown_path(made.folder / "data"))
    print(f"Nieuwe dataset voor {made.region} ({made.short_name}) in {shown_path(made.folder)}/:")
    shown = f"{made.municipalities} gemeenten" if made.municipalities else "nog geen gemeenten (vul ze in)"
    print(f"  data/partnerbeeld.yaml    regio, rubricering, drempels, {shown}")
    print(f"  data/incidenttypes.yaml   {made.incident_types} incidenttypen, {made.aliases} aliassen")
    print(f"  data/profiles/            {made.profiles} standaardprofielen (een startpunt)")
    print("  data/accountholders.yaml  nog leeg; partners/, covenants/, exercises/, plans/ leeg")
    print("  schemas/, README.md, .gitignore, .pre-commit-config.yaml, CI-voorbeelden")
    if git:
        print("  git-repository aangemaakt" if made.git else "  LET OP: git init lukte niet (is git geïnstalleerd?)")
    print("Verder:")
    if not made.municipalities:
        print(f"  vul de gemeenten in: {shown_path(made.folder / 'data' / 'partnerbeeld.yaml')}")
    print(f"  partnerbeeld importeer partners.xlsx --data {data} --droog")
    print(f"  partnerbeeld valideer --data {data}")
