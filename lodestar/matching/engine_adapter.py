"""Between the matching engine and the database: querysets in, frozen engine inputs, results saved.

Every function replaces the previous results of its call, so a run that failed half-way is simply
run again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_noop

from lodestar.applications import workflow as wf
from lodestar.applications.engine_adapter import cached_index
from lodestar.applications.models import Application
from lodestar.engine.affinity import FOR_CHALLENGES, AffinityModel, Document, Profile, Query, rank_profiles
from lodestar.engine.affinity_types import Explanation
from lodestar.engine.search import SearchIndex, find_near_duplicates
from lodestar.experts.models import Expert
from lodestar.matching.models import ChallengeFit, DuplicatePair, ExpertSuggestion
from lodestar.organisations.models import Organisation
from lodestar.programmes.models import Call

Progress = Callable[[int, int, str], None]

SUGGESTIONS_PER_APPLICATION = 10
# Lightly edited copies score above 0.8, reworded ones about 0.7 (engine/search.py). On the demo's
# 288 applications 0.55 flagged 155 pairs, nearly all distinct companies working on the same topic;
# 0.7 flags the 6 planted rewordings and nothing else, so staff read signal, not noise.
DUPLICATE_THRESHOLD = 0.7
# Below this margin the chosen challenge is as good as the best one: no flag.
MISFILED_MARGIN = 0.02


def competing_applications(call: Call) -> list[Application]:
    return list(
        Application.objects.filter(challenge__call=call, status__in=wf.SENT)
        .select_related("challenge", "organisation")
        .prefetch_related("answers__question")
        .order_by("pk")
    )


def as_query(application: Application) -> Query:
    # The text already starts with the title: passing it again would count its words twice.
    return Query(id=str(application.pk), text=application.text_for_matching())


def explanation_json(explanation: Explanation, documents: dict[str, str] | None = None) -> dict[str, Any]:
    best = explanation.best_document_id or ""
    kind = (
        "statement"
        if best.endswith("-statement")
        else "keywords"
        if best.endswith("-keywords")
        else "document"
    )
    return {
        "terms": [[term, weight] for term, weight in explanation.terms],
        "areas": list(explanation.areas),
        "best_document": (documents or {}).get(best, "") if best else "",
        "best_document_kind": kind if best else "",
    }


def challenge_profiles(call: Call) -> list[Profile]:
    """Each challenge in both languages: an English application meets the English text, a French one the
    French text, and the shared lexicon carries the rest."""
    return [
        Profile(
            id=str(c.pk),
            documents=tuple(
                Document(id=f"{c.pk}-{lang}", title=getattr(c, f"title_{lang}"), text=text)
                for lang in ("en", "fr")
                if (text := "\n".join(getattr(c, f"{f}_{lang}") for f in ("title", "summary", "description")))
            ),
        )
        for c in call.challenges.all()
    ]


def challenge_fit_rows(call: Call, applications: Sequence[Application]) -> list[ChallengeFit]:
    """The best challenge of each application, not saved (`save_matching` replaces them all)."""
    if not applications:
        return []
    profiles = challenge_profiles(call)
    model = AffinityModel(settings=FOR_CHALLENGES).fit(
        profiles, background=[a.text_for_matching() for a in applications]
    )
    result = model.score([as_query(a) for a in applications])
    scores = result.dense()
    columns = [int(p.id) for p in profiles]
    challenges = {c.pk: c for c in call.challenges.all()}
    # Only the best challenge is explained: the page shows why it fits, not why the others fit less.
    best_columns = np.argmax(scores, axis=1).tolist()
    best = [
        (str(application.pk), str(columns[column]), float(scores[row, column]))
        for row, (application, column) in enumerate(zip(applications, best_columns, strict=True))
    ]
    explanations = result.explain_many(best)
    rows = []
    now = timezone.now()
    for row, application in enumerate(applications):
        best_id, best_score = columns[best_columns[row]], best[row][2]
        own = float(scores[row, columns.index(application.challenge_id)])
        rows.append(
            ChallengeFit(
                application=application,
                best_challenge=challenges[best_id],
                best_score=best_score,
                own_score=own,
                misfiled=best_id != application.challenge_id and best_score - own > MISFILED_MARGIN,
                explanation=explanation_json(explanations[row]),
                computed_at=now,
            )
        )
    return rows


def duplicate_rows(call: Call, applications: Sequence[Application]) -> list[DuplicatePair]:
    """Near-duplicates among this call's applications and against every other call's (not saved)."""
    others = list(
        Application.objects.filter(status__in=wf.SENT)
        .exclude(challenge__call=call)
        .only("pk", "title", "summary", "description")
        .prefetch_related("answers__question")
    )
    here = {a.pk for a in applications}
    documents = [Document(id=str(a.pk), text=a.text_for_matching()) for a in [*applications, *others]]
    pairs = find_near_duplicates(documents, threshold=DUPLICATE_THRESHOLD) if len(documents) > 1 else ()
    now = timezone.now()
    rows = []
    for pair in pairs:
        first, second = sorted((int(pair.first_id), int(pair.second_id)))
        if first not in here and second not in here:
            continue
        rows.append(
            DuplicatePair(
                call=call,
                first_id=first,
                second_id=second,
                similarity=pair.similarity,
                terms=list(pair.terms),
                computed_at=now,
            )
        )
    return rows


def expert_profiles(experts: Sequence[Expert]) -> tuple[list[Profile], dict[str, str]]:
    titles: dict[str, str] = {}
    profiles = []
    for expert in experts:
        documents = []
        for doc_id, title, text in expert.profile_documents():
            titles[doc_id] = title
            documents.append(Document(id=doc_id, title=title, text=text))
        profiles.append(Profile(id=str(expert.pk), documents=tuple(documents)))
    return profiles, titles


def suggestion_rows(call: Call, applications: Sequence[Application]) -> list[ExpertSuggestion]:
    """The experts suggested for each application (not saved)."""
    experts = list(Expert.objects.filter(available=True).prefetch_related("documents").order_by("pk"))
    if not experts or not applications:
        return []
    profiles, titles = expert_profiles(experts)
    matches = rank_profiles(
        [as_query(a) for a in applications], profiles, top_k=min(SUGGESTIONS_PER_APPLICATION, len(profiles))
    )
    rows = [
        ExpertSuggestion(
            application_id=int(qid),
            expert_id=int(match.profile_id),
            rank=rank,
            score=match.score,
            explanation=explanation_json(match.explanation, titles),
        )
        for qid, ranked in matches.items()
        for rank, match in enumerate((m for m in ranked if m.score > 0), start=1)
    ]
    return rows


def save_matching(
    call: Call, fits: list[ChallengeFit], duplicates: list[DuplicatePair], suggestions: list[ExpertSuggestion]
) -> None:
    """Replace the call's matching results by this run's, all three kinds in one transaction: a run
    that stops before (a worker killed while computing) leaves the previous results whole, and no
    page ever reads a call with its old suggestions deleted and the new ones not yet written."""
    with transaction.atomic():
        ChallengeFit.objects.filter(application__challenge__call=call).delete()
        DuplicatePair.objects.filter(call=call).delete()
        ExpertSuggestion.objects.filter(application__challenge__call=call).delete()
        ChallengeFit.objects.bulk_create(fits, batch_size=500)
        DuplicatePair.objects.bulk_create(duplicates, batch_size=500)
        ExpertSuggestion.objects.bulk_create(suggestions, batch_size=1000)


def run_call_matching(call: Call, progress: Progress) -> dict[str, int]:
    """Compute every result of the call's matching, then replace the old ones at once (`save_matching`)."""
    applications = competing_applications(call)
    progress(0, 4, gettext_noop("best challenge"))
    fits = challenge_fit_rows(call, applications)
    progress(1, 4, gettext_noop("near-duplicates"))
    duplicates = duplicate_rows(call, applications)
    progress(2, 4, gettext_noop("expert suggestions"))
    suggestions = suggestion_rows(call, applications)
    progress(3, 4, gettext_noop("saving"))
    save_matching(call, fits, duplicates, suggestions)
    progress(4, 4, gettext_noop("done"))
    return {
        "applications": len(applications),
        "misfiled": sum(1 for fit in fits if fit.misfiled),
        "fits": len(fits),
        "duplicates": len(duplicates),
        "suggestions": len(suggestions),
    }


def organisation_index() -> SearchIndex:
    state = Organisation.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    return cached_index(
        "organisations",
        (state["n"], state["last"]),
        lambda: [
            Document(id=str(o.pk), title=o.legal_name, text=f"{o.legal_name}\n{o.description}")
            for o in Organisation.objects.only("pk", "legal_name", "description").iterator()
        ],
    )
