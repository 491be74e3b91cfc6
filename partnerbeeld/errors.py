"""Typed errors and exit statuses. The library raises; only the CLI prints and exits."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit codes, documented in the README. Never change a number."""

    OK = 0
    DATA_ERRORS = 1  # the data has errors (or warnings under --strikt)
    USAGE = 2  # unknown option, unknown incident type, refused overwrite
    UNREADABLE = 3  # the dataset cannot be read at all


class PartnerbeeldError(Exception):
    """A failure a user can cause; carries a Dutch message and a hint how to fix it."""

    exit_status = ExitStatus.USAGE

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(PartnerbeeldError):
    exit_status = ExitStatus.USAGE


class DatasetUnreadable(PartnerbeeldError):
    exit_status = ExitStatus.UNREADABLE


class NotFound(UsageError):
    """An incident type, partner or other name that does not resolve; with suggestions."""

    def __init__(self, message: str, suggestions: list[str] | None = None, hint: str = "") -> None:
        self.suggestions = suggestions or []
        if self.suggestions and not hint:
            hint = "Bedoelde je " + ", ".join(self.suggestions) + "?"
        super().__init__(message, hint)
