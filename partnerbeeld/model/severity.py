"""How grave a finding is: an error you fix, or a warning you may accept.

A module of its own so that ``findings`` (loaded by every command) and the code
specs in ``codes`` (loaded at the first finding) can both use it without a cycle.
"""

from enum import StrEnum


class Severity(StrEnum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"
