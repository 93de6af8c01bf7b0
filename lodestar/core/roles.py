"""The roles of shared/DESIGN.md, the named sets that permission checks use, and the scope a role is
held for.

A role is held globally (everywhere) or *for* one thing: a programme, a cohort, a centre, a nation,
the fund. The grants themselves are rows of `accounts.RoleGrant`; this module only names things, so
that `core` (which imports no app) and every app share one definition. A check always says where it
asks: `user.has_role(*DIRECTORS, scope=call)` is true for a director of everything and for a
director of the call's programme, and false for a director of another programme.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    EXPERT = "expert", _("Expert")
    PROGRAMME_STAFF = "programme_staff", _("Programme staff")
    PROGRAMME_DIRECTOR = "programme_director", _("Programme director")
    ACCELERATOR_STAFF = "accelerator_staff", _("Accelerator staff")
    FUND_TEAM = "fund_team", _("Fund team")
    ENGAGEMENT_OFFICER = "engagement_officer", _("Engagement officer")
    ADMINISTRATOR = "administrator", _("Administrator")
    ANALYST = "analyst", _("Analyst")
    FINANCE = "finance", _("Finance")
    COMMITTEE_MEMBER = "committee_member", _("Committee member")
    LIMITED_PARTNER = "limited_partner", _("Limited partner")
    CENTRE_OPERATOR = "centre_operator", _("Centre operator")
    END_USER = "end_user", _("End user (of a nation)")


# Named sets of roles: the one definition of who counts as what. Checks name a set, never a list.
PROGRAMME_TEAM = frozenset({Role.PROGRAMME_STAFF, Role.PROGRAMME_DIRECTOR, Role.ADMINISTRATOR})
DIRECTORS = frozenset({Role.PROGRAMME_DIRECTOR, Role.ADMINISTRATOR})
REVIEWERS = frozenset({Role.EXPERT})
# The technology radar: analysts curate it; the programme and fund teams read it (held anywhere).
ANALYSTS = frozenset({Role.ANALYST, Role.ADMINISTRATOR})
RADAR_READERS = ANALYSTS | frozenset({Role.PROGRAMME_STAFF, Role.PROGRAMME_DIRECTOR, Role.FUND_TEAM})
# Who approves grant payments (held globally or for one programme); never a payment they requested.
FINANCE_TEAM = frozenset({Role.FINANCE, Role.ADMINISTRATOR})
# Accelerator staff, the fund team and engagement officers hold roles that open no page yet: the
# second half names their sets here when it gives them pages.


class ScopeKind(models.TextChoices):
    """What a role can be held for. The key of a scope is that thing's id as text (a programme's
    primary key, a nation's ISO code), so one column holds keys of every kind."""

    PROGRAMME = "programme", _("Programme")
    COHORT = "cohort", _("Cohort")
    CENTRE = "centre", _("Centre")
    NATION = "nation", _("Nation")
    FUND = "fund", _("Fund")


# The kinds of thing each role may be held for; a role not listed is held globally only (an
# administrator administers everything; applicants and experts reach data through their own links:
# a membership, an assignment).
SCOPES_OF: dict[str, frozenset[str]] = {
    Role.PROGRAMME_STAFF: frozenset({ScopeKind.PROGRAMME}),
    Role.PROGRAMME_DIRECTOR: frozenset({ScopeKind.PROGRAMME}),
    Role.ACCELERATOR_STAFF: frozenset({ScopeKind.COHORT, ScopeKind.CENTRE}),
    Role.FUND_TEAM: frozenset({ScopeKind.FUND}),
    Role.FINANCE: frozenset({ScopeKind.PROGRAMME}),
    # The fund's investment committee, or a nation's seat on the partner grants' committee of nations.
    Role.COMMITTEE_MEMBER: frozenset({ScopeKind.FUND, ScopeKind.NATION}),
    # A partner nation's representatives read that nation's notices and reports only.
    Role.LIMITED_PARTNER: frozenset({ScopeKind.NATION}),
    # Keeps one accelerator site or test centre (or several), approves its bookings.
    Role.CENTRE_OPERATOR: frozenset({ScopeKind.CENTRE}),
    # A nation's end users (its armed forces, agencies) browse cohorts and run pilots for that nation.
    Role.END_USER: frozenset({ScopeKind.NATION}),
}

# The fund: its team runs deals and due diligence; partners read their own nation's papers.
FUND_TEAM = frozenset({Role.FUND_TEAM, Role.ADMINISTRATOR})
FUND_PARTNERS = frozenset({Role.LIMITED_PARTNER})
COMMITTEE = frozenset({Role.COMMITTEE_MEMBER})

# The accelerator: its staff run cohorts (held globally or for one cohort); end users of a nation
# browse the cohorts and follow their pilots towards a contract.
ACCELERATOR_TEAM = frozenset({Role.ACCELERATOR_STAFF, Role.ADMINISTRATOR})
END_USERS = frozenset({Role.END_USER})


@dataclass(frozen=True)
class Scope:
    """One thing a role can be held for."""

    kind: str
    key: str

    @classmethod
    def of(cls, kind: str, key: object) -> Scope:
        return cls(str(kind), str(key))


class HasScope(Protocol):
    """A model whose rows live inside a scope (a call lives in its programme's)."""

    @property
    def role_scope(self) -> Scope: ...


class _Anywhere:
    """`has_role(..., scope=ANYWHERE)`: held globally or for at least one thing. For menus and for
    the first gate of a page; the page then looks its object up among those the user holds a role
    for (`for_role`), so that holding a role somewhere never opens another programme's data."""

    def __repr__(self) -> str:
        return "ANYWHERE"


ANYWHERE = _Anywhere()

Where = Scope | HasScope | _Anywhere | None


def scope_of(target: Scope | HasScope) -> Scope:
    return target if isinstance(target, Scope) else target.role_scope


def holds(grants: Iterable[tuple[str, str, str]], roles: Iterable[str], where: Where) -> bool:
    """Whether `grants` ((role, scope kind, scope key); kind "" for a global grant) give one of
    `roles` at `where`: None asks for a global grant, ANYWHERE for any grant, a scope (or an object
    in one) for a global grant or one held for that scope."""
    wanted = set(roles)
    held = [(kind, key) for role, kind, key in grants if role in wanted]
    if any(kind == "" for kind, _key in held):
        return True
    if where is None:
        return False
    if isinstance(where, _Anywhere):
        return bool(held)
    scope = scope_of(where)
    return (scope.kind, scope.key) in held


QS = TypeVar("QS", bound="models.QuerySet[Any]")


def for_role(queryset: QS, user: Any, roles: Iterable[str], *, kind: str, via: str) -> QS:
    """The rows of `queryset` that `user` holds one of `roles` for: every row when a role is held
    globally, the rows whose `via` (a lookup to the scope's key, e.g. "challenge__call__programme")
    is one of the user's scopes of `kind`, else none. The grants are read once per request (cached
    on the user); the filter adds no query of its own."""
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if user.has_role(*roles):
        return queryset
    keys = user.scopes_held(*roles, kind=kind)
    return queryset.filter(**{f"{via}__in": sorted(keys)}) if keys else queryset.none()
