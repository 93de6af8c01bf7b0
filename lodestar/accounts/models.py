from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar
from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lodestar.core.roles import (
    ANYWHERE,
    PROGRAMME_TEAM,
    REVIEWERS,
    SCOPES_OF,
    Role,
    Scope,
    ScopeKind,
    Where,
    holds,
)


def time_zone_choices() -> list[tuple[str, str]]:
    """Read from the system's tz database when a form needs them: a callable, so the migration
    does not freeze one machine's list of zones."""
    return sorted((tz, tz) for tz in available_timezones() if "/" in tz and not tz.startswith("Etc"))


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractUser):
    """A person who signs in with an e-mail address; the roles held are `RoleGrant` rows."""

    username = None  # type: ignore[assignment]  # e-mail is the login
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=[("en", _("English")), ("fr", _("French"))], default="en"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=time_zone_choices, default="Europe/Brussels"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment,misc]  # e-mail replaces the username in create_user()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @cached_property
    def grants_held(self) -> frozenset[tuple[str, str, str]]:
        """(role, scope kind, scope key) of every grant, read once per request (scope kind "" for a
        role held globally); a superuser is an administrator everywhere."""
        rows = set(self.role_grants.values_list("role", "scope_kind", "scope_key")) if self.pk else set()
        if self.is_superuser:
            rows.add((Role.ADMINISTRATOR, "", ""))
        return frozenset(rows)

    def has_role(self, *roles: str, scope: Where = None) -> bool:
        """Holds one of `roles` at `scope` (see `core.roles.holds`): globally when `scope` is None;
        for a scope (or an object inside one, such as a call) when given; anywhere with ANYWHERE."""
        return holds(self.grants_held, roles, scope)

    def scopes_held(self, *roles: str, kind: str) -> frozenset[str]:
        """The keys of the things of `kind` this user holds one of `roles` for (global grants aside:
        ask `has_role` first)."""
        return frozenset(key for role, k, key in self.grants_held if role in roles and k == kind)

    @property
    def is_programme_team(self) -> bool:
        """On the team of some programme: the staff menu and the first gate of the staff pages, which
        then look the call up among those of the user's programmes."""
        return self.has_role(*PROGRAMME_TEAM, scope=ANYWHERE)

    @property
    def is_expert(self) -> bool:
        return self.has_role(*REVIEWERS)

    def role_labels(self) -> list[str]:
        """The roles held, for the profile page: a role held for one thing says for what."""
        order = {code: i for i, code in enumerate(Role.values)}
        labels = []
        for role, kind, key in sorted(self.grants_held, key=lambda g: (order.get(g[0], 99), g[1], g[2])):
            if role not in Role.values:
                continue
            if kind:
                scope = ScopeKind(kind).label if kind in ScopeKind.values else kind
                labels.append(
                    gettext("%(role)s (%(scope)s %(key)s)")
                    % {"role": Role(role).label, "scope": scope, "key": key}
                )
            else:
                labels.append(str(Role(role).label))
        return labels


class RoleGrant(models.Model):
    """One role held by one user, globally (no scope) or for one thing (`scope_kind`, `scope_key`):
    "programme director for programme 3", "fund team for the fund", "accelerator staff for cohort 7".

    Why rows of our own rather than Django groups: a group says who holds a role, never for what, and
    keeping groups for global roles beside grants for scoped ones would give two places to look and
    two ways to grant. So every role is a grant, and a global grant behaves as a group membership did.
    Migration 0005 carried the role groups' members over and removed those groups.

    The scope is a kind and a key in text rather than a foreign key: the things a role is held for
    live in apps above `accounts` (programmes, the fund, cohorts) or are no rows at all (a nation is
    an ISO code). A grant for a deleted programme gives access to nothing, since no call has its key.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    scope_kind = models.CharField(
        _("held for"), max_length=16, choices=ScopeKind.choices, blank=True, help_text=_("Empty: everywhere.")
    )
    scope_key = models.CharField(
        _("which one"),
        max_length=64,
        blank=True,
        help_text=_("The programme's number, the nation's two-letter code…"),
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        ordering = ["user_id", "role", "scope_kind", "scope_key"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "scope_kind", "scope_key"], name="one_grant_per_scope"
            ),
            models.CheckConstraint(
                condition=~models.Q(scope_kind="") | models.Q(scope_key=""), name="global_grant_has_no_key"
            ),
        ]

    def __str__(self) -> str:
        label = str(Role(self.role).label) if self.role in Role.values else self.role
        return f"{label} ({self.scope_kind} {self.scope_key})" if self.scope_kind else label

    @property
    def scope(self) -> Scope | None:
        return Scope(self.scope_kind, self.scope_key) if self.scope_kind else None

    def clean(self) -> None:
        if self.scope_kind and self.scope_kind not in SCOPES_OF.get(self.role, frozenset()):
            raise ValidationError(
                {
                    "scope_kind": _("This role cannot be held for one “%(kind)s” only.")
                    % {"kind": ScopeKind(self.scope_kind).label}
                }
            )
        if bool(self.scope_kind) != bool(self.scope_key.strip()):
            raise ValidationError(
                {"scope_key": _("Give both what the role is held for and which one, or neither.")}
            )


class ApiToken(models.Model):
    """A personal token for the REST API. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
