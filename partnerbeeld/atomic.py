"""Write a file atomically and never overwrite silently.

A reader (a printer queue, a sync client, a colleague opening the file) sees the
old file or the new one, never half of one: the bytes go to a temporary file in
the same folder, which then takes the target's name in one rename. Without
``overwrite`` the final step is a hard link, which fails if the name exists, so
two writers racing for one name cannot clobber each other either.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from partnerbeeld.errors import UsageError, os_reason


class AlreadyExists(UsageError):
    """The target exists and overwriting was not allowed."""


def write_atomic(path: Path, content: bytes | str, *, overwrite: bool = False) -> Path:
    """Write ``content`` (text is UTF-8 encoded as is) to ``path``; return the path.

    Raises ``AlreadyExists`` when ``path`` exists and ``overwrite`` is False, and
    ``UsageError`` when the folder is missing or not writable. Leaves no
    temporary file behind, whatever happens.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{path} is een map, geen bestand.", "Geef een bestandsnaam met -o.")
    if not overwrite and path.exists():
        raise _exists(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"De map {folder} bestaat niet.", "Maak de map eerst aan, of kies een andere plek.")
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; a written file gets the usual mode
        _move_into_place(temp, path, overwrite)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    _sync_folder(folder)
    return path


def write_many(items: list[tuple[Path, bytes | str, bool]]) -> list[Path]:
    """Several files ``(path, content, overwrite)``, each atomically, made durable with one sync.

    An fsync per file costs ~10 ms on a shared disk: importing 300 partners spent 4 s
    there. Here every temporary file is written first, one ``os.sync`` makes them all
    durable, and only then does each take its name, so a reader still sees the old
    file or the whole new one. Refuses (``AlreadyExists``) before writing anything when
    a target that may not be overwritten exists.
    """
    for path, _, overwrite in items:
        if not overwrite and path.exists():
            raise _exists(path)
    temps: list[Path] = []
    try:
        for path, content, _ in items:
            data = content.encode("utf-8") if isinstance(content, str) else content
            try:
                fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
                temps.append(Path(temp_name))
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.chmod(temp_name, 0o666 & ~_umask())
            except OSError as exc:
                raise _cannot_write(path, exc) from None
        if hasattr(os, "sync"):
            os.sync()
        else:  # pragma: no cover - Windows: no sync of everything, so one fsync per file
            for temp in temps:
                with open(temp, "rb+") as handle:
                    os.fsync(handle.fileno())
        for temp, (path, _, overwrite) in zip(temps, items, strict=True):
            try:
                _move_into_place(temp, path, overwrite)
            except OSError as exc:
                raise _cannot_write(path, exc) from None
    finally:
        for temp in temps:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
    for folder in {path.parent for path, _, _ in items}:
        _sync_folder(folder)
    return [path for path, _, _ in items]


def _move_into_place(temp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # atomic and refuses an existing name; the temp name is removed by the caller
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # file systems without hard links (FAT, some network shares): check, then rename
        if path.exists():
            raise _exists(path) from None
        os.replace(temp, path)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _exists(path: Path) -> AlreadyExists:
    return AlreadyExists(
        f"Het bestand {path} bestaat al; het wordt niet overschreven.",
        "Gebruik --overschrijf om het te vervangen, of kies een andere naam.",
    )


def _cannot_write(path: Path, exc: OSError) -> UsageError:
    return UsageError(f"Kan {path} niet schrijven: {os_reason(exc)}.", "Controleer de map en de schrijfrechten.")
