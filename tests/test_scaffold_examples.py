"""The files `nieuw` writes are valid as written, and still valid with every example field in use.

A scaffold teaches the format: its commented examples are what people uncomment
first. Each kind is made with the command in a scratch copy of the shipped data,
checked, then every example line (a comment holding a lowercase key or a list
item; explanations start with a capital) is uncommented and checked again.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED_DATA, TODAY

from partnerbeeld.answers.validation import validate
from partnerbeeld.model.findings import Severity

# '# key: value', '#   key: value' or '#   - item': an example field, not an explanation
EXAMPLE = re.compile(r"^# (?P<line> *(?:[a-z_]+:(?: |$)|- ).*)$")


def uncommented(text: str) -> tuple[str, int]:
    """The text with every example line in use, and how many lines that were."""
    lines, count = [], 0
    for line in text.splitlines():
        found = EXAMPLE.match(line)
        lines.append(found.group("line") if found else line)
        count += bool(found)
    return "\n".join(lines) + "\n", count


def errors_in(root: Path, path: Path) -> list[str]:
    report = validate(root, TODAY)
    return [
        f"{f.line}: {f.message}"
        for f in report.findings
        if f.file.resolve() == path.resolve() and f.severity is Severity.FOUT
    ]


@pytest.fixture(scope="module")
def shipped_ids() -> dict[str, str]:
    """One existing id of each thing the options refer to, read from the data, not hard-coded."""

    def first(folder: str) -> str:
        return sorted(p.stem for p in (SHIPPED_DATA / folder).glob("*.yaml"))[0]

    partner = (SHIPPED_DATA / "partners" / f"{first('partners')}.yaml").read_text(encoding="utf-8")
    sector = re.search(r"^sector: (\S+)", partner, re.MULTILINE)
    assert sector is not None
    return {"partner": first("partners"), "profile": first("profiles"), "sector": sector.group(1)}


def _commands(ids: dict[str, str]) -> dict[str, tuple[list[str], str]]:
    """kind -> (the `nieuw` command line, the folder of the new file)."""
    partner = ["--partner", ids["partner"]]
    return {
        "partner": (["--naam", "Voorbeeldpartner", "--sector", ids["sector"], "--profiel", ids["profile"]], "partners"),
        "profiel": (["--naam", "Voorbeeldprofiel"], "profiles"),
        "convenant": (["--naam", "Voorbeeldconvenant", *partner], "covenants"),
        "oefening": (
            ["--naam", "Voorbeeldoefening", "--datum", "2026-10-01", "--oefenvorm", "table-top", *partner],
            "exercises",
        ),
    }


@pytest.mark.parametrize("kind", ["partner", "profiel", "convenant", "oefening"])
def test_a_new_file_is_valid_as_written_and_with_every_example_uncommented(
    run_cli: Any, tmp_path: Path, shipped_ids: dict[str, str], kind: str
) -> None:
    root = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, root)
    args, folder = _commands(shipped_ids)[kind]
    result = run_cli("nieuw", kind, *args, "--data", root)
    assert result.exit_code == 0, result.stdout + result.stderr
    [path] = [p for p in (root / folder).glob("voorbeeld*.yaml")]
    assert errors_in(root, path) == []

    text, examples = uncommented(path.read_text(encoding="utf-8"))
    assert examples >= 2, "the scaffold shows no examples to uncomment"
    path.write_text(text, encoding="utf-8")
    assert errors_in(root, path) == [], text


def test_explanations_are_not_taken_for_examples() -> None:
    # the rule the test above relies on: a sentence about a field must not look like one
    assert uncommented("# Met 'confidential: ja' staat een contact ...\n# area: [leiden]\n")[1] == 1
    assert uncommented("# Status: concept of actief.\n#   - Voorzitter\n")[1] == 1
