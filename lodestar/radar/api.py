"""The radar's API: documents with their reading, signals with the burst test, radar editions with their
blips (readers: analysts, programme team, fund team); analysts add a document (mounted by lodestar.api)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from lodestar.core.api import Address, Rows, Title, caller, paged
from lodestar.core.roles import ANYWHERE, RADAR_READERS
from lodestar.radar import actions, queries
from lodestar.radar import engine_adapter as adapter
from lodestar.radar.models import Document, Edition, Signal
from lodestar.radar.workflow import is_analyst

router = Router(tags=["radar"])


def require_reader(request: HttpRequest) -> Any:
    user = caller(request)
    if not user.has_role(*RADAR_READERS, scope=ANYWHERE):
        raise PermissionDenied
    return user


class DocumentOut(Schema):
    id: int
    title: str
    source: str
    language: str
    published: date | None
    kind: str


class DocumentDetailOut(DocumentOut):
    reading: dict


class DocumentIn(Schema):
    title: Title
    text: str  # bounded by the body's size (5 MB, core/edge.py): reports are long
    source: Address = ""
    published: date | None = None


class DocumentAdded(Schema):
    id: int
    created: bool


class SignalOut(Schema):
    key: str
    documents: int
    recent: int
    recent_total: int
    baseline: int
    baseline_total: int
    ratio: float
    p_value: float
    rising: bool


class BlipOut(Schema):
    id: int
    name: str
    name_fr: str  # "" when the blip has no French title (readers then read the English one)
    area: str
    ring: str
    rationale: str
    rationale_fr: str
    movement: str
    documents: list[int]


class EditionOut(Schema):
    id: int
    radar: str
    rings: list[str]  # the radar's ring keys, from the centre outwards
    name: str
    status: str
    published_on: date | None
    blips: list[BlipOut]


def _document(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.pk,
        "title": doc.title,
        "source": doc.source,
        "language": doc.language,
        "published": doc.published,
        "kind": doc.kind,
    }


@router.get("/radar/documents", response=list[DocumentOut])
@paged
def list_radar_documents(request: HttpRequest, language: str = "") -> Rows:
    """Documents read by the radar, newest first; ``language`` en or fr filters."""
    require_reader(request)
    qs = Document.objects.only("pk", "title", "source", "language", "published", "kind")
    if language:
        qs = qs.filter(language=language)
    return Rows(qs.order_by("-published", "-id"), _document)


@router.get("/radar/documents/{document_id}", response=DocumentDetailOut)
def get_radar_document(request: HttpRequest, document_id: int) -> dict[str, Any]:
    """One document with its reading: every item with its evidence (words and character offsets)."""
    require_reader(request)
    doc = get_object_or_404(Document, pk=document_id)
    return {**_document(doc), "reading": doc.reading}


@router.post("/radar/documents", response=DocumentAdded)
def add_radar_document(request: HttpRequest, payload: DocumentIn) -> dict[str, Any]:
    """Read and keep a document given as text (analysts); the same text again gives the first, not created."""
    user = caller(request)
    if not is_analyst(user):
        raise PermissionDenied
    if not payload.text.strip():
        raise ValidationError("The text is empty.")
    text = payload.text if payload.text.startswith(payload.title) else f"{payload.title}\n{payload.text}"
    extracted = adapter.Extracted(
        title=payload.title, text=text, published=payload.published, source=payload.source
    )
    doc, created = actions.do_add_document(extracted, user)
    return {"id": doc.pk, "created": created}


@router.get("/radar/signals/{kind}", response=list[SignalOut])
def list_radar_signals(request: HttpRequest, kind: str) -> list[dict[str, Any]]:
    """Signals of one kind (area, nation, organisation) with the burst test's figures, rising first."""
    require_reader(request)
    if kind not in Signal.Kind.values:
        raise ValidationError("kind is one of: area, nation, organisation.")
    totals = {row["key"]: row["documents"] for row in queries.top_signals(kind, limit=500)}
    return [
        {
            "key": b.key,
            "documents": totals.get(b.key, 0),
            "recent": b.recent,
            "recent_total": b.recent_total,
            "baseline": b.baseline,
            "baseline_total": b.baseline_total,
            "ratio": min(b.ratio, 1e9),
            "p_value": b.p_value,
            "rising": b.rising,
        }
        for b in adapter.rising(kind)
    ]


def _edition(edition: Edition) -> dict[str, Any]:
    moves = queries.movement(edition)
    return {
        "id": edition.pk,
        "radar": edition.radar.name,
        "rings": edition.radar.ring_keys(),
        "name": edition.name,
        "status": edition.status,
        "published_on": edition.published_on,
        "blips": [
            {
                "id": b.pk,
                "name": b.name,
                "name_fr": b.name_fr,
                "area": b.area,
                "ring": b.ring,
                "rationale": b.rationale,
                "rationale_fr": b.rationale_fr,
                "movement": moves.get(b.pk, ""),
                "documents": [d.pk for d in b.documents.all()],
            }
            for b in edition.blips.prefetch_related("documents")
        ],
    }


@router.get("/radar/editions", response=list[EditionOut])
def list_radar_editions(request: HttpRequest) -> list[dict[str, Any]]:
    """Every edition of the radar with its blips and their movement since the previous edition."""
    require_reader(request)
    return [_edition(e) for e in Edition.objects.select_related("radar")]


@router.get("/radar/editions/{edition_id}", response=EditionOut)
def get_radar_edition(request: HttpRequest, edition_id: int) -> dict[str, Any]:
    require_reader(request)
    return _edition(get_object_or_404(Edition.objects.select_related("radar"), pk=edition_id))
