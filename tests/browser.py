"""Print HTML in a real browser and read the PDF back page by page, for the print tests.

- ``chromium()`` finds Chromium (or Chrome); ``headless_chromium()`` starts it, driven by
  Playwright. A start costs about 1.5 s of CPU and a new page about 0.4 s, so the whole run
  shares one browser and one page (the ``browser`` and ``tab`` fixtures in conftest.py, and
  the test files that use them share a worker). ``print_pages`` prints HTML files opened
  from file:// through Chromium's own print path (DevTools Page.printToPDF), with the page's
  @page size and margins (none where the page sets none), no backgrounds, no browser header
  or footer.
- ``pages_text`` (one ``pdftotext`` run per PDF, cut at the page breaks) and ``words`` (with their
  boxes) read a PDF through poppler-utils; ``overlapping`` finds words printed over
  each other (a column header running into the next one).

A missing program fails the test when the environment variable CI is set (.ci/run
installs them), and skips it elsewhere, with the reason.
"""

from __future__ import annotations

import contextlib
import functools
import html
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _missing(what: str) -> None:
    message = (
        f"{what} is not installed (Debian: apt-get install chromium poppler-utils; playwright: pip install '.[test]')"
    )
    if os.environ.get("CI"):
        pytest.fail(message + "; CI must run the browser and print tests (.ci/run installs them)")
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


@contextlib.contextmanager
def headless_chromium() -> Iterator[Any]:
    """The system's Chromium, headless, driven by Playwright (it never downloads a browser of its own)."""
    path = chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright")
    with sync_playwright() as playwright:
        # root in a container needs --no-sandbox
        browser = playwright.chromium.launch(
            executable_path=path, args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
        )
        try:
            yield browser
        finally:
            browser.close()


def print_pages(tab: Any, pages: dict[Path, Path]) -> None:
    """Print each HTML file (key) to its PDF (value), opened from file:// in ``tab``, as Chromium
    prints it: the page's own @page size and margins, its margin boxes, no browser header or footer."""
    try:
        for source, target in pages.items():
            tab.goto(source.resolve().as_uri())
            target.write_bytes(tab.pdf(prefer_css_page_size=True))
    finally:  # the next user of the tab starts from an empty page
        tab.goto("about:blank")


def pages_text(pdf: Path) -> list[str]:
    """The text of every page: one pdftotext run, cut at its page breaks (a form feed ends each page)."""
    return list(_pdftotext(*_key(pdf)).split("\f")[:-1])


def _key(pdf: Path) -> tuple[str, int, int]:
    """The file as it is now: several tests read the same PDF, a rewritten one is read again."""
    status = pdf.stat()
    return str(pdf), status.st_mtime_ns, status.st_size


@functools.cache
def _pdftotext(path: str, _mtime: int, _size: int, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, path, "-"], capture_output=True, text=True, check=True).stdout


class Word(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def words(pdf: Path, page: int) -> list[Word]:
    """Every word on a page with its box in points (origin top left)."""
    pages = _pdftotext(*_key(pdf), "-bbox").split("<page ")[1:]
    found = _WORD.findall(pages[page - 1])
    return [Word(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in found]


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
