"""Query and role semantics on small builder datasets: who is involved, with which role, in what order."""

from __future__ import annotations

import pytest
from builders import INCIDENT_TYPES, dump, small_region

from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.partnerinfo import find_partner
from partnerbeeld.answers.query import (
    Selection,
    answer,
    call_first,
    parse_mode,
    parse_team,
    resolve_incidenttype,
    select,
)
from partnerbeeld.answers.roles import involved_codes, involvement, roles_of, scope_of
from partnerbeeld.answers.tree import incident_tree
from partnerbeeld.infra.errors import NotFound, UsageError
from partnerbeeld.model.vocabulary import Mode, Team


@pytest.fixture
def dataset(builder):
    dataset, findings = open_dataset(small_region(builder))
    assert findings == []
    return dataset


def ids(hits):
    return [h.partner.id for h in hits]


# --- resolving the incident type ------------------------------------------------------------


def test_code_alias_and_name_resolve_case_and_accents_ignored(dataset):
    assert resolve_incidenttype(dataset, "OVERSTROMING").codes == ("overstroming",)
    assert resolve_incidenttype(dataset, " Stroomstoring ").via == "alias"
    assert resolve_incidenttype(dataset, "water").codes == ("overstroming", "drinkwater")


def test_name_resolves_when_it_differs_from_the_code(builder):
    gas = {"code": "uitval-gas", "name": "Gasstoring Één", "parent": "energie"}
    tree = {**INCIDENT_TYPES, "incident_types": [*INCIDENT_TYPES["incident_types"], gas]}
    builder.write("incidenttypes.yaml", dump(tree))
    dataset, _ = open_dataset(builder.root)
    found = resolve_incidenttype(dataset, "gasstoring een")
    assert (found.codes, found.via) == (("uitval-gas",), "naam")


def test_unknown_incident_type_suggests_alias_before_lookalike_and_never_guesses(dataset):
    with pytest.raises(NotFound) as caught:
        select(dataset, Selection(incident_types="stroomstorig"))
    assert caught.value.suggestions[0] == "stroomstoring"
    assert len(caught.value.suggestions) <= 3
    assert caught.value.exit_status == 2


def test_nonsense_incident_type_has_no_suggestions_but_a_hint(dataset):
    with pytest.raises(NotFound) as caught:
        resolve_incidenttype(dataset, "qqqqqqq")
    assert caught.value.suggestions == []
    assert "incidenttypen" in caught.value.hint


def role_for(dataset, partner, code):
    """The headline role of ``partner`` for ``code`` alone, or None."""
    found = involvement(roles_of(dataset, partner), scope_of(dataset, [code]))
    return found.headline if found else None


# --- the tree: ancestors, descendants, the most specific role, deviations -----------------------


def test_role_on_an_ancestor_holds_for_its_descendants(dataset):
    grid = dataset.partners["netbeheer-zuid"]
    assert role_for(dataset, grid, "uitval-gas") is None  # not in this tree at all
    hits = select(dataset, Selection(incident_types="energie"))
    assert ids(hits) == ["netbeheer-zuid"]
    # the own role on stroomuitval (below energie) joins at GRIP 0, before the profile role
    # on energie itself: the earliest role is the headline, the other follows it
    assert [r.code for r in hits[0].roles] == ["stroomuitval", "energie"]


def test_asking_a_parent_shows_who_joins_at_a_descendant(dataset):
    hits = select(dataset, Selection(incident_types="overstroming"))
    assert "gemaal-oost" in ids(hits)
    gemaal = next(h for h in hits if h.partner.id == "gemaal-oost")
    assert gemaal.role.code == "dijkdoorbraak"


def test_the_most_specific_role_wins(dataset):
    water_board = dataset.partners["waterschap-west"]
    assert role_for(dataset, water_board, "wateroverlast").code == "wateroverlast"
    assert role_for(dataset, water_board, "dijkdoorbraak").code == "overstroming"  # nearest ancestor
    assert role_for(dataset, dataset.partners["netbeheer-zuid"], "stroomuitval").role.from_grip == 0


def test_own_deviation_replaces_the_profile_role_on_the_same_type(dataset):
    resolved = roles_of(dataset, dataset.partners["waterschap-west"])["wateroverlast"]
    assert resolved.is_deviation and resolved.profile is None
    assert resolved.role.modes == [Mode.LIAISON]
    assert roles_of(dataset, dataset.partners["waterschap-west"])["overstroming"].profile == "waterbeheerder"


def test_alias_over_several_codes_takes_the_earliest_role(builder):
    small_region(builder)
    builder.partner("dubbel", profiles=["waterbeheerder", "drinkwaterbedrijf"])
    dataset, _ = open_dataset(builder.root)
    hit = next(h for h in select(dataset, Selection(incident_types="water")) if h.partner.id == "dubbel")
    assert (hit.role.code, hit.role.role.from_grip) == ("drinkwater", 1)  # not overstroming at GRIP 2


def test_involvement_for_counts_is_the_same_rule_as_zoek(dataset):
    for partner in dataset.partners.values():
        by_role_for = {code for code in dataset.incident_types if role_for(dataset, partner, code)}
        assert involved_codes(dataset, partner) & set(dataset.incident_types) == by_role_for
    counts = {node.code: node.partners for node in incident_tree(dataset)}
    for code, count in counts.items():
        assert count == len(select(dataset, Selection(incident_types=code))), code


# --- ordering and filters --------------------------------------------------------------------


def test_who_joins_earliest_comes_first(dataset):
    hits = select(dataset, Selection(incident_types="overstroming"))
    grips = [h.role.role.from_grip for h in hits]
    assert grips == sorted(grips)
    assert ids(hits)[0] in {"waterschap-west", "gemaal-oost"}  # GRIP 1 (wateroverlast, dijkdoorbraak)
    assert ids(select(dataset, Selection(incident_types="stroomstoring"))) == ["netbeheer-zuid"]


def test_grip_filter_drops_partners_that_join_later(builder):
    builder.profile("net", roles={"energie": {"modes": ["liaison"], "teams": ["rot"], "from_grip": 2}})
    builder.partner("laat", profiles=["net"])
    builder.partner("vroeg-eronder", profiles=["net"], roles={"stroomuitval": {"modes": ["alarmeren"]}})
    dataset, findings = open_dataset(builder.root)
    assert not findings
    # who joins earliest leads: through stroomuitval (GRIP 0) before the GRIP 2 role on energie
    assert ids(select(dataset, Selection(incident_types="energie"))) == ["vroeg-eronder", "laat"]
    # at GRIP 1 only who is already involved then: through a type below, if that is where it starts
    [early] = select(dataset, Selection(incident_types="energie", grip=1))
    assert (early.partner.id, early.role.code, early.role.role.from_grip) == ("vroeg-eronder", "stroomuitval", 0)
    # on stroomuitval, laat inherits its GRIP 2 role from energie: not there yet at GRIP 1
    assert ids(select(dataset, Selection(incident_types="stroomuitval", grip=1))) == ["vroeg-eronder"]


def test_a_filter_chooses_among_the_roles_that_can_apply(builder):
    # the own role on the asked type did not pass: the inherited role does not come back instead
    builder.profile("net", roles={"vitale-infrastructuur": {"modes": ["informeren"], "from_grip": 0}})
    builder.partner("eigen", profiles=["net"], roles={"energie": {"modes": ["liaison"], "from_grip": 3}})
    dataset, _ = open_dataset(builder.root)
    assert ids(select(dataset, Selection(incident_types="energie", grip=1))) == []
    assert ids(select(dataset, Selection(incident_types="drinkwater", grip=1))) == ["eigen"]  # inherited there


def test_municipality_filter_keeps_whole_region_partners(dataset):
    katwijk = ids(select(dataset, Selection(incident_types="drinkwater", municipalities="Katwijk")))
    assert katwijk == ["drinkwater-kust"]
    assert "omroep" in ids(select(dataset, Selection(municipalities="gouda")))  # no area = the whole region
    with pytest.raises(NotFound, match="gemeente"):
        select(dataset, Selection(municipalities="Katwyk-aan-zee-x"))


def test_team_mode_and_profile_filters_combine(dataset):
    assert ids(select(dataset, Selection(incident_types="overstroming", teams=Team.ROT))) == ["waterschap-west"]
    assert ids(select(dataset, Selection(teams=Team.COPI))) == ["netbeheer-zuid"]
    assert ids(select(dataset, Selection(modes=Mode.UITVOERING, profiles="drinkwaterbedrijf"))) == [
        "drinkwater-hart",
        "drinkwater-kust",
    ]
    with pytest.raises(NotFound) as caught:
        select(dataset, Selection(profiles="waterbeheer"))
    assert caught.value.suggestions[0] == "waterbeheerder"


def test_free_text_matches_names_and_sectors_and_forgives_typos(dataset):
    assert ids(select(dataset, Selection(text="westland"))) == ["waterschap-west"]
    assert ids(select(dataset, Selection(text="drinkwater"))) == ["drinkwater-hart", "drinkwater-kust"]
    assert ids(select(dataset, Selection(text="westlnd"))) == ["waterschap-west"]  # fuzzy
    assert ids(select(dataset, Selection(text="testland"))) == ["omroep"]  # exact part beats fuzzy westland
    assert ids(select(dataset, Selection(text="zzzzzz"))) == []


def test_bad_filter_values_are_usage_errors_with_suggestions(dataset):
    assert parse_team("ROT") is Team.ROT
    with pytest.raises(NotFound) as caught:
        parse_team("rott")
    assert "rot" in caught.value.suggestions
    assert parse_mode("Liaison") is Mode.LIAISON
    with pytest.raises(NotFound):
        parse_mode("bellen")
    with pytest.raises(UsageError, match="GRIP 6"):
        select(dataset, Selection(grip=6))


def test_filters_take_what_the_tables_show(dataset):
    # the zoek table abbreviates: MK, alarm, uitvoer; an unambiguous start of three letters is enough
    assert parse_team("MK") is Team.MELDKAMER
    assert parse_mode("alarm") is Mode.ALARMEREN
    assert parse_mode("uitv") is Mode.UITVOERING
    for ambiguous_or_short in ("a", "in", "r"):
        with pytest.raises(NotFound):
            (parse_team if ambiguous_or_short == "r" else parse_mode)(ambiguous_or_short)
    with pytest.raises(UsageError, match="GRIP 6"):
        select(dataset, Selection(grip=6))


# --- the number to call first ------------------------------------------------------------------


def test_call_first_prefers_primary_24_7_and_hides_confidential(dataset):
    water_board = dataset.partners["waterschap-west"]
    assert call_first(water_board, False).label == "Piket"
    only_confidential = water_board.replace(contacts=water_board.contacts[1:])
    assert call_first(only_confidential, False) is None
    assert call_first(only_confidential, True).label == "Liaison"
    assert call_first(dataset.partners["gemaal-oost"], True) is None  # e-mail only: nothing to dial


def test_answer_reports_what_was_asked(dataset):
    result = answer(dataset, Selection(incident_types="water", municipalities="Leiden"))
    assert result.incident.via == "alias" and result.municipalities == ("leiden",)


# --- finding one partner ----------------------------------------------------------------------


def test_find_partner_by_id_name_part_or_typo(dataset):
    assert find_partner(dataset, "omroep").id == "omroep"
    assert find_partner(dataset, "Groene Hart").id == "drinkwater-hart"
    assert find_partner(dataset, "Gemaalbeheer Ost").id == "gemaal-oost"


def test_ambiguous_partner_lists_candidates_instead_of_guessing(dataset):
    with pytest.raises(NotFound) as caught:
        find_partner(dataset, "drinkwater")
    assert "drinkwater-hart" in caught.value.hint and "drinkwater-kust" in caught.value.hint
    assert caught.value.exit_status == 2


def test_an_empty_filter_is_an_error_for_library_callers_too(dataset):
    for selection in (Selection(incident_types=" "), Selection(text=""), Selection(account_holder="")):
        with pytest.raises(UsageError, match="leeg"):
            select(dataset, selection)


def test_resolved_roles_are_shared_read_only_and_follow_a_replaced_dataset(dataset):
    import dataclasses

    grid = dataset.partners["netbeheer-zuid"]
    first = roles_of(dataset, grid)
    assert roles_of(dataset, grid) is first  # resolved once per dataset
    with pytest.raises(TypeError):
        first["energie"] = first["stroomuitval"]  # type: ignore[index]
    # another dataset (displaydata and the site make them with dataclasses.replace) resolves its own
    other = dataclasses.replace(dataset, profiles={})
    assert set(roles_of(other, grid)) == set(grid.roles) != set(first)
