"""Who keeps which centre: the one definition used by the workflow, the actions, the pages and the API.

A centre operator holds the role for one centre (or several); accelerator staff and administrators
holding their role globally act for every centre.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from lodestar.core.permissions import may_act
from lodestar.core.roles import (
    ACCELERATOR_TEAM,
    ANYWHERE,
    END_USERS,
    PROGRAMME_TEAM,
    Role,
    ScopeKind,
)

NETWORK_STAFF = (Role.ACCELERATOR_STAFF, Role.ADMINISTRATOR)


def is_network_staff(user: Any) -> bool:
    """Accelerator staff or an administrator, globally: they may also book for a company."""
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*NETWORK_STAFF))


def runs_network(user: Any) -> bool:
    """Accelerator staff or an administrator, or an operator of every centre (a global grant)."""
    return bool(
        getattr(user, "is_authenticated", False) and user.has_role(*NETWORK_STAFF, Role.CENTRE_OPERATOR)
    )


def operated_ids(user: Any) -> frozenset[str] | None:
    """The keys of the centres `user` operates (their ids as text); None for all of them."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if runs_network(user):
        return None
    return frozenset(user.scopes_held(Role.CENTRE_OPERATOR, kind=ScopeKind.CENTRE))


def operates(user: Any, centre: Any) -> bool:
    ids = operated_ids(user)
    return ids is None or str(centre.pk) in ids


def operated(queryset: models.QuerySet[Any], user: Any, via: str = "pk") -> models.QuerySet[Any]:
    """The rows of `queryset` (centres, or rows whose `via` leads to a centre's id) that `user` operates."""
    ids = operated_ids(user)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{via}__in": sorted(int(i) for i in ids)}) if ids else queryset.none()


def is_operator(user: Any) -> bool:
    """Operates at least one centre: the first gate of the operator's pages."""
    ids = operated_ids(user)
    return ids is None or bool(ids)


# --- Cohorts and the road to adoption -----------------------------------------------------------------


def runs_cohort(user: Any, cohort: Any) -> bool:
    """Accelerator staff of this cohort (or of every cohort), or the team of its call's programme."""
    return may_act(user, ACCELERATOR_TEAM, cohort) or may_act(user, PROGRAMME_TEAM, cohort.call)


def runs_cohorts(user: Any) -> bool:
    """Runs at least one cohort: the first gate of the cohort pages (the page then narrows)."""
    return may_act(user, ACCELERATOR_TEAM | PROGRAMME_TEAM, ANYWHERE)


def end_user_nations(user: Any) -> frozenset[str]:
    """The nations `user` is an end user for (a global grant: every nation, written as "*")."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if user.has_role(*END_USERS):
        return frozenset({"*"})
    return frozenset(user.scopes_held(*END_USERS, kind=ScopeKind.NATION))


def speaks_for(user: Any, nation: str) -> bool:
    """An end user for `nation` (or for every nation)."""
    nations = end_user_nations(user)
    return "*" in nations or nation in nations
