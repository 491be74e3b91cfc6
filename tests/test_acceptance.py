"""Accepted findings and signals (issue 17): what an acceptance covers, and what it never hides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import DatasetBuilder
from conftest import TODAY

from partnerbeeld.answers.validation import validate

# partner-a lacks an account holder (a warning, at the 'id:' line) and is alerted without a primary 24/7 number
PARTNER = """\
id: partner-a
name: Partner A
sector: waterbeheer
verified_on: 2026-01-15
contacts:
  - label: Piket
    phone: 071 000 00 00
    available: 24/7
    primary: true
"""
COMMENT = "# partnerbeeld: accepteer accounthouder-ontbreekt tot 2027-03-01 -- besloten in het MT"


def codes(report: object) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in report.findings]  # type: ignore[attr-defined]


def accepted(report: object) -> list[tuple[str, str]]:
    return [(f.code, a.reason) for f, a in report.accepted]  # type: ignore[attr-defined]


def with_accept(builder: DatasetBuilder, rules: str) -> None:
    settings = (builder.root / "partnerbeeld.yaml").read_text(encoding="utf-8")
    builder.write("partnerbeeld.yaml", settings + "accept:\n" + rules)


def test_without_acceptance_the_warning_counts(builder: DatasetBuilder) -> None:
    builder.write("partners/partner-a.yaml", PARTNER)
    report = validate(builder.root, TODAY)
    assert codes(report) == [("accounthouder-ontbreekt", 1)] and report.accepted == []


@pytest.mark.parametrize(
    "text",
    [
        COMMENT + "\n" + PARTNER,  # on its own line above
        COMMENT + "\n# nog een opmerking\n\n" + PARTNER,  # comments and blank lines between: the next content line
        PARTNER.replace("id: partner-a", "id: partner-a  " + COMMENT),  # at the end of the line
        PARTNER.replace(
            "id: partner-a",
            "id: partner-a #partnerbeeld:accepteer accounthouder-ontbreekt tot 2027-03-01 --besloten in het MT",
        ),  # tight spacing
    ],
    ids=["boven", "boven-met-tussenregels", "achter", "krap"],
)
def test_inline_acceptance_on_the_line_or_above(builder: DatasetBuilder, text: str) -> None:
    builder.write("partners/partner-a.yaml", text)
    report = validate(builder.root, TODAY)
    assert codes(report) == []
    assert accepted(report) == [("accounthouder-ontbreekt", "besloten in het MT")]
    assert report.exit_status(strict=True) == 0


def test_an_acceptance_covers_only_its_line(builder: DatasetBuilder) -> None:
    # above 'name:', not above 'id:' where the finding is: no match, and the acceptance is unused
    builder.write("partners/partner-a.yaml", PARTNER.replace("name: Partner A", COMMENT + "\nname: Partner A"))
    report = validate(builder.root, TODAY)
    assert sorted(codes(report)) == [("acceptatie-ongebruikt", 2), ("accounthouder-ontbreekt", 1)]
    assert report.exit_status(strict=True) == 1


def test_central_acceptance_with_a_glob(builder: DatasetBuilder) -> None:
    builder.write("partners/partner-a.yaml", PARTNER)
    builder.write("partners/partner-b.yaml", PARTNER.replace("partner-a", "partner-b"))
    with_accept(
        builder, "  - {file: 'partners/*', code: accounthouder-ontbreekt, reason: nieuw seizoen, until: 2027-01-01}\n"
    )
    report = validate(builder.root, TODAY)
    assert codes(report) == []
    assert [f.file.name for f, _ in report.accepted] == ["partner-a.yaml", "partner-b.yaml"]


def test_the_end_date_itself_still_counts_and_the_day_after_it_expires(builder: DatasetBuilder) -> None:
    until = TODAY.isoformat()
    builder.write("partners/partner-a.yaml", COMMENT.replace("2027-03-01", until) + "\n" + PARTNER)
    assert codes(validate(builder.root, TODAY)) == []
    expired = validate(builder.root, TODAY.replace(day=TODAY.day + 1))
    assert sorted(codes(expired)) == [("acceptatie-verlopen", 1), ("accounthouder-ontbreekt", 2)]
    (finding,) = [f for f in expired.findings if f.code == "acceptatie-verlopen"]
    assert until in finding.message and expired.accepted == []


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("# partnerbeeld: accepteer accounthouder-ontbreekt -- reden", "geen einddatum"),
        ("# partnerbeeld: accepteer accounthouder-ontbreekt tot 2027-03-01", "geen reden"),
        ("# partnerbeeld: accepteer accounthouder-ontbreekt tot 2027-02-30 -- reden", "'2027-02-30' is geen datum"),
        ("# partnerbeeld: accepteer accounthouder-ontbreek tot 2027-03-01 -- reden", "Onbekende code"),
        ("# partnerbeeld: negeer accounthouder-ontbreekt", "Onbekende aanwijzing 'negeer'"),
        ("# partnerbeeld: accepteer acceptatie-ongebruikt tot 2027-03-01 -- x", "kun je niet accepteren"),
    ],
)
def test_a_malformed_comment_is_an_error_with_file_and_line(
    builder: DatasetBuilder, comment: str, message: str
) -> None:
    builder.write("partners/partner-a.yaml", "# eerst een gewone opmerking\n" + comment + "\n" + PARTNER)
    report = validate(builder.root, TODAY)
    (bad,) = [f for f in report.findings if f.code == "acceptatie-ongeldig"]
    assert (bad.file.name, bad.line, bad.column) == ("partner-a.yaml", 2, 1)
    assert message in bad.message and bad.hint
    assert ("accounthouder-ontbreekt", 3) in codes(report)  # nothing accepted
    assert report.exit_status() == 1


def test_a_misspelt_code_gets_a_suggestion(builder: DatasetBuilder) -> None:
    builder.write("partners/partner-a.yaml", COMMENT.replace("ontbreekt", "ontbreek") + "\n" + PARTNER)
    (bad,) = [f for f in validate(builder.root, TODAY).findings if f.code == "acceptatie-ongeldig"]
    assert bad.hint == "Bedoelde je 'accounthouder-ontbreekt'?"


def test_an_error_cannot_be_accepted(builder: DatasetBuilder) -> None:
    builder.write(
        "partners/partner-a.yaml",
        COMMENT
        + "\n"
        + PARTNER.replace(
            "071 000 00 00", "071 12  # partnerbeeld: accepteer telefoon-ongeldig tot 2027-03-01 -- komt nog"
        ),
    )
    report = validate(builder.root, TODAY)
    assert sorted(codes(report)) == [("acceptatie-van-fout", 8), ("telefoon-ongeldig", 8)]
    assert report.exit_status() == 1


def test_a_central_acceptance_with_an_unknown_code_points_at_its_line(builder: DatasetBuilder) -> None:
    builder.write("partners/partner-a.yaml", PARTNER)
    with_accept(
        builder, "  - file: partners/partner-a.yaml\n    code: accounthouder\n    reason: x\n    until: 2027-01-01\n"
    )
    report = validate(builder.root, TODAY)
    (bad,) = [f for f in report.findings if f.code == "acceptatie-ongeldig"]
    assert (bad.file.name, bad.line) == ("partnerbeeld.yaml", 12)


def test_a_central_rule_without_reason_is_a_field_error(builder: DatasetBuilder) -> None:
    with_accept(builder, "  - {file: partners/x.yaml, code: accounthouder-ontbreekt, until: 2027-01-01}\n")
    report = validate(builder.root, TODAY)
    assert [(f.code, f.file.name) for f in report.findings] == [("veld-ontbreekt", "partnerbeeld.yaml")]
    assert "reason" in report.findings[0].message


# --- signals ----------------------------------------------------------------------------------


def test_signal_acceptance_serves_signalen_and_valideer_checks_it(builder: DatasetBuilder, run_cli) -> None:
    builder.write("partners/partner-a.yaml", COMMENT + "\n" + PARTNER)
    strict = run_cli("signalen", "--data", builder.root, "--strikt", "--formaat", "json")
    before = json.loads(strict.stdout)
    assert "partner-zonder-accounthouder" in [s["code"] for s in before["signalen"]]
    # accept the signal too (the line below it, above 'id:'), and one that matches no signal
    text = (
        "# partnerbeeld: accepteer partner-zonder-accounthouder tot 2027-03-01 -- teamleider houdt contact\n"
        + COMMENT
        + "\n"
        + PARTNER
        + "# partnerbeeld: accepteer partner-zonder-profiel tot 2027-03-01 -- nergens\nnote: x\n"
    )
    builder.write("partners/partner-a.yaml", text)
    after = json.loads(run_cli("signalen", "--data", builder.root, "--formaat", "json").stdout)
    assert "partner-zonder-accounthouder" not in [s["code"] for s in after["signalen"]]
    (seen,) = [s for s in after["geaccepteerd"] if s["code"] == "partner-zonder-accounthouder"]
    assert seen["acceptatie"] == {
        "tot": "2027-03-01",
        "reden": "teamleider houdt contact",
        "bestand": "data/partners/partner-a.yaml",
        "regel": 1,
    }
    report = validate(builder.root, TODAY)
    assert codes(report) == [("acceptatie-ongebruikt", 12)]  # the signal acceptance that matched nothing
    text_out = run_cli("signalen", "--data", builder.root).stdout
    assert "Geaccepteerd (1)" in text_out and "teamleider houdt contact" in text_out


def test_signalen_strikt_fails_only_for_what_nobody_accepted(builder: DatasetBuilder, run_cli) -> None:
    builder.profile("alarmeerbaar", roles={"drinkwater": {"modes": ["alarmeren"]}})
    partner = PARTNER.replace("    primary: true\n", "") + "account_holder: a-holder\nprofiles: [alarmeerbaar]\n"
    builder.write("partners/partner-a.yaml", partner)
    first = run_cli("signalen", "--data", builder.root, "--strikt", "--formaat", "json")
    assert first.exit_code == 1
    errors = {s["code"] for s in json.loads(first.stdout)["signalen"] if s["ernst"] == "fout"}
    assert errors == {"partner-zonder-24-7-nummer", "crisistype-niet-gedekt"}  # the small tree is not covered
    with_accept(
        builder,
        "  - {file: partners/partner-a.yaml, code: partner-zonder-24-7-nummer, reason: piket, until: 2027-01-01}\n"
        "  - {file: incidenttypes.yaml, code: crisistype-niet-gedekt, reason: testboom, until: 2027-06-01}\n",
    )
    assert run_cli("signalen", "--data", builder.root, "--strikt").exit_code == 0
    late = run_cli("signalen", "--data", builder.root, "--strikt", "--peildatum", "2027-01-02")
    assert late.exit_code == 1


# --- views ------------------------------------------------------------------------------------


@pytest.fixture
def accepted_dataset(builder: DatasetBuilder) -> Path:
    builder.write("partners/partner-a.yaml", COMMENT + "\n" + PARTNER)
    return builder.root


def test_text_summary_counts_and_alles_lists(accepted_dataset: Path, run_cli) -> None:
    plain = run_cli("valideer", "--data", accepted_dataset, "--strikt")
    assert plain.exit_code == 0
    assert plain.stdout.strip().splitlines()[-1] == "0 fouten, 0 waarschuwingen, 1 geaccepteerd in 4 bestanden."
    assert "besloten in het MT" not in plain.stdout
    everything = run_cli("valideer", "--data", accepted_dataset, "--alles").stdout
    assert "Geaccepteerd" in everything and "accounthouder-ontbreekt" in everything
    assert "geaccepteerd tot 2027-03-01: besloten in het MT" in everything


def test_json_github_and_gitlab_carry_accepted(accepted_dataset: Path, run_cli) -> None:
    data = json.loads(run_cli("valideer", "--data", accepted_dataset, "--formaat", "json").stdout)
    assert data["bevindingen"] == [] and data["waarschuwingen"] == 0
    (item,) = data["geaccepteerd"]
    assert item["code"] == "accounthouder-ontbreekt" and item["regel"] == 2
    assert item["acceptatie"]["reden"] == "besloten in het MT"
    github = run_cli("valideer", "--data", accepted_dataset, "--formaat", "github").stdout
    assert github.startswith("::notice file=") and "title=accounthouder-ontbreekt (geaccepteerd)" in github
    assert "::warning" not in github
    (issue,) = json.loads(run_cli("valideer", "--data", accepted_dataset, "--formaat", "gitlab").stdout)
    assert issue["severity"] == "info" and issue["description"].startswith("[geaccepteerd tot 2027-03-01")


def test_accounthouders_counts_only_open_signals(builder: DatasetBuilder, run_cli) -> None:
    builder.write("partners/partner-a.yaml", PARTNER.replace("verified_on: 2026-01-15", "account_holder: a-holder"))

    def open_signals() -> dict[str, int]:
        (holder,) = json.loads(run_cli("accounthouders", "--data", builder.root, "--formaat", "json").stdout)[
            "accounthouders"
        ]
        return holder["signalen"]  # type: ignore[no-any-return]

    before = open_signals()["waarschuwing"]
    assert before >= 1  # contact-verificatie-verouderd (never checked) among them
    with_accept(
        builder,
        "  - {file: partners/*, code: contact-verificatie-verouderd, reason: loopt nu, until: 2027-01-01}\n",
    )
    assert open_signals()["waarschuwing"] == before - 1
