"""A validation report as a GitLab Code Quality report (`valideer --formaat gitlab`).

GitLab shows these in the merge request and compares them with the target
branch by fingerprint: "new" and "resolved" findings. The fingerprint is a
hash of the code, the repository-relative path, the record id and the message,
and deliberately not the line number: a line added above a finding must not
make it look resolved and new at once. Identical findings in one file get a
running number, so every fingerprint in a report is unique.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from partnerbeeld.answers.validation import Report
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.views.jsondoc import dump

# GitLab's scale: info, minor, major, critical, blocker
_SEVERITY = {Severity.FOUT: "major", Severity.WAARSCHUWING: "minor"}


def fingerprint(finding: Finding, path: str, occurrence: int = 0) -> str:
    """Stable across edits elsewhere in the file; different for different problems."""
    record_id = Path(path).stem  # record files are named after their id
    key = "\0".join([finding.code, path, record_id, finding.message, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def as_gitlab(report: Report, repo_root: Path) -> str:
    """A JSON array of Code Quality issues; paths relative to ``repo_root``.

    Accepted findings stay in the report with severity "info" and the acceptance
    in the description; their fingerprint is the one they had before, so GitLab
    does not show an accepted finding as resolved.
    """
    issues = []
    seen: dict[tuple[str, str, str], int] = {}
    everything = [(f, None) for f in report.findings] + [(f, a.described) for f, a in report.accepted]
    for finding, accepted in sorted(everything, key=lambda pair: pair[0].sort_key):
        path = finding.relative_to(repo_root)
        key = (finding.code, path, finding.message)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        description = finding.message + (f" {finding.hint}" if finding.hint else "")
        if accepted:
            description = f"[geaccepteerd {accepted}] {description}"
        issues.append(
            {
                "type": "issue",
                "check_name": finding.code,
                "description": description,
                "categories": ["Bug Risk"] if finding.severity is Severity.FOUT else ["Style"],
                "severity": "info" if accepted else _SEVERITY[finding.severity],
                "fingerprint": fingerprint(finding, path, occurrence),
                "location": {"path": path, "lines": {"begin": max(finding.line, 1)}},
            }
        )
    return dump(issues)
