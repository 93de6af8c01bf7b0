"""Reading the engagement app: what each person may see. Pages and the API look objects up here, so
an object outside a person's reach is a 404."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from lodestar.engagement import workflow as wf
from lodestar.engagement.access import is_officer
from lodestar.engagement.models import Contribution, Event, FollowUp, Invitation, Person, Registration


def visible_events(user: Any) -> QuerySet[Event]:
    """Officers see every event; others the published ones, and invitation-only ones only when
    invited (by their address) or already registered: the uninvited never learn they exist."""
    events = Event.objects.all()
    if is_officer(user):
        return events
    events = events.filter(status__in=wf.EVENT_VISIBLE)
    if not getattr(user, "is_authenticated", False):
        return events.filter(invitation_only=False)
    invited = Invitation.objects.filter(event=OuterRef("pk"), email__iexact=user.email)
    registered = Registration.objects.filter(event=OuterRef("pk"), user=user)
    return events.filter(Q(invitation_only=False) | Exists(invited) | Exists(registered))


def can_see_event(event: Event, user: Any) -> bool:
    return visible_events(user).filter(pk=event.pk).exists()


def own_registrations(user: Any) -> QuerySet[Registration]:
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    return Registration.objects.filter(user=user)


def reachable_registrations(user: Any) -> QuerySet[Registration]:
    """A registration is read by its registrant and the officers."""
    return Registration.objects.all() if is_officer(user) else own_registrations(user)


def reachable_people(user: Any) -> QuerySet[Person]:
    """Officers keep the directory of people; anyone else reaches only their own record."""
    if is_officer(user):
        return Person.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Person.objects.none()
    return Person.objects.filter(user=user)


def public_contributions() -> QuerySet[Contribution]:
    return Contribution.objects.filter(status=wf.ContributionStatus.PUBLISHED)


def reachable_contributions(user: Any) -> QuerySet[Contribution]:
    """Published ones for everyone; the author's own at any status; every one for officers."""
    if is_officer(user):
        return Contribution.objects.all()
    if not getattr(user, "is_authenticated", False):
        return public_contributions()
    return Contribution.objects.filter(Q(status=wf.ContributionStatus.PUBLISHED) | Q(author=user))


def reachable_follow_ups(user: Any) -> QuerySet[FollowUp]:
    if is_officer(user):
        return FollowUp.objects.all()
    if not getattr(user, "is_authenticated", False):
        return FollowUp.objects.none()
    return FollowUp.objects.filter(owner=user)
