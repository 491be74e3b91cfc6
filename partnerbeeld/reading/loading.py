"""Finding the dataset on disk and turning its files into validated records.

Each file on its own: bytes -> ``yamlsource.parse`` -> record: built by
``quickbuild`` when the data is plainly valid, else validated by the pydantic
models (imported only then: they cost about 100 ms). Every problem becomes a
``Finding`` with file, line and column; nothing here raises for bad data.
Only a dataset that cannot be found at all raises ``DatasetUnreadable``.
Cross-record checks run later, in ``checks``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnerbeeld.infra import limits
from partnerbeeld.infra.errors import DatasetUnreadable, Remedy, os_reason
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.model.records import RECORD_FOLDERS, SINGLE_FILES, Record
from partnerbeeld.reading import quickbuild, yamlsource
from partnerbeeld.reading.source import Source
from partnerbeeld.reading.yamlsource import Document

MAX_FILE_BYTES = limits.FILE_BYTES
ENV_VAR = "PARTNERBEELD_DATA"
SETTINGS_FILE = "partnerbeeld.yaml"


@dataclass(slots=True)
class Loaded:
    """Everything read from disk: valid records with their sources, and the findings."""

    root: Path
    singles: dict[str, tuple[Any, Source]] = field(default_factory=dict)
    records: dict[str, list[tuple[Any, Source]]] = field(default_factory=dict)
    # ids of records that exist on disk but failed validation: references to
    # them are not reported again as unknown.
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    # record folders that could not be read at all: references into them are not reported
    # as unknown (the folder's own finding says what is wrong, once)
    unreadable_folders: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    # every file that parsed as YAML, valid or not: `valideer` looks for hidden characters in all of them
    documents: list[Source] = field(default_factory=list)


# --- finding the dataset -------------------------------------------------------------


def find_root(explicit: Path | None = None, environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> Path:
    """The dataset folder: ``--data``, then $PARTNERBEELD_DATA, then the nearest ``data/`` upward."""
    environ = os.environ if environ is None else environ
    if explicit is None and environ.get(ENV_VAR):
        explicit = Path(environ[ENV_VAR])
    if explicit is not None:
        if explicit.exists() and not explicit.is_dir():
            raise DatasetUnreadable(
                f"{explicit} is een bestand, geen map.",
                "Geef met PARTNERBEELD_DATA de map met partnerbeeld.yaml (meestal data/).",
                remedy=Remedy.DATA_FOLDER,
            )
        if not explicit.is_dir():
            raise DatasetUnreadable(
                f"De map {explicit} bestaat niet.",
                "Geef met PARTNERBEELD_DATA de map met partnerbeeld.yaml.",
                remedy=Remedy.DATA_FOLDER_MISSING,
            )
        if not (explicit / SETTINGS_FILE).is_file():
            raise DatasetUnreadable(
                f"In {explicit} staat geen {SETTINGS_FILE}; dit is geen partnerbeeld-dataset.",
                "Wijs de map aan die partnerbeeld.yaml, partners/ en profiles/ bevat.",
            )
        return explicit
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for candidate in (folder / "data", folder):
            if (candidate / SETTINGS_FILE).is_file():
                return candidate
    raise DatasetUnreadable(
        "Geen dataset gevonden in deze map of een map erboven.",
        "Zet PARTNERBEELD_DATA, of ga naar een map met data/.",
        remedy=Remedy.DATA_NOT_FOUND,
    )


# --- reading files -----------------------------------------------------------------------


def _read(path: Path, root: Path) -> Document | Finding:
    """One file's bytes into a Document, or a finding saying why not."""

    def problem(code: str, message: str, hint: str, line: int = 1, column: int = 1) -> Finding:
        return Finding(path, line, column, Severity.FOUT, code, message, hint)

    if path.is_symlink():
        try:
            target = path.resolve()
        except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
            return problem(
                "bestand-onleesbaar",
                "Dit bestand is een symbolische koppeling die in een kring naar zichzelf verwijst.",
                "Verwijder de koppeling, of laat haar naar een echt bestand in de dataset wijzen.",
            )
        if not target.is_relative_to(root.resolve()):
            return problem(
                "bestand-buiten-dataset",
                f"Dit bestand verwijst naar {target}, buiten de dataset.",
                "Kopieer het bestand in de dataset in plaats van ernaar te verwijzen.",
            )
    try:
        raw = read_bounded(path)
    except NotRegular:
        return problem(
            "bestand-onleesbaar",
            "Dit is geen gewoon bestand.",
            "Vervang het door een gewoon YAML-bestand, of verwijder het.",
        )
    except TooBig as big:
        return problem(
            "bestand-te-groot",
            f"Het bestand is {big.size // 1024} KiB; het maximum is {MAX_FILE_BYTES // 1024} KiB.",
            "Een record is een paar KiB; splits of verklein het bestand.",
        )
    except OSError as exc:
        return problem(
            "bestand-onleesbaar",
            f"Het bestand kan niet worden gelezen: {os_reason(exc)}.",
            "Controleer of het bestand bestaat en leesbaar is.",
        )
    parsed = yamlsource.parse(raw)
    if isinstance(parsed, yamlsource.Problem):
        return problem(parsed.code, parsed.message, parsed.hint, parsed.line, parsed.column)
    return parsed


class NotRegular(Exception):
    """The path is a named pipe, a device, a socket or a folder, not a file to read."""


class TooBig(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_bounded(path: Path) -> bytes:
    """The file's bytes; never blocks on a named pipe and never reads more than the bound."""
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegular
        if status.st_size > MAX_FILE_BYTES:
            raise TooBig(status.st_size)
        # os.read without a file object: a few microseconds less per file, for 10,000 files
        chunks, left = [], MAX_FILE_BYTES + 1  # the file may have grown since fstat
        while left > 0 and (chunk := os.read(fd, left)):
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        raise TooBig(len(raw))
    return raw


def record_files(folder: Path) -> list[Path]:
    """The record files in ``folder``, sorted; [] when it does not exist. OSError when it cannot be read."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    # a folder named like a record (partners/dunea.yaml/) is listed too: reading it reports
    # "geen gewoon bestand" instead of leaving the partner silently out
    names = sorted(
        entry.name for entry in entries if entry.name.endswith((".yaml", ".yml")) and not entry.name.startswith(".")
    )
    return [folder / name for name in names]


def folder_problem(root: Path, folder: str) -> Finding | None:
    """Why the record folder ``folder`` cannot be used, or None when it can (or is simply absent)."""
    path = root / folder

    def problem(message: str, hint: str) -> Finding:
        return Finding(path, 0, 0, Severity.FOUT, "map-onleesbaar", message, hint)

    try:
        outside = path.is_symlink() and not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
        return problem(
            f"De map {folder}/ is een symbolische koppeling die in een kring naar zichzelf verwijst.",
            f"Verwijder de koppeling en maak een gewone map {folder}/.",
        )
    if outside:
        return Finding(
            path,
            0,
            0,
            Severity.FOUT,
            "bestand-buiten-dataset",
            f"De map {folder}/ verwijst naar een map buiten de dataset.",
            "Zet de bestanden in de dataset zelf.",
        )
    if path.exists() and not path.is_dir():
        return problem(
            f"{folder} is een bestand, maar hoort een map te zijn; de {folder} worden nu niet gelezen.",
            f"Hernoem of verwijder het bestand en maak een map {folder}/ met één YAML-bestand per record.",
        )
    return None


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived objects.

    Loading creates no reference cycles, but the collector's generation-2 scans
    of everything already loaded made loading 10,000 files 40% slower. When it
    ends, what was loaded is frozen (moved out of the collector's sight): the
    records live until the command ends, and switching the collector back on
    otherwise scanned the whole dataset again at the first collection, 20-37%
    of `zoek`, `overzicht` and PDF time at 10,000 partners. Reference counting
    still frees what is dropped; only cycles among frozen objects would stay.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def load(root: Path, folders: Collection[str] = RECORD_FOLDERS) -> Loaded:
    """Read and validate the three fixed files and the record ``folders`` (all by default)."""
    with gc_paused():
        return _load(root, folders)


def _load(root: Path, folders: Collection[str]) -> Loaded:
    loaded = Loaded(root=root)
    for name, model in SINGLE_FILES.items():
        path = root / name
        if not path.exists() and not path.is_symlink():  # a broken link is read, and reported, below
            loaded.findings.append(
                Finding(
                    path, 0, 0, Severity.FOUT, "bestand-ontbreekt", f"{name} ontbreekt.", f"Maak {name} aan in {root}."
                )
            )
            continue
        result = _validate(path, root, model, loaded.documents)
        if isinstance(result, tuple):
            loaded.singles[name] = result
        else:
            loaded.findings.extend(result)
    for folder, model in RECORD_FOLDERS.items():
        if folder not in folders:
            continue
        kind_records = loaded.records.setdefault(folder, [])
        invalid = loaded.invalid_ids.setdefault(folder, set())
        trouble = folder_problem(root, folder)
        if trouble is not None:
            loaded.findings.append(trouble)
            loaded.unreadable_folders.add(folder)
            continue
        try:
            paths = record_files(root / folder)
        except OSError as exc:  # no permission, or the folder vanished while we looked
            loaded.findings.append(
                Finding(
                    root / folder,
                    0,
                    0,
                    Severity.FOUT,
                    "map-onleesbaar",
                    f"De map {folder}/ kan niet worden gelezen: {os_reason(exc)}.",
                    "Controleer de rechten van de map (ls -ld); de records erin tellen nu niet mee.",
                )
            )
            loaded.unreadable_folders.add(folder)
            continue
        for path in paths:
            result = _validate(path, root, model, loaded.documents)
            if isinstance(result, tuple):
                kind_records.append(result)
            else:
                invalid.add(path.stem)
                loaded.findings.extend(result)
    return loaded


def _validate(
    path: Path, root: Path, record_type: type[Record], documents: list[Source]
) -> tuple[Any, Source] | list[Finding]:
    parsed = _read(path, root)
    if isinstance(parsed, Finding):
        return [parsed]
    source = Source(path, parsed)
    documents.append(source)
    record = quickbuild.build(record_type, parsed.data)
    if record is not None:
        return record, source
    return validate_fully(record_type, parsed.data, source)


def validate_fully(record_type: type[Record], data: Any, source: Source) -> tuple[Any, Source] | list[Finding]:
    """The pydantic models' verdict: the record, or every problem as a Dutch finding."""
    from pydantic import ValidationError

    from partnerbeeld.model.models import model_of, to_record
    from partnerbeeld.reading.fielderrors import translate

    model = model_of(record_type)
    try:
        return to_record(model.model_validate(data)), source
    except ValidationError as exc:
        return [translate(error, source, model) for error in exc.errors(include_url=False)]
