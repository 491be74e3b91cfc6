"""`valideer --formaat gitlab`: a Code Quality report whose fingerprints survive unrelated edits."""

from __future__ import annotations

import json
from pathlib import Path

from builders import DatasetBuilder
from conftest import TODAY

from partnerbeeld.answers.validation import validate
from partnerbeeld.views.gitlab import as_gitlab

BAD = [{"label": "Piket", "phone": "12", "available": "24/7", "primary": True}, {"label": "Reserve", "phone": "12"}]


def report_for(builder: DatasetBuilder, tmp_path: Path) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(as_gitlab(validate(builder.root, TODAY), tmp_path))  # type: ignore[no-any-return]


def test_code_quality_fields(builder: DatasetBuilder, tmp_path: Path) -> None:
    builder.partner("partner-a", contacts=BAD)
    builder.partner("partner-b", account_holder=None)
    issues = report_for(builder, tmp_path)
    by_check = {(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]): i for i in issues}
    phone = by_check[("telefoon-ongeldig", "data/partners/partner-a.yaml", 8)]
    assert phone["severity"] == "major" and phone["type"] == "issue"
    assert phone["description"].startswith("'12' ")
    holder = next(i for i in issues if i["check_name"] == "accounthouder-ontbreekt")
    assert holder["severity"] == "minor"
    assert holder["location"]["path"] == "data/partners/partner-b.yaml"
    assert all(len(i["fingerprint"]) == 64 for i in issues)


def test_identical_findings_get_distinct_fingerprints(builder: DatasetBuilder, tmp_path: Path) -> None:
    builder.partner("partner-a", contacts=BAD)  # the same invalid number twice: same code, file and message
    phones = [i for i in report_for(builder, tmp_path) if i["check_name"] == "telefoon-ongeldig"]
    assert len(phones) == 2
    assert phones[0]["description"] == phones[1]["description"]
    assert phones[0]["fingerprint"] != phones[1]["fingerprint"]


def test_fingerprints_survive_lines_added_above(builder: DatasetBuilder, tmp_path: Path) -> None:
    path = builder.partner("partner-a", contacts=BAD)
    before = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in report_for(builder, tmp_path)}
    path.write_text(
        "# Een toelichting erbij\n# en nog een regel\n" + path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    after = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in report_for(builder, tmp_path)}
    assert before.keys() == after.keys()
    assert all(after[f] == before[f] + 2 for f in before)  # the lines moved, the identities did not


def test_a_different_problem_gets_a_different_fingerprint(builder: DatasetBuilder, tmp_path: Path) -> None:
    builder.partner("partner-a", contacts=BAD[:1])
    first = {i["fingerprint"] for i in report_for(builder, tmp_path)}
    builder.partner("partner-a", contacts=[{**BAD[0], "phone": "13"}])
    assert first.isdisjoint({i["fingerprint"] for i in report_for(builder, tmp_path)})


def test_cli_gitlab_format(run_cli, builder: DatasetBuilder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    builder.partner("partner-a", contacts=BAD)
    monkeypatch.chdir(builder.root.parent)
    result = run_cli("valideer", "--formaat", "GITLAB")
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    assert {i["location"]["path"] for i in issues} == {"data/partners/partner-a.yaml"}
    clean = run_cli("valideer", "--formaat", "gitlab", "--data", DatasetBuilder(builder.root.parent / "ok").root)
    assert clean.exit_code == 0 and json.loads(clean.stdout) == []
