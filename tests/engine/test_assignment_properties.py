"""Properties of the assignment on random small instances, against brute force and the LP (HiGHS).

Brute force enumerates every choice of k candidates per proposal, so it checks feasibility and
optimality with no shared code; the LP (exact here: the constraint matrix is totally unimodular)
checks slightly larger instances.
"""

import itertools

import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from scipy import sparse
from scipy.optimize import linprog

from lodestar.engine.assignment import AssignmentProblem, Quota, solve

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The quota and fairness paths branch more (flow, certified core, fallbacks, three fairness tiers).
MORE = settings(SETTINGS, max_examples=200)
QUARTERS = st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0])


@st.composite
def instances(draw, max_proposals=4, max_experts=4, scores=QUARTERS):
    num_p = draw(st.integers(1, max_proposals))
    num_e = draw(st.integers(2, max_experts))
    pairs = [(f"p{p}", f"e{e}") for p in range(num_p) for e in range(num_e)]
    listed = [pair for pair in pairs if draw(st.integers(0, 5)) > 0]
    rows = [(p, e, draw(scores)) for p, e in listed]
    conflicts = frozenset(pair for pair in listed if draw(st.integers(0, 7)) == 0)
    forced = frozenset(pair for pair in listed if draw(st.integers(0, 11)) == 0)
    options = {
        "per_proposal": draw(st.integers(1, 2)),
        "max_load": draw(st.integers(1, 4)),
        "min_load": draw(st.sampled_from([0, 0, 0, 1])),
        "conflicts": conflicts,
        "forced": forced,
    }
    ids = ([f"p{p}" for p in range(num_p)], [f"e{e}" for e in range(num_e)])
    return rows, ids, options


def build(rows, ids, options, **more):
    return AssignmentProblem.from_scores(rows, proposals=ids[0], experts=ids[1], **options, **more)


def every_assignment(rows, ids, options, quotas=()):
    """Yield (objective, worst proposal total) for every assignment that meets all the rules."""
    k, lo, hi = options["per_proposal"], options["min_load"], options["max_load"]
    score = {(p, e): s for p, e, s in rows if (p, e) not in options["conflicts"]}
    choices = []
    for p in ids[0]:
        candidates = sorted(e for (q, e) in score if q == p)
        must = {e for (q, e) in options["forced"] if q == p}
        choices.append([c for c in itertools.combinations(candidates, k) if must <= set(c)])
    for combo in itertools.product(*choices):
        loads = dict.fromkeys(ids[1], 0)
        for chosen in combo:
            for e in chosen:
                loads[e] += 1
        if not all(lo <= n <= hi for n in loads.values()):
            continue
        if not all(quota_ok(q, p, chosen) for q in quotas for p, chosen in zip(ids[0], combo, strict=True)):
            continue
        totals = [sum(score[(p, e)] for e in chosen) for p, chosen in zip(ids[0], combo, strict=True)]
        yield sum(totals), min(totals)


def quota_ok(quota, proposal, chosen):
    group = quota.group if quota.group is not None else quota.proposal_groups.get(proposal)
    if group is None:
        return True
    count = sum(1 for e in chosen if quota.expert_groups.get(e) == group)
    at_most = len(chosen) if quota.at_most is None else quota.at_most
    return min(quota.at_least, len(chosen)) <= count <= at_most


@SETTINGS
@given(instances())
def test_matches_brute_force_on_feasibility_and_optimum(instance):
    rows, ids, options = instance
    # Forced pairs the brute force must also honour only when they are candidates and not conflicts.
    result = solve(build(rows, ids, options))
    outcomes = list(every_assignment(rows, ids, options)) if _forced_valid(rows, options) else []
    event("feasible" if outcomes else "infeasible")
    assert result.feasible == bool(outcomes)
    if outcomes:
        assert abs(result.objective - max(o for o, _ in outcomes)) <= 1e-7
    else:
        assert result.diagnosis is not None and result.diagnosis.reasons


@MORE
@given(instances(max_proposals=3, max_experts=4), st.data())
def test_quotas_hold_and_stay_optimal(instance, data):
    rows, ids, options = instance
    labels = {e: data.draw(st.sampled_from(["business", "technical"])) for e in ids[1]}
    nations = {e: data.draw(st.sampled_from(["NO", "FR"])) for e in ids[1]}
    applicant = {p: data.draw(st.sampled_from(["NO", "FR"])) for p in ids[0]}
    quotas = [Quota("business", labels, group="business", at_least=1)]
    if data.draw(st.booleans()):  # overlapping with the first: the integer-program path
        quotas.append(Quota("nation", nations, proposal_groups=applicant, at_most=1))
    result = solve(build(rows, ids, options, quotas=tuple(quotas)))
    outcomes = list(every_assignment(rows, ids, options, quotas)) if _forced_valid(rows, options) else []
    event(result.method if outcomes else "infeasible")
    assert result.feasible == bool(outcomes)
    if outcomes:
        assert abs(result.objective - max(o for o, _ in outcomes)) <= 1e-7
        chosen = result.experts_by_proposal()
        assert all(quota_ok(q, p, chosen.get(p, [])) for q in quotas for p in ids[0])


@MORE
@given(instances(max_proposals=3, max_experts=4))
def test_fair_mode_is_lexicographic_max_min_then_total(instance):
    rows, ids, options = instance
    result = solve(build(rows, ids, options, fair=True))
    outcomes = list(every_assignment(rows, ids, options)) if _forced_valid(rows, options) else []
    event(result.method.split(": ")[-1] if outcomes else "infeasible")
    assert result.feasible == bool(outcomes)
    if outcomes:
        assert_lexicographic_best(result, outcomes)


@MORE
@given(
    instances(max_proposals=4, max_experts=4, scores=st.floats(0, 1).map(lambda x: round(x, 3))),
)
def test_fair_mode_is_exact_with_arbitrary_scores(instance):
    rows, ids, options = instance
    result = solve(build(rows, ids, options, fair=True))
    outcomes = list(every_assignment(rows, ids, options)) if _forced_valid(rows, options) else []
    event(result.method.split(": ")[-1] if outcomes else "infeasible")
    assert result.feasible == bool(outcomes)
    if outcomes:
        assert_lexicographic_best(result, outcomes)


@MORE
@given(instances(max_proposals=3, max_experts=4), st.data())
def test_fair_mode_holds_quotas_and_stays_lexicographic(instance, data):
    rows, ids, options = instance
    labels = {e: data.draw(st.sampled_from(["business", "technical"])) for e in ids[1]}
    nations = {e: data.draw(st.sampled_from(["NO", "FR"])) for e in ids[1]}
    applicant = {p: data.draw(st.sampled_from(["NO", "FR"])) for p in ids[0]}
    quotas = [Quota("business", labels, group="business", at_least=1)]
    if data.draw(st.booleans()):
        quotas.append(Quota("nation", nations, proposal_groups=applicant, at_most=1))
    result = solve(build(rows, ids, options, quotas=tuple(quotas), fair=True))
    outcomes = list(every_assignment(rows, ids, options, quotas)) if _forced_valid(rows, options) else []
    event(result.method.split(": ")[-1] if outcomes else "infeasible")
    assert result.feasible == bool(outcomes)
    if outcomes:
        assert_lexicographic_best(result, outcomes)
        chosen = result.experts_by_proposal()
        assert all(quota_ok(q, p, chosen.get(p, [])) for q in quotas for p in ids[0])


def assert_lexicographic_best(result, outcomes):
    """The worst-served total is the best floor; the total is the best that holds it."""
    floor = max(w for _, w in outcomes)
    best_total = max(o for o, w in outcomes if w >= floor - 1e-9)
    assert abs(result.worst_proposal_total - floor) <= 1e-7
    assert abs(result.objective - best_total) <= 1e-7
    assert result.proven_optimal and result.fairness_floor_gap <= 1e-9


@SETTINGS
@given(
    instances(
        max_proposals=8, max_experts=6, scores=st.floats(-1, 1, allow_nan=False).map(lambda x: round(x, 9))
    )
)
def test_equals_the_linear_programming_optimum(instance):
    rows, ids, options = instance
    problem = build(rows, ids, options)
    result = solve(problem)
    lp = _lp(problem)
    event("feasible" if lp is not None else "infeasible")
    assert result.feasible == (lp is not None)
    if lp is not None:
        assert abs(result.objective - lp) <= 1e-6 * max(1.0, abs(lp))


def _forced_valid(rows, options):
    listed = {(p, e) for p, e, _ in rows}
    return all(pair in listed and pair not in options["conflicts"] for pair in options["forced"])


def _lp(problem):
    keep = np.array(
        [
            (problem.proposals[p], problem.experts[e]) not in problem.conflicts
            for p, e in zip(problem.pair_proposal, problem.pair_expert, strict=True)
        ],
        dtype=bool,
    )
    pp, pe, score = problem.pair_proposal[keep], problem.pair_expert[keep], problem.pair_score[keep]
    n = len(pp)
    forced = np.array(
        [(problem.proposals[p], problem.experts[e]) in problem.forced for p, e in zip(pp, pe, strict=True)],
        dtype=float,
    )
    if {(p, e) for p, e in problem.forced} - {
        (problem.proposals[p], problem.experts[e]) for p, e in zip(pp, pe, strict=True)
    }:
        return None
    by_p = sparse.csr_matrix((np.ones(n), (pp, np.arange(n))), shape=(len(problem.proposals), n))
    by_e = sparse.csr_matrix((np.ones(n), (pe, np.arange(n))), shape=(len(problem.experts), n))
    cap = np.full(len(problem.experts), float(problem.max_load))
    low = np.full(len(problem.experts), float(problem.min_load))
    if n == 0:
        return 0.0 if problem.per_proposal * len(problem.proposals) == 0 else None
    out = linprog(
        -score,
        A_ub=sparse.vstack([by_e, -by_e]),
        b_ub=np.concatenate([cap, -low]),
        A_eq=by_p,
        b_eq=np.full(len(problem.proposals), float(problem.per_proposal)),
        bounds=np.column_stack([forced, np.ones(n)]),
        method="highs",
    )
    return -out.fun if out.status == 0 else None
