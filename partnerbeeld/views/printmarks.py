"""What every printed page says, for templates/print.css: the page markings as plain values.

One value per page kind: the contact list, the overview, and (issue 14) the offline
site build a ``PageMarks`` and pass it to their template as ``marks``; print.css turns
it into the @page margin boxes that WeasyPrint and Chromium both print on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partnerbeeld.answers.contactlist import ContactList
    from partnerbeeld.answers.overview import Overview
    from partnerbeeld.infra.gitinfo import DataVersion


@dataclass(frozen=True, slots=True)
class PageMarks:
    title: str  # top left, first line
    subtitle: str  # top left, second line ('' for none): the region
    classification: str  # bottom left
    date_text: str  # top right, after 'Peildatum '
    version: str  # the data version's label, bottom right
    confidential: bool = False  # VERTROUWELIJK top centre
    warning: str = ""  # after VERTROUWELIJK: 'ONVOLLEDIG' when files were left out
    size: str = "A4"  # the @page size


def for_contact_list(contact_list: ContactList) -> PageMarks:
    return PageMarks(
        title=contact_list.running_title,
        subtitle=contact_list.region,
        classification=contact_list.classification,
        date_text=contact_list.date_text,
        version=contact_list.data_version.label,
        confidential=contact_list.confidential,
        warning="ONVOLLEDIG" if contact_list.incomplete else "",
    )


def for_overview(overview: Overview, version: DataVersion) -> PageMarks:
    """A4 landscape fits the crisis types; --detail (every incident type) needs A3 landscape."""
    return PageMarks(
        title="Partnerbeeld: alle incidenttypen" if overview.detail else "Partnerbeeld",
        subtitle=overview.region,
        classification=overview.classification,
        date_text=overview.reference_date.isoformat(),
        version=version.label,
        size="A3 landscape" if overview.detail else "A4 landscape",
    )
