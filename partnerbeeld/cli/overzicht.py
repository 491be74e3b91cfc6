"""`partnerbeeld overzicht`: the partner picture, crisis types against partners."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from partnerbeeld.cli.common import dash_is_stdout, load_for_reading, output_format, peildatum
from partnerbeeld.cli.options import DataOption, OverschrijfOption, PeildatumOption, UitvoerOption, formaat_option
from partnerbeeld.cli.streams import terminal_width


class Formaat(StrEnum):
    TEKST = "tekst"
    HTML = "html"
    JSON = "json"


EXTENSIONS = {Formaat.TEKST: "txt", Formaat.HTML: "html", Formaat.JSON: "json"}
# -o FILE without --formaat: the extension decides
BY_EXTENSION = {".txt": Formaat.TEKST, ".html": Formaat.HTML, ".htm": Formaat.HTML, ".json": Formaat.JSON}


class Per(StrEnum):
    SECTOR = "sector"
    PROFIEL = "profiel"


def overzicht(
    per: Annotated[
        Per,
        typer.Option("--per", help="Partners groeperen per sector of per profiel.", case_sensitive=False),
    ] = Per.SECTOR,
    detail: Annotated[
        bool, typer.Option("--detail", help="Ook alle incidenttypen onder de crisistypen tonen.")
    ] = False,
    # --grip N filters in zoek and contactlijst; here the display switch has its own name
    toon_grip: Annotated[
        bool,
        typer.Option(
            "--toon-grip",
            help="In elke cel het vroegste GRIP-niveau tonen (in de terminal in plaats van het aantal).",
        ),
    ] = False,
    oude_grip: Annotated[
        bool,
        # the switch's old name, still accepted so existing scripts keep working; not in --help
        typer.Option("--grip", hidden=True),
    ] = False,
    formaat: Annotated[
        Formaat | None,
        formaat_option(
            Formaat,
            "tekst (past in 80 kolommen), html (volledige matrix, één pagina) of json. "
            "Standaard: wat de naam na -o zegt, anders tekst.",
        ),
    ] = None,
    uitvoer: UitvoerOption = None,
    overschrijf: OverschrijfOption = False,
    peildatum_: PeildatumOption = None,
    data: DataOption = None,
) -> int:
    """Het partnerbeeld: per crisistype hoe sterk elke sector (of elk profiel) betrokken is.

    Voorbeeld: partnerbeeld overzicht --formaat html -o overzicht.html
    """
    from partnerbeeld.answers.overview import GroupBy, build_overview
    from partnerbeeld.infra.gitinfo import data_version
    from partnerbeeld.views import overview as view

    if oude_grip:
        print(
            "let op: 'overzicht --grip' heet nu '--toon-grip'; --grip N filtert in zoek en contactlijst.",
            file=sys.stderr,
        )
        toon_grip = True
    uitvoer = dash_is_stdout(uitvoer)
    chosen = output_format(formaat, uitvoer, BY_EXTENSION, EXTENSIONS, Formaat.TEKST)
    reference = peildatum(peildatum_)
    from partnerbeeld.infra.safetext import guard

    reading = load_for_reading(data, roles_only=True, for_people=chosen is Formaat.TEKST)
    dataset = reading.dataset
    if uitvoer is not None:
        from partnerbeeld.infra.outputs import refuse_inside_dataset

        refuse_inside_dataset(uitvoer, dataset.root)
    picture = build_overview(dataset, reference, GroupBy(per.value), detail)
    version = data_version(dataset.root)
    if chosen is Formaat.HTML:
        content = view.as_html(picture, version, toon_grip)
    elif chosen is Formaat.JSON:
        content = view.as_json(picture, version)
    else:
        from partnerbeeld.views.colour import Palette, palette_for

        palette = palette_for(sys.stdout) if uitvoer is None else Palette()
        width = terminal_width() if uitvoer is None else 80
        content = guard(view.as_text(picture, version, palette, width, toon_grip))
    if uitvoer is None:
        sys.stdout.write(content)
        return reading.status
    from partnerbeeld.infra.atomic import write_atomic

    write_atomic(uitvoer, content, overwrite=overschrijf)
    print(f"Geschreven: {uitvoer} ({len(picture.partners)} partners).", file=sys.stderr)
    return reading.status
