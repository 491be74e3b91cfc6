"""The agenda as iCalendar (RFC 5545): the only module that imports ``icalendar``.

All-day events (``DTSTART;VALUE=DATE``) with the stable UIDs of ``agenda``.
DTSTAMP is required by the RFC; it is the reference date at midnight UTC, not
the clock, so the same data and date give the same bytes (reproducible sites).
"""

from __future__ import annotations

import datetime as dt

from partnerbeeld.answers.agenda import AgendaItem
from partnerbeeld.infra.gitinfo import DataVersion

PRODID = "-//partnerbeeld//agenda//NL"
_END = b"END:VCALENDAR\r\n"


def as_ics(
    items: list[AgendaItem],
    name: str,
    today: dt.date,
    version: DataVersion,
    rendered: dict[str, bytes] | None = None,
) -> bytes:
    """One VCALENDAR with a VEVENT per item; ``name`` is the calendar's display name.

    ``rendered``: events already serialised, by UID, to reuse (the site writes every
    event twice: in the agenda of everyone and in its account holder's).
    """
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    head = bytes(calendar.to_ical())
    cache = {} if rendered is None else rendered
    events = []
    for item in items:
        if item.uid not in cache:
            cache[item.uid] = _event(item, today, version)
        events.append(cache[item.uid])
    # icalendar writes the calendar's own lines; the events, each serialised by icalendar once,
    # go in before its closing line, exactly where Calendar.to_ical would put them
    return head[: -len(_END)] + b"".join(events) + _END


def _event(item: AgendaItem, today: dt.date, version: DataVersion) -> bytes:
    from icalendar import Event

    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC))
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
    return bytes(event.to_ical())
