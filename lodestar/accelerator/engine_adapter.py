"""Between the engine and the accelerator: the conflict checks a mentor passes, and the explained
suggestions of test centres and mentors for each cohort company (the affinity engine).

A mentor comes from the expert pool and passes the same conflict checks as a reviewer: the conflict
engine (`lodestar.engine.conflicts`) run on the company's application against the candidates
(employment, shareholding, co-authorship, declared ties), plus any conflict the call's conflicts
stage confirmed or has not yet dismissed. The same-nation rule of reviewing does not apply: a
mentor of the company's own nation is welcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from lodestar.accelerator.models import Centre, CentreKind, CohortCompany
from lodestar.applications.models import Application
from lodestar.engine import conflicts as engine
from lodestar.engine.affinity import Document, Match, Profile, Query, rank_profiles
from lodestar.experts.models import Expert
from lodestar.reviews import workflow as rwf
from lodestar.reviews.engine_adapter.conflicts import application_facts, expert_record, proposal_record
from lodestar.reviews.models import Conflict


def mentor_conflicts(application: Application, experts: Sequence[Expert]) -> dict[int, list[str]]:
    """expert id -> the evidence of each conflict with the application's company (no key: none).

    Expects the experts with `employment`, `documents` and `declarations` prefetched (else a few
    queries each). Five queries for any number of experts."""
    found = conflicts_between([application], experts)
    return {expert: evidence for (app, expert), evidence in found.items() if app == application.pk}


def conflicts_between(
    applications: Sequence[Application], experts: Sequence[Expert]
) -> dict[tuple[int, int], list[str]]:
    """(application id, expert id) -> the evidence of each conflict between them, for many of each
    in one pass of the conflict engine (five queries whatever the numbers)."""
    if not experts or not applications:
        return {}
    ids = [a.pk for a in applications]
    found: dict[tuple[int, int], list[str]] = {}
    for application_id, expert_id, kind in (
        Conflict.objects.filter(
            application_id__in=ids, expert__in=[e.pk for e in experts], state__in=rwf.BLOCKING
        )
        .exclude(kind=Conflict.Kind.SAME_NATION)
        .values_list("application_id", "expert_id", "kind")
    ):
        found.setdefault((application_id, expert_id), []).append(str(Conflict.Kind(kind).label))
    facts = application_facts(Application.objects.filter(pk__in=ids))
    declared: dict[int, list[int]] = {}
    for e in experts:
        for d in e.declarations.all():
            if d.application_id in set(ids):
                declared.setdefault(d.application_id, []).append(e.pk)
    detected = engine.detect(
        [expert_record(e) for e in experts],
        [proposal_record(f, declared.get(f.pk, [])) for f in facts],
        engine.ConflictRules(current_year=timezone.now().year, same_nation=False),
    )
    for conflict in detected:
        found.setdefault((int(conflict.proposal), int(conflict.expert)), []).append(conflict.evidence)
    return found


# --- Explained suggestions of test centres and mentors ---------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """A centre or a mentor suggested for a company, with its evidence: the score, the words the
    company's project shares with it (and their share of the match), the EDT areas both are about."""

    pk: int
    name: str
    score: float
    terms: tuple[str, ...]
    areas: tuple[str, ...]
    slug: str = ""


@dataclass
class Suggestions:
    centres: dict[int, list[Suggestion]] = field(default_factory=dict)
    mentors: dict[int, list[Suggestion]] = field(default_factory=dict)


def _query(place: CohortCompany) -> Query:
    application = place.application
    return Query(str(place.pk), f"{application.summary}\n{application.description}", application.title)


def _centre_profile(centre: Centre) -> Profile:
    """A centre in both languages: its description and every capability (the lexicon joins them)."""
    documents = [Document(f"c{centre.pk}", f"{centre.description_en}\n{centre.description_fr}", centre.name)]
    documents += [
        Document(f"k{c.pk}", f"{c.description_en}\n{c.description_fr}", f"{c.name_en} / {c.name_fr}")
        for c in centre.capabilities.all()
    ]
    return Profile(str(centre.pk), tuple(documents))


def _mentor_profile(expert: Expert) -> Profile:
    documents = [Document(f"s{expert.pk}", expert.expertise, expert.full_name)]
    documents += [Document(f"d{d.pk}", d.abstract, d.title) for d in expert.documents.all()]
    return Profile(str(expert.pk), tuple(documents))


def _explained(pk: int, name: str, match: Match, slug: str = "") -> Suggestion:
    return Suggestion(
        pk=pk,
        name=name,
        score=round(match.score, 3),
        terms=tuple(term for term, _share in match.explanation.terms[:6]),
        areas=tuple(match.explanation.areas),
        slug=slug,
    )


def suggest(places: Sequence[CohortCompany], *, top_k: int = 3, mentors: bool = True) -> Suggestions:
    """The `top_k` test centres and mentors that fit each company's project best, explained.

    Mentors are taken from the available experts of the pool; the best candidates are checked for
    conflicts of interest with the company and those with one are left out (the next ones take their
    place). Empty when suggestions are switched off (settings.ACCELERATOR_SUGGESTIONS)."""
    out = Suggestions()
    if not settings.ACCELERATOR_SUGGESTIONS or not places:
        return out
    queries = [_query(p) for p in places]
    centres = {
        c.pk: c
        for c in Centre.objects.filter(is_active=True, kind=CentreKind.TEST_CENTRE).prefetch_related(
            "capabilities"
        )
    }
    if centres:
        ranked = rank_profiles(queries, [_centre_profile(c) for c in centres.values()], top_k=top_k)
        for place in places:
            out.centres[place.pk] = [
                _explained(
                    int(m.profile_id), centres[int(m.profile_id)].name, m, centres[int(m.profile_id)].slug
                )
                for m in ranked.get(str(place.pk), ())
            ]
    if not mentors:
        return out
    experts = {
        e.pk: e
        for e in Expert.objects.filter(available=True)
        .select_related("organisation")
        .prefetch_related("employment", "documents", "declarations")
    }
    if not experts:
        return out
    ranked = rank_profiles(queries, [_mentor_profile(e) for e in experts.values()], top_k=top_k * 3)
    candidates = {int(m.profile_id) for matches in ranked.values() for m in matches}
    conflicts = conflicts_between([p.application for p in places], [experts[pk] for pk in sorted(candidates)])
    for place in places:
        matches = ranked.get(str(place.pk), ())
        free = [m for m in matches if (place.application_id, int(m.profile_id)) not in conflicts]
        out.mentors[place.pk] = [
            _explained(int(m.profile_id), experts[int(m.profile_id)].full_name, m) for m in free[:top_k]
        ]
    return out
