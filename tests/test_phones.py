"""Phone numbers: what is dialable passes, and the fast path never disagrees with phonenumbers."""

from __future__ import annotations

import random

import phonenumbers
import pytest

from partnerbeeld.checks.phones import _plainly_valid, phone_problem


def full_check(text: str) -> bool:
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, "NL")))
    except phonenumbers.NumberParseException:
        return False


@pytest.mark.parametrize(
    "text",
    [
        "071 512 34 56",
        "0715123456",
        "06 1234 5678",
        "+31 6 1234 5678",
        "0031 71 5123456",
        "088 000 00 10",
        "0800 0123",
        "+31 172 123 456",
        "071-5123456",
    ],
)
def test_plain_dutch_numbers_take_the_fast_path(text: str) -> None:
    assert _plainly_valid(text)
    assert full_check(text)
    assert phone_problem(text) is None


@pytest.mark.parametrize("text", ["112", "14 071", "140172", "+32 2 555 12 12", "+44 20 7946 0018", "(071) 512 34 56"])
def test_short_international_and_odd_formats_are_valid(text: str) -> None:
    assert phone_problem(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("071 12", "bestaat niet in het nummerplan"),
        ("06 1234", "bestaat niet in het nummerplan"),
        ("0712", "heeft niet het juiste aantal cijfers"),
        ("bel de portier", "is geen telefoonnummer"),
        ("071 512 34 567 89 01", "heeft niet het juiste aantal cijfers"),
    ],
)
def test_invalid_numbers_say_why(text: str, reason: str) -> None:
    assert phone_problem(text) == reason


def test_fast_path_never_accepts_what_phonenumbers_rejects() -> None:
    rng = random.Random(7)
    accepted = 0
    for _ in range(3000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 12)))
        text = rng.choice(["0", "+31 ", "0031"]) + digits
        if rng.random() < 0.5:
            text = text[:4] + " " + text[4:]
        if _plainly_valid(text):
            accepted += 1
            assert full_check(text), text
    assert accepted > 100  # the fast path is actually used
