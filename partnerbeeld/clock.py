"""The reference date (peildatum): today, unless fixed for reproducible output.

Order: an explicit date, then SOURCE_DATE_EPOCH (the reproducible-builds
convention), then the local date. Tests pass a date; nothing else reads the clock.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from partnerbeeld.errors import UsageError


def reference_date(explicit: dt.date | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    if explicit is not None:
        return explicit
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (ValueError, OverflowError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH is geen geldig tijdstip: {epoch!r}.",
                "Geef een aantal seconden sinds 1970-01-01, of gebruik --peildatum JJJJ-MM-DD.",
            ) from None
    return dt.date.today()


def parse_date(text: str) -> dt.date:
    """A --peildatum value; Dutch message on a bad one."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"'{text}' is geen geldige datum.", "Schrijf de datum als JJJJ-MM-DD, bijv. 2026-11-28."
        ) from None
