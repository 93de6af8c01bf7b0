"""The lifecycle of an invitation to join an organisation, as data (see core/workflow.py).

Nobody becomes a member of an organisation without saying yes: a member invites a person by e-mail
address, and the person accepts (or declines) once signed in with that address. Until then the
person sees nothing of the organisation but its name in the invitation.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.core.workflow import ACTION_LABELS, Transition, Workflow


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    REVOKED = "revoked", _("Withdrawn")


OPEN = frozenset({InvitationStatus.PENDING})


def is_invitee(actor: Any, invitation: Any) -> bool:
    """The person the invitation was sent to: signed in with its address (which allauth verified)."""
    email = getattr(actor, "email", "") or ""
    return bool(email) and email.casefold() == invitation.email.casefold()


def is_organisation_member(actor: Any, invitation: Any) -> bool:
    """A member of the inviting organisation (read through the invitation: the models import this
    module, not the other way round)."""
    if not getattr(actor, "is_authenticated", False):
        return False
    return bool(invitation.organisation.memberships.filter(user=actor).exists())


INVITATION_WORKFLOW = Workflow(
    name="invitation",
    states=dict(InvitationStatus.choices),
    transitions=(
        Transition(OPEN, InvitationStatus.ACCEPTED, _("Accept"), is_invitee),
        Transition(OPEN, InvitationStatus.DECLINED, _("Decline"), is_invitee),
        Transition(OPEN, InvitationStatus.REVOKED, _("Withdraw the invitation"), is_organisation_member),
    ),
    groups={"open": OPEN},
    initial=frozenset({InvitationStatus.PENDING}),
)

ACTION_LABELS.update({"organisation:invited": _("Invitation sent")})
