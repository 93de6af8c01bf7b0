"""Lookups of calls for the staff pages, narrowed to the programmes the user works for."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.shortcuts import get_object_or_404

from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.programmes.models import Call, CallQuerySet


def team_calls(user: Any, roles: Iterable[str] = PROGRAMME_TEAM) -> CallQuerySet:
    """The calls whose programme `user` holds one of `roles` for; filter other objects with
    `call__in=team_calls(user)` to keep them inside those programmes."""
    return Call.objects.for_role(user, roles)


def team_call(user: Any, slug: str, roles: Iterable[str] = PROGRAMME_TEAM) -> Call:
    """The call with `slug` if `user` holds one of `roles` for its programme; 404 otherwise, as for a
    call that does not exist (a staff member of another programme learns nothing from the URL)."""
    return get_object_or_404(team_calls(user, roles).select_related("programme"), slug=slug)


def reads_call_job(user: Any, job: Any) -> bool:
    """A call's stage job (`params={"call": pk}`) may be followed by that call's programme team."""
    call_id = (job.params or {}).get("call")
    return call_id is not None and team_calls(user).filter(pk=call_id).exists()
