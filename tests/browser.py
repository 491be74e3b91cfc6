"""Print HTML in a real browser and read the PDF back page by page, for the print tests.

- ``chromium()`` finds Chromium (or Chrome); ``print_to_pdf`` prints HTML files with
  ``--headless --no-pdf-header-footer --print-to-pdf``, opened from file:// as a user
  would, several files at once (one browser start each, in parallel: the suite stays fast).
- ``page_count``, ``page_text`` (``pdftotext -f N -l N``) and ``words`` (with their
  boxes) read a PDF through poppler-utils; ``overlapping`` finds words printed over
  each other (a column header running into the next one).

A missing program fails the test when the environment variable CI is set (.ci/run
installs them), and skips it elsewhere, with the reason.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# root in a container needs --no-sandbox; the rest keeps a headless start quiet and offline
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def _missing(what: str) -> None:
    message = f"{what} is not installed (Debian: apt-get install chromium poppler-utils)"
    if os.environ.get("CI"):
        pytest.fail(message + "; CI must run the print tests")
    pytest.skip(message)


def chromium() -> str:
    """The browser's path ($PARTNERBEELD_CHROMIUM first); fails in CI, skips elsewhere when absent."""
    for name in (os.environ.get("PARTNERBEELD_CHROMIUM", ""), *BROWSERS):
        found = shutil.which(name) if name else None
        if found:
            return found
    _missing("Chromium")
    raise AssertionError("unreachable")


def require_poppler() -> None:
    for program in ("pdftotext", "pdfinfo", "pdftoppm"):
        if shutil.which(program) is None:
            _missing(program)


def print_to_pdf(pages: dict[Path, Path], timeout: float = 90) -> None:
    """Print each HTML file (key) to its PDF (value); one headless Chromium per file, all at once."""
    start_printing(pages, timeout)()


def start_printing(pages: dict[Path, Path], timeout: float = 90) -> Callable[[], None]:
    """Start the prints of ``print_to_pdf``; the returned function waits for them (do other work meanwhile)."""
    browser = chromium()
    profiles = tempfile.TemporaryDirectory()
    running = []
    for number, (source, target) in enumerate(pages.items()):
        profile = Path(profiles.name) / str(number)  # a fresh profile each: parallel starts must not share one
        argv = [browser, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={target}", source.resolve().as_uri()]
        running.append((target, subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)))

    def finish() -> None:
        with profiles:
            for target, process in running:
                _, err = process.communicate(timeout=timeout)
                assert target.is_file() and target.stat().st_size > 0, (
                    f"Chromium printed no {target.name}: {err[-500:]!r}"
                )

    return finish


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert found, info
    return int(found.group(1))


def page_text(pdf: Path, page: int) -> str:
    """The text of one page as pdftotext reads it (what a search in a PDF viewer finds)."""
    argv = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout


def pages_text(pdf: Path) -> list[str]:
    return [page_text(pdf, page) for page in range(1, page_count(pdf) + 1)]


class Word(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def words(pdf: Path, page: int) -> list[Word]:
    """Every word on a page with its box in points (origin top left)."""
    argv = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"]
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    return [Word(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in _WORD.findall(out)]


def overlapping(found: list[Word], tolerance: float = 0.3) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap by more than ``tolerance`` points both ways."""
    ordered = sorted(found)
    pairs = []
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.x0 >= first.x1 - tolerance:
                break
            across = min(first.x1, second.x1) - max(first.x0, second.x0)
            down = min(first.y1, second.y1) - max(first.y0, second.y0)
            if across > tolerance and down > tolerance:
                pairs.append((first.text, second.text))
    return pairs


def page_size(pdf: Path) -> tuple[float, float]:
    """Width and height of the first page in points (A4 portrait: 595 x 842)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    assert found, info
    return float(found.group(1)), float(found.group(2))
