"""`partnerbeeld valideer`: text for people, stable JSON, GitHub annotations, --strikt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import DatasetBuilder

BAD_PHONE_NO_HOLDER = """\
id: partner-a
name: Partner A, 100% bereikbaar
sector: waterbeheer
contacts:
  - label: Piket
    phone: 071 12
    available: 24/7
    primary: true
"""


@pytest.fixture
def broken(builder: DatasetBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DatasetBuilder:
    """One error (a phone number) and one warning (no account holder); cwd is the 'repository'."""
    builder.write("partners/partner-a.yaml", BAD_PHONE_NO_HOLDER)
    monkeypatch.chdir(tmp_path)
    return builder


def test_text_groups_per_file_with_line_code_and_hint(run_cli, broken: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("valideer", "--data", broken.root)
    assert result.exit_code == 1
    assert result.stdout == (
        "data/partners/partner-a.yaml\n"
        "      1:1  waarschuwing  Partner A, 100% bereikbaar heeft geen accounthouder.\n"
        "           [accounthouder-ontbreekt]\n"
        "           → Voeg 'account_holder: <id>' toe; zie accountholders.yaml.\n"
        "     6:12  fout  '071 12' bestaat niet in het nummerplan. [telefoon-ongeldig]\n"
        "           → Schrijf een Nederlands nummer (071 123 45 67) of internationaal\n"
        "             (+31 71 ...).\n"
        "\n"
        "1 fout, 1 waarschuwing in 1 van 4 bestanden.\n"
    )
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_json_is_stable_and_relative(run_cli, broken: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("valideer", "--data", broken.root, "--formaat", "JSON")  # case-insensitive choice
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert list(payload) == sorted(payload)
    assert (payload["fouten"], payload["waarschuwingen"], payload["bestanden"]) == (1, 1, 4)
    assert payload["bevindingen"][1] == {
        "bestand": "data/partners/partner-a.yaml",
        "regel": 6,
        "kolom": 12,
        "ernst": "fout",
        "code": "telefoon-ongeldig",
        "melding": "'071 12' bestaat niet in het nummerplan.",
        "hint": "Schrijf een Nederlands nummer (071 123 45 67) of internationaal (+31 71 ...).",
    }
    assert payload["bevindingen"][0]["ernst"] == "waarschuwing"


def test_github_annotations_with_repo_relative_paths(run_cli, broken: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("valideer", "--data", broken.root, "--formaat", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::warning file=data/partners/partner-a.yaml,line=1,col=1,title=accounthouder-ontbreekt::"
        "Partner A, 100%25 bereikbaar heeft geen accounthouder. "
        "Voeg 'account_holder: <id>' toe; zie accountholders.yaml."
    )
    assert lines[1].startswith(
        "::error file=data/partners/partner-a.yaml,line=6,col=12,title=telefoon-ongeldig::'071 12'"
    )
    assert lines[2] == "1 fout, 1 waarschuwing in 1 van 4 bestanden."


def test_github_escapes_properties(run_cli, builder: DatasetBuilder, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    builder.write("partners/a,b:c.yaml", "id: partner-a\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("valideer", "--data", builder.root, "--formaat", "github")
    assert "file=data/partners/a%2Cb%3Ac.yaml," in result.stdout


def test_strikt_turns_warnings_into_failure(run_cli, builder: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    builder.write("partners/partner-a.yaml", BAD_PHONE_NO_HOLDER.replace("071 12", "071 000 00 00"))
    relaxed = run_cli("valideer", "--data", builder.root)
    strict = run_cli("valideer", "--data", builder.root, "--strikt")
    assert (relaxed.exit_code, strict.exit_code) == (0, 1)
    assert "0 fouten, 1 waarschuwing in 1 van 4 bestanden." in strict.stdout


def test_clean_dataset(run_cli, builder: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("valideer", "--data", builder.root, "--strikt")
    assert (result.exit_code, result.stdout) == (0, "0 fouten, 0 waarschuwingen in 3 bestanden.\n")


def test_dataset_from_environment(run_cli, builder: DatasetBuilder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PARTNERBEELD_DATA", str(builder.root))
    assert run_cli("valideer").exit_code == 0


def test_no_dataset_is_exit_3(run_cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = run_cli("valideer")
    assert result.exit_code == 3
    assert "Geen dataset gevonden" in result.stderr
