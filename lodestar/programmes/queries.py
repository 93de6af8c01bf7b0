"""Lookups of calls: for the staff pages, narrowed to the programmes the user works for; when the
public pages next change with the clock."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db.models import Min, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

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


def next_call_change() -> datetime | None:
    """The next moment a published call opens or closes: the public pages change then by themselves
    (a badge, the apply button), so a page kept for visitors is kept no longer (core/pagecache.py)."""
    now = timezone.now()
    found = Call.objects.published().aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)),
        closes=Min("closes_at", filter=Q(closes_at__gt=now)),
    )
    return min((moment for moment in found.values() if moment is not None), default=None)
