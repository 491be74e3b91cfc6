"""Problems in the data are values: a ``Finding`` per problem.

The loader and the checks only yield findings; every output format
(terminal text, JSON, GitHub annotations, GitLab Code Quality) is a view of
the same list. Codes are stable: CI configurations and people refer to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from partnerbeeld.infra.paths import located
from partnerbeeld.model.severity import Severity as Severity


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place. ``line`` and ``column`` are 1-based; 0 = unknown."""

    file: Path
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        # Every code, with its severity, meaning and examples, is described once in model/codes.py
        # (shown by `valideer --codes` and docs/codes.md). Loaded at the first finding: `zoek` on
        # good data makes none, and need not pay for the examples at every start.
        from partnerbeeld.model.codes import CODES

        if self.code not in CODES:
            raise ValueError(f"unknown finding code {self.code!r}")

    def relative_to(self, root: Path) -> str:
        """The file as a path relative to ``root`` (for CI annotations), else as given.

        The file itself is not resolved: a symbolic link is reported where it
        stands in the dataset, not where it points.
        """
        try:
            return located(self.file).relative_to(root.resolve()).as_posix()
        except ValueError:
            return self.file.as_posix()

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file.as_posix(), self.line, self.column, self.code)


def count(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for finding in findings:
        if finding.severity is Severity.FOUT:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
