"""Finding applications as staff look for them: by the reference every page shows (A-00354), by the
words of their text in either language, and by meaning across languages.

Words: on PostgreSQL, its full-text search with the English and the French configurations (stems, so
"batteries" finds "battery"; French elisions, so "énergie" finds "l'énergie"); elsewhere every word
must appear in the title, summary, description or the organisation's name. Meaning: the engine's
bilingual term space (applications.engine_adapter), which finds a French text for an English search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from lodestar.applications.engine_adapter import MeaningHit, close_in_meaning
from lodestar.applications.models import Application

# "A-00354", "a354", "A 354", "#354" or the bare number; the pk stays within what a bigint holds.
REFERENCE = re.compile(r"^\s*(?:A[-\s]?|#)?0*(\d{1,12})\s*$", re.IGNORECASE)
WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)
MAX_QUERY = 200


def reference_pk(query: str) -> int | None:
    """The application id a reference names, or None when the query is not a reference."""
    match = REFERENCE.match(query or "")
    return int(match.group(1)) if match else None


def _words(query: str) -> list[str]:
    return [w for w in WORD.findall(query[:MAX_QUERY]) if len(w) > 1][:12]


def matching_words(qs: QuerySet[Application], query: str) -> QuerySet[Application]:
    """The applications of `qs` whose text holds the words of `query` (all of them), in either
    language; the organisation's name counts too."""
    words = _words(query)
    if not words:
        return qs.none()
    phrase = " ".join(words)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        fields = ("title", "summary", "description")
        english = SearchVector(*fields, config="english")
        french = SearchVector(*fields, config="french")
        return qs.annotate(_words_en=english, _words_fr=french).filter(
            Q(_words_en=SearchQuery(phrase, config="english"))
            | Q(_words_fr=SearchQuery(phrase, config="french"))
            | Q(organisation__legal_name__icontains=phrase)
        )
    condition = Q()
    for word in words:
        condition &= (
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(description__icontains=word)
            | Q(organisation__legal_name__icontains=word)
        )
    return qs.filter(condition)


@dataclass(frozen=True)
class Found:
    """How staff's search found one application: its id, how (reference, words, meaning) and, for
    meaning, the score and the shared terms that explain it."""

    pk: int
    how: str
    score: float | None = None
    terms: tuple[str, ...] = ()


def search(
    qs: QuerySet[Application], query: str, meaning: bool = True, limit: int = 200, min_meaning: float = 0.05
) -> list[Found]:
    """Every application of `qs` that `query` finds, best first: the one a reference names, then
    those holding the words (closest in meaning first), then those found only by meaning."""
    query = (query or "").strip()[:MAX_QUERY]
    if not query:
        return []
    pk = reference_pk(query)
    if pk is not None:
        return [Found(pk, "reference")] if qs.filter(pk=pk).exists() else []
    by_words = set(matching_words(qs, query).values_list("pk", flat=True)[: limit * 5])
    close: dict[int, MeaningHit] = close_in_meaning(query, min_score=min_meaning) if meaning else {}
    if close:  # the index holds every application; keep those of `qs`
        visible = set(qs.filter(pk__in=list(close)).values_list("pk", flat=True))
        close = {p: h for p, h in close.items() if p in visible}
    found = [
        Found(p, "words", close[p].score, close[p].terms) if p in close else Found(p, "words")
        for p in by_words
    ]
    found.sort(key=lambda f: (-(f.score or 0.0), -f.pk))
    found += [Found(p, "meaning", h.score, h.terms) for p, h in close.items() if p not in by_words]
    return found[:limit]
