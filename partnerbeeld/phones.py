"""Phone-number checks: the only module that imports ``phonenumbers``.

Numbers are kept exactly as written (people dial what they read); this only
says whether a number can be dialled. Results are cached by value because
the same switchboard number appears on many contacts.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Numbers phonenumbers does not call valid but a Dutch crisis list needs:
# 112, and the municipal 14 + area code numbers ("14 071").
_SHORT = re.compile(r"^(112|14\s?0\d{2,3})$")


@lru_cache(maxsize=4096)
def phone_problem(text: str) -> str | None:
    """None when ``text`` is a valid Dutch or international number, else why not (Dutch)."""
    if _SHORT.match(text.strip()):
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
