"""`partnerbeeld contactlijst`: printable and importable contact lists."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerbeeld.cli.common import dash_is_stdout, load_for_reading, output_format, peildatum, say
from partnerbeeld.cli.options import (
    AccounthouderOption,
    DataOption,
    GemeenteOption,
    GripOption,
    IncidentOption,
    ModusOption,
    OverschrijfOption,
    PeildatumOption,
    ProfielOption,
    TeamOption,
    UitvoerOption,
    formaat_option,
    selection,
)
from partnerbeeld.infra.errors import UsageError

if TYPE_CHECKING:
    from partnerbeeld.answers.contactlist import ContactList


class Formaat(StrEnum):
    HTML = "html"
    PDF = "pdf"
    MD = "md"
    CSV = "csv"  # RFC 4180 for programs
    CSV_EXCEL = "csv-excel"  # Dutch Excel: BOM, ';', formulas defused
    VCF = "vcf"
    JSON = "json"


EXTENSIONS = {
    Formaat.HTML: "html",
    Formaat.PDF: "pdf",
    Formaat.MD: "md",
    Formaat.CSV: "csv",
    Formaat.CSV_EXCEL: "csv",
    Formaat.VCF: "vcf",
    Formaat.JSON: "json",
}
# -o FILE without --formaat: the extension decides; a .csv is for people, so Excel's flavour
BY_EXTENSION = {
    ".html": Formaat.HTML,
    ".htm": Formaat.HTML,
    ".pdf": Formaat.PDF,
    ".md": Formaat.MD,
    ".csv": Formaat.CSV_EXCEL,
    ".vcf": Formaat.VCF,
    ".json": Formaat.JSON,
}


def contactlijst(
    incident: IncidentOption = None,
    team: TeamOption = None,
    grip: GripOption = None,
    gemeente: GemeenteOption = None,
    profiel: ProfielOption = None,
    modus: ModusOption = None,
    accounthouder: AccounthouderOption = None,
    formaat: Annotated[
        Formaat | None,
        formaat_option(
            Formaat,
            "html, pdf, md (Markdown), csv (RFC 4180, voor programma's), csv-excel (Nederlandse Excel), "
            "vcf (vCard) of json. Standaard: volgens de extensie van -o, anders md.",
        ),
    ] = None,
    uitvoer: UitvoerOption = None,
    overschrijf: OverschrijfOption = False,
    sjablonen: Annotated[
        Path | None,
        typer.Option(
            "--sjablonen",
            help="Map met eigen sjablonen (contactlijst.html.j2, contactlijst.css) voor html en pdf; "
            "de markeringen op elke pagina komen uit print.css.",
            show_default=False,
            metavar="MAP",
        ),
    ] = None,
    vertrouwelijk: Annotated[
        bool,
        typer.Option(
            "--vertrouwelijk", help="Ook vertrouwelijke contacten opnemen; elke pagina zegt dan VERTROUWELIJK."
        ),
    ] = False,
    kort: Annotated[
        bool,
        typer.Option(
            "--kort",
            help="Alleen de samenvatting: per partner één regel met het nummer dat je eerst belt "
            "(html, pdf, md); in csv, vcf en json alleen dat ene contact per partner.",
        ),
    ] = False,
    peildatum_: PeildatumOption = None,
    data: DataOption = None,
) -> int:
    """Maak een contactlijst om af te drukken, te delen of in een telefoon te laden.

    Voorbeeld: partnerbeeld contactlijst --incident overstroming --formaat pdf -o .

    Voorbeeld: partnerbeeld contactlijst -i brand -i gaslek --team copi --formaat md
    """
    from partnerbeeld.answers.contactlist import build_contact_list

    uitvoer = dash_is_stdout(uitvoer)
    chosen = output_format(formaat, uitvoer, BY_EXTENSION, EXTENSIONS, Formaat.MD)
    if sjablonen is not None:  # also for formats without templates: a typo is a typo
        from partnerbeeld.views.templating import search_path

        search_path(sjablonen)
    reference = peildatum(peildatum_)
    # every text format shows control and bidi characters escaped; JSON, HTML and PDF escape by their own rules
    text_format = chosen in (Formaat.MD, Formaat.CSV, Formaat.CSV_EXCEL, Formaat.VCF)
    reading = load_for_reading(data, roles_only=True, for_people=text_format)
    dataset = reading.dataset
    chosen_partners = selection(
        dataset,
        incident,
        grip,
        team,
        gemeente,
        profiel,
        modus,
        accounthouder=accounthouder,
        vertrouwelijk=vertrouwelijk,
    )
    contact_list = build_contact_list(
        dataset, chosen_partners, reference, incomplete=reading.skipped_names(), short=kort
    )
    target = None
    if uitvoer is not None:
        from partnerbeeld.infra.outputs import refuse_inside_dataset

        target = uitvoer / contact_list.file_name(EXTENSIONS[chosen]) if uitvoer.is_dir() else uitvoer
        refuse_inside_dataset(target, dataset.root)
    if uitvoer is None and chosen is Formaat.PDF and sys.stdout.isatty():
        name = contact_list.file_name("pdf")
        raise UsageError(
            "Een PDF is binair en wordt niet naar de terminal geschreven.",
            f"Geef -o . voor {name},\n  of -o BESTAND, of stuur de uitvoer door: ... > lijst.pdf",
        )
    if chosen is Formaat.PDF:
        contact_list.refuse_if_too_long_to_print()
    content = _render(contact_list, chosen, sjablonen)
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return reading.status
    from partnerbeeld.infra.atomic import write_atomic

    write_atomic(target, content, overwrite=overschrijf)
    count = len(contact_list.partners)
    mark = ", VERTROUWELIJK" if contact_list.confidential else ""
    print(f"Geschreven: {target} ({count} {'partner' if count == 1 else 'partners'}{mark}).", file=sys.stderr)
    if contact_list.confidential:
        from partnerbeeld.infra.outputs import confidential_git_warning

        if warning := confidential_git_warning(target):
            say(warning)
    return reading.status


def _render(contact_list: ContactList, formaat: Formaat, sjablonen: Path | None) -> bytes:
    """The bytes of one format; each view is imported only when it is asked for."""
    if formaat in (Formaat.HTML, Formaat.PDF):
        from partnerbeeld.views.html import contact_list_html

        html = contact_list_html(contact_list, sjablonen)
        if formaat is Formaat.HTML:
            return html.encode("utf-8")
        from partnerbeeld.views.pdf import html_to_pdf
        from partnerbeeld.views.templating import default_template_dir

        return html_to_pdf(html, sjablonen or default_template_dir())
    if formaat in (Formaat.CSV, Formaat.CSV_EXCEL):
        from partnerbeeld.views.csvtable import contact_list_csv

        return contact_list_csv(contact_list, excel=formaat is Formaat.CSV_EXCEL).encode("utf-8")
    if formaat is Formaat.VCF:
        from partnerbeeld.views.vcard import contact_list_vcf

        return contact_list_vcf(contact_list).encode("utf-8")
    if formaat is Formaat.JSON:
        from partnerbeeld.views.jsondoc import dump

        return dump(contact_list.as_dict()).encode()
    from partnerbeeld.infra.safetext import guard
    from partnerbeeld.views.markdown import contact_list_markdown

    return guard(contact_list_markdown(contact_list)).encode("utf-8")
