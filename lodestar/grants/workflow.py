"""The lifecycles of an award, its agreement versions, milestones, reports and payment orders, as
data (see core/workflow.py).

Who may take each move:
- the programme director makes an award from a selected application and signs its agreement;
- a member of the company submits milestones and reports and signs as the company's signatory;
- the programme team accepts or returns milestones and reports;
- finance approves payment orders, never one it requested itself (`may_approve_payment`);
- the platform moves the rest itself (an agreement signed by both parties activates its award, the
  final milestone accepted completes it, a newer version supersedes an agreement).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lodestar.core.permissions import may_act
from lodestar.core.roles import DIRECTORS, FINANCE_TEAM, PROGRAMME_TEAM
from lodestar.core.workflow import Transition, Workflow, platform_only

# --- Award ----------------------------------------------------------------------------------------
AWARD_DRAFT = "draft"
AWARD_MADE = "made"
AWARD_ACTIVE = "active"
AWARD_COMPLETED = "completed"
AWARD_TERMINATED = "terminated"

AWARD_STATES = {
    AWARD_DRAFT: _("Being prepared"),
    AWARD_MADE: _("Awarded, agreement to sign"),
    AWARD_ACTIVE: _("Agreement signed, running"),
    AWARD_COMPLETED: pgettext_lazy("an award", "Completed"),
    AWARD_TERMINATED: _("Terminated"),
}
AWARD_RUNNING = frozenset({AWARD_MADE, AWARD_ACTIVE})


def _award(obj: Any) -> Any:
    return obj if hasattr(obj, "application_id") else obj.award


def is_company_member(actor: Any, obj: Any) -> bool:
    """A member of the organisation the award (of this object) was made to."""
    return bool(actor and actor.is_authenticated and _award(obj).is_member(actor))


def is_programme_team(actor: Any, obj: Any) -> bool:
    """On the team of the programme of the award's call (or of every programme)."""
    return may_act(actor, PROGRAMME_TEAM, _award(obj))


def is_director(actor: Any, obj: Any) -> bool:
    return may_act(actor, DIRECTORS, _award(obj))


def is_finance(actor: Any, obj: Any) -> bool:
    """Finance for the programme of the award's call (or for every programme)."""
    return may_act(actor, FINANCE_TEAM, _award(obj))


def may_approve_payment(actor: Any, order: Any) -> bool:
    """Finance, and never the person who requested this order (four eyes)."""
    return is_finance(actor, order) and order.requested_by_id != actor.pk


AWARD_WORKFLOW = Workflow(
    name="award",
    states=AWARD_STATES,
    transitions=(
        Transition(frozenset({AWARD_DRAFT}), AWARD_MADE, _("Make the award"), is_director),
        Transition(frozenset({AWARD_MADE}), AWARD_ACTIVE, _("Start on signature"), platform_only),
        Transition(frozenset({AWARD_ACTIVE}), AWARD_COMPLETED, _("Complete"), platform_only),
        Transition(AWARD_RUNNING, AWARD_TERMINATED, _("Terminate"), is_director),
    ),
    groups={"running": AWARD_RUNNING},
    initial=frozenset({AWARD_DRAFT}),
)

# --- Agreement versions ---------------------------------------------------------------------------
AGREEMENT_DRAFT = "draft"
AGREEMENT_COMPANY_SIGNED = "company_signed"
AGREEMENT_SIGNED = "signed"
AGREEMENT_SUPERSEDED = "superseded"

AGREEMENT_STATES = {
    AGREEMENT_DRAFT: _("Waiting for the company's signature"),
    AGREEMENT_COMPANY_SIGNED: _("Signed by the company, waiting for the director"),
    AGREEMENT_SIGNED: _("Signed by both parties"),
    AGREEMENT_SUPERSEDED: _("Replaced by a newer version"),
}
AGREEMENT_UNSIGNED = frozenset({AGREEMENT_DRAFT, AGREEMENT_COMPANY_SIGNED})

AGREEMENT_WORKFLOW = Workflow(
    name="agreement",
    states=AGREEMENT_STATES,
    transitions=(
        Transition(
            frozenset({AGREEMENT_DRAFT}),
            AGREEMENT_COMPANY_SIGNED,
            _("Sign for the company"),
            is_company_member,
        ),
        Transition(
            frozenset({AGREEMENT_COMPANY_SIGNED}), AGREEMENT_SIGNED, _("Sign as director"), is_director
        ),
        Transition(
            frozenset({AGREEMENT_DRAFT, AGREEMENT_COMPANY_SIGNED, AGREEMENT_SIGNED}),
            AGREEMENT_SUPERSEDED,
            _("Replace by a newer version"),
            platform_only,
        ),
    ),
    groups={"unsigned": AGREEMENT_UNSIGNED},
    initial=frozenset({AGREEMENT_DRAFT}),
)

# --- Milestones and reports (the same lifecycle: submitted, then accepted or returned) ------------
PLANNED = "planned"
SUBMITTED = "submitted"
ACCEPTED = "accepted"
RETURNED = "returned"

DELIVERABLE_STATES = {
    PLANNED: _("To deliver"),
    SUBMITTED: pgettext_lazy("a milestone", "Submitted"),
    ACCEPTED: pgettext_lazy("a milestone", "Accepted"),
    RETURNED: _("Returned for changes"),
}
SUBMITTABLE = frozenset({PLANNED, RETURNED})


def _deliverable_workflow(name: str) -> Workflow:
    return Workflow(
        name=name,
        states=DELIVERABLE_STATES,
        transitions=(
            Transition(SUBMITTABLE, SUBMITTED, _("Submit"), is_company_member),
            Transition(frozenset({SUBMITTED}), ACCEPTED, _("Accept"), is_programme_team),
            Transition(frozenset({SUBMITTED}), RETURNED, _("Return with a note"), is_programme_team),
        ),
        groups={"submittable": SUBMITTABLE},
        initial=frozenset({PLANNED}),
    )


MILESTONE_WORKFLOW = _deliverable_workflow("milestone")
REPORT_WORKFLOW = _deliverable_workflow("grant_report")

# --- Payment orders -------------------------------------------------------------------------------
REQUESTED = "requested"
APPROVED = "approved"
PAID = "paid"
CANCELLED = "cancelled"

PAYMENT_STATES = {
    REQUESTED: _("Waiting for finance"),
    APPROVED: pgettext_lazy("a payment", "Approved"),
    PAID: _("Paid"),
    CANCELLED: pgettext_lazy("a payment", "Cancelled"),
}
# The orders that count against the award: nothing approved may take the total past it.
COMMITTED = frozenset({APPROVED, PAID})

PAYMENT_WORKFLOW = Workflow(
    name="payment",
    states=PAYMENT_STATES,
    transitions=(
        Transition(frozenset({REQUESTED}), APPROVED, _("Approve"), may_approve_payment),
        Transition(frozenset({REQUESTED}), CANCELLED, _("Cancel"), is_finance),
        Transition(frozenset({APPROVED}), PAID, _("Mark as paid"), is_finance),
    ),
    groups={"committed": COMMITTED},
    initial=frozenset({REQUESTED}),
)
