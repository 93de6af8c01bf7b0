from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.reviews.models.experts import Expert


class Conflict(models.Model):
    """A reason an expert should not review an application, with its evidence and a person's decision."""

    class Kind(models.TextChoices):
        SAME_ORGANISATION = "same_organisation", _("Same organisation")
        PAST_EMPLOYMENT = "past_employment", _("Past employment")
        FINANCIAL_TIE = "financial_tie", _("Shareholding or investment tie")
        CO_AUTHORSHIP = "co_authorship", _("Co-authorship")
        SAME_NATION = "same_nation", _("Same nation")
        DECLARED_BY_EXPERT = "declared_by_expert", _("Declared by the expert")
        DECLARED_BY_APPLICANT = "declared_by_applicant", _("Declared by the applicant")

    class State(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")
        DISMISSED = "dismissed", _("Dismissed")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="conflicts")
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="conflicts")
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    evidence = models.TextField(_("evidence"))
    facts = models.JSONField(_("facts"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.SUGGESTED)
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["state", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["application", "expert", "kind"], name="one_conflict_per_kind")
        ]
        indexes = [models.Index(fields=["state"])]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")

    def __str__(self) -> str:
        return f"{self.expert} / {self.application.reference}: {self.get_kind_display()}"

    @property
    def blocks(self) -> bool:
        """Confirmed conflicts are never assigned; a declaration counts as confirmed at once."""
        return self.state == self.State.CONFIRMED


class Assignment(models.Model):
    """An expert asked to review an application. Proposed by the optimiser or by hand, then published."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Published")
        DECLINED = "declined", _("Declined")

    class Source(models.TextChoices):
        OPTIMISER = "optimiser", _("Optimal assignment")
        MANUAL = "manual", _("Staff")
        REASSIGNMENT = "reassignment", _("Reassignment")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="assignments")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices, default=Source.OPTIMISER)
    score = models.FloatField(_("affinity"), default=0.0)
    explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)

    class Meta:
        ordering = ["application_id", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["application", "expert"], name="one_assignment_per_pair")
        ]
        indexes = [models.Index(fields=["expert", "status"]), models.Index(fields=["application", "status"])]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.expert} → {self.application.reference}"
