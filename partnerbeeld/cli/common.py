"""What every command shares: the output format and file, the reference date, printing problems."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

# defined with the other shared options (cli/options.py); re-exported where commands have found them
from partnerbeeld.cli.options import DataOption as DataOption
from partnerbeeld.cli.options import PeildatumOption as PeildatumOption
from partnerbeeld.infra.clock import parse_date, reference_date
from partnerbeeld.infra.errors import ExitStatus, PartnerbeeldError, UsageError

if TYPE_CHECKING:  # the dataset (pydantic, yaml) loads inside the commands, not for --help
    from partnerbeeld.model.findings import Finding
    from partnerbeeld.reading.dataset import Dataset

F = TypeVar("F", bound=StrEnum)


def dash_is_stdout(output: Path | None) -> Path | None:
    """``-o -`` means standard output, as for most tools, rather than a file named '-'."""
    return None if output is not None and str(output) == "-" else output


def output_format(
    given: F | None, output: Path | None, by_extension: Mapping[str, F], extension_of: Mapping[F, str], default: F
) -> F:
    """``--formaat``, else what the name after ``-o`` says (``by_extension``), else ``default``.

    A name that contradicts --formaat (``-f md -o lijst.pdf``), or that says
    nothing we know (``-o lijst.xyz`` without --formaat), is a usage error: a file
    that is not what its name says gets opened by the wrong program later.
    """
    if output is None or output.is_dir():  # a folder: the command suggests the name
        return given or default
    suffix = output.suffix.lower()
    meant = by_extension.get(suffix)
    choices = ", ".join(dict.fromkeys(by_extension))
    if given is None:
        if meant is not None:
            return meant
        if suffix in _FILE_TYPES:
            raise UsageError(f"Deze opdracht maakt geen {suffix}-bestanden.", f"Kies een naam op {choices}.")
        raise UsageError(
            f"Aan de naam {output.name} is niet te zien welk formaat je wilt.",
            f"Geef --formaat, of een naam op {choices}.",
        )
    # a name that says another type of file than --formaat makes (x.md with html) is refused
    if (meant is not None and extension_of[meant] != extension_of[given]) or (meant is None and suffix in _FILE_TYPES):
        raise UsageError(
            f"--formaat {given.value} past niet bij de naam {output.name}.",
            f"Geef het bestand de extensie .{extension_of[given]}, of laat --formaat weg.",
        )
    return given


# every file type some partnerbeeld command writes: a name with one of these says what it holds
_FILE_TYPES = {".html", ".htm", ".pdf", ".md", ".csv", ".vcf", ".json", ".txt"}


def peildatum(value: str | None) -> dt.date:
    """The reference date from --peildatum, SOURCE_DATE_EPOCH or today."""
    return reference_date(parse_date(value) if value else None)


class Reading(NamedTuple):
    """A dataset opened for a read-only command, and the files left out of it because they have errors.

    A command returns ``status`` to ``main``: exit status 1 when files were skipped, since
    the answer was printed but is incomplete, and a script (or a CI job printing a binder)
    must be able to tell.
    """

    dataset: Dataset
    skipped: tuple[Path, ...]  # sorted

    @property
    def status(self) -> ExitStatus:
        return ExitStatus.DATA_ERRORS if self.skipped else ExitStatus.OK

    def skipped_names(self) -> tuple[str, ...]:
        """The skipped files relative to the dataset, sorted: what an output says it lacks."""
        return tuple(sorted(_relative(file, self.dataset.root) for file in self.skipped))


def load_for_reading(data: Path | None, *, roles_only: bool = False, for_people: bool = False) -> Reading:
    """Open the dataset for a read-only command; say loudly when records were left out.

    ``roles_only``: read partners and profiles but not covenants, exercises and plans.
    ``for_people``: the answer is shown as text or Markdown, so every text value comes
    with control, bidi and zero-width characters escaped (``views.displaydata``).
    """
    from partnerbeeld.answers.opening import ROLE_FOLDERS, open_dataset
    from partnerbeeld.model.records import RECORD_FOLDERS

    dataset, findings = open_dataset(data, ROLE_FOLDERS if roles_only else RECORD_FOLDERS)
    skipped = warn_about_errors(findings, dataset.root)
    if for_people:
        from partnerbeeld.views.displaydata import displayable

        dataset = displayable(dataset)
    return Reading(dataset, skipped)


def write_for_people(text: str) -> None:
    """A text or Markdown output to stdout, with whatever unsafe character is left shown escaped."""
    from partnerbeeld.infra.safetext import guard

    sys.stdout.write(guard(text))


def write_json(text: str) -> None:
    """A JSON output to stdout: the same data, with control and bidi characters as JSON escapes."""
    from partnerbeeld.infra.safetext import json_safe

    sys.stdout.write(json_safe(text))


def warn_about_errors(findings: list[Finding], root: Path) -> tuple[Path, ...]:
    """Warn on stderr about the files with errors, which a read-only answer leaves out; return them."""
    from partnerbeeld.model.findings import Severity

    files = tuple(sorted({f.file for f in findings if f.severity is Severity.FOUT}))
    if not files:
        return files
    names = ", ".join(_relative(f, root) for f in files[:3]) + (" …" if len(files) > 3 else "")
    noun = "bestand" if len(files) == 1 else "bestanden"
    warning = f"LET OP: onvolledig antwoord: fouten in {len(files)} {noun} ({names}); wat fout is, telt niet mee."
    say([warning, f"  Draai '{validate_command(root)}' en herstel de fouten; exitcode 1."])
    return files


def validate_command(root: Path) -> str:
    """'partnerbeeld valideer', with --data when the dataset is not the one found from here."""
    from partnerbeeld.reading.loading import find_root

    try:
        default = find_root().resolve()
    except PartnerbeeldError:
        default = None
    if default == root.resolve():
        return "partnerbeeld valideer"
    return f"partnerbeeld valideer --data {shlex.quote(str(root))}"


def _relative(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.name


def fail(message: str, hint: str = "") -> None:
    """Print a Dutch problem to stderr (used by ``main`` for every known failure)."""
    say([f"fout: {message}", *(f"  {part}" for part in hint.splitlines())])


def say(lines: list[str]) -> None:
    """Lines for people on stderr.

    On a terminal they break at spaces within its width, so ids, paths and
    commands stay whole; to a file or a pipe every line stays one line, to grep.
    File names and values in them may come from anyone's data: control characters
    and line breaks are shown escaped, so no line can pose as a CI workflow command.
    """
    from partnerbeeld.infra.safetext import visible

    lines = [visible(line) for line in lines]
    if sys.stderr.isatty():
        import textwrap

        from partnerbeeld.cli.streams import terminal_width

        width = terminal_width()
        lines = [
            wrapped
            for line in lines
            for wrapped in textwrap.wrap(
                line, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
            )
        ]
    print("\n".join(lines), file=sys.stderr)


def shown_path(path: Path) -> str:
    """A path as the user will recognise it: relative to the current folder when it is below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
