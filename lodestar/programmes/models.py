from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.core.i18n import localized
from lodestar.core.models import EdtArea
from lodestar.core.nations import MEMBER_NATIONS
from lodestar.core.roles import Scope, ScopeKind, for_role
from lodestar.organisations.models import Organisation, OrganisationType


def default_nations() -> list[str]:
    return list(MEMBER_NATIONS)


def default_org_types() -> list[str]:
    return [OrganisationType.STARTUP, OrganisationType.SME]


class Programme(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def role_scope(self) -> Scope:
        """Staff and directors may be appointed for one programme (`core.roles`)."""
        return Scope.of(ScopeKind.PROGRAMME, self.pk)


class CallQuerySet(models.QuerySet["Call"]):
    def open_now(self) -> CallQuerySet:
        now = timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def published(self) -> CallQuerySet:
        return self.filter(is_published=True)

    def for_role(self, user: Any, roles: Iterable[str]) -> CallQuerySet:
        """The calls of the programmes `user` holds one of `roles` for (all of them for a global role)."""
        return for_role(self, user, roles, kind=ScopeKind.PROGRAMME, via="programme")


class Call(models.Model):
    """A call for applications. Instants are stored in UTC and shown in each user's time zone."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="calls")
    slug = models.SlugField(_("slug"), unique=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    is_published = models.BooleanField(_("published"), default=True)
    eligible_nations = models.JSONField(_("eligible nations"), default=default_nations)
    eligible_org_types = models.JSONField(_("eligible organisation types"), default=default_org_types)
    max_grant = models.DecimalField(
        _("maximum grant (EUR)"), max_digits=12, decimal_places=2, default=Decimal(100_000)
    )
    foreign_ownership_threshold = models.DecimalField(
        _("foreign ownership flagged above (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(25),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_(
            "Applicants owned above this share from non-eligible nations are flagged for staff review."
        ),
    )
    # Set by the first submission: from then on the call's own questions cannot change.
    form_frozen_at = models.DateTimeField(_("form frozen at"), null=True, blank=True, editable=False)
    # A call restricted to invited organisations (a Phase 2 call open to a cohort, a second stage by
    # invitation) names them here; its "invited" eligibility rule refuses everyone else.
    invited_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="calls_invited_to", verbose_name=_("invited organisations")
    )
    matching_enabled = models.BooleanField(
        _("AI matching enabled"),
        default=True,
        help_text=_(
            "Switch off to stop automatic suggestions (best challenge, duplicates, experts) for this call."
        ),
    )

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after_it_opens"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def is_open(self, at: datetime | None = None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at < self.closes_at

    @property
    def has_closed(self) -> bool:
        return timezone.now() >= self.closes_at

    @property
    def role_scope(self) -> Scope:
        """A call is run by its programme's team."""
        return Scope.of(ScopeKind.PROGRAMME, self.programme_id)


class Phase(models.Model):
    """A phase of the programme a call leads to (Phase 1: six months, EUR 100,000; Phase 2: ...)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="phases")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), default=6)
    grant = models.DecimalField(_("grant (EUR)"), max_digits=12, decimal_places=2, default=Decimal(0))
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)

    class Meta:
        ordering = ["call", "position"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


class Challenge(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="challenges")
    slug = models.SlugField(_("slug"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    summary_en = models.TextField(_("summary (English)"))
    summary_fr = models.TextField(_("summary (French)"))
    description_en = models.TextField(_("description (English)"))
    description_fr = models.TextField(_("description (French)"))
    areas = models.ManyToManyField(
        EdtArea, verbose_name=_("EDT areas"), blank=True, related_name="challenges"
    )

    class Meta:
        ordering = ["call", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["call", "slug"], name="challenge_slug_unique_in_call")]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    @property
    def description(self) -> str:
        return localized(self, "description")


class EligibilityRule(models.Model):
    """One eligibility rule of a call. Its `code` names the check (programmes/eligibility.py); the
    message, in both languages, is what applicant and staff read when the rule is not met."""

    class Code(models.TextChoices):
        HEADQUARTERS = "headquarters_nation", _("Headquarters in an eligible nation")
        ORGANISATION_TYPE = "organisation_type", _("Eligible organisation type")
        FOREIGN_OWNERSHIP = "foreign_ownership", _("Ownership from non-eligible nations")
        REQUESTED_AMOUNT = "requested_amount", _("Requested amount within the maximum grant")
        INVITED = "invited", _("Organisation invited to the call")

    class Outcome(models.TextChoices):
        REFUSE = "refuse", _("Not eligible")
        FLAG = "flag", _("Flag for staff review")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rules")
    code = models.CharField(_("rule"), max_length=32, choices=Code.choices)
    when_failed = models.CharField(
        _("when not met"), max_length=8, choices=Outcome.choices, default=Outcome.REFUSE
    )
    message_en = models.CharField(_("message (English)"), max_length=300)
    message_fr = models.CharField(_("message (French)"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        ordering = ["call", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["call", "code"], name="one_rule_per_code_per_call")]
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")

    def __str__(self) -> str:
        return self.get_code_display()

    @property
    def message(self) -> str:
        return localized(self, "message")


class Question(models.Model):
    """One question of a call's application form, beyond the fields every call asks (title, summary,
    description, TRL, amount, team): built by programme staff in both languages, shown in order.

    Once an application to the call has been submitted, the questions are frozen (the answers
    already sent must keep meaning what the applicant meant): the builder refuses changes then.
    A choice stores its options one per line in each language, aligned; answers keep the option's
    number, so each reader sees it in their language."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        NUMBER = "number", _("Number")
        CHOICE = "choice", _("Choice")
        DATE = "date", _("Date")
        FILE = "file", _("File (PDF)")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind of answer"), max_length=12, choices=Kind.choices)
    label_en = models.CharField(_("question (English)"), max_length=300)
    label_fr = models.CharField(_("question (French)"), max_length=300)
    help_en = models.CharField(_("help (English)"), max_length=500, blank=True)
    help_fr = models.CharField(_("help (French)"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    options_en = models.TextField(_("options (English), one per line"), blank=True)
    options_fr = models.TextField(_("options (French), one per line"), blank=True)
    max_length = models.PositiveIntegerField(
        _("maximum length (characters)"), null=True, blank=True, validators=[MaxValueValidator(20_000)]
    )
    min_value = models.DecimalField(_("minimum"), max_digits=14, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(_("maximum"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["call", "position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label_en

    @property
    def label(self) -> str:
        return localized(self, "label")

    @property
    def help(self) -> str:
        return localized(self, "help")

    def options(self, language: str | None = None) -> list[str]:
        """The options of a choice in `language` (the active one by default), in order."""
        text = localized(self, "options", language)
        return [line.strip() for line in text.splitlines() if line.strip()]
