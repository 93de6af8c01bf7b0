from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.programmes.models import Call

# The accelerator's published Phase 1 criteria (shared/FACTS.md), scored 1-5 each.
DEFAULT_CRITERIA: list[dict[str, Any]] = [
    {
        "code": "fit",
        "en": "Fit to the challenge and transformative potential",
        "fr": "Adéquation au défi et potentiel de transformation",
        "weight": 1.0,
    },
    {"code": "feasibility", "en": "Technical feasibility", "fr": "Faisabilité technique", "weight": 1.0},
    {
        "code": "commercial",
        "en": "Commercial viability (defence and civil markets)",
        "fr": "Viabilité commerciale (marchés de défense et civils)",
        "weight": 1.0,
    },
    {"code": "team", "en": "Team", "fr": "Équipe", "weight": 1.0},
]


def default_criteria() -> list[dict[str, Any]]:
    return [dict(c) for c in DEFAULT_CRITERIA]


def default_type_minimums() -> dict[str, int]:
    return {}


class ReviewSetup(models.Model):
    """How a call is reviewed and selected: assignment rules, rubric, blind review, selection rules."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="review_setup")
    # Assignment
    experts_per_application = models.PositiveSmallIntegerField(
        _("experts per application"), default=3, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    min_load = models.PositiveSmallIntegerField(_("minimum load per expert"), default=0)
    max_load = models.PositiveSmallIntegerField(
        _("maximum load per expert"),
        default=12,
        help_text=_("An expert's own maximum applies when it is lower."),
    )
    min_business = models.PositiveSmallIntegerField(_("at least this many from the business pool"), default=0)
    max_same_nation = models.PositiveSmallIntegerField(
        _("at most this many from the applicant's nation"), null=True, blank=True, default=1
    )
    fair = models.BooleanField(
        _("fairness mode"),
        default=False,
        help_text=_("First raise the worst-served application's affinity, then the total."),
    )
    # Lexical affinities are small numbers: on the demo, half of all assignments score under 0.062 and the
    # weakest tenth under 0.028, which is where an expert shares little more than generic words.
    weak_match = models.FloatField(
        _("weak match below"), default=0.03, help_text=_("Assignments with a lower affinity are flagged.")
    )
    conflict_same_nation = models.BooleanField(_("same nation is a conflict"), default=False)
    assignment_published_at = models.DateTimeField(_("assignment published"), null=True, blank=True)
    # Reviewing
    blind = models.BooleanField(
        _("blind review"), default=False, help_text=_("Experts do not see who applied.")
    )
    criteria = models.JSONField(_("criteria"), default=default_criteria)
    review_deadline = models.DateTimeField(_("review deadline"), null=True, blank=True)
    share_comments = models.BooleanField(_("reviewer comments in decision letters"), default=False)
    # Selection
    budget = models.DecimalField(
        _("budget (EUR)"), max_digits=14, decimal_places=2, default=Decimal(7_400_000)
    )
    min_per_challenge = models.PositiveSmallIntegerField(_("minimum per challenge"), default=0)
    max_per_challenge = models.PositiveSmallIntegerField(_("maximum per challenge"), null=True, blank=True)
    max_nation_share = models.DecimalField(
        _("maximum share of one nation (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        default=Decimal(20),
        validators=[MinValueValidator(Decimal(1)), MaxValueValidator(Decimal(100))],
    )
    min_nations = models.PositiveSmallIntegerField(_("minimum number of nations"), default=0)
    min_per_type = models.JSONField(
        _("minimum per organisation type"), default=default_type_minimums, blank=True
    )

    class Meta:
        verbose_name = _("review set-up")
        verbose_name_plural = _("review set-ups")

    def __str__(self) -> str:
        return str(self.call)

    @property
    def criterion_codes(self) -> list[str]:
        return [c["code"] for c in self.criteria]

    def criterion_label(self, code: str, language: str) -> str:
        for c in self.criteria:
            if c["code"] == code:
                return str(c.get(language) or c.get("en") or code)
        return code


def setup_for(call: Call) -> ReviewSetup:
    """The call's review set-up, created with the defaults the first time it is needed."""
    setup, _created = ReviewSetup.objects.get_or_create(call=call)
    return setup
