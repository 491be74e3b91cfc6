"""The data version: git is asked only where a repository can be."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from builders import DatasetBuilder
from gitrepo import git

from partnerbeeld.infra import gitinfo


def _outside_any_repository(folder: Path) -> None:
    if any((path / ".git").exists() for path in folder.parents):  # --basetemp inside a checkout
        pytest.skip("de tijdelijke map ligt in een git-repository")


def test_outside_git_no_git_is_started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _outside_any_repository(tmp_path)
    monkeypatch.delenv("GIT_DIR", raising=False)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("git started for a folder outside any repository")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    assert gitinfo.data_version(tmp_path) == gitinfo.DataVersion(None, False)
    assert gitinfo.data_version(tmp_path).label == "geen git"


def test_a_repository_above_or_a_worktree_file_is_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _outside_any_repository(tmp_path)
    monkeypatch.delenv("GIT_DIR", raising=False)
    (tmp_path / "repo" / "data" / "partners").mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    assert gitinfo.may_be_in_a_repository(tmp_path / "repo" / "data" / "partners")
    (tmp_path / "worktree").mkdir()
    (tmp_path / "worktree" / ".git").write_text("gitdir: /elders\n", encoding="utf-8")  # `git worktree add`
    assert gitinfo.may_be_in_a_repository(tmp_path / "worktree")
    assert not gitinfo.may_be_in_a_repository(tmp_path)
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "repo" / ".git"))
    assert gitinfo.may_be_in_a_repository(tmp_path)


def test_in_a_repository_the_commit_is_read(repo: DatasetBuilder) -> None:
    head = git(repo.root.parent, "rev-parse", "--short", "HEAD").strip()
    assert gitinfo.data_version(repo.root).commit == head
