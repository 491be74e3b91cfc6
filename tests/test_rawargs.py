"""The command line as typed: empty values and options where a value belongs are usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHIPPED_DATA


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["zoek", "-i", ""], "-i is leeg."),
        (["zoek", "--gemeente="], "--gemeente is leeg."),
        (["zoek", "--data", ""], "--data is leeg."),  # click would read '.', the current folder
        (["zoek", "--vertrouwelijk", ""], "Een leeg argument"),  # a flag takes no value: the '' is TEKST
        (["zoek", "--", ""], "Een leeg argument"),
        (["contactlijst", "-f", "md", "-o", "--vertrouwelijk"], "-o heeft een waarde nodig; '--vertrouwelijk'"),
        (["contactlijst", "-f", "md", "-o="], "-o is leeg."),
        (["signalen", "--accounthouder", " "], "--accounthouder is leeg."),
    ],
)
def test_what_an_empty_variable_does_to_a_command_line_is_refused(run_cli, args, expected) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2, result.stderr
    assert expected in result.stderr
    assert result.stdout == ""


def test_after_a_double_dash_everything_is_text(run_cli) -> None:
    result = run_cli("zoek", "--data", SHIPPED_DATA, "--", "--x=")
    assert result.exit_code == 0 and "tekst '--x='" in result.stdout


def test_an_output_folder_that_is_not_there_is_not_made_into_a_file(run_cli, tmp_path: Path) -> None:
    missing = f"{tmp_path / 'nieuwe-map'}/"
    result = run_cli("contactlijst", "-i", "brand", "-f", "md", "-o", missing, "--data", SHIPPED_DATA)
    assert result.exit_code == 2 and "bestaat niet" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_dash_is_standard_output(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("contactlijst", "-i", "brand", "-f", "md", "-o", "-", "--data", SHIPPED_DATA)
    assert result.exit_code == 0 and result.stdout.startswith("# Contactlijst")
    assert not (tmp_path / "-").exists()
