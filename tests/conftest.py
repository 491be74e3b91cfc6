"""Shared fixtures: a dataset builder in tmp_path, a frozen date, a CLI runner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from builders import DatasetBuilder

from partnerbeeld.cli import main

TODAY = dt.date(2026, 11, 28)  # the frozen reference date of every test
REPO = Path(__file__).resolve().parent.parent
SHIPPED_DATA = REPO / "data"


@pytest.fixture
def builder(tmp_path: Path) -> DatasetBuilder:
    return DatasetBuilder(tmp_path)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run `partnerbeeld ARGS` in-process with no colour, a fixed width and a frozen date."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC).timestamp())))
    monkeypatch.delenv("PARTNERBEELD_DATA", raising=False)

    def run(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run
