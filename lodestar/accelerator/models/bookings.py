"""Test-day bookings, the days they hold, and each company's allowance of test days."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.models.centres import Centre
from lodestar.organisations.models import Organisation


class Allowance(models.Model):
    """The test days a company may book in one programme year (a cohort's year, for now): bookings
    requested, confirmed or waitlisted that start in that year draw it down."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="test_allowances")
    year = models.PositiveSmallIntegerField(_("year"))
    days = models.PositiveSmallIntegerField(_("test days"))

    class Meta:
        ordering = ["organisation_id", "year"]
        verbose_name = _("test-day allowance")
        verbose_name_plural = _("test-day allowances")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="one_allowance_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}: {self.days}"


class Booking(models.Model):
    Status = wf.BookingStatus
    workflow = wf.BOOKING_WORKFLOW

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="bookings")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="test_bookings")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    days = models.PositiveSmallIntegerField(_("test days"))
    purpose = models.TextField(_("purpose"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=wf.BookingStatus.choices, default=wf.BookingStatus.REQUESTED
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # A stable UID and a sequence number for the iCalendar invitation, so that a calendar updates
    # (or cancels) the same event when the booking changes.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["starts_on", "created_at", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [models.Index(fields=["centre", "status", "starts_on"], name="booking_centre_status_day")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="booking_ends_after"
            ),
            models.CheckConstraint(condition=models.Q(days__gte=1), name="booking_has_days"),
        ]

    def __str__(self) -> str:
        return f"{self.centre} · {self.organisation} · {self.starts_on}"

    @property
    def status_label(self) -> str:
        return str(self.workflow.label(self.status))


class BookingDay(models.Model):
    """One place on one day at one centre, held by a requested or confirmed booking.

    The rule "no more bookings on a day than the centre's capacity" is a unique constraint on
    (centre, day, slot), with slots numbered 1..capacity: two transactions that both see a place
    free and take slot 1 cannot both commit, on PostgreSQL or on SQLite. The action also locks the
    centre's row and counts the places in the same transaction, so that requests queue rather than
    fail; the constraint is what makes a bug there an error instead of a double booking.
    """

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="held_days")
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="held_days")
    day = models.DateField()
    slot = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["centre_id", "day", "slot"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "day", "slot"], name="one_booking_per_slot"),
            models.CheckConstraint(condition=models.Q(slot__gte=1), name="slot_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.centre_id} {self.day} #{self.slot}"
