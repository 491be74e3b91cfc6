"""Typed errors and exit statuses. The library raises; only the CLI prints and exits."""

from __future__ import annotations

import errno
from enum import IntEnum

# The operating system's reasons in Dutch, for the few a user meets when reading or writing files.
_OS_REASONS = {
    errno.ENOENT: "bestand of map bestaat niet",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.EISDIR: "dit is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EXDEV: "een ander bestandssysteem",
    errno.EPIPE: "de lezer is gestopt",
    errno.ELOOP: "de symbolische koppelingen vormen een kring",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EBADF: "het bestand is gesloten",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Dutch where we know the reason."""
    return _OS_REASONS.get(exc.errno or -1) or exc.strerror or str(exc)


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


class RecordHasErrors(PartnerbeeldError):
    """The record asked for exists, but its file has errors: the data, not the question, is wrong."""

    exit_status = ExitStatus.DATA_ERRORS


class TemplateBroken(PartnerbeeldError):
    """A template or stylesheet of ``--sjablonen`` cannot be used: it belongs to the data repository, like the data."""

    exit_status = ExitStatus.DATA_ERRORS


class NotFound(UsageError):
    """An incident type, partner or other name that does not resolve; with suggestions."""

    def __init__(self, message: str, suggestions: list[str] | None = None, hint: str = "") -> None:
        self.suggestions = suggestions or []
        if self.suggestions and not hint:
            hint = "Bedoelde je " + ", ".join(self.suggestions) + "?"
        super().__init__(message, hint)
