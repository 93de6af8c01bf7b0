"""What each person may read of the fund: the team reads everything of its fund; a partner nation's
representatives read their own nation's notices only; nobody else reads anything."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from lodestar.core.roles import COMMITTEE, FUND_PARTNERS, FUND_TEAM, ScopeKind, for_role
from lodestar.fund.models import Deal, Fund, LimitedPartner, Meeting, Notice


def team_funds(user: Any) -> QuerySet[Fund]:
    return for_role(Fund.objects.all(), user, FUND_TEAM, kind=ScopeKind.FUND, via="pk")


def team_deals(user: Any) -> QuerySet[Deal]:
    return Deal.objects.filter(fund__in=team_funds(user))


def readable_notices(user: Any) -> QuerySet[Notice]:
    """The fund team's notices of its funds, and a partner's notices of its own nation."""
    mine = Notice.objects.filter(event__fund__in=team_funds(user))
    partner = for_role(
        Notice.objects.all(), user, FUND_PARTNERS, kind=ScopeKind.NATION, via="partner__nation"
    )
    return (mine | partner).select_related("event__fund", "partner").distinct()


def readable_partners(user: Any) -> QuerySet[LimitedPartner]:
    """The partners whose statements `user` reads: all of the team's funds, or the user's own nation."""
    mine = LimitedPartner.objects.filter(fund__in=team_funds(user))
    own = for_role(LimitedPartner.objects.all(), user, FUND_PARTNERS, kind=ScopeKind.NATION, via="nation")
    return (mine | own).distinct().order_by("nation")


def readable_meetings(user: Any) -> QuerySet[Meeting]:
    """The team's meetings of its funds, and the meetings where a committee member holds a seat."""
    mine = Meeting.objects.filter(deal__fund__in=team_funds(user))
    seated = (
        Meeting.objects.filter(seats__member=user)
        if getattr(user, "is_authenticated", False)
        else Meeting.objects.none()
    )
    return (mine | seated).distinct()


def committee_of(fund: Fund) -> list[Any]:
    """The users who sit on the fund's committee: the role held for this fund or globally."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    grants = Q(role_grants__scope_kind="") | Q(
        role_grants__scope_kind=ScopeKind.FUND, role_grants__scope_key=str(fund.pk)
    )
    users = (
        get_user_model().objects.filter(Q(role_grants__role__in=COMMITTEE) & grants).distinct().order_by("pk")
    )
    return list(users)
