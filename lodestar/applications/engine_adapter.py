"""What applications ask of the engine: the language an application is written in, and the
applications whose meaning is closest to a search, in either language (the bilingual term space)."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max

from lodestar.applications.models import Application
from lodestar.engine.affinity import Document
from lodestar.engine.search import SearchIndex
from lodestar.engine.text import detect_language


def language_of(application: Application) -> str:
    """ "en" or "fr", read from the application's own text (title, summary, description)."""
    return detect_language(application.text_for_matching())


# Staff search: one index per kind of text, fitted once and kept in the shared cache.


def _index_key(kind: str, fingerprint: Any) -> str:
    return "search-index:" + hashlib.sha256(f"{kind}:{fingerprint}".encode()).hexdigest()


def cached_index(kind: str, fingerprint: Any, build: Callable[[], Sequence[Document]]) -> SearchIndex:
    """A fitted index, kept in the shared cache until the documents change (never in process memory)."""
    key = _index_key(kind, fingerprint)
    blob = cache.get(key)
    if blob is not None:
        return pickle.loads(blob)  # noqa: S301  # written just below by this code, never by a user
    index = SearchIndex(build())
    cache.set(key, pickle.dumps(index), timeout=60 * 60 * 24)
    return index


def application_index() -> SearchIndex:
    state = Application.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    return cached_index(
        "applications",
        (state["n"], state["last"]),
        lambda: [
            Document(id=str(a.pk), text=a.text_for_matching())
            for a in Application.objects.only("pk", "title", "summary", "description")
            .prefetch_related("answers__question")
            .iterator(chunk_size=1000)
        ],
    )


@dataclass(frozen=True)
class MeaningHit:
    """An application close in meaning to a search, with the shared terms that show why."""

    score: float
    terms: tuple[str, ...]


def close_in_meaning(query: str, top_k: int = 200, min_score: float = 0.05) -> dict[int, MeaningHit]:
    """Applications whose text is close to `query` in the bilingual term space, so that "energy
    storage" finds "stockage d'énergie": id -> score and the terms they share, best first."""
    hits = application_index().search(query, top_k=top_k, min_score=min_score)
    return {int(h.id): MeaningHit(h.score, tuple(t for t, _w in h.explanation.terms[:6])) for h in hits}
