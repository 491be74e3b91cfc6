"""A cache of the loaded dataset in the user's cache folder, for fast read-only queries.

Loading ~150 YAML files and validating them costs more than the rest of `zoek`
together; under stress the answer should come at once. The cache holds the
validated records (without their line positions) and the loading findings.

Safety decisions:
- only in $XDG_CACHE_HOME/partnerbeeld or ~/.cache/partnerbeeld, never inside
  the dataset; the folder is 0700 and every file 0600, because confidential
  contacts are in it. A folder or file that is not the user's own, or that
  others may write to, is not used (pickle from someone else runs their code);
- the key is every data file's path, size and mtime_ns plus the package version
  and the files that define the models: any edit, checkout or upgrade misses;
- written atomically (temp file + os.replace); a corrupt or stale file is ignored;
- PARTNERBEELD_GEEN_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from partnerbeeld.dataset import Dataset
    from partnerbeeld.findings import Finding

ENV_OFF = "PARTNERBEELD_GEEN_CACHE"
FORMAT = 1  # bump when what is pickled changes shape
_PACKAGE = Path(__file__).resolve().parent
# the code whose classes end up in the pickle: a change to any of them invalidates it
_CODE_FILES = ("__init__.py", "models.py", "vocabulary.py", "dataset.py", "loading.py", "findings.py")
_FOLDERS = ("partners", "profiles", "covenants", "exercises", "plans")
_FIXED = ("partnerbeeld.yaml", "incidenttypes.yaml", "accountholders.yaml")
_BROKEN = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError)


def cache_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """The user's cache folder for partnerbeeld; None when caching is off or impossible."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_OFF, "").strip() not in ("", "0"):
        return None
    base = environ.get("XDG_CACHE_HOME") or ""
    if not base:
        home = environ.get("HOME") or os.path.expanduser("~")
        if not home or home == "~":
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "partnerbeeld"


def _private(path: Path, *, folder: bool) -> bool:
    """Ours, and nobody else may write (or, for the folder, read) it."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not (stat.S_ISDIR(info.st_mode) if folder else stat.S_ISREG(info.st_mode)):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)


def fingerprint(root: Path) -> str:
    """Hash of every data file's path, size and mtime_ns, the package code and the cache format."""
    digest = hashlib.sha256(f"{FORMAT}\0{root.resolve()}\0".encode())
    entries: list[str] = []
    for name in _CODE_FILES:
        entries.append(_stat_line(_PACKAGE / name, "code/" + name))
    for name in _FIXED:
        entries.append(_stat_line(root / name, name))
    for folder in _FOLDERS:
        try:
            with os.scandir(root / folder) as scan:
                for entry in scan:
                    if entry.name.endswith((".yaml", ".yml")):
                        info = entry.stat()
                        entries.append(f"{folder}/{entry.name}\0{info.st_size}\0{info.st_mtime_ns}")
        except OSError:
            entries.append(f"{folder}\0-")
    digest.update("\n".join(sorted(entries)).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _stat_line(path: Path, label: str) -> str:
    try:
        info = path.stat()
    except OSError:
        return f"{label}\0-"
    return f"{label}\0{info.st_size}\0{info.st_mtime_ns}"


def _entry(folder: Path, root: Path) -> Path:
    return folder / (hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:32] + ".pickle")


def read(root: Path, key: str, folder: Path | None) -> tuple[Dataset, list[Finding]] | None:
    if folder is None or not _private(folder, folder=True):
        return None
    path = _entry(folder, root)
    if not _private(path, folder=False):
        return None
    try:
        with path.open("rb") as handle:
            stored_key, dataset, findings = pickle.load(handle)
    except (OSError, *_BROKEN):
        return None
    if stored_key != key:
        return None
    return dataset, findings


def write(root: Path, key: str, folder: Path | None, dataset: Dataset, findings: list[Finding]) -> None:
    """Store atomically; a cache that cannot be written is silently skipped (it is only a cache)."""
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder, folder=True):
            return
        # line positions are only for `valideer`; leaving them out halves the file
        payload: Any = (key, replace(dataset, sources={}), findings)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")  # mode 0600
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, _entry(folder, root))
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, RecursionError):
        return


def open_dataset_cached(data: Path | None = None) -> tuple[Dataset, list[Finding]]:
    """``dataset.open_dataset``, served from the cache when no data file changed.

    The returned dataset has no line positions (``sources`` is empty): fine for
    queries, not for checks that point at lines.
    """
    from partnerbeeld.loading import find_root

    root = find_root(data)
    folder = cache_dir()
    key = fingerprint(root) if folder is not None else ""
    cached = read(root, key, folder) if folder is not None else None
    if cached is not None:
        return cached
    from partnerbeeld.dataset import open_dataset

    dataset, findings = open_dataset(root)
    write(root, key, folder, dataset, findings)
    return dataset, findings
