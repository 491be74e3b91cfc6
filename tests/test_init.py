"""`partnerbeeld init`: a new region's dataset that is valid from the start."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, Result

from partnerbeeld.answers.starter import STARTER_FILES, parse_municipalities, short_name_of
from partnerbeeld.infra.errors import UsageError


def test_init_then_valideer_passes(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "gemeenten.txt").write_text("Utrecht\nDe Bilt\nStichtse Vecht\n", encoding="utf-8")
    gemeenten = tmp_path / "gemeenten.txt"
    made = run_cli("init", tmp_path / "vru", "--regio", "Veiligheidsregio Utrecht", "--gemeenten", gemeenten)
    assert made.exit_code == 0, made.stderr
    checked = run_cli("valideer", "--data", tmp_path / "vru" / "data")
    assert checked.exit_code == 0, checked.stdout
    assert "0 fouten, 0 waarschuwingen" in checked.stdout
    settings = (tmp_path / "vru" / "data" / "partnerbeeld.yaml").read_text(encoding="utf-8")
    assert "short_name: VRU" in settings and "id: stichtse-vecht" in settings
    found = run_cli("zoek", "-i", "stroomstoring", "--data", tmp_path / "vru" / "data")
    assert found.exit_code == 0 and "0 partners" in found.stdout


def test_init_lays_out_a_data_repository(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    assert run_cli("init", tmp_path / "r", "--regio", "Veiligheidsregio Twente").exit_code == 0
    root = tmp_path / "r"
    for name in ("partners", "covenants", "exercises", "plans"):
        assert [p.name for p in (root / "data" / name).iterdir()] == [".gitkeep"]
    profiles = sorted(p.name for p in (root / "data" / "profiles").iterdir())
    assert profiles == sorted(p.name for p in (REPO / "data" / "profiles").glob("*.yaml"))
    waterbeheerder = (root / "data" / "profiles" / "waterbeheerder.yaml").read_text(encoding="utf-8")
    assert waterbeheerder.startswith("# yaml-language-server: $schema=../../schemas/profile.schema.json\n")
    assert "startpunt" in waterbeheerder
    assert (root / "schemas" / "partner.schema.json").is_file()
    assert "Katwijk" not in (root / "data" / "incidenttypes.yaml").read_text(encoding="utf-8")
    for name in (".gitignore", ".pre-commit-config.yaml", ".gitlab-ci.yml", ".github/workflows/dataset.yml"):
        assert (root / name).is_file(), name
    assert "Veiligheidsregio Twente" in (root / "README.md").read_text(encoding="utf-8")
    assert not (root / ".git").exists()  # only with --git


def test_without_municipalities_valideer_names_them(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    assert run_cli("init", tmp_path / "r", "--regio", "Veiligheidsregio Twente").exit_code == 0
    checked = run_cli("valideer", "--data", tmp_path / "r" / "data")
    assert checked.exit_code == 1
    assert "municipalities mag niet leeg zijn" in checked.stdout
    assert "Nog leeg" in (tmp_path / "r" / "data" / "partnerbeeld.yaml").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "notes.txt").write_text("mine")
    result = run_cli("init", tmp_path / "r", "--regio", "Veiligheidsregio Twente")
    assert result.exit_code == 2 and "niet leeg" in result.stderr
    assert [p.name for p in (tmp_path / "r").iterdir()] == ["notes.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".r.")]  # no staging folder left


def test_init_in_the_current_empty_folder(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "r").mkdir()
    monkeypatch.chdir(tmp_path / "r")
    assert run_cli("init", ".", "--regio", "Veiligheidsregio Twente").exit_code == 0
    assert (tmp_path / "r" / "data" / "partnerbeeld.yaml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]


def test_init_with_git(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    result = run_cli("init", tmp_path / "r", "--regio", "Veiligheidsregio Twente", "--git")
    assert result.exit_code == 0 and (tmp_path / "r" / ".git").is_dir()


def test_municipality_files() -> None:
    names = parse_municipalities("Utrecht\n\n# comment\nDe Bilt\n", "g.txt")
    assert [(m.id, m.name) for m in names] == [("utrecht", "Utrecht"), ("de-bilt", "De Bilt")]
    csv = parse_municipalities("id;naam\nutrecht;Utrecht\nbilt;De Bilt\n", "g.csv")
    assert [(m.id, m.name) for m in csv] == [("utrecht", "Utrecht"), ("bilt", "De Bilt")]
    with pytest.raises(UsageError, match="regel 2"):
        parse_municipalities("Utrecht\nutrecht\n", "g.txt")
    with pytest.raises(UsageError, match="geen geldig id"):
        parse_municipalities("Utrecht Stad,Utrecht\n", "g.csv")


def test_short_names() -> None:
    assert short_name_of("Veiligheidsregio Utrecht") == "VRU"
    assert short_name_of("Veiligheidsregio Hollands Midden") == "VRHM"
    assert short_name_of("Veiligheidsregio Zuid-Holland Zuid") == "VRZHZ"


def test_the_wheel_carries_what_init_reads() -> None:
    """init reads STARTER_FILES from partnerbeeld/starter/ when installed: pyproject must put them there."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    included = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    for name, source in STARTER_FILES.items():
        assert included.get(source) == f"partnerbeeld/starter/{name}", source
        assert (REPO / source).exists()
