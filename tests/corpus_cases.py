"""The validation corpus: broken (and tricky but fine) datasets with what `valideer` must find in them.

One folder per case under tests/corpus/: the files to drop into a fresh
``DatasetBuilder`` dataset (paths relative to data/) and ``expect.yaml``:

    exit: 1                                  # the exit code of `partnerbeeld valideer`
    findings:                                # every finding: [code, file, line]
      - [yaml-dubbele-sleutel, partners/partner-a.yaml, 11]
    messages: ["eerst op regel 3"]           # optional: text that must appear in a message or hint
    absent: ["06 10 00 00 12"]               # optional: text that must appear nowhere (stdout, stderr)
    remove: [partnerbeeld.yaml]              # optional: builder files to delete
    records:                                 # optional: values as loaded (scalars stay text)
      partners/partner-a.yaml: {name: "NO"}

Cases that make no sense as a file in git (20 MB, invalid UTF-8, a BOM, CRLF,
symbolic links, a named pipe) are generated here, with the same expectations.
test_valideer_corpus runs them through the command line, test_valideer_paths through ``validate(only=...)``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from builders import DatasetBuilder

CORPUS = Path(__file__).parent / "corpus"
PARTNER = (
    (CORPUS / "nee-als-naam" / "partners" / "partner-a.yaml")
    .read_text(encoding="utf-8")
    .replace("name: NO", "name: Partner A")
    .replace("note: 12:30\n", "")
)


@dataclass
class Case:
    name: str
    build: Callable[[DatasetBuilder], None]
    exit: int
    findings: list[tuple[str, str, int]]
    messages: list[str] = field(default_factory=list)
    records: dict[str, dict[str, str]] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)


# --- cases from tests/corpus/ ------------------------------------------------------------------


def from_folder(folder: Path) -> Case:
    expect: dict[str, Any] = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))

    def build(b: DatasetBuilder) -> None:
        for name in expect.get("remove", []):
            (b.root / name).unlink()
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != "expect.yaml":
                b.write(path.relative_to(folder).as_posix(), path.read_bytes())

    return Case(
        folder.name,
        build,
        expect["exit"],
        [tuple(f) for f in expect["findings"]],  # type: ignore[misc]
        expect.get("messages", []),
        expect.get("records", {}),
        expect.get("absent", []),
    )


# --- generated cases ---------------------------------------------------------------------------


def _bom(b: DatasetBuilder) -> None:
    b.write("partners/partner-a.yaml", b"\xef\xbb\xbf" + PARTNER.encode())


def _crlf(b: DatasetBuilder) -> None:
    b.write("partners/partner-a.yaml", PARTNER.replace("\n", "\r\n").encode())


def _invalid_utf8(b: DatasetBuilder) -> None:
    # 'Crisiscoördinatie' saved as Latin-1 by an old editor
    b.write("partners/partner-a.yaml", PARTNER.replace("Piket", "Crisiscoördinatie").encode("latin-1"))


def _twenty_megabytes(b: DatasetBuilder) -> None:
    with (b.root / "partners" / "partner-a.yaml").open("wb") as out:
        out.write(PARTNER.encode() + b"note: ")
        out.write(b"x" * (20 * 1024 * 1024))


def _symlink_outside(b: DatasetBuilder) -> None:
    secret = b.root.parent / "buiten" / "geheim.yaml"
    secret.parent.mkdir()
    secret.write_text(PARTNER, encoding="utf-8")
    (b.root / "partners" / "partner-a.yaml").symlink_to(secret)


def _symlink_inside(b: DatasetBuilder) -> None:
    # a link to another file of the same dataset is fine (it is read once more, as itself)
    b.write("partners/partner-a.yaml", PARTNER)
    (b.root / "partners" / "partner-b.yaml").symlink_to(b.root / "partners" / "partner-a.yaml")


def _folder_outside(b: DatasetBuilder) -> None:
    elsewhere = b.root.parent / "elders"
    elsewhere.mkdir()
    (elsewhere / "plan-a.yaml").write_text("id: plan-a\n", encoding="utf-8")
    (b.root / "plans").rmdir()
    (b.root / "plans").symlink_to(elsewhere, target_is_directory=True)


def _named_pipe(b: DatasetBuilder) -> None:
    os.mkfifo(b.root / "partners" / "partner-a.yaml")


def _control_character(b: DatasetBuilder) -> None:
    b.write("partners/partner-a.yaml", PARTNER.replace("name: Partner A", "name: Partner\x1bA"))


GENERATED = [
    Case("bom", _bom, 0, []),
    Case("crlf-regeleinden", _crlf, 0, [], records={"partners/partner-a.yaml": {"name": "Partner A"}}),
    Case("ongeldige-utf8", _invalid_utf8, 1, [("yaml-utf8", "partners/partner-a.yaml", 7)], ["byte 0xf6"]),
    Case("twintig-megabyte", _twenty_megabytes, 1, [("bestand-te-groot", "partners/partner-a.yaml", 1)]),
    Case("koppeling-buiten-dataset", _symlink_outside, 1, [("bestand-buiten-dataset", "partners/partner-a.yaml", 1)]),
    Case(
        "koppeling-binnen-dataset",
        _symlink_inside,
        1,
        [("id-bestandsnaam", "partners/partner-b.yaml", 1), ("id-dubbel", "partners/partner-b.yaml", 1)],
    ),
    Case("map-buiten-dataset", _folder_outside, 1, [("bestand-buiten-dataset", "plans", 0)]),
    Case("named-pipe", _named_pipe, 1, [("bestand-onleesbaar", "partners/partner-a.yaml", 1)]),
    Case("stuurteken", _control_character, 1, [("yaml-syntaxis", "partners/partner-a.yaml", 2)], ["#x001b"]),
]
CASES = [from_folder(folder) for folder in sorted(CORPUS.iterdir()) if folder.is_dir()] + GENERATED
