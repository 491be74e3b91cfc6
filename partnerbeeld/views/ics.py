"""The agenda as iCalendar (RFC 5545): the only module that imports ``icalendar``.

All-day events (``DTSTART;VALUE=DATE``) with the stable UIDs of ``agenda``.
DTSTAMP is required by the RFC; it is the reference date at midnight UTC, not
the clock, so the same data and date give the same bytes (reproducible sites).
"""

from __future__ import annotations

import datetime as dt

from partnerbeeld.agenda import AgendaItem
from partnerbeeld.gitinfo import DataVersion

PRODID = "-//partnerbeeld//agenda//NL"


def as_ics(items: list[AgendaItem], name: str, today: dt.date, version: DataVersion) -> bytes:
    """One VCALENDAR with a VEVENT per item; ``name`` is the calendar's display name."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        event.add(
            "description",
            f"{item.description}\nUiterlijk: {item.due.isoformat()}.\n"
            f"Peildatum {today.isoformat()} · dataversie {version.label}.",
        )
        event.add("categories", ["partnerbeeld", item.kind])
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not block the day
        calendar.add_component(event)
    return bytes(calendar.to_ical())
