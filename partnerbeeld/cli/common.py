"""What every command shares: the dataset option, the reference date, printing problems."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerbeeld.clock import parse_date, reference_date

if TYPE_CHECKING:  # the dataset (pydantic, yaml) loads inside the commands, not for --help
    from partnerbeeld.dataset import Dataset
    from partnerbeeld.findings import Finding

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Map met de dataset (partnerbeeld.yaml). Standaard: $PARTNERBEELD_DATA, "
        "anders de dichtstbijzijnde map data/ vanaf hier omhoog.",
        show_default=False,
        file_okay=False,
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


def peildatum(value: str | None) -> dt.date:
    """The reference date from --peildatum, SOURCE_DATE_EPOCH or today."""
    return reference_date(parse_date(value) if value else None)


def load_for_reading(data: Path | None) -> Dataset:
    """Open the dataset for a read-only command; warn on stderr when records were left out."""
    from partnerbeeld.dataset import open_dataset

    dataset, findings = open_dataset(data)
    warn_about_errors(findings)
    return dataset


def warn_about_errors(findings: list[Finding]) -> None:
    from partnerbeeld.findings import Severity

    errors = [f for f in findings if f.severity is Severity.FOUT]
    if errors:
        files = len({f.file for f in errors})
        noun = "bestand" if files == 1 else "bestanden"
        print(f"let op: {files} {noun} met fouten overgeslagen; draai 'partnerbeeld valideer'.", file=sys.stderr)


def fail(message: str, hint: str = "") -> None:
    """Print a Dutch problem to stderr (used by ``main`` for every known failure)."""
    print(f"fout: {message}", file=sys.stderr)
    if hint:
        print(f"  {hint}", file=sys.stderr)
