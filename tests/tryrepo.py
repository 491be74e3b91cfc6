"""`pre-commit try-repo` against this repository, started early and in the background.

Installing the hook's environment (a virtualenv with partnerbeeld and its
dependencies from PyPI) takes 20-60 s, mostly waiting on the package index.
``conftest`` starts it as soon as collection has finished, when a test that
needs it is selected; the test waits for it at its turn, so the wait overlaps
the rest of the suite instead of adding to it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from builders import DatasetBuilder

TEST_NAME = "test_pre_commit_try_repo"
TIMEOUT = 600  # a cold pip cache on a slow line; normally well under a minute

BROKEN = "id: partner-b\nname: Partner B\nsector: [\n"
HOOK_ID = "partnerbeeld-valideer"


@dataclass
class Running:
    folder: Path  # holds the scratch data repository and pre-commit's cache
    process: subprocess.Popen[str]

    @property
    def repo(self) -> Path:
        return self.folder / "regio-data"

    def result(self) -> tuple[int, str]:
        try:
            out, _ = self.process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        return self.process.returncode, out

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        shutil.rmtree(self.folder, ignore_errors=True)


def scratch_repository(folder: Path) -> Path:
    """A region's data repository: a valid partner with an accepted warning and a broken partner, staged in git."""
    repo = folder / "regio-data"
    builder = DatasetBuilder(repo)
    builder.write(
        "partners/partner-a.yaml",
        "# partnerbeeld: accepteer accounthouder-ontbreekt tot 2099-01-01 -- nieuwe partner\n"
        "id: partner-a\nname: Partner A\nsector: waterbeheer\n",
    )
    builder.write("partners/partner-b.yaml", BROKEN)
    (repo / "README.md").write_text("# regio-data\n", encoding="utf-8")
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "data"], cwd=repo, check=True)
    return repo


def start(tool_repo: Path) -> Running:
    folder = Path(tempfile.mkdtemp(prefix="partnerbeeld-try-repo-"))
    repo = scratch_repository(folder)
    env = {**os.environ, "PRE_COMMIT_HOME": str(folder / "pre-commit-home"), "NO_COLOR": "1"}
    env["PIP_NO_COMPILE"] = "1"  # the hook runs once: no .pyc files for ~40 installed packages (a few seconds)
    env.pop("PARTNERBEELD_DATA", None)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(tool_repo), HOOK_ID, "--all-files", "--color=never"]
    process = subprocess.Popen(
        command,
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    return Running(folder, process)
