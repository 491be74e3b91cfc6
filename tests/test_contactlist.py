"""The normalised contact list and the pure views (CSV defusing, vCard escaping and folding, Markdown text)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from conftest import TODAY
from contactlist_fixture import FORMULA_LABEL, INTERNATIONAL, SCRIPT_NAME, contact_list_dataset

from partnerbeeld.answers.contactlist import ContactList, build_contact_list
from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.query import Selection
from partnerbeeld.infra.errors import NotFound
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.views.csvtable import contact_list_csv, defuse
from partnerbeeld.views.markdown import contact_list_markdown
from partnerbeeld.views.mdtext import text
from partnerbeeld.views.vcard import contact_list_vcf, escape, fold


@pytest.fixture
def dataset(builder):
    contact_list_dataset(builder)
    loaded, findings = open_dataset(builder.root)
    assert not findings, findings
    return loaded


def overstroming(dataset, confidential: bool = False, **filters: object) -> ContactList:
    selection = Selection(incident_types="overstroming", confidential=confidential, **filters)
    return build_contact_list(dataset, selection, TODAY, version=DataVersion("abc1234", False))


# --- the list itself ---------------------------------------------------------------------------


def test_the_list_says_what_it_is(dataset) -> None:
    cl = overstroming(dataset)
    assert cl.region == "Veiligheidsregio Testland"
    assert cl.title == "Contactlijst Overstroming"
    assert cl.selection == "incidenttype Overstroming"
    assert cl.classification == "Testrubricering"
    assert cl.data_version.label == "abc1234"
    assert cl.date_text == "28 november 2026"
    assert not cl.confidential


def test_partners_without_a_role_for_the_incident_are_left_out(dataset) -> None:
    names = [p.name for p in overstroming(dataset).partners]
    assert "Netbeheerder Testland" not in names
    assert names[0] == "Hoogheemraadschap van Testland"  # GRIP 1 joins before GRIP 2 and 3
    assert names[-1] == "Geheime Dienst Testland"


def test_confidential_contacts_only_with_vertrouwelijk(dataset) -> None:
    default = overstroming(dataset)
    labels = [c.label for p in default.partners for c in p.contacts]
    assert "Liaison ROT" not in labels and "Duty officer" not in labels
    assert default.withheld == 2
    secret = next(p for p in default.partners if p.id == "geheim-partner")
    assert secret.contacts == () and secret.withheld == 1

    opened = overstroming(dataset, confidential=True)
    labels = [c.label for p in opened.partners for c in p.contacts]
    assert "Liaison ROT" in labels and "Duty officer" in labels
    assert opened.confidential and opened.withheld == 0


def test_the_number_to_call_first_leads(dataset) -> None:
    for partner in overstroming(dataset).partners:
        firsts = [c for c in partner.contacts if c.call_first]
        assert len(firsts) <= 1
        if firsts:
            assert partner.contacts[0] is firsts[0]


def test_a_role_below_the_asked_type_says_where(dataset) -> None:
    cl = overstroming(dataset)
    by_id = {p.id: p for p in cl.partners}
    assert cl.role_elsewhere(by_id["drinkwater-testland"]) == "Dijkdoorbraak"
    assert cl.role_elsewhere(by_id["hoogheemraadschap-testland"]) is None
    assert by_id["drinkwater-testland"].role.teams == ("copi", "rot")
    assert by_id["drinkwater-testland"].role.team_names == ("CoPI", "ROT")


def test_without_filters_every_partner(dataset) -> None:
    cl = build_contact_list(dataset, Selection(), TODAY, version=DataVersion("v", False))
    assert len(cl.partners) == 5
    assert cl.selection == "alle partners"
    assert cl.file_name("md") == "contactlijst-alle-partners-2026-11-28.md"
    assert all(p.role is None for p in cl.partners)


def test_file_name_suggestion(dataset) -> None:
    assert overstroming(dataset).file_name("pdf") == "contactlijst-overstroming-2026-11-28.pdf"
    assert overstroming(dataset, True).file_name("pdf") == "contactlijst-overstroming-2026-11-28-VERTROUWELIJK.pdf"
    cl = overstroming(dataset, grip=2, municipalities="Leiden")
    assert cl.selection == "incidenttype Overstroming, tot en met GRIP 2, gemeente Leiden"
    assert cl.file_name("csv") == "contactlijst-overstroming-grip-2-leiden-2026-11-28.csv"


def test_an_alias_names_every_type_it_stands_for(dataset) -> None:
    cl = build_contact_list(dataset, Selection(incident_types="water"), TODAY, version=DataVersion("v", False))
    assert cl.title == "Contactlijst Overstroming en Drinkwater"
    assert cl.slug == "water"


def test_an_unknown_incident_type_suggests(dataset) -> None:
    with pytest.raises(NotFound) as caught:
        build_contact_list(dataset, Selection(incident_types="overstromming"), TODAY, version=DataVersion("v", False))
    assert "overstroming" in caught.value.hint


def test_as_dict_has_iso_dates_and_no_confidential_content(dataset) -> None:
    data = overstroming(dataset).as_dict()
    assert data["peildatum"] == "2026-11-28"
    assert data["weggelaten_vertrouwelijk"] == 2
    assert "liaison@testland.example" not in repr(data)


# --- CSV ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x";"klik")', '\'=HYPERLINK("http://x";"klik")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("  =1+1", "'  =1+1"),
        (INTERNATIONAL, INTERNATIONAL),
        ("+31 (0)71 000-0000", "+31 (0)71 000-0000"),
        ("071 000 00 00", "071 000 00 00"),
        ("Piket", "Piket"),
        ("", ""),
    ],
)
def test_defuse(cell: str, expected: str) -> None:
    assert defuse(cell) == expected


def test_excel_csv_defuses_formulas_and_keeps_phone_numbers(dataset) -> None:
    text_ = contact_list_csv(overstroming(dataset), excel=True)
    assert text_.startswith("\ufeff")
    assert "\r\n" in text_ and "\n" not in text_.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text_.removeprefix("\ufeff"), newline=""), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULA_LABEL in cells
    assert FORMULA_LABEL not in cells
    assert INTERNATIONAL in cells


def test_plain_csv_keeps_values_exactly(dataset) -> None:
    text_ = contact_list_csv(overstroming(dataset), excel=False)
    assert not text_.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text_, newline="")))
    assert rows[0][0] == "partner"  # header first, no preamble
    assert all(len(row) == len(rows[0]) for row in rows)
    cells = [cell for row in rows for cell in row]
    assert FORMULA_LABEL in cells and SCRIPT_NAME in cells
    assert "Crisisbureau, kantoor; algemeen" in cells


# --- vCard ----------------------------------------------------------------------------------------


def test_vcard_escaping() -> None:
    assert escape("a\\b,c;d\ne") == "a\\\\b\\,c\\;d\\ne"
    assert escape("r\r\nn") == "r\\nn"


@pytest.mark.parametrize("line", ["NOTE:" + "x" * 200, "NOTE:" + "ë" * 100, "NOTE:" + "a€" * 60, "FN:kort"])
def test_vcard_folding_is_utf8_safe_and_at_most_75_octets(line: str) -> None:
    folded = fold(line)
    assert folded.endswith("\r\n")
    physical = folded[:-2].split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert "".join([physical[0], *(p[1:] for p in physical[1:])]) == line  # unfolding gives the line back


def test_vcard_one_card_per_partner_with_labels(dataset) -> None:
    vcf = contact_list_vcf(overstroming(dataset))
    assert vcf.count("BEGIN:VCARD\r\n") == vcf.count("END:VCARD\r\n") == 4
    assert "\n" not in vcf.replace("\r\n", "")
    unfolded = vcf.replace("\r\n ", "")
    assert "FN:Hoogheemraadschap van Testland\r\n" in unfolded
    assert "TEL;VALUE=text;TYPE=work,voice;PREF=1:+31 71 000 0000\r\n" in unfolded
    assert "X-ABLabel:Crisisbureau\\, kantoor\\; algemeen\r\n" in unfolded
    assert "Rol bij Dijkdoorbraak: uitvoering · CoPI\\, ROT · vanaf GRIP 2" in unfolded
    assert "06 10 00 00 01" not in vcf  # confidential mobile


# --- Markdown -------------------------------------------------------------------------------------


def test_markdown_text_is_harmless() -> None:
    assert text(SCRIPT_NAME) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert text("a | b *c* [d](e)") == "a \\| b \\*c\\* \\[d\\](e)"
    assert text(INTERNATIONAL) == INTERNATIONAL
    assert text("twee\nregels") == "twee regels"


def test_markdown_marks_confidential_lists(dataset) -> None:
    assert "VERTROUWELIJK" not in contact_list_markdown(overstroming(dataset))
    opened = contact_list_markdown(overstroming(dataset, confidential=True))
    assert "**VERTROUWELIJK**" in opened
    assert "Anna de Vries" in opened and "(vertrouwelijk)" in opened


def test_reference_date_is_what_was_given(dataset) -> None:
    cl = build_contact_list(dataset, Selection(), dt.date(2025, 1, 2), version=DataVersion("v", False))
    assert cl.date_text == "2 januari 2025"
    assert cl.file_name("vcf").endswith("2025-01-02.vcf")
