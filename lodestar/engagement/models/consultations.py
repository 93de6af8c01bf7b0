"""Consultations, the contributions sent to them, what each was matched to, and follow-up actions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.core.i18n import localized
from lodestar.engagement import workflow as wf
from lodestar.engagement.models.directory import Person
from lodestar.engagement.models.events import Event
from lodestar.organisations.models import Organisation
from lodestar.programmes.models import Challenge


class Consultation(models.Model):
    workflow = wf.CONSULTATION_WORKFLOW

    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    question_en = models.TextField(_("question (English)"))
    question_fr = models.TextField(_("question (French)"))
    closes_on = models.DateField(_("closes on"))
    matching_enabled = models.BooleanField(
        _("match contributions to challenges and radar areas"),
        default=True,
        help_text=_("An aid to the officers: every match shows its evidence; switch it off at any time."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=wf.ConsultationStatus.choices, default=wf.ConsultationStatus.DRAFT
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-closes_on", "pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def question(self) -> str:
        return localized(self, "question")


class ContributionKind(models.TextChoices):
    IDEA = "idea", _("Idea")
    POSITION = "position", _("Position")


class Contribution(models.Model):
    workflow = wf.CONTRIBUTION_WORKFLOW

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="contributions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="contributions"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="contributions"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=ContributionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="en")
    show_author = models.BooleanField(
        _("show my name with it"),
        default=False,
        help_text=_("Otherwise the public page shows no name; the officers always see it."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=wf.ContributionStatus.choices,
        default=wf.ContributionStatus.SUBMITTED,
    )
    hidden_reason = models.TextField(
        _("reason for hiding"), blank=True, help_text=_("Read by the author and the engagement officers.")
    )
    outcome = models.TextField(
        _("what became of it"), blank=True, help_text=_("Public, shown under the published contribution.")
    )
    areas = models.JSONField(_("radar areas"), default=list, blank=True)
    matched_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return self.title

    @property
    def public_author(self) -> str:
        """The name the public page shows: only when the author chose so, never after an erasure."""
        if not self.show_author or self.person is None or self.person.erased_at:
            return ""
        organisation = (
            f" ({self.organisation.legal_name})" if self.organisation_id and self.organisation else ""
        )
        return f"{self.person.full_name}{organisation}"


class ChallengeMatch(models.Model):
    """An open challenge a contribution reads like, with the evidence (shared terms and areas)."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="challenge_matches")
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("score"))
    explanation = models.JSONField(default=dict)

    class Meta:
        ordering = ["-score", "pk"]
        verbose_name = _("challenge match")
        verbose_name_plural = _("challenge matches")

    def __str__(self) -> str:
        return f"{self.contribution_id} ~ {self.challenge_id}"


class FollowUp(models.Model):
    """An action promised at a dialogue or in answer to a contribution. Its title and status are
    public when it follows a published contribution; the owner and due date are for the officers."""

    workflow = wf.FOLLOW_UP_WORKFLOW

    title = models.CharField(_("action"), max_length=250)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    contribution = models.ForeignKey(
        Contribution, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="follow_ups")
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=10, choices=wf.FollowUpStatus.choices, default=wf.FollowUpStatus.OPEN
    )
    reminded_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event__isnull=False) | models.Q(contribution__isnull=False),
                name="follow_up_has_a_source",
            )
        ]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self) -> str:
        return self.title
