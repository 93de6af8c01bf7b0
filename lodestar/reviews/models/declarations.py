"""Names declared by people as reasons not to review: the raw words, kept so that every run of
conflict detection reads them again (a Conflict row needs an expert and an application; a declared
name may match neither yet, e.g. an organisation that applies only next year)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.reviews.models.experts import Expert


class ConflictDeclaration(models.Model):
    """One declared name: an organisation an expert has ties with (`expert` set), or a person or
    organisation an applicant does not want as reviewer (`application` set). Exactly one side is set."""

    expert = models.ForeignKey(
        Expert, null=True, blank=True, on_delete=models.CASCADE, related_name="declarations"
    )
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="conflict_declarations"
    )
    name = models.CharField(_("name"), max_length=200)
    reason = models.TextField(_("reason"), blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expert__isnull=False, application__isnull=True)
                | models.Q(expert__isnull=True, application__isnull=False),
                name="declaration_has_one_side",
            )
        ]
        verbose_name = _("conflict declaration")
        verbose_name_plural = _("conflict declarations")

    def __str__(self) -> str:
        return self.name
