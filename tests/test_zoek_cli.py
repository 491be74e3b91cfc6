"""`partnerbeeld zoek` on the command line: golden table/JSON/CSV/Markdown, errors, completion, shipped data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from builders import small_region
from conftest import SHIPPED_DATA
from goldenfiles import assert_golden

from partnerbeeld.cli import completion


@pytest.fixture
def fixture_root(builder):
    return small_region(builder)


# --- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("overstroming.txt", ["--incident", "overstroming"]),
        ("water-katwijk.txt", ["-i", "water", "--gemeente", "katwijk"]),
        ("alle.txt", []),
        ("overstroming.json", ["--incident", "overstroming", "--formaat", "json"]),
        ("water.csv", ["-i", "water", "--formaat", "CSV"]),
        ("water.md", ["-i", "water", "--formaat", "md"]),
    ],
)
def test_golden_output(run_cli, fixture_root, name, args):
    result = run_cli("zoek", "--data", fixture_root, *args)
    assert result.exit_code == 0, result.stderr
    assert_golden(f"zoek/{name}", result.stdout)


def test_table_fits_80_columns_has_no_colour_and_one_partner_per_line(run_cli, fixture_root):
    out = run_cli("zoek", "--data", fixture_root).stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "\x1b[" not in out and "│" not in out and "┃" not in out
    rows = [line for line in out.splitlines() if "Westland" in line]
    assert len(rows) == 1 and "071 000 00 01" in rows[0]  # `| grep Westland` gives the number


def test_json_is_stable_sorted_and_iso(run_cli, fixture_root):
    out = run_cli("zoek", "--data", fixture_root, "-i", "water", "-f", "json").stdout
    document = json.loads(out)
    assert out == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert document["peildatum"] == "2026-11-28"
    assert document["dataversie"]["label"] == "geen git"
    assert document["gevraagd"]["via"] == "alias"
    # the water board joins first (liaison from GRIP 1 at wateroverlast), then the rest by name
    assert [p["id"] for p in document["partners"]][:2] == ["waterschap-west", "drinkwater-hart"]


def test_csv_is_rfc4180_and_keeps_phone_numbers(run_cli, builder):
    small_region(builder)
    builder.partner(
        "formule",
        name='=HYPERLINK("x")',
        sector="media",
        contacts=[{"label": "Int", "phone": "+31 71 000 00 02", "available": "24/7", "primary": True}],
    )
    out = run_cli("zoek", "--data", builder.root, "formule", "-f", "csv").stdout
    assert out.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][1].startswith("'=")  # a formula is defused
    assert rows[1][8] == "+31 71 000 00 02"  # a phone number is not


def test_confidential_contact_only_with_vertrouwelijk(run_cli, builder):
    small_region(builder)
    builder.partner("geheim", contacts=[{"label": "Geheim", "mobile": "06 99 99 99 99", "confidential": True}])
    plain = run_cli("zoek", "--data", builder.root, "geheim")
    assert "06 99 99 99 99" not in plain.stdout
    shown = run_cli("zoek", "--data", builder.root, "geheim", "--vertrouwelijk")
    assert "06 99 99 99 99" in shown.stdout and "VERTROUWELIJK" in shown.stdout


# --- errors are Dutch usage errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-i", "stroomstorig"], "Bedoelde je stroomstoring"),
        (["--team", "rott"], "Onbekend team 'rott'"),
        (["--gemeente", "Katwyk"], "Bedoelde je Katwijk"),
        (["--profiel", "waterbeheer"], "Bedoelde je waterbeheerder"),
        (["--modus", "alarmm"], "Onbekende modus"),
        (["--grip", "9"], "GRIP 9 bestaat niet"),
        (["--formaat", "pdf"], "Ongeldige waarde voor"),
        # an empty variable in a script (`-i "$TYPE"`) is a mistake, never "no filter"
        (["-i", ""], "-i is leeg"),
        (["--team", " "], "--team is leeg"),
        (["--gemeente", ""], "--gemeente is leeg"),
        (["--profiel", ""], "--profiel is leeg"),
        (["--modus", ""], "--modus is leeg"),
        (["--accounthouder", ""], "--accounthouder is leeg"),
        ([""], "Een leeg argument"),
        (["--data", ""], "--data is leeg"),  # click would read it as '.', the current folder
        (["--data="], "--data is leeg"),
        (["-i"], "De optie -i heeft een waarde nodig.\n  Zie 'partnerbeeld zoek --help'."),
        (["waterschap", "west"], "Tekst met spaties zet je tussen aanhalingstekens."),
    ],
)
def test_bad_values_exit_2_in_dutch(run_cli, fixture_root, args, expected):
    result = run_cli("zoek", "--data", fixture_root, *args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_a_file_given_as_data_folder_is_said_in_dutch(run_cli, tmp_path):
    (tmp_path / "partners.yaml").write_text("id: x\n", encoding="utf-8")
    result = run_cli("zoek", "-i", "brand", "--data", tmp_path / "partners.yaml")
    assert result.exit_code == 3  # as for a folder that does not exist: no dataset there
    assert "partners.yaml is een bestand, geen map." in result.stderr


def test_nothing_found_is_said_not_an_error(run_cli, fixture_root):
    result = run_cli("zoek", "--data", fixture_root, "-i", "energie", "--team", "bt")
    assert result.exit_code == 0
    assert "Geen partners gevonden" in result.stdout


# --- shell completion ------------------------------------------------------------------------


class Ctx:
    def __init__(self, data: Path) -> None:
        self.params = {"data": str(data)}


def test_completion_offers_codes_aliases_teams_municipalities_profiles_and_partners(fixture_root):
    ctx = Ctx(fixture_root)
    assert [v for v, _ in completion.incident_types(ctx, "stroom")] == ["stroomuitval", "stroomstoring"]
    assert ("water", "alias: overstroming, drinkwater") in completion.incident_types(ctx, "wa")
    assert [v for v, _ in completion.teams("r")] == ["rot", "rbt"]
    assert [v for v, _ in completion.municipalities(ctx, "k")] == ["katwijk"]
    assert [v for v, _ in completion.profiles(ctx, "")] == ["drinkwaterbedrijf", "netbeheerder", "waterbeheerder"]
    assert [v for v, _ in completion.partners(ctx, "drink")] == ["drinkwater-hart", "drinkwater-kust"]


def test_completion_without_a_dataset_offers_nothing(tmp_path):
    assert completion.incident_types(Ctx(tmp_path / "nergens"), "") == []
    assert completion.partners(Ctx(tmp_path / "nergens"), "") == []


def test_completion_through_the_shell_protocol(fixture_root, monkeypatch, capsys):
    """What bash actually gets: Typer's completion wiring reaches our functions."""
    from partnerbeeld.cli import main

    monkeypatch.setenv("_PARTNERBEELD_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", f"partnerbeeld zoek --data {fixture_root} --incident stroom")
    monkeypatch.setenv("COMP_CWORD", "5")
    with pytest.raises(SystemExit):
        main([])
    assert set(capsys.readouterr().out.split()) >= {"stroomuitval", "stroomstoring"}


# --- the shipped dataset makes domain sense ----------------------------------------------------------


def shipped(run_cli, *args):
    result = run_cli("zoek", "--data", SHIPPED_DATA, "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["partners"]


def test_shipped_overstroming_brings_water_boards_and_rijkswaterstaat_into_the_rot(run_cli):
    hits = {p["id"]: p for p in shipped(run_cli, "-i", "overstroming")}
    water = [p for p in hits.values() if p["sector"] == "waterbeheer"]
    assert len(water) >= 3
    assert any(key.startswith("rijkswaterstaat") for key in hits)
    for p in water:
        assert "rot" in p["rol"]["teams"], p["id"]


def test_shipped_stroomstoring_brings_the_grid_operators(run_cli):
    hits = shipped(run_cli, "-i", "stroomstoring")
    names = " ".join(p["naam"] for p in hits)
    assert "Liander" in names and "TenneT" in names


def test_shipped_drinkwater_dunea_and_oasen_but_katwijk_only_dunea(run_cli):
    everywhere = {p["id"] for p in shipped(run_cli, "-i", "drinkwater")}
    assert {"dunea", "oasen"} <= everywhere
    katwijk = {p["id"] for p in shipped(run_cli, "-i", "drinkwater", "--gemeente", "katwijk")}
    assert "dunea" in katwijk and "oasen" not in katwijk


def test_shipped_paniek_menigte_brings_the_event_organisers(run_cli):
    names = " ".join(p["naam"] for p in shipped(run_cli, "-i", "paniek-menigte"))
    assert "Keukenhof" in names


def test_shipped_grip_1_drops_partners_that_join_later(run_cli):
    everyone = shipped(run_cli, "-i", "brand")
    late = [p["id"] for p in everyone if p["rol"]["vanaf_grip"] >= 2]
    assert late, "de data heeft geen partner die pas vanaf GRIP 2 aansluit"
    early = shipped(run_cli, "-i", "brand", "--grip", "1")
    assert not set(late) & {p["id"] for p in early}
    assert early and all(p["rol"]["vanaf_grip"] <= 1 for p in early)
