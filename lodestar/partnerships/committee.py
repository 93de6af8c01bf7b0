"""The partner grants' committee of nations and what follows it: staff put a reviewed full proposal
before the committee; each nation on it casts one vote through a member who sits for that nation;
the director records the decision once the quorum of nations has voted (more for than against
approves), which selects or rejects the application; an approved proposal then receives its grant
through the grants app (agreement, budget, six-monthly reports, payments).

A nation's vote is final once cast. Two members of one nation voting at once cannot both count: the
proposal's row is locked while the vote is checked and written, and (proposal, nation) is unique.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lodestar.applications import workflow as application_wf
from lodestar.applications.models import Application
from lodestar.core.nations import nation_name
from lodestar.core.permissions import may_act
from lodestar.core.roles import DIRECTORS, PROGRAMME_TEAM
from lodestar.core.workflow import record, transition
from lodestar.grants.actions import MilestonePlan, check_make_award
from lodestar.grants.models import Award
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.actions import do_tell_co_directors
from lodestar.partnerships.models import NationVote, Proposal, committee_nations
from lodestar.reviews.models import Review

# A funded event's grant covers its preparation, the event and its report: six months.
ACTIVITY_MONTHS = 6

PROJECT_PLAN = (
    MilestonePlan(
        "Kick-off and data management plan",
        "Lancement et plan de gestion des données",
        "Kick-off meeting of both teams with the end user; data management plan",
        2,
    ),
    MilestonePlan(
        "Mid-term results shared with the end user",
        "Résultats à mi-parcours partagés avec l'utilisateur final",
        "Mid-term report; workshop with the end user",
        12,
    ),
    MilestonePlan(
        "Final results and transfer",
        "Résultats finaux et transfert",
        "Final report; results handed over to the end user",
        24,
    ),
)
ACTIVITY_PLAN = (
    MilestonePlan(
        "Programme and participants confirmed",
        "Programme et participants confirmés",
        "Agenda, speakers and list of participants",
        2,
    ),
    MilestonePlan(
        "Event held and report",
        "Événement tenu et rapport",
        "Report of the event; attendance list; publications",
        6,
    ),
)


def reviews_submitted(proposal: Proposal) -> int:
    return Review.objects.filter(
        assignment__application_id=proposal.application_id, status=Review.Status.SUBMITTED
    ).count()


def check_put_before_committee(proposal: Proposal, actor: Any) -> Proposal:
    """Staff put a full proposal before the committee once its peer review has at least one review
    submitted (the review machinery moved its application into review)."""
    if not may_act(actor, PROGRAMME_TEAM, proposal):
        raise PermissionDenied(_("Only programme staff may do this."))
    status = Application.objects.filter(pk=proposal.application_id).values_list("status", flat=True).get()
    if status not in application_wf.REVIEWED or not reviews_submitted(proposal):
        raise ValidationError(
            _(
                "The full proposal goes before the committee after its peer review: "
                "no review has been submitted yet."
            )
        )
    transition(proposal, wf.COMMITTEE, actor)
    return proposal


def nations_for(proposal: Proposal, user: Any) -> list[str]:
    """The nations `user` may vote for on this proposal: those they sit for that are on the call's
    committee and have not voted yet."""
    voted = set(proposal.votes.values_list("nation", flat=True))
    seats = committee_nations(user) & set(proposal.partner_call.committee_nations)
    return sorted(seats - voted)


def check_vote(proposal: Proposal, actor: Any, nation: str, choice: str) -> NationVote:
    """Cast `nation`'s vote. Only a committee member who sits for that nation may, once per nation,
    while the proposal is before the committee."""
    if choice not in NationVote.Choice.values:
        raise ValidationError(_("Vote for, against or abstain."))
    if nation not in committee_nations(actor):
        raise PermissionDenied(_("You do not sit on the committee for this nation."))
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().select_related("partner_call").get(pk=proposal.pk)
        if locked.status not in wf.BEFORE_COMMITTEE:
            raise ValidationError(_("This proposal is not before the committee."))
        if nation not in locked.partner_call.committee_nations:
            raise PermissionDenied(_("This nation has no seat on this call's committee."))
        if NationVote.objects.filter(proposal=locked, nation=nation).exists():
            raise ValidationError(
                _("%(nation)s has already voted on this proposal.") % {"nation": nation_name(nation)}
            )
        try:
            with transaction.atomic():
                vote = NationVote.objects.create(proposal=locked, nation=nation, choice=choice, voter=actor)
        except IntegrityError as exc:  # the unique (proposal, nation) stops what the lock did not
            raise ValidationError(
                _("%(nation)s has already voted on this proposal.") % {"nation": nation_name(nation)}
            ) from exc
        record(locked, action="partner_proposal:vote", actor=actor, note=f"{nation}: {choice}")
    return vote


def tally(proposal: Proposal) -> Counter[str]:
    return Counter(proposal.votes.values_list("choice", flat=True))


def check_decide(proposal: Proposal, actor: Any) -> Proposal:
    """The director records the committee's decision: refused below the quorum of nations; more
    votes for than against approve. The minutes say how each nation voted. The application follows:
    selected when approved (ready for its grant), not selected otherwise."""
    if not may_act(actor, DIRECTORS, proposal):
        raise PermissionDenied(_("Only the programme director records the committee's decision."))
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().select_related("partner_call").get(pk=proposal.pk)
        if locked.status not in wf.BEFORE_COMMITTEE:
            raise ValidationError(_("This proposal is not before the committee."))
        votes = list(locked.votes.order_by("nation"))
        quorum = locked.partner_call.quorum
        if len(votes) < quorum:
            raise ValidationError(
                ngettext(
                    "The quorum is %(quorum)d nation; %(cast)d voted.",
                    "The quorum is %(quorum)d nations; %(cast)d voted.",
                    quorum,
                )
                % {"quorum": quorum, "cast": len(votes)}
            )
        counts = Counter(v.choice for v in votes)
        approved = counts[NationVote.Choice.FOR] > counts[NationVote.Choice.AGAINST]
        lines = [
            _("Committee of nations on %(proposal)s, %(date)s.")
            % {"proposal": locked, "date": timezone.localdate().isoformat()},
            _("For %(f)d, against %(a)d, abstaining %(n)d; quorum %(q)d nations.")
            % {
                "f": counts[NationVote.Choice.FOR],
                "a": counts[NationVote.Choice.AGAINST],
                "n": counts[NationVote.Choice.ABSTAIN],
                "q": quorum,
            },
            *(f"{nation_name(v.nation)}: {v.get_choice_display()}" for v in votes),
            _("Decision: approved.") if approved else _("Decision: not approved."),
        ]
        locked.minutes = "\n".join(lines)
        locked.decided_at = timezone.now()
        transition(
            locked,
            wf.APPROVED if approved else wf.REJECTED,
            actor,
            note=locked.minutes,
            also_save=["minutes", "decided_at"],
        )
        application = Application.objects.select_for_update().get(pk=locked.application_id)
        if application.status in (application_wf.UNDER_REVIEW, application_wf.SHORTLISTED):
            target = application_wf.SELECTED if approved else application_wf.REJECTED
            transition(application, target, actor, note=_("Decision of the committee of nations"))
        do_tell_co_directors(locked)
    return locked


def check_make_grant(proposal: Proposal, actor: Any, starts_on: date | None = None) -> Award:
    """The director makes the grant of an approved proposal through the grants app: the requested
    amount over the proposal's months (six for an event), the partner plan of milestones, reports
    every six months, and the agreement for the member co-director's body to sign."""
    if proposal.status != wf.APPROVED:
        raise ValidationError(_("Only an approved proposal receives a grant."))
    amount = proposal.application.requested_amount or Decimal(0)
    months = proposal.months if proposal.mechanism.is_project and proposal.months else ACTIVITY_MONTHS
    plan = PROJECT_PLAN if proposal.mechanism.is_project else ACTIVITY_PLAN
    last = plan[-1]
    plan = (*plan[:-1], MilestonePlan(last.title_en, last.title_fr, last.deliverables, months))
    with transaction.atomic():
        award = check_make_award(
            proposal.application,
            actor,
            amount=amount,
            starts_on=starts_on,
            months=months,
            plan=plan,
            phase_name=(proposal.mechanism.name_en, proposal.mechanism.name_fr),
        )
        record(proposal, action="partner_proposal:award", actor=actor, note=f"{amount} EUR")
    return award
