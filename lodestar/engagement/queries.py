"""Reading the engagement app: what each person may see. Pages and the API look objects up here, so
an object outside a person's reach is a 404."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from lodestar.applications.models import Application
from lodestar.core.roles import FUND_TEAM
from lodestar.engagement import workflow as wf
from lodestar.engagement.access import is_officer
from lodestar.engagement.models import Contribution, Event, FollowUp, Invitation, Person, Registration
from lodestar.fund.models import Deal
from lodestar.grants.models import Award
from lodestar.organisations.models import Organisation, is_member


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


# --- An organisation's whole history with the alliance (read through each app's own models) --------


def organisation_history(organisation: Organisation, user: Any) -> dict[str, Any]:
    """What the alliance did with an organisation. Everyone signed in reads its events and published
    contributions; its applications and awards are read by officers and the organisation's own
    members; the fund's deals by officers and the fund team only."""
    officer = is_officer(user)
    member = is_member(organisation.pk, user)
    history: dict[str, Any] = {
        "events": list(
            Event.objects.filter(
                Q(partner=organisation)
                | Q(registrations__person__organisation=organisation, registrations__status__in=wf.HOLDING)
                | Q(agenda__speakers__organisation=organisation)
            )
            .filter(pk__in=visible_events(user).values("pk"))
            .distinct()
            .order_by("-starts_at")[:50]
        ),
        "contributions": list(
            reachable_contributions(user)
            .filter(organisation=organisation)
            .select_related("consultation")[:50]
        ),
        "applications": [],
        "awards": [],
        "deals": [],
    }
    if officer or member:
        history["applications"] = list(
            Application.objects.filter(organisation=organisation)
            .select_related("challenge__call")
            .order_by("-created_at")[:50]
        )
        history["awards"] = list(
            Award.objects.filter(application__organisation=organisation).select_related("application")[:50]
        )
    if officer or user.has_role(*FUND_TEAM):
        history["deals"] = list(Deal.objects.filter(organisation=organisation).select_related("fund"))
    return history


def directory(filters: dict[str, Any]) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("directory_profile").order_by("legal_name", "pk")
    if filters.get("q"):
        organisations = organisations.filter(legal_name__icontains=filters["q"])
    if filters.get("kind"):
        organisations = organisations.filter(kind=filters["kind"])
    if filters.get("nation"):
        organisations = organisations.filter(headquarters_nation=filters["nation"])
    if filters.get("area"):
        organisations = organisations.filter(areas=filters["area"])
    return organisations
