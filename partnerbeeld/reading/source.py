"""Where a record came from: its file and YAML document, so findings can point at lines and columns.

A module of its own because loading builds sources and fielderrors reads them: with the class in
loading, the two would import each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.reading.yamlsource import Document, PathKey


class Source(NamedTuple):
    """Where a record came from, so later checks can point at its lines."""

    file: Path
    doc: Document
    base: PathKey = ()

    def at(self, *path: str | int, key: bool = False) -> tuple[Path, int, int]:
        line, column = self.doc.where((*self.base, *path), key=key)
        return self.file, line, column

    def finding(
        self, path: PathKey, severity: Severity, code: str, message: str, hint: str = "", *, key: bool = False
    ) -> Finding:
        file, line, column = self.at(*path, key=key)
        return Finding(file, line, column, severity, code, message, hint)
