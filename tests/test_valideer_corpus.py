"""The validation corpus (tests/corpus_cases.py), each case run through the real command line.

Every case runs `partnerbeeld valideer --data ... --formaat json` through the same
``main`` the installed script calls, and must give the exit code, exactly the expected findings (code, file,
line) with the severity their code has, no traceback, nothing raw from the data,
and leave every file of the dataset as it was. A few cases also run as text, for
the terminal view itself. All cases run once, in a module fixture, in this process:
a new interpreter per case cost five seconds of the suite (tests/test_environment.py
runs the installed program as its own process).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from builders import DatasetBuilder
from corpus_cases import CASES, CORPUS, Case

from partnerbeeld.cli import main
from partnerbeeld.model.codes import WARNING_CODES
from partnerbeeld.reading.loading import load

# What must never reach a terminal or a CI log raw: every line break is ours, no ESC, no bidi.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
# The cases that also run as text: hostile or confidential data, several files, wrapped messages.
TERMINAL = [
    c.name
    for c in CASES
    if c.absent or c.name in {"verborgen-tekens", "letter-die-lijkt", "stuurteken", "ongeldige-utf8"}
] + ["fouten-in-meerdere-bestanden", "dubbele-sleutel"]


@dataclass
class Run:
    root: Path
    returncode: int
    stdout: str
    stderr: str
    before: dict[str, str]
    after: dict[str, str]

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


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


def _run(case: Case, base: Path, *formaat: str) -> Run:
    work = base / f"{case.name}-{formaat[-1]}"
    work.mkdir()
    builder = DatasetBuilder(work)
    case.build(builder)
    before = _tree_hash(builder.root)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {"NO_COLOR": "1", "COLUMNS": "80", "SOURCE_DATE_EPOCH": "1796126400"}.items():
            patch.setenv(name, value)  # 1796126400: 2026-11-28, the tests' reference date
        patch.delenv("PARTNERBEELD_DATA", raising=False)
        patch.chdir(work)
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # with .buffer, as a real standard output
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()) as err:
            status = main(["valideer", "--data", str(builder.root), *formaat])
        out.flush()
        stdout = out.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    return Run(builder.root, status, stdout, err.getvalue(), before, _tree_hash(builder.root))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Run]:
    """(case name, "json" or "tekst") -> the run."""
    base = tmp_path_factory.mktemp("corpus")
    jobs = [(c, "json") for c in CASES] + [(c, "tekst") for c in CASES if c.name in TERMINAL]
    return {(case.name, formaat): _run(case, base, "--formaat", formaat) for case, formaat in jobs}


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [text for key, value in node.items() for text in (key, *_strings(value))]
    if isinstance(node, list):
        return [text for item in node for text in _strings(item)]
    return [node] if isinstance(node, str) else []


def _value(record: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        record = record[int(part)] if part.isdigit() else getattr(record, part)
    return record


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, runs: dict[tuple[str, str], Run]) -> None:
    run = runs[case.name, "json"]
    assert run.returncode == case.exit, run.output
    assert "Traceback" not in run.output
    assert run.after == run.before, "valideer changed a file of the dataset"
    for text in case.absent:
        assert text not in run.output and text.replace(" ", "") not in run.output.replace(" ", "")
    assert not RAW.search(run.stderr)
    if case.exit == 3:  # no report: the dataset cannot be read at all
        assert run.stdout == "" and not case.findings
        assert all(text in run.stderr for text in case.messages)
        return
    report = json.loads(run.stdout)
    found = report["bevindingen"]
    assert sorted((f["code"], f["bestand"].removeprefix("data/"), f["regel"]) for f in found) == sorted(
        case.findings
    ), run.stdout
    assert all(f["ernst"] == ("waarschuwing" if f["code"] in WARNING_CODES else "fout") for f in found)
    assert report["fouten"] == sum(f["ernst"] == "fout" for f in found)
    assert report["waarschuwingen"] == sum(f["ernst"] == "waarschuwing" for f in found)
    assert run.returncode == (1 if report["fouten"] else 0)
    said = " ".join(f"{f['melding']} {f['hint']}" for f in found) + run.stderr
    for text in case.messages:
        assert text in said
    assert not [text for text in _strings(report) if RAW.search(text)]
    for relpath, values in case.records.items():
        loaded = load(run.root)
        (record,) = [r for records in loaded.records.values() for r, s in records if s.file == run.root / relpath]
        for dotted, expected in values.items():
            assert _value(record, dotted) == expected


@pytest.mark.parametrize("name", TERMINAL)
def test_terminal_text(name: str, runs: dict[tuple[str, str], Run]) -> None:
    """The text view of the same run: per file, each finding with its code, the summary, nothing raw."""
    case = next(c for c in CASES if c.name == name)
    run, report = runs[name, "tekst"], json.loads(runs[name, "json"].stdout)
    assert run.returncode == case.exit and "Traceback" not in run.output
    assert not RAW.search(run.output)
    for text in case.absent:
        assert text not in run.output and text.replace(" ", "") not in run.output.replace(" ", "")
    flowing = " ".join(run.stdout.split())  # messages may be wrapped at 80 columns
    for finding in report["bevindingen"]:
        assert f"{finding['bestand']}\n" in run.stdout and f"[{finding['code']}]" in flowing
        assert " ".join(finding["melding"].split()) in flowing
    for text in case.messages:
        assert " ".join(text.split()) in flowing
    errors, warnings = report["fouten"], report["waarschuwingen"]
    if report["bevindingen"]:
        summary = re.search(
            r"^(\d+) fout(?:en)?, (\d+) waarschuwing(?:en)? in \d+ van \d+ bestanden\.$", run.stdout, re.M
        )
        assert summary and (int(summary[1]), int(summary[2])) == (errors, warnings)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert all((folder / "expect.yaml").is_file() for folder in CORPUS.iterdir() if folder.is_dir())


def test_missing_dataset_is_exit_3_in_dutch(runs: dict[tuple[str, str], Run]) -> None:
    run = runs["ontbrekende-instellingen", "json"]
    assert run.stdout == ""
    assert run.stderr.startswith(f"fout: In {run.root} staat geen partnerbeeld.yaml")
