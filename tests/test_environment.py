"""A hostile environment (issue 12, item 12), through the installed entry point as a user runs it.

Closed or full standard output, an ascii-only encoding, a 5-column terminal and a
closed standard input: a Dutch message, never a traceback, and a non-zero exit
whenever the answer did not arrive.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHIPPED_DATA

ENTRY_POINT = Path(sys.executable).with_name("partnerbeeld")
FULL = Path("/dev/full")


def run(*args: str | Path, shell_redirect: str = "", stdout: object = subprocess.PIPE, **env: str):
    environment = {
        **os.environ,
        "NO_COLOR": "1",
        "SOURCE_DATE_EPOCH": "1795867200",
        "PARTNERBEELD_DATA": str(SHIPPED_DATA),
        **env,
    }
    command: list[str | Path] = [ENTRY_POINT, *args]
    if shell_redirect:  # `exec` keeps the redirection on the program itself, not on a shell around it
        command = ["sh", "-c", f'exec "$0" "$@" {shell_redirect}', *command]
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, env=environment, check=False, timeout=60)


def clean(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "Exception ignored" not in text, text
    return text


@pytest.mark.parametrize(
    ("args", "columns"),
    [(["toon", "dunea"], "5"), (["toon", "dunea"], "1"), (["zoek", "-i", "brand"], "5"), (["overzicht"], "5")],
)
def test_a_very_narrow_terminal_still_gets_the_answer(args: list[str], columns: str) -> None:
    result = run(*args, COLUMNS=columns)
    clean(result.stderr)
    assert result.returncode == 0 and result.stdout


def test_an_ascii_only_output_escapes_instead_of_crashing() -> None:
    result = run("zoek", "-i", "brand", PYTHONIOENCODING="ascii")
    said = clean(result.stderr)
    assert result.returncode == 0  # nothing was lost: every character is there, escaped
    result.stdout.decode("ascii")
    assert "\\u2192" in result.stdout.decode()
    assert "LET OP" in said and "PYTHONIOENCODING=utf-8" in said


def test_an_ascii_only_output_keeps_json_valid() -> None:
    result = run("toon", "dunea", "-f", "json", PYTHONIOENCODING="ascii")
    clean(result.stderr)
    assert result.returncode == 0
    assert "Crisiscoördinator" in json.dumps(json.loads(result.stdout), ensure_ascii=False)


@pytest.mark.parametrize("args", [["zoek", "-i", "brand"], ["valideer"], ["contactlijst", "-i", "brand", "-f", "md"]])
def test_a_closed_standard_output_is_an_error_not_silence(args: list[str]) -> None:
    result = run(*args, shell_redirect=">&-")
    said = clean(result.stderr)
    assert result.returncode == 2
    assert "de uitvoer kon niet worden geschreven: de standaarduitvoer is gesloten" in said


@pytest.mark.skipif(not FULL.exists(), reason="this system has no /dev/full")
@pytest.mark.parametrize("args", [["zoek", "-i", "brand"], ["signalen"]])
def test_a_full_disk_is_an_error_not_silence(args: list[str]) -> None:
    with FULL.open("wb") as full:
        result = run(*args, stdout=full)
    said = clean(result.stderr)
    assert result.returncode == 2
    assert "de uitvoer kon niet worden geschreven: de schijf is vol" in said


def test_a_closed_standard_input_is_read_as_empty(builder) -> None:
    result = run("nieuw", "partner", "--data", builder.root, shell_redirect="<&-")
    said = clean(result.stderr)
    assert result.returncode == 2
    assert "Ontbrekende opties voor 'nieuw partner'" in said
    assert list((builder.root / "partners").iterdir()) == []


def test_a_closed_standard_error_does_not_stop_the_answer() -> None:
    result = run("zoek", "-i", "brand", shell_redirect="2>&-")
    assert result.returncode == 0 and b"brand" in result.stdout


@pytest.mark.skipif(not FULL.exists(), reason="this system has no /dev/full")
def test_a_full_standard_error_still_gives_the_right_exit_status() -> None:
    env = {**os.environ, "PARTNERBEELD_DATA": str(SHIPPED_DATA)}
    with FULL.open("w") as full:
        wrong = subprocess.run(
            [ENTRY_POINT, "zoek", "-i", "bestaat-niet"], stderr=full, stdout=subprocess.PIPE, env=env, check=False
        )
        right = subprocess.run(
            [ENTRY_POINT, "zoek", "-i", "brand"], stderr=full, stdout=subprocess.PIPE, env=env, check=False
        )
    assert wrong.returncode == 2  # the usage error, though nobody could read the message
    assert right.returncode == 0 and b"brand" in right.stdout
