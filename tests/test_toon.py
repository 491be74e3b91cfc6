"""`partnerbeeld toon` and `incidenttypen`: golden text and JSON, confidentiality, ambiguity."""

from __future__ import annotations

import json

import pytest
from builders import small_region
from goldenfiles import assert_golden


@pytest.fixture
def root(builder):
    small_region(builder)
    builder.covenant(
        "convenant-water",
        title="Convenant waterbeheer",
        partners=["waterschap-west"],
        valid_until="2027-01-31",
        signed_on="2020-02-01",
    )
    builder.exercise(
        "oefening-hoogwater",
        title="Oefening hoogwater",
        date="2025-10-08",
        kind="systeemoefening",
        partners=["waterschap-west"],
        incident_types=["overstroming"],
    )
    builder.exercise("oefening-oud", title="Oefening dijk", date="2022-03-01", partners=["waterschap-west"])
    builder.plan(
        "crisisplan",
        title="Regionaal crisisplan",
        kind="regionaal-crisisplan",
        partners=["waterschap-west", "drinkwater-kust"],
        last_revised_on="2024-01-15",
    )
    return builder.root


# --- toon ----------------------------------------------------------------------------------


def test_toon_golden_text(run_cli, root):
    result = run_cli("toon", "--data", root, "waterschap-west")
    assert result.exit_code == 0, result.stderr
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert_golden("toon/waterschap.txt", result.stdout)


def test_toon_golden_json(run_cli, root):
    result = run_cli("toon", "--data", root, "Westland", "--formaat", "json")
    assert result.exit_code == 0, result.stderr
    assert_golden("toon/waterschap.json", result.stdout)


def test_toon_hides_confidential_contacts_and_says_how_many(run_cli, root):
    plain = run_cli("toon", "--data", root, "waterschap-west")
    assert "06 10 00 00 01" not in plain.stdout
    assert "1 vertrouwelijk contact verborgen" in plain.stdout
    shown = run_cli("toon", "--data", root, "waterschap-west", "--vertrouwelijk")
    assert "06 10 00 00 01" in shown.stdout and "VERTROUWELIJK" in shown.stdout
    document = json.loads(run_cli("toon", "--data", root, "waterschap-west", "-f", "json").stdout)
    assert document["verborgen_contacten"] == 1
    assert all(not c["vertrouwelijk"] for c in document["contacten"])


def test_toon_says_where_each_role_comes_from(run_cli, root):
    document = json.loads(run_cli("toon", "--data", root, "waterschap-west", "-f", "json").stdout)
    roles = {r["incidenttype"]: r for r in document["rollen"]}
    assert roles["overstroming"]["bron"] == "profiel" and roles["overstroming"]["profiel"] == "waterbeheerder"
    assert roles["wateroverlast"]["bron"] == "afwijking"
    assert roles["wateroverlast"]["vervangt_profiel"] == "waterbeheerder"
    assert [e["id"] for e in document["oefeningen"]] == ["oefening-hoogwater", "oefening-oud"]  # newest first
    assert document["dagen_sinds_controle"] == 317 and document["controle_te_oud"] is False


def test_toon_ambiguous_name_lists_candidates_and_exits_2(run_cli, root):
    result = run_cli("toon", "--data", root, "drinkwater")
    assert result.exit_code == 2
    assert "drinkwater-hart" in result.stderr and "drinkwater-kust" in result.stderr
    assert result.stdout == ""


def test_toon_unknown_partner_suggests(run_cli, root):
    result = run_cli("toon", "--data", root, "omroepp-testlnd")
    assert result.exit_code == 2
    assert "Onbekende partner 'omroepp-testlnd'" in result.stderr and "omroep" in result.stderr


def test_toon_without_a_name_is_a_usage_error_not_a_list_of_everyone(run_cli, root):
    result = run_cli("toon", "--data", root, " ")
    assert result.exit_code == 2
    assert "leeg argument" in result.stderr and "past bij" not in result.stderr


# --- incidenttypen ---------------------------------------------------------------------------


def test_incidenttypen_golden_text(run_cli, root):
    result = run_cli("incidenttypen", "--data", root)
    assert result.exit_code == 0, result.stderr
    assert_golden("incidenttypen/alle.txt", result.stdout)


def test_incidenttypen_json_counts_like_zoek(run_cli, root):
    tree = json.loads(run_cli("incidenttypen", "--data", root, "-f", "json").stdout)["incidenttypen"]
    for node in tree:
        found = json.loads(run_cli("zoek", "--data", root, "-i", node["code"], "-f", "json").stdout)
        assert node["partners"] == found["aantal"], node["code"]
    assert {n["code"]: n["aliassen"] for n in tree}["drinkwater"] == ["water"]
