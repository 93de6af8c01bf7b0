"""The investment committee's actions: a meeting on a deal with its members, conflicts declared or found
(a member of the company's own organisation, or whose expert profile declares a tie with it or an
employer of that name, is recused at once), votes, and the decision with its
minutes, which moves the deal on (term sheet) or out (passed). Every step is audited; none sees a request."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.permissions import may_act
from lodestar.core.roles import Role
from lodestar.core.workflow import ACTION_LABELS, record, transition
from lodestar.experts.models import Expert
from lodestar.fund import engine_adapter as adapter
from lodestar.fund import workflow as wf
from lodestar.fund.actions import require_fund_team
from lodestar.fund.models import Deal, Meeting, Seat
from lodestar.organisations.models import Membership

ACTION_LABELS["fund:meeting_scheduled"] = gettext_lazy("Committee meeting scheduled")
ACTION_LABELS["fund:member_recused"] = gettext_lazy("Committee member recused")
ACTION_LABELS["fund:vote_cast"] = gettext_lazy("Committee vote cast")


def check_schedule_meeting(
    deal: Deal, held_on: date, members: Iterable[Any], quorum: int, actor: Any
) -> Meeting:
    """A meeting on a deal before the committee. Each member must sit on the fund's committee; a member
    who belongs to the company's organisation is found conflicted and recused from the start."""
    require_fund_team(actor, deal)
    members = list(members)
    if deal.status != wf.DealStatus.COMMITTEE:
        raise ValidationError(_("Only a deal before the investment committee can be put to a meeting."))
    if not 1 <= quorum <= len(members):
        raise ValidationError(_("The quorum must be between one and the number of members."))
    for member in members:
        if not may_act(member, {Role.COMMITTEE_MEMBER}, deal.fund):
            raise ValidationError(_("%(name)s does not sit on the fund's committee.") % {"name": member})
    insiders = set(
        Membership.objects.filter(organisation_id=deal.organisation_id, user__in=members).values_list(
            "user_id", flat=True
        )
    )
    ties = declared_ties(deal, members)
    with transaction.atomic():
        meeting = Meeting.objects.create(deal=deal, held_on=held_on, quorum=quorum)
        Seat.objects.bulk_create(
            Seat(
                meeting=meeting,
                member=m,
                recused=m.pk in insiders or m.pk in ties,
                conflict=_("member of the company") if m.pk in insiders else ties.get(m.pk, ""),
            )
            for m in members
        )
        record(meeting, action="fund:meeting_scheduled", actor=actor, note=str(held_on))
    return meeting


# Names at least this alike (0-100, legal forms and word order set aside) are taken as the same company.
TIE_SIMILARITY = 90.0


def declared_ties(deal: Deal, members: list[Any]) -> dict[int, str]:
    """Members whose expert profile (the experts app: conflicts declared, current organisation, past
    employers) names the deal's company: the same checks as for reviewers, read again at each meeting.
    Returns the member's id and the tie in words."""
    company = deal.organisation
    found: dict[int, str] = {}
    experts = Expert.objects.filter(user__in=members).prefetch_related("declarations", "employment")
    for expert in experts:
        if expert.user_id is None:
            continue
        named = [
            (d.name, _("declared tie with %(name)s") % {"name": d.name}) for d in expert.declarations.all()
        ]
        for job in expert.employment.all():
            words = _("worked for %(name)s") % {"name": job.organisation_name}
            if job.organisation_id == company.pk:
                found[expert.user_id] = words
            named.append((job.organisation_name, words))
        if expert.organisation_name:
            named.append(
                (expert.organisation_name, _("works for %(name)s") % {"name": expert.organisation_name})
            )
        for name, words in named:
            if (
                expert.user_id not in found
                and adapter.name_similarity(company.legal_name, name) >= TIE_SIMILARITY
            ):
                found[expert.user_id] = words
    return found


def _seat(meeting: Meeting, member: Any) -> Seat:
    seat = Seat.objects.select_for_update().filter(meeting=meeting, member=member).first()
    if seat is None:
        raise PermissionDenied(_("You do not sit at this meeting."))
    return seat


def check_declare_conflict(meeting: Meeting, member: Any, reason: str, actor: Any) -> Seat:
    """A member declares a conflict of interest (or the team records one): the member is recused and
    any vote already cast is withdrawn."""
    if actor != member:
        require_fund_team(actor, meeting)
    if not reason.strip():
        raise ValidationError(_("Say what the conflict of interest is."))
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status != wf.MeetingStatus.SCHEDULED:
            raise ValidationError(_("This meeting has decided already."))
        seat = _seat(locked, member)
        seat.recused, seat.conflict, seat.vote = True, reason.strip(), ""
        seat.save(update_fields=["recused", "conflict", "vote"])
        record(locked, action="fund:member_recused", actor=actor, note=f"{member}: {seat.conflict}")
    return seat


def check_vote(meeting: Meeting, member: Any, vote: str) -> Seat:
    """A member votes (or changes a vote) while the meeting is open; a recused member cannot vote."""
    if vote not in Seat.Vote.values:
        raise ValidationError(_("Vote for, against or abstain."))
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status != wf.MeetingStatus.SCHEDULED:
            raise ValidationError(_("This meeting has decided already."))
        seat = _seat(locked, member)
        if seat.recused:
            raise PermissionDenied(_("A recused member cannot vote."))
        seat.vote = vote
        seat.save(update_fields=["vote"])
        record(locked, action="fund:vote_cast", actor=member, note=vote)
    return seat


def check_decide(meeting: Meeting, actor: Any) -> Meeting:
    """Record the decision: the quorum counts members who voted and were not recused; more votes for
    than against approve. The minutes say who voted how and who was recused, and why. An approved deal
    moves to the term sheet, a rejected one is passed."""
    require_fund_team(actor, meeting)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().select_related("deal").get(pk=meeting.pk)
        seats = list(meeting.seats.select_related("member"))
        voted = [s for s in seats if not s.recused and s.vote]
        if len(voted) < meeting.quorum:
            raise ValidationError(
                _("The quorum is %(quorum)d votes; %(cast)d were cast.")
                % {"quorum": meeting.quorum, "cast": len(voted)}
            )
        tally = Counter(s.vote for s in voted)
        approved = tally[Seat.Vote.FOR] > tally[Seat.Vote.AGAINST]
        meeting.decision = Meeting.Decision.APPROVED if approved else Meeting.Decision.REJECTED
        lines = [
            _("Investment committee on %(company)s, %(date)s.")
            % {"company": meeting.deal, "date": meeting.held_on},
            _("For %(f)d, against %(a)d, abstaining %(n)d; quorum %(q)d.")
            % {
                "f": tally[Seat.Vote.FOR],
                "a": tally[Seat.Vote.AGAINST],
                "n": tally[Seat.Vote.ABSTAIN],
                "q": meeting.quorum,
            },
        ]
        lines += [f"{s.member}: {s.get_vote_display()}" for s in voted]
        lines += [
            _("%(member)s was recused: %(why)s") % {"member": s.member, "why": s.conflict}
            for s in seats
            if s.recused
        ]
        lines.append(_("Decision: %(decision)s.") % {"decision": meeting.get_decision_display()})
        meeting.minutes = "\n".join(lines)
        transition(
            meeting, wf.MeetingStatus.DECIDED, actor, note=meeting.decision, also_save=["decision", "minutes"]
        )
        deal = Deal.objects.select_for_update().get(pk=meeting.deal_id)
        transition(
            deal, wf.DealStatus.TERM_SHEET if approved else wf.DealStatus.PASSED, actor, note=meeting.decision
        )
    return meeting
