"""The reference date (peildatum): today, unless fixed for reproducible output.

Order: an explicit date, then SOURCE_DATE_EPOCH (the reproducible-builds
convention), then the local date. Tests pass a date; nothing else reads the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

from partnerbeeld.infra.errors import Remedy, UsageError


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
                "Geef een aantal seconden sinds 1970-01-01.",
                remedy=Remedy.REFERENCE_DATE,
            ) from None
    return dt.date.today()


# Exactly what the help says, JJJJ-MM-DD: `date.fromisoformat` also takes 20260101 and
# 2026-W01-1, forms nobody means to type and nobody reading a command line recognises.
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(text: str) -> dt.date:
    """A --peildatum value (exactly JJJJ-MM-DD); Dutch message on a bad one."""
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"'{text}' is geen geldige datum.", "Schrijf de datum als JJJJ-MM-DD, bijv. 2026-11-28."
        ) from None


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, saturating at the calendar's ends (9999-12-31, 0001-01-01).

    A date near the end of the calendar is legal data (a placeholder like 9999-01-20);
    a reminder due after 9999-12-31 is simply never due, not a crash.
    """
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
