"""Print fidelity: both print routes put the same markings on every page (issue 13).

The contact list is printed twice, as a user would: the HTML from Chromium
(opened from file://, Chromium's own print path, no browser header or footer) and
the PDF from WeasyPrint; each with and without --vertrouwelijk. The overview HTML
is printed from Chromium. Every page is read back with pdftotext and checked on its
own. All browser prints happen once per module, in the run's one browser page (conftest.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from browser import (
    overlapping,
    page_size,
    pages_text,
    print_pages,
    require_poppler,
    words,
)
from builders import DatasetBuilder
from conftest import SHIPPED_DATA, TODAY
from contactlist_fixture import SCRIPT_NAME, contact_list_dataset

from partnerbeeld.answers.contactlist import build_contact_list
from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.overview import build_overview
from partnerbeeld.answers.query import Selection, select
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.views.html import contact_list_html
from partnerbeeld.views.overview import as_html
from partnerbeeld.views.pdf import html_to_pdf
from partnerbeeld.views.templating import default_template_dir

VERSION = DataVersion("abc1234", False)
LONG_EMAIL = "crisis-team.piket@hoogheemraadschap-testland.example"  # wider than the e-mail column
MODES = ("bijstand", "liaison", "informeren", "advies", "alarmeren", "uitvoering")
ROUTES = ("chromium", "weasyprint")


def _dataset(root: Path) -> Path:
    """The contact-list fixture plus enough partners for several pages, in a mixed GRIP and mode order."""
    builder = DatasetBuilder(root)
    contact_list_dataset(builder)
    for number in range(24):
        builder.partner(
            f"extra-{number:02d}",
            name=f"Extra partner {number:02d}",
            roles={"overstroming": {"modes": [MODES[number % 6]], "from_grip": 1 + number % 3}},
            contacts=[
                {"label": "Piket", "phone": f"071 000 01 {number:02d}", "available": "24/7"},
                {"label": "Liaison", "person": "Piet Geheim", "mobile": "06 00 00 00 00", "confidential": True},
                {"label": "Kantoor", "phone": "071 000 00 00", "email": LONG_EMAIL},
            ],
        )
    return builder.root


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, tab: Any) -> dict[str, Any]:
    """Every PDF the tests read: contact list by route and confidentiality, and the overview."""
    require_poppler()
    folder = tmp_path_factory.mktemp("print")
    dataset, findings = open_dataset(_dataset(folder))
    assert not findings, findings
    html_files: dict[Path, Path] = {}
    pdfs: dict[tuple[str, bool], Path] = {}
    htmls: dict[bool, str] = {}
    for confidential in (False, True):
        selection = Selection(incident_types="overstroming", confidential=confidential)
        htmls[confidential] = contact_list_html(build_contact_list(dataset, selection, TODAY, version=VERSION))
        name = "vertrouwelijk" if confidential else "gewoon"
        (folder / f"{name}.html").write_text(htmls[confidential], encoding="utf-8")
        html_files[folder / f"{name}.html"] = pdfs["chromium", confidential] = folder / f"{name}-chromium.pdf"
    shipped, _ = open_dataset(SHIPPED_DATA)
    overview = build_overview(shipped, TODAY)
    (folder / "overzicht.html").write_text(as_html(overview, VERSION), encoding="utf-8")
    html_files[folder / "overzicht.html"] = folder / "overzicht.pdf"
    shipped_list = build_contact_list(shipped, Selection(incident_types="overstroming"), TODAY, version=VERSION)
    (folder / "overstroming.html").write_text(contact_list_html(shipped_list), encoding="utf-8")
    html_files[folder / "overstroming.html"] = folder / "overstroming.pdf"
    print_pages(tab, html_files)
    for confidential, html in htmls.items():
        pdfs["weasyprint", confidential] = folder / f"{'vertrouwelijk' if confidential else 'gewoon'}-weasyprint.pdf"
        pdfs["weasyprint", confidential].write_bytes(html_to_pdf(html, default_template_dir()))
    order = [hit.partner.name for hit in select(dataset, Selection(incident_types="overstroming"))]
    return {
        "pdfs": pdfs,
        "overview": overview,
        "overview_pdf": folder / "overzicht.pdf",
        "order": order,
        "shipped_pdf": folder / "overstroming.pdf",
        "shipped_count": len(shipped_list.partners),
    }


def _pages(printed: dict[str, Any], route: str, confidential: bool) -> list[str]:
    return pages_text(printed["pdfs"][route, confidential])


@pytest.mark.parametrize("confidential", [False, True], ids=["gewoon", "vertrouwelijk"])
@pytest.mark.parametrize("route", ROUTES)
def test_every_page_of_the_contact_list_carries_the_markings(printed, route: str, confidential: bool) -> None:
    pages = _pages(printed, route, confidential)
    assert len(pages) >= 3  # the summary, then at least two pages of details
    for number, page in enumerate(pages, start=1):
        where = f"{route}, pagina {number}"
        assert "Contactlijst Overstroming" in page, where
        assert "Veiligheidsregio Testland" in page, where
        assert "Testrubricering" in page, where
        assert "Peildatum 28 november 2026" in page, where
        assert "Dataversie abc1234" in page, where
        assert f"pagina {number} van {len(pages)}" in page, where
        # one word, as a search finds it (no letter-spacing that pdftotext reads as 'V E RT R O U W ...')
        assert ("VERTROUWELIJK" in page) is confidential, where
        assert "file:" not in page and "Afdrukken:" not in page, where  # no browser header, no screen note
    assert ("Piet Geheim" in "".join(pages)) is confidential


@pytest.mark.parametrize("route", ROUTES)
def test_page_one_says_whom_to_call_first_in_the_order_of_zoek(printed, route: str) -> None:
    pages = _pages(printed, route, False)
    details = next(n for n, page in enumerate(pages) if "Alle contacten per partner" in page)
    assert details >= 1 and "Eerst bellen" in pages[0]
    summary = "\n".join(pages[:details]).split("Alle contacten per partner")[0]
    assert "Piket crisiscoördinatie" not in summary  # only the number to call first, no contact labels
    positions = [summary.find(name) for name in printed["order"]]
    assert -1 not in positions, [n for n, p in zip(printed["order"], positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert SCRIPT_NAME in summary and "071 000 01 05" in summary  # the number of Extra partner 05


def test_the_summary_of_the_shipped_overstroming_list_fits_on_two_pages(printed) -> None:
    pages = pages_text(printed["shipped_pdf"])
    details = next(n for n, page in enumerate(pages) if "Alle contacten per partner" in page)
    assert printed["shipped_count"] > 50 and details <= 2  # pages 1 and 2 at most, then the details


@pytest.mark.parametrize("route", ROUTES)
def test_an_email_address_breaks_only_after_at_or_dot(printed, route: str) -> None:
    text = "".join(_pages(printed, route, False))
    pieces = re.split(r"(?<=[@.])", LONG_EMAIL)
    anywhere = re.compile(r"\s*".join(re.escape(char) for char in LONG_EMAIL))
    allowed = re.compile(r"\n?".join(re.escape(piece) for piece in pieces))
    found = anywhere.findall(text)
    assert found, "the address is not in the text"
    assert any("\n" in match for match in found), "the column no longer makes it wrap: widen the test address"
    for match in found:
        assert allowed.fullmatch(match), repr(match)


@pytest.mark.parametrize("confidential", [False, True], ids=["gewoon", "vertrouwelijk"])
@pytest.mark.parametrize("route", ROUTES)
def test_nothing_on_a_contact_list_page_is_printed_over_something_else(printed, route, confidential) -> None:
    pdf = printed["pdfs"][route, confidential]
    for number in range(1, len(pages_text(pdf)) + 1):
        assert overlapping(words(pdf, number)) == [], f"{route}, pagina {number}"


def test_the_printed_overview_is_a4_landscape_with_markings_legend_and_no_overlap(printed) -> None:
    pdf = printed["overview_pdf"]
    width, height = page_size(pdf)
    assert (round(width), round(height)) == (842, 595)
    pages = pages_text(pdf)
    assert len(pages) >= 2
    classification = printed["overview"].classification
    for number, page in enumerate(pages, start=1):
        assert classification in page, number
        assert "Partnerbeeld" in page and "Peildatum 2026-11-28" in page and "Dataversie abc1234" in page, number
        assert f"pagina {number} van {len(pages)}" in page, number
        assert overlapping(words(pdf, number)) == [], f"pagina {number}"
    first = " ".join(pages[0].split())
    assert all(mode in first for mode in ("liaison", "alarmeren", "informeren", "niet betrokken"))  # the legend


def test_no_group_row_of_the_overview_is_left_alone_at_the_foot_of_a_page(printed) -> None:
    pdf = printed["overview_pdf"]
    _, height = page_size(pdf)
    group_rows = {f"{group.name} ({len(group.partners)})" for group in printed["overview"].groups}
    for number in range(1, len(pages_text(pdf)) + 1):
        # the row labels: the left column, between the top and bottom margin boxes (20 and 18 mm)
        labels = [w for w in words(pdf, number) if w.x1 < 180 and w.y0 > 57 and w.y1 < height - 51]
        bottom = max(w.y0 for w in labels)
        last_line = " ".join(w.text for w in sorted(labels, key=lambda w: w.x0) if abs(w.y0 - bottom) < 2)
        alone = [row for row in group_rows if last_line.startswith(row)]  # the line may go on with its cells
        assert not alone, f"pagina {number} eindigt met de groeprij {last_line!r}"
        if number == 1:
            assert any(row in " ".join(w.text for w in labels) for row in group_rows)  # the check can see them


def test_a_missing_browser_fails_in_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import browser

    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no chromium, no pdftotext
    monkeypatch.delenv("PARTNERBEELD_CHROMIUM", raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser and print tests"):
        browser.chromium()
    with pytest.raises(pytest.fail.Exception):
        browser.require_poppler()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        browser.chromium()
