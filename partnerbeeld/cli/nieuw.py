"""`partnerbeeld nieuw`: a new partner, profile, covenant or exercise file."""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from partnerbeeld.cli.common import peildatum, shown_path
from partnerbeeld.cli.options import DataOption, SectorOption
from partnerbeeld.infra.errors import ExitStatus, UsageError
from partnerbeeld.model.vocabulary import CovenantStatus, ExerciseKind

if TYPE_CHECKING:
    from partnerbeeld.answers.scaffold import Draft


class Soort(StrEnum):
    PARTNER = "partner"
    PROFIEL = "profiel"
    CONVENANT = "convenant"
    OEFENING = "oefening"


# option -> (Draft field, the kinds it belongs to)
_OPTIONS = {
    "--sector": ("sector", {"partner"}),
    "--profiel": ("profiles", {"partner"}),
    "--accounthouder": ("account_holder", {"partner", "convenant"}),
    "--partner": ("partners", {"convenant", "oefening"}),
    "--status": ("status", {"convenant"}),
    "--datum": ("date", {"oefening"}),
    "--oefenvorm": ("exercise_kind", {"oefening"}),
    "--incidenttype": ("incident_types", {"oefening"}),
    "--convenant": ("covenant", {"oefening"}),
}
_OPTION_OF = {"name": "--naam", **{field: option for option, (field, _) in _OPTIONS.items()}}
_PROMPTS = {
    "id": "Id",
    "name": "Naam (of titel)",
    "sector": "Sector (code, bijv. waterbeheer)",
    "partners": "Partners (ids, gescheiden door komma's)",
    "date": "Datum (JJJJ-MM-DD)",
    "exercise_kind": "Soort oefening (" + ", ".join(k.value for k in ExerciseKind) + ")",
}


def _ask(field: str, default: str = "") -> Any:
    """Ask for one required field until the answer is usable."""
    from partnerbeeld.answers.scaffold import check_slug
    from partnerbeeld.infra.clock import parse_date

    while True:
        answer = typer.prompt(_PROMPTS[field], default=default or None).strip()
        try:
            if field == "partners":
                partners = tuple(p.strip() for p in answer.split(",") if p.strip())
                if not partners:
                    raise ValueError(field)
                return partners
            if field == "date":
                return parse_date(answer)
            if field == "exercise_kind":
                return ExerciseKind(answer.lower()).value
            if field in ("sector", "id"):
                return check_slug(answer, "id" if field == "id" else "sectorcode")
            if not answer:
                raise ValueError(field)
            return answer
        except (UsageError, ValueError):
            print(f"'{answer}' is niet bruikbaar; probeer het opnieuw.", file=sys.stderr)


def _draft(soort: Soort, given: dict[str, Any], record_id: str | None) -> Draft:
    from partnerbeeld.answers.scaffold import Draft, propose_id

    wrong = [option for option, (field, kinds) in _OPTIONS.items() if given.get(field) and soort not in kinds]
    if wrong:
        raise UsageError(f"{', '.join(wrong)} hoort niet bij 'nieuw {soort}'.", "Zie 'partnerbeeld nieuw --help'.")
    draft = Draft(kind=soort.value, **{k: v for k, v in given.items() if v})
    missing = draft.missing()
    interactive = sys.stdin.isatty()
    if missing and not interactive:
        options = ", ".join(_OPTION_OF[m] for m in missing)
        raise UsageError(
            f"Ontbrekende opties voor 'nieuw {soort}': {options}.",
            "Geef ze mee, of draai de opdracht in een terminal om ze te laten vragen.",
        )
    answers = {field: _ask(field) for field in missing}
    draft = Draft(kind=soort.value, **{k: v for k, v in given.items() if v}, **answers)
    proposal = propose_id(draft.name)
    if record_id is None and interactive:
        record_id = _ask("id", default=proposal)
    return Draft(**{**draft.__dict__, "id": record_id or proposal})


def _known(data: Path | None, sector: str | None, holder: str | None) -> tuple[str | None, str | None]:
    """--sector checked against the sectors in the data; --accounthouder as an id (from a name or part)."""
    if sector is None and holder is None:
        return sector, holder
    from partnerbeeld.answers.opening import open_dataset
    from partnerbeeld.answers.query import resolve_account_holder
    from partnerbeeld.answers.scaffold import check_sector

    dataset, _ = open_dataset(data, ("partners",))
    if sector is not None:
        sector = check_sector(sector, (partner.sector for partner in dataset.partners.values()))
    if holder is not None:
        holder = resolve_account_holder(dataset, holder)
    return sector, holder


def _report(path: Path, root: Path, peildatum_: str | None) -> ExitStatus:
    """Validate the dataset with the new file in it; show what concerns the new file."""
    from partnerbeeld.answers.validation import validate
    from partnerbeeld.infra.safetext import visible
    from partnerbeeld.model.findings import Severity

    findings = [f for f in validate(root, peildatum(peildatum_)).findings if f.file.resolve() == path.resolve()]
    print(f"Nieuw bestand: {shown_path(path)}")
    if not findings:
        print("Gecontroleerd: geen fouten of waarschuwingen.")
        return ExitStatus.OK
    print(f"Gecontroleerd: {len(findings)} {'bevinding' if len(findings) == 1 else 'bevindingen'}:")
    for f in findings:
        print(f"  {f.line}:{f.column}  {f.severity}  {visible(f.message)} [{f.code}]")  # messages quote values
        if f.hint:
            print(f"      → {visible(f.hint)}")
    if any(f.severity is Severity.FOUT for f in findings):
        print("Het bestand staat er; pas het aan en draai 'partnerbeeld valideer'.", file=sys.stderr)
        return ExitStatus.DATA_ERRORS
    return ExitStatus.OK


def nieuw(
    soort: Annotated[
        Soort,
        typer.Argument(
            case_sensitive=False,
            metavar="SOORT",
            show_default=False,
            help="Wat je maakt: partner, profiel, convenant of oefening.",
        ),
    ],
    naam: Annotated[
        str | None,
        typer.Option(
            "--naam", metavar="NAAM", help="Naam (partner, profiel) of titel (convenant, oefening).", show_default=False
        ),
    ] = None,
    id_: Annotated[
        str | None,
        typer.Option(
            "--id", metavar="ID", help="Id en bestandsnaam. Standaard: afgeleid van de naam.", show_default=False
        ),
    ] = None,
    sector: SectorOption = None,
    profiel: Annotated[
        list[str] | None,
        typer.Option("--profiel", metavar="ID", help="Partner: profiel-id (herhaalbaar).", show_default=False),
    ] = None,
    accounthouder: Annotated[
        str | None,
        typer.Option(
            "--accounthouder",
            metavar="WIE",
            show_default=False,
            help="Partner, convenant: de accounthouder (id, naam of een uniek deel van de naam).",
        ),
    ] = None,
    partner: Annotated[
        list[str] | None,
        typer.Option(
            "--partner",
            metavar="ID",
            show_default=False,
            help="Convenant, oefening: partner-id (herhaalbaar, minstens één).",
        ),
    ] = None,
    status: Annotated[
        CovenantStatus | None,
        typer.Option(
            "--status", case_sensitive=False, show_default=False, help="Convenant: status (standaard concept)."
        ),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option("--datum", metavar="JJJJ-MM-DD", show_default=False, help="Oefening: datum (verplicht)."),
    ] = None,
    oefenvorm: Annotated[
        ExerciseKind | None,
        typer.Option(
            "--oefenvorm", case_sensitive=False, show_default=False, help="Oefening: soort oefening (verplicht)."
        ),
    ] = None,
    incidenttype: Annotated[
        list[str] | None,
        typer.Option(
            "--incidenttype", metavar="CODE", show_default=False, help="Oefening: incidenttypecode (herhaalbaar)."
        ),
    ] = None,
    convenant: Annotated[
        str | None,
        typer.Option("--convenant", metavar="ID", show_default=False, help="Oefening: id van het convenant."),
    ] = None,
    data: DataOption = None,
    peildatum_: Annotated[
        str | None,
        typer.Option(
            "--peildatum",
            help="Datum die het nieuwe record voorstelt voor verified_on en signed_on, en waarop het "
            "gecontroleerd wordt. Standaard: vandaag (of SOURCE_DATE_EPOCH).",
            show_default=False,
            metavar="JJJJ-MM-DD",
        ),
    ] = None,
) -> None:
    """Maak een nieuw record aan, met uitleg bij elk veld; vraagt wat ontbreekt.

    Voorbeeld: partnerbeeld nieuw partner --naam "Waterschap Voorbeeld" --sector waterbeheer
    """
    from partnerbeeld.answers.scaffold import create
    from partnerbeeld.infra.clock import parse_date
    from partnerbeeld.reading.loading import find_root

    root = find_root(data)
    given: dict[str, Any] = {
        "name": naam,
        "sector": sector,
        "profiles": tuple(profiel or ()),
        "account_holder": accounthouder,
        "partners": tuple(partner or ()),
        "status": status.value if status else None,
        "date": parse_date(datum) if datum else None,
        "exercise_kind": oefenvorm.value if oefenvorm else None,
        "incident_types": tuple(incidenttype or ()),
        "covenant": convenant,
    }
    draft = _draft(soort, given, id_)
    # checked after the draft: an option of another kind is reported first, and an answer typed
    # at the prompt is checked like an option
    sector_, holder = _known(root, draft.sector, draft.account_holder)
    draft = replace(draft, sector=sector_, account_holder=holder)
    path = create(root, draft, peildatum(peildatum_))
    status_ = _report(path, root, peildatum_)
    if status_ is not ExitStatus.OK:
        raise typer.Exit(int(status_))
