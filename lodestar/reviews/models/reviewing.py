from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.core.roles import Scope
from lodestar.reviews import workflow as wf
from lodestar.reviews.models.assignment import Assignment


class Review(models.Model):
    """An expert's review of one assigned application against the call's rubric."""

    class Recommendation(models.TextChoices):
        STRONG_YES = "strong_yes", _("Strongly recommend")
        YES = "yes", _("Recommend")
        NO = "no", _("Do not recommend")

    workflow = wf.REVIEW_WORKFLOW
    Status = wf.ReviewStatus

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    comments = models.JSONField(_("comments"), default=dict, blank=True)
    overall = models.TextField(_("overall comment"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=16, choices=Recommendation.choices, blank=True
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminder_at = models.DateTimeField(_("last reminder"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.assignment} ({self.get_status_display()})"

    @property
    def role_scope(self) -> Scope:
        return self.assignment.role_scope
