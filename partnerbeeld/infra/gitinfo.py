"""The data version: which git commit the dataset is at. The only module that runs git.

Every printed or exported list carries this stamp, so a page in a binder can be
traced back to the exact data it shows.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from subprocess import DEVNULL, PIPE
from typing import NamedTuple


class DataVersion(NamedTuple):
    commit: str | None  # short hash; None outside a git repository
    dirty: bool  # the dataset has uncommitted changes
    date: str | None = None  # commit date, ISO
    refused: bool = False  # a repository git refused to read (another user's: "dubious ownership")

    @property
    def label(self) -> str:
        """Dutch label for pages and footers: 'a1b2c3d', 'a1b2c3d (gewijzigd)' or 'geen git'."""
        if self.commit is None:
            return "git geweigerd (map van een andere eigenaar)" if self.refused else "geen git"
        return f"{self.commit} (gewijzigd)" if self.dirty else self.commit

    def as_json(self) -> dict[str, str | bool | None]:
        """The ``dataversie`` object of every JSON output: ``{commit, gewijzigd, label}``.

        Here rather than in ``views``: the contact list builds its JSON document in
        ``answers``, which may not import views.
        """
        return {"commit": self.commit, "gewijzigd": self.dirty, "label": self.label}


# --no-optional-locks: a read-only command must not refresh (write) .git/index either
_GIT = ["git", "--no-optional-locks"]


# git's refusal of another user's repository (CVE-2022-24765), recognised by its English words:
# the processes that look for it run with LC_ALL=C, whatever the user's language
_DUBIOUS = b"dubious ownership"


def _c_locale() -> dict[str, str]:
    return {**os.environ, "LC_ALL": "C"}  # read now: tests and callers may have changed the environment


def git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes] | None:
    """Run git; None when git is missing or the folder is not in a repository."""
    try:
        result = subprocess.run([*_GIT, *args], cwd=cwd, capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result if result.returncode == 0 else None


def may_be_in_a_repository(folder: Path) -> bool:
    """Whether git could find a repository for ``folder``: a `.git` in it or above it, or $GIT_DIR.

    False means git would say "not a git repository" too (except inside a bare repository,
    which holds no work tree and so no dataset): then no git is started. Every
    command asks for the data version, and a dataset outside git (a copy on a laptop or a
    stick for the meldkamer) would otherwise start two git processes for that answer.
    """
    if os.environ.get("GIT_DIR"):
        return True
    try:
        folder = folder.resolve()
    except (OSError, RuntimeError):  # cannot be resolved (3.11 raises RuntimeError on a loop): ask git
        return True
    return any(os.path.lexists(path / ".git") for path in (folder, *folder.parents))


def data_version(root: Path) -> DataVersion:
    """The commit that HEAD is at, and whether the files under ``root`` differ from it."""
    if not may_be_in_a_repository(root):
        return DataVersion(None, False)
    # both at once: every query pays for this, and the two do not depend on each other
    try:
        head = subprocess.Popen(
            [*_GIT, "log", "-1", "--format=%h %cs"], cwd=root, stdout=PIPE, stderr=PIPE, env=_c_locale()
        )
        status = subprocess.Popen(
            [*_GIT, "status", "--porcelain", "--untracked-files=all", "--", "."], cwd=root, stdout=PIPE, stderr=DEVNULL
        )
    except OSError:
        return DataVersion(None, False)
    try:
        head_out, head_err = head.communicate(timeout=20)
        status_out, _ = status.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        head.kill()
        status.kill()
        return DataVersion(None, False)
    if head.returncode != 0 or not head_out.strip():
        return DataVersion(None, False, refused=_DUBIOUS in head_err)
    commit, _, date = head_out.decode().strip().partition(" ")
    dirty = status.returncode == 0 and bool(status_out.strip())
    return DataVersion(commit, dirty, date or None)


def would_be_committed(path: Path) -> bool:
    """Whether ``path`` lies in a git work tree and is not ignored there (a `git add .` takes it)."""
    folder = path.parent
    inside = git(["rev-parse", "--is-inside-work-tree"], folder) if folder.is_dir() else None
    if inside is None or inside.stdout.strip() != b"true":
        return False
    # exit 0: ignored; 1: not ignored (git() gives None for both 1 and a failure: then warn, the safe side)
    return git(["check-ignore", "-q", "--", path.name], folder) is None


# --- reading an older version of the dataset (for `wijzigingen`) ------------------------

# Branches whose merge base with HEAD is the natural "since": local first, then the
# remote-tracking names a CI checkout usually has.
MAIN_BRANCHES = ("main", "master", "origin/main", "origin/master")


class GitUnavailable(Exception):
    """Git is missing, or ``path`` is not inside a work tree. Carries a Dutch message and, if known, a hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class UnknownRevision(Exception):
    """A revision (branch, tag, commit, HEAD~1) that does not name a commit."""


class Revision(NamedTuple):
    name: str  # as the user gave it, or as we chose it
    commit: str  # full hash
    short: str
    date: str  # committer date, ISO day


def repo_root(path: Path) -> Path:
    """The top of the work tree that holds ``path``; ``GitUnavailable`` if there is none."""
    if shutil.which("git") is None:
        raise GitUnavailable("git is niet gevonden op deze computer.")
    try:
        top = subprocess.run(
            [*_GIT, "rev-parse", "--show-toplevel"],
            cwd=path,
            capture_output=True,
            timeout=20,
            check=False,
            env=_c_locale(),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitUnavailable(f"git kon niet worden gestart in {path}: {exc}.") from None
    if top.returncode != 0 and _DUBIOUS in top.stderr:
        # git 2.35.2+ refuses a repository owned by another user (CVE-2022-24765)
        found = re.search(rb"safe\.directory (.+)", top.stderr)
        where = found.group(1).decode("utf-8", "replace").strip() if found else str(path)
        raise GitUnavailable(
            f"git weigert de repository in {where}: die is van een andere gebruiker dan jij ('dubious ownership').",
            "Vertrouw je de map, zeg dat dan eenmalig tegen git:\n"
            f"  git config --global --add safe.directory {shlex.quote(where)}\n"
            "of werk als de eigenaar van de map.",
        )
    if top.returncode != 0 or not top.stdout.strip():
        raise GitUnavailable(f"{path} staat niet in een git-repository.")
    return Path(top.stdout.decode().strip())


def init_repository(folder: Path) -> bool:
    """`git init` in ``folder`` with main as the first branch; False when git is missing or fails."""
    if shutil.which("git") is None:
        return False
    return git(["init", "--quiet", "--initial-branch=main"], folder) is not None


def revision(name: str, cwd: Path) -> Revision:
    """Resolve ``name`` to a commit; ``UnknownRevision`` when it names none."""
    # `--end-of-options` keeps a name that starts with '-' from being read as an option
    shown = git(["log", "-1", "--format=%H %h %cs", "--end-of-options", f"{name}^{{commit}}", "--"], cwd)
    if shown is None or not shown.stdout.strip():
        raise UnknownRevision(name)
    full, short, date = shown.stdout.decode().split()
    return Revision(name, full, short, date)


def default_base(cwd: Path) -> Revision:
    """The merge base of HEAD with the main branch; HEAD itself on main or without one.

    On a feature branch this shows everything the branch would bring in (committed
    or not); on main it shows what is not committed yet.
    """
    head = revision("HEAD", cwd)
    for branch in MAIN_BRANCHES:
        if (
            git(["rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"], cwd) is None
            and git(["rev-parse", "--verify", "--quiet", f"refs/remotes/{branch}"], cwd) is None
        ):
            continue
        base = git(["merge-base", "HEAD", branch], cwd)
        if base is None:
            continue
        found = revision(base.stdout.decode().strip(), cwd)
        if found.commit == head.commit:
            break  # on main, or a branch with no commits of its own: compare with HEAD
        return Revision(f"afsplitsing van {branch}", found.commit, found.short, found.date)
    return head


def files_at(rev: Revision, folder: str, cwd: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (repository-relative, posix) at ``rev``: path -> bytes.

    One `git ls-tree` and one `git cat-file --batch` process, however many files:
    the work tree and the index are never touched.
    """
    prefix = folder.rstrip("/") + "/" if folder not in ("", ".") else ""
    listed = git(["ls-tree", "-r", "-z", "--full-tree", rev.commit, "--", prefix or "."], cwd)
    if listed is None:
        return {}
    entries = [e.decode("utf-8", "surrogateescape") for e in listed.stdout.split(b"\0") if e]
    # "<mode> <type> <sha>\t<path>"; symbolic links (120000) are not dataset files
    blobs = [
        (line.split("\t", 1)[1], line.split()[2])
        for line in entries
        if line.split()[1] == "blob" and line.split()[0] != "120000"
    ]
    if not blobs:
        return {}
    request = b"".join(sha.encode() + b"\n" for _, sha in blobs)
    try:
        result = subprocess.run(
            [*_GIT, "cat-file", "--batch"], cwd=cwd, input=request, capture_output=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitUnavailable(f"git cat-file mislukte: {exc}") from None
    return dict(zip((path for path, _ in blobs), _split_batch(result.stdout), strict=True))


def _split_batch(output: bytes) -> list[bytes]:
    """The contents from `git cat-file --batch` output ("<sha> blob <size>\\n<bytes>\\n" each)."""
    contents: list[bytes] = []
    at = 0
    while at < len(output):
        header_end = output.index(b"\n", at)
        size = int(output[at:header_end].split()[2])
        contents.append(output[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1
    return contents
