"""A funded workshop, institute or course is an engagement event: one events machinery (agenda,
speakers, registration with capacity and waitlist, attendance, iCalendar invitations, minutes) for
the dialogues and for the science grants. Once an activity grant is approved, its organisers (the
co-directors' organisation and the programme team) open its event; they then run it from the event's
own pages, beside the engagement officers (`runs_event`, registered in apps.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lodestar.core.permissions import may_act
from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.core.workflow import record
from lodestar.engagement import actions as engagement
from lodestar.engagement import workflow as engagement_wf
from lodestar.engagement.models import Event, EventKind
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.models import Mechanism, Proposal


def event_kind(mechanism: Mechanism) -> str:
    """A research workshop is a workshop; a study institute and a training course are courses."""
    return EventKind.WORKSHOP if "workshop" in mechanism.code else EventKind.COURSE


def may_organise(proposal: Proposal, user: Any) -> bool:
    """The co-directors' organisation and the programme team organise a funded event."""
    if not getattr(user, "is_authenticated", False):
        return False
    return proposal.is_member(user) or may_act(user, PROGRAMME_TEAM, proposal)


def organises(proposal: Proposal) -> bool:
    """Whether the proposal funds an event: an approved workshop, institute or course."""
    return not proposal.mechanism.is_project and proposal.status == wf.APPROVED


def runs_event(user: Any, event: Event) -> bool:
    """The engagement app's test of who else runs an event (engagement.workflow.EVENT_ORGANISERS)."""
    proposal = (
        Proposal.objects.select_related("partner_call__call__programme", "mechanism")
        .filter(event_id=event.pk)
        .first()
    )
    return proposal is not None and may_organise(proposal, user)


def check_open_event(
    proposal: Proposal,
    actor: Any,
    *,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int,
    needs_approval: bool = False,
    title_en: str = "",
    title_fr: str = "",
    summary_en: str = "",
    summary_fr: str = "",
) -> Event:
    """Open the event of an approved workshop or course, open for registration at once, with the
    co-directors' organisation as its partner (so it shows on that organisation's profile). Its title
    in each language is the organisers' (the proposal's own title where they leave one blank)."""
    if not may_organise(proposal, actor):
        raise PermissionDenied(_("Only the co-directors' organisation or programme staff may do this."))
    if not organises(proposal):
        raise ValidationError(_("Only an approved workshop, institute or course has an event."))
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().select_related("mechanism").get(pk=proposal.pk)
        if locked.event_id is not None:
            raise ValidationError(_("This grant's event is already open."))
        event = engagement.do_create_event(
            kind=event_kind(locked.mechanism),
            title_en=(title_en.strip() or locked.title)[:200],
            title_fr=(title_fr.strip() or locked.title)[:200],
            summary_en=summary_en.strip(),
            summary_fr=summary_fr.strip(),
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
            venue=locked.venue,
            partner=locked.organisation,
            needs_approval=needs_approval,
            starts_in=engagement_wf.EventStatus.PUBLISHED,
            actor=actor,
        )
        Proposal.objects.filter(pk=locked.pk).update(event=event)
        record(locked, action="partner_proposal:event", actor=actor, note=event.title)
    proposal.event = event
    return event
