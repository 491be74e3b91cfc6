"""`partnerbeeld site`: the partner picture as an offline, searchable website."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from partnerbeeld.cli.common import DataOption, PeildatumOption, load_for_reading, peildatum
from partnerbeeld.infra.errors import UsageError

if TYPE_CHECKING:
    from partnerbeeld.site.build import Progress


def site(
    uitvoer: Annotated[
        Path,
        typer.Option(
            "--uitvoer",
            "-o",
            help="Map voor de site; wordt in één keer vervangen. Een map die partnerbeeld niet maakte, "
            "alleen met --overschrijf.",
            show_default=False,
            metavar="MAP",
        ),
    ],
    vertrouwelijk: Annotated[
        bool,
        typer.Option(
            "--vertrouwelijk", help="Ook vertrouwelijke contacten opnemen; elke pagina zegt dan VERTROUWELIJK."
        ),
    ] = False,
    overschrijf: Annotated[
        bool, typer.Option("--overschrijf", help="Een bestaande map vervangen die partnerbeeld niet maakte.")
    ] = False,
    peildatum_: PeildatumOption = None,
    data: DataOption = None,
) -> int:
    """Maak een website om offline te doorzoeken: incidenttypen, partners, signalen, agenda.

    Open daarna index.html in de map met een browser; zie docs/site.md.

    Voorbeeld: partnerbeeld site -o site
    """
    from partnerbeeld.infra.gitinfo import data_version
    from partnerbeeld.site import SiteOptions, build_site
    from partnerbeeld.site.folder import check_target

    if str(uitvoer) == "-":
        raise UsageError("Een site is een map met pagina's; die kan niet naar de uitvoer.", "Geef met -o een map.")
    check_target(uitvoer, overschrijf)  # before loading: a wrong folder is said at once
    reference = peildatum(peildatum_)
    # every text value with control and bidi characters shown escaped, as in every output for
    # people: HTML escaping alone leaves them to reorder a name, and the agenda files are plain text
    reading = load_for_reading(data, for_people=True)
    dataset = reading.dataset
    options = SiteOptions(reference, data_version(dataset.root), vertrouwelijk, reading.skipped_names())
    with _progress() as progress:
        built = build_site(dataset, uitvoer, options, overwrite=overschrijf, progress=progress)
    mark = ", VERTROUWELIJK" if vertrouwelijk else ""
    print(
        f"Geschreven: {built.folder}/index.html ({built.pages} pagina's, {built.partners} partners, "
        f"{built.incident_types} incidenttypen{mark}).",
        file=sys.stderr,
    )
    return reading.status


class _progress:
    """A rich progress bar on a terminal; nothing at all when stderr is a pipe or a file."""

    def __enter__(self) -> Progress | None:
        if not sys.stderr.isatty():
            return None
        from rich.console import Console
        from rich.progress import Progress as Bar

        self.bar: Any = Bar(console=Console(stderr=True), transient=True)
        self.bar.__enter__()
        self.task: Any = None

        def step(label: str, total: int) -> None:
            if label:
                self.task = self.bar.add_task(label, total=total)
            elif self.task is not None:
                self.bar.advance(self.task, total)

        return step

    def __exit__(self, *exc: object) -> None:
        if sys.stderr.isatty():
            self.bar.__exit__(*exc)
