"""`partnerbeeld contactlijst` end to end: golden files, escaping, confidentiality, files, PDF.

Golden files live in tests/golden/contactlijst/ (see tests/goldenfiles.py; HTML ones without
the stylesheet). Regenerate them only on purpose:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_contactlist_cli.py
and read the diff before committing it.
"""

from __future__ import annotations

import importlib.abc
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHIPPED_DATA
from contactlist_fixture import FORMULA_LABEL, INTERNATIONAL, SCRIPT_NAME, contact_list_dataset
from goldenfiles import assert_golden, without_stylesheet

from partnerbeeld.cli import main

BASE = ("contactlijst", "--incident", "overstroming", "--peildatum", "2026-11-28")


@pytest.fixture
def data(builder) -> Path:
    return contact_list_dataset(builder)


def render(run_cli, data: Path, out: Path, *args: str) -> bytes:
    result = run_cli(*BASE, "--data", data, "-o", out, *args)
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


# --- golden files ------------------------------------------------------------------------------

CASES = {
    "overstroming.html": ("--formaat", "html"),
    "overstroming-vertrouwelijk.html": ("--formaat", "html", "--vertrouwelijk"),
    "overstroming.md": ("--formaat", "md"),
    "overstroming.csv": ("--formaat", "csv"),
    "overstroming.excel.csv": ("--formaat", "csv-excel"),
    "overstroming.vcf": ("--formaat", "vcf"),
    "overstroming.json": ("--formaat", "json"),
    "overstroming-kort.md": ("--formaat", "md", "--kort"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(run_cli, data: Path, tmp_path: Path, name: str) -> None:
    produced = render(run_cli, data, tmp_path / name, *CASES[name])
    if name.endswith(".html"):
        assert len(produced) - len(without_stylesheet(produced)) > 1000  # the page carries its stylesheet
        assert_golden(f"contactlijst/{name}", produced, normalise=without_stylesheet)
    else:
        assert_golden(f"contactlijst/{name}", produced)


def test_text_formats_are_byte_identical_run_after_run(run_cli, data: Path) -> None:
    # no --peildatum: run_cli fixes SOURCE_DATE_EPOCH at 2026-11-28
    for formaat in ("html", "md", "csv", "csv-excel", "vcf", "json"):
        first = run_cli("contactlijst", "-i", "overstroming", "--data", data, "-f", formaat)
        second = run_cli("contactlijst", "-i", "overstroming", "--data", data, "-f", formaat)
        assert first.exit_code == 0 and first.stdout == second.stdout
        if formaat != "csv":  # the machine CSV is the bare table
            assert "2026-11-28" in first.stdout or "28 november 2026" in first.stdout


# --- escaping and defusing ---------------------------------------------------------------------


def test_html_escapes_a_script_name(run_cli, data: Path, tmp_path: Path) -> None:
    html = render(run_cli, data, tmp_path / "l.html").decode()
    assert SCRIPT_NAME not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>vet</b>" not in html and "&lt;b&gt;vet&lt;/b&gt; &amp; co" in html


def test_markdown_keeps_a_script_name_harmless(run_cli, data: Path, tmp_path: Path) -> None:
    md = render(run_cli, data, tmp_path / "l.md").decode()
    assert "<script>" not in md and "## &lt;script&gt;alert(1)&lt;/script&gt;" in md


def test_excel_csv_defuses_the_formula_and_keeps_the_phone_number(run_cli, data: Path, tmp_path: Path) -> None:
    text = render(run_cli, data, tmp_path / "l.csv", "-f", "csv-excel").decode("utf-8")
    assert ";\"'" + FORMULA_LABEL.replace('"', '""') + '";' in text
    assert ";" + INTERNATIONAL + ";" in text


# --- confidentiality ---------------------------------------------------------------------------


@pytest.mark.parametrize("formaat", ["html", "md", "csv", "csv-excel", "vcf", "json"])
def test_confidential_contacts_only_with_vertrouwelijk(run_cli, data: Path, formaat: str) -> None:
    default = run_cli(*BASE, "--data", data, "-f", formaat)
    opened = run_cli(*BASE, "--data", data, "-f", formaat, "--vertrouwelijk")
    assert default.exit_code == opened.exit_code == 0
    for secret in ("Anna de Vries", "06 10 00 00 01", "liaison@", "06 20 00 00 02"):
        assert secret not in default.stdout
        assert secret in opened.stdout
    if formaat not in ("json", "csv"):  # those two say it per contact: "vertrouwelijk": true / ja
        assert "VERTROUWELIJK" not in without_style(default.stdout)
        assert "VERTROUWELIJK" in without_style(opened.stdout)


def without_style(html: str) -> str:
    """What a reader sees: the stylesheet names VERTROUWELIJK for the running header in every list."""
    return re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL)


def test_html_marks_every_page_when_confidential(run_cli, data: Path) -> None:
    html = run_cli(*BASE, "--data", data, "-f", "html", "--vertrouwelijk").stdout
    assert 'content: "VERTROUWELIJK"' in html  # print.css: the top centre of every page
    assert '<p class="merk">' in html
    assert "<title>VERTROUWELIJK · Contactlijst Overstroming" in html
    assert '<p class="merk">' not in run_cli(*BASE, "--data", data, "-f", "html").stdout


def test_html_is_a4_print_ready(run_cli, data: Path) -> None:
    html = run_cli(*BASE, "--data", data, "-f", "html").stdout
    for needle in (
        "size: A4",
        "counter(page)",
        "counter(pages)",
        "display: table-header-group",
        "break-inside: avoid",
        # print.css: the margin boxes carry the data's own strings, in Chromium as in WeasyPrint
        'content: "Testrubricering"',
        'content: "Peildatum " "28 november 2026"',
        'content: "Dataversie " "geen git"',
        'content: "Contactlijst Overstroming" "\\A" "Veiligheidsregio Testland"',
    ):
        assert needle in html
    assert html.count('<tbody class="partner"') == 4
    assert '<dd class="rubricering">Testrubricering</dd>' in html
    assert '<dd class="dataversie">geen git</dd>' in html


def test_kort_gives_the_summary_only_in_every_format(run_cli, data: Path) -> None:
    full = run_cli(*BASE, "--data", data, "-f", "html").stdout
    short = run_cli(*BASE, "--data", data, "-f", "html", "--kort").stdout
    for html in (full, short):
        assert '<table class="eerst-bellen">' in html and html.count("<tr>") >= 4
    assert "Alle contacten per partner" in full and "Alle contacten per partner" not in short
    assert "071 000 00 02" in full and "071 000 00 02" not in short  # not the number to call first
    assert "(--kort)" in short
    csv_rows = run_cli(*BASE, "--data", data, "-f", "csv", "--kort").stdout.strip().splitlines()
    assert len(csv_rows) == 1 + 4  # header + one row per partner, each the number to call first
    assert all(row.split(",")[-3] in ("ja", "") for row in csv_rows[1:])
    vcf = run_cli(*BASE, "--data", data, "-f", "vcf", "--kort").stdout
    assert vcf.count("BEGIN:VCARD") == 4 and "071 000 00 02" not in vcf and "071 000 00 01" in vcf
    assert '"kort": true' in run_cli(*BASE, "--data", data, "-f", "json", "--kort").stdout
    assert '"kort": false' in run_cli(*BASE, "--data", data, "-f", "json").stdout


def test_a_short_list_gets_its_own_suggested_name(run_cli, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    assert run_cli(*BASE, "--data", data, "-f", "html", "-o", out).exit_code == 0
    assert run_cli(*BASE, "--data", data, "-f", "html", "--kort", "--vertrouwelijk", "-o", out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "contactlijst-overstroming-2026-11-28-kort-VERTROUWELIJK.html",
        "contactlijst-overstroming-2026-11-28.html",
    ]


def test_every_page_names_the_filters_too(run_cli, data: Path) -> None:
    html = run_cli(*BASE, "--data", data, "-f", "html", "--grip", "2").stdout
    assert 'content: "Contactlijst Overstroming · tot en met GRIP 2" "\\A" "Veiligheidsregio Testland"' in html


# --- files -------------------------------------------------------------------------------------


def test_refuses_to_overwrite_and_overschrijf_works(run_cli, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "lijst.md"
    target.write_text("oud")
    refused = run_cli(*BASE, "--data", data, "-o", target)
    assert refused.exit_code == 2
    assert "bestaat al" in refused.stderr and "--overschrijf" in refused.stderr
    assert target.read_text() == "oud"
    done = run_cli(*BASE, "--data", data, "-o", target, "--overschrijf")
    assert done.exit_code == 0 and target.read_text().startswith("# Contactlijst Overstroming")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "lijst.md"]  # no temporary files


def test_a_folder_gets_the_suggested_name(run_cli, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    result = run_cli(*BASE, "--data", data, "-o", out, "-f", "vcf", "--vertrouwelijk")
    assert result.exit_code == 0
    assert [p.name for p in out.iterdir()] == ["contactlijst-overstroming-2026-11-28-VERTROUWELIJK.vcf"]
    assert "VERTROUWELIJK" in result.stderr


def test_the_extension_picks_the_format(run_cli, data: Path, tmp_path: Path) -> None:
    assert render(run_cli, data, tmp_path / "l.vcf").startswith(b"BEGIN:VCARD\r\n")
    assert render(run_cli, data, tmp_path / "l.csv").startswith("\ufeff".encode())  # .csv: for Excel
    assert render(run_cli, data, tmp_path / "l.csv2", "-f", "csv").startswith(b"partner,")


def test_a_name_that_says_another_or_no_format_is_a_usage_error(run_cli, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    for args, expected in (
        (["-o", out / "lijst.xyz"], "Aan de naam lijst.xyz is niet te zien welk formaat"),
        (["-f", "md", "-o", out / "lijst.pdf"], "--formaat md past niet bij de naam lijst.pdf"),
    ):
        result = run_cli(*BASE, "--data", data, *args)
        assert result.exit_code == 2, args
        assert expected in result.stderr
    assert list(out.iterdir()) == []  # nothing written


def test_an_unknown_incident_type_is_a_usage_error(run_cli, data: Path) -> None:
    result = run_cli("contactlijst", "--data", data, "-i", "overstromming")
    assert result.exit_code == 2
    assert "Bedoelde je overstroming" in result.stderr
    assert result.stdout == ""


def test_own_templates_override_the_defaults(run_cli, data: Path, tmp_path: Path) -> None:
    own = tmp_path / "sjablonen"
    own.mkdir()
    (own / "contactlijst.css").write_text("/* huisstijl van de regio */\n", encoding="utf-8")
    html = run_cli(*BASE, "--data", data, "-f", "html", "--sjablonen", own).stdout
    assert "/* huisstijl van de regio */" in html and "table.eerst-bellen" not in html
    assert 'content: "Testrubricering"' in html  # print.css keeps the markings under an own stylesheet
    (own / "contactlijst.html.j2").write_text("{{ contact_list.niet_bestaand }}", encoding="utf-8")
    broken = run_cli(*BASE, "--data", data, "-f", "html", "--sjablonen", own)
    assert broken.exit_code == 1 and "gebruikt een waarde die niet bestaat" in broken.stderr


def test_the_data_version_comes_from_git(run_cli, data: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=data,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "data")
    head = subprocess.run(["git", "log", "-1", "--format=%h"], cwd=data, capture_output=True, text=True).stdout
    clean = run_cli(*BASE, "--data", data).stdout
    assert f"- dataversie: {head.strip()}\n" in clean
    (data / "partners" / "script-partner.yaml").write_text("id: kapot\n", encoding="utf-8")
    dirty = run_cli(*BASE, "--data", data).stdout
    assert f"- dataversie: {head.strip()} (gewijzigd)\n" in dirty


def test_the_shipped_data_gives_a_list(run_cli) -> None:
    result = run_cli("contactlijst", "--data", SHIPPED_DATA, "-i", "overstroming", "-f", "md")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Contactlijst Overstroming\n")


# --- PDF (WeasyPrint takes about a second per document: keep these few) ------------------------


def test_pdf_refuses_a_terminal_and_suggests_a_name(run_cli, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = run_cli(*BASE, "--data", data, "-f", "pdf", "--vertrouwelijk")
    assert result.exit_code == 2
    assert "niet naar de terminal" in result.stderr
    assert "contactlijst-overstroming-2026-11-28-VERTROUWELIJK.pdf" in result.stderr


def test_pdf_without_weasyprint_says_so(run_cli, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # makes `import weasyprint` fail
    result = run_cli(*BASE, "--data", data, "-f", "pdf", "-o", tmp_path / "l.pdf")
    assert result.exit_code == 2
    assert "WeasyPrint is niet geïnstalleerd" in result.stderr and "--formaat html" in result.stderr
    assert not (tmp_path / "l.pdf").exists()


def test_pdf_without_pango_says_so(run_cli, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class NoPango(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: object, target: object = None) -> None:
            if name == "weasyprint":  # what cffi raises when the system library is missing
                raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(sys, "meta_path", [NoPango(), *sys.meta_path])
    result = run_cli(*BASE, "--data", data, "-f", "pdf", "-o", tmp_path / "l.pdf")
    assert result.exit_code == 2
    assert "systeembibliotheek van WeasyPrint ontbreekt" in result.stderr and "libpango" in result.stderr
    assert not (tmp_path / "l.pdf").exists()


def test_pdf_through_a_pipe_has_the_text(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    piped = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(piped, encoding="utf-8"))
    assert main([*BASE, "--data", str(data), "-f", "pdf"]) == 0
    pdf = piped.getvalue()
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    squeezed = "".join(text.split())  # a narrow column breaks names anywhere
    for name in (
        "Hoogheemraadschap van Testland",
        "Drinkwaterbedrijf Testland",
        SCRIPT_NAME,
        "Geheime Dienst Testland",
    ):
        assert "".join(name.split()) in squeezed
    assert "28 november 2026" in text and "geen git" in text and "Testrubricering" in text
    assert INTERNATIONAL in text
    assert "VERTROUWELIJK" not in text and "Anna de Vries" not in text
