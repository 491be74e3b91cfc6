"""The site's output folder: built beside the target, swapped in at the end, never clobbering.

A reader (a colleague with index.html open, a web server) sees the old site or
the new one, never half of one: pages are written into a fresh folder next to
the target, which then takes the target's name. A folder partnerbeeld made
carries ``MARKER``; any other non-empty folder is refused without --overschrijf,
so `-o ~/Documenten` cannot wipe someone's documents.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from partnerbeeld.infra.errors import Remedy, UsageError, os_reason

MARKER = ".partnerbeeld-site"
MARKER_TEXT = "Deze map is gemaakt door 'partnerbeeld site' en wordt bij de volgende bouw vervangen.\n"


def check_target(target: Path, overwrite: bool) -> None:
    """UsageError when ``target`` may not become the site (a file, someone else's folder, no parent)."""
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is een bestand, geen map.", "Geef een map voor de site.", remedy=Remedy.SITE_FOLDER)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"De map {parent} bestaat niet.", "Maak haar eerst aan, of kies een andere plek.")
    if target.is_dir() and not overwrite and not (target / MARKER).is_file() and any(target.iterdir()):
        raise UsageError(
            f"De map {target} bestaat al en is niet door partnerbeeld gemaakt; ze wordt niet vervangen.",
            "Kies een nieuwe of lege map.",
            remedy=Remedy.OVERWRITE_FOLDER,
        )


def new_folder(target: Path) -> Path:
    """An empty folder beside ``target``, readable like any folder the user makes."""
    parent = target.parent if str(target.parent) else Path(".")
    try:
        folder = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".nieuw"))
        os.chmod(folder, 0o777 & ~_umask())  # mkdtemp makes 0700; a web server must read the site
    except OSError as exc:
        reason = os_reason(exc)
        raise UsageError(f"Kan geen map maken in {parent}: {reason}.", "Controleer de schrijfrechten.") from None
    return folder


def swap_in(folder: Path, target: Path) -> None:
    """Mark ``folder`` as partnerbeeld's and give it the name ``target``; the old site goes."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    try:
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{target.name}.", suffix=".oud"))
            os.rename(target, old / "site")
            os.rename(folder, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(folder, target)
    except OSError as exc:
        reason = os_reason(exc)
        raise UsageError(f"Kan {target} niet vervangen: {reason}.", "Controleer de map en de rechten.") from None


def discard(folder: Path) -> None:
    """Remove a half-built folder (after an error)."""
    with contextlib.suppress(OSError):
        shutil.rmtree(folder)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
