"""Between the assignment engine and the database: querysets in, an `AssignmentProblem` out, the
result saved as proposed `Assignment` rows with their explanations.

Who may review what is `reviews.eligibility`'s rule, asked here for every pair of a block at once.
Candidate pairs are sparse: per application its `CANDIDATES_PER_APPLICATION` best experts by
affinity (30 in the fairness mode) among those who read its language, plus the best few of every
quota group (so that "at least one from the business pool" is never starved by the cut), plus,
when experts have a minimum load, each expert's best applications. Scores come from one affinity
model fitted on the documents of every expert the rule lets take work, computed in blocks of
applications so memory stays bounded.

Pairs the rule forbids for a decision about that pair (a conflict, an assignment held or declined,
the same-nation limit already reached) are given to the engine as conflicts rather than left out,
so that a diagnosis can say how many candidates conflicts removed; an expert who does not read the
language is no candidate at all. The run replaces the call's previous proposed rows and keeps
published and declined ones: it is repeatable.

At 2,600 applications x 600 experts (demo data, one core): about 10 s with the min-cost flow, about
35 s with both quotas (integer program), about 45 s in the fairness mode.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.engine.affinity import AffinityModel, AffinityResult
from lodestar.engine.assignment import AssignmentProblem, Quota, solve
from lodestar.engine.reasons import reason_to_dict
from lodestar.experts.models import Expert
from lodestar.matching.engine_adapter import as_query, expert_profiles, explanation_json
from lodestar.programmes.models import Call
from lodestar.reviews import eligibility
from lodestar.reviews import workflow as rwf
from lodestar.reviews.eligibility import expert_cap
from lodestar.reviews.engine_adapter.diagnosis import BUSINESS, NATION
from lodestar.reviews.models import Assignment, AssignmentRules
from lodestar.reviews.queries import nothing_to_assign

Progress = Callable[[int, int, str], None]

CANDIDATES_PER_APPLICATION = 60
# The fairness mode solves integer programs that grow with the pairs. At 2,600 x 600 on the demo
# data, 30 candidates each: 46 s, proven optimal; 60: stopped by the 120 s limit with a lower total.
FAIR_CANDIDATES_PER_APPLICATION = 30
# Extra candidates per application from each quota group, and per expert when minimum loads apply.
GROUP_CANDIDATES = 8
SCORE_BLOCK = 400
BACKGROUND_STATEMENTS = 400  # applications scored at once: a block x experts float32 matrix
TIME_LIMIT = 120.0  # seconds for the integer-program paths (fairness, overlapping quotas)


# The rule's clauses that make a pair no candidate at all; the others make it a forbidden candidate.
NOT_CANDIDATES = (eligibility.Reason.UNAVAILABLE, eligibility.Reason.LANGUAGE, eligibility.Reason.FULL)


@dataclass
class Scope:
    """What one run assigns: the call's eligible applications and the experts with room left."""

    call: Call
    setup: AssignmentRules
    applications: list[Application]
    experts: list[Expert]
    capacity: dict[int, int]  # expert -> applications it may still take in this run
    needed: dict[int, int]  # application -> experts still to find
    context: eligibility.Context


def build_scope(call: Call, setup: AssignmentRules) -> Scope:
    applications = list(
        Application.objects.filter(challenge__call=call, status=wf.ELIGIBLE)
        .select_related("organisation")
        # Their texts are read for the affinity (`as_query`): the answers in one query, not one each.
        .prefetch_related("answers__question")
        .order_by("pk")
    )
    # Published assignments stand: they count against each expert's load and the run proposes on
    # top of them. Proposed ones do not: the run replaces them.
    context = eligibility.context_for(call, setup, rwf.PUBLISHED, applications)
    # Unavailable experts are left out in the query too, so that their documents are not read.
    pool = list(Expert.objects.filter(available=True).prefetch_related("documents").order_by("pk"))
    experts = [e for e, code in zip(pool, eligibility.expert_codes(pool, context), strict=True) if code == 0]
    standing = Counter(a for a, _e in context.assigned)
    k = setup.experts_per_application
    return Scope(
        call=call,
        setup=setup,
        applications=applications,
        experts=experts,
        capacity={e.pk: expert_cap(setup, e) - context.loads.get(e.pk, 0) for e in experts},
        needed={a.pk: max(0, k - standing[a.pk]) for a in applications},
        context=context,
    )


@dataclass
class Candidates:
    pairs: dict[tuple[int, int], float]  # (application, expert) -> affinity
    forbidden: set[tuple[int, int]]  # candidate pairs the eligibility rule forbids
    results: list[AffinityResult]  # one per block, kept (sparse) for the explanations
    block_of: dict[int, int]  # application -> index into results
    titles: dict[str, str]


def _top_columns(row: np.ndarray, k: int) -> np.ndarray:
    usable = np.flatnonzero(np.isfinite(row))
    if len(usable) <= k:
        return usable
    return usable[np.argpartition(-row[usable], k - 1)[:k]]


def score_candidates(scope: Scope, progress: Progress, total_steps: int) -> Candidates:
    """Affinity of the sparse candidate pairs, with the block results kept for explanations."""
    profiles, titles = expert_profiles(scope.experts)
    model = AffinityModel().fit(profiles)
    experts, setup = scope.experts, scope.setup
    pools = np.array([e.pool for e in experts])
    group_masks = [pools == BUSINESS] if setup.min_business else []
    wants_min = setup.min_load > 0
    per_application = FAIR_CANDIDATES_PER_APPLICATION if setup.fair else CANDIDATES_PER_APPLICATION
    per_expert: list[list[tuple[float, int, bool]]] = [[] for _ in experts]
    pairs: dict[tuple[int, int], float] = {}
    forbidden: set[tuple[int, int]] = set()
    results: list[AffinityResult] = []
    block_of: dict[int, int] = {}
    blocks = range(0, len(scope.applications), SCORE_BLOCK)
    for number, start in enumerate(blocks):
        chunk = scope.applications[start : start + SCORE_BLOCK]
        result = model.score([as_query(a) for a in chunk], top_k=None)
        dense = result.dense().astype(np.float64)
        codes = eligibility.ineligibility_codes(chunk, experts, scope.context)
        dense[np.isin(codes, NOT_CANDIDATES)] = -np.inf
        for i, application in enumerate(chunk):
            chosen = set(_top_columns(dense[i], per_application).tolist())
            for mask in group_masks:
                row = np.where(mask, dense[i], -np.inf)
                chosen.update(_top_columns(row, GROUP_CANDIDATES).tolist())
            for j in chosen:
                pairs[(application.pk, experts[j].pk)] = float(dense[i, j])
                if codes[i, j]:
                    forbidden.add((application.pk, experts[j].pk))
            block_of[application.pk] = len(results)
        if wants_min:
            reach = min(len(chunk), setup.min_load + GROUP_CANDIDATES)
            for j in range(len(experts)):
                for i in _top_columns(dense[:, j], reach).tolist():
                    per_expert[j].append((float(dense[i, j]), chunk[i].pk, bool(codes[i, j])))
        # Explanations are computed on demand from the model's state, not from the score matrix:
        # the dense block is dropped and an empty one of the same shape keeps the result usable.
        results.append(replace(result, matrix=sp.csr_matrix((len(chunk), len(experts)), dtype=np.float32)))
        progress(1 + number, total_steps, gettext_noop("affinity"))
    if wants_min:
        for j, found in enumerate(per_expert):
            reach = setup.min_load + GROUP_CANDIDATES
            for score, application_id, is_forbidden in sorted(found, reverse=True)[:reach]:
                pairs.setdefault((application_id, experts[j].pk), score)
                if is_forbidden:
                    forbidden.add((application_id, experts[j].pk))
    return Candidates(pairs, forbidden, results, block_of, titles)


def quotas_for(scope: Scope) -> tuple[Quota, ...]:
    setup = scope.setup
    quotas = []
    if setup.min_business:
        quotas.append(
            Quota(
                BUSINESS,
                expert_groups={str(e.pk): e.pool for e in scope.experts},
                group=BUSINESS,
                at_least=setup.min_business,
            )
        )
    if setup.max_same_nation is not None:
        quotas.append(
            Quota(
                NATION,
                expert_groups={str(e.pk): e.nation for e in scope.experts},
                proposal_groups={str(a.pk): a.organisation.headquarters_nation for a in scope.applications},
                at_most=setup.max_same_nation,
            )
        )
    return tuple(quotas)


def build_problem(scope: Scope, candidates: Candidates) -> AssignmentProblem:
    setup = scope.setup
    rows = [(str(a), str(e), score) for (a, e), score in candidates.pairs.items()]
    k = setup.experts_per_application
    return AssignmentProblem.from_scores(
        rows,
        proposals=[str(a.pk) for a in scope.applications],
        experts=[str(e.pk) for e in scope.experts],
        per_proposal=k,
        min_load=setup.min_load,
        max_load=setup.max_load,
        per_proposal_overrides={str(a): n for a, n in scope.needed.items() if n != k},
        min_load_overrides={
            str(e): min(setup.min_load, room) for e, room in scope.capacity.items() if room < setup.min_load
        },
        max_load_overrides={str(e): room for e, room in scope.capacity.items()},
        conflicts=frozenset((str(a), str(e)) for a, e in candidates.forbidden),
        quotas=quotas_for(scope),
        fair=setup.fair,
        time_limit=TIME_LIMIT,
    )


def rules_json(setup: AssignmentRules) -> dict[str, Any]:
    """The set-up a run used, kept with its result so a diagnosis reads with the numbers it met."""
    return {
        "k": setup.experts_per_application,
        "min_load": setup.min_load,
        "max_load": setup.max_load,
        "min_business": setup.min_business,
        "max_same_nation": setup.max_same_nation,
        "fair": setup.fair,
    }


def run_assignment(call: Call, setup: AssignmentRules, progress: Progress) -> dict[str, Any]:
    """Propose experts for every eligible application of `call`; the job's result, always JSON."""
    scope = build_scope(call, setup)
    rules = rules_json(setup)
    if not scope.applications:
        return {
            "feasible": False,
            "rules": rules,
            "reasons": [{"code": "no_applications", "params": nothing_to_assign(call)}],
        }
    if not scope.experts:
        return {"feasible": False, "rules": rules, "reasons": [{"code": "no_experts", "params": {}}]}
    blocks = -(-len(scope.applications) // SCORE_BLOCK)
    total = blocks + 3
    progress(0, total, gettext_noop("affinity"))
    candidates = score_candidates(scope, progress, total)
    problem = build_problem(scope, candidates)
    progress(blocks + 1, total, gettext_noop("optimal assignment"))
    result = solve(problem)
    summary = {
        "rules": rules,
        "applications": len(scope.applications),
        "experts": len(scope.experts),
        "candidates": len(candidates.pairs),
        "method": result.method,
    }
    if not result.feasible:
        assert result.diagnosis is not None
        reasons = [reason_to_dict(r) for r in result.diagnosis.reasons]
        return {**summary, "feasible": False, "reasons": reasons}
    progress(blocks + 2, total, gettext_noop("saving"))
    saved = save_proposal(
        scope, candidates, [(int(p.proposal), int(p.expert), p.score) for p in result.pairs]
    )
    weak = sum(1 for p in result.pairs if p.score < setup.weak_match)
    progress(total, total, gettext_noop("done"))
    return {
        **summary,
        "feasible": True,
        "assigned": saved,
        "weak": weak,
        "objective": result.objective,
        "proven_optimal": result.proven_optimal,
    }


def save_proposal(scope: Scope, candidates: Candidates, chosen: Sequence[tuple[int, int, float]]) -> int:
    """Replace the call's proposed assignments (of the applications in scope) by `chosen`."""
    now = timezone.now()
    rows = []
    for application_id, expert_id, score in chosen:
        result = candidates.results[candidates.block_of[application_id]]
        explanation = result.explain(str(application_id), str(expert_id))
        rows.append(
            Assignment(
                application_id=application_id,
                expert_id=expert_id,
                status=Assignment.Status.PROPOSED,
                source=Assignment.Source.OPTIMISER,
                score=score,
                explanation=explanation_json(explanation, candidates.titles),
                created_at=now,
            )
        )
    with transaction.atomic():
        Assignment.objects.filter(
            application__in=[a.pk for a in scope.applications], status=Assignment.Status.PROPOSED
        ).delete()
        Assignment.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def score_pairs(
    application: Application, experts: Sequence[Expert]
) -> dict[int, tuple[float, dict[str, Any]]]:
    """Affinity and explanation of one application with each of `experts` (a hand-made choice, a
    reassignment). The model is fitted on these experts' documents only, which is enough to order
    them for one application and keeps a single change fast on a pool of thousands; the scores are
    close to, not identical with, those of a full run."""
    if not experts:
        return {}
    profiles, titles = expert_profiles(experts)
    # Other experts' statements only sharpen word rarity, as the whole pool does in a full run.
    background = list(
        Expert.objects.filter(available=True)
        .exclude(pk__in=[e.pk for e in experts])
        .order_by("pk")
        .values_list("expertise", flat=True)[:BACKGROUND_STATEMENTS]
    )
    result = AffinityModel().fit(profiles, background).score([as_query(application)], top_k=None)
    query = str(application.pk)
    return {
        e.pk: (
            result.score(query, str(e.pk)),
            explanation_json(result.explain(query, str(e.pk)), titles),
        )
        for e in experts
    }


@dataclass(frozen=True)
class Replacement:
    """The outcome of filling one application's missing experts."""

    chosen: tuple[tuple[int, float, dict[str, Any]], ...]  # (expert, score, explanation)
    reasons: tuple[dict[str, Any], ...] = ()

    @property
    def found(self) -> bool:
        return not self.reasons


def choose_replacements(
    application: Application, setup: AssignmentRules, current: Sequence[Expert], needed: int
) -> Replacement:
    """The best `needed` experts to add to `application` next to `current`, by affinity, among those
    the eligibility rule allows, within the call's quotas.

    Solved by the engine on a one-proposal problem rather than by a direct pick: the quotas (at
    least N from the business pool, at most N from the applicant's nation) then hold exactly as in
    the full run, and when no expert fits, the engine's diagnosis says why.
    """
    context = eligibility.context_for(application.call, setup, rwf.LIVE, [application])
    available = list(Expert.objects.filter(available=True).prefetch_related("documents").order_by("pk"))
    allowed = eligibility.ineligibility_codes([application], available, context)[0] == 0
    pool = [e for e, ok in zip(available, allowed, strict=True) if ok]
    if not pool:
        return Replacement((), ({"code": "no_replacement", "params": {}},))
    scores = score_pairs(application, pool)
    nation = application.organisation.headquarters_nation
    quotas = []
    if setup.min_business:
        have = sum(1 for e in current if e.pool == BUSINESS)
        quotas.append(
            Quota(
                BUSINESS,
                expert_groups={str(e.pk): e.pool for e in pool},
                group=BUSINESS,
                at_least=max(0, setup.min_business - have),
            )
        )
    if setup.max_same_nation is not None:
        have = sum(1 for e in current if e.nation == nation)
        quotas.append(
            Quota(
                NATION,
                expert_groups={str(e.pk): e.nation for e in pool},
                proposal_groups={str(application.pk): nation},
                at_most=max(0, setup.max_same_nation - have),
            )
        )
    problem = AssignmentProblem.from_scores(
        [(str(application.pk), str(e.pk), scores[e.pk][0]) for e in pool],
        per_proposal=needed,
        max_load=1,
        quotas=tuple(quotas),
    )
    result = solve(problem)
    if not result.feasible:
        assert result.diagnosis is not None
        return Replacement((), tuple(reason_to_dict(r) for r in result.diagnosis.reasons))
    return Replacement(tuple((int(p.expert), p.score, scores[int(p.expert)][1]) for p in result.pairs))


def applications_short_of_experts(
    call: Call, setup: AssignmentRules, statuses: Iterable[str] = (wf.ELIGIBLE, wf.UNDER_REVIEW)
) -> list[tuple[int, int]]:
    """(application, experts held) of the applications with `statuses` that have fewer than k."""
    live = Q(assignments__status__in=rwf.LIVE)
    rows = (
        Application.objects.filter(challenge__call=call, status__in=list(statuses))
        .annotate(held=Count("assignments", filter=live))
        .filter(held__lt=setup.experts_per_application)
        .values_list("pk", "held")
        .order_by("pk")
    )
    return list(rows)
