"""`partnerbeeld toon` and `incidenttypen`: golden text and JSON, confidentiality, ambiguity; the cache."""

from __future__ import annotations

import json
import os
import stat

import pytest
from test_query import build_fixture
from test_zoek_cli import assert_golden

from partnerbeeld import cache


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PARTNERBEELD_GEEN_CACHE", raising=False)


@pytest.fixture
def root(builder):
    build_fixture(builder)
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
    assert_golden("toon-waterschap.txt", result.stdout)


def test_toon_golden_json(run_cli, root):
    result = run_cli("toon", "--data", root, "Westland", "--formaat", "json")
    assert result.exit_code == 0, result.stderr
    assert_golden("toon-waterschap.json", result.stdout)


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
    assert "omroep" in result.stderr


# --- incidenttypen ---------------------------------------------------------------------------


def test_incidenttypen_golden_text(run_cli, root):
    result = run_cli("incidenttypen", "--data", root)
    assert result.exit_code == 0, result.stderr
    assert_golden("incidenttypen.txt", result.stdout)


def test_incidenttypen_json_counts_like_zoek(run_cli, root):
    tree = json.loads(run_cli("incidenttypen", "--data", root, "-f", "json").stdout)["incidenttypen"]
    for node in tree:
        found = json.loads(run_cli("zoek", "--data", root, "-i", node["code"], "-f", "json").stdout)
        assert node["partners"] == found["aantal"], node["code"]
    assert {n["code"]: n["aliassen"] for n in tree}["drinkwater"] == ["water"]


# --- the cache ---------------------------------------------------------------------------------


def test_cache_is_private_and_serves_the_same_dataset(root, tmp_path):
    first, _ = cache.open_dataset_cached(root)
    files = list((tmp_path / "cache" / "partnerbeeld").iterdir())
    assert len(files) == 1
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(files[0].parent.stat().st_mode) == 0o700
    second, _ = cache.open_dataset_cached(root)
    assert second.partners == first.partners and second.profiles == first.profiles
    assert not any(p.is_relative_to(root) for p in (tmp_path / "cache").rglob("*"))


def test_cache_misses_after_an_edit(root, builder):
    cache.open_dataset_cached(root)
    builder.partner("omroep", name="Omroep Nieuw", sector="media", profiles=[])
    os.utime(root / "partners" / "omroep.yaml", ns=(1, 1))  # even with an old mtime: the size changed
    dataset, _ = cache.open_dataset_cached(root)
    assert dataset.partners["omroep"].name == "Omroep Nieuw"


def test_corrupt_or_foreign_cache_is_ignored(root, tmp_path):
    cache.open_dataset_cached(root)
    entry = next((tmp_path / "cache" / "partnerbeeld").iterdir())
    entry.write_bytes(b"geen pickle")
    dataset, _ = cache.open_dataset_cached(root)
    assert "waterschap-west" in dataset.partners
    entry.chmod(0o666)  # writable by others: never unpickled
    key = cache.fingerprint(root)
    assert cache.read(root, key, entry.parent) is None


def test_cache_can_be_turned_off(root, tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERBEELD_GEEN_CACHE", "1")
    cache.open_dataset_cached(root)
    assert not (tmp_path / "cache").exists()
