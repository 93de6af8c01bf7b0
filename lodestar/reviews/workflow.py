"""The lifecycles of expert review, as data (see core/workflow.py): an expert's assignment to an
application, its review, and a conflict of interest between them.

Code asks whether a state is in a named group (`LIVE`, `PUBLISHED`...), never matches state names.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.applications.workflow import is_programme_team
from lodestar.core.roles import REVIEWERS
from lodestar.core.workflow import Transition, Workflow


def is_the_expert(actor: Any, obj: Any) -> bool:
    """The expert an assignment or a conflict is about (`obj.expert`), signed in as itself."""
    return bool(getattr(actor, "is_authenticated", False) and obj.expert.user_id == actor.pk)


def is_the_expert_or_staff(actor: Any, obj: Any) -> bool:
    # Staff first: a bulk move by staff then reads no expert row.
    return is_programme_team(actor, obj) or is_the_expert(actor, obj)


def is_the_reviewer(actor: Any, review: Any) -> bool:
    return is_the_expert(actor, review.assignment)


# --- Assignment: an expert asked to review an application -----------------------------------------


class AssignmentStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Published")
    DECLINED = "declined", _("Declined")


# Holding one of the application's expert slots (and one of the expert's load).
LIVE = frozenset({AssignmentStatus.PROPOSED, AssignmentStatus.ACTIVE})
# Seen by the expert, who may open the application and review it.
PUBLISHED = frozenset({AssignmentStatus.ACTIVE})
# Staff may still remove or swap the expert freely.
CHANGEABLE = frozenset({AssignmentStatus.PROPOSED})
# Settled for the optimiser: it keeps these pairs and never proposes them again.
SETTLED = frozenset({AssignmentStatus.ACTIVE, AssignmentStatus.DECLINED})


def expert_reads(user: Any) -> models.Q:
    """The applications an expert may open: those of its published assignments (a proposed or
    declined assignment opens nothing). Registered as a reader of applications (reviews/apps.py)."""
    if not user.has_role(*REVIEWERS):
        return models.Q(pk__in=[])
    return models.Q(assignments__expert__user=user, assignments__status__in=PUBLISHED)


ASSIGNMENT_WORKFLOW = Workflow(
    name="assignment",
    states=dict(AssignmentStatus.choices),
    transitions=(
        Transition(CHANGEABLE, AssignmentStatus.ACTIVE, _("Publish"), is_programme_team),
        # A proposal withdrawn because of a conflict, or a published assignment the expert (or staff
        # for it) declines. Reassignment takes these as system moves: a rule decides, not a person.
        Transition(LIVE, AssignmentStatus.DECLINED, _("Decline"), is_the_expert_or_staff),
    ),
    groups={"live": LIVE, "published": PUBLISHED, "changeable": CHANGEABLE, "settled": SETTLED},
    # Published at once: a replacement found after publication.
    initial=frozenset({AssignmentStatus.PROPOSED, AssignmentStatus.ACTIVE}),
)


# --- Review: the expert's scores and comments -----------------------------------------------------


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


EDITABLE = frozenset({ReviewStatus.DRAFT})
# A submitted review is final: there is no move back to draft (the ranking and the letters read it).
FINAL = frozenset({ReviewStatus.SUBMITTED})

REVIEW_WORKFLOW = Workflow(
    name="review",
    states=dict(ReviewStatus.choices),
    transitions=(Transition(EDITABLE, ReviewStatus.SUBMITTED, _("Submit the review"), is_the_reviewer),),
    groups={"editable": EDITABLE, "final": FINAL},
    initial=frozenset({ReviewStatus.DRAFT}),
)


# --- Conflict of interest: detection suggests, a person decides -----------------------------------


class ConflictState(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    CONFIRMED = "confirmed", _("Confirmed")
    DISMISSED = "dismissed", _("Dismissed")


# Never assigned: a confirmed conflict, and a suggestion until someone dismisses it.
BLOCKING = frozenset({ConflictState.SUGGESTED, ConflictState.CONFIRMED})
DECIDED = frozenset({ConflictState.CONFIRMED, ConflictState.DISMISSED})


def may_dismiss(actor: Any, conflict: Any) -> bool:
    """Staff, and never an expert's own declaration: the expert knows its ties best."""
    return is_programme_team(actor, conflict) and not conflict.declared_by_expert


CONFLICT_WORKFLOW = Workflow(
    name="conflict",
    states=dict(ConflictState.choices),
    transitions=(
        # Staff confirm a suggestion or go back on a dismissal; an expert may only ever confirm a
        # conflict about itself (declaring one), never dismiss.
        Transition(
            frozenset({ConflictState.SUGGESTED, ConflictState.DISMISSED}),
            ConflictState.CONFIRMED,
            _("Confirm"),
            is_the_expert_or_staff,
        ),
        Transition(
            frozenset({ConflictState.SUGGESTED, ConflictState.CONFIRMED}),
            ConflictState.DISMISSED,
            _("Dismiss"),
            may_dismiss,
        ),
    ),
    groups={"blocking": BLOCKING, "decided": DECIDED},
    # Confirmed at once: an expert's own declaration, and detection of the organisations it declared.
    initial=frozenset({ConflictState.SUGGESTED, ConflictState.CONFIRMED}),
    field_name="state",
)
