"""A validation report as SARIF 2.1.0 (`valideer --formaat sarif`), GitHub's format for code scanning.

One rule per finding code, with its Dutch description and help; one result per
finding, with its place (line and column) and a fingerprint that survives edits
elsewhere in the file (the GitLab report's); an accepted finding is a result
with a suppression: "inSource" for a comment in the file, "external" for the
``accept:`` list in partnerbeeld.yaml. tests/test_sarif.py validates the output
against the OASIS schema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from partnerbeeld import __version__
from partnerbeeld.answers.acceptance import EXAMPLE, Acceptance
from partnerbeeld.answers.validation import Report
from partnerbeeld.infra.paths import located
from partnerbeeld.model.codes import CODES, WARNING_CODES
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.views.gitlab import fingerprint

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.FOUT: "error", Severity.WAARSCHUWING: "warning"}


def rule_help(code: str) -> str:
    """What a maintainer reads under a code-scanning alert: what it means and what to do."""
    text = f"{CODES[code]} De melding noemt het bestand, de regel en hoe je het herstelt."
    if code in WARNING_CODES and not code.startswith("acceptatie-"):
        example = EXAMPLE.replace("accounthouder-ontbreekt", code)
        return f"{text} Blijft dit bewust zo, accepteer het dan met een reden en een einddatum: {example}"
    if code in WARNING_CODES:
        return f"{text} Ruim de acceptatie op, of verleng haar met een nieuwe reden en einddatum."
    return f"{text} Dit is een fout: herstel het; een fout kun je niet accepteren."


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": code,
            "name": code,
            "shortDescription": {"text": description},
            "fullDescription": {"text": description},
            "help": {"text": rule_help(code)},
            "defaultConfiguration": {"level": "warning" if code in WARNING_CODES else "error"},
        }
        for code, description in CODES.items()
    ]


def _location(file: Path, line: int, column: int, repo_root: Path) -> dict[str, Any]:
    try:
        uri = located(file).relative_to(repo_root.resolve()).as_posix()
    except ValueError:
        uri = file.as_posix()
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
    if line:
        physical["region"] = {"startLine": line, "startColumn": max(column, 1)}
    return {"physicalLocation": physical}


def _result(
    finding: Finding, acceptance: Acceptance | None, repo_root: Path, index: dict[str, int], occurrence: int
) -> dict[str, Any]:
    path = finding.relative_to(repo_root)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message + (f" {finding.hint}" if finding.hint else "")},
        "locations": [_location(finding.file, finding.line, finding.column, repo_root)],
        "partialFingerprints": {"partnerbeeld/v1": fingerprint(finding, path, occurrence)},
    }
    if acceptance is not None:
        result["suppressions"] = [
            {
                "kind": "inSource" if acceptance.inline else "external",
                "status": "accepted",
                "justification": f"Geaccepteerd {acceptance.described}",
                "location": _location(acceptance.file, acceptance.line, acceptance.column, repo_root),
            }
        ]
    return result


def as_sarif(report: Report, repo_root: Path) -> str:
    """One SARIF run; paths relative to ``repo_root`` (the repository GitHub checked out)."""
    index = {code: number for number, code in enumerate(CODES)}
    pairs: list[tuple[Finding, Acceptance | None]] = [(f, None) for f in report.findings]
    pairs += report.accepted
    results, seen = [], dict[tuple[str, str, str], int]()
    for finding, acceptance in sorted(pairs, key=lambda pair: pair[0].sort_key):
        key = (finding.code, finding.relative_to(repo_root), finding.message)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        results.append(_result(finding, acceptance, repo_root, index, occurrence))
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "partnerbeeld",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": _rules(),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
