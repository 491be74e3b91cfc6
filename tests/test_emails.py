"""E-mail addresses: the fast path never accepts what email_validator rejects."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email

from partnerbeeld.checks.emails import _plainly_valid, email_problem


def full_check(text: str) -> bool:
    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


@pytest.mark.parametrize(
    "text", ["piket@dunea.example", "a.de.vries@rijnland.nl", "info+crisis@vrhm.example.nl", "x_y-z@a-b.c-d.org"]
)
def test_plain_addresses_take_the_fast_path(text: str) -> None:
    assert _plainly_valid(text) and full_check(text) and email_problem(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "piket@@a.nl",
        "piket@a",
        "piket@localhost",
        "a@b.test",
        "a@b.local",
        "a..b@c.nl",
        ".a@c.nl",
        "a@-c.nl",
        "a@c-.nl",
        "a@c.123",
        "a b@c.nl",
        "a@ab--cd.nl",
        "x" * 65 + "@c.nl",
        "a@" + "b" * 64 + ".nl",
        "a@\u212aelvin.nl",
        "bel@mij",
        "",
    ],
)
def test_fast_path_rejects_what_it_cannot_vouch_for(text: str) -> None:
    assert not _plainly_valid(text)
    assert (email_problem(text) is None) == full_check(text)


@pytest.mark.parametrize("text", ["piket@@a.nl", "piket@a", "a..b@c.nl", "bel@mij"])
def test_invalid_addresses_are_reported(text: str) -> None:
    assert email_problem(text) == "is geen geldig e-mailadres"


def test_unicode_addresses_go_through_email_validator() -> None:
    assert not _plainly_valid("rené@crisis.example")
    assert email_problem("rené@crisis.example") is None
