"""`nieuw`: a valid, commented record file, written once, in the right folder."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from builders import DatasetBuilder

from partnerbeeld.answers.scaffold import KINDS, Draft, is_slug, propose_id, render, required_fields, scalar
from partnerbeeld.cli import nieuw as nieuw_cli
from partnerbeeld.model import records
from partnerbeeld.model.models import model_of
from partnerbeeld.model.recordbase import REQUIRED

PARTNER = (
    "nieuw",
    "partner",
    "--naam",
    "Hoogheemraadschap van Rijnland",
    "--sector",
    "waterbeheer",
    "--accounthouder",
    "a-holder",
)


class Terminal(io.StringIO):
    """Typed answers on a stdin that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Hoogheemraadschap van Rijnland", "hoogheemraadschap-van-rijnland"),
        ("Gemeente 's-Gravenhage", "gemeente-s-gravenhage"),
        ("Zoë & Co. (Gouda)", "zoe-co-gouda"),
        ("  KNRM  station Katwijk ", "knrm-station-katwijk"),
        ("Één woord " * 20, ("een-woord-" * 8).rstrip("-")),
    ],
)
def test_propose_id(name: str, slug: str) -> None:
    assert propose_id(name) == slug
    assert len(propose_id(name)) <= 80


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Dunea", "Dunea"),
        ("Rode Kruis, afdeling Leiden", "Rode Kruis, afdeling Leiden"),
        ("Energie: netbeheer", '"Energie: netbeheer"'),
        ("true", '"true"'),
        ("112", '"112"'),
        ("#hashtag", '"#hashtag"'),
    ],
)
def test_scalar_quotes_what_could_be_misread(text: str, written: str) -> None:
    assert scalar(text) == written


def test_nieuw_partner_writes_a_file_valideer_accepts_and_refuses_twice(run_cli, builder: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(*PARTNER, "--profiel", "profiel-a", "--data", builder.root)
    assert result.exit_code == 0, result.stderr
    path = builder.root / "partners" / "hoogheemraadschap-van-rijnland.yaml"
    assert "geen fouten of waarschuwingen" in result.stdout
    checked = run_cli("valideer", "--data", builder.root)
    assert checked.exit_code == 0, checked.stdout
    assert "0 fouten, 0 waarschuwingen" in checked.stdout

    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/partner.schema.json"
    lines = text.splitlines()
    for index, line in enumerate(lines):  # every field has an explaining comment right above it
        if line and not line.startswith("#"):
            assert lines[index - 1].startswith("#"), line

    again = run_cli(*PARTNER, "--data", builder.root)
    assert again.exit_code == 2
    assert "bestaat al" in again.stderr
    assert path.read_text(encoding="utf-8") == text


def test_profile_is_a_reference_that_must_exist(run_cli, builder: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    # no such profile: the file is written and the finding shown
    result = run_cli(*PARTNER, "--profiel", "profiel-b", "--data", builder.root)
    assert result.exit_code == 1
    assert "verwijzing-onbekend" in result.stdout
    assert (builder.root / "partners" / "hoogheemraadschap-van-rijnland.yaml").is_file()


@pytest.fixture
def builder(tmp_path: Path) -> DatasetBuilder:
    built = DatasetBuilder(tmp_path)
    built.profile("profiel-a")
    return built


def test_missing_options_without_a_terminal_are_a_usage_error(run_cli, builder: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("nieuw", "oefening", "--naam", "Oefening", "--data", builder.root)
    assert result.exit_code == 2
    assert "--datum, --oefenvorm, --partner" in result.stderr
    assert list((builder.root / "exercises").iterdir()) == []


def test_asks_for_what_is_missing_on_a_terminal(
    run_cli,
    builder: DatasetBuilder,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal("Gasunie Transport\nnietgoed!\nenergie\n\n"))
    result = run_cli("nieuw", "partner", "--accounthouder", "a-holder", "--data", builder.root)
    assert result.exit_code == 0, result.stderr
    assert "Naam (of titel)" in result.stdout and "Id [gasunie-transport]" in result.stdout
    assert "'nietgoed!' is niet bruikbaar" in result.stderr  # asked again, not written
    path = builder.root / "partners" / "gasunie-transport.yaml"
    assert "sector: energie" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("profiel", "--naam", "Netbeheerder"),
        ("convenant", "--naam", "Convenant water: 2026", "--partner", "partner-a", "--status", "actief"),
        (
            "oefening",
            "--naam",
            "Oefening stroom",
            "--datum",
            "2026-10-01",
            "--oefenvorm",
            "table-top",
            "--partner",
            "partner-a",
            "--incidenttype",
            "stroomuitval",
        ),
    ],
)
def test_every_kind_makes_a_valid_file(run_cli, builder: DatasetBuilder, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    builder.partner("partner-a")
    result = run_cli("nieuw", *args, "--data", builder.root)
    assert result.exit_code == 0, result.stdout + result.stderr
    checked = run_cli("valideer", "--data", builder.root)
    assert "0 fouten, 0 waarschuwingen" in checked.stdout, checked.stdout


def test_option_of_another_kind_is_refused(run_cli, builder: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("nieuw", "profiel", "--naam", "X", "--sector", "water", "--data", builder.root)
    assert result.exit_code == 2 and "--sector hoort niet bij 'nieuw profiel'" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--id", "Met Hoofdletters"), "'Met Hoofdletters' is geen geldig id"),
        # the whole string must match: "$" alone accepted "abc\n" and wrote abc\n.yaml (issue 12)
        (("--id", "abc\n"), "'abc\\n' is geen geldig id"),
        (("--id", "abc\u202e"), "'abc\\u202e' is geen geldig id"),
        (("--accounthouder", "A Holder"), "Onbekende accounthouder 'A Holder'"),
    ],
)
def test_bad_values_write_nothing(run_cli, builder: DatasetBuilder, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("nieuw", "partner", "--naam", "X", "--sector", "water", *args, "--data", builder.root)
    assert result.exit_code == 2
    assert message in result.stderr
    assert list((builder.root / "partners").iterdir()) == []


def test_id_option_wins_over_the_proposal(run_cli, builder: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(*PARTNER, "--id", "rijnland", "--data", builder.root)
    assert result.exit_code == 0
    assert [p.name for p in (builder.root / "partners").iterdir()] == ["rijnland.yaml"]


# --- what `nieuw` asks for and accepts is what records.py says ------------------------------------


@pytest.mark.parametrize(
    "value", ["a", "abc-def-1", "a" * 80, "a" * 81, "Abc", "abc-", "-abc", "a--b", "a_b", "é", " abc", "abc\n"]
)
def test_an_id_nieuw_accepts_is_one_the_records_accept(value: str) -> None:
    # the pydantic model of records.Partner is the independent judge of the id rule
    from pydantic import ValidationError

    try:
        model_of(records.Partner).model_validate({"id": value, "name": "X", "sector": "water"})
        refused = False
    except ValidationError as exc:
        refused = [error["loc"] for error in exc.errors()] == [("id",)]
    if value == value.strip():
        assert is_slug(value) is not refused  # the same rule
    else:  # records strip the spaces around a text; an id that names a file may not have them at all
        assert not is_slug(value)


@pytest.mark.parametrize("kind", KINDS)
def test_every_required_field_can_be_given_and_asked_for(kind: str) -> None:
    # a field records.py makes required needs a Draft field and an option in `nieuw`, and a
    # question unless the Draft fills it in itself (a covenant's status: concept)
    for name in required_fields(kind):
        assert name in Draft.__dataclass_fields__, name
        assert name in nieuw_cli._OPTION_OF, name
        assert getattr(Draft(kind=kind), name) or name in nieuw_cli._PROMPTS, name


def test_a_field_made_required_in_records_is_asked_for(
    run_cli: Any, builder: DatasetBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    fields = dict(records.Partner.fields)
    fields["account_holder"] = fields["account_holder"]._replace(default=REQUIRED)
    fields["sector"] = fields["sector"]._replace(default=None)
    monkeypatch.setattr(records.Partner, "fields", fields)
    assert Draft(kind="partner").missing() == ["name", "account_holder"]
    result = run_cli("nieuw", "partner", "--naam", "X", "--data", builder.root)
    assert result.exit_code == 2
    assert "Ontbrekende opties voor 'nieuw partner': --accounthouder." in result.stderr


FIELD_LINE = re.compile(r"^(?:# )?(?P<key>[a-z_]+):(?: |$)")  # 'key: value' or '# key: example', not nested


# the fields a new file shows, set or as a commented example, in order
SHOWN = {
    "partner": [
        *["id", "name", "sector", "profiles", "account_holder", "area", "verified_on", "website", "contacts"],
        *["roles", "note"],
    ],
    "profiel": ["id", "name", "description", "roles"],
    "convenant": [
        *["id", "title", "partners", "status", "signed_on", "valid_until", "last_reviewed_on", "review_every_months"],
        *["exercise_every_months", "account_holder", "covers", "signatories", "arrangements", "note"],
    ],
    "oefening": ["id", "title", "date", "kind", "partners", "incident_types", "covenant", "note"],
}


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_is_explained_in_the_words_of_records(kind: str) -> None:
    # a description is written once, in records.py; the file shows it above the field
    day = dt.date(2026, 11, 28)
    draft = Draft(kind=kind, id="x", name="X", sector="water", partners=("p",), date=day, exercise_kind="table-top")
    explained: dict[str, str] = {}
    comment: list[str] = []
    for line in render(draft, day).split("\n\n", 1)[1].splitlines():
        found = FIELD_LINE.match(line)
        if found:
            explained[found["key"]], comment = " ".join(comment), []
        elif line[:2] == "# " and line[2:3] != " ":  # an explanation; nested examples are indented
            comment.append(line[2:])
    fields = records.RECORD_FOLDERS[KINDS[kind].folder].fields
    assert list(explained) == SHOWN[kind]  # a field that vanished from the file would go unnoticed otherwise
    assert explained == {key: fields[key].description for key in explained}
