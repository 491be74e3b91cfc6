"""The data version: which git commit the dataset is at. The only module that runs git.

Every printed or exported list carries this stamp, so a page in a binder can be
traced back to the exact data it shows.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class DataVersion:
    commit: str | None  # short hash; None outside a git repository
    dirty: bool  # the dataset has uncommitted changes
    date: str | None = None  # commit date, ISO

    @property
    def label(self) -> str:
        """Dutch label for pages and footers: 'a1b2c3d', 'a1b2c3d (gewijzigd)' or 'geen git'."""
        if self.commit is None:
            return "geen git"
        return f"{self.commit} (gewijzigd)" if self.dirty else self.commit


def git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes] | None:
    """Run git; None when git is missing or the folder is not in a repository."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result if result.returncode == 0 else None


def data_version(root: Path) -> DataVersion:
    """The commit that HEAD is at, and whether the files under ``root`` differ from it."""
    head = git(["log", "-1", "--format=%h %cs"], root)
    if head is None or not head.stdout.strip():
        return DataVersion(None, False)
    commit, _, date = head.stdout.decode().strip().partition(" ")
    status = git(["status", "--porcelain", "--untracked-files=all", "--", "."], root)
    dirty = bool(status and status.stdout.strip())
    return DataVersion(commit, dirty, date or None)
