"""The radar's API: documents with their reading, signals with the burst test, radar editions with their
blips (readers: analysts, programme team, fund team); analysts add a document and edit a draft edition's
blip (mounted by lodestar.api)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema

from lodestar.core.api import Address, Rows, Title, caller, paged
from lodestar.core.roles import ANYWHERE, RADAR_READERS
from lodestar.radar import actions, queries
from lodestar.radar import engine_adapter as adapter
from lodestar.radar.models import Blip, Document, Edition, Signal
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


class BlipIn(Schema):
    """The fields to change; those left out are kept (the evidence too)."""

    name: str | None = None
    name_fr: str | None = None
    area: str | None = None
    ring: str | None = None
    rationale: str | None = None
    rationale_fr: str | None = None
    documents: list[int] | None = None  # the evidence documents' ids


class RevisionOut(Schema):
    at: str
    actor: str
    changes: dict[str, list[Any]]  # field: [before, after]; evidence as documents' ids


class BlipDetailOut(BlipOut):
    edition: int
    revisions: list[RevisionOut]


def _blip(blip: Blip) -> dict[str, Any]:
    moves = queries.movement(blip.edition)
    return {
        "id": blip.pk,
        "edition": blip.edition_id,
        "name": blip.name,
        "name_fr": blip.name_fr,
        "area": blip.area,
        "ring": blip.ring,
        "rationale": blip.rationale,
        "rationale_fr": blip.rationale_fr,
        "movement": moves.get(blip.pk, ""),
        "documents": sorted(d.pk for d in blip.documents.all()),
        "revisions": [
            {"at": r.at.isoformat(), "actor": r.actor.email if r.actor else "", "changes": r.changes}
            for r in blip.revisions.select_related("actor")
        ],
    }


@router.get("/radar/blips/{blip_id}", response=BlipDetailOut)
def get_radar_blip(request: HttpRequest, blip_id: int) -> dict[str, Any]:
    """One blip with its history of changes, newest first."""
    require_reader(request)
    return _blip(get_object_or_404(Blip.objects.select_related("edition__radar"), pk=blip_id))


@router.patch("/radar/blips/{blip_id}", response=BlipDetailOut)
def edit_radar_blip(request: HttpRequest, blip_id: int, payload: BlipIn) -> dict[str, Any]:
    """Change a blip of a draft edition (analysts): only the fields given; each change is kept."""
    user = caller(request)
    if not is_analyst(user):
        raise PermissionDenied
    blip = get_object_or_404(Blip.objects.select_related("edition__radar"), pk=blip_id)
    fields = payload.dict(exclude_none=True)
    if "documents" in fields:
        ids = set(fields["documents"])
        documents = list(Document.objects.filter(pk__in=ids))
        if len(documents) != len(ids):
            raise ValidationError(_("An evidence document does not exist."))
        fields["documents"] = documents
    actions.check_save_blip(blip.edition, user, blip=blip, **fields)
    return _blip(get_object_or_404(Blip.objects.select_related("edition__radar"), pk=blip_id))
