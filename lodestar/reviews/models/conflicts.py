"""Conflicts of interest between an expert and an application, with evidence and a person's decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.core.roles import Scope
from lodestar.experts.models import Expert
from lodestar.reviews import workflow as wf


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

    workflow = wf.CONFLICT_WORKFLOW
    State = wf.ConflictState

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
    def role_scope(self) -> Scope:
        """In its application's programme: the workflow's staff moves are checked there."""
        return self.application.role_scope

    @property
    def declared_by_expert(self) -> bool:
        """The expert's own declaration, which nobody may dismiss (read by the workflow's guard)."""
        return self.kind == self.Kind.DECLARED_BY_EXPERT

    @property
    def blocks(self) -> bool:
        """Confirmed conflicts are never assigned; a declaration counts as confirmed at once."""
        return self.state == self.State.CONFIRMED
