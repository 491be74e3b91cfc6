"""The shipped dataset (data/): big enough, complete, valid, and true to the region.

Other tests and the README rely on these facts about the sample data of
Veiligheidsregio Hollands Midden; if a change to data/ breaks one, the data
(or the README section 'dataset') needs another look.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from conftest import SHIPPED_DATA, TODAY

from partnerbeeld.answers.acceptance import accept_signals
from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.query import Selection, select
from partnerbeeld.answers.roles import ResolvedRole
from partnerbeeld.answers.signals import signals
from partnerbeeld.answers.validation import validate
from partnerbeeld.model.records import CovenantStatus, Mode, Team
from partnerbeeld.model.vocabulary import SignalLevel
from partnerbeeld.reading.dataset import Dataset

# The imperfections we ship on purpose, so that maintenance reports have something to show.
INTENDED_WARNINGS = {
    ("accounthouder-ontbreekt", "hortus-botanicus-leiden.yaml"),
    ("primair-contact-ontbreekt", "reddingsbrigade-katwijk.yaml"),
}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    loaded, findings = open_dataset(SHIPPED_DATA)
    assert findings == []
    return loaded


def months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))


def involved(dataset: Dataset, code: str) -> dict[str, ResolvedRole]:
    """Partner id -> its headline role for ``code`` (or the codes an alias stands for), as `zoek` answers."""
    return {hit.partner.id: hit.role for hit in select(dataset, Selection(incident_types=code)) if hit.role}


# --- size and completeness ---------------------------------------------------------------


def test_size(dataset: Dataset) -> None:
    assert len(dataset.partners) >= 110
    assert len(dataset.profiles) >= 14
    assert len(dataset.covenants) >= 20
    assert len(dataset.exercises) >= 12
    assert len(dataset.plans) >= 8
    assert len(dataset.account_holders) >= 8
    assert len(dataset.municipalities) == 18


def test_the_incident_type_tree_has_seven_themes_and_the_aliases_staff_type(dataset: Dataset) -> None:
    assert len(dataset.themes) == 7
    assert len(dataset.crisis_types) >= 25
    assert {"brand", "gevaarlijke-stoffen", "water", "stroomstoring", "evenement", "spoor", "gaslek"} <= set(
        dataset.aliases
    )


def test_covenants_in_every_status(dataset: Dataset) -> None:
    assert {c.status for c in dataset.covenants.values()} == set(CovenantStatus)


def test_every_profile_is_used_by_a_partner(dataset: Dataset) -> None:
    used = {profile for partner in dataset.partners.values() for profile in partner.profiles}
    assert set(dataset.profiles) - used == set()


def test_every_crisis_type_is_covered_by_a_profile(dataset: Dataset) -> None:
    uncovered = []
    for crisis_type in dataset.crisis_types:
        related = {crisis_type, *dataset.ancestors(crisis_type), *dataset.descendants(crisis_type)}
        if not any(related & set(profile.roles) for profile in dataset.profiles.values()):
            uncovered.append(crisis_type)
    assert uncovered == []


def test_partners_have_two_to_four_contacts_and_a_sector(dataset: Dataset) -> None:
    counts = Counter(len(partner.contacts) for partner in dataset.partners.values())
    assert set(counts) <= {2, 3, 4}
    assert all(partner.sector and partner.verified_on for partner in dataset.partners.values())


# --- valideer -----------------------------------------------------------------------------


def test_valideer_finds_no_errors() -> None:
    report = validate(SHIPPED_DATA, TODAY)
    assert report.errors == 0, [f"{f.file.name}:{f.line} {f.code} {f.message}" for f in report.findings]


def test_the_intended_imperfections_are_there_and_accepted() -> None:
    # issue 17: the intended warnings carry a real acceptance, so `valideer --strikt` passes on the shipped data
    report = validate(SHIPPED_DATA, TODAY)
    accepted = {(f.code, f.file.name) for f, _ in report.accepted}
    assert accepted == INTENDED_WARNINGS
    assert report.warnings == 0, [f"{f.file.name}:{f.line} {f.code}" for f in report.findings]
    assert all(a.reason and a.until > TODAY for _, a in report.accepted)


def test_only_the_intended_partner_lacks_a_primary_24_7_number() -> None:
    report = validate(SHIPPED_DATA, TODAY)
    everything = [*report.findings, *(f for f, _ in report.accepted)]
    missing = {f.file.name for f in everything if f.code == "primair-contact-ontbreekt"}
    assert missing == {"reddingsbrigade-katwijk.yaml"}


# --- fictional contacts -----------------------------------------------------------------------

# Landlines have zeros right after the area code; mobiles start 06 10 00.
FICTIONAL_PHONE = re.compile(r"^0(\d{2} 000|\d{3} 00) \d\d \d\d$")
FICTIONAL_MOBILE = re.compile(r"^06 10 00 \d\d \d\d$")


def test_contacts_are_recognisably_fictional(dataset: Dataset) -> None:
    for partner in dataset.partners.values():
        for contact in partner.contacts:
            assert contact.phone is None or FICTIONAL_PHONE.match(contact.phone), (partner.id, contact.phone)
            assert contact.mobile is None or FICTIONAL_MOBILE.match(contact.mobile), (partner.id, contact.mobile)
            assert contact.email is None or contact.email.endswith(".example"), (partner.id, contact.email)
    assert all(h.email and h.email.endswith("@vrhm.example") for h in dataset.account_holders.values())
    assert "fictief" in (dataset.settings.notice or "")


def test_some_contacts_are_confidential(dataset: Dataset) -> None:
    confidential = [c for p in dataset.partners.values() for c in p.contacts if c.confidential]
    assert len(confidential) >= 10


# --- maintenance signals have something to show ----------------------------------------------


def test_most_partners_were_verified_within_a_year_but_not_all(dataset: Dataset) -> None:
    year_ago = months_before(TODAY, 12)
    stale = [p.id for p in dataset.partners.values() if p.verified_on and p.verified_on < year_ago]
    assert 5 <= len(stale) <= len(dataset.partners) // 4
    assert all(p.verified_on and p.verified_on <= TODAY for p in dataset.partners.values())


def test_account_holders_are_not_overloaded(dataset: Dataset) -> None:
    limit = dataset.settings.thresholds.max_partners_per_account_holder
    load = Counter(p.account_holder for p in dataset.partners.values() if p.account_holder)
    assert max(load.values()) <= limit
    assert [p.id for p in dataset.partners.values() if p.account_holder is None] == ["hortus-botanicus-leiden"]


def test_covenants_expiring_and_overdue(dataset: Dataset) -> None:
    soon = TODAY + dt.timedelta(days=dataset.settings.thresholds.expiring_days)
    expiring = [c.id for c in dataset.covenants.values() if c.valid_until and TODAY <= c.valid_until <= soon]
    overdue = [
        c.id
        for c in dataset.covenants.values()
        if c.last_reviewed_on
        and c.review_every_months
        and c.last_reviewed_on < months_before(TODAY, c.review_every_months)
    ]
    assert "convenant-waterbeheer" in expiring and len(expiring) >= 2
    assert "convenant-waterbeheer" in overdue and len(overdue) >= 3


def test_some_plans_are_past_their_review_date(dataset: Dataset) -> None:
    overdue = [p.id for p in dataset.plans.values() if p.last_revised_on < months_before(TODAY, p.review_every_months)]
    assert "rampbestrijdingsplan-heineken-zoeterwoude" in overdue
    assert 2 <= len(overdue) < len(dataset.plans)


def test_exercises_span_the_last_three_years(dataset: Dataset) -> None:
    years = {e.date.year for e in dataset.exercises.values()}
    assert years == {2024, 2025, 2026}
    assert all(e.date <= TODAY for e in dataset.exercises.values())


# --- domain sense: what a crisis adviser of the region expects --------------------------------


def test_water_boards_and_rijkswaterstaat_sit_in_the_rot_for_a_flood(dataset: Dataset) -> None:
    roles = involved(dataset, "overstroming")
    water = [pid for pid, p in dataset.partners.items() if "waterbeheerder" in p.profiles]
    assert "rijkswaterstaat-west-nederland-zuid" in water and len(water) >= 5
    for pid in water:
        assert Team.ROT in roles[pid].role.teams, pid


def test_the_water_board_of_the_stricken_area_acts_itself(dataset: Dataset) -> None:
    rijnland = involved(dataset, "wateroverlast")["hoogheemraadschap-van-rijnland"]
    hhsk = involved(dataset, "dijkdoorbraak")["hoogheemraadschap-van-schieland-en-de-krimpenerwaard"]
    profile_only = involved(dataset, "dijkdoorbraak")["hoogheemraadschap-de-stichtse-rijnlanden"]
    for own in (rijnland, hhsk):  # its own deviation: emergency measures, and a seat in the ROT
        assert own.is_deviation and Team.ROT in own.role.teams and Mode.UITVOERING in own.role.modes
        assert own.role.from_grip == 0
    assert not profile_only.is_deviation and Mode.UITVOERING not in profile_only.role.modes


def test_grid_operators_are_involved_in_a_power_cut(dataset: Dataset) -> None:
    assert {"liander", "stedin", "tennet"} <= set(involved(dataset, "stroomstoring"))


def test_drinking_water_companies_and_their_areas(dataset: Dataset) -> None:
    assert {"dunea", "oasen"} <= set(involved(dataset, "drinkwater"))
    dunea, oasen = dataset.partners["dunea"], dataset.partners["oasen"]
    assert dunea.area and "katwijk" in dunea.area
    assert oasen.area and "katwijk" not in oasen.area and "gouda" in oasen.area
    assert set(dunea.area) | set(oasen.area) == set(dataset.municipalities)


def test_event_organisers_are_involved_in_crowd_panic(dataset: Dataset) -> None:
    assert {"keukenhof", "archeon", "avifauna", "3-october-vereeniging"} <= set(involved(dataset, "paniek-menigte"))


def test_partners_join_at_different_grip_levels(dataset: Dataset) -> None:
    levels = {r.role.from_grip for r in involved(dataset, "overstroming").values()}
    assert {1, 2, 3, 4} <= levels | {r.role.from_grip for r in involved(dataset, "brand").values()}
    assert 0 in {r.role.from_grip for r in involved(dataset, "brand").values()}


def test_brand_gives_a_list_a_person_can_read(dataset: Dataset) -> None:
    assert 15 <= len(involved(dataset, "brand")) <= 40


def test_the_companies_with_their_own_roles(dataset: Dataset) -> None:
    heineken = involved(dataset, "giftig-inrichting")["heineken-zoeterwoude"]
    croda = involved(dataset, "brandbaar-inrichting")["croda-gouda"]
    assert heineken.is_deviation and Mode.ALARMEREN in heineken.role.modes
    assert croda.is_deviation and Team.COPI in croda.role.teams and croda.role.from_grip == 1


def test_the_demo_still_shows_signals_and_one_is_accepted() -> None:
    # issue 17: one intended signal carries an acceptance; at least one error signal stays open for the demo
    dataset, _ = open_dataset(SHIPPED_DATA)
    checked = accept_signals(dataset, signals(dataset, TODAY), TODAY)
    assert [(s.code, s.record_id) for s, _ in checked.accepted] == [
        ("partner-zonder-accounthouder", "hortus-botanicus-leiden")
    ]
    assert any(s.level is SignalLevel.FOUT for s in checked.open)  # `signalen --strikt` fails on the demo
