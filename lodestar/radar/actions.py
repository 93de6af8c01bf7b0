"""What the radar does: add documents (deduplicated by their text), ingest many as a background job,
keep editions and their blips, publish an edition, make and decide suggestions.

``do_*`` act, ``check_*`` check who acts and what is asked, then act. None takes a request. Status
changes go through ``core.workflow.transition()``.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from lodestar.core.job_text import count, describe_job
from lodestar.core.jobs import Progress, job_runner, latest_job, start_job
from lodestar.core.models import Job
from lodestar.core.workflow import TransitionNotAllowed, transition
from lodestar.radar import engine_adapter as adapter
from lodestar.radar import feeds
from lodestar.radar import workflow as wf
from lodestar.radar.models import (
    MAX_RINGS,
    Blip,
    BlipRevision,
    Document,
    Edition,
    Feed,
    Radar,
    RadarSettings,
    Signal,
    Suggestion,
)

__all__ = ["TransitionNotAllowed"]  # views catch the refusal of a move through this module

INGEST_JOB = "radar_ingest"
FEEDS_JOB = "radar_feeds"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def require_analyst(actor: Any) -> None:
    if not wf.is_analyst(actor):
        raise PermissionDenied(_("Only analysts may do this."))


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def do_add_document(
    extracted: adapter.Extracted, actor: Any = None, directory: dict[str, int] | None = None
) -> tuple[Document, bool]:
    """Read and keep one document; a text already read is not read again (returns it, ``False``)."""
    digest = text_hash(extracted.text)
    existing = Document.objects.filter(text_hash=digest).first()
    if existing is not None:
        return existing, False
    directory = adapter.directory_names() if directory is None else directory
    reading = adapter.read_text(extracted, tuple(directory))
    with transaction.atomic():
        document = Document.objects.create(
            title=extracted.title[:300] or _("(untitled)"),
            source=extracted.source[:500],
            kind=extracted.kind,
            language=reading.language,
            published=reading.published,
            text=extracted.text,
            text_hash=digest,
            reading=reading.as_json(),
            added_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        Signal.objects.bulk_create(_signals(document, reading, directory))
    return document, True


def _signals(document: Document, reading: adapter.Reading, directory: dict[str, int]) -> list[Signal]:
    def evidence(items: Any) -> list[dict[str, object]]:
        return [e.as_dict() for e in items][:5]

    out = [
        Signal(
            document=document,
            kind=Signal.Kind.AREA,
            key=a.code,
            score=a.score,
            evidence=evidence(a.evidence),
            published=document.published,
        )
        for a in reading.areas
    ]
    out += [
        Signal(
            document=document,
            kind=Signal.Kind.NATION,
            key=n.code,
            evidence=evidence(n.evidence),
            published=document.published,
        )
        for n in reading.nations
    ]
    out += [
        Signal(
            document=document,
            kind=Signal.Kind.ORGANISATION,
            key=o.name[:200],
            evidence=evidence(o.evidence),
            published=document.published,
            organisation_id=directory.get(o.name),
        )
        for o in reading.organisations
    ]
    return out


def documents_of_file(name: str, data: bytes) -> list[adapter.Extracted]:
    """The documents in one uploaded file: one for a text, HTML or PDF file, one per entry of a feed."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise adapter.UnreadableFile(_("The file is larger than 20 MB."))
    if adapter.file_kind(name, data) == "feed":
        return adapter.read_feed(data)
    return [adapter.extract(name, data)]


def check_ingest_files(files: list[tuple[str, bytes]], actor: Any) -> Job:
    """Keep the uploaded files privately and read them in a background job with a progress bar."""
    require_analyst(actor)
    if not files:
        raise ValidationError(_("Choose at least one file."))
    storage = storages["private"]
    stored = []
    for name, data in files:
        if len(data) > MAX_UPLOAD_BYTES:
            raise ValidationError(_("%(name)s is larger than 20 MB.") % {"name": name})
        stored.append(
            [name, storage.save(f"radar/incoming/{timezone.now():%Y%m%d%H%M%S}.upload", ContentFile(data))]
        )
    label = ngettext("Reading %(n)s file", "Reading %(n)s files", len(files)) % {"n": len(files)}
    return start_job(INGEST_JOB, label, {"files": stored}, actor)


def latest_ingest_job() -> Job | None:
    return latest_job(INGEST_JOB)


def _in_language_of(job: Job) -> Any:
    """What a job writes for people (reasons a file or a feed failed) is in its starter's language."""
    return translation.override(getattr(job.created_by, "language", None) or settings.LANGUAGE_CODE)


@job_runner(INGEST_JOB)
def _ingest(job: Job, progress: Progress) -> dict[str, Any]:
    with _in_language_of(job):
        return _ingest_files(job, progress)


def _ingest_files(job: Job, progress: Progress) -> dict[str, Any]:
    storage = storages["private"]
    files = job.params["files"]
    directory = adapter.directory_names()
    added, repeated, failed = 0, 0, []
    for n, (name, stored) in enumerate(files):
        progress(n, len(files), gettext_noop("Reading documents"))
        if not storage.exists(stored):
            continue  # already read by an earlier attempt of this job
        with storage.open(stored, "rb") as handle:
            data = handle.read()
        try:
            for extracted in documents_of_file(name, data):
                _, created = do_add_document(extracted, job.created_by, directory)
                added, repeated = added + created, repeated + (not created)
        except adapter.UnreadableFile as error:
            failed.append(f"{name}: {adapter.unreadable_text(error)}")
        storage.delete(stored)
    progress(len(files), len(files), "")
    do_refresh_suggestions()
    return {"added": added, "already_read": repeated, "unreadable": failed}


def check_add_feed(url: str, actor: Any, name: str = "") -> Feed:
    """Follow a feed by its address; it is read at once in the background, then at each fetch."""
    require_analyst(actor)
    url = url.strip()
    try:
        feeds.check_address(url)
    except feeds.FeedError as error:
        raise ValidationError(str(error)) from None
    feed, created = Feed.objects.get_or_create(
        url=url[:500], defaults={"name": name.strip()[:120], "added_by": actor}
    )
    if not created:
        raise ValidationError(_("This feed is already followed."))
    check_fetch_feeds(actor, [feed.pk])
    return feed


def check_set_feed_active(feed: Feed, active: bool, actor: Any) -> Feed:
    require_analyst(actor)
    Feed.objects.filter(pk=feed.pk).update(active=active)
    feed.active = active
    return feed


def check_fetch_feeds(actor: Any, feed_ids: list[int] | None = None) -> Job:
    """Read the followed feeds (or the ones given) in a background job with a progress bar."""
    if actor is not None:  # None: the scheduled command (`lodestar radar-fetch-feeds`)
        require_analyst(actor)
    rows = Feed.objects.filter(active=True) if feed_ids is None else Feed.objects.filter(pk__in=feed_ids)
    ids = list(rows.values_list("pk", flat=True))
    if not ids:
        raise ValidationError(_("No feed to read: add a feed's address first."))
    return start_job(FEEDS_JOB, _("Reading %(n)d feed(s)") % {"n": len(ids)}, {"feeds": ids}, actor)


def latest_feeds_job() -> Job | None:
    return latest_job(FEEDS_JOB)


@job_runner(FEEDS_JOB)
def _fetch_feeds(job: Job, progress: Progress) -> dict[str, Any]:
    with _in_language_of(job):
        return _read_feeds(job, progress)


def _read_feeds(job: Job, progress: Progress) -> dict[str, Any]:
    directory = adapter.directory_names()
    rows = list(Feed.objects.filter(pk__in=job.params["feeds"]))
    added, repeated, failed = 0, 0, []
    for n, feed in enumerate(rows):
        progress(n, len(rows), gettext_noop("Reading feeds"))
        new = 0
        try:
            entries = adapter.read_feed(feeds.fetch(feed.url))
            for extracted in entries:
                created = do_add_document(extracted, job.created_by, directory)[1]
                new, repeated = new + created, repeated + (not created)
            error = "" if entries else _("The address gives no feed entry: is it an RSS or Atom feed?")
        except feeds.FeedError as problem:
            error = str(problem)[:300]
        except adapter.UnreadableFile as problem:
            error = adapter.unreadable_text(problem)[:300]
        if error:
            failed.append(f"{feed}: {error}")
        added += new
        Feed.objects.filter(pk=feed.pk).update(
            last_fetched_at=timezone.now(), last_added=new, last_error=error
        )
    progress(len(rows), len(rows), "")
    do_refresh_suggestions()
    return {"added": added, "already_read": repeated, "unreadable": failed}


describe_job(
    INGEST_JOB,
    lambda job: (
        ngettext("Reading %(n)s file", "Reading %(n)s files", len(job.params["files"]))
        % {"n": count(len(job.params["files"]))}
    ),
    lambda job: (
        ngettext(
            "%(n)s document added, %(old)s already read, %(bad)s unreadable.",
            "%(n)s documents added, %(old)s already read, %(bad)s unreadable.",
            int(job.result.get("added", 0)),
        )
        % {
            "n": count(job.result.get("added")),
            "old": count(job.result.get("already_read")),
            "bad": count(len(job.result.get("unreadable", []))),
        }
    ),
)


def do_refresh_suggestions() -> list[Suggestion]:
    """Suggest a blip for every rising EDT area not already suggested (and open) nor on a draft edition."""
    if not RadarSettings.current().suggestions_enabled:
        return []
    made = []
    open_keys = set(Suggestion.objects.filter(status=wf.SuggestionStatus.OPEN).values_list("key", flat=True))
    for burst in adapter.rising(Signal.Kind.AREA):
        if not burst.rising or burst.key in open_keys:
            continue
        reason = _(
            "%(recent)d of the %(recent_total)d documents of the last %(months)d months are about it "
            "(%(ratio)s times its share in the %(baseline_months)d months before: %(baseline)d of "
            "%(baseline_total)d); binomial test p = %(p).1e."
        ) % {
            "recent": burst.recent,
            "recent_total": burst.recent_total,
            "months": adapter.RECENT_MONTHS,
            "ratio": burst.ratio,
            "baseline_months": adapter.BASELINE_MONTHS,
            "baseline": burst.baseline,
            "baseline_total": burst.baseline_total,
            "p": burst.p_value,
        }
        made.append(
            Suggestion.objects.create(
                kind=Signal.Kind.AREA,
                key=burst.key,
                area=burst.key,
                reason=reason,
                statistic={
                    "recent": burst.recent,
                    "recent_total": burst.recent_total,
                    "baseline": burst.baseline,
                    "baseline_total": burst.baseline_total,
                    "ratio": burst.ratio,
                    "p_value": burst.p_value,
                },
            )
        )
    return made


def check_set_suggestions(enabled: bool, actor: Any) -> RadarSettings:
    require_analyst(actor)
    current = RadarSettings.current()
    current.suggestions_enabled = enabled
    current.save(update_fields=["suggestions_enabled"])
    return current


def parse_rings(text: str) -> list[dict[str, str]]:
    """A ring set typed one ring a line, from the centre outwards: "English label | French label"
    (the French may be left out: the English serves both)."""
    rings: list[dict[str, str]] = []
    for number, line in enumerate((raw.strip() for raw in text.splitlines() if raw.strip()), start=1):
        english, _sep, french = (part.strip() for part in line.partition("|"))
        key = slugify(english)[:32]
        if not key:
            raise ValidationError(_("Line %(n)d: give the ring a name in English.") % {"n": number})
        if key in (r["key"] for r in rings):
            raise ValidationError(_("Line %(n)d: two rings have the same name.") % {"n": number})
        rings.append({"key": key, "en": english[:40], "fr": (french or english)[:40]})
    if not 2 <= len(rings) <= MAX_RINGS:
        raise ValidationError(
            _("A radar has from 2 to %(max)d rings, one a line; this one has %(n)d.")
            % {"max": MAX_RINGS, "n": len(rings)}
        )
    return rings


def check_create_radar(name: str, rings_text: str, actor: Any) -> Radar:
    """A new radar of the programme, with the default rings (adopt, trial, assess, hold) when
    ``rings_text`` is empty, or the ring set typed there."""
    require_analyst(actor)
    name = name.strip()[:120]
    if not name:
        raise ValidationError(_("Give the radar a name."))
    if Radar.objects.filter(name=name).exists():
        raise ValidationError(_("A radar of that name already exists."))
    if rings_text.strip():
        return Radar.objects.create(name=name, rings=parse_rings(rings_text))
    return Radar.objects.create(name=name)


def check_create_edition(name: str, actor: Any, radar: Radar | None = None) -> Edition:
    require_analyst(actor)
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the edition a name."))
    radar = radar or Radar.default()
    edition = Edition.objects.create(radar=radar, name=name[:120], created_by=actor)
    previous = edition.previous()
    if previous is not None:  # a new edition starts from the last one's blips, to be moved or kept
        for blip in previous.blips.prefetch_related("documents"):
            copy = Blip.objects.create(
                edition=edition,
                **{
                    key: getattr(blip, key)
                    for key in ("name", "name_fr", "area", "ring", "rationale", "rationale_fr")
                },
            )
            copy.documents.set(blip.documents.all())
    return edition


def _editable(edition: Edition) -> None:
    if edition.status != wf.EditionStatus.DRAFT:
        raise ValidationError(_("A published edition does not change; start a new edition."))


_TEXTS = ("name", "name_fr", "rationale", "rationale_fr")


def _blip_state(blip: Blip) -> dict[str, Any]:
    state: dict[str, Any] = {key: getattr(blip, key) for key in (*_TEXTS, "area", "ring")}
    state["documents"] = sorted(blip.documents.values_list("pk", flat=True))
    return state


def check_save_blip(edition: Edition, actor: Any, blip: Blip | None = None, **fields: Any) -> Blip:
    """Add a blip to a draft edition, or change one (titles and rationales in English and French, area,
    ring, evidence documents: those not given are kept). A change is kept as a revision of the blip
    (who, when, each field before and after). The edition is locked while the blip is written, so a
    blip never changes in an edition being published."""
    require_analyst(actor)
    documents = fields.pop("documents", None)
    for key in _TEXTS:
        if key in fields:
            fields[key] = str(fields[key] or "").strip()
    if "area" in fields and fields["area"] not in adapter.AREA_CODES:
        raise ValidationError(_("Choose a sector among the EDT areas."))
    if "ring" in fields and fields["ring"] not in edition.radar.ring_keys():
        raise ValidationError(_("Choose a ring of this radar."))
    if (blip is None or "rationale" in fields) and not fields.get("rationale"):
        raise ValidationError(_("Say why the blip is on the radar."))
    if (blip is None or "name" in fields) and not fields.get("name"):
        raise ValidationError(_("Give the blip a name."))
    if any(len(fields.get(key, "")) > 120 for key in ("name", "name_fr")):
        raise ValidationError(_("A blip's title has at most 120 characters."))
    with transaction.atomic():
        locked = Edition.objects.select_for_update().get(pk=edition.pk)
        _editable(locked)
        if blip is not None:
            try:
                blip = Blip.objects.select_for_update().get(pk=blip.pk, edition=locked)
            except Blip.DoesNotExist:
                raise ValidationError(_("This blip is no longer on this edition.")) from None
        duplicate = locked.blips.filter(name=fields.get("name", blip.name if blip else ""))
        if blip is not None:
            duplicate = duplicate.exclude(pk=blip.pk)
        if duplicate.exists():
            raise ValidationError(_("This edition already has a blip of that name."))
        if blip is None:
            blip = Blip.objects.create(edition=locked, **fields)
            if documents is not None:
                blip.documents.set(documents)
            return blip
        before = _blip_state(blip)
        for key, value in fields.items():
            setattr(blip, key, value)
        blip.save()
        if documents is not None:
            blip.documents.set(documents)
        after = _blip_state(blip)
        changes = {key: [before[key], after[key]] for key in before if before[key] != after[key]}
        if changes:
            BlipRevision.objects.create(
                blip=blip, actor=actor if actor.is_authenticated else None, changes=changes
            )
    return blip


def check_blip_from_signal(
    kind: str, key: str, edition: Edition, actor: Any, name: str, ring: str, rationale: str
) -> Blip:
    """A blip drawn from a signal: its sector is the area (for an area signal) or the area its documents
    are most about, its evidence the signal's newest documents; the analyst names it and says why."""
    require_analyst(actor)
    documents = Document.objects.filter(signals__kind=kind, signals__key=key).distinct()
    documents = documents.order_by("-published")
    if not documents.exists():
        raise ValidationError(_("No document carries this signal."))
    if kind == Signal.Kind.AREA:
        area = key
    else:
        top = (
            Signal.objects.filter(kind=Signal.Kind.AREA, document__in=documents)
            .values("key")
            .annotate(n=models.Count("document", distinct=True))
            .order_by("-n", "key")
            .first()
        )
        if top is None:
            raise ValidationError(
                _("The documents of this signal are about no EDT area: add the blip by hand.")
            )
        area = top["key"]
    return check_save_blip(
        edition,
        actor,
        name=name.strip()[:120],
        area=area,
        ring=ring,
        rationale=rationale,
        documents=list(documents[:5]),
    )


def check_remove_blip(blip: Blip, actor: Any) -> None:
    require_analyst(actor)
    with transaction.atomic():
        _editable(Edition.objects.select_for_update().get(pk=blip.edition_id))
        blip.delete()


def check_publish_edition(edition: Edition, actor: Any) -> Edition:
    """Publish a draft edition; the edition is locked first, so no blip is added, edited or removed
    between the check that it has blips and the move."""
    require_analyst(actor)
    with transaction.atomic():
        Edition.objects.select_for_update().filter(pk=edition.pk).exists()
        if not edition.blips.exists():
            raise ValidationError(_("An edition needs at least one blip to be published."))
        edition.published_on = timezone.localdate()
        transition(edition, wf.EditionStatus.PUBLISHED, actor, also_save=["published_on"])
    return edition


def check_confirm_suggestion(suggestion: Suggestion, edition: Edition, actor: Any, name: str = "") -> Blip:
    """The analyst takes a suggestion: it becomes a blip (ring "assess") of the draft edition."""
    require_analyst(actor)
    _editable(edition)
    with transaction.atomic():
        blip = check_save_blip(
            edition,
            actor,
            name=(name or suggestion.key)[:120],
            area=suggestion.area,
            ring=suggestion.ring
            if suggestion.ring in edition.radar.ring_keys()
            else edition.radar.entry_ring(),
            rationale=suggestion.reason,
            documents=list(
                Document.objects.filter(signals__kind=suggestion.kind, signals__key=suggestion.key).order_by(
                    "-published"
                )[:5]
            ),
        )
        suggestion.blip = blip
        transition(suggestion, wf.SuggestionStatus.CONFIRMED, actor, also_save=["blip"])
    return blip


def check_dismiss_suggestion(suggestion: Suggestion, actor: Any, note: str = "") -> None:
    require_analyst(actor)
    transition(suggestion, wf.SuggestionStatus.DISMISSED, actor, note=note)
