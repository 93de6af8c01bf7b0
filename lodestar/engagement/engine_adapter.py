"""Between the engine and the engagement app: duplicate organisations (engine/duplicates.py), and the
challenges and radar areas a contribution reads like (engine/affinity.py, engine/taxonomy.py)."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from lodestar.engagement import workflow as wf
from lodestar.engagement.models import ChallengeMatch, Contribution, DuplicatePair
from lodestar.engine.affinity import FOR_CHALLENGES, Document, Profile, Query, rank_profiles
from lodestar.engine.duplicates import Entry, find_duplicates
from lodestar.engine.taxonomy import classify
from lodestar.organisations.models import Organisation
from lodestar.programmes.models import Call, Challenge

Progress = Callable[[int, int, str], None]

# Challenges shown per contribution; a weaker match than this explains nothing useful.
CHALLENGES_PER_CONTRIBUTION = 3
MIN_CHALLENGE_SCORE = 0.05


def compute_duplicates() -> int:
    """Find duplicate pairs among every organisation; new pairs are added as open, pairs already
    merged or dismissed keep their decision, open pairs no longer found are removed. Runs in one
    transaction, so the page never shows half a result."""
    rows = (
        Organisation.objects.values_list("pk", "legal_name", "website")
        .order_by("pk")
        .iterator(chunk_size=5000)
    )
    entries = [Entry(str(pk), name, site) for pk, name, site in rows]
    found = find_duplicates(entries)
    now = timezone.now()
    with transaction.atomic():
        pairs = list(DuplicatePair.objects.select_for_update())
        known = {(p.first_id, p.second_id) for p in pairs}
        fresh = {(int(d.first_id), int(d.second_id)): d for d in found}
        # Open pairs no longer found go, and so do open pairs one of whose sides was deleted since.
        stale = [
            p.pk
            for p in pairs
            if p.status == wf.DuplicateStatus.OPEN and (p.first_id, p.second_id) not in fresh
        ]
        DuplicatePair.objects.filter(pk__in=stale).delete()
        DuplicatePair.objects.bulk_create(
            [
                DuplicatePair(first_id=a, second_id=b, score=d.score, reasons=list(d.reasons), found_at=now)
                for (a, b), d in fresh.items()
                if (a, b) not in known
            ],
            batch_size=1000,
        )
    return len(fresh)


def open_challenges() -> list[Challenge]:
    return list(Challenge.objects.filter(call__in=Call.objects.open_now()).order_by("pk"))


def match_contribution(contribution: Contribution) -> int:
    """Match one contribution to the open challenges and to the radar's EDT areas, with evidence.
    Replaces its previous matches."""
    challenges = open_challenges()
    text = f"{contribution.title}. {contribution.body}"
    matches = []
    if challenges:
        profiles = [
            Profile(
                id=str(c.pk),
                documents=tuple(
                    Document(
                        id=f"{c.pk}-{lang}",
                        title=getattr(c, f"title_{lang}"),
                        text="\n".join(getattr(c, f"{f}_{lang}") for f in ("summary", "description")),
                    )
                    for lang in ("en", "fr")
                ),
            )
            for c in challenges
        ]
        ranked = rank_profiles(
            [Query(id="q", text=text)],
            profiles,
            top_k=min(CHALLENGES_PER_CONTRIBUTION, len(profiles)),
            settings=FOR_CHALLENGES,
            background=[p.documents[0].full_text for p in profiles],
        )
        for match in ranked.get("q", ()):
            if match.score < MIN_CHALLENGE_SCORE:
                continue
            matches.append(
                ChallengeMatch(
                    contribution=contribution,
                    challenge_id=int(match.profile_id),
                    score=round(float(match.score), 3),
                    explanation={
                        "terms": [[t, round(w, 3)] for t, w in match.explanation.terms[:8]],
                        "areas": list(match.explanation.areas),
                    },
                )
            )
    areas = [
        {"code": a.code, "confidence": round(a.confidence, 2), "terms": list(a.terms[:6])}
        for a in classify(text, language=contribution.language)
    ]
    with transaction.atomic():
        contribution.challenge_matches.all().delete()
        ChallengeMatch.objects.bulk_create(matches)
        contribution.areas = areas
        contribution.matched_at = timezone.now()
        contribution.save(update_fields=["areas", "matched_at"])
    return len(matches)
