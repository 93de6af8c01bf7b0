"""Cohort selection of a call: its rules, each run with its entries, the director's overrides."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.core.roles import Scope
from lodestar.programmes.models import Call
from lodestar.programmes.rules import saved_or_default
from lodestar.selection import workflow as wf


def default_type_minimums() -> dict[str, int]:
    return {}


class SelectionRules(models.Model):
    """The rules a cohort of the call is selected under: budget and spread. Saved only once the
    director changes them; each run keeps a snapshot of the rules it used (`Selection.rules`)."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="selection_rules")
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
        verbose_name = _("selection rules")
        verbose_name_plural = _("selection rules")

    def __str__(self) -> str:
        return str(self.call)


def selection_rules(call: Call) -> SelectionRules:
    """The call's selection rules, or the defaults (unsaved): never writes."""
    return saved_or_default(SelectionRules, call)


class Selection(models.Model):
    """One run of cohort selection under the call's rules; the director overrides and confirms it."""

    workflow = wf.SELECTION_WORKFLOW
    Status = wf.SelectionStatus

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="selections")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    rules = models.JSONField(_("rules"), default=dict)
    feasible = models.BooleanField(_("feasible"), default=True)
    proven_optimal = models.BooleanField(_("proven optimal"), default=False)
    objective = models.FloatField(_("total merit"), default=0.0)
    cost = models.DecimalField(_("budget used (EUR)"), max_digits=14, decimal_places=2, default=0)
    diagnosis = models.TextField(_("diagnosis"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    letters_sent_at = models.DateTimeField(_("letters sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("selection")
        verbose_name_plural = _("selections")

    def __str__(self) -> str:
        return f"{self.call} ({self.get_status_display()}, {self.created_at:%Y-%m-%d %H:%M})"

    @property
    def role_scope(self) -> Scope:
        """In its call's programme: the director's moves are checked there."""
        return self.call.role_scope


class SelectionEntry(models.Model):
    """One candidate of a selection: chosen or not, why (for those near the line), and any override."""

    class Override(models.TextChoices):
        FORCE_IN = "in", _("Taken by the director")
        FORCE_OUT = "out", _("Left out by the director")

    selection = models.ForeignKey(Selection, on_delete=models.CASCADE, related_name="entries")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="selection_entries")
    merit = models.FloatField(_("calibrated merit"))
    rank = models.PositiveIntegerField(_("rank"))
    chosen = models.BooleanField(_("chosen"))
    near_line = models.BooleanField(_("near the line"), default=False)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    override = models.CharField(_("override"), max_length=3, choices=Override.choices, blank=True)
    override_reason = models.TextField(_("reason for the override"), blank=True)

    class Meta:
        ordering = ["selection", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["selection", "application"], name="one_entry_per_application")
        ]
        verbose_name = _("selection entry")
        verbose_name_plural = _("selection entries")

    def __str__(self) -> str:
        return f"{self.application} ({'in' if self.chosen else 'out'})"
