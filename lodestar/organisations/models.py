from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.core.models import EdtArea
from lodestar.core.nations import NATION_CHOICES, nation_name
from lodestar.organisations import workflow as wf


class OrganisationType(models.TextChoices):
    STARTUP = "startup", _("Start-up")
    SME = "sme", _("Small or medium enterprise")
    LARGE = "large", _("Large company")
    UNIVERSITY = "university", _("University")
    RESEARCH = "research", _("Research body")
    NONPROFIT = "nonprofit", _("Non-profit")
    GOVERNMENT = "government", _("Government")
    # Kinds the engagement directory keeps (issue 11): added after the first half's, so stored values
    # of the first seven never change.
    BIG_TECH = "big_tech", _("Big tech")
    SPACE = "space", _("Space industry")
    THINK_TANK = "think_tank", _("Think tank")
    END_USER = "end_user", _("End user")


class Organisation(models.Model):
    legal_name = models.CharField(_("legal name"), max_length=200)
    headquarters_nation = models.CharField(_("headquarters nation"), max_length=2, choices=NATION_CHOICES)
    kind = models.CharField(_("type"), max_length=16, choices=OrganisationType.choices)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    employees = models.PositiveIntegerField(_("employees"))
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("description"), blank=True, max_length=3000, validators=[MaxLengthValidator(3000)]
    )
    areas = models.ManyToManyField(
        EdtArea, verbose_name=_("EDT areas"), blank=True, related_name="organisations"
    )
    members: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="organisations",
        verbose_name=_("members"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["legal_name"]
        # The engagement directory lists 20,000 organisations by name, a page at a time.
        indexes = [models.Index(fields=["legal_name", "id"], name="organisation_by_name")]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.legal_name

    @property
    def nation_name(self) -> str:
        return nation_name(self.headquarters_nation)

    def ownership_by_nation(self) -> dict[str, Decimal]:
        shares: dict[str, Decimal] = {}
        for holder in self.shareholders.all():
            shares[holder.nation] = shares.get(holder.nation, Decimal(0)) + holder.percentage
        return shares


# The members of some organisations (organisation id -> user ids), read once by a bulk action in its
# own transaction, so that the guard of each of its thousands of moves does not ask again (a context
# variable, like partnerships' `from_proposal`: concurrent requests never see each other's).
_MEMBERS_READ: ContextVar[Mapping[int, frozenset[int]] | None] = ContextVar("members_read", default=None)


@contextmanager
def members_read(members: Mapping[int, frozenset[int]]) -> Iterator[None]:
    """Within the block, `is_member` answers from `members` for these organisations (the caller read
    every membership of each, in the transaction the block runs in); others are still asked."""
    token = _MEMBERS_READ.set(members)
    try:
        yield
    finally:
        _MEMBERS_READ.reset(token)


def is_member(organisation_id: int, user: Any) -> bool:
    """Whether `user` acts for the organisation: the one membership test of the project."""
    if not getattr(user, "is_authenticated", False):
        return False
    read = _MEMBERS_READ.get()
    if read is not None and organisation_id in read:
        return user.pk in read[organisation_id]
    return Membership.objects.filter(organisation_id=organisation_id, user=user).exists()


class Membership(models.Model):
    """A person acting for an organisation; every member sees and edits its applications."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_user")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class Shareholder(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="shareholders")
    name = models.CharField(_("shareholder"), max_length=200)
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES)
    percentage = models.DecimalField(
        _("percentage"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )

    class Meta:
        ordering = ["-percentage", "name"]
        verbose_name = _("shareholder")
        verbose_name_plural = _("shareholders")

    def __str__(self) -> str:
        return f"{self.name} ({self.nation}, {self.percentage} %)"


class Invitation(models.Model):
    """An invitation to join an organisation, sent by one of its members to an e-mail address. The
    person becomes a member only by accepting it (organisations/workflow.py)."""

    workflow = wf.INVITATION_WORKFLOW
    Status = wf.InvitationStatus

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    # The language of the letter when the address has no account yet (an account's own setting wins).
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="en")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One open invitation per address and organisation: inviting again sends the same one.
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(status="pending"),
                name="one_open_invitation_per_address",
            )
        ]
        indexes = [models.Index(fields=["email", "status"])]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.status in wf.OPEN and self.expires_at > timezone.now()
