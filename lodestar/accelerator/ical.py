"""Calendar files: an invitation per booking and a feed per centre (RFC 5545, through `icalendar`).

`icalendar` (pinned in pyproject.toml) does the escaping, line folding and the UTC stamps that
calendar clients are strict about; a hand-written file gets commas, semicolons and 75-octet lines
wrong. Bookings are whole days, so events are all-day (DATE values): no time zone can shift them to
the day before in a client elsewhere. The opening hours are in the description.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.models import Booking, Centre

PRODID = "-//Lodestar//Accelerator bookings//EN"

EVENT_STATUS = {
    wf.BookingStatus.CONFIRMED: "CONFIRMED",
    wf.BookingStatus.REQUESTED: "TENTATIVE",
    wf.BookingStatus.WAITLISTED: "TENTATIVE",
    wf.BookingStatus.REFUSED: "CANCELLED",
    wf.BookingStatus.CANCELLED: "CANCELLED",
}


def _calendar(name: str, method: str | None = None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    cal.add("x-wr-calname", name)
    return cal


def _event(booking: Booking, centre: Centre, with_company: bool) -> Event:
    event = Event()
    event.add("uid", f"{booking.uid}@lodestar")
    event.add("sequence", booking.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.starts_on)
    event.add("dtend", booking.ends_on + timedelta(days=1))  # DTEND of an all-day event is exclusive
    summary = _("Test days at %(centre)s") % {"centre": centre.name}
    if with_company:
        summary = f"{summary} · {booking.organisation.legal_name}"
    event.add("summary", summary)
    event.add("location", f"{centre.name}, {centre.city}, {centre.nation_name}")
    event.add(
        "description",
        _("%(status)s. %(days)d test days; the centre is open %(opens)s–%(closes)s (%(tz)s).")
        % {
            "status": booking.status_label,
            "days": booking.days,
            "opens": centre.opens_at.strftime("%H:%M"),
            "closes": centre.closes_at.strftime("%H:%M"),
            "tz": centre.time_zone,
        },
    )
    event.add("status", EVENT_STATUS[wf.BookingStatus(booking.status)])
    event.add("transp", "OPAQUE")
    return event


def booking_invitation(booking: Booking) -> bytes:
    """The invitation for one booking (METHOD:REQUEST; CANCEL once refused or cancelled), so that
    opening the file again after a change updates the same event in the company's calendar."""
    cancelled = booking.status in wf.CLOSED
    cal = _calendar(booking.centre.name, "CANCEL" if cancelled else "REQUEST")
    cal.add_component(_event(booking, booking.centre, with_company=True))
    return bytes(cal.to_ical())


def centre_feed(centre: Centre, bookings: Iterable[Booking]) -> bytes:
    """The feed of a centre: every booking that holds days there (requested ones as tentative)."""
    cal = _calendar(centre.name)
    for booking in bookings:
        cal.add_component(_event(booking, centre, with_company=True))
    return bytes(cal.to_ical())
