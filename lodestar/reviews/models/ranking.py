from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.programmes.models import Call


class RankingEntry(models.Model):
    """One application's place in the call's ranking: raw and calibrated aggregates side by side."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="ranking")
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="ranking")
    rank = models.PositiveIntegerField(_("rank"))
    raw_rank = models.PositiveIntegerField(_("rank by mean"))
    calibrated = models.FloatField(_("calibrated merit"))
    lower = models.FloatField(_("lower bound"))
    upper = models.FloatField(_("upper bound"))
    mean = models.FloatField(_("mean"))
    median = models.FloatField(_("median"))
    reviews = models.PositiveSmallIntegerField(_("reviews"))
    spread = models.FloatField(_("spread"), default=0.0)
    disagreement = models.BooleanField(_("reviews disagree"), default=False)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)

    class Meta:
        ordering = ["call", "rank"]
        indexes = [models.Index(fields=["call", "rank"])]
        verbose_name = _("ranking entry")
        verbose_name_plural = _("ranking")

    def __str__(self) -> str:
        return f"#{self.rank} {self.application}"
