"""The standard streams as they really are: closed (``>&-``), full (``> /dev/full``), narrow, or ascii-only.

A command writes its answer to standard output and trusts it arrived; this module
makes that trust checked. Output that could not be written is one Dutch line on
stderr and exit status 2 (as for ``-o`` on a full disk), never a traceback and
never exit 0: a script must be able to tell that the answer is missing. A reader
that leaves early (``| head``) is not an error; ``main`` handles that on its own.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import shutil
import sys
from typing import IO

from partnerbeeld.infra.errors import ExitStatus, os_reason

# Below this the tables cannot be laid out; a narrower terminal gets lines that wrap.
MIN_WIDTH = 40
# What a failing write to standard output raises (EPIPE, the reader left, is handled apart).
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EBADF, errno.EIO, errno.EFBIG, errno.EDQUOT}
_SAMPLE = "ë→€"  # characters every output uses: the encoding must hold them


def terminal_width(most: int | None = None) -> int:
    """COLUMNS, else the terminal's width, else 80; never below ``MIN_WIDTH`` (nor above ``most``)."""
    width = max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)
    return min(width, most) if most else width


class _ClosedOutput(io.RawIOBase):
    """Standard output that was closed before we started: writes fail, as the system's would.

    After the loss is reported (``discard``) writes vanish quietly, so the final
    flush when the process ends cannot fail a second time.
    """

    discard = False

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        if self.discard:
            return len(data)  # type: ignore[arg-type]
        raise OSError(errno.EBADF, "Bad file descriptor")


def prepare() -> None:
    """Make the three streams safe to use; say once on stderr when they cannot show every character."""
    if sys.stdin is None:  # `<&-`: reading finds nothing, as from an empty file
        sys.stdin = _reopen(0, "r")
    if sys.stderr is None:  # `2>&-`: nobody hears us; that must not stop the command
        sys.stderr = _reopen(2, "w")
    if sys.stdout is None:  # `>&-`: the answer cannot arrive; the first write says so
        _reopen(1, "w")  # keep descriptor 1 taken, so no file we open becomes "standard output"
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedOutput()), encoding="utf-8")
    narrow = [stream for stream in (sys.stdout, sys.stderr) if not _can_show(stream)]
    for stream in narrow:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            codecs.register_error(_ESCAPE, _escape)
            reconfigure(errors=_ESCAPE)  # ë becomes \u00eb: readable, nothing lost, JSON stays JSON
    if not isinstance(sys.stderr, _Quiet):
        sys.stderr = _Quiet(sys.stderr)
    if narrow:
        encoding = getattr(narrow[0], "encoding", "?")
        print(
            f"LET OP: de uitvoer gebruikt tekenset {encoding}; tekens daarbuiten staan er als \\u2192.\n"
            "  Zet PYTHONIOENCODING=utf-8 (of een UTF-8-taalinstelling) voor de gewone tekens.",
            file=sys.stderr,
        )


_ESCAPE = "partnerbeeld-u-escape"


def _escape(error: UnicodeError) -> tuple[str, int]:
    """\\uXXXX for each character the encoding lacks (a surrogate pair beyond U+FFFF), as JSON writes it."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


class _Quiet:
    """Standard error that never fails: when even it is full (`2> /dev/full`) the exit status is all we can give.

    Every other attribute is the stream's own (encoding, isatty, fileno).
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError:
            return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError):
            self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _reopen(fd: int, mode: str) -> IO[str]:
    """The null device on descriptor ``fd`` (which was closed), as a text stream."""
    null = os.open(os.devnull, os.O_RDONLY if mode == "r" else os.O_WRONLY)
    if null != fd:
        os.dup2(null, fd)
        os.close(null)
    return open(fd, mode, encoding="utf-8", closefd=False)


def _can_show(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        _SAMPLE.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def is_output_error(error: OSError) -> bool:
    return error.errno in OUTPUT_ERRNOS


def finish() -> int | None:
    """Flush standard output; the exit status when the answer could not be written, else None."""
    try:
        sys.stdout.flush()
    except OSError as error:
        if not is_output_error(error):
            raise
        return output_lost(error)
    return None


def output_lost(error: OSError) -> int:
    """Say that the answer did not arrive; make sure nothing fails again when the process ends."""
    raw = getattr(getattr(sys.stdout, "buffer", None), "raw", None)
    if isinstance(raw, _ClosedOutput):
        raw.discard = True
    else:
        with contextlib.suppress(OSError, ValueError):  # what is still buffered now goes nowhere, quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if error.errno == errno.EBADF:
        reason, hint = (
            "de standaarduitvoer is gesloten",
            "Laat de uitvoer open (zonder >&-), of stuur haar naar een bestand",
        )
    else:
        reason, hint = os_reason(error), "Maak ruimte vrij, of stuur de uitvoer naar een plek met ruimte"
    print(
        f"fout: de uitvoer kon niet worden geschreven: {reason}; het antwoord is niet (volledig) aangekomen.\n"
        f"  {hint}: ... > BESTAND.",
        file=sys.stderr,
    )
    return int(ExitStatus.USAGE)
