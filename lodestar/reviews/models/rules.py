"""The rules of the review stages of a call, one model per stage: conflicts, assignment, reviewing.

Each is a OneToOne to the call, saved only once staff change it; `conflict_rules(call)`,
`assignment_rules(call)` and `review_rules(call)` read the saved rules or the defaults without
writing (see lodestar/programmes/rules.py). The selection rules live in the selection app.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.programmes.models import Call
from lodestar.programmes.rules import saved_or_default

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


class ConflictRules(models.Model):
    """What conflict detection counts as a conflict in a call, beyond the ties it always looks for."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="conflict_rules")
    same_nation = models.BooleanField(_("same nation is a conflict"), default=False)

    class Meta:
        verbose_name = _("conflict rules")
        verbose_name_plural = _("conflict rules")

    def __str__(self) -> str:
        return str(self.call)


class AssignmentRules(models.Model):
    """How experts are assigned to a call's applications: how many, how loaded, from which pools.

    When the assignment was published is not a rule but a fact of the assignments themselves: each
    published one keeps its `published_at` (see `actions.assignment.publication_time`)."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="assignment_rules")
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

    class Meta:
        verbose_name = _("assignment rules")
        verbose_name_plural = _("assignment rules")

    def __str__(self) -> str:
        return str(self.call)


class ReviewRules(models.Model):
    """How experts review a call: the rubric and its weights, blind or not, the deadline, and whether
    their comments may be quoted in the decision letters (they write knowing it)."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="review_rules")
    blind = models.BooleanField(
        _("blind review"), default=False, help_text=_("Experts do not see who applied.")
    )
    criteria = models.JSONField(_("criteria"), default=default_criteria)
    review_deadline = models.DateTimeField(_("review deadline"), null=True, blank=True)
    share_comments = models.BooleanField(_("reviewer comments in decision letters"), default=False)

    class Meta:
        verbose_name = _("review rules")
        verbose_name_plural = _("review rules")

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


def conflict_rules(call: Call) -> ConflictRules:
    """The call's conflict rules, or the defaults (unsaved): never writes."""
    return saved_or_default(ConflictRules, call)


def assignment_rules(call: Call) -> AssignmentRules:
    """The call's assignment rules, or the defaults (unsaved): never writes."""
    return saved_or_default(AssignmentRules, call)


def review_rules(call: Call) -> ReviewRules:
    """The call's review rules, or the defaults (unsaved): never writes."""
    return saved_or_default(ReviewRules, call)
