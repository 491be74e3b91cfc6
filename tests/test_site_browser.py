"""The site in a real browser: Debian's chromium driven by Playwright, pages opened from file://.

The run's one browser and page (conftest.py; each visit opens a new document in
it), and its one build of the shipped data. Without chromium (or playwright) these tests skip,
except in CI (CI set), where they fail: .ci/run installs chromium, so a missing one
there is a broken setup, not a reason to pass. Playwright never downloads a browser
here: it is pointed at the system's (tests/browser.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED_DATA, TODAY

from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.query import Selection, select
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.model.vocabulary import Mode, Team
from partnerbeeld.reading.dataset import Dataset
from partnerbeeld.site import SiteOptions, build_site

PAGES = [
    "index.html",
    "zoeken.html?q=water",
    "incident/overstroming.html",
    "partner/dunea.html",
    "accounthouder/m-jansen.html",
    "signalen.html",
    "overzicht.html",
    "contactlijst/overstroming.html",
]


@pytest.fixture
def site(shipped_site: tuple[Dataset, Path]) -> Path:
    return shipped_site[1]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The shipped data, loaded apart from the site's build: what zoek answers is worked out on
    objects of its own, so a cache the build filled cannot agree with itself."""
    return open_dataset(SHIPPED_DATA)[0]


class Visit:
    """The page with its console errors, uncaught exceptions and any request leaving the folder, for one test."""

    def __init__(self, page: Any, site: Path) -> None:
        self.site = site
        self.page = page
        self.errors: list[str] = []
        self._listeners = {
            "console": lambda m: self.errors.append(m.text) if m.type == "error" else None,
            "pageerror": lambda e: self.errors.append(str(e)),
            "request": lambda r: None if r.url.startswith("file://") else self.errors.append(r.url),
        }
        for event, listener in self._listeners.items():
            page.on(event, listener)

    def open(self, relative: str) -> Any:
        self.page.goto(
            (self.site / relative.split("?")[0]).as_uri() + ("?" + relative.split("?")[1] if "?" in relative else "")
        )
        return self.page

    def leave(self) -> None:
        """The next test starts on an empty page, with listeners of its own."""
        for event, listener in self._listeners.items():
            self.page.remove_listener(event, listener)
        self.page.goto("about:blank")


@pytest.fixture
def visit(tab: Any, site: Path) -> Iterator[Visit]:
    opened = Visit(tab, site)
    yield opened
    opened.leave()


def results(page: Any) -> list[str]:
    return [text.strip() for text in page.locator("#pb-resultaten li a").all_inner_texts()]


def test_search_finds_typos(visit: Visit) -> None:
    page = visit.open("index.html")
    page.fill("#pb-zoekveld", "overstoming")
    assert results(page)[0] == "Overstroming"
    page.fill("#pb-zoekveld", "dunia")
    assert results(page)[0] == "Dunea"
    page.fill("#pb-zoekveld", "stroomstoring")  # an alias
    assert results(page)[0] == "Uitval elektriciteitsvoorziening"
    page.locator("#pb-resultaten li a").first.click()
    assert page.locator("h1").inner_text().startswith("Uitval elektriciteitsvoorziening")
    assert visit.errors == []


def test_a_link_with_q_opens_with_the_search_done(visit: Visit) -> None:
    page = visit.open("partner/dunea.html?q=dunia")
    assert page.input_value("#pb-zoekveld") == "dunia"
    assert results(page)[0] == "Dunea"
    # the search form leads to zoeken.html?q=..., from any depth
    page.fill("#pb-zoekveld", "overstoming")
    with page.expect_navigation():
        page.press("#pb-zoekveld", "Enter")
    assert page.url.endswith("/zoeken.html?q=overstoming") and results(page)[0] == "Overstroming"
    assert visit.errors == []


def test_the_filters_hide_and_show_rows(visit: Visit, dataset: Dataset) -> None:
    page = visit.open("incident/overstroming.html")
    rows = page.locator("table[data-partners] tbody tr")
    shown = page.locator("table[data-partners] tbody tr:not([hidden])")
    total = rows.count()
    assert total == len(select(dataset, Selection("overstroming"))) and shown.count() == total
    page.select_option("select[name=team]", "rot")
    expected = select(dataset, Selection("overstroming", teams=Team.ROT))
    assert 0 < shown.count() == len(expected) < total
    assert page.inner_text("[data-telling]") == f"{len(expected)} van {total} partners"
    page.select_option("select[name=grip]", "1")
    page.select_option("select[name=gemeente]", "gouda")
    narrow = select(dataset, Selection("overstroming", grip=1, teams=Team.ROT, municipalities="gouda"))
    names = {n.strip() for n in shown.locator("th a").all_inner_texts()}
    assert names == {hit.partner.name for hit in narrow}
    page.select_option("select[name=team]", "")
    page.select_option("select[name=grip]", "")
    page.select_option("select[name=gemeente]", "")
    assert shown.count() == total
    assert visit.errors == []


SHOWN_JS = """rows => rows.map(r => [
    r.querySelector('th a').getAttribute('href').split('/').pop().replace(/\\.html$/, ''),
    r.cells[0].textContent,
    Array.from(r.cells[2].querySelectorAll('.modus')).map(s => s.textContent),
    r.cells[3].textContent,
    r.cells[2].querySelector('.via') ? r.cells[2].querySelector('.via').textContent : null,
])"""


def shown_rows(page: Any) -> list[list[Any]]:
    """Each visible row, top to bottom: [partner id, GRIP, modes, teams, via] as the cells read."""
    return page.eval_on_selector_all("table[data-partners] tbody tr:not([hidden])", SHOWN_JS)


def zoek_rows(dataset: Dataset, selection: Selection) -> list[list[Any]]:
    """The same for what `zoek` shows: its hits in order, each with its headline role."""
    (code,) = selection.incident_types
    rows = []
    for hit in select(dataset, selection):
        assert hit.role is not None
        role = hit.role.role
        via = f"via {dataset.incident_types[hit.role.code].name}" if hit.role.code != code else None
        modes = [m.value for m in sorted(role.modes, key=lambda m: m.rank)]
        rows.append([hit.partner.id, str(role.from_grip), modes, ", ".join(t.label for t in role.teams), via])
    return rows


@pytest.mark.parametrize(
    ("code", "team", "partner", "headline"),
    [
        ("overstroming", Team.RBT, "kustwacht", ["4", ["informeren"], "RBT", None]),
        (
            "gebouwbrand",
            Team.COPI,
            "museum-gouda",
            ["1", ["advies", "informeren"], "CoPI", "via Brand in historische binnenstad"],
        ),
    ],
)
def test_a_team_filter_shows_the_role_and_order_of_zoek(
    visit: Visit, dataset: Dataset, code: str, team: Team, partner: str, headline: list[Any]
) -> None:
    """`zoek --team` chooses the headline among the team's roles: the page swaps the cells and re-sorts."""
    page = visit.open(f"incident/{code}.html")
    unfiltered = shown_rows(page)
    assert unfiltered == zoek_rows(dataset, Selection(code))
    page.select_option("select[name=team]", str(team))
    shown = shown_rows(page)
    assert shown == zoek_rows(dataset, Selection(code, teams=team))
    assert [row[1:] for row in shown if row[0] == partner] == [headline]
    assert shown != [row for row in unfiltered if row[0] in {r[0] for r in shown}]  # the filter changed something
    page.select_option("select[name=grip]", "1")
    assert shown_rows(page) == zoek_rows(dataset, Selection(code, grip=1, teams=team))
    page.select_option("select[name=gemeente]", "leiden")
    assert shown_rows(page) == zoek_rows(dataset, Selection(code, grip=1, teams=team, municipalities="leiden"))
    for name in ("team", "grip", "gemeente"):
        page.select_option(f"select[name={name}]", "")
    assert shown_rows(page) == unfiltered  # back as it was, cells and order
    assert visit.errors == []


def test_every_kind_of_page_is_clean_ordered_and_labelled(visit: Visit) -> None:
    """No console error or outside request; headings in order (one h1); every form field labelled."""
    for relative in PAGES:
        page = visit.open(relative)
        assert page.locator("#pb-zoekveld").count() == 1, relative
        levels = page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "els => els.map(e => Number(e.tagName[1]))")
        assert levels[0] == 1 and levels.count(1) == 1, relative
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (relative, levels)
        unlabelled = page.eval_on_selector_all(
            "input, select, textarea",
            "els => els.filter(e => e.type !== 'hidden' && !e.labels.length && !e.getAttribute('aria-label'))"
            ".map(e => e.outerHTML)",
        )
        assert unlabelled == [], relative
    assert visit.errors == []


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[int, int, int], two: tuple[int, int, int]) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_helper_knows_black_on_white() -> None:
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert round(contrast((119, 119, 119), (255, 255, 255)), 2) == 4.48  # #777 on white: just too light


def test_the_mode_colours_are_readable(visit: Visit) -> None:
    page = visit.open("incident/overstroming.html")
    colours = page.evaluate(
        """modes => modes.map(mode => {
            const badge = document.createElement('span');
            badge.className = 'modus modus-' + mode;
            document.body.appendChild(badge);
            const style = getComputedStyle(badge);
            return [mode, style.color, style.backgroundColor];
        })""",
        [mode.value for mode in Mode],
    )

    def rgb(css: str) -> tuple[int, int, int]:
        red, green, blue = (int(part) for part in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
        return red, green, blue

    for mode, text, background in colours:
        assert background != "rgba(0, 0, 0, 0)", mode  # every mode has its own colour
        assert contrast(rgb(text), rgb(background)) >= 4.5, (mode, text, background)  # WCAG AA, small text


def test_usable_with_the_keyboard_alone(visit: Visit) -> None:
    page = visit.open("index.html")
    for _ in range(6):  # the search field is among the first stops
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "pb-zoekveld":
            break
    assert page.evaluate("document.activeElement.id") == "pb-zoekveld"
    page.keyboard.type("dunia")
    page.keyboard.press("Tab")  # the Zoeken button
    page.keyboard.press("Tab")  # the first result
    assert page.evaluate("document.activeElement.textContent") == "Dunea"
    page.keyboard.press("ArrowUp")  # back to the field; the arrows walk the results
    assert page.evaluate("document.activeElement.id") == "pb-zoekveld"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Dunea"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/partner/dunea.html")
    # an incident page's filters work from the keyboard too
    page = visit.open("incident/overstroming.html")
    page.focus("select[name=team]")
    before = page.locator("table[data-partners] tbody tr:not([hidden])").count()
    page.keyboard.press("ArrowDown")  # 'alle teams' -> the first team
    assert page.input_value("select[name=team]") != ""
    assert page.locator("table[data-partners] tbody tr:not([hidden])").count() < before
    assert visit.errors == []


def test_a_confidential_site_says_so_on_every_printed_page(tab: Any, dataset: Dataset, tmp_path: Path) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    out = tmp_path / "site"
    build_site(dataset, out, SiteOptions(TODAY, DataVersion("abc1234", False), confidential=True))
    try:
        # a page of the site itself, long enough to test more than the first sheet; a contact list
        for relative, sheets in (("signalen.html", 2), ("contactlijst/mist.html", 1)):
            tab.goto((out / relative).as_uri())
            printed = PdfReader(BytesIO(tab.pdf(format="A4")))
            assert len(printed.pages) >= sheets, relative
            for number, sheet in enumerate(printed.pages, 1):
                assert "VERTROUWELIJK" in sheet.extract_text(), (relative, number)
    finally:  # the next visit starts from an empty page, also after a failure here
        tab.goto("about:blank")
