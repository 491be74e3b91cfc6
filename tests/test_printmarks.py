"""The page markings of templates/print.css: safe CSS strings from the data, e-mail breaks, page sizes."""

from __future__ import annotations

import re

from builders import DatasetBuilder
from conftest import TODAY

from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.overview import build_overview
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.views.overview import as_html
from partnerbeeld.views.printmarks import PageMarks
from partnerbeeld.views.templating import css_string, email_breaks, render

VERSION = DataVersion("abc1234", False)


def test_css_string_cannot_end_the_string_or_the_stylesheet() -> None:
    assert (
        css_string('Regio "Noord" \\ </style><b>&\n')
        == '"Regio \\22 Noord\\22  \\5c  \\3c /style\\3e \\3c b\\3e \\26 \\a "'
    )
    assert css_string("Peildatum 28 november 2026") == '"Peildatum 28 november 2026"'


def test_print_css_puts_every_marking_in_a_margin_box() -> None:
    marks = PageMarks("Titel", "Regio </style>", "Rubricering", "1 mei 2026", "abc (gewijzigd)", True, "ONVOLLEDIG")
    css = render("print.css", {"marks": marks})
    assert "</style>" not in css
    assert 'content: "Titel" "\\A" "Regio \\3c /style\\3e ";' in css
    assert 'content: "VERTROUWELIJK" " " "ONVOLLEDIG";' in css
    assert 'content: "Peildatum " "1 mei 2026";' in css
    assert 'content: "Rubricering";' in css
    assert 'content: "Dataversie " "abc (gewijzigd)" " · pagina " counter(page) " van " counter(pages);' in css
    assert "size: A4;" in css and "letter-spacing" not in css.split("-#}")[-1]
    plain = render("print.css", {"marks": PageMarks("T", "", "R", "d", "v")})
    assert 'content: "";' in plain and '"\\A"' not in plain  # no VERTROUWELIJK, no second title line


def test_an_email_address_may_break_after_at_and_dot_only() -> None:
    out = str(email_breaks("crisis-team.piket@x-y.example"))
    assert out == (
        '<span class="email-deel">crisis-team.</span><wbr>piket@<wbr><span class="email-deel">x-y.</span><wbr>example'
    )
    assert "&lt;b&gt;" in str(email_breaks("<b>@x.nl"))


def test_the_overview_prints_a4_landscape_and_a3_with_detail(builder: DatasetBuilder) -> None:
    builder.partner("p", roles={"brand": {"modes": ["advies"], "from_grip": 1}})
    dataset, _ = open_dataset(builder.root)
    plain = as_html(build_overview(dataset, TODAY), VERSION)
    detail = as_html(build_overview(dataset, TODAY, detail=True), VERSION)
    assert "size: A4 landscape;" in plain and "size: A3 landscape;" in detail
    for html in (plain, detail):
        assert re.search(r'@bottom-left \{\s*content: "Testrubricering";', html)
        assert 'class="afdruktip"' in html
