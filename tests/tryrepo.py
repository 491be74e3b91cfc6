"""`pre-commit try-repo` against this repository, started early and in the background.

Installing the hook's environment (a virtualenv with partnerbeeld built from a
clone of this repository; its dependencies are found installed, see
``dependencies_only``) takes a few seconds.
``conftest`` starts it as soon as collection has finished, when a test that
needs it is selected; the test waits for it at its turn, so the wait overlaps
the rest of the suite instead of adding to it.

With pytest-xdist the suite runs in several worker processes, and the test may
run in another worker than the one that started the run. So the run leaves its
output and exit status as files in a folder every worker knows (below pytest's
shared base folder), and the test reads them from there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

from builders import DatasetBuilder

TEST_NAME = "test_pre_commit_try_repo"
TIMEOUT = 600  # a cold pip cache on a slow line; normally well under a minute

BROKEN = "id: partner-b\nname: Partner B\nsector: [\n"
HOOK_ID = "partnerbeeld-valideer"
# the shell writes the exit status only when pre-commit has ended; the rename makes it appear whole
_WRAPPER = (
    'repo=$1 out=$2; shift 2; cd "$repo" && "$@" > "$out/output.txt" 2>&1; '
    'echo $? > "$out/status.part"; mv "$out/status.part" "$out/status.txt"'
)


class Run:
    """One `pre-commit try-repo` run, seen through its folder: by the worker that started it or another."""

    def __init__(self, folder: Path, process: subprocess.Popen[bytes] | None = None) -> None:
        self.folder = folder
        self.process = process  # only in the worker that started it

    def result(self) -> tuple[int, str]:
        """(exit status, output), waiting for the run to end; exit -1 when it did not end in time."""
        status = self.folder / "status.txt"
        deadline = time.monotonic() + TIMEOUT
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        output = (self.folder / "output.txt").read_text(encoding="utf-8", errors="replace")
        return (int(status.read_text()), output) if status.exists() else (-1, output + "\n(geen einde)")

    def finish(self, wait: bool) -> None:
        """In the starting worker at its end: let the run end when another worker may still read it; tidy up."""
        if self.process is not None and self.process.poll() is None:
            try:
                self.process.wait(timeout=TIMEOUT if wait else 0)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        # the hook's virtualenv and the scratch repository are large; output and status stay for a reader
        shutil.rmtree(self.folder / "pre-commit-home", ignore_errors=True)
        shutil.rmtree(self.folder / "regio-data", ignore_errors=True)
        shutil.rmtree(self.folder / "dependencies", ignore_errors=True)


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


def dependencies_only(folder: Path) -> Path:
    """A folder that shows the packages installed here, except partnerbeeld itself, to put on PYTHONPATH.

    pre-commit builds the hook's virtualenv with `pip install .` from a clone of this repository.
    Resolving and unpacking some forty dependencies from the package index cost about 10 s of CPU,
    a third of the suite on two cores, and tests nothing of ours: `.ci/run` and the README's first
    command install them from the index already. With these on PYTHONPATH pip finds them
    installed; partnerbeeld itself is left out, so it is still built from the clone and installed
    into the hook's own environment, and the hook runs that copy.
    """
    site = Path(sysconfig.get_paths()["purelib"])
    shown = folder / "dependencies"
    shown.mkdir()
    for entry in site.iterdir():
        name = entry.name.lower()
        # an editable install of partnerbeeld leaves a finder module and .pth files; .pth files only act in site folders
        if name.startswith(("partnerbeeld", "__editable__", "_partnerbeeld")) or name.endswith(".pth"):
            continue
        (shown / entry.name).symlink_to(entry)
    return shown


def start(tool_repo: Path, folder: Path) -> Run:
    """Start the run in ``folder`` (made here), in the background."""
    folder.mkdir(parents=True)
    repo = scratch_repository(folder)
    env = {**os.environ, "PRE_COMMIT_HOME": str(folder / "pre-commit-home"), "NO_COLOR": "1"}
    env["PIP_NO_COMPILE"] = "1"  # the hook runs once: no .pyc files
    env["PYTHONPATH"] = str(dependencies_only(folder))
    env.pop("PARTNERBEELD_DATA", None)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(tool_repo), HOOK_ID, "--all-files", "--color=never"]
    process = subprocess.Popen(
        ["sh", "-c", _WRAPPER, "sh", str(repo), str(folder), *command],
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    return Run(folder, process)
