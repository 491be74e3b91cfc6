"""The shipped data as a crisis adviser reads it: who leads the answer for each crisis type.

One case per crisis type of the matrix (the 29 types under the seven themes), written
from DOMAIN.md's "who usually leads" and how Dutch safety regions work: the water
board raises the alarm for a flood, the GGD leads on infectious disease, the police on
public order, grid operators on power and gas, the drinking-water company on drinking
water. Each case says

- ``first``: who may head the answer (a partner id, or ``profiel:ID`` / ``sector:ID``);
- ``top``: who must be among the first five;
- ``not_top``: kinds of partner that must not be among the first five.

The answer is the library's (``query.select``), the one `zoek` prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.query import Hit, Selection, select
from partnerbeeld.model.vocabulary import Mode
from partnerbeeld.reading.dataset import Dataset

DATA = Path(__file__).resolve().parent.parent / "data"
TOP = 5

WATER_BOARDS = [
    "hoogheemraadschap-van-rijnland",
    "hoogheemraadschap-van-schieland-en-de-krimpenerwaard",
    "hoogheemraadschap-de-stichtse-rijnlanden",
    "waterschap-amstel-gooi-en-vecht",
]
RWS = "rijkswaterstaat-west-nederland-zuid"
POLICE = "politie-eenheid-den-haag"
GGD = "ggd-hollands-midden"
AMBULANCE = "rav-hollands-midden"
# partners who are kept informed but never head an answer
BYSTANDERS = ["profiel:media", "profiel:cultureel-erfgoed", "profiel:onderwijs"]


class Case(NamedTuple):
    incident: str
    first: list[str]
    top: list[str]
    not_top: list[str]


CASES = [
    Case("overstroming", ["profiel:waterbeheerder"], [*WATER_BOARDS, RWS],
         [*BYSTANDERS, "profiel:zorginstelling", "profiel:woningcorporatie", "profiel:calamiteitenzender"]),
    Case("natuurbrand", ["profiel:terreinbeheerder"], ["staatsbosbeheer", "natuurmonumenten", "dunea"], BYSTANDERS),
    Case("extreem-weer", [GGD, "provincie-zuid-holland", RWS, "knmi"], ["knmi", GGD],
         [*BYSTANDERS, "profiel:evenementorganisator", "profiel:zorginstelling"]),
    Case("aardbeving", ["profiel:netbeheerder"], ["liander", "stedin", "knmi"], [*BYSTANDERS, "omroep-west"]),
    Case("plaag", ["nvwa"], ["nvwa"], BYSTANDERS),
    Case("dierziekte", ["nvwa"], [GGD, "lto-noord"], BYSTANDERS),
    Case("gebouwbrand", [POLICE, GGD, AMBULANCE], [POLICE, GGD, AMBULANCE, "liander"],
         [*BYSTANDERS, "profiel:zorginstelling", "profiel:woningcorporatie"]),
    Case("instorting", [GGD, AMBULANCE], [GGD, AMBULANCE, POLICE], [*BYSTANDERS, "profiel:justitie"]),
    Case("brandbare-stof", ["gasunie", "profiel:netbeheerder"], ["gasunie", "croda-gouda"], BYSTANDERS),
    Case("giftige-stof", ["heineken-zoeterwoude", "prorail", "infraspeed-maintenance"], [GGD],
         [*BYSTANDERS, "profiel:zorginstelling"]),
    Case("kernincident", ["rivm"], ["rivm", "nationaal-crisiscentrum"], [*BYSTANDERS, "omroep-west"]),
    Case("energie", ["profiel:netbeheerder"], ["liander", "stedin"], [*BYSTANDERS, "profiel:bedrijfsleven"]),
    Case("drinkwater", ["dunea", "oasen"], ["dunea", "oasen", GGD],
         ["profiel:cultureel-erfgoed", "profiel:onderwijs", "profiel:zorginstelling"]),
    Case("afvalwater", ["profiel:waterbeheerder"], WATER_BOARDS, [*BYSTANDERS, "omroep-west"]),
    Case("telecom-ict", ["kpn", "odido", "vodafoneziggo"], ["kpn", "meldkamer-den-haag", "odido"], BYSTANDERS),
    Case("afvalverwerking", ["profiel:afvalbedrijf"], ["dcmr"], BYSTANDERS),
    Case("voedselvoorziening", ["nvwa"], ["nvwa", "rode-kruis-hollands-midden"], BYSTANDERS),
    Case("luchtvaart", ["koninklijke-marechaussee", "lvnl", "royal-schiphol-group"],
         ["lvnl", "royal-schiphol-group", "koninklijke-marechaussee"], BYSTANDERS),
    Case("incident-water", [RWS, "knrm-katwijk", "knrm-noordwijk", "kustwacht"], ["kustwacht", "knrm-katwijk", RWS],
         BYSTANDERS),
    Case("verkeersongeval", [POLICE], [POLICE, AMBULANCE, RWS], [*BYSTANDERS, "politie-landelijke-eenheid"]),
    Case("tunnelincident", ["prorail", "infraspeed-maintenance", "ns", RWS, "provincie-zuid-holland"],
         ["prorail", RWS], [*BYSTANDERS, "omroep-west"]),
    Case("volksgezondheid", [GGD], [GGD, "rivm"], BYSTANDERS),
    Case("ziektegolf", [GGD], [GGD, "rivm", "profiel:ziekenhuis"], BYSTANDERS),
    Case("paniek-menigte", [POLICE], [POLICE, AMBULANCE, "profiel:evenementorganisator"], BYSTANDERS),
    Case("openbare-orde", [POLICE], [POLICE, "openbaar-ministerie-den-haag"],
         [*BYSTANDERS, "nederlands-forensisch-instituut"]),
    Case("extreem-geweld", [POLICE], [POLICE, GGD, AMBULANCE], [*BYSTANDERS, "profiel:bedrijfsleven"]),
    Case("verward-gedrag", ["ggz-rivierduinen", POLICE], ["ggz-rivierduinen", POLICE], BYSTANDERS),
    Case("opvang-grote-groep", ["coa"], ["coa", "rode-kruis-hollands-midden", "leger-des-heils"], BYSTANDERS),
    Case("verstoring-evenement", ["profiel:evenementorganisator"], ["keukenhof"], BYSTANDERS),
]  # fmt: skip


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    found, findings = open_dataset(DATA)
    assert not [f for f in findings if f.severity == "fout"]
    return found


def matches(hit: Hit, kind: str) -> bool:
    if kind.startswith("profiel:"):
        return kind.removeprefix("profiel:") in hit.partner.profiles
    if kind.startswith("sector:"):
        return hit.partner.sector == kind.removeprefix("sector:")
    return hit.partner.id == kind


def test_every_crisis_type_has_a_case(dataset: Dataset) -> None:
    crisis_types = {code for code in dataset.incident_types if dataset.depth(code) == 1}
    assert len(crisis_types) == 29
    assert {case.incident for case in CASES} == crisis_types


@pytest.mark.parametrize("case", CASES, ids=[c.incident for c in CASES])
def test_who_leads_the_answer(dataset: Dataset, case: Case) -> None:
    hits = select(dataset, Selection(incident_types=case.incident))
    shown = [f"{h.partner.id} (GRIP {h.role.role.from_grip if h.role else '-'})" for h in hits[:8]]
    assert any(matches(hits[0], kind) for kind in case.first), shown
    top = hits[:TOP]
    for kind in case.top:
        assert any(matches(hit, kind) for hit in top), (kind, shown)
    for kind in case.not_top:
        assert not any(matches(hit, kind) for hit in top), (kind, shown)


def test_who_is_only_informed_never_heads_an_answer(dataset: Dataset) -> None:
    """Within one GRIP whoever must act comes first; museums and media never lead (DOMAIN.md)."""
    for code in dataset.incident_types:
        hits = select(dataset, Selection(incident_types=code))
        if not hits:
            continue
        head = hits[0]
        assert head.role is not None
        assert set(head.role.role.modes) != {Mode.INFORMEREN}, (code, head.partner.id)
        assert "cultureel-erfgoed" not in head.partner.profiles, (code, head.partner.id)


def test_the_readme_question_brand_is_headed_by_whom_a_fire_calls_out(dataset: Dataset) -> None:
    """`zoek --incident brand`, the README's first command. The alias means a fire (in nature, in a
    building, at a plant with flammable stock): police, GGD and ambulance head it. A tunnel incident
    is a question of its own (`-i tunnelincident`); in 'brand' it put the rail managers first."""
    assert dataset.aliases["brand"] == ["natuurbrand", "gebouwbrand", "brandbaar-inrichting"]
    hits = select(dataset, Selection(incident_types="brand"))
    shown = [hit.partner.id for hit in hits[:TOP]]
    assert hits[0].partner.id in {POLICE, GGD, AMBULANCE}, shown
    assert {POLICE, GGD, AMBULANCE} <= set(shown), shown
    for kind in ("profiel:spoorbeheerder", "profiel:vervoerder", *BYSTANDERS):
        assert not any(matches(hit, kind) for hit in hits[:TOP]), (kind, shown)
