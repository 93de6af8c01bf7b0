"""The API of partner science grants (mounted by lodestar.api), under the pages' rules and through the
same actions: partner calls (anyone signed in), proposals (their organisation, the programme team, the
committee for what is before it), screening, the committee's votes and decision, partner grants."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from lodestar.core.api import Rows, caller, paged, require_director, require_staff
from lodestar.partnerships import actions, committee
from lodestar.partnerships.models import NationVote, PartnerCall, Proposal
from lodestar.partnerships.queries import partner_awards, published_calls, readable_proposals, team_proposals

router = Router(tags=["partnerships"])


class MechanismOut(Schema):
    code: str
    kind: str
    name_en: str
    name_fr: str
    two_stage: bool
    min_amount: Decimal | None
    max_amount: Decimal | None
    min_months: int | None
    max_months: int | None
    min_days: int | None
    max_days: int | None


class PartnerCallOut(Schema):
    slug: str
    title_en: str
    title_fr: str
    partner_nations: list[str]
    mechanisms: list[MechanismOut]
    short_closes_at: datetime
    closes_at: datetime
    quorum: int


class CoDirectorOut(Schema):
    side: str
    full_name: str
    nationality: str
    residence: str
    employer: str
    employer_kind: str
    employer_nation: str


class VoteOut(Schema):
    nation: str
    choice: str
    cast_at: datetime


class ProposalOut(Schema):
    id: int
    reference: str
    call: str
    mechanism: str
    organisation: str
    application: int
    title: str
    status: str
    requested_amount: Decimal | None
    months: int | None
    days: int | None
    co_directors: list[CoDirectorOut]
    end_users: list[str]
    eligibility: list[dict[str, Any]]
    votes: list[VoteOut] | None
    minutes: str
    award: int | None
    # A funded workshop or course: its engagement event (/api/events/{id}).
    event: int | None


class ScreenIn(Schema):
    decision: str
    note: str = ""


class VoteIn(Schema):
    nation: str
    choice: str


def _call_out(pc: PartnerCall) -> dict[str, Any]:
    return {
        "slug": pc.call.slug,
        "title_en": pc.call.title_en,
        "title_fr": pc.call.title_fr,
        "partner_nations": [n.code for n in pc.partner_nations.all()],
        "mechanisms": [MechanismOut.from_orm(m).dict() for m in pc.mechanisms.all()],
        "short_closes_at": pc.short_closes_at,
        "closes_at": pc.call.closes_at,
        "quorum": pc.quorum,
    }


def _proposal_out(p: Proposal, *, votes: bool = True) -> dict[str, Any]:
    award = getattr(p.application, "award", None)
    return {
        "id": p.pk,
        "reference": p.reference,
        "call": p.partner_call.call.slug,
        "mechanism": p.mechanism.code,
        "organisation": p.organisation.legal_name,
        "application": p.application_id,
        "title": p.application.title,
        "status": p.status,
        "requested_amount": p.application.requested_amount,
        "months": p.months,
        "days": p.days,
        "co_directors": [CoDirectorOut.from_orm(c).dict() for c in p.co_directors.all()],
        "end_users": [u.organisation for u in p.end_users.all()],
        "eligibility": p.eligibility_report,
        "votes": [VoteOut.from_orm(v).dict() for v in p.votes.all()] if votes else None,
        "minutes": p.minutes,
        "award": award.pk if award else None,
        "event": p.event_id,
    }


def _proposals(request: HttpRequest) -> Any:
    return readable_proposals(caller(request)).prefetch_related("co_directors", "end_users", "votes")


@router.get("/partner-calls", response=list[PartnerCallOut])
@paged
def list_partner_calls(request: HttpRequest) -> Rows:
    return Rows(published_calls().order_by("pk"), _call_out)


@router.get("/partner-calls/{slug}", response=PartnerCallOut)
def get_partner_call(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _call_out(get_object_or_404(published_calls(), call__slug=slug))


@router.get("/partner-proposals", response=list[ProposalOut])
@paged
def list_partner_proposals(request: HttpRequest, status: str = "") -> Rows:
    """The proposals the caller may read; a nation's votes only for staff and the committee."""
    qs = _proposals(request)
    if status:
        qs = qs.filter(status=status)
    user = caller(request)
    team = set(team_proposals(user).values_list("pk", flat=True))
    seated = bool(committee.committee_nations(user))
    return Rows(qs.order_by("pk"), lambda p: _proposal_out(p, votes=seated or p.pk in team))


@router.get("/partner-proposals/{proposal_id}", response=ProposalOut)
def get_partner_proposal(request: HttpRequest, proposal_id: int) -> dict[str, Any]:
    user = caller(request)
    proposal = get_object_or_404(_proposals(request), pk=proposal_id)
    votes = bool(committee.committee_nations(user)) or team_proposals(user).filter(pk=proposal.pk).exists()
    return _proposal_out(proposal, votes=votes)


@router.post("/partner-proposals/{proposal_id}/submission", response=ProposalOut)
def submit_partner_proposal(request: HttpRequest, proposal_id: int) -> dict[str, Any]:
    """Its organisation's members send the short or the full proposal (the stage it is at)."""
    proposal = get_object_or_404(_proposals(request), pk=proposal_id)
    return _proposal_out(actions.check_submit_proposal(proposal, caller(request)), votes=False)


@router.post("/partner-proposals/{proposal_id}/screening", response=ProposalOut)
def screen_partner_proposal(request: HttpRequest, proposal_id: int, payload: ScreenIn) -> dict[str, Any]:
    """Staff invite a short proposal to the full stage, or not (decision: invite, not_invited, ineligible)."""
    user = require_staff(request)
    proposal = get_object_or_404(team_proposals(user), pk=proposal_id)
    return _proposal_out(actions.check_screen_proposal(proposal, user, payload.decision, payload.note))


@router.post("/partner-proposals/{proposal_id}/votes", response=VoteOut)
def vote_partner_proposal(request: HttpRequest, proposal_id: int, payload: VoteIn) -> NationVote:
    """A committee member casts the vote of a nation they sit for (once per nation)."""
    user = caller(request)
    proposal = get_object_or_404(_proposals(request), pk=proposal_id)
    return committee.check_vote(proposal, user, payload.nation, payload.choice)


@router.post("/partner-proposals/{proposal_id}/decision", response=ProposalOut)
def decide_partner_proposal(request: HttpRequest, proposal_id: int) -> dict[str, Any]:
    """The director records the committee's decision (refused below the quorum)."""
    user = require_director(request)
    proposal = get_object_or_404(team_proposals(user), pk=proposal_id)
    return _proposal_out(committee.check_decide(proposal, user))


@router.get("/partner-grants", response=list[dict[str, Any]])
@paged
def list_partner_grants(request: HttpRequest) -> Rows:
    """Grants made to partner proposals that the caller may read (the grants app's rule)."""
    return Rows(
        partner_awards(caller(request)).order_by("pk"),
        lambda a: {
            "award": a.pk,
            "proposal": a.application.partner_proposal.pk,
            "organisation": a.application.organisation.legal_name,
            "amount": a.amount,
            "currency": a.currency,
            "status": a.status,
            "starts_on": a.starts_on,
            "ends_on": a.ends_on,
        },
    )
