"""Hostile text never reaches a terminal or a CI log raw (issue 12, items 2 and 3).

A dataset whose names, labels and file names hold ESC sequences (clear screen,
OSC 8 hyperlinks, the window title), C1 controls, bidi overrides, zero-width
characters, line separators and a line break followed by a GitHub workflow
command. Every read command, in every format for people and in JSON, must show
them escaped (``\\u202e``) and start no line the data made up.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from builders import INCIDENT_TYPES, DatasetBuilder, dump
from readcommands import read_commands

NAME = "Partner\x1b[2J\u202eA"  # clears the screen, then reverses what follows
LABEL = "Piket\x1b]8;;https://evil.example\x07klik\x1b]8;;\x07\x9b31m"  # an OSC 8 hyperlink and a C1 CSI
AVAILABLE = "24/7\u200b"
HOLDER = "Anna\u2028::error file=x::HOLDER"  # a Unicode line separator
INCIDENT = "Overstroming\x1b]0;venstertitel\x07"
TITLE = "Convenant\n::error file=convenant.yaml::PWNED"
EVIL_FILE = "x\n::error file=evil.yaml::PWNED.yaml"
VALID_EVIL_FILE = "partner-z\n::error file=sig.yaml::PWNED.yaml"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")  # \n is the only one allowed


@pytest.fixture
def hostile(builder: DatasetBuilder) -> Path:
    tree = copy.deepcopy(INCIDENT_TYPES)
    tree["incident_types"][1]["name"] = INCIDENT
    builder.write("incidenttypes.yaml", dump(tree))
    builder.write(
        "accountholders.yaml", dump({"account_holders": [{"id": "a-holder", "name": HOLDER, "email": "a@regio.nl"}]})
    )
    builder.partner(
        "partner-a",
        name=NAME,
        contacts=[{"label": LABEL, "phone": "071 000 00 00", "available": AVAILABLE, "primary": True}],
        roles={"overstroming": {"modes": ["alarmeren"], "teams": ["copi"], "from_grip": 1, "task": "Taak\x1b[8m"}},
        verified_on="2024-01-01",  # old: a signal that names the partner
    )
    builder.covenant(title=TITLE, status="actief", valid_until="2026-12-01")
    builder.write(f"partners/{EVIL_FILE}", "id: [kapot\n")  # a file with errors: named on stderr
    # a valid record in a file whose name starts a workflow command: signalen points at its file
    builder.write(f"partners/{VALID_EVIL_FILE}", "id: partner-z\nname: Z\nsector: water\nverified_on: 2020-01-01\n")
    return builder.root


READ_COMMANDS = [*read_commands("partner-a"), ("accounthouders", "--accounthouder", "a-holder")]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=[" ".join(a) for a in READ_COMMANDS])
def test_no_raw_control_character_and_no_made_up_line(run_cli, hostile: Path, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(*args, "--data", hostile)
    assert result.exit_code == 1, result.stderr  # the broken file makes every answer incomplete
    assert "Traceback" not in result.stderr
    for stream in (result.stdout.replace("\r\n", "\n"), result.stderr):  # iCalendar ends its lines in CR LF
        assert not RAW.search(stream), (args, RAW.search(stream))
        lines = stream.splitlines()
        assert not [line for line in lines if line.startswith("::") and "PWNED" in line.split("::")[2][:20]]
        assert not [
            line
            for line in lines
            if line.lstrip().startswith(
                ("::error file=x", "::error file=evil", "::error file=conv", "::error file=sig")
            )
        ]
    if {"json", "gitlab", "sarif"} & set(args):
        json.loads(result.stdout)  # JSON escapes are still JSON


def test_the_escapes_are_visible_where_people_read(run_cli, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    shown = run_cli("toon", "partner-a", "--data", hostile).stdout
    assert "Partner\\x1b[2J\\u202eA" in shown and "24/7\\u200b" in shown
    tree = run_cli("incidenttypen", "--data", hostile).stdout
    assert "Overstroming\\x1b]0;venstertitel\\x07" in tree
    stderr = run_cli("zoek", "--data", hostile).stderr
    assert "partners/x\\n::error file=evil.yaml::PWNED.yaml" in stderr  # the "LET OP: onvolledig" line
    checked = run_cli("valideer", "--data", hostile).stdout
    assert "data/partners/x\\n::error file=evil.yaml::PWNED.yaml" in checked
    assert "bestandsnaam bevat \\n (regeleinde)" in checked


def test_json_keeps_the_data_and_github_follows_its_own_rules(run_cli, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    payload = json.loads(run_cli("toon", "partner-a", "-f", "json", "--data", hostile).stdout)
    assert payload["naam"] == NAME  # the same data for a program
    github = run_cli("valideer", "-f", "github", "--data", hostile).stdout
    assert "/partners/x%0A%3A%3Aerror file=evil.yaml%3A%3APWNED.yaml,line=1" in github


def test_safetext_units() -> None:
    from partnerbeeld.infra.safetext import UNSAFE, github_data, github_property, guard, json_safe, lookalikes, visible

    assert visible("a\nb\x1b[2J\u202ec\U000e0041") == "a\\nb\\x1b[2J\\u202ec\\U000e0041"
    assert visible("Hoogheemraadschap van Rijnland") == "Hoogheemraadschap van Rijnland"
    assert guard("\x1b[1mvet\x1b[0m\n\x1b]0;x\x07\x1b[8m") == "\x1b[1mvet\x1b[0m\n\\x1b]0;x\\x07\\x1b[8m"
    assert json.loads(json_safe(json.dumps("\u202e\U000e0041", ensure_ascii=False))) == "\u202e\U000e0041"
    assert not UNSAFE.search(json_safe(json.dumps("\u202e\x85", ensure_ascii=False)))
    assert github_data("50%\r\n::x") == "50%25%0D%0A::x"
    assert github_property("a:b,c\n") == "a%3Ab%2Cc%0A"
    assert lookalikes("n\u0430me") == "(met Cyrillische \u0430)"
    assert lookalikes("name") == ""


def test_the_character_class_covers_unicode() -> None:
    """Every Cc, Cf, Zl, Zp and surrogate code point is escaped; letters, digits and spaces are not."""
    import sys
    import unicodedata

    from partnerbeeld.infra.safetext import UNSAFE

    missed = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp", "Cs") and not UNSAFE.match(chr(code))
    ]
    assert missed == []
    # views.displaydata skips a file whose repr has no backslash: repr must escape every one of them
    unescaped = [
        hex(code) for code in range(sys.maxunicode + 1) if UNSAFE.match(chr(code)) and "\\" not in repr(chr(code))
    ]
    assert unescaped == []
    assert not UNSAFE.search("Crisiscoördinatie 071 000 00 00 é ß ø Ω 中 👍")


@pytest.mark.parametrize("formaat", ["tabel", "md"])
def test_what_was_typed_stays_on_its_line(run_cli, builder: DatasetBuilder, formaat: str) -> None:  # type: ignore[no-untyped-def]
    """`zoek "$TITEL"` in a CI job: the question is repeated in the answer, never as a line of its own."""
    builder.partner("partner-a")
    result = run_cli("zoek", "partner\n::error file=a::PWNED\x1b[2J", "-f", formaat, "--data", builder.root)
    assert result.exit_code == 0, result.stderr
    assert not [line for line in result.stdout.splitlines() if line.lstrip().startswith("::")]
    assert "\\n::error file=a::PWNED" in result.stdout and "x1b" in result.stdout
    assert not RAW.search(result.stdout)


def test_tab_completion_offers_nothing_that_acts_in_the_shell(hostile: Path) -> None:
    """Completion prints one option per line with its name: no made-up option, no raw ESC beside it."""
    from partnerbeeld.cli import completion

    class Ctx:
        def __init__(self) -> None:
            self.params = {"data": str(hostile)}

    offered = (
        completion.partners(Ctx(), "") + completion.incident_types(Ctx(), "") + completion.account_holders(Ctx(), "")
    )
    assert offered and all(not RAW.search(value + help_) for value, help_ in offered)
    assert "partner-a" in [value for value, _ in offered]
    assert ("overstroming", "Overstroming\\x1b]0;venstertitel\\x07") in offered


def test_the_site_shows_no_raw_control_character(run_cli, hostile: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every page, the search index, the vCards and the agenda files, like every other output for people."""
    result = run_cli("site", "-o", tmp_path / "site", "--data", hostile)
    assert result.exit_code == 1, result.stderr  # the broken file: onvolledig
    written = [p for p in (tmp_path / "site").rglob("*") if p.suffix in {".html", ".js", ".ics", ".vcf"}]
    assert any(p.suffix == ".ics" for p in written) and any(p.suffix == ".vcf" for p in written)
    for path in written:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        assert not RAW.search(text), (path.name, RAW.search(text))
