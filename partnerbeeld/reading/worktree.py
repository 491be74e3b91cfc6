"""The dataset's files as they are on disk now, for `wijzigingen`: bytes, or why they cannot be read.

What cannot be read (a named pipe, no permission, a loop of links, a file where a
record folder belongs) is reported as such, so `wijzigingen` says "niet vergeleken"
instead of "verwijderd". Reading follows the loader's rules: the same files, the
same bounded read that never blocks on a pipe, no links out of the dataset.
"""

from __future__ import annotations

import stat
from pathlib import Path

from partnerbeeld.infra.errors import os_reason
from partnerbeeld.model.records import RECORD_FOLDERS, SINGLE_FILES
from partnerbeeld.reading import loading


def work_tree_files(root: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """The dataset's files as they are on disk now (committed or not), and those that cannot be read.

    The second map holds a Dutch reason per path (a file, or a whole record folder):
    what cannot be read is "niet vergeleken", never "verwijderd".
    """
    files: dict[str, bytes] = {}
    problems: dict[str, str] = {}
    candidates = [root / name for name in SINGLE_FILES]
    for folder in RECORD_FOLDERS:
        trouble = loading.folder_problem(root, folder)
        if trouble is not None:
            problems[folder] = _lowercase_first(trouble.message.rstrip("."))
            continue
        try:
            candidates.extend(loading.record_files(root / folder))
        except OSError as exc:
            problems[folder] = f"de map kan niet worden gelezen: {os_reason(exc)}"
    resolved_root = root.resolve()
    for path in candidates:
        relpath = path.relative_to(root).as_posix()
        if path.is_symlink():
            try:
                outside = not path.resolve().is_relative_to(resolved_root)
            except (OSError, RuntimeError):
                problems[relpath] = "een symbolische koppeling die in een kring naar zichzelf verwijst"
                continue
            if outside:  # the loader refuses links out of the dataset; so do we
                problems[relpath] = "een symbolische koppeling naar een bestand buiten de dataset"
                continue
        try:
            files[relpath] = loading.read_bounded(path)
        except loading.NotRegular:
            problems[relpath] = f"geen gewoon bestand maar {_kind_of(path)}"
        except loading.TooBig:
            problems[relpath] = "het bestand is te groot"
        except FileNotFoundError:
            if path.is_symlink():
                problems[relpath] = "een symbolische koppeling naar een bestand dat niet bestaat"
            # else: not there (a fixed file that was removed): that is a removal
        except OSError as exc:
            problems[relpath] = f"het bestand kan niet worden gelezen: {os_reason(exc)}"
    return files, problems


def _kind_of(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:
        return "iets onleesbaars"
    if stat.S_ISFIFO(mode):
        return "een named pipe"
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISSOCK(mode):
        return "een socket"
    return "een apparaat"


def _lowercase_first(text: str) -> str:
    return text[:1].lower() + text[1:]
