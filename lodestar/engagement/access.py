"""Who may do what in the engagement app: the one home of its permission tests."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lodestar.engagement.workflow import OFFICERS


def is_officer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*OFFICERS))


def require_officer(user: Any) -> None:
    if not is_officer(user):
        raise PermissionDenied(_("Only engagement officers may do this."))
