"""Library errors state facts; only the command line names its options (cli/remedies.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import partnerbeeld
from partnerbeeld.cli.remedies import WORDS, hint
from partnerbeeld.infra.errors import Remedy, UsageError

PACKAGE = Path(partnerbeeld.__file__).parent
LIBRARY = ("answers", "checks", "infra", "model", "reading", "sheets", "site", "views")
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*|-o)(?![\w-])")
# options of other programs, which a hint may well name
OTHER_PROGRAMS = re.compile(r"git config[ \w.-]*")
ERRORS = re.compile(r"\w*(Error|Exists|Refused|Unavailable|Broken|Unreadable|NotFound|Errors)$")


def test_every_remedy_has_words_on_the_command_line():
    assert set(WORDS) == set(Remedy)
    assert all(OPTION.search(words) for words in WORDS.values())  # each names what to type


def test_the_command_line_shows_the_remedy_and_otherwise_the_library_hint():
    assert hint(UsageError("x", "Kies een andere naam.", remedy=Remedy.OVERWRITE)) == WORDS[Remedy.OVERWRITE]
    assert hint(UsageError("x", "Kies een andere naam.")) == "Kies een andere naam."


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _error_calls(tree: ast.AST) -> list[ast.Call]:
    def name(call: ast.Call) -> str:
        func = call.func
        return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""

    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and ERRORS.match(name(n))]


def _named_options(source: str) -> list[str]:
    strings = [s for call in _error_calls(ast.parse(source)) for s in _strings(call)]
    return [s for s in strings if OPTION.search(OTHER_PROGRAMS.sub("", s))]


def test_no_library_error_names_a_command_line_option():
    found = {
        path.relative_to(PACKAGE).as_posix(): named
        for folder in LIBRARY
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        if (named := _named_options(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_scan_sees_an_option_in_an_error():
    named = _named_options('raise UsageError("x", f"Gebruik --overschrijf voor {p}.")')
    assert named == ["Gebruik --overschrijf voor "]
    assert _named_options('raise UsageError("x", "Geef een naam met -o.")') == ["Geef een naam met -o."]
    assert _named_options('raise UsageError("x", "Kies een niet-openbare map.")') == []


def test_the_user_reads_the_options_as_before(run_cli, builder, tmp_path):
    builder.profile("water", roles={"drinkwater": {"modes": ["alarmeren"]}})
    builder.partner("dunea", name="Dunea", profiles=["water"])
    data = ["--data", str(builder.root)]
    existing = tmp_path / "lijst.md"
    existing.write_text("oud")
    (tmp_path / "map.xlsx").mkdir()
    sheet = tmp_path / "partners.csv"
    sheet.write_text("id;naam\n")
    cases = [
        (["contactlijst", "-i", "drinkwater", "-o", existing, *data], WORDS[Remedy.OVERWRITE]),
        (["exporteer", "-o", tmp_path / "map.xlsx", *data], "Geef een bestandsnaam met -o."),
        (["contactlijst", "-i", "drinkwater", "-o", builder.root / "x.md", *data], "-o - voor de uitvoer."),
        (["zoek", "-i", "drinkwater", "--data", tmp_path / "geen"], "Geef met --data of PARTNERBEELD_DATA"),
        (["init", tmp_path / "nieuw", "--regio", " "], "fout: --regio is leeg."),
        (["importeer", sheet, "--blad", "partners", *data], "fout: --blad past alleen bij een .xlsx-bestand."),
    ]
    for args, words in cases:
        result = run_cli(*args)
        assert result.exit_code != 0 and words in result.stderr, (args, result.stderr)
    assert existing.read_text() == "oud"
