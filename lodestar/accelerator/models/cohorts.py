"""Cohorts: the companies of a confirmed selection going through the accelerator together, each with
its phase, its technology readiness over time, its mentors and the results it chose to share.

A cohort's companies are the selected applications of its call; what each company does (award,
milestones, payments, reports) lives in `grants`, and its bookings in this app: the cohort joins
them rather than copying them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.accelerator import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.i18n import localized
from lodestar.core.roles import Scope, ScopeKind
from lodestar.experts.models import Expert
from lodestar.organisations.models import Organisation, is_member
from lodestar.programmes.models import Call, Programme
from lodestar.selection.models import Selection

# Some public programmes aim for 60 to 90 days from first contact to a prototype contract (FACTS.md).
DEFAULT_TARGET_DAYS = (60, 90)


class AdoptionTarget(models.Model):
    """A programme's target for the lead time from an end user's first contact to a signed contract.

    Saved only once staff change it; `target_of(programme)` gives the default (60 to 90 days) unsaved.
    """

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="adoption_target")
    min_days = models.PositiveSmallIntegerField(
        _("target from (days)"), default=DEFAULT_TARGET_DAYS[0], validators=[MinValueValidator(1)]
    )
    max_days = models.PositiveSmallIntegerField(
        _("target up to (days)"), default=DEFAULT_TARGET_DAYS[1], validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("adoption lead-time target")
        verbose_name_plural = _("adoption lead-time targets")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_days__gte=models.F("min_days")), name="target_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme}: {self.min_days}–{self.max_days}"


def target_of(programme: Programme) -> AdoptionTarget:
    return AdoptionTarget.objects.filter(programme=programme).first() or AdoptionTarget(programme=programme)


class Cohort(models.Model):
    Status = wf.CohortStatus
    workflow = wf.COHORT_WORKFLOW

    call = models.OneToOneField(Call, on_delete=models.PROTECT, related_name="cohort")
    selection = models.OneToOneField(Selection, on_delete=models.PROTECT, related_name="cohort")
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    status = models.CharField(
        _("status"), max_length=16, choices=wf.CohortStatus.choices, default=wf.CohortStatus.FORMING
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    # The Phase 2 call: a call of the same programme open to this cohort's companies only, reviewed,
    # ranked and selected like any other.
    phase_two_call = models.OneToOneField(
        Call, on_delete=models.PROTECT, null=True, blank=True, related_name="phase_two_of"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="cohort_ends_after"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def role_scope(self) -> Scope:
        """Accelerator staff may hold their role for one cohort."""
        return Scope.of(ScopeKind.COHORT, self.pk)

    @property
    def status_label(self) -> str:
        return str(self.workflow.label(self.status))


class CohortCompany(models.Model):
    """One company of a cohort, through the application that was selected."""

    class Phase(models.IntegerChoices):
        ONE = 1, _("Phase 1")
        TWO = 2, _("Phase 2")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="companies")
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="cohort_place")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cohort_places")
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices, default=Phase.ONE)

    class Meta:
        ordering = ["cohort", "organisation__legal_name"]
        verbose_name = _("cohort company")
        verbose_name_plural = _("cohort companies")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "organisation"], name="one_place_per_company_in_cohort")
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    def is_member(self, user: Any) -> bool:
        return is_member(self.organisation_id, user)

    def member_ids(self) -> set[int]:
        """The ids of the company's members (to tell a reading it recorded from the team's)."""
        return set(self.organisation.memberships.values_list("user_id", flat=True))


class TrlReading(models.Model):
    """The company's technology readiness level (1 to 9) on a day: its progress over the programme.
    The first reading is the level the application declared."""

    company = models.ForeignKey(CohortCompany, on_delete=models.CASCADE, related_name="trl_readings")
    trl = models.PositiveSmallIntegerField(
        _("technology readiness level"), validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    measured_on = models.DateField(_("on"))
    # Read by the programme team and the company's members; never by end users.
    note = models.CharField(
        _("evidence (read by the programme team and the company)"), max_length=300, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["company", "measured_on", "pk"]
        verbose_name = _("readiness reading")
        verbose_name_plural = _("readiness readings")
        constraints = [models.CheckConstraint(condition=models.Q(trl__gte=1, trl__lte=9), name="trl_1_to_9")]

    def __str__(self) -> str:
        return f"{self.company}: TRL {self.trl} ({self.measured_on})"


class Mentoring(models.Model):
    """An expert of the pool mentoring one company (checked for conflicts when assigned)."""

    company = models.ForeignKey(CohortCompany, on_delete=models.CASCADE, related_name="mentorings")
    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="mentorings")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    # Read by the programme team, the company and the mentor.
    focus = models.CharField(_("focus (read by the company and the mentor)"), max_length=300, blank=True)

    class Meta:
        ordering = ["company", "assigned_at"]
        verbose_name = _("mentoring")
        verbose_name_plural = _("mentorings")
        constraints = [models.UniqueConstraint(fields=["company", "expert"], name="one_mentoring_per_pair")]

    def __str__(self) -> str:
        return f"{self.expert} → {self.company}"


class SharedResult(models.Model):
    """A result or test report the company writes about its work. End users read it only once the
    company shares it (`shared`); the programme team always reads it."""

    class Kind(models.TextChoices):
        RESULT = "result", _("Result")
        TEST_REPORT = "test_report", _("Test report")

    company = models.ForeignKey(CohortCompany, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.RESULT)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    language = models.CharField(
        _("language"), max_length=2, choices=[("en", _("English")), ("fr", _("French"))], default="en"
    )
    shared = models.BooleanField(_("shared with end users"), default=False)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    written_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["company", "-written_at", "-pk"]
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return self.title
