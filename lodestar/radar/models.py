"""The technology radar: documents read, the signals they carry, radar editions and their blips, and
the blips suggested from rising signals."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.organisations.models import Organisation
from lodestar.radar import workflow as wf

# Areas are the EDT taxonomy's codes (engine/taxonomy.py), checked by the forms and the actions through
# the engine adapter: models do not call the engine.


class Ring(models.TextChoices):
    ADOPT = "adopt", _("Adopt")
    TRIAL = "trial", _("Trial")
    ASSESS = "assess", _("Assess")
    HOLD = "hold", _("Hold")


RING_ORDER = [Ring.ADOPT, Ring.TRIAL, Ring.ASSESS, Ring.HOLD]
MAX_RINGS = 6


def default_rings() -> list[dict[str, str]]:
    """Adopt, trial, assess, hold: the labels come from the catalogue (``Ring``), so only keys are kept."""
    return [{"key": str(ring)} for ring in RING_ORDER]


class Radar(models.Model):
    """One radar of the programme: its editions share a ring set (from the centre outwards); the sectors
    are always the EDT areas. A ring is ``{"key"}`` for the default set (labelled by the catalogue) or
    ``{"key", "en", "fr"}`` for a ring set of the programme's own."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    rings = models.JSONField(_("rings"), default=default_rings)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("radar")
        verbose_name_plural = _("radars")

    def __str__(self) -> str:
        return self.name

    def ring_keys(self) -> list[str]:
        return [r["key"] for r in self.rings]

    def ring_label(self, key: str, language: str) -> str:
        for ring in self.rings:
            if ring["key"] == key:
                if language in ring:
                    return str(ring[language])
                return str(Ring(key).label) if key in Ring.values else key
        return key

    def ring_choices(self, language: str) -> list[tuple[str, str]]:
        return [(key, self.ring_label(key, language)) for key in self.ring_keys()]

    def entry_ring(self) -> str:
        """Where a blip suggested by a rising signal starts: the ring before the outermost (assess in
        the default set; the outer ring is for what to hold back)."""
        keys = self.ring_keys()
        return keys[-2] if len(keys) >= 3 else keys[-1]

    @classmethod
    def default(cls) -> Radar:
        first = cls.objects.order_by("id").first()
        return first or cls.objects.create(name=str(_("Technology radar")))


class Document(models.Model):
    """One document read by the radar; ``text_hash`` (SHA-256 of its text) keeps it from being read twice."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        HTML = "html", _("Web page")
        PDF = "pdf", _("PDF")
        FEED = "feed", _("Feed entry")

    title = models.CharField(_("title"), max_length=300)
    source = models.CharField(_("source"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.TEXT)
    language = models.CharField(_("language"), max_length=2)
    published = models.DateField(_("publication date"), null=True, blank=True, db_index=True)
    text = models.TextField(_("text"))
    text_hash = models.CharField(max_length=64, unique=True)
    reading = models.JSONField(_("reading"), default=dict)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class Signal(models.Model):
    """One thing a document says it is about: an EDT area, a nation or an organisation, with evidence."""

    class Kind(models.TextChoices):
        AREA = "area", _("Area")
        NATION = "nation", _("Nation")
        ORGANISATION = "organisation", _("Organisation")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="signals")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    key = models.CharField(max_length=200)  # area code, nation code, or the organisation's name
    score = models.FloatField(default=1.0)
    evidence = models.JSONField(default=list)
    published = models.DateField(null=True, blank=True)  # the document's, kept here for counting over time
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="radar_signals"
    )

    class Meta:
        indexes = [models.Index(fields=["kind", "key", "published"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


class Feed(models.Model):
    """An RSS or Atom feed the radar reads by its address, in a background job (``radar/feeds.py`` fetches
    it with a time limit and a size limit); each entry becomes a document, read once."""

    url = models.URLField(_("address"), max_length=500, unique=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    active = models.BooleanField(_("read at each fetch"), default=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    last_fetched_at = models.DateTimeField(_("last read"), null=True, blank=True)
    last_added = models.PositiveIntegerField(_("documents added at the last reading"), default=0)
    # The reason the last reading failed, in the analyst's words ("timed out after 10 s"); read by analysts.
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        ordering = ["name", "url"]
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")

    def __str__(self) -> str:
        return self.name or self.url


class RadarSettings(models.Model):
    """One row: whether suggestions from rising signals are made at all (the AI principles: switchable)."""

    suggestions_enabled = models.BooleanField(_("suggest blips from rising signals"), default=True)

    def __str__(self) -> str:
        return "radar settings"

    @classmethod
    def current(cls) -> RadarSettings:
        return cls.objects.get_or_create(pk=1)[0]


class Edition(models.Model):
    radar = models.ForeignKey(
        Radar, on_delete=models.PROTECT, related_name="editions", verbose_name=_("radar")
    )
    name = models.CharField(_("name"), max_length=120)
    status = models.CharField(max_length=12, choices=wf.EditionStatus.choices, default=wf.EditionStatus.DRAFT)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    workflow = wf.EDITION_WORKFLOW

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("radar edition")
        verbose_name_plural = _("radar editions")

    def __str__(self) -> str:
        return self.name

    def previous(self) -> Edition | None:
        """The edition published before this one (what movement is measured against)."""
        older = Edition.objects.filter(radar_id=self.radar_id, status=wf.EditionStatus.PUBLISHED).exclude(
            pk=self.pk
        )
        if self.published_on:
            older = older.filter(published_on__lt=self.published_on)
        return older.order_by("-published_on", "-id").first()


class Blip(models.Model):
    """A blip of an edition. ``name`` and ``rationale`` are the English (or only) title and description;
    the French ones may be left empty, and a reader of the other language then reads the first."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="blips")
    name = models.CharField(_("title (English)"), max_length=120)
    name_fr = models.CharField(_("title (French)"), max_length=120, blank=True)
    area = models.CharField(_("sector (EDT area)"), max_length=12)
    ring = models.CharField(_("ring"), max_length=32)  # a key of the edition's radar's rings
    rationale = models.TextField(_("rationale (English)"))
    rationale_fr = models.TextField(_("rationale (French)"), blank=True)
    documents = models.ManyToManyField(Document, blank=True, related_name="blips", verbose_name=_("evidence"))

    class Meta:
        ordering = ["area", "name"]
        constraints = [models.UniqueConstraint(fields=["edition", "name"], name="radar_blip_unique_name")]

    def __str__(self) -> str:
        return self.name

    def ring_label(self, language: str) -> str:
        return self.edition.radar.ring_label(self.ring, language)

    def title(self, language: str) -> str:
        """The blip's title in ``language`` ("en" or "fr"), the English one when the French is empty."""
        return (self.name_fr if language == "fr" else "") or self.name

    def rationale_in(self, language: str) -> str:
        return (self.rationale_fr if language == "fr" else "") or self.rationale


class BlipRevision(models.Model):
    """One change of a blip by an analyst: who, when, and each field's value before and after
    (``changes``: field name to ``[before, after]``; evidence as the documents' ids)."""

    blip = models.ForeignKey(Blip, on_delete=models.CASCADE, related_name="revisions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    changes = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.blip} {self.at:%Y-%m-%d %H:%M}: {', '.join(self.changes)}"


class Suggestion(models.Model):
    """A blip proposed from a rising signal, with the test that found it; an analyst decides."""

    kind = models.CharField(max_length=12, choices=Signal.Kind.choices)
    key = models.CharField(max_length=200)
    area = models.CharField(max_length=12)
    ring = models.CharField(max_length=32, default=Ring.ASSESS)  # the radar's entry ring when confirmed
    reason = models.TextField()
    statistic = models.JSONField(default=dict)
    status = models.CharField(
        max_length=12, choices=wf.SuggestionStatus.choices, default=wf.SuggestionStatus.OPEN
    )
    blip = models.ForeignKey(Blip, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    workflow = wf.SUGGESTION_WORKFLOW

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"
