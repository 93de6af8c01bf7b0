"""The road to adoption: a nation's end users' interest in a cohort company, followed step by step to
a signed contract, and the cohort's demo day with its invitations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.models.cohorts import Cohort, CohortCompany
from lodestar.core.i18n import localized
from lodestar.core.nations import NATION_CHOICES, nation_name


class AdoptionCase(models.Model):
    """One nation's road from first contact with a company to a contract. Each step keeps its date."""

    Status = wf.AdoptionStatus
    workflow = wf.ADOPTION_WORKFLOW

    class Route(models.TextChoices):
        INNOVATION_PARTNERSHIP = "innovation_partnership", _("Innovation partnership")
        PRE_COMMERCIAL = "pre_commercial", _("Pre-commercial procurement")
        PROTOTYPE_AGREEMENT = "prototype_agreement", _("Prototype agreement")
        FRAMEWORK = "framework", _("Call-off from a framework agreement")
        NEGOTIATED = "negotiated", _("Negotiated procedure (defence and security)")
        BELOW_THRESHOLD = "below_threshold", _("Direct award below the threshold")

    company = models.ForeignKey(CohortCompany, on_delete=models.CASCADE, related_name="adoption_cases")
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=16, choices=wf.AdoptionStatus.choices, default=wf.AdoptionStatus.INTEREST
    )
    # The first contact: the day the end user expressed interest.
    interest_on = models.DateField(_("interest expressed on"))
    pilot_agreed_on = models.DateField(_("pilot agreed on"), null=True, blank=True)
    field_test_on = models.DateField(_("field test started on"), null=True, blank=True)
    route_chosen_on = models.DateField(_("procurement route chosen on"), null=True, blank=True)
    contract_signed_on = models.DateField(_("contract signed on"), null=True, blank=True)
    stopped_on = models.DateField(_("stopped on"), null=True, blank=True)
    route = models.CharField(_("procurement route"), max_length=32, choices=Route.choices, blank=True)
    contract_value = models.DecimalField(
        _("contract value (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    # Read by the nation's end users, the company and the programme team.
    need = models.TextField(_("the need (read by the company and the programme team)"), blank=True)

    class Meta:
        ordering = ["company", "nation"]
        verbose_name = _("adoption case")
        verbose_name_plural = _("adoption cases")
        constraints = [
            models.UniqueConstraint(fields=["company", "nation"], name="one_adoption_case_per_nation")
        ]

    def __str__(self) -> str:
        return f"{self.company} · {self.nation}"

    @property
    def status_label(self) -> str:
        return str(self.workflow.label(self.status))

    @property
    def nation_name(self) -> str:
        return nation_name(self.nation)

    @property
    def lead_time_days(self) -> int | None:
        """Days from first contact to the signed contract (None until it is signed)."""
        if self.contract_signed_on is None:
            return None
        return (self.contract_signed_on - self.interest_on).days

    def days_open(self, today: date) -> int:
        return ((self.contract_signed_on or self.stopped_on or today) - self.interest_on).days

    def steps(self) -> list[tuple[Any, date | None]]:
        """Each step's label and date, in order (None: not reached)."""
        return [(self.workflow.label(state), getattr(self, field)) for state, field in wf.ADOPTION_STEPS]


class DemoDay(models.Model):
    """The cohort's demo day: the companies present to invited end users."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="demo_days")
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=200)
    description_en = models.TextField(_("programme (English)"), blank=True)
    description_fr = models.TextField(_("programme (French)"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_on", "pk"]
        verbose_name = _("demo day")
        verbose_name_plural = _("demo days")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")


class DemoDayInvitation(models.Model):
    Status = wf.InvitationStatus
    workflow = wf.INVITATION_WORKFLOW

    demo_day = models.ForeignKey(DemoDay, on_delete=models.CASCADE, related_name="invitations")
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demo_day_invitations"
    )
    status = models.CharField(
        _("answer"), max_length=16, choices=wf.InvitationStatus.choices, default=wf.InvitationStatus.INVITED
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)

    class Meta:
        ordering = ["demo_day", "invitee__full_name"]
        verbose_name = _("demo day invitation")
        verbose_name_plural = _("demo day invitations")
        constraints = [
            models.UniqueConstraint(fields=["demo_day", "invitee"], name="one_invitation_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.demo_day}: {self.invitee}"

    @property
    def status_label(self) -> str:
        return str(self.workflow.label(self.status))
