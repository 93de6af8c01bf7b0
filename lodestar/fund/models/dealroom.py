"""What the fund team keeps on a deal: notes, tasks with owners and due dates, the private data room,
and the due-diligence checklist built from the fund's templates (legal, technical, financial, security).
All of it is read by the fund team of the deal's fund only."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.core.roles import Scope, ScopeKind
from lodestar.core.storage import PrivateFileSystemStorage
from lodestar.fund import workflow as wf
from lodestar.fund.models.capital import Deal, Fund


def _private_storage() -> PrivateFileSystemStorage:
    return PrivateFileSystemStorage()


class DealNote(models.Model):
    """A note on a deal, read by the fund team only (never by the company, partners or the committee)."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("note (read by the fund team only)"), max_length=4000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("deal note")
        verbose_name_plural = _("deal notes")

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.deal.fund_id)


class DealTask(models.Model):
    """Something to do on a deal, by one member of the fund team, by a date."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner")
    )
    due = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=8, choices=wf.TaskStatus.choices, default=wf.TaskStatus.OPEN
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    workflow = wf.TASK_WORKFLOW

    class Meta:
        ordering = ["status", "due", "pk"]
        verbose_name = _("deal task")
        verbose_name_plural = _("deal tasks")
        indexes = [models.Index(fields=["owner", "status", "due"])]

    def __str__(self) -> str:
        return self.title

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.deal.fund_id)


class DealDocument(models.Model):
    """A file of the deal's data room: private storage, served only to the deal's fund team."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(storage=_private_storage, upload_to="fund/dataroom/%Y/", max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    description = models.CharField(_("description"), max_length=300, blank=True)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("data-room document")
        verbose_name_plural = _("data-room documents")

    def __str__(self) -> str:
        return self.original_name

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.deal.fund_id)


class Area(models.TextChoices):
    LEGAL = "legal", _("Legal")
    TECHNICAL = "technical", _("Technical")
    FINANCIAL = "financial", _("Financial")
    SECURITY = "security", _("Security")


class ChecklistTemplate(models.Model):
    """One item of the fund's due-diligence checklist, copied onto each deal entering due diligence
    (for the rounds it applies to: all when `rounds` is empty)."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="checklist")
    area = models.CharField(_("area"), max_length=16, choices=Area.choices)
    title = models.CharField(_("item"), max_length=300)
    guidance = models.TextField(_("what counts as evidence"), blank=True)
    required = models.BooleanField(_("required before the committee"), default=True)
    valid_days = models.PositiveSmallIntegerField(
        _("evidence valid for (days)"),
        null=True,
        blank=True,
        help_text=_("Empty: the evidence never expires."),
    )
    rounds = models.JSONField(_("rounds"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["area", "position", "pk"]
        verbose_name = _("checklist template item")
        verbose_name_plural = _("checklist template items")

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.title}"

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.fund_id)

    def applies_to(self, deal: Deal) -> bool:
        return not self.rounds or deal.stage in self.rounds


class DiligenceItem(models.Model):
    """One checklist item on one deal: its owner, evidence (words and optionally a data-room document),
    when it was done and when that evidence expires."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="diligence")
    template = models.ForeignKey(
        ChecklistTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="items"
    )
    area = models.CharField(_("area"), max_length=16, choices=Area.choices)
    title = models.CharField(_("item"), max_length=300)
    guidance = models.TextField(_("what counts as evidence"), blank=True)
    required = models.BooleanField(_("required before the committee"), default=True)
    valid_days = models.PositiveSmallIntegerField(_("evidence valid for (days)"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=wf.ItemStatus.choices, default=wf.ItemStatus.OPEN
    )
    evidence = models.TextField(_("evidence (read by the fund team and the committee)"), blank=True)
    document = models.ForeignKey(
        DealDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    workflow = wf.ITEM_WORKFLOW

    class Meta:
        ordering = ["area", "pk"]
        verbose_name = _("due-diligence item")
        verbose_name_plural = _("due-diligence items")

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.title}"

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.deal.fund_id)

    def expired(self, today: date) -> bool:
        return self.status == wf.ItemStatus.DONE and self.expires_on is not None and self.expires_on < today

    def blocks(self, today: date) -> bool:
        """A required item blocks the committee while open, or done with evidence that has expired."""
        return self.required and (self.status == wf.ItemStatus.OPEN or self.expired(today))
