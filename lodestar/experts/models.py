"""The expert pool: who the experts are, what they know (their documents), where they worked, how much
they review, and the names they declare as reasons not to review.

Review, mentoring, due diligence and partner grants all draw on this pool."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.core.models import EdtArea
from lodestar.core.nations import NATION_CHOICES, nation_name
from lodestar.organisations.models import Organisation

MAX_DOCUMENTS = 20


def default_languages() -> list[str]:
    return ["en"]


class Expert(models.Model):
    class Pool(models.TextChoices):
        TECHNICAL = "technical", _("Technical")
        BUSINESS = "business", _("Business and investment")
        OPERATIONAL = "operational", _("End user and operations")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="expert"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail address"), unique=True)
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="experts"
    )
    pool = models.CharField(_("pool"), max_length=16, choices=Pool.choices, default=Pool.TECHNICAL)
    expertise = models.TextField(_("expertise statement"))
    keywords = models.CharField(_("keywords"), max_length=400, blank=True)
    areas = models.ManyToManyField(EdtArea, verbose_name=_("EDT areas"), blank=True, related_name="experts")
    max_load = models.PositiveSmallIntegerField(
        _("maximum load"), default=10, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    available = models.BooleanField(_("available"), default=True)
    review_languages = models.JSONField(_("languages reviewed in"), default=default_languages)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self) -> str:
        return self.full_name

    @property
    def nation_name(self) -> str:
        return nation_name(self.nation)

    def profile_documents(self) -> list[tuple[str, str, str]]:
        """(id, title, text) of what shows the expert's knowledge: the statement, then each document."""
        docs: list[tuple[str, str, str]] = [(f"expert-{self.pk}-statement", "", self.expertise)]
        if self.keywords:
            docs.append((f"expert-{self.pk}-keywords", "", self.keywords))
        docs.extend((f"document-{d.pk}", d.title, f"{d.title}\n{d.abstract}") for d in self.documents.all())
        return docs


class ExpertDocument(models.Model):
    """A publication or past project that shows what the expert knows (20 at most per expert)."""

    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("Publication")
        PROJECT = "project", _("Past project")

    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PUBLICATION)
    title = models.CharField(_("title"), max_length=300)
    abstract = models.TextField(_("abstract"), blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    authors = models.CharField(_("authors"), max_length=500, blank=True)

    class Meta:
        ordering = ["-year", "id"]
        verbose_name = _("expert document")
        verbose_name_plural = _("expert documents")

    def __str__(self) -> str:
        return self.title


class Employment(models.Model):
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="employment")
    organisation_name = models.CharField(_("organisation"), max_length=200)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("employment")
        verbose_name_plural = _("employment history")

    def __str__(self) -> str:
        return f"{self.organisation_name} ({self.start_year}-{self.end_year or ''})"

    def as_dict(self) -> dict[str, Any]:
        return {"organisation": self.organisation_name, "from": self.start_year, "until": self.end_year}


# Names declared by people as reasons not to review: the raw words, kept so that every run of conflict
# detection reads them again (a Conflict row needs an expert and an application; a declared name may
# match neither yet, e.g. an organisation that applies only next year).
class ConflictDeclaration(models.Model):
    """One declared name: an organisation an expert has ties with (`expert` set), or a person or
    organisation an applicant does not want as reviewer (`application` set). Exactly one side is set."""

    expert = models.ForeignKey(
        Expert, null=True, blank=True, on_delete=models.CASCADE, related_name="declarations"
    )
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="conflict_declarations"
    )
    name = models.CharField(_("name"), max_length=200)
    reason = models.TextField(_("reason"), blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expert__isnull=False, application__isnull=True)
                | models.Q(expert__isnull=True, application__isnull=False),
                name="declaration_has_one_side",
            )
        ]
        verbose_name = _("conflict declaration")
        verbose_name_plural = _("conflict declarations")

    def __str__(self) -> str:
        return self.name
