"""Booking test days: request (or join the waitlist), confirm, refuse, cancel, and the waitlist's
promotion. Every action runs in one transaction that locks the centre's row first, so that requests
for one centre queue one behind the other; the unique (centre, day, slot) constraint on BookingDay
is the database's own guarantee of the same rule (see models/bookings.py).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.access import is_network_staff
from lodestar.accelerator.models import Allowance, Booking, BookingDay, Centre
from lodestar.accelerator.opening import open_days
from lodestar.core.mail import send_letter
from lodestar.core.workflow import ACTION_LABELS, record, transition
from lodestar.organisations.models import Organisation, is_member

ACTION_LABELS["booking:joined_waitlist"] = gettext_lazy("Joined the waitlist: the centre was full")

Status = wf.BookingStatus


def check_booking_rules(
    centre: Centre, starts_on: date, ends_on: date, today: date | None = None
) -> list[date]:
    """The days a booking from `starts_on` to `ends_on` would hold, or ValidationError saying which
    of the centre's rules it breaks."""
    today = today or timezone.localdate()
    if not centre.is_active:
        raise ValidationError(_("This centre takes no bookings at the moment."))
    if ends_on < starts_on:
        raise ValidationError(_("The last day comes before the first."))
    if starts_on < today + timedelta(days=centre.min_notice_days):
        raise ValidationError(
            _("This centre needs %(days)d days' notice: the first day can be %(date)s at the earliest.")
            % {"days": centre.min_notice_days, "date": today + timedelta(days=centre.min_notice_days)}
        )
    if (ends_on - starts_on).days > 366:
        raise ValidationError(_("A booking cannot span more than a year."))
    days = open_days(centre, starts_on, ends_on)
    if not days:
        raise ValidationError(_("The centre is closed on every one of these days."))
    if days[0] != starts_on:
        raise ValidationError(_("The centre is closed on the first day you chose."))
    if len(days) > centre.max_days:
        raise ValidationError(
            _("This centre takes bookings of at most %(max)d days; these dates hold %(n)d.")
            % {"max": centre.max_days, "n": len(days)}
        )
    return days


def days_left(organisation: Organisation, year: int) -> int | None:
    """Test days the company may still book in `year`; None when it has no allowance that year."""
    allowance = Allowance.objects.filter(organisation=organisation, year=year).first()
    if allowance is None:
        return None
    return allowance.days - _days_drawn(organisation, year)


def _days_drawn(organisation: Organisation, year: int) -> int:
    drawn = Booking.objects.filter(
        organisation=organisation, status__in=wf.DRAWING, starts_on__year=year
    ).aggregate(n=Sum("days"))["n"]
    return int(drawn or 0)


def _free_slots(centre: Centre, days: list[date]) -> dict[date, int] | None:
    """A free place (slot number) on each of `days`, or None when one day is full. Call while
    holding the centre's row lock."""
    taken: dict[date, set[int]] = defaultdict(set)
    for day, slot in BookingDay.objects.filter(centre=centre, day__in=days).values_list("day", "slot"):
        taken[day].add(slot)
    slots = {}
    for day in days:
        free = [n for n in range(1, centre.capacity + 1) if n not in taken[day]]
        if not free:
            return None
        slots[day] = free[0]
    return slots


def _hold(booking: Booking, slots: dict[date, int]) -> None:
    BookingDay.objects.bulk_create(
        BookingDay(centre_id=booking.centre_id, booking=booking, day=day, slot=slot)
        for day, slot in slots.items()
    )


def _locked_centre(centre_id: int) -> Centre:
    return Centre.objects.select_for_update().get(pk=centre_id)


def check_request_booking(
    centre: Centre,
    organisation: Organisation,
    actor: Any,
    starts_on: date,
    ends_on: date,
    purpose: str = "",
    today: date | None = None,
) -> Booking:
    """Book test days at `centre` for `organisation`: requested when every day has a place (and at
    once confirmed when the centre needs no approval), on the waitlist when one is full. Refused
    with ValidationError when a rule of the centre is broken or the company's allowance for the
    year would be overdrawn; the allowance is read and drawn in the same transaction."""
    if not (is_member(organisation.pk, actor) or is_network_staff(actor)):
        raise PermissionDenied(_("Only a member of the company may book for it."))
    days = check_booking_rules(centre, starts_on, ends_on, today)
    with transaction.atomic():
        centre = _locked_centre(centre.pk)
        allowance = (
            Allowance.objects.select_for_update()
            .filter(organisation=organisation, year=starts_on.year)
            .first()
        )
        if allowance is None:
            raise ValidationError(
                _("Your company has no test-day allowance for %(year)d.") % {"year": starts_on.year}
            )
        left = allowance.days - _days_drawn(organisation, starts_on.year)
        if len(days) > left:
            raise ValidationError(
                _("This booking needs %(n)d test days and your company has %(left)d left for %(year)d.")
                % {"n": len(days), "left": max(left, 0), "year": starts_on.year}
            )
        slots = _free_slots(centre, days)
        booking = Booking.objects.create(
            centre=centre,
            organisation=organisation,
            requested_by=actor if getattr(actor, "is_authenticated", False) else None,
            starts_on=starts_on,
            ends_on=days[-1],
            days=len(days),
            purpose=purpose,
            status=Status.REQUESTED if slots else Status.WAITLISTED,
        )
        if slots is None:
            record(booking, action="booking:joined_waitlist", actor=actor)
            return booking
        _hold(booking, slots)
        if not centre.needs_approval:
            transition(
                booking, Status.CONFIRMED, actor, _("Confirmed at once: no approval needed."), system=True
            )
            _tell(booking)
        return booking


def _tell(booking: Booking) -> None:
    """Write to whoever asked for the booking, in their language, once the transaction commits."""
    if booking.requested_by_id is None:
        return
    transaction.on_commit(lambda: send_letter(booking.requested_by, "booking_decided", {"booking": booking}))


def _locked_booking(booking: Booking) -> tuple[Centre, Booking]:
    centre = _locked_centre(booking.centre_id)
    return centre, Booking.objects.select_for_update().get(pk=booking.pk)


def check_confirm_booking(booking: Booking, actor: Any, note: str = "") -> Booking:
    """The operator confirms a requested booking (its places are already held)."""
    with transaction.atomic():
        _centre, booking = _locked_booking(booking)
        booking.decided_at = timezone.now()
        booking.sequence += 1
        booking.note = note
        transition(booking, Status.CONFIRMED, actor, note, also_save=["decided_at", "sequence", "note"])
        _tell(booking)
    return booking


def check_refuse_booking(booking: Booking, actor: Any, note: str = "") -> Booking:
    """The operator refuses a requested or waitlisted booking; its places go to the waitlist."""
    return _close(booking, Status.REFUSED, actor, note)


def check_cancel_booking(booking: Booking, actor: Any, note: str = "") -> Booking:
    """The company (or the operator) cancels a booking; its places go to the waitlist."""
    return _close(booking, Status.CANCELLED, actor, note)


def _close(booking: Booking, to: str, actor: Any, note: str) -> Booking:
    with transaction.atomic():
        centre, booking = _locked_booking(booking)
        held = booking.status in wf.HOLDING
        booking.decided_at = timezone.now()
        booking.note = note
        booking.sequence += 1
        transition(booking, to, actor, note, also_save=["decided_at", "note", "sequence"])
        if to == Status.REFUSED:
            _tell(booking)
        if held:
            BookingDay.objects.filter(booking=booking).delete()
            do_promote_waitlist(centre, booking.starts_on, booking.ends_on, actor)
    return booking


def do_promote_waitlist(centre: Centre, starts_on: date, ends_on: date, actor: Any) -> list[Booking]:
    """Give freed places to the waitlisted bookings of `centre` that overlap these days, in the order
    they were requested; a booking that still does not fit keeps its place in the queue while a
    later one that fits goes ahead. Call while holding the centre's row lock."""
    promoted = []
    waiting = Booking.objects.filter(
        centre=centre, status=Status.WAITLISTED, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).order_by("created_at", "pk")
    for booking in waiting:
        days = open_days(centre, booking.starts_on, booking.ends_on)
        slots = _free_slots(centre, days) if days else None
        if slots is None:
            continue
        _hold(booking, slots)
        booking.days = len(days)
        transition(booking, Status.REQUESTED, actor, _("A place was freed."), system=True, also_save=["days"])
        if not centre.needs_approval:
            transition(
                booking, Status.CONFIRMED, actor, _("Confirmed at once: no approval needed."), system=True
            )
        _tell(booking)
        promoted.append(booking)
    return promoted
