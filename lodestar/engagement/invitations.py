"""Calendar invitations for events (RFC 5545 through `icalendar`, pinned in pyproject.toml), sent by
mail in the registrant's language. A registered place is a CONFIRMED event, one awaiting approval or
on the waitlist TENTATIVE, a cancelled or declined one CANCELLED; the same UID and a rising SEQUENCE
make a calendar client update the event it already holds instead of adding a second one."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from lodestar.core.mail import send_letter
from lodestar.engagement import workflow as wf
from lodestar.engagement.models import Event, Registration

PRODID = "-//Lodestar//Dialogues and events//EN"

STATUS = {
    wf.RegistrationStatus.REGISTERED: "CONFIRMED",
    wf.RegistrationStatus.PENDING: "TENTATIVE",
    wf.RegistrationStatus.WAITLISTED: "TENTATIVE",
    wf.RegistrationStatus.DECLINED: "CANCELLED",
    wf.RegistrationStatus.CANCELLED: "CANCELLED",
}


def _location(event: Event) -> str:
    if event.online:
        return _("Online")
    return ", ".join(part for part in (event.venue, event.city, event.nation_name) if part)


def invitation_ics(registration: Registration) -> bytes:
    """The invitation of one registration, in the active language."""
    event = registration.event
    ended = registration.status in wf.ENDED or event.status == wf.EventStatus.CANCELLED
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if ended else "REQUEST")
    item = CalendarEvent()
    item.add("uid", f"{event.uid}-{registration.pk}@lodestar")
    item.add("sequence", event.sequence + registration.sequence)
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    item.add("location", _location(event))
    lines = [event.summary]
    for agenda in event.agenda.all():
        lines.append(f"{timezone.localtime(agenda.starts_at):%H:%M} {agenda.title}")
    lines.append(f"{settings.SITE_URL}/{translation.get_language() or 'en'}/engagement/events/{event.pk}/")
    item.add("description", "\n".join(line for line in lines if line))
    item.add("status", "CANCELLED" if ended else STATUS[wf.RegistrationStatus(registration.status)])
    item.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    if registration.user_id and registration.user:
        item.add("attendee", f"mailto:{registration.user.email}", parameters={"ROLE": "REQ-PARTICIPANT"})
    cal.add_component(item)
    return bytes(cal.to_ical())


def send_invitation(registration: Registration) -> None:
    """Tell the registrant where their registration stands, with the calendar file, in their language."""
    user = registration.user
    if user is None:
        return
    with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
        ics = invitation_ics(registration)
    send_letter(
        user,
        "event_registration",
        {"registration": registration, "event": registration.event},
        attachments=[("invitation.ics", ics, "text/calendar; method=REQUEST")],
    )
