"""The lifecycle of an application, as data (see core/workflow.py)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from lodestar.core.permissions import may_act
from lodestar.core.roles import DIRECTORS, PROGRAMME_TEAM
from lodestar.core.workflow import ACTION_LABELS, Transition, Workflow

DRAFT = "draft"
SUBMITTED = "submitted"
ELIGIBLE = "eligible"
INELIGIBLE = "ineligible"
WITHDRAWN = "withdrawn"
UNDER_REVIEW = "under_review"
SHORTLISTED = "shortlisted"
REJECTED = "rejected"
SELECTED = "selected"

STATES = {
    DRAFT: _("Draft"),
    SUBMITTED: _("Submitted"),
    ELIGIBLE: _("Eligible"),
    INELIGIBLE: _("Not eligible"),
    WITHDRAWN: _("Withdrawn"),
    UNDER_REVIEW: _("Under review"),
    SHORTLISTED: _("Shortlisted"),
    REJECTED: _("Not selected"),
    SELECTED: _("Selected"),
}

# Named groups of states: code asks "is it in this group", never matches state names.
EDITABLE = frozenset({DRAFT})
SENT = frozenset({SUBMITTED, ELIGIBLE, INELIGIBLE, UNDER_REVIEW, SHORTLISTED, REJECTED, SELECTED})
WITHDRAWABLE = frozenset({SUBMITTED, ELIGIBLE, INELIGIBLE})
SCREENABLE = frozenset({SUBMITTED, ELIGIBLE, INELIGIBLE})
IN_COMPETITION = frozenset({SUBMITTED, ELIGIBLE, UNDER_REVIEW, SHORTLISTED})
REVIEWED = frozenset({UNDER_REVIEW, SHORTLISTED, SELECTED, REJECTED})
# Found eligible at screening, wherever it went since (in review, decided): what "Eligible" counts.
FOUND_ELIGIBLE = frozenset({ELIGIBLE}) | REVIEWED


def is_member(actor: Any, application: Any) -> bool:
    return application.is_member(actor)


def is_programme_team(actor: Any, application: Any) -> bool:
    """On the team of the application's programme (or of every programme)."""
    return may_act(actor, PROGRAMME_TEAM, application)


def is_director(actor: Any, application: Any) -> bool:
    return may_act(actor, DIRECTORS, application)


APPLICATION_WORKFLOW = Workflow(
    name="application",
    states=STATES,
    transitions=(
        Transition(frozenset({DRAFT}), SUBMITTED, _("Submit"), is_member),
        Transition(WITHDRAWABLE, WITHDRAWN, _("Withdraw"), is_member),
        Transition(frozenset({WITHDRAWN}), DRAFT, _("Reopen as a draft"), is_member),
        Transition(frozenset({SUBMITTED, INELIGIBLE}), ELIGIBLE, _("Mark eligible"), is_programme_team),
        Transition(frozenset({SUBMITTED, ELIGIBLE}), INELIGIBLE, _("Mark not eligible"), is_programme_team),
        Transition(frozenset({ELIGIBLE}), UNDER_REVIEW, _("Send to review"), is_programme_team),
        Transition(frozenset({UNDER_REVIEW}), SHORTLISTED, _("Shortlist"), is_director),
        Transition(frozenset({UNDER_REVIEW, SHORTLISTED}), REJECTED, _("Reject"), is_director),
        Transition(frozenset({UNDER_REVIEW, SHORTLISTED}), SELECTED, _("Select"), is_director),
    ),
    groups={
        "editable": EDITABLE,
        "sent": SENT,
        "withdrawable": WITHDRAWABLE,
        "screenable": SCREENABLE,
        "in_competition": IN_COMPETITION,
        "reviewed": REVIEWED,
        "found_eligible": FOUND_ELIGIBLE,
    },
    initial=frozenset({DRAFT}),
)

ACTION_LABELS.update(
    {
        "application:created": _("Draft created"),
        "application:attachment_added": _("Attachment added"),
        "application:attachment_removed": _("Attachment removed"),
    }
)
