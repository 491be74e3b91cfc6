"""Plain-text columns that fit a width: no box drawing, so `grep` and `cut` keep working.

Columns take their natural width; when the line is too long, columns give up
width in priority order (lowest first) down to their minimum, so the partner's
name is cut last and a phone number never. Cut cells end in '…'. rich does this too,
but costs 0.1 s of import time that a query under stress should not pay.
"""

from __future__ import annotations

from typing import NamedTuple

GAP = " "  # one space: every column is padded, and 80 columns are precious


class Column(NamedTuple):
    title: str
    minimum: int
    priority: int = 0  # lower gives up width first
    short_title: str = ""  # shown when the column is narrower than its title
    keep_end: bool = False  # cut in the middle, keeping the last word ('Hoogheemraadschap…Rijnland')
    shrink: bool = True
    comfortable: int = 0  # when too wide, first cut down to this, before other columns give anything
    right: bool = False  # numbers: aligned on their last digit, under a right-aligned title


def cut(text: str, width: int, keep_end: bool = False) -> str:
    if len(text) <= width:
        return text
    last = text.rsplit(" ", 1)[-1]
    if keep_end and " " in text and len(last) <= width - 5:
        # names are grepped by their distinctive last word as often as by their first
        return text[: width - len(last) - 1].rstrip() + "…" + last
    return text[: max(width - 1, 0)] + "…"


def widths(columns: list[Column], rows: list[list[str]], width: int) -> list[int]:
    """Natural widths; too wide, columns give up width in priority order down to their minimum."""
    # a column with a short title needs only that much room for its heading
    sizes = [max([len(col.short_title or col.title), *(len(row[i]) for row in rows)]) for i, col in enumerate(columns)]
    excess = sum(sizes) + len(GAP) * (len(columns) - 1) - width
    # first: one very long name must not push every short column into '…'
    for index, col in enumerate(columns):
        if excess > 0 and col.shrink and col.comfortable and sizes[index] > col.comfortable:
            give = min(excess, sizes[index] - col.comfortable)
            sizes[index] -= give
            excess -= give
    for index in sorted((i for i, col in enumerate(columns) if col.shrink), key=lambda i: columns[i].priority):
        if excess <= 0:
            break
        give = min(excess, max(sizes[index] - columns[index].minimum, 0))
        sizes[index] -= give
        excess -= give
    return sizes  # still too wide only when that would cut phone numbers: the line runs long


def fit(columns: list[Column], rows: list[list[str]], width: int) -> tuple[str, list[str]]:
    """The header line and one line per row, each at most ``width`` wide when possible."""
    sizes = widths(columns, rows, width)

    def line(cells: list[str]) -> str:
        return GAP.join(
            cut(cell, size, col.keep_end).rjust(size) if col.right else cut(cell, size, col.keep_end).ljust(size)
            for cell, size, col in zip(cells, sizes, columns, strict=True)
        ).rstrip()

    titles = [
        col.title if len(col.title) <= size or not col.short_title else col.short_title
        for col, size in zip(columns, sizes, strict=True)
    ]
    return line(titles), [line(row) for row in rows]
