"""What a finding code is: its severity, its meaning and two examples, one bad and one good.

As yamllint keeps one description per rule, partnerbeeld keeps one ``Spec`` per
finding code (the records are in ``codebook``). docs/codes.md, ``valideer --codes``
and the table of tests/test_findings_codes.py are made from them, so the
reference, the command line and the tests cannot tell different stories.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, slots=True)
class Example:
    """One path of an otherwise good dataset, as an example puts it.

    ``text`` is the file's content (``None``: the path is absent); with ``link``
    the path is a symbolic link to ``link`` (relative to the dataset's folder),
    and ``text``, when given, is written there. ``line`` is where a finding of a
    bad example points (0: the file as a whole, without a line). ``beside`` are
    other files the example needs, ``note`` says in Dutch what text cannot show.
    """

    file: str
    text: str | None
    line: int = 0
    link: str | None = None
    encoding: str = "utf-8"
    beside: tuple[tuple[str, str], ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Spec:
    """One finding code. A code is never renamed or reused: CI configurations and people refer to it."""

    code: str
    severity: Severity
    meaning: str  # Dutch, one sentence
    applies_to: str  # Dutch: which files or folders can have it
    bad: Example
    good: Example
    also: frozenset[str] = field(default_factory=frozenset)  # codes that necessarily come with a bad example
