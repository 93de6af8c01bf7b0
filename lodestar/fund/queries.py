"""What each person may read of the fund: the team reads everything of its fund; a partner nation's
representatives read their own nation's notices only; nobody else reads anything."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from lodestar.core.roles import COMMITTEE, FUND_PARTNERS, FUND_TEAM, ScopeKind, for_role
from lodestar.fund.engine_adapter import LikelyDuplicate, duplicate_deals
from lodestar.fund.models import (
    Deal,
    DealTask,
    Fund,
    LimitedPartner,
    Meeting,
    Notice,
    Screening,
    ScreeningCause,
)
from lodestar.fund.workflow import DealStatus, FindingStatus, TaskStatus


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


def team_of(fund: Fund) -> list[Any]:
    """The users of the fund team for this fund (held for the fund or globally): owners of tasks and
    checklist items are chosen among them."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    grants = Q(role_grants__scope_kind="") | Q(
        role_grants__scope_kind=ScopeKind.FUND, role_grants__scope_key=str(fund.pk)
    )
    users = get_user_model().objects.filter(Q(role_grants__role__in=FUND_TEAM) & grants).distinct()
    return list(users.order_by("full_name", "pk"))


def likely_duplicates(user: Any) -> list[tuple[Deal, Deal, LikelyDuplicate]]:
    """Pairs of deals on the user's boards that are probably one company (same website or close
    names), strongest first; merged deals are left out."""
    deals = {
        d.pk: d
        for d in team_deals(user)
        .exclude(status=DealStatus.MERGED)
        .select_related("organisation")
        .only("pk", "fund_id", "status", "stage", "organisation__legal_name", "organisation__website")
    }
    rows = [(pk, d.organisation.legal_name, d.organisation.website) for pk, d in deals.items()]
    return [
        (deals[p.first], deals[p.second], p)
        for p in duplicate_deals(rows)
        if deals[p.first].fund_id == deals[p.second].fund_id
    ]


def my_open_tasks(user: Any) -> QuerySet[DealTask]:
    return (
        DealTask.objects.filter(deal__in=team_deals(user), owner=user, status=TaskStatus.OPEN)
        .select_related("deal__organisation")
        .order_by("due", "pk")
    )


def last_screening(deal: Deal) -> dict[str, Any]:
    """The deal's latest screening (its verdict: open findings or clear; its evidence: ownership by
    nation and the findings raised; what changed: the shareholders' changes that set it off, the
    nations whose share moved since the run before, findings opened and superseded), and how many
    changes of shareholders wait for the re-screening job."""
    runs = list(Screening.objects.filter(deal=deal).order_by("-screened_at", "-pk")[:2])
    latest = runs[0] if runs else None
    return {
        "run": latest,
        "moves": latest.changes_from(runs[1] if len(runs) > 1 else None) if latest else [],
        "open": deal.findings.filter(status=FindingStatus.OPEN).count() if latest else 0,
        "waiting": ScreeningCause.objects.filter(deal=deal).count(),
    }
