"""What each person may read of partner grants: calls (anyone, once published), proposals
(`Proposal.objects.visible_to`), the staff's calls and the committee's queue."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.grants.models import Award
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.models import PartnerCall, Proposal, committee_nations


def published_calls() -> QuerySet[PartnerCall]:
    return (
        PartnerCall.objects.published()
        .select_related("call__programme")
        .prefetch_related("partner_nations", "mechanisms")
    )


def team_calls(user: Any) -> QuerySet[PartnerCall]:
    return PartnerCall.objects.for_role(user, PROGRAMME_TEAM).select_related("call")


def readable_proposals(user: Any) -> QuerySet[Proposal]:
    return Proposal.objects.visible_to(user).select_related(
        "application__challenge__call", "mechanism", "organisation", "partner_call__call"
    )


def team_proposals(user: Any) -> QuerySet[Proposal]:
    return Proposal.objects.for_role(user, PROGRAMME_TEAM)


def committee_queue(user: Any) -> QuerySet[Proposal]:
    """What is before the committee or decided by it, for a member who sits for some nation."""
    if not committee_nations(user):
        return Proposal.objects.none()
    return readable_proposals(user).filter(status__in=wf.FOR_COMMITTEE).prefetch_related("votes")


def partner_awards(user: Any) -> QuerySet[Award]:
    """The grants made to partner proposals that `user` may read (the grants app's own rule)."""
    return (
        Award.objects.visible_to(user)
        .filter(application__partner_proposal__isnull=False)
        .select_related("application__partner_proposal", "application__organisation")
    )
