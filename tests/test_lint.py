"""Lint is part of the suite: ruff, the formatter and mypy --strict, as configured in pyproject.toml.

So the README's second command (and with it `.ci/run`) fails on a lint error too,
not only on a failing test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TOOLS = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "partnerbeeld", "tests", "bench"],
        ["ruff", "format", "--check", "partnerbeeld", "tests", "bench"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_lint_passes(command: list[str]) -> None:
    program = TOOLS / command[0]
    if not program.exists():  # the test extra installs both next to this interpreter
        pytest.fail(f"{command[0]} ontbreekt: installeer de testafhankelijkheden ('.[test]')")
    result = subprocess.run([str(program), *command[1:]], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
