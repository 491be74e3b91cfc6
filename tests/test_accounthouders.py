"""`accounthouders`: per account holder their partners, open signals by severity and the oldest check."""

from __future__ import annotations

import json

import pytest
from builders import ACCOUNT_HOLDERS, COVERING_ROLES, dump
from conftest import TODAY

from partnerbeeld.answers.accountholders import NOBODY, holder_reports
from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.signals import signals

TWO_HOLDERS = {
    "account_holders": [
        *ACCOUNT_HOLDERS["account_holders"],
        {"id": "b-holder", "name": "Bram Houder", "email": "b.houder@regio.example"},
    ]
}


@pytest.fixture
def region(builder):
    """Two holders: Anna keeps two partners (one checked long ago), Bram one never checked; one has nobody."""
    builder.write("accountholders.yaml", dump(TWO_HOLDERS))
    builder.profile("profiel-a", roles=COVERING_ROLES)
    builder.partner("partner-a", profiles=["profiel-a"])
    builder.partner("partner-b", profiles=["profiel-a"], verified_on="2024-02-01")
    builder.partner("partner-c", profiles=["profiel-a"], account_holder="b-holder", verified_on=None)
    builder.partner("partner-d", profiles=["profiel-a"], account_holder=None, verified_on="2026-02-01")
    return builder


def reports_of(builder):
    dataset, _ = open_dataset(builder.root)
    return {r.id: r for r in holder_reports(dataset, signals(dataset, TODAY))}


def test_partners_by_name_and_oldest_verification(region):
    reports = reports_of(region)
    assert [(p.id, p.name) for p in reports["a-holder"].partners] == [
        ("partner-a", "Partner A"),
        ("partner-b", "Partner B"),
    ]
    assert reports["a-holder"].oldest_verification.isoformat() == "2024-02-01"
    assert reports["a-holder"].never_verified == 0
    assert reports["b-holder"].never_verified == 1  # never checked is older than any date
    assert reports["b-holder"].oldest_verification is None


def test_signals_are_counted_by_severity_and_go_to_the_holder_concerned(region):
    region.covenant("c", partners=["partner-c"], valid_until="2026-01-01")  # fout, Bram through his partner
    region.plan("p", partners=["partner-a"], last_revised_on="2020-01-01")  # no owner: Anna through partner-a
    region.profile("profiel-leeg")  # info, nobody's
    reports = reports_of(region)
    assert reports["a-holder"].counts == {"fout": 0, "waarschuwing": 2, "info": 0}  # partner-b, plan p
    assert {s.code for s in reports["a-holder"].signals} == {
        "contact-verificatie-verouderd",
        "plan-herziening-achterstallig",
    }
    assert reports["b-holder"].counts == {"fout": 1, "waarschuwing": 1, "info": 0}
    assert {s.code for s in reports[NOBODY].signals} == {"partner-zonder-accounthouder"}
    assert all(s.code != "profiel-ongebruikt" for r in reports.values() for s in r.signals)


def test_table_fits_80_columns_with_never_checked_as_nooit(run_cli, region):
    result = run_cli("accounthouders", "--data", region.root)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].startswith("Accounthouders Veiligheidsregio Testland · peildatum 2026-11-28")
    assert lines[2].split() == ["ACCOUNTHOUDER", "PARTNERS", "FOUT", "LET", "OP", "INFO", "OUDSTE", "CONTROLE"]
    rows = {name: rest for name, *rest in (line.rsplit(maxsplit=5) for line in lines[3:])}
    assert rows["Anna Houder"] == ["2", "0", "1", "0", "2024-02-01"]
    assert rows["Bram Houder"] == ["1", "0", "1", "0", "nooit"]
    assert rows["(geen accounthouder)"] == ["1", "0", "1", "0", "2026-02-01"]


def test_one_holder_in_detail(run_cli, region):
    out = run_cli("accounthouders", "--data", region.root, "--accounthouder", "a-holder").stdout
    assert "Bram Houder" not in out and "(geen accounthouder)" not in out
    assert "  2024-02-01    Partner B (partner-b)" in out
    assert "let op: Partner B: Contactgegevens laatst gecontroleerd: 2024-02-01" in out


def test_unknown_holder_is_a_usage_error_with_a_suggestion(run_cli, region):
    result = run_cli("accounthouders", "--data", region.root, "--accounthouder", "b-houder")
    assert result.exit_code == 2
    assert "b-holder" in result.stderr and "Traceback" not in result.stderr


def test_json(run_cli, region):
    document = json.loads(run_cli("accounthouders", "--data", region.root, "--formaat", "JSON").stdout)
    assert document["peildatum"] == TODAY.isoformat()
    by_id = {h["id"]: h for h in document["accounthouders"]}
    assert list(by_id) == ["a-holder", "b-holder", NOBODY]
    assert by_id["b-holder"] == {
        "id": "b-holder",
        "naam": "Bram Houder",
        "partners": [{"id": "partner-c", "naam": "Partner C", "gecontroleerd_op": None}],
        "signalen": {"fout": 0, "waarschuwing": 1, "info": 0},
        "oudste_controle": None,
        "nooit_gecontroleerd": 1,
    }
    assert by_id["a-holder"]["oudste_controle"] == "2024-02-01"


def test_shipped_dataset_at_80_columns(run_cli):
    result = run_cli("accounthouders")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert result.stdout.count("\n") > 10
