"""The directory: what the alliance knows about an organisation beyond its registration (sub-kind,
capabilities, relationships), the people it deals with and what each agreed to, and the duplicate
pairs the finder proposes."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.core.models import EdtArea
from lodestar.core.nations import NATION_CHOICES, nation_name
from lodestar.engagement import workflow as wf
from lodestar.organisations.models import Organisation


class SpaceSegment(models.TextChoices):
    SATELLITE_MAKER = "satellite_maker", _("Satellite maker")
    SATELLITE_TELECOMS = "satellite_telecoms", _("Satellite telecoms")
    IN_ORBIT_SERVICING = "in_orbit_servicing", _("In-orbit servicing")
    LAUNCH = "launch", _("Launch services")
    EARTH_OBSERVATION = "earth_observation", _("Earth observation data")
    GROUND_SEGMENT = "ground_segment", _("Ground segment")


class Profile(models.Model):
    """The directory's side of an organisation (one row each, made on first need)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="directory_profile"
    )
    space_segment = models.CharField(
        _("space segment"), max_length=24, choices=SpaceSegment.choices, blank=True
    )
    capabilities = models.TextField(
        _("capabilities"), blank=True, help_text=_("One capability a line; read by every signed-in user.")
    )
    partner = models.BooleanField(_("partner of the alliance (outside the member nations)"), default=False)

    class Meta:
        verbose_name = _("directory profile")
        verbose_name_plural = _("directory profiles")

    def __str__(self) -> str:
        return str(self.organisation)

    def capability_list(self) -> list[str]:
        return [line.strip() for line in self.capabilities.splitlines() if line.strip()]


class RelationshipKind(models.TextChoices):
    SUBSIDIARY = "subsidiary", _("is a subsidiary of")
    PARTNER = "partner", _("partners with")
    SUPPLIER = "supplier", _("supplies")
    INVESTOR = "investor", _("invests in")
    MEMBER = "member", _("is a member of")
    SPIN_OFF = "spin_off", _("is a spin-off of")


class Relationship(models.Model):
    source = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="relationships_out")
    target = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="relationships_in")
    kind = models.CharField(_("relationship"), max_length=16, choices=RelationshipKind.choices)
    since = models.DateField(_("since"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="one_relationship_of_a_kind"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="no_self_relationship"
            ),
        ]
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"


class Person(models.Model):
    """Someone the alliance deals with: a speaker, a registrant, a contact. Linked to an account when
    they have one; they read and change only their own record (and may export or erase it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail address"), blank=True, db_index=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    role = models.CharField(_("role"), max_length=150, blank=True)
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES, blank=True)
    languages = models.CharField(
        _("languages"), max_length=60, blank=True, help_text=_("ISO codes separated by commas, e.g. en, fr")
    )
    areas = models.ManyToManyField(EdtArea, blank=True, related_name="people", verbose_name=_("EDT areas"))
    created_at = models.DateTimeField(default=timezone.now)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    class Meta:
        ordering = ["full_name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.erased_at:
            return str(_("Erased person #%(id)d") % {"id": self.pk})
        return self.full_name

    @property
    def nation_name(self) -> str:
        return nation_name(self.nation) if self.nation else ""

    def language_list(self) -> list[str]:
        return [code.strip().lower() for code in self.languages.split(",") if code.strip()]


class ConsentPurpose(models.TextChoices):
    DIRECTORY = "directory", _("Be listed in the directory (name, organisation, role)")
    EVENTS = "events", _("Receive invitations to dialogues and events")
    PHOTOS = "photos", _("Appear in photographs and recordings of events")
    SHARING = "sharing", _("Have contact details shared with other participants")


class Consent(models.Model):
    """One answer a person gave, kept as given: a later answer is a new row, so the history of what
    was agreed, and when, stays whole. The latest row per purpose is the one in force."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=16, choices=ConsentPurpose.choices)
    given = models.BooleanField(_("given"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.person_id} {self.purpose} {self.given}"


class DuplicatePair(models.Model):
    """Two organisations the finder thinks are one; an officer merges or dismisses them."""

    workflow = wf.DUPLICATE_WORKFLOW

    # A merged pair outlives the organisation merged away (its side becomes empty): the decision stays.
    first = models.ForeignKey(Organisation, null=True, on_delete=models.SET_NULL, related_name="+")
    second = models.ForeignKey(Organisation, null=True, on_delete=models.SET_NULL, related_name="+")
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    status = models.CharField(
        _("status"), max_length=12, choices=wf.DuplicateStatus.choices, default=wf.DuplicateStatus.OPEN
    )
    found_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="one_duplicate_pair")]
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")

    def __str__(self) -> str:
        return f"{self.first_id} ~ {self.second_id}"


def new_uid() -> str:
    return uuid.uuid4().hex
