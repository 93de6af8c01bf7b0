from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications import workflow as wf
from lodestar.core.models import EdtArea
from lodestar.core.nations import NATION_CHOICES
from lodestar.core.roles import PROGRAMME_TEAM, Scope, ScopeKind, for_role
from lodestar.organisations.models import Organisation, is_member
from lodestar.programmes.eligibility import Verdict
from lodestar.programmes.models import Challenge, Question


def private_storage() -> Any:
    return storages["private"]


def attachment_path(instance: Attachment, filename: str) -> str:
    # The stored name never reuses what the uploader typed: no path tricks, no collisions.
    return f"applications/{instance.application_id}/{uuid.uuid4().hex}.pdf"


# Answers whose text matching and search read.
WRITTEN_KINDS = frozenset({Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT})

# Who else may open an application, registered by the apps above this one (which this module
# cannot import): each gives a user the filter of the applications it opens to them, for example
# reviews: an expert, the applications of its published assignments.
READERS: list[Callable[[Any], models.Q]] = []


class ApplicationQuerySet(models.QuerySet["Application"]):
    def visible_to(self, user: Any) -> ApplicationQuerySet:
        """Applications this user may open: the programme team sees all (a team of some programmes,
        theirs), members their organisation's, and whoever a registered reader lets in (experts:
        those published to them)."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(*PROGRAMME_TEAM):
            return self
        mine = models.Q(organisation__memberships__user=user)
        if user.is_programme_team:  # for some programmes only: their applications
            mine |= models.Q(pk__in=self.for_role(user, PROGRAMME_TEAM).values("pk"))
        for reader in READERS:
            mine |= reader(user)
        return self.filter(mine).distinct()

    def for_role(self, user: Any, roles: Iterable[str]) -> ApplicationQuerySet:
        """The applications to the programmes `user` holds one of `roles` for (all for a global role)."""
        return for_role(self, user, roles, kind=ScopeKind.PROGRAMME, via="challenge__call__programme")


class Application(models.Model):
    workflow = wf.APPLICATION_WORKFLOW

    challenge = models.ForeignKey(Challenge, on_delete=models.PROTECT, related_name="applications")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="applications")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=1500, help_text=_("At most 1,500 characters."))
    description = models.TextField(
        _("description"),
        max_length=10000,
        validators=[MaxLengthValidator(10000)],  # a TextField's max_length alone binds only forms
        help_text=_("The problem, your solution, its maturity and your plan for the programme."),
    )
    trl = models.PositiveSmallIntegerField(
        _("technology readiness level"),
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        null=True,
        blank=True,
        help_text=_("From 1 (basic principles observed) to 9 (system proven in operation)."),
    )
    requested_amount = models.DecimalField(
        _("requested amount (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    areas = models.ManyToManyField(
        EdtArea, verbose_name=_("EDT areas"), blank=True, related_name="applications"
    )
    language = models.CharField(
        _("language"), max_length=2, blank=True, help_text=_("Detected from the text.")
    )
    status = models.CharField(_("status"), max_length=16, choices=list(wf.STATES.items()), default=wf.DRAFT)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    eligibility_verdict = models.CharField(
        _("automatic eligibility"), max_length=16, choices=Verdict.choices, blank=True
    )
    eligibility_report = models.JSONField(_("eligibility report"), default=list, blank=True)
    screening_note = models.TextField(_("screening note"), blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    screened_at = models.DateTimeField(_("screened"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "challenge"], name="one_application_per_challenge"
            )
        ]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["challenge", "status"])]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"A-{self.pk:05d}" if self.pk else "A-new"

    @property
    def call(self) -> Any:
        return self.challenge.call

    @property
    def role_scope(self) -> Scope:
        """An application is in its call's programme (select `challenge__call` to read it for free)."""
        return self.challenge.call.role_scope

    def is_member(self, user: Any) -> bool:
        return is_member(self.organisation_id, user)

    @property
    def is_editable(self) -> bool:
        return self.status in wf.EDITABLE

    @property
    def status_label(self) -> str:
        return str(wf.STATES.get(self.status, self.status))

    def text_for_matching(self) -> str:
        """What matching and search read: the fixed fields, then the written answers to the call's own
        questions (prefetch `answers__question` when reading many applications)."""
        answers = self.answers.all() if self.pk else []
        written = [a.value for a in answers if a.question.kind in WRITTEN_KINDS and a.value]
        return "\n".join(part for part in (self.title, self.summary, self.description, *written) if part)


class TeamMember(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150)
    nation = models.CharField(_("nationality"), max_length=2, choices=NATION_CHOICES, blank=True)
    expertise = models.CharField(_("expertise"), max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class Answer(models.Model):
    """An application's answer to one question of its call's form. Text, numbers (as written with a
    dot), dates (ISO) and the number of a chosen option (1, 2...) are kept in `value`; a file is an
    attachment of the application, checked like the others."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    # A question is removed only while no application was submitted (its form is not frozen yet):
    # the drafts' answers to it go with it.
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(_("answer"), blank=True)
    attachment = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )

    class Meta:
        ordering = ["question__position", "question_id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="one_answer_per_question")
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.application_id}/{self.question_id}"

    def shown(self, language: str | None = None) -> str:
        """The answer as a reader sees it, in `language` (the active one by default)."""
        kind = self.question.kind
        if kind == Question.Kind.FILE:
            return self.attachment.original_name if self.attachment else ""
        if kind == Question.Kind.CHOICE and self.value.isdigit():
            options = self.question.options(language)
            index = int(self.value) - 1
            return options[index] if 0 <= index < len(options) else self.value
        if kind == Question.Kind.DATE and self.value:
            try:
                return str(formats.date_format(date.fromisoformat(self.value), "SHORT_DATE_FORMAT"))
            except ValueError:
                return self.value
        if kind == Question.Kind.NUMBER and self.value:
            try:
                return str(formats.number_format(Decimal(self.value), use_l10n=True, force_grouping=True))
            except InvalidOperation:
                return self.value
        return self.value
