from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.core.roles import Scope
from lodestar.experts.models import Expert
from lodestar.reviews import workflow as wf


class Assignment(models.Model):
    """An expert asked to review an application. Proposed by the optimiser or by hand, then published."""

    workflow = wf.ASSIGNMENT_WORKFLOW
    Status = wf.AssignmentStatus

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

    @property
    def role_scope(self) -> Scope:
        """In its application's programme: the workflow's staff moves are checked there."""
        return self.application.role_scope
