"""Phone-number checks: the only module that imports ``phonenumbers``.

Numbers are kept exactly as written (people dial what they read); this only
says whether a number can be dialled. Results are cached by value because
the same switchboard number appears on many contacts.

Speed: ``phonenumbers.parse`` + ``is_valid_number`` cost ~130 µs a number, most
of ``valideer``'s time at 10,000 partners. Plainly written Dutch numbers
(``071 512 34 56``, ``+31 6 1234 5678``) take a fast path that applies the same
metadata (the number plan's patterns and lengths for NL) without the parsing;
anything else, and every number the fast path does not accept, goes through
phonenumbers in full, which also gives the reason.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

# Numbers phonenumbers does not call valid but a Dutch crisis list needs:
# 112, and the municipal 14 + area code numbers ("14 071").
_SHORT = re.compile(r"^(112|14\s?0\d{2,3})$", re.ASCII)
# a Dutch number with trunk prefix 0 or country code, then digits, spaces and dashes only
_PLAIN_DUTCH = re.compile(r"(?:0|\+31 ?|0031 ?)([1-9][0-9 -]{4,16})", re.ASCII)
# the number types that make phonenumbers call a number valid (see _number_type_helper)
_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
)


@cache
def _dutch_plan() -> tuple[Any, list[tuple[Any, tuple[int, ...]]]]:
    """The NL number plan from phonenumbers' metadata: (general pattern+lengths, [(pattern, lengths)])."""
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region("NL")
    if metadata is None:  # pragma: no cover - NL is always in phonenumbers' metadata
        return None, []

    def compiled(desc: Any) -> tuple[Any, tuple[int, ...]] | None:
        if desc is None or not desc.national_number_pattern:
            return None
        return re.compile(desc.national_number_pattern), tuple(desc.possible_length or ())

    general = compiled(metadata.general_desc)
    types = [c for name in _TYPES if (c := compiled(getattr(metadata, name, None))) is not None]
    return general, types


def _plainly_valid(text: str) -> bool:
    """True only when ``text`` is a plainly written Dutch number that phonenumbers calls valid."""
    match = _PLAIN_DUTCH.fullmatch(text)
    if match is None:
        return False
    national = match.group(1).replace(" ", "").replace("-", "")
    general, types = _dutch_plan()

    def matches(desc: tuple[Any, tuple[int, ...]]) -> bool:
        pattern, lengths = desc
        return (not lengths or len(national) in lengths) and pattern.fullmatch(national) is not None

    return general is not None and matches(general) and any(matches(desc) for desc in types)


@lru_cache(maxsize=8192)
def phone_problem(text: str) -> str | None:
    """None when ``text`` is a valid Dutch or international number, else why not (Dutch)."""
    stripped = text.strip()
    if _SHORT.match(stripped) or _plainly_valid(stripped):
        return None
    import phonenumbers  # imported here: only `valideer` and `signalen` pay for it

    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return "is geen telefoonnummer"
    if not phonenumbers.is_valid_number(number):
        if not phonenumbers.is_possible_number(number):
            return "heeft niet het juiste aantal cijfers"
        return "bestaat niet in het nummerplan"
    return None
