"""Golden files: what a command printed or wrote, compared byte for byte with tests/golden/COMMAND/NAME.

Regenerate them only on purpose, and read the diff before committing it:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_zoek_cli.py tests/test_toon.py tests/test_contactlist_cli.py
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
_STYLE = re.compile(rb"(<style\b[^>]*>).*?(</style>)", re.DOTALL)


def without_stylesheet(html: bytes) -> bytes:
    """The page with every <style> element emptied.

    The stylesheet is the same on every page and has tests of its own (print, browser);
    a golden page that embeds it changes with every CSS tweak and hides the markup's diff.
    """
    return _STYLE.sub(rb"\1\2", html)


def assert_golden(relpath: str, produced: str | bytes, *, normalise: Callable[[bytes], bytes] | None = None) -> None:
    """Compare with tests/golden/RELPATH; UPDATE_GOLDEN=1 rewrites the file instead (then read the diff!).

    ``normalise`` is applied to the output and to the golden file alike, and the
    golden file is written normalised.
    """
    path = GOLDEN / relpath
    same = normalise or (lambda data: data)
    actual = same(produced.encode("utf-8") if isinstance(produced, str) else produced)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
    assert path.exists(), f"{path} ontbreekt; maak hem met UPDATE_GOLDEN=1"
    expected = same(path.read_bytes())
    if isinstance(produced, str):  # a readable diff when pytest shows the failure
        assert actual.decode("utf-8") == expected.decode("utf-8")
    else:
        assert actual == expected
