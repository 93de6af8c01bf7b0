"""The lifecycle of a partner proposal, as data (see core/workflow.py).

A project goes in two stages: the short proposal is submitted and screened by staff, who invite it
(or not) to the full stage; the full proposal is an application of the partner call, so it is
screened and peer reviewed by the review machinery of the first half. Staff then put it before the
committee of nations, whose votes (partnerships/committee.py) the director turns into a decision.
Workshops, study institutes and training courses go in one stage: their first submission is full.

Who may take each move:
- a member of the proposing organisation (the member co-director's body) submits and withdraws;
- the programme team screens, invites and puts a proposal before the committee;
- the director records the committee's decision (checked against the votes and the quorum).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from lodestar.core.permissions import may_act
from lodestar.core.roles import DIRECTORS, PROGRAMME_TEAM
from lodestar.core.workflow import ACTION_LABELS, Transition, Workflow

DRAFT = "draft"
SHORT_SUBMITTED = "short_submitted"
NOT_INVITED = "not_invited"
INELIGIBLE = "ineligible"
INVITED = "invited"
FULL_SUBMITTED = "full_submitted"
COMMITTEE = "committee"
APPROVED = "approved"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"

STATES = {
    DRAFT: _("Draft"),
    SHORT_SUBMITTED: _("Short proposal submitted"),
    NOT_INVITED: _("Not invited to the full stage"),
    INELIGIBLE: _("Not eligible"),
    INVITED: _("Invited to submit a full proposal"),
    FULL_SUBMITTED: _("Full proposal submitted"),
    COMMITTEE: _("Before the committee of nations"),
    APPROVED: _("Approved by the committee"),
    REJECTED: _("Not approved by the committee"),
    WITHDRAWN: _("Withdrawn"),
}

# Named groups: code asks "is it in this group", never matches state names.
EDITABLE = frozenset({DRAFT, INVITED})
SCREENABLE = frozenset({SHORT_SUBMITTED})
WITHDRAWABLE = frozenset({DRAFT, SHORT_SUBMITTED, INVITED, FULL_SUBMITTED})
BEFORE_COMMITTEE = frozenset({COMMITTEE})
DECIDED = frozenset({APPROVED, REJECTED})
# What the committee of nations may read: what is before it or was decided by it.
FOR_COMMITTEE = BEFORE_COMMITTEE | DECIDED
CLOSED = frozenset({NOT_INVITED, INELIGIBLE, REJECTED, WITHDRAWN})


def is_member(actor: Any, proposal: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and proposal.is_member(actor))


def is_programme_team(actor: Any, proposal: Any) -> bool:
    return may_act(actor, PROGRAMME_TEAM, proposal)


def is_director(actor: Any, proposal: Any) -> bool:
    return may_act(actor, DIRECTORS, proposal)


PROPOSAL_WORKFLOW = Workflow(
    name="partner_proposal",
    states=STATES,
    transitions=(
        Transition(frozenset({DRAFT}), SHORT_SUBMITTED, _("Submit the short proposal"), is_member),
        # One-stage mechanisms (workshops, institutes, courses): the first submission is the full one.
        Transition(frozenset({DRAFT, INVITED}), FULL_SUBMITTED, _("Submit the full proposal"), is_member),
        Transition(SCREENABLE, INVITED, _("Invite a full proposal"), is_programme_team),
        Transition(SCREENABLE, NOT_INVITED, _("Do not invite"), is_programme_team),
        Transition(SCREENABLE, INELIGIBLE, _("Not eligible"), is_programme_team),
        Transition(frozenset({FULL_SUBMITTED}), COMMITTEE, _("Put before the committee"), is_programme_team),
        Transition(BEFORE_COMMITTEE, APPROVED, _("Record approval"), is_director),
        Transition(BEFORE_COMMITTEE, REJECTED, _("Record rejection"), is_director),
        Transition(WITHDRAWABLE, WITHDRAWN, _("Withdraw"), is_member),
    ),
    groups={
        "editable": EDITABLE,
        "screenable": SCREENABLE,
        "withdrawable": WITHDRAWABLE,
        "before_committee": BEFORE_COMMITTEE,
        "decided": DECIDED,
        "for_committee": FOR_COMMITTEE,
        "closed": CLOSED,
    },
    initial=frozenset({DRAFT}),
)

ACTION_LABELS.update(
    {
        "partner_proposal:created": _("Partner proposal started"),
        "partner_proposal:vote": _("A nation voted"),
        "partner_proposal:award": _("Partner grant awarded"),
        "partner_proposal:call_setup": _("Partner call set up"),
        "partner_proposal:agenda": _("Agenda session added"),
        "partner_proposal:participant": _("Participant added"),
        "partner_proposal:event": _("Event opened"),
    }
)
