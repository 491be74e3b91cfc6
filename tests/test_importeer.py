"""`partnerbeeld importeer` and `exporteer`: the partner sheet in and out, all or nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders import DatasetBuilder
from conftest import SHIPPED_DATA, Result

HEADER = ["Naam", "Sector", "Profielen", "Gemeenten", "Accounthouder", "Contact", "Telefoon", "E-mail", "Bereikbaar"]
HEADER += ["Eerst bellen", "Vertrouwelijk"]


def sheet(path: Path, rows: list[list[Any]], header: list[str] = HEADER, title: str = "partners") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


GOOD = [
    ["Stedin", "energie", "netbeheerder", "leiden, Gouda", "Anna Houder", "Storingsdienst", "088 000 00 20", None,
     "24/7", "ja", "nee"],
    ["Stedin", None, None, None, None, "Liaison", None, "liaison@stedin.example", None, "nee", "ja"],
    ["Oasen", "drinkwater", None, "gouda", "a-holder", "Storingsdienst", "0182 00 12 34", None, "24/7", "ja", None],
]  # fmt: skip


@pytest.fixture
def dataset(builder: DatasetBuilder) -> DatasetBuilder:
    builder.profile("netbeheerder", name="Netbeheerder", roles={"stroomuitval": {"modes": ["alarmeren"]}})
    return builder


def files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "partners").glob("*.yaml"))}


def test_a_good_sheet_imports_validates_and_is_found(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    result = run_cli("importeer", sheet(tmp_path / "partners.xlsx", GOOD), "--data", dataset.root)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "2 nieuw" in result.stdout and "Geschreven: 2 bestanden" in result.stdout
    stedin = (dataset.root / "partners" / "stedin.yaml").read_text(encoding="utf-8")
    assert stedin.startswith("# yaml-language-server: $schema=../../schemas/partner.schema.json\n")
    assert "area: [leiden, gouda]" in stedin and "account_holder: a-holder" in stedin
    assert run_cli("valideer", "--data", dataset.root).exit_code == 0
    found = run_cli("zoek", "-i", "stroomstoring", "--data", dataset.root)
    assert "Stedin" in found.stdout and "088 000 00 20" in found.stdout
    shown = run_cli("toon", "stedin", "--data", dataset.root)
    assert shown.exit_code == 0 and "Storingsdienst" in shown.stdout
    assert "liaison@stedin.example" not in shown.stdout  # confidential: ja
    assert "liaison@stedin.example" in run_cli("toon", "stedin", "--vertrouwelijk", "--data", dataset.root).stdout


def test_one_bad_row_refuses_the_whole_sheet(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    before = files(dataset.root)
    bad = [*GOOD, ["Liander", "energie", None, None, None, "Storing", "abc", None, None, None, None]]
    result = run_cli("importeer", sheet(tmp_path / "partners.xlsx", bad), "--data", dataset.root)
    assert result.exit_code == 1
    assert "partners.xlsx, blad partners, rij 5, kolom telefoon: 'abc' is geen telefoonnummer" in result.stdout
    assert "niets ingelezen" in result.stderr
    assert files(dataset.root) == before


def test_every_problem_is_reported_with_row_column_and_suggestion(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    rows = [
        ["A", None, "netbeheer", "leidn", "a-houder", "Piket", "071 000 00 00", None, None, "misschien", None],
        ["B", None, None, None, None, "Piket", None, "geen-adres", None, None, None],
        [None, None, None, None, None, "Piket", "071 000 00 00", None, None, None, None],
    ]
    out = run_cli("importeer", sheet(tmp_path / "p.xlsx", rows), "--data", dataset.root).stdout
    assert "rij 2, kolom eerst bellen: 'misschien' is geen ja of nee" in out
    assert "rij 2, kolom profielen: Onbekend profiel 'netbeheer'" in out and "'netbeheerder'" in out
    assert "rij 2, kolom gemeenten: Onbekende gemeente 'leidn'" in out and "'leiden'" in out
    assert "rij 2, kolom accounthouder: Onbekende accounthouder 'a-houder'" in out
    assert "rij 3, kolom email: 'geen-adres' is geen geldig e-mailadres" in out
    assert "rij 4, kolom naam: de naam ontbreekt" in out


def test_a_second_import_changes_nothing(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    path = sheet(tmp_path / "partners.xlsx", GOOD)
    assert run_cli("importeer", path, "--data", dataset.root).exit_code == 0
    first = files(dataset.root)
    for extra in ([], ["--bijwerken"]):
        again = run_cli("importeer", path, "--data", dataset.root, *extra)
        assert again.exit_code == 0 and "2 ongewijzigd" in again.stdout
        assert "Niets geschreven" in again.stdout
        assert files(dataset.root) == first


def test_excel_number_phone_gets_its_zero_back_with_a_warning(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    rows = [["Avalex", "afval", None, None, None, "Storing", 712345678, None, "24/7", True, None]]
    result = run_cli("importeer", sheet(tmp_path / "p.xlsx", rows), "--data", dataset.root)
    assert result.exit_code == 0, result.stdout
    assert "rij 2, kolom telefoon: 712345678 stond er als getal (Excel haalt de 0 weg); ingelezen als 0712345678" in (
        result.stdout
    )
    assert 'phone: "0712345678"' in (dataset.root / "partners" / "avalex.yaml").read_text(encoding="utf-8")


def test_a_confidential_number_is_never_repeated_in_a_message(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    # confidential, or not plainly public ('misschien'): the restored Excel number is not shown
    for marked in ("ja", "misschien"):
        rows = [["Avalex", "afval", None, None, None, "Directie", 715987654, None, "24/7", "nee", marked]]
        result = run_cli("importeer", sheet(tmp_path / f"{marked}.xlsx", rows), "--data", dataset.root, "--droog")
        assert "715987654" not in result.stdout + result.stderr, marked
        assert "vertrouwelijke nummer stond er als getal" in result.stdout, marked


def test_yes_and_no_are_the_words_of_the_data(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    """'no', 'n' or '0' in 'vertrouwelijk' must not make a contact public: only ja/nee, true/false."""
    for word in ("no", "n", "0", "onwaar", "x"):
        rows = [["Avalex", "afval", None, None, None, "Storing", "071 000 09 09", None, "24/7", "ja", word]]
        result = run_cli("importeer", sheet(tmp_path / "w.xlsx", rows), "--data", dataset.root)
        assert result.exit_code == 1, word
        assert f"kolom vertrouwelijk: '{word}' is geen ja of nee" in result.stdout, word
        assert not (dataset.root / "partners" / "avalex.yaml").exists()
    rows = [["Avalex", "afval", None, None, None, "Storing", "071 000 09 09", None, "24/7", "JA", "Nee"]]
    assert run_cli("importeer", sheet(tmp_path / "ok.xlsx", rows), "--data", dataset.root).exit_code == 0


def test_dry_run_shows_the_changes_and_writes_nothing(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    result = run_cli("importeer", sheet(tmp_path / "p.xlsx", GOOD), "--data", dataset.root, "--droog")
    assert result.exit_code == 0
    assert "toegevoegd  partner stedin: Stedin" in result.stdout and "Niets geschreven (--droog)" in result.stdout
    assert files(dataset.root) == {}


EXISTING = """\
# yaml-language-server: $schema=../../schemas/partner.schema.json
# Rijnland: comments like this one must survive an update.
id: rijnland
name: Hoogheemraadschap van Rijnland
sector: waterbeheer
profiles: [netbeheerder]  # not really, but a profile
account_holder: a-holder
verified_on: 2026-01-15
contacts:
  - label: Piket
    phone: 071 000 00 00  # the 24/7 number
    available: 24/7
    primary: true
  - label: Dijkgraaf
    mobile: 06 10 00 00 01
    confidential: true
  - label: Oud
    email: oud@rijnland.example
roles:
  wateroverlast: {modes: [liaison], teams: [rot], from_grip: 1}
"""


def test_bijwerken_changes_contacts_and_keeps_everything_else(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    path = dataset.write("partners/rijnland.yaml", EXISTING)
    rows = [
        ["Hoogheemraadschap van Rijnland", None, None, None, None, "Piket", "071 000 00 99", None, "24/7", "ja", None],
        ["Hoogheemraadschap van Rijnland", None, None, None, None, "Nieuw", None, "nieuw@rijnland.example", None, None,
         None],
    ]  # fmt: skip
    xlsx = sheet(tmp_path / "p.xlsx", rows)
    refused = run_cli("importeer", xlsx, "--data", dataset.root)
    assert "bestaat al  partner rijnland" in refused.stdout and path.read_text(encoding="utf-8") == EXISTING
    assert "contacts[Piket].phone: 071 000 00 00 → 071 000 00 99" in refused.stdout  # what --bijwerken would do
    result = run_cli("importeer", xlsx, "--data", dataset.root, "--bijwerken")
    assert result.exit_code == 0, result.stdout
    assert "blijven staan: Dijkgraaf" in result.stdout
    text = path.read_text(encoding="utf-8")
    expected = EXISTING.replace("071 000 00 00  # the", "071 000 00 99  # the").replace(
        "  - label: Oud\n    email: oud@rijnland.example\n", ""
    )
    expected = expected.replace("roles:", "  - label: Nieuw\n    email: nieuw@rijnland.example\nroles:")
    assert text == expected


def test_an_untouched_file_stays_byte_identical() -> None:
    from partnerbeeld.sheets.yamledit import edit_partner

    contacts = [
        {"label": "Piket", "phone": "071 000 00 00", "available": "24/7", "primary": True},
        {"label": "Oud", "email": "oud@rijnland.example"},
    ]
    assert edit_partner(EXISTING, {"sector": "waterbeheer", "profiles": ["netbeheerder"]}, contacts).text is None
    for shipped in sorted((SHIPPED_DATA / "partners").glob("*.yaml"))[:20]:
        text = shipped.read_text(encoding="utf-8")
        # a real change, undone: ruamel writes the rest of the file back exactly
        changed = edit_partner(text, {"sector": "x-y"}, None).text
        assert changed is not None
        import yaml

        original_sector = yaml.safe_load(text)["sector"]
        assert edit_partner(changed, {"sector": original_sector}, None).text == text, shipped.name


def test_export_then_import_round_trips(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    before = {p: p.read_bytes() for p in sorted(data.rglob("*.yaml"))}
    for extra in ([], ["--vertrouwelijk"]):
        out = tmp_path / f"export{len(extra)}.xlsx"
        exported = run_cli("exporteer", "--formaat", "xlsx", "-o", out, "--data", data, *extra)
        assert exported.exit_code == 0, exported.stderr
        result = run_cli("importeer", out, "--data", data, "--bijwerken")
        assert result.exit_code == 0, result.stdout
        assert f"{len(list((data / 'partners').glob('*.yaml')))} ongewijzigd" in result.stdout
    assert {p: p.read_bytes() for p in sorted(data.rglob("*.yaml"))} == before


def test_export_leaves_confidential_contacts_out_unless_asked(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    dataset.write("partners/rijnland.yaml", EXISTING)
    run_cli("exporteer", "-o", tmp_path / "a.xlsx", "--data", dataset.root)
    run_cli("exporteer", "-o", tmp_path / "b.xlsx", "--data", dataset.root, "--vertrouwelijk")
    plain = openpyxl.load_workbook(tmp_path / "a.xlsx")
    secret = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert "06 10 00 00 01" not in str([c.value for row in plain["partners"].iter_rows() for c in row])
    assert "06 10 00 00 01" in str([c.value for row in secret["partners"].iter_rows() for c in row])
    assert "VERTROUWELIJK" in secret["uitleg"]["A1"].value
    assert run_cli("exporteer", "-o", tmp_path / "a.xlsx", "--data", dataset.root).exit_code == 2  # exists


def test_csv_with_bom_and_either_separator(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    semicolons = tmp_path / "a.csv"
    semicolons.write_bytes("\ufeffnaam;telefoon;bereikbaar\nKNRM Katwijk;071 000 00 30;24/7\n".encode())
    commas = tmp_path / "b.csv"
    commas.write_text('naam,email\n"Dunea, drinkwater",info@dunea.example\n', encoding="utf-8")
    assert run_cli("importeer", semicolons, "--data", dataset.root).exit_code == 0
    assert run_cli("importeer", commas, "--data", dataset.root).exit_code == 0
    assert sorted(files(dataset.root)) == ["dunea-drinkwater.yaml", "knrm-katwijk.yaml"]
    latin = tmp_path / "c.csv"
    latin.write_bytes("naam;telefoon\nGemeente Zoë;071 000 00 00\n".encode("cp1252"))
    refused = run_cli("importeer", latin, "--data", dataset.root)
    assert refused.exit_code == 1 and "geen UTF-8" in refused.stderr


def test_an_id_that_belongs_to_another_partner_is_refused(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    dataset.partner("rode-kruis", name="Nederlandse Rode Kruis")
    rows = [["Rode Kruis", None, None, None, None, "Piket", "071 000 00 00", None, None, None, None]]
    result = run_cli("importeer", sheet(tmp_path / "p.xlsx", rows), "--data", dataset.root)
    assert result.exit_code == 1
    assert "'Rode Kruis' krijgt id 'rode-kruis', maar dat id is al van 'Nederlandse Rode Kruis'" in result.stdout


def test_formulas_hidden_sheets_and_merged_cells(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "partners"
    ws.append(["naam", "contact", "telefoon"])
    ws.append(["Stedin", "Storing", "=A1&B1"])
    ws.append(["Liander", "Storing", "088 000 00 21"])
    ws.append([None, "Liaison", "088 000 00 22"])
    ws.merge_cells("A3:A4")  # one name for two contact rows: handled
    book.create_sheet("geheim").sheet_state = "hidden"
    book.save(tmp_path / "f.xlsx")
    result = run_cli("importeer", tmp_path / "f.xlsx", "--data", dataset.root)
    assert result.exit_code == 1
    # the formula is not repeated: it could spell a confidential number
    assert "rij 2, kolom telefoon: de cel bevat een formule, geen waarde" in result.stdout
    assert "A1&B1" not in result.stdout
    assert "de naam ontbreekt" not in result.stdout  # the merged name counts for both rows
    hidden = run_cli("importeer", tmp_path / "f.xlsx", "--blad", "geheim", "--data", dataset.root)
    assert hidden.exit_code == 1 and "verborgen" in hidden.stderr
    ws["C2"] = "088 000 00 20"
    ws.merge_cells("B2:C2")
    book.save(tmp_path / "g.xlsx")
    merged = run_cli("importeer", tmp_path / "g.xlsx", "--data", dataset.root)
    assert "samengevoegde cellen (B2:C2) over meer dan één kolom" in merged.stdout


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 * 1024 * 1024))
    result = run_cli("importeer", bomb, "--data", dataset.root)
    assert result.exit_code == 1 and "zip-bom" in result.stderr
    assert run_cli("importeer", tmp_path / "nope.xlsx", "--data", dataset.root).exit_code == 2
    (tmp_path / "x.ods").write_text("")
    assert run_cli("importeer", tmp_path / "x.ods", "--data", dataset.root).exit_code == 2


def test_template_has_headers_explanation_and_drop_downs(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    path = tmp_path / "sjabloon.xlsx"
    result = run_cli("importeer", "--sjabloon", path, "--data", dataset.root)
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["partners", "uitleg", "lijsten"] and book["lijsten"].sheet_state == "hidden"
    from partnerbeeld.sheets.columns import HEADERS

    assert [c.value for c in book["partners"][1]] == list(HEADERS)
    explained = [row[0].value for row in book["uitleg"].iter_rows()]
    assert all(header in explained for header in HEADERS)
    validations = book["partners"].data_validations.dataValidation
    covered = {str(v.sqref).split(":")[0][0] for v in validations}
    assert covered == {"D", "E", "F", "M", "N"}  # profielen, gemeenten, accounthouder, eerst bellen, vertrouwelijk
    lists = [c.value for c in book["lijsten"]["A"]]
    assert "netbeheerder" in lists
    empty = run_cli("importeer", path, "--data", dataset.root)
    assert empty.exit_code == 0 and "0 partners" in empty.stdout


def test_the_fast_commands_do_not_load_the_spreadsheet_libraries(dataset: DatasetBuilder) -> None:
    code = (
        "import sys; from partnerbeeld.cli import main; main(['zoek', '-i', 'water', '--data', sys.argv[1]]); "
        "import partnerbeeld.cli.importeer; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'ruamel')))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(dataset.root)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")


def test_the_new_commands_keep_help_fast() -> None:
    """`partnerbeeld --help` imports every command module: these must not pull in pydantic or the sheet libraries."""
    code = (
        "import sys, partnerbeeld.cli.importeer, partnerbeeld.cli.init; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'ruamel', 'pydantic')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_headers_are_matched_loosely_and_strangers_are_named(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    rows = [["KNRM", "071 000 00 30", "Strandweg 1"]]
    loose = sheet(tmp_path / "a.xlsx", rows, ["  NAAM ", "Telefoon", "Adres"])
    ok = run_cli("importeer", loose, "--data", dataset.root)
    assert ok.exit_code == 0
    assert "rij 1, kolom Adres: deze kolom wordt niet ingelezen" in ok.stdout
    typo = run_cli("importeer", sheet(tmp_path / "b.xlsx", rows, ["naam", "telefon", "adres"]), "--data", dataset.root)
    assert typo.exit_code == 1 and "rij 1, kolom telefon: onbekende kolom" in typo.stdout
    assert "Bedoelde je 'telefoon'?" in typo.stdout


def test_partner_columns_must_agree_across_a_partners_rows(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    rows = [["Stedin", "energie", "Piket", "088 000 00 20"], ["Stedin", "water", "Liaison", "088 000 00 21"]]
    result = run_cli(
        "importeer", sheet(tmp_path / "a.xlsx", rows, ["naam", "sector", "contact", "telefoon"]), "--data", dataset.root
    )
    assert result.exit_code == 1
    assert "rij 3, kolom sector: 'water' wijkt af van rij 2 van dezelfde partner" in result.stdout


def test_phone_numbers_excel_lost_the_zero_or_plus_of() -> None:
    from partnerbeeld.sheets.rows import RowProblem, _phone

    problems: list[RowProblem] = []
    assert _phone(31712345678, 2, "telefoon", problems, secret=False) == "+31712345678"
    assert (
        _phone("612345678", 3, "mobiel", problems, secret=False) == "0612345678"
    )  # a CSV Excel wrote: text, zero gone
    assert _phone(712345678.0, 4, "telefoon", problems, secret=False) == "0712345678"
    assert (
        _phone("071 234 56 78", 5, "telefoon", problems, secret=False) == "071 234 56 78"
    )  # text as written: untouched
    assert [p.row for p in problems] == [2, 3, 4]


def test_two_contacts_with_the_same_label_survive_a_round_trip(
    run_cli: Callable[..., Result], dataset: DatasetBuilder, tmp_path: Path
) -> None:
    rows = [
        ["Stedin", "energie", "Piket", "088 000 00 20"],
        ["Stedin", "energie", "Piket", "088 000 00 21"],
    ]
    path = sheet(tmp_path / "a.xlsx", rows, ["naam", "sector", "contact", "telefoon"])
    assert run_cli("importeer", path, "--data", dataset.root).exit_code == 0
    first = files(dataset.root)
    assert first["stedin.yaml"].count(b"label: Piket") == 2
    again = run_cli("importeer", path, "--data", dataset.root, "--bijwerken")
    assert "1 ongewijzigd" in again.stdout and files(dataset.root) == first
