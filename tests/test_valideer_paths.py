"""`valideer PAD...` (the pre-commit path): never fewer problems for the named files than the full run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from builders import DatasetBuilder
from conftest import SHIPPED_DATA, TODAY
from corpus_cases import CASES, Case

from partnerbeeld.answers.validation import validate
from partnerbeeld.infra.paths import located
from partnerbeeld.model.findings import Finding


def _key(f: Finding) -> tuple[str, int, int, str, str]:
    return (located(f.file).as_posix(), f.line, f.column, f.code, f.message)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_single_file_run_misses_nothing_the_full_run_finds(tmp_path: Path, case: Case) -> None:
    builder = DatasetBuilder(tmp_path)
    case.build(builder)
    full = validate(builder.root, TODAY)
    named = {f.file for f in full.findings} | {f.file for f, _ in full.accepted}
    named |= {builder.root / relpath for _, relpath, _ in case.findings}
    for path in sorted(named):
        single = validate(builder.root, TODAY, only=[path])
        want = Counter(_key(f) for f in full.findings if located(f.file) == located(path))
        got = Counter(_key(f) for f in single.findings)
        assert not want - got, f"{path.name}: {want - got}"
        want_accepted = Counter(_key(f) for f, _ in full.accepted if located(f.file) == located(path))
        assert not want_accepted - Counter(_key(f) for f, _ in single.accepted)
        assert single.exit_status() >= (1 if any(f.severity == "fout" for f in full.findings if f.file == path) else 0)


def test_the_comparison_covers_the_corpus() -> None:
    # the parametrised test above reaches every kind of problem in the corpus
    assert len(CASES) > 30 and sum(len(c.findings) for c in CASES) > 30


def test_only_the_named_file_is_reported(builder: DatasetBuilder) -> None:
    builder.partner("partner-a", account_holder=None)
    builder.partner("partner-b", account_holder=None)
    report = validate(builder.root, TODAY, only=[builder.root / "partners" / "partner-b.yaml"])
    assert [(f.code, f.file.name) for f in report.findings] == [("accounthouder-ontbreekt", "partner-b.yaml")]
    assert report.files == 1


def test_a_removed_profile_reports_the_partners_that_use_it(builder: DatasetBuilder) -> None:
    builder.profile("profiel-a")
    builder.partner("partner-a", profiles=["profiel-a"])
    builder.partner("partner-b")
    profile = builder.root / "profiles" / "profiel-a.yaml"
    profile.unlink()
    report = validate(builder.root, TODAY, only=[profile])
    assert [(f.code, f.file.name) for f in report.findings] == [("verwijzing-onbekend", "partner-a.yaml")]


def test_a_removed_partner_reports_the_covenants_and_exercises_naming_it(builder: DatasetBuilder) -> None:
    builder.partner("partner-a")
    builder.partner("partner-b")
    builder.covenant("convenant-a", partners=["partner-a", "partner-b"])
    builder.exercise("oefening-a", partners=["partner-a"])
    builder.exercise("oefening-b", partners=["partner-b", "partner-c"])  # about another partner: not reported
    partner = builder.root / "partners" / "partner-a.yaml"
    partner.unlink()
    report = validate(builder.root, TODAY, only=[partner])
    found = sorted((f.code, f.file.name) for f in report.findings)
    assert found == [("verwijzing-onbekend", "convenant-a.yaml"), ("verwijzing-onbekend", "oefening-a.yaml")]


def test_a_fixed_file_touches_everything(builder: DatasetBuilder) -> None:
    builder.partner("partner-a", account_holder=None)
    report = validate(builder.root, TODAY, only=[builder.root / "accountholders.yaml"])
    assert [f.code for f in report.findings] == ["accounthouder-ontbreekt"]


def test_cli_with_paths_relative_to_the_repository(builder: DatasetBuilder, run_cli, monkeypatch, tmp_path) -> None:
    builder.partner("partner-a", account_holder=None)
    builder.write("partners/partner-b.yaml", "id: partner-b\nname: B\nsector: [\n")
    monkeypatch.chdir(tmp_path)
    one = run_cli("valideer", "data/partners/partner-a.yaml", "--strikt")
    assert one.exit_code == 1 and "partner-b" not in one.stdout and "accounthouder-ontbreekt" in one.stdout
    assert one.stdout.splitlines()[-1] == "0 fouten, 1 waarschuwing in 1 van 1 bestand."
    both = run_cli("valideer", "data/partners/partner-a.yaml", "data/partners/partner-b.yaml")
    assert both.exit_code == 1 and "yaml-syntaxis" in both.stdout


def test_cli_refuses_a_file_outside_the_dataset(run_cli, monkeypatch) -> None:
    monkeypatch.chdir(SHIPPED_DATA.parent)
    result = run_cli("valideer", "README.md")
    assert result.exit_code == 2
    assert "README.md hoort niet bij de dataset" in result.stderr and "Traceback" not in result.stderr


def test_a_covenant_reports_the_exercises_under_it(builder: DatasetBuilder) -> None:
    builder.partner("partner-a")
    builder.exercise("oefening-a", partners=["partner-a"], covenant="convenant-a")
    covenant = builder.root / "covenants" / "convenant-a.yaml"  # never written: the exercise's reference is broken
    report = validate(builder.root, TODAY, only=[covenant])
    assert [(f.code, f.file.name) for f in report.findings] == [("verwijzing-onbekend", "oefening-a.yaml")]
    assert validate(builder.root, TODAY, only=[builder.root / "partners" / "partner-a.yaml"]).findings != []
