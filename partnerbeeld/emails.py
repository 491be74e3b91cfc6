"""E-mail address checks: the only module that imports ``email_validator``.

Syntax only: no DNS look-ups (CI has no network, and fictional example.nl
addresses must pass).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def email_problem(text: str) -> str | None:
    """None when ``text`` is a syntactically valid address, else why not (Dutch)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return "is geen geldig e-mailadres"
    return None
