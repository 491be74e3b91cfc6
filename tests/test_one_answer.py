"""One answer: `zoek`, its --grip filter, `overzicht`, `toon` and the contact list say the same.

Over every incident type and every partner of the shipped data:
- the GRIP `zoek` shows without a filter is the lowest N for which `--grip N` finds the partner;
- the `overzicht` cell shows the mode and GRIP of the `zoek` headline, for the same partners;
- `toon` gives each crisis type the headline `zoek` gives;
- the contact list has the partners of `zoek`, in its order, with its roles.
The command-line JSON of the four commands is compared too, for one crisis type.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from partnerbeeld.answers.contactlist import build_contact_list
from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.overview import build_overview
from partnerbeeld.answers.partnerinfo import partner_info
from partnerbeeld.answers.query import Hit, Selection, select
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.reading.dataset import Dataset

DATA = Path(__file__).resolve().parent.parent / "data"
TODAY = dt.date(2026, 11, 30)
VERSION = DataVersion(None, False)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return open_dataset(DATA)[0]


@pytest.fixture(scope="module")
def answers(dataset: Dataset) -> dict[str, list[Hit]]:
    return {code: select(dataset, Selection(incident_types=code)) for code in dataset.incident_types}


def headline(hit: Hit) -> tuple[str, int, tuple[str, ...]]:
    assert hit.role is not None
    role = hit.role.role
    return (hit.role.code, role.from_grip, tuple(sorted(m.value for m in role.modes)))


def test_every_type_has_an_answer_to_compare(answers: dict[str, list[Hit]]) -> None:
    assert sum(bool(hits) for hits in answers.values()) >= 80  # the comparisons below are not vacuous


def test_the_grip_shown_is_the_lowest_grip_filter_that_finds_the_partner(
    dataset: Dataset, answers: dict[str, list[Hit]]
) -> None:
    for code, hits in answers.items():
        found_at = {
            level: {h.partner.id: h for h in select(dataset, Selection(incident_types=code, grip=level))}
            for level in range(6)
        }
        for hit in hits:
            assert hit.role is not None
            lowest = min(level for level, found in found_at.items() if hit.partner.id in found)
            assert hit.role.role.from_grip == lowest, (code, hit.partner.id)
            # and --grip N shows the same role as the headline, not another one
            assert headline(found_at[lowest][hit.partner.id]) == headline(hit), (code, hit.partner.id)


def test_the_headline_is_the_first_of_all_roles_and_they_are_ordered(answers: dict[str, list[Hit]]) -> None:
    for code, hits in answers.items():
        for hit in hits:
            assert hit.roles and hit.roles[0] == hit.role, (code, hit.partner.id)
            keys = [r.urgency for r in hit.roles]
            assert keys == sorted(keys), (code, hit.partner.id)
        # and the partners themselves: GRIP, then strength, then name
        order = [(h.role.urgency if h.role else (0, 0)) for h in hits]
        assert order == sorted(order), code


def test_overzicht_cells_show_the_zoek_headline(dataset: Dataset, answers: dict[str, list[Hit]]) -> None:
    picture = build_overview(dataset, TODAY, detail=True)
    for row in picture.type_rows:
        hits = answers[row.code]
        assert {pid for (code, pid) in picture.cells if code == row.code} == {h.partner.id for h in hits}, row.code
        for hit in hits:
            cell = picture.cell(row.code, hit.partner.id)
            assert cell is not None and hit.role is not None
            assert cell.from_grip == hit.role.role.from_grip, (row.code, hit.partner.id)
            assert cell.mode == min(hit.role.role.modes, key=lambda m: m.rank), (row.code, hit.partner.id)
            assert cell.defined_on == tuple(r.code for r in hit.roles)


def test_toon_gives_each_crisis_type_the_zoek_headline(dataset: Dataset, answers: dict[str, list[Hit]]) -> None:
    for partner in dataset.partners.values():
        info = partner_info(dataset, partner, TODAY)
        shown = {line.code: line.involvement for line in info.involvement}
        expected = {code: hit for code in dataset.crisis_types for hit in answers[code] if hit.partner.id == partner.id}
        assert set(shown) == set(expected), partner.id
        for code, hit in expected.items():
            assert shown[code].roles == hit.roles, (partner.id, code)


def test_the_contact_list_follows_zoek(dataset: Dataset, answers: dict[str, list[Hit]]) -> None:
    for code in dataset.crisis_types:
        listed = build_contact_list(dataset, Selection(incident_types=code), TODAY, VERSION)
        hits = answers[code]
        assert [p.id for p in listed.partners] == [h.partner.id for h in hits], code
        for entry, hit in zip(listed.partners, hits, strict=True):
            assert entry.role is not None and hit.role is not None
            assert (entry.role.code, entry.role.from_grip) == (hit.role.code, hit.role.role.from_grip)
            assert [r.code for r in entry.later] == [r.code for r in hit.roles[1:]]


def test_the_command_line_json_agrees(run_cli: Callable[..., Any]) -> None:
    """What a consumer of the four JSON outputs sees for a flood, partner by partner."""
    code = "overstroming"

    def document(*args: str) -> Any:
        result = run_cli(*args, "--data", str(DATA), "-f", "json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    zoek = {p["id"]: p for p in document("zoek", "-i", code)["partners"]}
    listed = {p["id"]: p for p in document("contactlijst", "-i", code)["partners"]}
    picture = {p["id"]: p for p in document("overzicht", "--detail")["partners"]}
    assert list(zoek) == list(listed)
    for pid, hit in zoek.items():
        rol = hit["rol"]
        assert (listed[pid]["rol"]["incidenttype"], listed[pid]["rol"]["vanaf_grip"]) == (
            rol["incidenttype"],
            rol["vanaf_grip"],
        )
        cell = picture[pid]["cellen"][code]
        assert (cell["vanaf_grip"], cell["modus"]) == (rol["vanaf_grip"], rol["modi"][0])
        assert cell["rol_op"] == [r["incidenttype"] for r in hit["rollen"]]
    for pid in ("hoogheemraadschap-van-rijnland", "museum-gouda"):
        shown = {line["crisistype"]: line for line in document("toon", pid)["betrokkenheid"]}
        assert shown[code]["rollen"] == zoek[pid]["rollen"]
