from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.core.i18n import localized
from lodestar.core.lifecycle import JOB_ACTIVE, JOB_WORKFLOW, JobStatus


class EdtArea(models.Model):
    """An area of the emerging and disruptive technology taxonomy (engine/taxonomy.py holds its lexicon)."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("EDT area")
        verbose_name_plural = _("EDT areas")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Audience(models.TextChoices):
    """Who reads the note of an audit event. Internal is the default: nothing typed by staff reaches
    an applicant unless the person who wrote it chose to share it."""

    INTERNAL = "internal", _("Internal: programme staff only")
    SHARED = "shared", _("Shared with the applicant")


class AuditEvent(models.Model):
    """One recorded change: who did what to which object, when, from which state to which, and why.

    `note` is read by `audience`: staff read every note; an applicant (its pages, letters and the
    API) reads only the shared ones. A note the platform writes itself is a gettext msgid (marked
    with gettext_noop), translated when it is shown, so each reader reads it in their language.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=64)
    from_state = models.CharField(_("from"), max_length=32, blank=True)
    to_state = models.CharField(_("to"), max_length=32, blank=True)
    note = models.TextField(_("note"), blank=True)
    audience = models.CharField(
        _("who reads the note"), max_length=8, choices=Audience.choices, default=Audience.INTERNAL
    )

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.from_state}->{self.to_state}"


class Job(models.Model):
    """A long piece of work run by a task worker; the page and the command line follow its progress.

    A job that failed keeps its error and can be run again: every job's work is written to be
    repeatable (it replaces its own results rather than adding to them).
    """

    workflow = JOB_WORKFLOW
    Status = JobStatus

    kind = models.CharField(_("kind"), max_length=64)
    label = models.CharField(_("label"), max_length=200)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveIntegerField(_("progress"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    error = models.TextField(_("error"), blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The lease: the worker running the job writes `heartbeat_at` every few seconds; a running job
    # whose heartbeat is older than settings.JOB_LEASE_SECONDS lost its worker (core/jobs.py).
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=100, blank=True)
    # Why it failed, for the staff who follow it: a message id shown in the reader's language, or a
    # refusal already worded in the language of the person who started it. `error` keeps the
    # technical detail for the platform's administrators.
    failure = models.CharField(_("reason for the failure"), max_length=500, blank=True)
    # Runs started (the first included) and how many are allowed: a job whose worker died is queued
    # again automatically while `attempts < max_attempts` (1 for kinds that are not safe to repeat).
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="core_job_lease")]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return f"{self.label} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, round(100 * self.progress / self.total))

    @property
    def is_active(self) -> bool:
        return self.status in JOB_ACTIVE


class Letter(models.Model):
    """One letter to one person about one object, as it went out (or failed to): who it went to, when,
    which template, in which language, set off by whom. Staff read an object's letters on its page
    (an application's confirmation and decision letters) and open each one to read its full text,
    kept in `body` exactly as it was sent (letters are plain text: none has an HTML part). The
    recipient reads their own letters. A letter whose `sent_at` is empty could not be sent (`error`
    says why) and is sent again by the action that wrote it, which skips every letter already sent."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    about = GenericForeignKey("content_type", "object_id")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="letters"
    )
    email = models.EmailField(_("e-mail address"))
    template = models.CharField(_("letter"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("why it was not sent"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "template"], name="core_letter_about")]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self) -> str:
        return f"{self.template} → {self.email}"
