"""`wijzigingen` says what really happened (issue 12, item 13): unreadable is not removed; git's refusal is named."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from builders import DatasetBuilder

from partnerbeeld.answers.changes import changes_since
from partnerbeeld.infra.gitinfo import data_version
from partnerbeeld.reading import loading, worktree


def test_a_named_pipe_is_not_compared_not_removed(repo: DatasetBuilder, run_cli) -> None:
    path = repo.root / "partners" / "partner-a.yaml"
    path.unlink()
    os.mkfifo(path)
    report = changes_since(repo.root, "HEAD")
    assert report.changes == []
    [problem] = report.unreadable
    assert problem.file == "data/partners/partner-a.yaml" and "named pipe" in problem.message
    result = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root)
    assert result.exit_code == 1
    assert "verwijderd" not in result.stdout
    assert "niet vergeleken: data/partners/partner-a.yaml (werkmap, geen gewoon bestand maar een named pipe)" in (
        result.stdout
    )
    assert "LET OP: onvolledig" in result.stderr


def test_an_unreadable_file_is_not_compared_not_removed(
    repo: DatasetBuilder,
    run_cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refused = repo.root / "partners" / "partner-a.yaml"
    real = loading.read_bounded

    def read(path: Path) -> bytes:  # as root every file is readable: refuse as the system would another user
        if path == refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(worktree.loading, "read_bounded", read)
    result = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root, "-f", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["wijzigingen"] == []
    assert payload["niet_vergeleken"] == [
        {
            "bestand": "data/partners/partner-a.yaml",
            "kant": "werkmap",
            "melding": "het bestand kan niet worden gelezen: geen toestemming",
        }
    ]


@pytest.mark.parametrize("shape", ["kringkoppeling", "map-is-bestand", "map-in-een-kring"])
def test_a_broken_folder_or_link_is_not_compared(repo: DatasetBuilder, shape: str) -> None:
    partners = repo.root / "partners"
    if shape == "kringkoppeling":
        (partners / "partner-a.yaml").unlink()
        (partners / "partner-a.yaml").symlink_to("partner-a.yaml")
    else:
        shutil.rmtree(partners)
        if shape == "map-is-bestand":
            partners.write_text("hoi\n")
        else:
            partners.symlink_to("partners")
    report = changes_since(repo.root, "HEAD")
    assert report.changes == [], report.changes  # nothing claimed removed
    assert report.unreadable and all(u.side == "werkmap" for u in report.unreadable)


def test_git_refusing_another_users_repository_is_named_with_the_fix(
    repo: DatasetBuilder,
    tmp_path: Path,
    run_cli,
) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give the repository to another user")
    subprocess.run(["chown", "-R", "12345:12345", str(tmp_path)], check=True)
    try:
        result = run_cli("wijzigingen", "--data", repo.root)
        version = data_version(repo.root)  # the stamp on every list says so too, not "geen git"
    finally:
        subprocess.run(["chown", "-R", f"{os.getuid()}:{os.getgid()}", str(tmp_path)], check=True)
    assert result.exit_code == 3
    assert "dubious ownership" in result.stderr
    assert "git config --global --add safe.directory" in result.stderr
    assert "staat niet in een git-repository" not in result.stderr
    assert version.label == "git geweigerd (map van een andere eigenaar)"
