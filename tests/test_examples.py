"""Every example a user is shown runs: the `Voorbeeld:` lines of each command's --help and
every `partnerbeeld ...` line in a ```sh block of the README.

Each runs as a user would type it (through a shell, so pipes and redirections work)
against a scratch copy of the shipped data in a scratch git repository with two
commits, from the repository's root. It must exit 0, or exactly the status the README names next
to it in a comment (`# exit 1`, `# exitcode 1 bij ...`). The repository is reset after every command, so
one example's files (`nieuw`, `-o`) never change the next one's answer.

The README is parsed, not copied: it changes as features land. Two kinds of line
are not run, each for a stated reason: `--install-completion` (it changes the
user's shell start-up files) and a line whose comment says it asks questions
"in een terminal" (there is none here; it would stop with exit 2 by design).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SHIPPED_DATA, TODAY

from partnerbeeld.cli import COMMANDS, main

SEQUENCE = "# na elkaar"
EXAMPLE_LINE = re.compile(r"^\s*Voorbeeld: (?P<command>partnerbeeld .+)$", re.MULTILINE)
SH_BLOCK = re.compile(r"^```sh\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
# '# exit 1', '# exitcode 1 bij ...': the example must end with that status
EXPECTED_EXIT = re.compile(r"#.*?(?<![\w-])exit(?:code)? (?P<status>\d+)\b")
NOT_HERE = {
    "--install-completion": "verandert de opstartbestanden van de shell van de gebruiker",
    "in een terminal": "vraagt om invoer in een terminal; hier is er geen",
}


# README lines known to fail on this branch, each with what will fix it; strict: once fixed,
# the entry fails until it is removed here, so the list cannot go stale
PENDING: dict[str, str] = {}


def help_examples() -> list[str]:
    """The `Voorbeeld:` lines of every command, from the docstrings --help shows."""
    found = []
    for module, function in COMMANDS.values():
        doc = getattr(importlib.import_module(f"partnerbeeld.cli.{module}"), function).__doc__ or ""
        found += [match.group("command").strip() for match in EXAMPLE_LINE.finditer(doc)]
    return found


def readme_examples(text: str) -> list[tuple[str, int]]:
    """(shell line, the exit it may have besides 0) for every `partnerbeeld ...` line in a ```sh block.

    A block that starts with the comment `# na elkaar` is one example: its commands build on
    each other (`init`, then `importeer` into what it made), so they run as one line joined by &&.
    """
    found = []
    for block in SH_BLOCK.finditer(text):
        body = block.group("body")
        if body.startswith(SEQUENCE):
            commands = [line.split("  #")[0].strip() for line in body.splitlines()[1:] if line.strip()]
            found.append((" && ".join(commands), 0))
            continue
        for line in re.sub(r"\s*\\\n\s*", " ", body).splitlines():
            if not line.strip().startswith("partnerbeeld "):
                continue
            expected = EXPECTED_EXIT.search(line)
            found.append((line.strip(), int(expected.group("status")) if expected else 0))
    return found


README_EXAMPLES = readme_examples((REPO / "README.md").read_text(encoding="utf-8"))
# a README line that is word for word a --help example runs once, as the help example
_HELP_WORDS = [shlex.split(line) for line in help_examples()]
README_ONLY = [
    (line, status)
    for line, status in README_EXAMPLES
    if status != 0 or shlex.split(line, comments=True) not in _HELP_WORDS
]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A git repository holding a copy of the shipped data and schemas, and the environment to run in."""
    base = tmp_path_factory.mktemp("voorbeelden")
    repo, home, bin_dir = base / "repo", base / "home", base / "bin"
    shutil.copytree(SHIPPED_DATA, repo / "data")
    shutil.copytree(REPO / "schemas", repo / "schemas")
    home.mkdir()
    bin_dir.mkdir()
    program = bin_dir / "partnerbeeld"  # the command as users have it on PATH, from this interpreter
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m partnerbeeld "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home),
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "SOURCE_DATE_EPOCH": str(int(dt.datetime.combine(TODAY, dt.time(12), dt.UTC).timestamp())),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.nl",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.nl",
        "PYTHONPATH": str(REPO),
    }
    # what the examples of `init` and `importeer` name: a municipality list and a partner sheet
    # that fits both the shipped data and a new region (no municipalities, no account holders)
    (repo / "gemeenten.txt").write_text("Utrecht\nZeist\nAmersfoort\n", encoding="utf-8")
    partner_sheet(repo / "partners.xlsx")
    # files older than the index: git then trusts their times instead of reading every file
    # again at each `git status` (the data version every command asks for)
    past = TODAY.toordinal()  # any moment well before the commit
    for path in repo.rglob("*"):
        os.utime(path, (past, past))
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["commit", "-q", "-m", "data"],
        ["commit", "-q", "--allow-empty", "-m", "tweede"],  # so that HEAD~1 exists
    ):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)
    return repo, env


def partner_sheet(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "partners"
    sheet.append(["naam", "sector", "profielen", "contact", "telefoon", "bereikbaar", "eerst bellen"])
    sheet.append(["Stedin", "energie", "netbeheerder", "Storingsdienst", "088 000 01 22", "24/7", "ja"])
    sheet.append(["Waterschap Voorbeeld", "waterbeheer", "waterbeheerder", "Piket", "030 000 09 99", "24/7", "ja"])
    book.save(path)


SHELL_WORDS = {"|", "||", "&&", ";", ">", ">>", "<", "&"}


def _split_and(words: list[str]) -> list[list[str]]:
    """The commands of `a && b && c`, each as its words."""
    commands: list[list[str]] = [[]]
    for word in words:
        if word == "&&":
            commands.append([])
        else:
            commands[-1].append(word)
    return commands


def run(line: str, scratch: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """(exit status, stderr) of one example line, run from the scratch repository.

    A plain command, or plain commands joined by `&&`, run in this process through the
    same ``main`` the installed script calls (a new interpreter per example would double
    this file's time); a line with a pipe, a redirection or a variable runs through bash,
    with `partnerbeeld` on PATH.
    """
    repo, env = scratch
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    try:
        # `a && b`: each in turn, as the shell would, until one fails
        commands = _split_and(words)
        plain = all(c[:1] == ["partnerbeeld"] and SHELL_WORDS.isdisjoint(c) for c in commands)
        if plain and "$" not in line:
            for name, value in env.items():
                monkeypatch.setenv(name, value)
            monkeypatch.delenv("PARTNERBEELD_DATA", raising=False)
            monkeypatch.chdir(repo)
            status, errors = 0, []
            for command in commands:
                out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # with .buffer, for binary formats
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()) as err:
                    status = main(command[1:])
                errors.append(err.getvalue())
                if status != 0:
                    break
            return status, "".join(errors)
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", line], cwd=repo, env=env, capture_output=True, text=True, timeout=120
        )
        return result.returncode, result.stderr
    finally:  # the next example starts from the committed data again
        subprocess.run(["git", "checkout", "-q", "--", "."], cwd=repo, env=env, check=True)
        # -ff: also a repository an example made inside it (`init --git`)
        subprocess.run(["git", "clean", "-qffdx"], cwd=repo, env=env, check=True)


def test_every_command_shows_an_example(run_cli: Any) -> None:
    examples = help_examples()
    assert {shlex.split(e)[1] for e in examples} == set(COMMANDS)
    for name in COMMANDS:  # the docstrings read here are what --help prints
        shown = run_cli(name, "--help").stdout
        assert f"Voorbeeld: partnerbeeld {name}" in " ".join(shown.split()), name


@pytest.mark.parametrize("line", help_examples())
def test_help_example_runs_on_the_shipped_data(
    line: str, scratch: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, stderr = run(line, scratch, monkeypatch)
    assert status == 0, f"{line}\n{stderr}"


def test_the_readme_has_examples_to_run() -> None:
    assert len(README_EXAMPLES) >= 10
    assert readme_examples("```sh\npartnerbeeld a \\\n  --b  # exit 1\nls\n```\n") == [
        ("partnerbeeld a --b  # exit 1", 1)
    ]
    assert readme_examples("```sh\npartnerbeeld a   # exitcode 1 als ...\n```\n")[0][1] == 1
    assert readme_examples("```sh\n# na elkaar\npartnerbeeld a  # x\npartnerbeeld b\n```\n") == [
        ("partnerbeeld a && partnerbeeld b", 0)
    ]
    assert readme_examples("```sh\npartnerbeeld a   # exit-vrij, exitcodes\n```\n")[0][1] == 0


def _with_pending(examples: list[tuple[str, int]]) -> list[Any]:
    cases = []
    for line, expected in examples:
        pending = next((why for start, why in PENDING.items() if line.startswith(start + " ")), None)
        marks = [pytest.mark.xfail(reason=pending, strict=True)] if pending else []
        cases.append(pytest.param(line, expected, marks=marks))
    return cases


@pytest.mark.parametrize(("line", "expected"), _with_pending(README_ONLY))
def test_readme_example_runs_on_the_shipped_data(
    line: str, expected: int, scratch: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = next((why for marker, why in NOT_HERE.items() if marker in line), None)
    if reason is not None:
        pytest.skip(f"niet in een test: {reason}")
    status, stderr = run(line, scratch, monkeypatch)
    assert status == expected, f"{line}\n{stderr}"
