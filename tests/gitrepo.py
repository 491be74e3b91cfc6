"""Real temporary git repositories (for `wijzigingen`), with git isolated from the machine's configuration.

The fixtures ``git_env`` and ``repo`` are registered in conftest.py; this module holds what they build on.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from builders import DatasetBuilder

# partner-b's confidential contact in ``repo``
LIAISON = {"label": "Liaison ROT", "person": "Anna de Vries", "mobile": "06 10 00 00 01", "confidential": True}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def isolate_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git that ignores the machine's configuration and never looks above tmp_path."""
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "test@example.org")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))


def committed_dataset(tmp_path: Path, builder: DatasetBuilder) -> DatasetBuilder:
    """A committed dataset with two partners, on branch main."""
    builder.partner("partner-a")
    builder.partner("partner-b", contacts=[{"label": "Piket", "phone": "071 000 00 01", "primary": True}, LIAISON])
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    return builder
