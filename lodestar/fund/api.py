"""The fund's API: deals for the fund team (list, move, screen, clear a finding); notices for the team
and for each partner nation its own; committee meetings for the team and the members seated at them
(with their votes); investments with their figures for the team; each partner nation's quarterly report
for the team and that nation (mounted by lodestar.api). Same rules and actions as the pages."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from lodestar.core.api import Code, Note, caller
from lodestar.core.roles import ANYWHERE, COMMITTEE, FUND_PARTNERS, FUND_TEAM
from lodestar.fund import actions, committee
from lodestar.fund.models import Deal, Finding, Meeting
from lodestar.fund.performance import snapshot
from lodestar.fund.queries import (
    readable_meetings,
    readable_notices,
    readable_partners,
    team_deals,
    team_funds,
)
from lodestar.fund.reports import statement

router = Router(tags=["fund"])


def _team(request: HttpRequest) -> Any:
    user = caller(request)
    if not user.has_role(*FUND_TEAM, scope=ANYWHERE):
        raise PermissionDenied
    return user


class FindingOut(Schema):
    id: int
    kind: str
    explanation: str
    status: str
    note: str


class DealOut(Schema):
    id: int
    organisation: int
    company: str
    nation: str
    stage: str
    status: str


class DealDetailOut(DealOut):
    findings: list[FindingOut]


class MoveIn(Schema):
    to: Code
    note: Note = ""


class ClearIn(Schema):
    note: Note


class NoticeOut(Schema):
    id: int
    kind: str
    number: int
    on: datetime.date
    due: datetime.date
    nation: str
    amount: Decimal
    paid: Decimal
    status: str


def _deal(deal: Deal) -> dict[str, Any]:
    return {
        "id": deal.pk,
        "organisation": deal.organisation_id,
        "company": deal.organisation.legal_name,
        "nation": deal.organisation.headquarters_nation,
        "stage": deal.stage,
        "status": deal.status,
    }


def _detail(deal: Deal) -> dict[str, Any]:
    findings = deal.findings.exclude(status="superseded")
    return _deal(deal) | {
        "findings": [
            {"id": f.pk, "kind": f.kind, "explanation": f.explanation, "status": f.status, "note": f.note}
            for f in findings
        ]
    }


@router.get("/fund/deals", response=list[DealOut])
def list_deals(request: HttpRequest) -> list[dict[str, Any]]:
    deals = team_deals(_team(request)).select_related("organisation").order_by("pk")
    return [_deal(d) for d in deals]


@router.get("/fund/deals/{deal_id}", response=DealDetailOut)
def get_deal(request: HttpRequest, deal_id: int) -> dict[str, Any]:
    deal = get_object_or_404(team_deals(_team(request)).select_related("organisation"), pk=deal_id)
    return _detail(deal)


@router.post("/fund/deals/{deal_id}/move", response=DealOut)
def move_deal(request: HttpRequest, deal_id: int, body: MoveIn) -> dict[str, Any]:
    user = _team(request)
    deal = get_object_or_404(team_deals(user), pk=deal_id)
    return _deal(actions.check_move_deal(deal, body.to, user, body.note))


@router.post("/fund/deals/{deal_id}/screening", response=DealDetailOut)
def screen_deal(request: HttpRequest, deal_id: int) -> dict[str, Any]:
    user = _team(request)
    deal = get_object_or_404(team_deals(user).select_related("organisation", "fund"), pk=deal_id)
    actions.do_screen_deal(deal, user)
    return _detail(deal)


@router.post("/fund/findings/{finding_id}/clearance", response=FindingOut)
def clear_finding(request: HttpRequest, finding_id: int, body: ClearIn) -> Finding:
    user = _team(request)
    finding = get_object_or_404(Finding.objects.filter(deal__in=team_deals(user)), pk=finding_id)
    return actions.check_clear_finding(finding, body.note, user)


@router.get("/fund/notices", response=list[NoticeOut])
def list_notices(request: HttpRequest) -> list[dict[str, Any]]:
    user = caller(request)
    if not user.has_role(*FUND_TEAM, *FUND_PARTNERS, scope=ANYWHERE):
        raise PermissionDenied
    return [
        {
            "id": n.pk,
            "kind": n.event.kind,
            "number": n.event.number,
            "on": n.event.on,
            "due": n.event.due,
            "nation": n.partner.nation,
            "amount": n.amount,
            "paid": n.paid,
            "status": n.status,
        }
        for n in readable_notices(user).order_by("-event__on", "partner__nation")
    ]


# --- The committee, investments and reports -------------------------------------------------------


class SeatOut(Schema):
    member: str
    recused: bool
    conflict: str
    vote: str


class MeetingOut(Schema):
    id: int
    deal: int
    company: str
    held_on: datetime.date
    quorum: int
    status: str
    decision: str
    minutes: str
    seats: list[SeatOut]


class VoteIn(Schema):
    vote: Code


def _meeting(m: Meeting) -> dict[str, Any]:
    return {
        "id": m.pk,
        "deal": m.deal_id,
        "company": m.deal.organisation.legal_name,
        "held_on": m.held_on,
        "quorum": m.quorum,
        "status": m.status,
        "decision": m.decision,
        "minutes": m.minutes,
        "seats": [
            {"member": str(s.member), "recused": s.recused, "conflict": s.conflict, "vote": s.vote}
            for s in m.seats.all()
        ],
    }


def _committee_reader(request: HttpRequest) -> Any:
    user = caller(request)
    if not user.has_role(*FUND_TEAM, *COMMITTEE, scope=ANYWHERE):
        raise PermissionDenied
    return user


@router.get("/fund/meetings", response=list[MeetingOut])
def list_meetings(request: HttpRequest) -> list[dict[str, Any]]:
    """The team's meetings; a committee member's, the meetings where the member sits."""
    meetings = (
        readable_meetings(_committee_reader(request))
        .select_related("deal__organisation")
        .prefetch_related("seats__member")
        .order_by("-held_on", "-pk")
    )
    return [_meeting(m) for m in meetings]


@router.get("/fund/meetings/{meeting_id}", response=MeetingOut)
def get_meeting(request: HttpRequest, meeting_id: int) -> dict[str, Any]:
    meetings = readable_meetings(_committee_reader(request)).select_related("deal__organisation")
    return _meeting(get_object_or_404(meetings, pk=meeting_id))


@router.post("/fund/meetings/{meeting_id}/vote", response=SeatOut)
def vote(request: HttpRequest, meeting_id: int, body: VoteIn) -> dict[str, Any]:
    """The caller's own vote at a meeting where the caller sits (a recused member is refused)."""
    user = _committee_reader(request)
    meeting = get_object_or_404(readable_meetings(user), pk=meeting_id)
    seat = committee.check_vote(meeting, user, body.vote)
    return {"member": str(user), "recused": seat.recused, "conflict": seat.conflict, "vote": seat.vote}


class InvestmentOut(Schema):
    id: int
    kind: str
    deal: int | None
    name: str
    nation: str
    invested: Decimal
    realised: Decimal
    value: Decimal
    valued_on: datetime.date | None
    moic: Decimal | None
    irr: float | None
    ownership: Decimal | None


@router.get("/fund/investments", response=list[InvestmentOut])
def list_investments(request: HttpRequest, as_of: datetime.date | None = None) -> list[dict[str, Any]]:
    """Every position of the team's funds with its figures at `as_of` (today by default)."""
    user = _team(request)
    rows = []
    for fund in team_funds(user):
        for p in snapshot(fund, as_of or timezone.localdate()).positions:
            inv = p.investment
            rows.append(
                {
                    "id": inv.pk,
                    "kind": inv.kind,
                    "deal": inv.deal_id,
                    "name": inv.name,
                    "nation": inv.nation,
                    "invested": p.figures.invested,
                    "realised": p.figures.realised,
                    "value": p.figures.value,
                    "valued_on": p.valued_on,
                    "moic": p.figures.moic,
                    "irr": p.figures.irr,
                    "ownership": p.ownership,
                }
            )
    return rows


class ReportOut(Schema):
    nation: str
    period_start: datetime.date
    period_end: datetime.date
    currency: str
    commitment: Decimal
    contributions: Decimal
    contributions_to_date: Decimal
    distributions: Decimal
    distributions_to_date: Decimal
    unfunded: Decimal
    nav: Decimal | None
    tvpi: Decimal | None
    dpi: Decimal | None
    rvpi: Decimal | None
    irr: float | None


@router.get("/fund/reports/{nation}", response=ReportOut)
def get_report(request: HttpRequest, nation: str, end: datetime.date | None = None) -> dict[str, Any]:
    """A partner nation's quarterly report (the quarter holding `end`, today's by default): the team
    reads every nation's, a partner's representative its own nation's only (another is a 404)."""
    user = caller(request)
    if not user.has_role(*FUND_TEAM, *FUND_PARTNERS, scope=ANYWHERE):
        raise PermissionDenied
    partner = get_object_or_404(readable_partners(user).select_related("fund"), nation=nation.upper())
    s = statement(partner, end or timezone.localdate())
    m = s.performance.figures.multiples if s.performance else None
    return {
        "nation": partner.nation,
        "period_start": s.start,
        "period_end": s.end,
        "currency": partner.fund.currency,
        "commitment": partner.commitment,
        "contributions": s.contributions,
        "contributions_to_date": s.contributions_to_date,
        "distributions": s.distributions,
        "distributions_to_date": s.distributions_to_date,
        "unfunded": s.unfunded,
        "nav": s.nav,
        "tvpi": m.tvpi if m else None,
        "dpi": m.dpi if m else None,
        "rvpi": m.rvpi if m else None,
        "irr": s.performance.figures.irr.rate if s.performance else None,
    }
