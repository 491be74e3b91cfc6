"""A read-only answer that lacks files with errors exits 1: the status is a value each command returns."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerbeeld.cli.common import load_for_reading
from partnerbeeld.infra.errors import ExitStatus


@pytest.fixture
def broken(builder):
    builder.profile("water", roles={"drinkwater": {"modes": ["alarmeren"]}})
    builder.partner("dunea", name="Dunea", profiles=["water"])
    builder.write("partners/oasen.yaml", "id: oasen\nid: oasen\nname: Oasen\n")  # duplicate key
    return builder


def test_load_for_reading_returns_what_it_skipped(broken, capsys):
    reading = load_for_reading(broken.root)
    assert reading.skipped_names() == ("partners/oasen.yaml",)
    assert reading.status is ExitStatus.DATA_ERRORS
    assert "dunea" in reading.dataset.partners and "oasen" not in reading.dataset.partners
    assert "onvolledig" in capsys.readouterr().err
    broken.partner("oasen", name="Oasen", profiles=["water"])
    assert load_for_reading(broken.root).status is ExitStatus.OK


def _commands(out: Path) -> list[list[str]]:
    out.mkdir()
    return [
        ["zoek", "-i", "drinkwater"],
        ["toon", "Dunea"],
        ["incidenttypen"],
        ["contactlijst", "-i", "drinkwater", "-f", "md"],
        ["signalen"],
        ["accounthouders"],
        ["overzicht"],
        ["site", "-o", str(out / "site")],
        ["exporteer", "-o", str(out / "export.xlsx")],
        ["importeer", "--sjabloon", str(out / "sjabloon.xlsx")],
    ]


def test_every_read_only_command_exits_1_on_an_incomplete_answer_and_0_after(broken, run_cli, tmp_path):
    for command in _commands(tmp_path / "eerst"):
        result = run_cli(*command, "--data", broken.root)
        assert result.exit_code == 1, (command, result.stderr)
        assert "onvolledig" in result.stderr and "partners/oasen.yaml" in result.stderr
    broken.partner("oasen", name="Oasen", profiles=["water"])
    for command in _commands(tmp_path / "daarna"):  # nothing of the earlier runs stays behind
        result = run_cli(*command, "--data", broken.root)
        assert result.exit_code == 0, (command, result.stderr)
