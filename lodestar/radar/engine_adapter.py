"""The one door between the radar app and the engine: reading documents (``engine.reading``) and the
burst test over signal counts (``engine.radar_trends``). Builds plain data from querysets, calls the
engine, and hands back plain results; saving is the actions' work."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count
from django.utils.translation import gettext as _

from lodestar.engine import radar_trends, taxonomy
from lodestar.engine.reading import Reading, read
from lodestar.engine.reading.files import Extracted, UnreadableFile, extract, read_feed
from lodestar.engine.reading.files import kind_of as file_kind
from lodestar.organisations.models import Organisation
from lodestar.radar.models import Document, Signal

__all__ = [
    "Burst",
    "Extracted",
    "Reading",
    "UnreadableFile",
    "extract",
    "file_kind",
    "read_feed",
    "read_file",
    "read_text",
    "rising",
    "quarterly_series",
]

Burst = radar_trends.Burst
AREA_CODES = tuple(a.code for a in taxonomy.AREAS)  # the EDT taxonomy's order: the radar's sectors


def unreadable_text(error: Exception) -> str:
    """Why a file could not be read, in the active language (the engine says it in English)."""
    code = getattr(error, "code", "")
    texts = {
        "encoding": _("The file is not text in UTF-8 or Windows-1252."),
        "feed": _("The file is a feed: it is read entry by entry."),
        "binary": _("The file holds binary content, not text."),
        "empty": _("No text was found in this file."),
        "pdf": _("The PDF file cannot be read (damaged, or only scanned images)."),
        "html": _("No main text was found in this web page."),
        "not_feed": _("The file is not a readable RSS or Atom feed."),
    }
    return texts.get(code, str(error))


def area_name(code: str, language: str) -> str:
    """An EDT area's name in English or French (the code itself for an unknown one)."""
    try:
        return taxonomy.area(code).name(language)
    except KeyError:
        return code


ALPHA, MIN_RATIO, MIN_COUNT = radar_trends.ALPHA, radar_trends.MIN_RATIO, radar_trends.MIN_COUNT
RECENT_MONTHS, BASELINE_MONTHS = radar_trends.RECENT_MONTHS, radar_trends.BASELINE_MONTHS


def directory_names() -> dict[str, int]:
    """The directory's organisation names to their ids, to resolve what a text names."""
    return dict(Organisation.objects.values_list("legal_name", "pk"))


def read_text(extracted: Extracted, directory: tuple[str, ...] = ()) -> Reading:
    return read(extracted.text, source=extracted.source, published=extracted.published, directory=directory)


def read_file(path: str, data: bytes) -> dict[str, object]:
    """The JSON line of ``lodestar radar-read`` for one file (``UnreadableFile`` when it has no text)."""
    return read_text(extract(path, data)).as_json(path)


def reference_date() -> dt.date:
    """The end of the recent window: the newest document's date (the demo's corpus ends in the past)."""
    newest = (
        Document.objects.exclude(published=None)
        .order_by("-published")
        .values_list("published", flat=True)
        .first()
    )
    return newest or dt.date.today()


def rising(kind: str, reference: dt.date | None = None) -> list[radar_trends.Burst]:
    """The burst test for every signal of ``kind`` (area, nation, organisation), rising ones first."""
    reference = reference or reference_date()
    start, recent_start, end = radar_trends.windows(reference)
    documents = Document.objects.exclude(published=None)
    recent_total = documents.filter(published__gte=recent_start, published__lte=end).count()
    baseline_total = documents.filter(published__gte=start, published__lt=recent_start).count()
    signals = Signal.objects.filter(kind=kind)

    def counts(**window: dt.date) -> dict[str, int]:
        rows = signals.filter(**window).values("key").annotate(n=Count("document", distinct=True))
        return {row["key"]: row["n"] for row in rows}

    return radar_trends.bursts(
        counts(published__gte=recent_start, published__lte=end),
        recent_total,
        counts(published__gte=start, published__lt=recent_start),
        baseline_total,
    )


def quarterly_series(kind: str, key: str) -> list[tuple[str, int, int]]:
    """(quarter, documents carrying the signal, all documents) for every quarter of the corpus."""
    dated = Document.objects.exclude(published=None)
    first = dated.order_by("published").values_list("published", flat=True).first()
    last = dated.order_by("-published").values_list("published", flat=True).first()
    if first is None or last is None:
        return []
    carrying = Signal.objects.filter(kind=kind, key=key).exclude(published=None)
    signal_dates = [d for d in carrying.values_list("published", flat=True).distinct() if d is not None]
    counts = dict(radar_trends.quarterly(signal_dates, first, last))
    totals = Counter(
        radar_trends.quarter(d) for d in dated.values_list("published", flat=True) if d is not None
    )
    return [
        (label, counts[label], totals.get(label, 0)) for label, _ in radar_trends.quarterly([], first, last)
    ]
