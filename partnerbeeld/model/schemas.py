"""JSON Schemas for editors, generated from the models (`partnerbeeld schema`).

Each data file starts with ``# yaml-language-server: $schema=../schemas/<name>``,
so an editor with the YAML language server offers hover help (the Dutch field
descriptions of ``models``), completion of the closed vocabularies and red
squiggles for unknown keys, before ``valideer`` ever runs.

The schemas describe what a person writes in YAML, as an editor reads it:
dates are strings in JJJJ-MM-DD form, ``true``/``false`` are booleans and so
are ``ja``/``nee`` (text to an editor, hence a pattern beside the boolean), GRIP
levels and month counts are integers. Phone numbers may also be read as a
number by an editor (``0715123456``); partnerbeeld keeps them as text, so the
schema accepts both rather than warn about a valid file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from partnerbeeld.model.models import (
    MODEL_OF,
    AccountHolders,
    Covenant,
    Exercise,
    IncidentTypes,
    Partner,
    Plan,
    Profile,
    Settings,
)
from partnerbeeld.model.recordbase import BOOLEAN_HINT, BOOLEAN_WORDS

# Draft 7: the dialect the YAML language server (VS Code, JetBrains, Neovim) fully supports.
DRAFT = "http://json-schema.org/draft-07/schema#"

# file name -> (model, Dutch title). The names are fixed: the data files refer to them.
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "settings.schema.json": (Settings, "partnerbeeld.yaml: de regio, haar gemeenten, de drempels en de acceptaties"),
    "incidenttypes.schema.json": (IncidentTypes, "incidenttypes.yaml: de boom van incidenttypen en de aliassen"),
    "accountholders.schema.json": (AccountHolders, "accountholders.yaml: de accounthouders van de regio"),
    "partner.schema.json": (Partner, "Een crisispartner (partners/<id>.yaml)"),
    "profile.schema.json": (Profile, "Een partnerprofiel (profiles/<id>.yaml)"),
    "covenant.schema.json": (Covenant, "Een convenant (covenants/<id>.yaml)"),
    "exercise.schema.json": (Exercise, "Een gezamenlijke oefening (exercises/<id>.yaml)"),
    "plan.schema.json": (Plan, "Een plan dat de regio met partners bijhoudt (plans/<id>.yaml)"),
}

# Enum docstrings are English (for engineers); editors show these instead. A record says what it
# is itself (``Record.about`` in ``records``).
_VOCABULARY = {
    "Mode": "Hoe de partner meedoet: liaison (plaats in een crisisteam), alarmeren (de meldkamer alarmeert "
    "actief), uitvoering (eigen crisisproces), bijstand (levert capaciteit), advies (deskundig advies), "
    "informeren (wordt op de hoogte gehouden).",
    "Team": "Crisisteam: meldkamer, copi (Commando Plaats Incident), rot (Regionaal Operationeel Team), "
    "bt (beleidsteam van de burgemeester), rbt (Regionaal Beleidsteam).",
    "CovenantStatus": "Status van het convenant: concept, actief, in-herziening of beeindigd.",
    "CovenantTopic": "Onderwerp dat het convenant regelt.",
    "ExerciseKind": "Soort oefening: table-top, systeemoefening, veldoefening, alarmeringsoefening of "
    "bestuurlijke-oefening.",
    "PlanKind": "Soort plan.",
}
_ABOUT = {record.__name__: record.about for record in MODEL_OF}  # every record the models were built from
_NUMBER_AS_TEXT = {"phone", "mobile"}  # editors read 0715123456 as a number; we read text


def _strip_titles(node: Any, *, names: bool = False) -> Any:
    """Drop pydantic's generated English titles ('Verified On'): hover shows the description.

    ``names`` marks a mapping of property names (or $defs), where a key 'title' is a field, not a keyword.
    """
    if isinstance(node, dict):
        return {
            key: _strip_titles(value, names=key in ("properties", "$defs") and not names)
            for key, value in node.items()
            if names or key != "title"
        }
    if isinstance(node, list):
        return [_strip_titles(item) for item in node]
    return node


def _for_draft7(node: Any) -> Any:
    """Adjust pydantic's output so editors read it as the loader does.

    In draft 7 keywords beside a $ref are ignored: the $ref moves into allOf so
    descriptions show. A map keyed by codes (roles) gets no other keys, so a
    key that is not a code is flagged while typing, as `valideer` would.
    """
    if isinstance(node, dict):
        node = {key: _for_draft7(value) for key, value in node.items()}
        if "$ref" in node and len(node) > 1:
            node["allOf"] = [{"$ref": node.pop("$ref")}]
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [_for_draft7(item) for item in node]
    return node


def _allow_number(prop: dict[str, Any]) -> None:
    options = prop.get("anyOf")
    if isinstance(options, list):
        options.insert(1, {"type": "integer"})


# ja/nee (and true/false written as text) in any case, from the one list the validators read
_BOOLEAN_TEXT = "^(" + "|".join("".join(f"[{c.lower()}{c.upper()}]" for c in word) for word in BOOLEAN_WORDS) + ")$"


def _allow_boolean_words(prop: dict[str, Any]) -> None:
    """A yes/no field: a YAML boolean, or one of the words the loader reads as one."""
    if prop.pop("type", None) != "boolean":
        return
    prop["anyOf"] = [{"type": "boolean"}, {"type": "string", "pattern": _BOOLEAN_TEXT}]
    prop["description"] = f"{prop.get('description', '')} {BOOLEAN_HINT}".strip()


def _fix_definition(name: str, schema: dict[str, Any]) -> None:
    description = _ABOUT.get(name) or _VOCABULARY.get(name)
    if description:
        schema["description"] = description
    for prop_name, prop in schema.get("properties", {}).items():
        if prop_name in _NUMBER_AS_TEXT:
            _allow_number(prop)
        if prop.get("type") == "boolean":
            _allow_boolean_words(prop)
    if name == "Contact":  # the model's 'reachable' rule, so the editor knows it too
        schema["anyOf"] = [{"required": [key]} for key in ("phone", "mobile", "email")]


def generate(model: type[BaseModel], title: str) -> dict[str, Any]:
    """One model's JSON Schema, as an editor should see it."""
    raw = _for_draft7(_strip_titles(model.model_json_schema(mode="validation")))
    for name, definition in raw.get("$defs", {}).items():
        _fix_definition(name, definition)
    _fix_definition(model.__name__, raw)
    return {"$schema": DRAFT, "title": title, **raw}


def render_all() -> dict[str, str]:
    """file name -> the JSON text to write (stable: same models, same bytes)."""
    return {
        name: json.dumps(generate(model, title), ensure_ascii=False, indent=2) + "\n"
        for name, (model, title) in SCHEMAS.items()
    }


def default_folder(data_root: Path) -> Path:
    """schemas/ beside the dataset folder: the data files refer to ``../schemas/...``."""
    return data_root.resolve().parent / "schemas"


def stale(folder: Path) -> list[str]:
    """The schema files in ``folder`` that are missing or differ from the generated ones."""
    result = []
    for name, text in render_all().items():
        path = folder / name
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            result.append(name)
    return result
