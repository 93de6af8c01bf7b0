"""Accelerator sites and test centres, their capabilities and their booking rules.

One model with a `kind` rather than two: a site and a test centre share everything the platform
does with them (nation, operator, languages, capabilities, opening days, capacity, rules, bookings,
calendar feed, utilisation); only what they offer differs, and that is in their capabilities. One
table gives one directory, one foreign key from a booking and one utilisation query.
"""

from __future__ import annotations

import secrets
from datetime import date, time
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.core.i18n import localized
from lodestar.core.models import EdtArea
from lodestar.core.nations import NATION_CHOICES, nation_name
from lodestar.core.roles import Scope, ScopeKind
from lodestar.organisations.models import Organisation

WEEKDAYS = "0123456"  # Monday is 0, as in date.weekday()


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CentreKind(models.TextChoices):
    SITE = "site", _("Accelerator site")
    TEST_CENTRE = "test_centre", _("Test centre")


class Centre(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=CentreKind.choices)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES)
    city = models.CharField(_("city"), max_length=100)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels")
    operator = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="centres", verbose_name=_("operator")
    )
    # ISO 639-1 codes, e.g. "en,fr,de": what the staff speak with a visiting company.
    languages = models.CharField(_("languages spoken"), max_length=40, default="en")
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("bookings per day"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    open_weekdays = models.CharField(
        _("open weekdays"), max_length=7, default="01234", help_text=_("Monday is 0, Sunday 6.")
    )
    opens_at = models.TimeField(_("opens at"), default=time(8, 30))
    closes_at = models.TimeField(_("closes at"), default=time(17, 30))
    observes_holidays = models.BooleanField(_("closed on national holidays"), default=True)
    # Booking rules, as data.
    min_notice_days = models.PositiveSmallIntegerField(_("minimum notice (days)"), default=7)
    max_days = models.PositiveSmallIntegerField(
        _("longest booking (days)"), default=5, validators=[MinValueValidator(1)]
    )
    needs_approval = models.BooleanField(_("the operator approves each booking"), default=True)
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    is_active = models.BooleanField(_("taking bookings"), default=True)

    class Meta:
        ordering = ["nation", "city", "name"]
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        constraints = [
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="centre_capacity_positive"),
            models.CheckConstraint(condition=models.Q(max_days__gte=1), name="centre_max_days_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.CENTRE, self.pk)

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def nation_name(self) -> str:
        return nation_name(self.nation)

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    def is_open_weekday(self, day: date) -> bool:
        return str(day.weekday()) in self.open_weekdays


class Capability(models.Model):
    """Something a centre offers (a range, a lab, a sea or air test area), tagged with an EDT area."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="capabilities")
    area = models.ForeignKey(EdtArea, on_delete=models.PROTECT, related_name="+", verbose_name=_("EDT area"))
    name_en = models.CharField(_("name (English)"), max_length=160)
    name_fr = models.CharField(_("name (French)"), max_length=160)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)

    class Meta:
        ordering = ["centre_id", "area__position", "pk"]
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


class Blackout(models.Model):
    """Days a centre takes no bookings (maintenance, an exercise), both ends included."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="blackouts")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    reason_en = models.CharField(_("reason (English)"), max_length=200, blank=True)
    reason_fr = models.CharField(_("reason (French)"), max_length=200, blank=True)

    class Meta:
        ordering = ["centre_id", "starts_on"]
        verbose_name = _("blackout period")
        verbose_name_plural = _("blackout periods")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="blackout_ends_after"
            )
        ]

    def __str__(self) -> str:
        return f"{self.centre} {self.starts_on}–{self.ends_on}"

    @property
    def reason(self) -> Any:
        return localized(self, "reason")
