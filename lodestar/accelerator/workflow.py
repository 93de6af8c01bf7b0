"""The lifecycle of a test-day booking, as data (see core/workflow.py).

A booking is made `requested` when the centre has a place on every one of its days, or `waitlisted`
when it has not. A centre that needs no approval confirms it at once (a system move, audited like
any other); otherwise its operator confirms or refuses it. A requested or confirmed booking holds
its places (one `BookingDay` row per day); refusing or cancelling it frees them, and the waitlist
is promoted in the order the requests came in.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lodestar.accelerator.access import operates
from lodestar.core.workflow import Transition, Workflow, platform_only
from lodestar.organisations.models import is_member


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("a booking", "Requested")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CONFIRMED = "confirmed", pgettext_lazy("a booking", "Confirmed")
    REFUSED = "refused", pgettext_lazy("a booking", "Refused")
    CANCELLED = "cancelled", pgettext_lazy("a booking", "Cancelled")


# Hold places on the centre's days (a BookingDay row per day).
HOLDING = frozenset({BookingStatus.REQUESTED, BookingStatus.CONFIRMED})
# Draw down the company's allowance: the waitlisted too, so that a promotion never overdraws it.
DRAWING = frozenset({BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED})
# Waiting for the operator.
PENDING = frozenset({BookingStatus.REQUESTED})
CLOSED = frozenset({BookingStatus.REFUSED, BookingStatus.CANCELLED})


def operator_of_centre(actor: Any, booking: Any) -> bool:
    return operates(actor, booking.centre)


def company_or_operator(actor: Any, booking: Any) -> bool:
    return is_member(booking.organisation_id, actor) or operates(actor, booking.centre)


BOOKING_WORKFLOW = Workflow(
    name="booking",
    states=dict(BookingStatus.choices),
    transitions=(
        Transition(PENDING, BookingStatus.CONFIRMED, _("Confirm the booking"), operator_of_centre),
        Transition(
            frozenset({BookingStatus.REQUESTED, BookingStatus.WAITLISTED}),
            BookingStatus.REFUSED,
            _("Refuse the booking"),
            operator_of_centre,
        ),
        Transition(DRAWING, BookingStatus.CANCELLED, _("Cancel the booking"), company_or_operator),
        # A place freed: the platform promotes the waitlist, in order (system moves).
        Transition(
            frozenset({BookingStatus.WAITLISTED}),
            BookingStatus.REQUESTED,
            _("Promote from the waitlist"),
            platform_only,
        ),
    ),
    groups={"holding": HOLDING, "drawing": DRAWING, "pending": PENDING, "closed": CLOSED},
    # The demo loads a year of bookings in their final states with bulk_create (demo/bookings.py).
    initial=frozenset({BookingStatus.REQUESTED, BookingStatus.WAITLISTED, BookingStatus.CONFIRMED}),
)
