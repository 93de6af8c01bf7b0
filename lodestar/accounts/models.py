from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar
from zoneinfo import available_timezones

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.core.roles import PROGRAMME_TEAM, Role


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
    """A person who signs in with an e-mail address; roles are groups named by `Role` codes."""

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
    def roles(self) -> frozenset[str]:
        """Role codes held, read once per request; a superuser is an administrator."""
        names = set(self.groups.values_list("name", flat=True))
        if self.is_superuser:
            names.add(Role.ADMINISTRATOR)
        return frozenset(names & set(Role.values))

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    @property
    def is_programme_team(self) -> bool:
        return self.has_role(*PROGRAMME_TEAM)

    def role_labels(self) -> list[str]:
        return [str(Role(code).label) for code in Role.values if code in self.roles]


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
