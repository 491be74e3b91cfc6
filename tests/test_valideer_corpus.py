"""A corpus of broken (and tricky but fine) inputs, each run through the real command line.

One folder per case under tests/corpus/: the files to drop into a fresh
``DatasetBuilder`` dataset (paths relative to data/) and ``expect.yaml``:

    exit: 1                                  # the exit code of `partnerbeeld valideer`
    findings:                                # every finding: [code, file, line]
      - [yaml-dubbele-sleutel, partners/partner-a.yaml, 11]
    messages: ["eerst op regel 3"]           # optional: text that must appear in the output
    absent: ["06 10 00 00 12"]               # optional: text that must appear nowhere (stdout, stderr)
    remove: [partnerbeeld.yaml]              # optional: builder files to delete
    records:                                 # optional: values as loaded (scalars stay text)
      partners/partner-a.yaml: {name: "NO"}

Cases that make no sense as a file in git (20 MB, invalid UTF-8, a BOM, CRLF,
symbolic links, a named pipe) are generated below, with the same expectations.

Every case runs `python -m partnerbeeld valideer --data ...` in a subprocess and
must give the exit code, a message naming the file and the line, no
traceback, and leave every file of the dataset as it was. The subprocesses run
in parallel (a module fixture) so the whole corpus takes a few seconds.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import DatasetBuilder
from conftest import REPO

from partnerbeeld.reading.loading import load

CORPUS = Path(__file__).parent / "corpus"
PARTNER = (
    (CORPUS / "nee-als-naam" / "partners" / "partner-a.yaml")
    .read_text(encoding="utf-8")
    .replace("name: NO", "name: Partner A")
    .replace("note: 12:30\n", "")
)
ROW = re.compile(r"^\s+(\d+|-)(?::\d+)?\s+(?:fout|waarschuwing)\s+(.*)$")
CODE = re.compile(r"\[([a-z0-9-]+)\]$")


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


def _from_folder(folder: Path) -> Case:
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
CASES = [_from_folder(folder) for folder in sorted(CORPUS.iterdir()) if folder.is_dir()] + GENERATED


# --- running -----------------------------------------------------------------------------------


@dataclass
class Run:
    root: Path
    returncode: int
    stdout: str
    stderr: str
    before: dict[str, str]
    after: dict[str, str]


def _tree_hash(root: Path) -> dict[str, str]:
    """Every entry under ``root`` (links as their target, pipes by name) -> a digest of its content."""
    result = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            result[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            result[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            result[rel] = "dir" if path.is_dir() else "other"
    return result


def _run(case: Case, base: Path) -> Run:
    work = base / case.name
    work.mkdir()
    builder = DatasetBuilder(work)
    case.build(builder)
    before = _tree_hash(builder.root)
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "PYTHONPATH": str(REPO),
        "SOURCE_DATE_EPOCH": "1796126400",  # 2026-11-28, the tests' reference date
    }
    env.pop("PARTNERBEELD_DATA", None)
    proc = subprocess.run(
        [sys.executable, "-m", "partnerbeeld", "valideer", "--data", str(builder.root)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return Run(builder.root, proc.returncode, proc.stdout, proc.stderr, before, _tree_hash(builder.root))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    base = tmp_path_factory.mktemp("corpus")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip([c.name for c in CASES], pool.map(lambda c: _run(c, base), CASES), strict=True))


def _rows(stdout: str) -> list[tuple[str, str, int]]:
    """(code, file relative to data/, line) of every finding in the text output.

    A finding is a line "  12:5  fout  message", maybe wrapped onto indented
    lines, ending in "[code]"; then its hint lines starting with "→".
    """
    rows: list[tuple[str, str, int]] = []
    current, pending, text = "", None, ""

    def close() -> None:
        if pending is not None:
            code = CODE.search(text)
            assert code, f"no [code] after: {text!r}"
            rows.append((code.group(1), current, pending))

    for line in stdout.splitlines():
        if match := ROW.match(line):
            close()
            pending, text = (0 if match.group(1) == "-" else int(match.group(1))), match.group(2)
        elif line.startswith(" ") and pending is not None and not line.strip().startswith("→"):
            text += " " + line.strip()
        else:
            close()
            pending = None
            if line and not line.startswith(" ") and not re.match(r"^\d+ fout", line):
                current = line.removeprefix("data/")
    close()
    return rows


def _value(record: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        record = record[int(part)] if part.isdigit() else getattr(record, part)
    return record


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, runs: dict[str, Run]) -> None:
    run = runs[case.name]
    output = run.stdout + run.stderr
    assert run.returncode == case.exit, output
    assert "Traceback" not in output
    assert run.after == run.before, "valideer changed a file of the dataset"
    assert sorted(_rows(run.stdout)) == sorted(case.findings), output
    flowing = " ".join(output.split())  # messages may be wrapped at 80 columns
    for text in case.messages:
        assert " ".join(text.split()) in flowing
    for text in case.absent:
        assert text not in output and text.replace(" ", "") not in output.replace(" ", "")
    # nothing the data holds reaches a terminal or a CI log raw: every line break is ours, no ESC, no bidi
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", output)
    if case.findings:
        assert re.search(r"^\d+ fout(en)?, \d+ waarschuwing(en)? in \d+ van \d+ bestanden\.$", run.stdout, re.M)
    for relpath, values in case.records.items():
        loaded = load(run.root)
        (record,) = [r for records in loaded.records.values() for r, s in records if s.file == run.root / relpath]
        for dotted, expected in values.items():
            assert _value(record, dotted) == expected


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert all((folder / "expect.yaml").is_file() for folder in CORPUS.iterdir() if folder.is_dir())


def test_missing_dataset_is_exit_3_in_dutch(runs: dict[str, Run]) -> None:
    run = runs["ontbrekende-instellingen"]
    assert run.stdout == ""
    assert run.stderr.startswith(f"fout: In {run.root} staat geen partnerbeeld.yaml")
