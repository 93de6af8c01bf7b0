"""The lifecycles of the engagement app, as data (see core/workflow.py).

Events are drafted, published (registration open), closed to registration, held, or cancelled.
A registration holds a place while it is `pending` (waiting for the officer's approval) or
`registered`; a full event puts the next ones on the waitlist, promoted in arrival order when a place
frees. Contributions arrive `submitted`, and an officer publishes or hides them (with a reason the
author reads). Follow-up actions are open, under way, done or dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lodestar.core.roles import Role
from lodestar.core.workflow import Transition, Workflow, platform_only

OFFICERS = frozenset({Role.ENGAGEMENT_OFFICER, Role.ADMINISTRATOR})


def officer(actor: Any, obj: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and actor.has_role(*OFFICERS))


# Who else runs a given event besides the engagement officers: a higher app adds a test here in its
# AppConfig.ready() (partnerships: a partner grant's workshop is run by the co-directors' organisation
# and the programme team), so this app never names it. Each takes (user, event).
EVENT_ORGANISERS: list[Callable[[Any, Any], bool]] = []


def organiser(actor: Any, obj: Any) -> bool:
    """An officer, or someone a higher app says runs this event (`obj` an event or a registration)."""
    if officer(actor, obj):
        return True
    if not getattr(actor, "is_authenticated", False):
        return False
    event = getattr(obj, "event", obj)
    return any(test(actor, event) for test in EVENT_ORGANISERS)


def registrant_or_officer(actor: Any, registration: Any) -> bool:
    return organiser(actor, registration) or (
        getattr(actor, "is_authenticated", False) and registration.user_id == actor.pk
    )


def owner_or_officer(actor: Any, follow_up: Any) -> bool:
    return officer(actor, follow_up) or (
        getattr(actor, "is_authenticated", False) and follow_up.owner_id == actor.pk
    )


class EventStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("an event", "Draft")
    PUBLISHED = "published", _("Open for registration")
    CLOSED = "closed", _("Registration closed")
    HELD = "held", pgettext_lazy("an event", "Held")
    CANCELLED = "cancelled", pgettext_lazy("an event", "Cancelled")


# Shown to visitors (each still behind its own gates).
EVENT_VISIBLE = frozenset({EventStatus.PUBLISHED, EventStatus.CLOSED, EventStatus.HELD})
EVENT_OPEN = frozenset({EventStatus.PUBLISHED})

EVENT_WORKFLOW = Workflow(
    name="event",
    states=dict(EventStatus.choices),
    transitions=(
        Transition(
            frozenset({EventStatus.DRAFT, EventStatus.CLOSED}),
            EventStatus.PUBLISHED,
            _("Open registration"),
            organiser,
        ),
        Transition(EVENT_OPEN, EventStatus.CLOSED, _("Close registration"), organiser),
        Transition(
            frozenset({EventStatus.PUBLISHED, EventStatus.CLOSED}),
            EventStatus.HELD,
            _("Mark as held"),
            organiser,
        ),
        Transition(
            frozenset({EventStatus.DRAFT, EventStatus.PUBLISHED, EventStatus.CLOSED}),
            EventStatus.CANCELLED,
            _("Cancel the event"),
            organiser,
        ),
    ),
    groups={"visible": EVENT_VISIBLE, "open": EVENT_OPEN},
    # The demo builds past events already held, with bulk_create.
    initial=frozenset({EventStatus.DRAFT, EventStatus.PUBLISHED, EventStatus.HELD}),
)


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    REGISTERED = "registered", pgettext_lazy("a registration", "Registered")
    WAITLISTED = "waitlisted", _("On the waitlist")
    DECLINED = "declined", pgettext_lazy("a registration", "Declined")
    CANCELLED = "cancelled", pgettext_lazy("a registration", "Cancelled")


HOLDING = frozenset({RegistrationStatus.PENDING, RegistrationStatus.REGISTERED})
ACTIVE = HOLDING | {RegistrationStatus.WAITLISTED}
ENDED = frozenset({RegistrationStatus.DECLINED, RegistrationStatus.CANCELLED})

REGISTRATION_WORKFLOW = Workflow(
    name="registration",
    states=dict(RegistrationStatus.choices),
    transitions=(
        Transition(
            frozenset({RegistrationStatus.PENDING}), RegistrationStatus.REGISTERED, _("Approve"), organiser
        ),
        Transition(
            frozenset({RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED}),
            RegistrationStatus.DECLINED,
            _("Decline"),
            organiser,
        ),
        Transition(ACTIVE, RegistrationStatus.CANCELLED, _("Cancel the registration"), registrant_or_officer),
        # A place freed: the platform promotes the waitlist in order (system moves).
        Transition(
            frozenset({RegistrationStatus.WAITLISTED}),
            RegistrationStatus.PENDING,
            _("Promote from the waitlist (for approval)"),
            platform_only,
        ),
        Transition(
            frozenset({RegistrationStatus.WAITLISTED}),
            RegistrationStatus.REGISTERED,
            _("Promote from the waitlist"),
            platform_only,
        ),
    ),
    groups={"holding": HOLDING, "active": ACTIVE, "ended": ENDED},
    initial=frozenset(
        {RegistrationStatus.PENDING, RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED}
    ),
)


def place_state(needs_approval: bool) -> str:
    """Where a registration that gets a place goes: pending when the organisers approve each one."""
    return RegistrationStatus.PENDING if needs_approval else RegistrationStatus.REGISTERED


def registration_starts(full: bool, needs_approval: bool) -> str:
    """The state a new registration starts in: the waitlist when the event is full, else a place."""
    return RegistrationStatus.WAITLISTED if full else place_state(needs_approval)


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("a consultation", "Draft")
    OPEN = "open", pgettext_lazy("a consultation", "Open")
    CLOSED = "closed", pgettext_lazy("a consultation", "Closed")


CONSULTATION_WORKFLOW = Workflow(
    name="consultation",
    states=dict(ConsultationStatus.choices),
    transitions=(
        Transition(
            frozenset({ConsultationStatus.DRAFT, ConsultationStatus.CLOSED}),
            ConsultationStatus.OPEN,
            _("Open the consultation"),
            officer,
        ),
        Transition(
            frozenset({ConsultationStatus.OPEN}),
            ConsultationStatus.CLOSED,
            _("Close the consultation"),
            officer,
        ),
    ),
    groups={"public": frozenset({ConsultationStatus.OPEN, ConsultationStatus.CLOSED})},
    initial=frozenset({ConsultationStatus.DRAFT, ConsultationStatus.OPEN}),
)


class ContributionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting moderation")
    PUBLISHED = "published", pgettext_lazy("a contribution", "Published")
    HIDDEN = "hidden", pgettext_lazy("a contribution", "Hidden")


CONTRIBUTION_WORKFLOW = Workflow(
    name="contribution",
    states=dict(ContributionStatus.choices),
    transitions=(
        Transition(
            frozenset({ContributionStatus.SUBMITTED, ContributionStatus.HIDDEN}),
            ContributionStatus.PUBLISHED,
            _("Publish"),
            officer,
        ),
        Transition(
            frozenset({ContributionStatus.SUBMITTED, ContributionStatus.PUBLISHED}),
            ContributionStatus.HIDDEN,
            _("Hide"),
            officer,
        ),
    ),
    groups={"public": frozenset({ContributionStatus.PUBLISHED})},
    # The demo loads moderated contributions with bulk_create.
    initial=frozenset(
        {ContributionStatus.SUBMITTED, ContributionStatus.PUBLISHED, ContributionStatus.HIDDEN}
    ),
)


class FollowUpStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("a follow-up", "Open")
    UNDER_WAY = "under_way", _("Under way")
    DONE = "done", pgettext_lazy("a follow-up", "Done")
    DROPPED = "dropped", pgettext_lazy("a follow-up", "Dropped")


FOLLOW_UP_PENDING = frozenset({FollowUpStatus.OPEN, FollowUpStatus.UNDER_WAY})

FOLLOW_UP_WORKFLOW = Workflow(
    name="follow_up",
    states=dict(FollowUpStatus.choices),
    transitions=(
        Transition(frozenset({FollowUpStatus.OPEN}), FollowUpStatus.UNDER_WAY, _("Start"), owner_or_officer),
        Transition(FOLLOW_UP_PENDING, FollowUpStatus.DONE, _("Mark as done"), owner_or_officer),
        Transition(FOLLOW_UP_PENDING, FollowUpStatus.DROPPED, _("Drop"), officer),
        Transition(
            frozenset({FollowUpStatus.DONE, FollowUpStatus.DROPPED}),
            FollowUpStatus.OPEN,
            _("Reopen"),
            officer,
        ),
    ),
    groups={"pending": FOLLOW_UP_PENDING},
    initial=frozenset({FollowUpStatus.OPEN, FollowUpStatus.UNDER_WAY, FollowUpStatus.DONE}),
)


class DuplicateStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("a duplicate pair", "To check")
    MERGED = "merged", pgettext_lazy("a duplicate pair", "Merged")
    DISMISSED = "dismissed", _("Not a duplicate")


DUPLICATE_WORKFLOW = Workflow(
    name="duplicate",
    states=dict(DuplicateStatus.choices),
    transitions=(
        Transition(frozenset({DuplicateStatus.OPEN}), DuplicateStatus.MERGED, _("Merge"), officer),
        Transition(
            frozenset({DuplicateStatus.OPEN}), DuplicateStatus.DISMISSED, _("Not a duplicate"), officer
        ),
    ),
    initial=frozenset({DuplicateStatus.OPEN}),
)
