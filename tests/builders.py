"""Small datasets built in tmp_path from dicts: the base every test stands on.

``DatasetBuilder(tmp_path)`` writes a minimal valid dataset (two municipalities,
a small incident-type tree, one account holder); tests add records with
``partner(...)``, ``profile(...)`` and friends, or raw text with ``write``.
Below the builder: the datasets that several test modules share.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SETTINGS: dict[str, Any] = {
    "region": "Veiligheidsregio Testland",
    "classification": "Testrubricering",
    "municipalities": [
        {"id": "leiden", "name": "Leiden"},
        {"id": "katwijk", "name": "Katwijk"},
        {"id": "gouda", "name": "Gouda"},
    ],
}
INCIDENT_TYPES: dict[str, Any] = {
    "incident_types": [
        {"code": "natuurlijke-omgeving", "name": "Natuurlijke omgeving"},
        {"code": "overstroming", "name": "Overstroming", "parent": "natuurlijke-omgeving"},
        {"code": "dijkdoorbraak", "name": "Dijkdoorbraak", "parent": "overstroming"},
        {"code": "wateroverlast", "name": "Wateroverlast", "parent": "overstroming"},
        {"code": "natuurbrand", "name": "Natuurbrand", "parent": "natuurlijke-omgeving"},
        {"code": "vitale-infrastructuur", "name": "Vitale infrastructuur"},
        {"code": "drinkwater", "name": "Drinkwater", "parent": "vitale-infrastructuur"},
        {"code": "energie", "name": "Energie", "parent": "vitale-infrastructuur"},
        {"code": "stroomuitval", "name": "Stroomuitval", "parent": "energie"},
    ],
    "aliases": {"water": ["overstroming", "drinkwater"], "stroomstoring": ["stroomuitval"]},
}
ACCOUNT_HOLDERS: dict[str, Any] = {
    "account_holders": [{"id": "a-holder", "name": "Anna Houder", "email": "a.houder@regio.example"}],
}


# libyaml's emitter when PyYAML has it: the tests write thousands of small files, and the
# pure-Python one was a tenth of some test files' time
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


class DatasetBuilder:
    def __init__(self, tmp_path: Path, *, folder: str = "data") -> None:
        self.root = tmp_path / folder
        self.root.mkdir(parents=True, exist_ok=True)
        for name in ("partners", "profiles", "covenants", "exercises", "plans"):
            (self.root / name).mkdir(exist_ok=True)
        self.write("partnerbeeld.yaml", dump(SETTINGS))
        self.write("incidenttypes.yaml", dump(INCIDENT_TYPES))
        self.write("accountholders.yaml", dump(ACCOUNT_HOLDERS))

    def write(self, relpath: str, text: str | bytes) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def record(self, folder: str, data: dict[str, Any], file_id: str | None = None) -> Path:
        return self.write(f"{folder}/{file_id or data['id']}.yaml", dump(data))

    def partner(self, id: str = "partner-a", **fields: Any) -> Path:
        data: dict[str, Any] = {
            "id": id,
            "name": fields.pop("name", id.replace("-", " ").title()),
            "sector": "waterbeheer",
            "account_holder": "a-holder",
            "verified_on": "2026-01-15",
            "contacts": [{"label": "Piket", "phone": "071 000 00 00", "available": "24/7", "primary": True}],
        }
        data.update(fields)
        return self.record("partners", {k: v for k, v in data.items() if v is not None})

    def profile(self, id: str = "profiel-a", **fields: Any) -> Path:
        data: dict[str, Any] = {"id": id, "name": id.replace("-", " ").title(), "roles": {}}
        data.update(fields)
        return self.record("profiles", data)

    def covenant(self, id: str = "convenant-a", **fields: Any) -> Path:
        data: dict[str, Any] = {"id": id, "title": "Convenant " + id, "partners": ["partner-a"], "status": "actief"}
        data.update(fields)
        return self.record("covenants", data)

    def exercise(self, id: str = "oefening-a", **fields: Any) -> Path:
        data: dict[str, Any] = {
            "id": id,
            "title": "Oefening " + id,
            "date": "2025-05-01",
            "kind": "table-top",
            "partners": ["partner-a"],
        }
        data.update(fields)
        return self.record("exercises", data)

    def plan(self, id: str = "plan-a", **fields: Any) -> Path:
        data: dict[str, Any] = {"id": id, "title": "Plan " + id, "kind": "overig", "last_revised_on": "2025-01-01"}
        data.update(fields)
        return self.record("plans", data)


# --- shared datasets ---------------------------------------------------------------------------

# A profile role for every top-level crisis type: a partner with it raises no coverage signal.
COVERING_ROLES = {
    "overstroming": {"modes": ["liaison"], "teams": ["rot"], "from_grip": 2},
    "natuurbrand": {"modes": ["advies"]},
    "drinkwater": {"modes": ["informeren"]},
    "energie": {"modes": ["informeren"]},
}

LIAISON_ROT_2 = {"modes": ["alarmeren", "liaison"], "teams": ["rot"], "from_grip": 2, "task": "Advies waterkeringen"}


def small_region(builder: DatasetBuilder) -> Path:
    """The region of the query, zoek and toon tests: water boards, drinking water, a grid operator, two odd cases."""
    builder.profile(
        "waterbeheerder",
        name="Waterbeheerder",
        roles={
            "overstroming": LIAISON_ROT_2,
            "wateroverlast": {"modes": ["advies"], "from_grip": 1},
        },
    )
    builder.profile(
        "drinkwaterbedrijf",
        name="Drinkwaterbedrijf",
        roles={
            "drinkwater": {"modes": ["alarmeren", "uitvoering"], "teams": ["rot"], "from_grip": 1, "task": "Noodwater"},
        },
    )
    builder.profile(
        "netbeheerder",
        name="Netbeheerder",
        roles={
            "energie": {"modes": ["informeren"], "from_grip": 2},
        },
    )
    builder.partner(
        "waterschap-west",
        name="Hoogheemraadschap van Westland",
        profiles=["waterbeheerder"],
        area=["leiden", "katwijk"],
        roles={"wateroverlast": {"modes": ["liaison"], "teams": ["rot"], "from_grip": 1, "task": "Liaison ROT"}},
        contacts=[
            {"label": "Piket", "phone": "071 000 00 01", "available": "24/7", "primary": True},
            {"label": "Liaison", "person": "Anna de Vries", "mobile": "06 10 00 00 01", "confidential": True},
        ],
    )
    builder.partner(
        "drinkwater-kust",
        name="Drinkwater Kust",
        sector="drinkwater",
        profiles=["drinkwaterbedrijf"],
        area=["leiden", "katwijk"],
    )
    builder.partner(
        "drinkwater-hart",
        name="Drinkwater Groene Hart",
        sector="drinkwater",
        profiles=["drinkwaterbedrijf"],
        area=["gouda"],
        contacts=[{"label": "Kantoor", "phone": "0182 000 000", "available": "kantoortijden"}],
    )
    builder.partner(
        "netbeheer-zuid",
        name="Netbeheer Zuid",
        sector="energie",
        profiles=["netbeheerder"],
        roles={"stroomuitval": {"modes": ["alarmeren"], "teams": ["copi"], "from_grip": 0}},
    )
    builder.partner(
        "gemaal-oost",
        name="Gemaalbeheer Oost",
        profiles=[],
        roles={"dijkdoorbraak": {"modes": ["uitvoering"], "from_grip": 1}},
        contacts=[{"label": "Algemeen", "email": "info@gemaal.example"}],
    )
    builder.partner("omroep", name="Omroep Testland", sector="media", profiles=[])
    return builder.root
