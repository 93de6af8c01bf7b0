"""The fund's API: deals for the fund team (list, move, screen, clear a finding); notices for the team
and for each partner nation its own (mounted by lodestar.api). Same rules and actions as the pages."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from lodestar.core.api import caller
from lodestar.core.roles import ANYWHERE, FUND_PARTNERS, FUND_TEAM
from lodestar.fund import actions
from lodestar.fund.models import Deal, Finding
from lodestar.fund.queries import readable_notices, team_deals

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
    to: str
    note: str = ""


class ClearIn(Schema):
    note: str


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
