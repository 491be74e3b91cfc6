"""Folders and links that cannot be read (issue 12, item 11): a finding with the folder, never a traceback.

Tests run as root, who may read anything: "no permission" is simulated by making
``os.scandir`` refuse the folder, as the operating system would for another user.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import TODAY

from partnerbeeld.answers.validation import validate
from partnerbeeld.reading import loading

COMMANDS = [
    ["valideer"],
    ["zoek", "--incident", "overstroming"],
    ["toon", "partner-a"],
    ["incidenttypen"],
    ["contactlijst", "--incident", "overstroming", "-f", "md"],
    ["signalen"],
    ["overzicht"],
    ["accounthouders"],
]


def link_loop_in_partners(root: Path) -> None:
    (root / "partners" / "kring-a.yaml").symlink_to("kring-b.yaml")
    (root / "partners" / "kring-b.yaml").symlink_to("kring-a.yaml")


def looping_partners_folder(root: Path) -> None:
    shutil.rmtree(root / "partners")
    (root / "partners").symlink_to("partners")


def partners_is_a_file(root: Path) -> None:
    shutil.rmtree(root / "partners")
    (root / "partners").write_text("id: partner-a\n", encoding="utf-8")


def unreadable_partners(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.scandir
    refused = os.fspath(root / "partners")

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == refused:  # type: ignore[call-overload]
            raise PermissionError(errno.EACCES, "Permission denied", refused)
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(loading.os, "scandir", scandir)


SHAPES: dict[str, Callable[..., None]] = {
    "kringkoppeling": link_loop_in_partners,
    "map-in-een-kring": looping_partners_folder,
    "bestand-in-plaats-van-map": partners_is_a_file,
    "geen-toestemming": unreadable_partners,
}


@pytest.fixture
def dataset(builder):
    builder.profile("profiel-a", roles={"overstroming": {"modes": ["liaison"], "teams": ["rot"]}})
    builder.partner("partner-a", profiles=["profiel-a"])
    return builder


def breaks(shape: str, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make = SHAPES[shape]
    if shape == "geen-toestemming":
        make(root, monkeypatch)
    else:
        make(root)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_every_command_reports_instead_of_crashing(dataset, run_cli, monkeypatch, shape, args):
    breaks(shape, dataset.root, monkeypatch)
    result = run_cli(*args, "--data", dataset.root)
    assert "Traceback" not in result.stderr
    # `toon partner-a` cannot find the partner when its folder is unreadable: that is a usage error (2)
    expected = {2} if args[0] == "toon" and shape != "kringkoppeling" else {1}
    assert result.exit_code in expected, (result.exit_code, result.stderr)
    said = result.stdout + result.stderr if args[0] == "valideer" else result.stderr
    assert "fout" in said or "LET OP" in said


@pytest.mark.parametrize(
    ("shape", "code", "words"),
    [
        ("kringkoppeling", "bestand-onleesbaar", "in een kring"),
        ("map-in-een-kring", "map-onleesbaar", "in een kring"),
        ("bestand-in-plaats-van-map", "map-onleesbaar", "hoort een map te zijn"),
        ("geen-toestemming", "map-onleesbaar", "geen toestemming"),
    ],
)
def test_valideer_names_the_place_and_what_is_wrong(dataset, monkeypatch, shape, code, words):
    breaks(shape, dataset.root, monkeypatch)
    report = validate(dataset.root, TODAY)
    found = [f for f in report.findings if f.code == code]
    assert found and all(words in f.message for f in found), report.findings
    assert all(dataset.root / "partners" in (f.file, f.file.parent) for f in found)


def test_a_file_named_plans_is_reported_not_ignored(dataset, run_cli):
    shutil.rmtree(dataset.root / "plans")
    (dataset.root / "plans").write_text("hoi\n", encoding="utf-8")
    result = run_cli("valideer", "--data", dataset.root)
    assert result.exit_code == 1
    assert "plans is een bestand, maar hoort een map te zijn" in result.stdout
    signals = run_cli("signalen", "--data", dataset.root)
    assert signals.exit_code == 1 and "LET OP" in signals.stderr


def test_a_missing_record_folder_is_still_fine(dataset, run_cli):
    shutil.rmtree(dataset.root / "plans")
    assert run_cli("valideer", "--data", dataset.root).exit_code == 0


def test_a_fixed_file_that_is_a_link_loop_is_unreadable_not_missing(dataset, run_cli):
    (dataset.root / "accountholders.yaml").unlink()
    (dataset.root / "accountholders.yaml").symlink_to("accountholders.yaml")
    result = run_cli("valideer", "--data", dataset.root)
    assert result.exit_code == 1
    assert "in een kring" in result.stdout


def test_a_folder_named_like_a_record_is_reported_not_skipped(dataset, run_cli):
    (dataset.root / "partners" / "partner-b.yaml").mkdir()
    result = run_cli("valideer", "--data", dataset.root)
    assert result.exit_code == 1
    assert "partner-b.yaml" in result.stdout and "geen gewoon bestand" in result.stdout


@pytest.mark.parametrize("shape", ["map-in-een-kring", "bestand-in-plaats-van-map", "geen-toestemming"])
def test_an_unreadable_folder_is_one_finding_not_a_reference_error_everywhere(dataset, monkeypatch, shape):
    dataset.covenant("convenant-a", partners=["partner-a"])
    breaks(shape, dataset.root, monkeypatch)
    codes = [f.code for f in validate(dataset.root, TODAY).findings]
    assert codes == ["map-onleesbaar"], codes


@pytest.mark.parametrize("shape", ["map-in-een-kring", "bestand-in-plaats-van-map"])
def test_nieuw_says_the_folder_cannot_be_used(dataset, run_cli, monkeypatch, shape):
    breaks(shape, dataset.root, monkeypatch)
    result = run_cli("nieuw", "partner", "--data", dataset.root, "--naam", "Nieuwe Partner", "--sector", "waterbeheer")
    assert result.exit_code == 2, result.stderr
    assert "De map partners/ kan niet worden gebruikt" in result.stderr
