"""The grants' API: awards, their milestones and payments under the pages' rules (mounted by
lodestar.api). A company reads its own award only; staff and finance those of their programmes;
staff decide milestones; finance approves payments, never one it requested."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from lodestar.core.api import Note, Rows, caller, paged
from lodestar.core.roles import ANYWHERE, FINANCE_TEAM, PROGRAMME_TEAM
from lodestar.grants import actions, payments
from lodestar.grants import workflow as wf
from lodestar.grants.models import Award, Milestone, PaymentOrder
from lodestar.grants.queries import mark_notes

router = Router(tags=["grants"])


class AwardOut(Schema):
    id: int
    application: int
    organisation: str
    call: str
    amount: Decimal
    currency: str
    status: str
    starts_on: date
    ends_on: date
    agreement_version: int | None
    agreement_status: str | None
    agreement_sha256: str | None


class MilestoneOut(Schema):
    number: int
    title_en: str
    title_fr: str
    deliverables: str
    due_on: date
    is_final: bool
    status: str
    submitted_at: datetime | None
    decision_note: str  # for the company, only a note shared with it ("" otherwise)
    note_audience: str | None  # "internal" or "shared", for the programme team; None for the company


class PaymentOut(Schema):
    id: int
    award: int
    reference: str
    amount: Decimal
    status: str
    requested_at: datetime
    approved_at: datetime | None


class DecisionIn(Schema):
    accept: bool
    note: Note = ""
    audience: str = "internal"  # "shared": the company reads the note


def _award_out(award: Award) -> dict[str, Any]:
    agreement = award.current_agreement()
    return {
        "id": award.pk,
        "application": award.application_id,
        "organisation": award.application.organisation.legal_name,
        "call": award.application.challenge.call.slug,
        "amount": award.amount,
        "currency": award.currency,
        "status": award.status,
        "starts_on": award.starts_on,
        "ends_on": award.ends_on,
        "agreement_version": agreement.version if agreement else None,
        "agreement_status": agreement.status if agreement else None,
        "agreement_sha256": agreement.sha256 if agreement else None,
    }


def _milestone_out(m: Any, team: bool) -> dict[str, Any]:
    """A milestone marked by `queries.mark_notes` (its note as this caller may read it)."""
    return {
        "number": m.number,
        "title_en": m.title_en,
        "title_fr": m.title_fr,
        "deliverables": m.deliverables,
        "due_on": m.due_on,
        "is_final": m.is_final,
        "status": m.status,
        "submitted_at": m.submitted_at,
        "decision_note": m.shown_note,
        "note_audience": m.note_audience if team else None,
    }


def _payment_out(p: PaymentOrder) -> dict[str, Any]:
    return {
        "id": p.pk,
        "award": p.award_id,
        "reference": p.reference,
        "amount": p.amount,
        "status": p.status,
        "requested_at": p.requested_at,
        "approved_at": p.approved_at,
    }


def _award(request: HttpRequest, award_id: int) -> Award:
    qs = Award.objects.visible_to(caller(request)).select_related(
        "application__organisation", "application__challenge__call"
    )
    return get_object_or_404(qs, pk=award_id)


@router.get("/awards", response=list[AwardOut])
@paged
def list_awards(request: HttpRequest, status: str = "") -> Rows:
    """The awards the caller may see: a company its own, staff and finance their programmes'."""
    qs = Award.objects.visible_to(caller(request)).select_related(
        "application__organisation", "application__challenge__call"
    )
    if status:
        qs = qs.filter(status=status)
    return Rows(qs.order_by("pk"), _award_out)


@router.get("/awards/{award_id}", response=AwardOut)
def get_award(request: HttpRequest, award_id: int) -> dict[str, Any]:
    return _award_out(_award(request, award_id))


@router.get("/awards/{award_id}/milestones", response=list[MilestoneOut])
def list_milestones(request: HttpRequest, award_id: int) -> list[dict[str, Any]]:
    award = _award(request, award_id)
    team = wf.is_programme_team(caller(request), award)
    return [_milestone_out(m, team) for m in mark_notes(award.milestones.all(), team=team)]


@router.post("/awards/{award_id}/milestones/{number}/decision", response=MilestoneOut)
def decide_milestone(request: HttpRequest, award_id: int, number: int, payload: DecisionIn) -> dict[str, Any]:
    """Programme staff accept a submitted milestone or return it with a note."""
    user = caller(request)
    award = _award(request, award_id)
    if not wf.is_programme_team(user, award):
        raise PermissionDenied
    milestone = get_object_or_404(Milestone, award=award, number=number)
    actions.check_decide_milestone(
        milestone, user, accept=payload.accept, note=payload.note, audience=payload.audience
    )
    return _milestone_out(mark_notes([milestone], team=True)[0], True)


@router.get("/awards/{award_id}/payments", response=list[PaymentOut])
def list_award_payments(request: HttpRequest, award_id: int) -> list[dict[str, Any]]:
    return [_payment_out(p) for p in _award(request, award_id).payments.all()]


@router.get("/payments", response=list[PaymentOut])
@paged
def list_payments(request: HttpRequest, status: str = "") -> Rows:
    """Payment orders of the caller's programmes: programme team and finance only."""
    user = caller(request)
    if not user.has_role(*PROGRAMME_TEAM, *FINANCE_TEAM, scope=ANYWHERE):
        raise PermissionDenied
    qs = PaymentOrder.objects.visible_to(user)
    if status:
        qs = qs.filter(status=status)
    return Rows(qs.order_by("pk"), _payment_out)


@router.post("/payments/{payment_id}/approval", response=PaymentOut)
def approve_payment(request: HttpRequest, payment_id: int) -> dict[str, Any]:
    """Finance approves an order it did not request, within what the award still allows (400)."""
    user = caller(request)
    order = get_object_or_404(PaymentOrder.objects.visible_to(user), pk=payment_id)
    payments.check_approve_payment(order, user)
    return _payment_out(order)
