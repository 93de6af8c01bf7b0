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

from lodestar.accelerator.access import operates, runs_cohort, speaks_for
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


# --- Cohorts ----------------------------------------------------------------------------------------
# A cohort is formed from a confirmed selection (its companies join it then), runs its accelerator
# months, and is closed when the programme ends; a closed cohort is kept as history.


class CohortStatus(models.TextChoices):
    FORMING = "forming", _("Being formed")
    RUNNING = "running", pgettext_lazy("a cohort", "Running")
    CLOSED = "closed", pgettext_lazy("a cohort", "Closed")


COHORT_WORKFLOW = Workflow(
    name="cohort",
    states=dict(CohortStatus.choices),
    transitions=(
        Transition(
            frozenset({CohortStatus.FORMING}), CohortStatus.RUNNING, _("Start the cohort"), runs_cohort
        ),
        Transition(
            frozenset({CohortStatus.RUNNING}), CohortStatus.CLOSED, _("Close the cohort"), runs_cohort
        ),
    ),
    groups={"open": frozenset({CohortStatus.FORMING, CohortStatus.RUNNING})},
    initial=frozenset({CohortStatus.FORMING}),
)


# --- The road to adoption -----------------------------------------------------------------------------
# One case per company and nation: an end user's interest, a pilot agreed, a field test, the
# procurement route chosen, the contract signed. Each step is dated; a case may stop at any step.


class AdoptionStatus(models.TextChoices):
    INTEREST = "interest", _("Interest expressed")
    PILOT_AGREED = "pilot_agreed", _("Pilot agreed")
    FIELD_TEST = "field_test", _("Field test")
    ROUTE_CHOSEN = "route_chosen", _("Procurement route chosen")
    CONTRACT_SIGNED = "contract_signed", _("Contract signed")
    STOPPED = "stopped", pgettext_lazy("an adoption case", "Stopped")


# The steps in order, each with the date field that records when it was reached.
ADOPTION_STEPS: tuple[tuple[str, str], ...] = (
    (AdoptionStatus.INTEREST, "interest_on"),
    (AdoptionStatus.PILOT_AGREED, "pilot_agreed_on"),
    (AdoptionStatus.FIELD_TEST, "field_test_on"),
    (AdoptionStatus.ROUTE_CHOSEN, "route_chosen_on"),
    (AdoptionStatus.CONTRACT_SIGNED, "contract_signed_on"),
)
ADOPTION_OPEN = frozenset(
    {
        AdoptionStatus.INTEREST,
        AdoptionStatus.PILOT_AGREED,
        AdoptionStatus.FIELD_TEST,
        AdoptionStatus.ROUTE_CHOSEN,
    }
)


def end_user_or_cohort_team(actor: Any, case: Any) -> bool:
    """An end user of the case's nation, or the team running the company's cohort."""
    return speaks_for(actor, case.nation) or runs_cohort(actor, case.company.cohort)


def _step(source: str, target: str, label: Any) -> Transition:
    return Transition(frozenset({source}), target, label, end_user_or_cohort_team)


ADOPTION_WORKFLOW = Workflow(
    name="adoption",
    states=dict(AdoptionStatus.choices),
    transitions=(
        _step(AdoptionStatus.INTEREST, AdoptionStatus.PILOT_AGREED, _("Agree a pilot")),
        _step(AdoptionStatus.PILOT_AGREED, AdoptionStatus.FIELD_TEST, _("Start the field test")),
        _step(AdoptionStatus.FIELD_TEST, AdoptionStatus.ROUTE_CHOSEN, _("Choose the procurement route")),
        _step(AdoptionStatus.ROUTE_CHOSEN, AdoptionStatus.CONTRACT_SIGNED, _("Record the signed contract")),
        Transition(ADOPTION_OPEN, AdoptionStatus.STOPPED, _("Stop"), end_user_or_cohort_team),
    ),
    groups={"open": ADOPTION_OPEN},
    initial=frozenset({AdoptionStatus.INTEREST}),
)


# --- Demo day invitations -----------------------------------------------------------------------------


class InvitationStatus(models.TextChoices):
    INVITED = "invited", pgettext_lazy("an invitation", "Invited")
    ACCEPTED = "accepted", pgettext_lazy("an invitation", "Coming")
    DECLINED = "declined", pgettext_lazy("an invitation", "Not coming")


def is_invitee(actor: Any, invitation: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and invitation.invitee_id == actor.pk)


INVITATION_WORKFLOW = Workflow(
    name="demo_day_invitation",
    states=dict(InvitationStatus.choices),
    transitions=(
        Transition(
            frozenset({InvitationStatus.INVITED, InvitationStatus.DECLINED}),
            InvitationStatus.ACCEPTED,
            _("Accept the invitation"),
            is_invitee,
        ),
        Transition(
            frozenset({InvitationStatus.INVITED, InvitationStatus.ACCEPTED}),
            InvitationStatus.DECLINED,
            _("Decline the invitation"),
            is_invitee,
        ),
    ),
    groups={"answered": frozenset({InvitationStatus.ACCEPTED, InvitationStatus.DECLINED})},
    initial=frozenset({InvitationStatus.INVITED}),
)
