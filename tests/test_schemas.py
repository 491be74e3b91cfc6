"""`schema`: the committed JSON Schemas are the generated ones, and they fit what people write."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from builders import DatasetBuilder
from conftest import REPO, SHIPPED_DATA

from partnerbeeld.model.schemas import SCHEMAS, render_all, stale

COMMITTED = REPO / "schemas"


def test_committed_schemas_are_the_generated_ones() -> None:
    # Fails after a change to models.py until `partnerbeeld schema` is run and the result committed.
    assert stale(COMMITTED) == [], "draai 'partnerbeeld schema' en leg schemas/ vast"


_RENDER = (
    "import json, sys; from partnerbeeld.model.schemas import render_all; sys.stdout.write(json.dumps(render_all()))"
)


def test_generation_is_stable() -> None:
    """Same models, same bytes: again in this process (generating changes no shared state, such as
    pydantic's cached schemas) and in fresh processes with other hash seeds (no set or hash order leaks in)."""
    here = render_all()
    assert render_all() == here
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _RENDER], env={**env, "PYTHONHASHSEED": seed}, stdout=subprocess.PIPE, text=True
        )
        for seed in ("1", "2")
    ]
    for run in runs:
        out, _ = run.communicate(timeout=60)
        assert run.returncode == 0
        assert json.loads(out) == here


def test_every_shipped_file_points_at_an_existing_schema_of_its_kind() -> None:
    expected = {
        "partnerbeeld.yaml": "settings",
        "incidenttypes.yaml": "incidenttypes",
        "accountholders.yaml": "accountholders",
        "partners": "partner",
        "profiles": "profile",
        "covenants": "covenant",
        "exercises": "exercise",
        "plans": "plan",
    }
    files = sorted(SHIPPED_DATA.glob("*.yaml")) + sorted(SHIPPED_DATA.glob("*/*.yaml"))
    assert len(files) > 8
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: eerste regel is geen schema-verwijzing"
        target = (path.parent / match.group(1)).resolve()
        assert target.parent == COMMITTED.resolve() and target.is_file(), path
        kind = path.name if path.parent == SHIPPED_DATA else path.parent.name
        assert target.name == f"{expected[kind]}.schema.json"


def _walk(node: Any, path: str = "") -> Any:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_every_field_has_a_dutch_description(name: str) -> None:
    schema = json.loads(render_all()[name])
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)  # a schema an editor's validator accepts
    for where, node in _walk(schema):
        for field, prop in node.get("properties", {}).items() if where.rsplit("/", 1)[-1] != "properties" else []:
            assert prop.get("description"), f"{name}{where}/{field} heeft geen beschrijving"
        if where.startswith("/$defs/") and where.count("/") == 2:
            assert node.get("description"), f"{name}{where} heeft geen beschrijving"
    text = render_all()[name]
    for english in ("How a partner", "Base for every", "the region and its", '"title": "Verified On"'):
        assert english not in text


def test_enums_are_offered(tmp_path: Path) -> None:
    partner = json.loads(render_all()["partner.schema.json"])
    assert partner["$defs"]["Mode"]["enum"] == [
        "liaison",
        "alarmeren",
        "uitvoering",
        "bijstand",
        "advies",
        "informeren",
    ]
    covenant = json.loads(render_all()["covenant.schema.json"])
    assert "in-herziening" in covenant["$defs"]["CovenantStatus"]["enum"]
    assert "title" in covenant["properties"]  # a field called 'title' is not a generated title


# --- the schemas against data, as an editor's validator reads them -------------------------------


def problems(value: Any, schema: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(where, keyword, message) of every way ``value`` breaks ``schema``, checked by jsonschema.

    The validator is the one the schema's ``$schema`` names (draft 7), as an editor picks it.
    """
    validator = jsonschema.validators.validator_for(schema)(schema)
    return sorted(
        ("/" + "/".join(map(str, e.absolute_path)), str(e.validator), e.message) for e in validator.iter_errors(value)
    )


def as_an_editor_reads(text: str) -> Any:
    """YAML 1.2-ish: dates stay the text the person typed."""

    def fix(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: fix(value) for key, value in node.items()}
        if isinstance(node, list):
            return [fix(item) for item in node]
        return node.isoformat() if isinstance(node, dt.date) else node

    return fix(yaml.safe_load(text))


def _schema_for(path: Path) -> dict[str, Any]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return json.loads((path.parent / first.split("=", 1)[1]).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_schemas_accept_the_shipped_data() -> None:
    for path in sorted(SHIPPED_DATA.glob("*.yaml")) + sorted(SHIPPED_DATA.glob("*/*.yaml")):
        schema = _schema_for(path)
        assert problems(as_an_editor_reads(path.read_text(encoding="utf-8")), schema) == [], path


@pytest.mark.parametrize(
    ("change", "where", "keyword", "named"),
    [
        ({"nmae": "Dunea"}, "/", "additionalProperties", "'nmae'"),
        ({"roles": {"drinkwater": {"modes": ["alarmeeren"]}}}, "/roles/drinkwater/modes/0", "enum", "'alarmeeren'"),
        ({"contacts": [{"label": "Alleen een naam", "person": "Piet"}]}, "/contacts/0", "anyOf", "'Piet'"),
        ({"verified_on": 20250602}, "/verified_on", "anyOf", "20250602"),
        ({"roles": {"Drinkwater": {"modes": ["advies"]}}}, "/roles", "additionalProperties", "'Drinkwater'"),
        (
            {"roles": {"drinkwater": {"modes": ["advies"], "from_grip": 7}}},
            "/roles/drinkwater/from_grip",
            "maximum",
            "7",
        ),
    ],
)
def test_the_schemas_reject_mistakes(change: dict[str, Any], where: str, keyword: str, named: str) -> None:
    path = SHIPPED_DATA / "partners" / "dunea.yaml"
    schema = _schema_for(path)
    data = {**as_an_editor_reads(path.read_text(encoding="utf-8")), **change}
    (found,) = problems(data, schema)  # this mistake and no other
    assert found[:2] == (where, keyword) and named in found[2], found


def test_phone_written_as_a_number_is_accepted() -> None:
    # An editor reads 0715123456 as a number; partnerbeeld keeps it as text, so no false alarm.
    path = SHIPPED_DATA / "partners" / "dunea.yaml"
    schema = _schema_for(path)
    data = {
        **as_an_editor_reads(path.read_text(encoding="utf-8")),
        "contacts": [{"label": "Piket", "phone": 715123456}],
    }
    assert problems(data, schema) == []


@pytest.mark.parametrize(
    ("word", "accepted"), [("ja", True), ("Nee", True), (True, True), ("yes", False), ("on", False)]
)
def test_yes_no_fields_take_ja_and_nee_as_the_loader_does(word: Any, accepted: bool) -> None:
    path = SHIPPED_DATA / "partners" / "dunea.yaml"
    schema = _schema_for(path)
    contact = {"label": "Piket", "phone": "071 000 00 00", "primary": word, "confidential": word}
    data = {**as_an_editor_reads(path.read_text(encoding="utf-8")), "contacts": [contact]}
    assert (problems(data, schema) == []) is accepted
    primary = schema["$defs"]["Contact"]["properties"]["primary"]
    assert "ja of nee" in primary["description"]


# --- the command ---------------------------------------------------------------------------------


def test_schema_writes_and_checks(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "uit"
    written = run_cli("schema", "-o", out)
    assert written.exit_code == 0, written.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(SCHEMAS)
    assert (out / "plan.schema.json").read_text(encoding="utf-8") == (COMMITTED / "plan.schema.json").read_text(
        encoding="utf-8"
    )
    assert run_cli("schema", "--uitvoer", out, "--controleer").exit_code == 0
    (out / "plan.schema.json").write_text("{}", encoding="utf-8")
    checked = run_cli("schema", "--uitvoer", out, "--controleer")
    assert checked.exit_code == 1
    assert "plan.schema.json" in checked.stdout and "partner.schema.json" not in checked.stdout
    assert (out / "plan.schema.json").read_text(encoding="utf-8") == "{}"  # --controleer writes nothing
    assert "1 van 8" in run_cli("schema", "-o", out).stdout


def test_schema_default_is_beside_the_data_never_in_it(run_cli, builder: DatasetBuilder) -> None:  # type: ignore[no-untyped-def]
    before = sorted(p.relative_to(builder.root) for p in builder.root.rglob("*"))
    assert run_cli("schema", "--data", builder.root).exit_code == 0
    assert sorted(p.name for p in (builder.root.parent / "schemas").iterdir()) == sorted(SCHEMAS)
    inside = run_cli("schema", "--data", builder.root, "--uit", builder.root / "schemas")
    assert inside.exit_code == 2 and "ligt in de dataset" in inside.stderr
    assert sorted(p.relative_to(builder.root) for p in builder.root.rglob("*")) == before
