"""What the radar's pages and API read: signals over time, rising signals, editions with movement, and
the geometry of the charts (drawn as inline SVG by the templates, so they need no JavaScript)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from lodestar.core.nations import nation_name
from lodestar.organisations.models import Organisation
from lodestar.programmes.models import Challenge
from lodestar.radar import engine_adapter as adapter
from lodestar.radar.models import Blip, Document, Edition, Signal

AREA_CODES = list(adapter.AREA_CODES)


def area_label(code: str, language: str) -> str:
    return adapter.area_name(code, language)


def signal_label(kind: str, key: str, language: str) -> str:
    if kind == Signal.Kind.AREA:
        return area_label(key, language)
    if kind == Signal.Kind.NATION:
        return str(nation_name(key)) or key
    return key


def challenges_of_area(code: str) -> QuerySet[Challenge]:
    """The programme's challenges in an EDT area: where a rising area meets the calls."""
    return (
        Challenge.objects.filter(areas__code=code)
        .select_related("call")
        .order_by("-call__opens_at", "position")
    )


def documents_of(kind: str, key: str) -> QuerySet[Document]:
    return (
        Document.objects.filter(signals__kind=kind, signals__key=key).distinct().order_by("-published", "-id")
    )


def top_signals(kind: str, limit: int = 30) -> list[dict[str, Any]]:
    rows = (
        Signal.objects.filter(kind=kind)
        .values("key")
        .annotate(documents=Count("document", distinct=True))
        .order_by("-documents", "key")[:limit]
    )
    return list(rows)


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    total: int
    x: float
    y: float
    height: float
    width: float
    show_label: bool


def bar_chart(series: list[tuple[str, int, int]], height: int = 160, width: int = 640) -> dict[str, Any]:
    """Bars of documents per quarter carrying a signal, scaled to the highest quarter."""
    if not series:
        return {"bars": [], "height": height, "width": width, "peak": 0}
    peak = max(count for _, count, _ in series) or 1
    step = width / len(series)
    bars = [
        Bar(
            label,
            count,
            total,
            round(i * step + 1, 1),
            round(height - count / peak * (height - 20), 1),
            round(count / peak * (height - 20), 1),
            round(max(step - 2, 1), 1),
            label.endswith("Q1"),
        )
        for i, (label, count, total) in enumerate(series)
    ]
    return {"bars": bars, "height": height, "width": width, "peak": peak}


def movement(edition: Edition) -> dict[int, str]:
    """For each blip: "new", "in" (moved towards adopt), "out" (towards hold) or "" (unchanged)."""
    previous = edition.previous()
    before = {b.name: b.ring for b in previous.blips.all()} if previous else {}
    out = {}
    for blip in edition.blips.all():
        if blip.name not in before:
            out[blip.pk] = "new"
        else:
            shift = ring_index(edition, blip.ring) - ring_index(edition, before[blip.name])
            out[blip.pk] = "in" if shift < 0 else "out" if shift > 0 else ""
    return out


def ring_index(edition: Edition, ring: str) -> int:
    """A ring's place from the centre (0) outwards; a ring the radar no longer has counts as outermost."""
    keys = edition.radar.ring_keys()
    return keys.index(ring) if ring in keys else len(keys)


def movement_label(code: str) -> str:
    return {"new": _("New"), "in": _("Moved in"), "out": _("Moved out"), "": _("No change")}[code]


def radar_points(blips: list[Blip], rings: list[str], size: int = 520) -> dict[str, Any]:
    """Where each blip sits on the radar: its sector (EDT area) an angle, its ring (``rings``, from the
    centre outwards) a distance."""
    centre = size / 2
    radius = centre - 10
    ring_width = radius / len(rings)
    sectors = len(AREA_CODES)
    by_cell: dict[tuple[str, str], list[Blip]] = {}
    for blip in blips:
        by_cell.setdefault((blip.area, blip.ring), []).append(blip)
    points = []
    for (code, ring), cell in by_cell.items():
        s = AREA_CODES.index(code) if code in AREA_CODES else 0
        r = rings.index(ring) if ring in rings else len(rings) - 1
        for i, blip in enumerate(cell):
            angle = 2 * math.pi * (s + (i + 1) / (len(cell) + 1)) / sectors - math.pi / 2
            distance = ring_width * (r + 0.3 + 0.4 * ((i % 3) / 2))
            points.append(
                {
                    "blip": blip,
                    "x": round(centre + distance * math.cos(angle), 1),
                    "y": round(centre + distance * math.sin(angle), 1),
                }
            )
    radii = [round(ring_width * (i + 1), 1) for i in range(len(rings))]
    spokes = []
    for s in range(sectors):
        angle = 2 * math.pi * s / sectors - math.pi / 2
        label_angle = 2 * math.pi * (s + 0.5) / sectors - math.pi / 2
        spokes.append(
            {
                "x": round(centre + radius * math.cos(angle), 1),
                "y": round(centre + radius * math.sin(angle), 1),
                "lx": round(centre + (radius - 24) * math.cos(label_angle), 1),
                "ly": round(centre + (radius - 24) * math.sin(label_angle), 1),
                "code": AREA_CODES[s],
            }
        )
    return {"size": size, "centre": centre, "rings": radii, "spokes": spokes, "points": points}


def rising_areas(language: str) -> list[dict[str, Any]]:
    return [{"burst": b, "label": area_label(b.key, language)} for b in adapter.rising(Signal.Kind.AREA)]


def edition_rows(edition: Edition, blips: list[Blip], language: str) -> list[dict[str, Any]]:
    """The blips of an edition in the table's order (sector, ring from the centre, name), numbered as on
    the chart, with their sector and ring in the reader's language and their movement."""
    moves = movement(edition)
    order = {code: i for i, code in enumerate(AREA_CODES)}
    blips = sorted(
        blips, key=lambda b: (order.get(b.area, len(order)), ring_index(edition, b.ring), b.name.lower())
    )
    return [
        {
            "number": n,
            "blip": b,
            "title": b.title(language),
            "rationale": b.rationale_in(language),
            "area": area_label(b.area, language),
            "ring": edition.radar.ring_label(b.ring, language),
            "movement": moves.get(b.pk, ""),
            "movement_label": movement_label(moves.get(b.pk, "")),
        }
        for n, b in enumerate(blips, start=1)
    ]


def chart_data(edition: Edition, rows: list[dict[str, Any]], language: str) -> dict[str, Any]:
    """What the interactive radar draws (handed to the page's script through ``json_script``): sectors
    (EDT areas), rings from the centre outwards, and each blip with its number, movement, rationale and
    evidence documents."""
    return {
        "sectors": [{"code": code, "label": area_label(code, language)} for code in AREA_CODES],
        "rings": [{"key": key, "label": label} for key, label in edition.radar.ring_choices(language)],
        "blips": [
            {
                "id": row["blip"].pk,
                "number": row["number"],
                "name": row["title"],
                "area": row["blip"].area,
                "areaLabel": row["area"],
                "ring": row["blip"].ring,
                "ringLabel": row["ring"],
                "movement": row["movement"],
                "movementLabel": str(row["movement_label"]),
                "rationale": row["rationale"],
                "documents": [
                    {"title": d.title, "url": reverse("radar:document", args=[d.pk])}
                    for d in row["blip"].documents.all()
                ],
            }
            for row in rows
        ],
    }


def directory_organisation(kind: str, key: str) -> Organisation | None:
    """The directory's organisation an organisation signal was resolved to when its documents were read."""
    if kind != Signal.Kind.ORGANISATION:
        return None
    row = Signal.objects.filter(kind=kind, key=key).exclude(organisation=None).select_related("organisation")
    first = row.first()
    return first.organisation if first else None


def organisations_in_signals() -> QuerySet[Organisation]:
    """Directory organisations the radar has read about (what "add to deal flow" may act on)."""
    return Organisation.objects.filter(radar_signals__isnull=False).distinct()


def signal_key_of(organisation: Organisation) -> str:
    """The name the radar reads the organisation under (its signal's key)."""
    key = (
        Signal.objects.filter(kind=Signal.Kind.ORGANISATION, organisation=organisation)
        .values_list("key", flat=True)
        .first()
    )
    return key or organisation.legal_name


def organisations_named_with(kind: str, key: str, limit: int = 15) -> list[dict[str, Any]]:
    """The organisations most often named in the documents that carry a signal (an area, a nation),
    with the directory's row when the name is known there."""
    documents = Signal.objects.filter(kind=kind, key=key).values("document")
    rows = (
        Signal.objects.filter(kind=Signal.Kind.ORGANISATION, document__in=documents)
        .values("key")
        .annotate(documents=Count("document", distinct=True), known=Count("organisation"))
        .order_by("-known", "-documents", "key")[:limit]
    )
    return [dict(row, in_directory=bool(row["known"])) for row in rows]


def blip_history(blip: Blip, language: str) -> list[dict[str, Any]]:
    """The revisions of a blip, newest first, each change as (field label, before, after) in the
    reader's language: sectors and rings by their names, evidence by the documents' titles."""
    revisions = list(blip.revisions.select_related("actor"))
    ids: set[int] = set()
    for revision in revisions:
        for side in revision.changes.get("documents", []):
            ids.update(side)
    titles = dict(Document.objects.filter(pk__in=ids).values_list("pk", "title"))
    radar = blip.edition.radar

    def shown(field: str, value: Any) -> str:
        if field == "area":
            return str(area_label(value, language)) if value else ""
        if field == "ring":
            return radar.ring_label(value, language) if value else ""
        if field == "documents":
            return "; ".join(titles.get(pk, f"#{pk}") for pk in value)
        return str(value)

    history = []
    for revision in revisions:
        changes = []
        for field, (before, after) in revision.changes.items():
            label = getattr(Blip._meta.get_field(field), "verbose_name", field)
            changes.append({"field": label, "before": shown(field, before), "after": shown(field, after)})
        history.append({"at": revision.at, "actor": revision.actor, "changes": changes})
    return history
