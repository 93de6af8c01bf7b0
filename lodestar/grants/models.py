"""Grant execution: an award made from a selected application, its agreement versions and their
signatures, phases with budgets, milestones with evidence, six-monthly reports, payment tranches
(rules) and the payment orders they raise, and the bank details payments go to.

Generic on purpose: an award belongs to an application of any call, so partner grants reuse it.
Money is Decimal throughout (two places, in the award's currency).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.core.roles import FINANCE_TEAM, PROGRAMME_TEAM, Scope, ScopeKind, for_role
from lodestar.core.storage import PrivateFileSystemStorage
from lodestar.grants import workflow as wf
from lodestar.grants.banking import check_bank_details
from lodestar.organisations.models import Organisation, is_member


def _private_storage() -> PrivateFileSystemStorage:
    return PrivateFileSystemStorage()


class AwardQuerySet(models.QuerySet["Award"]):
    def visible_to(self, user: Any) -> AwardQuerySet:
        """The programme team and finance see the awards of their programmes (all, when they hold
        the role globally); a company's members see its own only."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.has_role(*PROGRAMME_TEAM, *FINANCE_TEAM):
            return self
        mine = models.Q(application__organisation__memberships__user=user)
        staff = self.for_role(user, PROGRAMME_TEAM | FINANCE_TEAM)
        return self.filter(mine | models.Q(pk__in=staff.values("pk"))).distinct()

    def for_role(self, user: Any, roles: Any) -> AwardQuerySet:
        """The awards of the programmes `user` holds one of `roles` for (all for a global role)."""
        return for_role(
            self, user, roles, kind=ScopeKind.PROGRAMME, via="application__challenge__call__programme"
        )


class Award(models.Model):
    """A grant awarded to the organisation of one selected application."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="award")
    amount = models.DecimalField(
        _("amount"), validators=[MinValueValidator(Decimal("0.01"))], max_digits=12, decimal_places=2
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    status = models.CharField(
        _("status"), max_length=16, choices=list(wf.AWARD_STATES.items()), default=wf.AWARD_DRAFT
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("made by")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    workflow = wf.AWARD_WORKFLOW
    objects = AwardQuerySet.as_manager()

    class Meta:
        ordering = ["application__organisation__legal_name"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.amount} {self.currency})"

    @property
    def organisation(self) -> Organisation:
        return self.application.organisation

    @property
    def call(self) -> Any:
        return self.application.challenge.call

    def is_member(self, user: Any) -> bool:
        return is_member(self.application.organisation_id, user)

    @property
    def role_scope(self) -> Scope:
        """An award is run by the team of its call's programme, and paid by its finance."""
        return Scope.of(ScopeKind.PROGRAMME, self.application.challenge.call.programme_id)

    @property
    def status_label(self) -> str:
        return wf.AWARD_WORKFLOW.label(self.status)

    def current_agreement(self) -> Agreement | None:
        return self.agreements.exclude(status=wf.AGREEMENT_SUPERSEDED).order_by("-version").first()


class Phase(models.Model):
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("number"))
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    budget = models.DecimalField(
        _("budget"), validators=[MinValueValidator(Decimal("0"))], max_digits=12, decimal_places=2
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        ordering = ["award", "number"]
        constraints = [models.UniqueConstraint(fields=["award", "number"], name="one_phase_number_per_award")]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_fr if get_language() == "fr" else self.name_en


class Agreement(models.Model):
    """One version of an award's agreement. An amendment is a new version; nothing is overwritten.

    `document` holds the generated PDF (bilingual) and `sha256` its digest: each signature records the
    digest it was given, so a later check shows what was signed.
    """

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="agreements")
    version = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=16, choices=list(wf.AGREEMENT_STATES.items()), default=wf.AGREEMENT_DRAFT
    )
    note = models.TextField(_("what changed"), blank=True)
    document = models.FileField(_("document"), storage=_private_storage, upload_to="agreements/%Y/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    workflow = wf.AGREEMENT_WORKFLOW

    class Meta:
        ordering = ["award", "-version"]
        constraints = [models.UniqueConstraint(fields=["award", "version"], name="one_agreement_per_version")]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self) -> str:
        return f"{self.award} v{self.version}"

    @property
    def status_label(self) -> str:
        return wf.AGREEMENT_WORKFLOW.label(self.status)


class Signature(models.Model):
    """A party's signature of one agreement version: who, when, and the SHA-256 of what was signed.

    A company may instead upload the counter-signed PDF; its digest is then recorded beside the
    digest of the generated document it answers.
    """

    class Party(models.TextChoices):
        COMPANY = "company", _("The company")
        DIRECTOR = "director", _("The programme director")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatures")
    party = models.CharField(_("party"), max_length=16, choices=Party.choices)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    document_sha256 = models.CharField(_("SHA-256 of the document signed"), max_length=64)
    upload = models.FileField(
        _("counter-signed PDF"), storage=_private_storage, upload_to="agreements/signed/%Y/", blank=True
    )
    upload_sha256 = models.CharField(_("SHA-256 of the upload"), max_length=64, blank=True)

    class Meta:
        ordering = ["agreement", "signed_at"]
        constraints = [models.UniqueConstraint(fields=["agreement", "party"], name="one_signature_per_party")]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return f"{self.get_party_display()}: {self.signer}"


class Milestone(models.Model):
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="milestones")
    phase = models.ForeignKey(
        Phase, on_delete=models.SET_NULL, null=True, blank=True, related_name="milestones"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    deliverables = models.TextField(_("deliverables"))
    due_on = models.DateField(_("due on"))
    is_final = models.BooleanField(_("final milestone"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=list(wf.DELIVERABLE_STATES.items()), default=wf.PLANNED
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("note"), blank=True)

    workflow = wf.MILESTONE_WORKFLOW

    class Meta:
        ordering = ["award", "number"]
        constraints = [
            models.UniqueConstraint(fields=["award", "number"], name="one_milestone_number_per_award")
        ]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.title_fr if get_language() == "fr" else self.title_en

    @property
    def status_label(self) -> str:
        return wf.MILESTONE_WORKFLOW.label(self.status)


class Evidence(models.Model):
    """A PDF uploaded as evidence of a milestone (checked like an application's attachments)."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(storage=_private_storage, upload_to="milestones/%Y/")
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name


class Report(models.Model):
    """A six-monthly report due from the company."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="reports")
    number = models.PositiveSmallIntegerField(_("number"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=16, choices=list(wf.DELIVERABLE_STATES.items()), default=wf.PLANNED
    )
    text = models.TextField(_("report"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True)
    decision_note = models.TextField(_("note"), blank=True)

    workflow = wf.REPORT_WORKFLOW

    class Meta:
        ordering = ["award", "number"]
        constraints = [
            models.UniqueConstraint(fields=["award", "number"], name="one_report_number_per_award")
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.award}: {self.number}"

    @property
    def status_label(self) -> str:
        return wf.REPORT_WORKFLOW.label(self.status)


class Tranche(models.Model):
    """A payment rule: a share of the award paid when a condition is met (signature of the agreement,
    acceptance of a given milestone). Each tranche raises at most one payment order."""

    class Trigger(models.TextChoices):
        SIGNATURE = "signature", _("On signature of the agreement")
        MILESTONE = "milestone", _("On acceptance of a milestone")

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="tranches")
    number = models.PositiveSmallIntegerField(_("number"))
    percent = models.DecimalField(
        _("share of the award (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )
    trigger = models.CharField(_("condition"), max_length=16, choices=Trigger.choices)
    milestone = models.ForeignKey(
        Milestone, on_delete=models.PROTECT, null=True, blank=True, related_name="tranches"
    )

    class Meta:
        ordering = ["award", "number"]
        constraints = [
            models.UniqueConstraint(fields=["award", "number"], name="one_tranche_number_per_award")
        ]
        verbose_name = _("payment tranche")
        verbose_name_plural = _("payment tranches")

    def __str__(self) -> str:
        return f"{self.percent} % {self.get_trigger_display()}"

    def clean(self) -> None:
        if (self.trigger == self.Trigger.MILESTONE) != (self.milestone_id is not None):
            raise ValidationError(_("A milestone tranche names its milestone, and only it does."))

    @property
    def amount(self) -> Decimal:
        return (self.award.amount * self.percent / 100).quantize(Decimal("0.01"))


class PaymentOrderQuerySet(models.QuerySet["PaymentOrder"]):
    def visible_to(self, user: Any) -> PaymentOrderQuerySet:
        return self.filter(award__in=Award.objects.visible_to(user))


class PaymentOrder(models.Model):
    """An order to pay part of an award. Raised by a tranche when its condition is met, by the person
    whose act met it (`requested_by`), who may then not approve it."""

    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="payments")
    tranche = models.OneToOneField(
        Tranche, on_delete=models.PROTECT, null=True, blank=True, related_name="payment"
    )
    amount = models.DecimalField(
        _("amount"), validators=[MinValueValidator(Decimal("0.01"))], max_digits=12, decimal_places=2
    )
    status = models.CharField(
        _("status"), max_length=16, choices=list(wf.PAYMENT_STATES.items()), default=wf.REQUESTED
    )
    reference = models.CharField(_("reference"), max_length=35)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    workflow = wf.PAYMENT_WORKFLOW
    objects = PaymentOrderQuerySet.as_manager()

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("payment order")
        verbose_name_plural = _("payment orders")

    def __str__(self) -> str:
        return self.reference

    @property
    def status_label(self) -> str:
        return wf.PAYMENT_WORKFLOW.label(self.status)


class BankAccount(models.Model):
    """Where an organisation's grant payments go; IBAN and BIC are checked on entry (forms.py)."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="bank_account")
    holder = models.CharField(_("account holder"), max_length=70)
    iban = models.CharField(_("IBAN"), max_length=34)
    bic = models.CharField(_("BIC"), max_length=11)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")

    def __str__(self) -> str:
        return f"{self.holder} {self.iban}"

    def clean(self) -> None:
        self.iban, self.bic = check_bank_details(self.iban, self.bic)
