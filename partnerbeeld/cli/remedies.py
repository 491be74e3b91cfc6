"""The command line's words for a library error's remedy: the options that fix it.

The library says what is wrong and, as a ``Remedy``, what would help; only here does
that become ``--overschrijf`` or ``-o``. ``tests/test_remedies.py`` checks that every
remedy has its words and that no library error names an option itself.
"""

from __future__ import annotations

from partnerbeeld.infra.errors import PartnerbeeldError, Remedy

_PDF_ALTERNATIVE = "kies --formaat html en druk af vanuit de browser."

WORDS: dict[Remedy, str] = {
    Remedy.FILE_NOT_FOLDER: "Geef een bestandsnaam met -o.",
    Remedy.REGULAR_FILE: "Kies een gewone bestandsnaam, of -o - voor de standaarduitvoer.",
    Remedy.OVERWRITE: "Gebruik --overschrijf om het te vervangen, of kies een andere naam.",
    Remedy.OVERWRITE_FOLDER: "Kies een nieuwe of lege map, of gebruik --overschrijf om haar hele inhoud te vervangen.",
    Remedy.TEMPLATE_FOLDER: "Geef een bestaande map met --sjablonen.",
    Remedy.REFERENCE_DATE: "Geef een aantal seconden sinds 1970-01-01, of gebruik --peildatum JJJJ-MM-DD.",
    Remedy.DATA_FOLDER: "Geef met --data of PARTNERBEELD_DATA de map met partnerbeeld.yaml (meestal data/).",
    Remedy.DATA_FOLDER_MISSING: "Geef met --data of PARTNERBEELD_DATA de map met partnerbeeld.yaml.",
    Remedy.DATA_NOT_FOUND: "Geef de map met --data, zet PARTNERBEELD_DATA, of ga naar een map met data/.",
    Remedy.FILES_OUTSIDE_DATASET: "Geef bestanden in de datamap, of wijs met --data de dataset aan waar ze in staan.",
    Remedy.REVISION: (
        "Bijvoorbeeld --sinds main, --sinds HEAD~1 of --sinds v1.0; in CI eerst 'git fetch' van de doelbranch."
    ),
    Remedy.RECORD_ID: "Kies een ander id met --id, of pas het bestaande bestand aan.",
    Remedy.HIDDEN_SHEET: (
        "Maak het blad zichtbaar in Excel als je het echt wilt inlezen, of kies een ander blad met --blad."
    ),
    Remedy.PDF_WITHOUT_WEASYPRINT: f"Installeer het met 'pip install weasyprint', of {_PDF_ALTERNATIVE}",
    Remedy.PDF_WITHOUT_PANGO: (
        f"Installeer Pango: 'apt-get install libpango-1.0-0 libpangoft2-1.0-0' (Debian/Ubuntu), of {_PDF_ALTERNATIVE}"
    ),
    Remedy.NARROWER_SELECTION: (
        "Kies een smallere selectie (--incident, --grip, --gemeente, --team, --profiel, --accounthouder),\n"
        "of een formaat zonder opmaak per pagina: html, csv of vcf."
    ),
    Remedy.NEW_RECORD_OPTION: "Pas de optie aan; zie 'partnerbeeld nieuw --help'.",
    Remedy.OUTSIDE_DATASET: (
        "Kies een plek buiten de datamap, bijv. -o . vanuit de map erboven, of -o - voor de uitvoer."
    ),
    Remedy.SITE_FOLDER: "Geef met -o een map voor de site.",
}


def hint(error: PartnerbeeldError) -> str:
    """The hint a user of the command line reads: the remedy in option words, else the library's hint."""
    return WORDS[error.remedy] if error.remedy is not None else error.hint
