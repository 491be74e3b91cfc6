"""A tiny ANSI palette for plain-text views.

rich is kept for tables that need it; plain views colour a word here and there
and must not pay rich's import time. Colour only on a terminal and never with NO_COLOR.
"""

from __future__ import annotations

import os
from typing import IO, NamedTuple


class Palette(NamedTuple):
    enabled: bool = False

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def red(self, text: str) -> str:
        return self._wrap("31", text)

    def yellow(self, text: str) -> str:
        return self._wrap("33", text)

    def green(self, text: str) -> str:
        return self._wrap("32", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)


def palette_for(stream: IO[str]) -> Palette:
    wants = stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    return Palette(enabled=bool(wants))
