"""What the matching engine found for a call, kept with its explanations until the next run."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.experts.models import Expert
from lodestar.programmes.models import Call, Challenge


class ChallengeFit(models.Model):
    """The challenge an application's text fits best; flagged when that is not the one it chose."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="challenge_fit")
    best_challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="+")
    best_score = models.FloatField(_("best score"))
    own_score = models.FloatField(_("score of the chosen challenge"))
    misfiled = models.BooleanField(_("another challenge fits better"), default=False)
    explanation = models.JSONField(_("explanation"), default=dict)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)

    class Meta:
        verbose_name = _("challenge fit")
        verbose_name_plural = _("challenge fits")

    def __str__(self) -> str:
        return f"{self.application} → {self.best_challenge}"


class DuplicatePair(models.Model):
    """Two applications that read alike (the same text, reworded, or translated), for a person to judge."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="duplicate_pairs")
    first = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    similarity = models.FloatField(_("similarity"))
    terms = models.JSONField(_("shared terms"), default=list)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)

    class Meta:
        ordering = ["-similarity"]
        constraints = [models.UniqueConstraint(fields=["call", "first", "second"], name="one_pair_per_call")]
        verbose_name = _("near-duplicate pair")
        verbose_name_plural = _("near-duplicate pairs")

    def __str__(self) -> str:
        return f"{self.first.reference} ≈ {self.second.reference} ({self.similarity:.2f})"


class ExpertSuggestion(models.Model):
    """An expert whose documents fit an application, best first, with why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="expert_suggestions")
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="suggestions")
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("affinity"))
    explanation = models.JSONField(_("explanation"), default=dict)

    class Meta:
        ordering = ["application", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["application", "expert"], name="one_suggestion_per_pair")
        ]
        verbose_name = _("expert suggestion")
        verbose_name_plural = _("expert suggestions")

    def __str__(self) -> str:
        return f"{self.expert} for {self.application.reference}"
