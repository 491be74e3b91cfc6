"""Typed errors and exit statuses. The library raises; only the CLI prints and exits."""

from __future__ import annotations

import errno
from enum import IntEnum, StrEnum

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


class Remedy(StrEnum):
    """What would get a user past an error, as a fact: the CLI words it with its own options.

    The library knows no command-line flags: ``write_atomic`` knows that a file exists,
    not that ``--overschrijf`` replaces it. An error with a ``remedy`` leaves its hint to
    whoever shows it (``cli/remedies.py`` for the command line).
    """

    FILE_NOT_FOLDER = "file-not-folder"  # a file name was needed, a folder was given
    REGULAR_FILE = "regular-file"  # a device, FIFO or system folder was given as output
    OVERWRITE = "overwrite"  # the file exists; replacing it must be asked for
    OVERWRITE_FOLDER = "overwrite-folder"  # the folder holds other files; replacing them must be asked for
    TEMPLATE_FOLDER = "template-folder"  # the template folder given does not exist
    REFERENCE_DATE = "reference-date"  # SOURCE_DATE_EPOCH is unusable; a reference date can be given
    DATA_FOLDER = "data-folder"  # the dataset given is not a folder
    DATA_FOLDER_MISSING = "data-folder-missing"  # the dataset folder given does not exist
    DATA_NOT_FOUND = "data-not-found"  # no dataset here or above
    FILES_OUTSIDE_DATASET = "files-outside-dataset"  # files named that belong to another dataset
    REVISION = "revision"  # an unknown git revision to compare with
    RECORD_ID = "record-id"  # a new record's id is taken
    HIDDEN_SHEET = "hidden-sheet"  # the sheet asked for is hidden
    PDF_WITHOUT_WEASYPRINT = "pdf-without-weasyprint"  # WeasyPrint is not installed
    PDF_WITHOUT_PANGO = "pdf-without-pango"  # a system library of WeasyPrint is missing
    NARROWER_SELECTION = "narrower-selection"  # the list is too long to print
    NEW_RECORD_OPTION = "new-record-option"  # a value given for a new record is invalid
    OUTSIDE_DATASET = "outside-dataset"  # an output would land in the dataset folder
    SITE_FOLDER = "site-folder"  # the site needs a folder, a file was given


class PartnerbeeldError(Exception):
    """A failure a user can cause; carries a Dutch message and a hint how to fix it.

    ``remedy``: the fix depends on how partnerbeeld is called; ``hint`` is then what
    holds without naming an option (often nothing), and the CLI words the remedy.
    """

    exit_status = ExitStatus.USAGE

    def __init__(self, message: str, hint: str = "", *, remedy: Remedy | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.remedy = remedy


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
