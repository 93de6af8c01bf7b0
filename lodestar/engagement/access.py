"""Who may do what in the engagement app: the one home of its permission tests."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lodestar.engagement.workflow import OFFICERS, organiser


def is_officer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*OFFICERS))


def require_officer(user: Any) -> None:
    if not is_officer(user):
        raise PermissionDenied(_("Only engagement officers may do this."))


def may_run_event(event: Any, user: Any) -> bool:
    """Engagement officers run every event; a partner grant's workshop is also run by its organisers
    (workflow.EVENT_ORGANISERS, filled by the partnerships app)."""
    return organiser(user, event)


def require_event_runner(event: Any, user: Any) -> None:
    if not may_run_event(event, user):
        raise PermissionDenied(_("Only the event's organisers may do this."))
