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

import importlib.metadata
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from builders import DatasetBuilder
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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
        self.deadline = time.monotonic() + TIMEOUT  # from now: the starting worker makes it just after

    def result(self) -> tuple[int, str]:
        """(exit status, output), waiting for the run to end; exit -1 when it did not end in time."""
        status = self.folder / "status.txt"
        while not status.exists() and time.monotonic() < self.deadline:
            time.sleep(0.2)
        written = self.folder / "output.txt"  # made by the shell as it starts pre-commit
        output = written.read_text(encoding="utf-8", errors="replace") if written.exists() else ""
        return (int(status.read_text()), output) if status.exists() else (-1, output + "\n(geen einde)")

    def finish(self, wait: bool) -> None:
        """In the starting worker at its end: let the run end when another worker may still read it; tidy up."""
        if self.process is not None and self.process.poll() is None:
            try:
                self.process.wait(timeout=max(0.0, self.deadline - time.monotonic()) if wait else 0)
            except subprocess.TimeoutExpired:
                # the whole group: the shell, pre-commit, pip and the hook (start_new_session made it)
                os.killpg(self.process.pid, signal.SIGKILL)
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


def runtime_closure(tool_repo: Path) -> list[importlib.metadata.Distribution]:
    """The distributions partnerbeeld needs to be built and to run: `[build-system].requires` and
    `[project].dependencies` of ``tool_repo``'s pyproject.toml, and theirs, as installed here (no
    extras, markers for this interpreter). Each installed version must meet every range asked for
    it: pip, told not to resolve them (``start``), no longer checks that itself."""
    pyproject = tomllib.loads((tool_repo / "pyproject.toml").read_text(encoding="utf-8"))
    declared = [*pyproject["build-system"]["requires"], *pyproject["project"]["dependencies"]]
    wanted, found = [Requirement(text) for text in declared], {}
    while wanted:
        requirement = wanted.pop()
        name = canonicalize_name(requirement.name)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        if name not in found:
            found[name] = importlib.metadata.distribution(name)
            wanted += [Requirement(text) for text in found[name].requires or []]
        version = found[name].version
        assert requirement.specifier.contains(version, prereleases=True), f"{name} {version}: not {requirement}"
    return list(found.values())


def dependencies_only(tool_repo: Path, folder: Path) -> Path:
    """A folder that shows partnerbeeld's build backend and run-time dependencies as installed here,
    to put on PYTHONPATH.

    pre-commit builds the hook's virtualenv with `pip install .` from a clone of this repository.
    Resolving and unpacking some forty dependencies from the package index cost about 10 s of CPU,
    a third of the suite on two cores. With exactly the declared build backend and run-time
    dependencies (and theirs) on PYTHONPATH, pip builds with that backend and the hook imports
    those dependencies; a dependency missing from pyproject.toml is missing here too, so the hook
    still fails on it. partnerbeeld itself is built from the clone and installed into the hook's
    own environment, and the hook runs that copy. Test-only packages (pytest, hypothesis, ...)
    stay out.
    """
    shown = folder / "dependencies"
    shown.mkdir()
    for distribution in runtime_closure(tool_repo):
        site = Path(str(distribution.locate_file("")))
        # each top-level entry the distribution installed: its packages, modules and .dist-info
        for top in {Path(str(file)).parts[0] for file in distribution.files or []}:
            entry = site / top
            if top not in ("..", "__pycache__") and entry.exists() and not (shown / top).exists():
                (shown / top).symlink_to(entry)
    return shown


def start(tool_repo: Path, folder: Path) -> Run:
    """Start the run in ``folder`` (made here), in the background."""
    folder.mkdir(parents=True)
    repo = scratch_repository(folder)
    env = {**os.environ, "PRE_COMMIT_HOME": str(folder / "pre-commit-home"), "NO_COLOR": "1"}
    env["PIP_NO_COMPILE"] = "1"  # the hook runs once: no .pyc files
    # pip builds partnerbeeld with the build backend found on PYTHONPATH (pip's spelling of
    # --no-build-isolation) and leaves the dependencies to PYTHONPATH too: resolving them again
    # and setting up a build environment cost a quarter of the run. A dependency missing from
    # pyproject.toml still fails the hook (it is not on PYTHONPATH); .ci/run and the README's
    # commands build partnerbeeld the isolated way.
    env["PIP_NO_BUILD_ISOLATION"] = "0"  # yes, 0: pip reads this variable the wrong way round
    env["PIP_NO_DEPS"] = "1"
    env["PYTHONPATH"] = str(dependencies_only(tool_repo, folder))
    env.pop("PARTNERBEELD_DATA", None)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(tool_repo), HOOK_ID, "--all-files", "--color=never"]
    process = subprocess.Popen(
        ["sh", "-c", _WRAPPER, "sh", str(repo), str(folder), *command],
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # a process group of its own, so that finish() can stop all of it
    )
    return Run(folder, process)
