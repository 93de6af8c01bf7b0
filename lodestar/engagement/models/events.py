"""Dialogues and events: the event with its agenda, speakers and gates; invitations; registrations."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.core.i18n import localized
from lodestar.core.nations import NATION_CHOICES, nation_name
from lodestar.engagement import workflow as wf
from lodestar.engagement.models.directory import Person, new_uid
from lodestar.organisations.models import Organisation


class EventKind(models.TextChoices):
    STRATEGIC_DIALOGUE = "strategic_dialogue", _("Strategic dialogue")
    PUBLIC_PRIVATE_DIALOGUE = "public_private", _("Public-private dialogue")
    INDUSTRY_DAY = "industry_day", _("Industry day")
    WORKSHOP = "workshop", _("Workshop")
    DEMO_DAY = "demo_day", _("Demo day")
    COURSE = "course", _("Course or study institute")


class Event(models.Model):
    workflow = wf.EVENT_WORKFLOW

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES, blank=True)
    online = models.BooleanField(_("online"), default=False)
    partner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events_partnered",
        verbose_name=_("partner organisation"),
    )
    capacity = models.PositiveIntegerField(_("places"), validators=[MinValueValidator(1)])
    needs_approval = models.BooleanField(_("registrations need approval"), default=False)
    invitation_only = models.BooleanField(
        _("invitation only"), default=False, help_text=_("Invisible to anyone not invited.")
    )
    nations_allowed = models.JSONField(
        _("nations allowed"),
        default=list,
        blank=True,
        help_text=_("ISO codes; empty means every nation."),
    )
    minutes_en = models.TextField(_("minutes (English)"), blank=True, help_text=_("Read by participants."))
    minutes_fr = models.TextField(_("minutes (French)"), blank=True, help_text=_("Read by participants."))
    status = models.CharField(
        _("status"), max_length=12, choices=wf.EventStatus.choices, default=wf.EventStatus.DRAFT
    )
    uid = models.CharField(max_length=32, default=new_uid, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("The event ends before it starts."),
            )
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    @property
    def minutes(self) -> str:
        return localized(self, "minutes")

    @property
    def nation_name(self) -> str:
        return nation_name(self.nation) if self.nation else ""

    def admits_nation(self, code: str) -> bool:
        return not self.nations_allowed or code in self.nations_allowed


class AgendaItem(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    speakers = models.ManyToManyField(Person, blank=True, related_name="talks", verbose_name=_("speakers"))

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")


class Invitation(models.Model):
    """An invitation to an invitation-only event, by e-mail address: whoever signs in with that
    address sees the event and may register."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="one_invitation_per_address")]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.event_id}: {self.email}"


class Registration(models.Model):
    workflow = wf.REGISTRATION_WORKFLOW

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="registrations")
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=wf.RegistrationStatus.choices,
        default=wf.RegistrationStatus.PENDING,
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("Read by the registrant and the engagement officers.")
    )
    attended = models.BooleanField(_("attended"), default=False)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One live registration per person and event; a cancelled one may be followed by another.
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=models.Q(status__in=["pending", "registered", "waitlisted"]),
                name="one_live_registration_per_person",
            )
        ]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        return f"{self.person} @ {self.event}"
