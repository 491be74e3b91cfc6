"""Dates at the end of the calendar (issue 12, item 10): saturate, never crash; --peildatum is exactly JJJJ-MM-DD."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerbeeld.answers.signals import add_months
from partnerbeeld.infra.clock import add_days, parse_date
from partnerbeeld.infra.errors import UsageError


def test_month_and_day_arithmetic_saturates_at_the_end_of_the_calendar():
    assert add_months(dt.date(9999, 1, 20), 36) == dt.date.max
    assert add_months(dt.date(9999, 11, 30), 1) == dt.date(9999, 12, 30)  # still inside: exact
    assert add_days(dt.date(9999, 10, 3), 90) == dt.date.max
    assert add_days(dt.date(2026, 1, 1), 90) == dt.date(2026, 4, 1)


@pytest.fixture
def far(builder):
    builder.profile("profiel-a", roles={"overstroming": {"modes": ["liaison"]}})
    builder.partner("partner-a", profiles=["profiel-a"], verified_on="9999-01-20")
    builder.covenant("c", signed_on="2020-01-01", last_reviewed_on="9999-01-20", review_every_months=36)
    builder.covenant("d", valid_until="9999-12-30", exercise_every_months=12)
    builder.plan("p", last_revised_on="9999-06-01", review_every_months=24)
    return builder


@pytest.mark.parametrize("command", ["signalen", "accounthouders"])
@pytest.mark.parametrize("peildatum", [None, "9999-10-03", "9999-12-31", "0001-01-01"])
def test_far_future_dates_in_the_data_and_as_peildatum_give_an_answer(far, run_cli, command, peildatum):
    extra = ["--peildatum", peildatum] if peildatum else []
    result = run_cli(command, "--data", far.root, *extra)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "text", ["20260101", "2026-W01-1", "2026-1-1", "2026-01-01T00:00", " 2026-01-01", "2026-02-30", "٢٠٢٦-01-01"]
)
def test_peildatum_accepts_only_what_the_help_says(text):
    with pytest.raises(UsageError, match="geen geldige datum"):
        parse_date(text)


def test_peildatum_refusal_is_a_usage_error_on_the_command_line(builder, run_cli):
    result = run_cli("signalen", "--data", builder.root, "--peildatum", "20260101")
    assert result.exit_code == 2
    assert "JJJJ-MM-DD" in result.stderr


def test_a_plain_peildatum_still_works():
    assert parse_date("2026-11-28") == dt.date(2026, 11, 28)
