"""Maintenance signals: one test per code on a small dataset, on the frozen date TODAY (2026-11-28)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from builders import COVERING_ROLES
from conftest import SHIPPED_DATA, TODAY

from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.signals import CODES, add_months, signals
from partnerbeeld.model.vocabulary import SignalKind, SignalLevel


@pytest.fixture
def base(builder):
    """A dataset with nothing to signal: one partner with a profile covering every crisis type."""
    builder.profile("profiel-a", roles=COVERING_ROLES)
    builder.partner("partner-a", profiles=["profiel-a"])
    return builder


def codes_for(builder, record_id=None, today=TODAY):
    dataset, _ = open_dataset(builder.root)
    return {s.code for s in signals(dataset, today) if record_id is None or s.record_id == record_id}


def test_the_base_dataset_has_no_signals(base):
    assert codes_for(base) == set()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 11, 15), 12, dt.date(2026, 11, 15)),
        (dt.date(2025, 12, 1), 1, dt.date(2026, 1, 1)),
        (dt.date(2025, 5, 31), 18, dt.date(2026, 11, 30)),
    ],
)
def test_add_months_clamps_the_day(day, months, expected):
    assert add_months(day, months) == expected


# --- covenants ------------------------------------------------------------------------------


def test_convenant_verlopen(base):
    base.covenant("c", valid_until="2026-11-27")
    assert "convenant-verlopen" in codes_for(base, "c")
    base.covenant("c", valid_until="2026-11-27", status="beeindigd")  # ended covenants are left alone
    assert codes_for(base, "c") == set()


def test_convenant_verloopt_within_the_threshold(base):
    base.covenant("c", valid_until=(TODAY + dt.timedelta(days=90)).isoformat())
    assert codes_for(base, "c") == {"convenant-verloopt"}
    base.covenant("c", valid_until=(TODAY + dt.timedelta(days=91)).isoformat())
    assert codes_for(base, "c") == set()


def test_convenant_verloopt_on_the_day_itself_is_not_yet_expired(base):
    base.covenant("c", valid_until=TODAY.isoformat())
    assert codes_for(base, "c") == {"convenant-verloopt"}


def test_convenant_evaluatie_achterstallig(base):
    base.covenant("c", signed_on="2020-01-01", last_reviewed_on="2024-11-27", review_every_months=24)
    assert codes_for(base, "c") == {"convenant-evaluatie-achterstallig"}
    base.covenant("c", signed_on="2020-01-01", last_reviewed_on="2024-11-28", review_every_months=24)
    assert codes_for(base, "c") == set()  # due today: not overdue yet


def test_concept_covenants_are_not_yet_in_force(base):
    base.covenant("c", status="concept", valid_until="2020-01-01", signed_on="2019-01-01", review_every_months=1)
    assert codes_for(base, "c") == set()


# --- exercises and plans -----------------------------------------------------------------------


def test_oefening_achterstallig_without_any_exercise(base):
    base.covenant("c", exercise_every_months=12)
    assert codes_for(base, "c") == {"oefening-achterstallig"}


def test_a_new_covenant_has_one_period_for_its_first_exercise(base):
    base.covenant("c", signed_on="2026-06-01", exercise_every_months=12)
    assert codes_for(base, "c") == set()  # signed half a year ago: not overdue
    base.covenant("c", signed_on="2025-11-27", exercise_every_months=12)
    assert codes_for(base, "c") == {"oefening-achterstallig"}


def test_the_expiry_message_says_today_tomorrow_or_in_days(base):
    for days, expected in ((0, "(vandaag)"), (1, "(morgen)"), (30, "(over 30 dagen)")):
        base.covenant("c", valid_until=(TODAY + dt.timedelta(days=days)).isoformat())
        dataset, _ = open_dataset(base.root)
        [signal] = [s for s in signals(dataset, TODAY) if s.record_id == "c"]
        assert signal.message.endswith(expected + "."), signal.message


def test_a_recent_exercise_with_a_partner_of_the_covenant_counts(base):
    base.covenant("c", exercise_every_months=12)
    base.exercise("o", date="2025-12-01", partners=["partner-a"])
    assert codes_for(base, "c") == set()
    base.exercise("o", date="2025-11-27", partners=["partner-a"])
    assert codes_for(base, "c") == {"oefening-achterstallig"}


def test_a_planned_exercise_in_the_future_does_not_count(base):
    base.covenant("c", exercise_every_months=12)
    base.exercise("o", date="2027-03-01", partners=["partner-a"])
    assert codes_for(base, "c") == {"oefening-achterstallig"}


def test_an_exercise_that_names_the_covenant_counts_without_its_partners(base):
    base.partner("partner-b", profiles=["profiel-a"])
    base.covenant("c", exercise_every_months=12)
    base.exercise("o", date="2026-06-01", partners=["partner-b"])
    assert codes_for(base, "c") == {"oefening-achterstallig"}  # neither the covenant nor its partner
    base.exercise("o", date="2026-06-01", partners=["partner-b"], covenant="c")
    assert codes_for(base, "c") == set()


def test_ended_covenants_need_no_review_or_exercise(base):
    base.covenant("c", status="beeindigd", signed_on="2010-01-01", review_every_months=12, exercise_every_months=12)
    assert codes_for(base, "c") == set()
    base.covenant("c", status="in-herziening", signed_on="2010-01-01", review_every_months=12)
    assert codes_for(base, "c") == {"convenant-evaluatie-achterstallig"}


def test_plan_herziening_achterstallig(base):
    base.plan("p", last_revised_on="2022-11-27", review_every_months=48)
    assert codes_for(base, "p") == {"plan-herziening-achterstallig"}
    base.plan("p", last_revised_on="2022-11-28", review_every_months=48)
    assert codes_for(base, "p") == set()


# --- partners, profiles, coverage, account holders ------------------------------------------------


def test_contact_verificatie_verouderd(base):
    base.partner("partner-a", profiles=["profiel-a"], verified_on="2025-11-27")
    assert codes_for(base, "partner-a") == {"contact-verificatie-verouderd"}
    base.partner("partner-a", profiles=["profiel-a"], verified_on=None)
    assert codes_for(base, "partner-a") == {"contact-verificatie-verouderd"}


def test_partner_zonder_24_7_nummer_only_when_alerted(base):
    office_hours = [{"label": "Kantoor", "phone": "071 000 00 00", "available": "kantoortijden"}]
    base.partner("partner-a", profiles=["profiel-a"], contacts=office_hours)
    assert codes_for(base, "partner-a") == set()
    base.partner(
        "partner-a", profiles=["profiel-a"], contacts=office_hours, roles={"drinkwater": {"modes": ["alarmeren"]}}
    )
    assert codes_for(base, "partner-a") == {"partner-zonder-24-7-nummer"}


def test_partner_zonder_accounthouder(base):
    base.partner("partner-a", profiles=["profiel-a"], account_holder=None)
    assert codes_for(base, "partner-a") == {"partner-zonder-accounthouder"}


def test_partner_zonder_profiel(base):
    base.partner("partner-b", roles=COVERING_ROLES)
    assert codes_for(base, "partner-b") == {"partner-zonder-profiel"}


def test_profiel_ongebruikt(base):
    base.profile("profiel-leeg")
    assert codes_for(base, "profiel-leeg") == {"profiel-ongebruikt"}


def test_crisistype_niet_gedekt_counts_roles_above_and_below(base):
    roles = dict(COVERING_ROLES)
    del roles["energie"]
    base.profile("profiel-a", roles=roles)
    assert codes_for(base, "energie") == {"crisistype-niet-gedekt"}
    base.profile("profiel-a", roles={**roles, "stroomuitval": {"modes": ["advies"]}})  # a type below
    assert codes_for(base, "energie") == set()
    base.profile("profiel-a", roles={**roles, "vitale-infrastructuur": {"modes": ["advies"]}})  # above
    assert codes_for(base, "energie") == set()


def test_accounthouder_overbelast(base):
    base.write(
        "partnerbeeld.yaml",
        base.root.joinpath("partnerbeeld.yaml").read_text() + "thresholds:\n  max_partners_per_account_holder: 1\n",
    )
    assert codes_for(base, "a-holder") == set()
    base.partner("partner-b", profiles=["profiel-a"])
    assert codes_for(base, "a-holder") == {"accounthouder-overbelast"}


def test_every_code_is_tested_above():
    tested = {
        "convenant-verlopen",
        "convenant-verloopt",
        "convenant-evaluatie-achterstallig",
        "oefening-achterstallig",
        "plan-herziening-achterstallig",
        "contact-verificatie-verouderd",
        "partner-zonder-24-7-nummer",
        "partner-zonder-accounthouder",
        "partner-zonder-profiel",
        "profiel-ongebruikt",
        "crisistype-niet-gedekt",
        "accounthouder-overbelast",
    }
    assert tested == set(CODES)


def test_signals_point_at_the_file_and_line(base):
    path = base.covenant("c", valid_until="2026-01-01")
    dataset, _ = open_dataset(base.root)
    [signal] = [s for s in signals(dataset, TODAY) if s.record_id == "c"]
    assert signal.file == path
    assert path.read_text().splitlines()[signal.line - 1].startswith("valid_until:")
    assert signal.account_holder == "a-holder"  # from the covenant's partner


def test_report_order_puts_the_kind_with_an_error_first_then_the_longest_overdue(base):
    base.covenant("c-old", signed_on="2015-01-01", review_every_months=12)
    base.covenant("c-new", signed_on="2024-01-01", review_every_months=12)
    base.covenant("c-gone", valid_until="2026-10-01")  # an error among covenant warnings
    base.plan("p", last_revised_on="2020-01-01")
    base.partner("partner-b", profiles=["profiel-a"], roles={"drinkwater": {"modes": ["alarmeren"]}}, contacts=[])
    dataset, _ = open_dataset(base.root)
    order = [(s.kind.value, s.record_id) for s in signals(dataset, TODAY)]
    assert order == [
        ("convenant", "c-gone"),  # convenant before contact: same worst level, SignalKind order
        ("convenant", "c-old"),
        ("convenant", "c-new"),
        ("contact", "partner-b"),
        ("plan", "p"),  # warnings only: after the kinds that have an error
    ]


# --- the commands --------------------------------------------------------------------------


def test_strikt_fails_only_on_an_error(run_cli, base):
    base.covenant("c", valid_until=(TODAY + dt.timedelta(days=10)).isoformat())
    assert run_cli("signalen", "--data", base.root, "--strikt").exit_code == 0  # a warning only
    base.covenant("c", valid_until="2026-01-01")
    result = run_cli("signalen", "--data", base.root, "--strikt")
    assert result.exit_code == 1
    assert run_cli("signalen", "--data", base.root).exit_code == 0  # without --strikt: a report, not a gate


def test_filters_and_json(run_cli, base):
    base.covenant("c", valid_until="2026-01-01")
    base.plan("p", last_revised_on="2020-01-01", owner="a-holder")
    base.profile("profiel-leeg")
    out = run_cli("signalen", "--data", base.root, "--soort", "plan", "-f", "json").stdout
    document = json.loads(out)
    assert [s["code"] for s in document["signalen"]] == ["plan-herziening-achterstallig"]
    assert document["signalen"][0]["bestand"].endswith("plans/p.yaml")
    mine = json.loads(run_cli("signalen", "--data", base.root, "--accounthouder", "a-holder", "-f", "json").stdout)
    assert {s["code"] for s in mine["signalen"]} == {"convenant-verlopen", "plan-herziening-achterstallig"}


def test_soort_repeats_and_ignores_case(run_cli, base):
    base.covenant("c", valid_until="2026-01-01")
    base.plan("p", last_revised_on="2020-01-01")
    base.profile("profiel-leeg")
    out = run_cli("signalen", "--data", base.root, "--soort", "PLAN", "--soort", "profiel", "-f", "json").stdout
    assert [s["code"] for s in json.loads(out)["signalen"]] == ["plan-herziening-achterstallig", "profiel-ongebruikt"]
    assert run_cli("signalen", "--data", base.root, "--soort", "plannen").exit_code == 2


def test_strikt_counts_only_what_the_filters_keep(run_cli, base):
    base.covenant("c", valid_until="2026-01-01")
    base.plan("p", last_revised_on="2020-01-01")
    assert run_cli("signalen", "--data", base.root, "--strikt", "--soort", "plan").exit_code == 0
    assert run_cli("signalen", "--data", base.root, "--strikt", "--soort", "convenant").exit_code == 1


def test_markdown_names_file_line_and_code(run_cli, base):
    base.covenant("c", title="Titel | met streep", valid_until="2026-01-01")
    out = run_cli("signalen", "--data", base.root, "--formaat", "md").stdout
    assert "### Convenanten" in out
    assert "| fout | Titel \\| met streep |" in out
    assert "`data/covenants/c.yaml:6` | `convenant-verlopen` |" in out  # valid_until, below the partners


def test_unknown_account_holder_is_a_usage_error(run_cli, base):
    result = run_cli("signalen", "--data", base.root, "--accounthouder", "a-holdr")
    assert result.exit_code == 2
    assert "a-holder" in result.stderr


def test_table_fits_80_columns_and_says_what_to_do(run_cli, base):
    base.covenant(
        "c",
        title="Een convenant met een heel lange titel die zeker moet worden afgebroken ergens",
        valid_until="2026-01-01",
    )
    out = run_cli("signalen", "--data", base.root).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "→ Verleng het convenant" in out
    assert "1 signaal: 1 fout, 0 waarschuwingen, 0 info." in out


def test_the_shipped_dataset_signals_every_main_kind():
    dataset, _ = open_dataset(SHIPPED_DATA)
    found = signals(dataset, TODAY)
    kinds = {s.kind for s in found}
    assert {SignalKind.CONVENANT, SignalKind.OEFENING, SignalKind.PLAN, SignalKind.CONTACT} <= kinds
    assert {"convenant-verloopt", "convenant-evaluatie-achterstallig", "contact-verificatie-verouderd"} <= {
        s.code for s in found
    }
    assert all(s.file is not None and s.file.exists() for s in found if s.level is not SignalLevel.INFO)


def test_shipped_dataset_text_at_80_columns(run_cli):
    lines = run_cli("signalen").stdout.splitlines()
    assert lines[0].startswith("Signalen Veiligheidsregio Hollands Midden · peildatum 2026-11-28")
    assert max(len(line) for line in lines) <= 80
    assert not [line for line in lines if line.endswith("-")]  # codes such as incident-water stay whole
    assert lines[-1].endswith("info.") and lines[-1].split()[0].isdigit()
    text = "\n".join(lines)
    assert "(data/partners/ipse-de-bruggen.yaml:9) [contact-verificatie-verouderd]" in text  # where and which


def test_a_filtered_list_says_whose_it_is(run_cli) -> None:  # type: ignore[no-untyped-def]
    """'Only Marieke Jansen's convenants' must not read as the whole region's list."""
    for formaat in ("tekst", "md"):
        out = run_cli(
            "signalen", "--data", SHIPPED_DATA, "--accounthouder", "jansen", "--soort", "convenant", "-f", formaat
        )
        heading = " ".join(out.stdout.split("\n\n")[0].split())
        assert "accounthouder Marieke Jansen" in heading and "soort convenant" in heading, formaat
    whole = run_cli("signalen", "--data", SHIPPED_DATA).stdout.split("\n\n")[0]
    assert "accounthouder" not in whole and "soort" not in whole
