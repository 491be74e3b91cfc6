"""Comparing paths the way partnerbeeld means them."""

from __future__ import annotations

from pathlib import Path


def located(path: Path) -> Path:
    """``path`` made absolute with its folders resolved but not the last part (it may be a link)."""
    return path.parent.resolve() / path.name
