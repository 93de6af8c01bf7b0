"""The fairness mode: the highest floor first, then the highest total, whichever tier proves it."""

import itertools

import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lodestar.engine.assignment import AssignmentProblem, Quota, solve
from lodestar.engine.assignment_problem import prepare
from lodestar.engine.assignment_program import best_alone, floor_covers, floor_fixings
from tests.engine.reference_assignment import reference_fair


def problem(rows, fair=True, **options):
    return AssignmentProblem.from_scores(rows, fair=fair, **options)


def lexicographic_best(rows, k, load):
    """(floor, total) by enumerating every assignment: the reference for the small cases below."""
    score = {(p, e): s for p, e, s in rows}
    proposals = sorted({p for p, _, _ in rows})
    choices = [list(itertools.combinations(sorted(e for q, e in score if q == p), k)) for p in proposals]
    best = None
    for combo in itertools.product(*choices):
        loads = {}
        for chosen in combo:
            for e in chosen:
                loads[e] = loads.get(e, 0) + 1
        if max(loads.values()) > load:
            continue
        totals = [sum(score[(p, e)] for e in chosen) for p, chosen in zip(proposals, combo, strict=True)]
        key = (round(min(totals), 9), round(sum(totals), 9))
        best = key if best is None or key > best else best
    return best


def test_fixes_the_only_way_a_short_proposal_reaches_the_floor_and_keeps_the_flow():
    # p2's only way to its best alone (0.3) is {b, and a or c}: b is necessary. The max total
    # gives b to p0 and p1 and leaves p2 with 0.
    rows = [("p0", "a", 0.4), ("p0", "b", 0.9), ("p0", "c", 0.2), ("p1", "b", 0.8), ("p1", "c", 0.7)]
    rows += [("p2", "a", 0.0), ("p2", "b", 0.3), ("p2", "c", 0.0)]
    plain = solve(problem(rows, per_proposal=2, max_load=2, fair=False))
    fair = solve(problem(rows, per_proposal=2, max_load=2))
    assert plain.worst_proposal_total == 0.0
    assert fair.method.endswith("min-cost flow with the floor's fixed pairs (OR-Tools)")
    assert (round(fair.worst_proposal_total, 9), round(fair.objective, 9)) == lexicographic_best(rows, 2, 2)
    assert fair.proven_optimal and fair.fairness_floor_gap == 0


def test_holds_the_best_floor_by_integer_program_when_a_proposal_has_two_ways_to_it():
    rows = [("p0", "a", 0.8), ("p0", "d", 0.0), ("p0", "e", 0.4), ("p1", "a", 0.7), ("p1", "b", 0.0)]
    rows += [("p1", "c", 0.6), ("p1", "d", 0.4), ("p1", "e", 0.8), ("p2", "a", 0.9), ("p2", "b", 0.3)]
    rows += [("p2", "e", 0.9)]
    fair = solve(problem(rows, per_proposal=2, max_load=2))
    assert fair.method.endswith("integer program at the best floor (HiGHS, certified)")
    assert (round(fair.worst_proposal_total, 9), round(fair.objective, 9)) == lexicographic_best(rows, 2, 2)
    assert fair.proven_optimal and fair.error_bound < 1e-6


def test_settles_for_a_lower_floor_when_two_proposals_need_the_same_expert():
    # Both proposals are at their best only with a, who takes one: the best floor is out of reach.
    rows = [("p0", "a", 0.9), ("p0", "b", 0.2), ("p1", "a", 0.8), ("p1", "b", 0.1)]
    fair = solve(problem(rows, per_proposal=1, max_load=1))
    assert fair.method.endswith("max-min, then total at that floor (HiGHS, certified)")
    assert (round(fair.worst_proposal_total, 9), round(fair.objective, 9)) == lexicographic_best(rows, 1, 1)
    assert fair.fairness_floor == 0.2 and fair.proven_optimal


def test_fair_mode_holds_overlapping_quotas_too():
    experts = {
        "bno": ("business", "NO"),
        "tno": ("technical", "NO"),
        "bfr": ("business", "FR"),
        "tde": ("technical", "DE"),
    }
    scores = {
        "p1": {"bno": 0.9, "tno": 0.8, "bfr": 0.1, "tde": 0.5},
        "p2": {"bno": 0.2, "tno": 0.7, "bfr": 0.6, "tde": 0.3},
    }
    rows = [(p, e, s) for p, row in scores.items() for e, s in row.items()]
    pool = Quota("business", {e: g for e, (g, _) in experts.items()}, group="business", at_least=1)
    nation = Quota(
        "nation", {e: n for e, (_, n) in experts.items()}, proposal_groups={"p1": "NO", "p2": "FR"}, at_most=1
    )
    fair = solve(problem(rows, per_proposal=2, max_load=1, quotas=(pool, nation)))
    chosen = fair.experts_by_proposal()
    for experts_of_p in chosen.values():
        assert any(experts[e][0] == "business" for e in experts_of_p)
    assert sum(experts[e][1] == "NO" for e in chosen["p1"]) <= 1
    # p1: bno + tde = 1.4 (tno would be a second Norwegian); p2: bfr + tno = 1.3.
    assert sorted(chosen["p1"]) == ["bno", "tde"] and sorted(chosen["p2"]) == ["bfr", "tno"]
    assert fair.proven_optimal


def test_floor_fixings_name_the_pairs_a_floor_rules_out_and_the_ones_it_needs():
    rows = [("p1", "a", 0.9), ("p1", "b", 0.5), ("p1", "c", 0.3), ("p1", "d", 0.1)]
    prep = prepare(AssignmentProblem.from_scores(rows, per_proposal=2))
    impossible, necessary = floor_fixings(prep, 1.1)
    experts = ["a", "b", "c", "d"]
    # At floor 1.1 the k-sets that reach it are {a, b} (1.4) and {a, c} (1.2): d is out, a is in.
    assert [experts[e] for e in prep.pe[impossible]] == ["d"]
    assert [experts[e] for e in prep.pe[necessary]] == ["a"]


def test_fair_mode_result_does_not_depend_on_input_order():
    rng = np.random.default_rng(3)
    rows = [(f"p{p}", f"e{e}", float(rng.integers(0, 4)) / 4) for p in range(6) for e in range(5)]
    first = solve(problem(rows, per_proposal=2, max_load=3))
    again = solve(problem([rows[i] for i in rng.permutation(len(rows))], per_proposal=2, max_load=3))
    assert first.objective == again.objective and first.worst_proposal_total == again.worst_proposal_total


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(3, 8), st.integers(3, 8), st.integers(1, 3), st.data())
def test_matches_the_previous_solver_on_crowded_instances(num_p, num_e, k, data):
    # Few experts with small loads, so that proposals compete for the same experts: every tier runs.
    experts = [f"e{e}" for e in range(num_e)]
    rows = [
        (f"p{p}", e, data.draw(st.integers(0, 20)) / 20)
        for p in range(num_p)
        for e in experts
        if data.draw(st.integers(0, 5)) > 0
    ]
    # Loads just large enough for the demand (or one more), so capacity is tight but usually enough.
    load = -(-num_p * k // num_e) + data.draw(st.integers(0, 1))
    instance = AssignmentProblem.from_scores(
        rows,
        proposals=[f"p{p}" for p in range(num_p)],
        experts=experts,
        per_proposal=k,
        max_load=load,
        fair=True,
    )
    result = solve(instance)
    reference = reference_fair(instance)
    event(result.method.split(": ")[-1] if reference is not None else "infeasible")
    assert result.feasible == (reference is not None)
    if reference is not None:
        assert abs(result.worst_proposal_total - reference[0]) <= 1e-9
        assert abs(result.objective - reference[1]) <= 1e-9
        assert result.proven_optimal


def test_best_alone_respects_forced_pairs_and_quotas():
    rows = [("p1", "b1", 0.1), ("p1", "t1", 0.9), ("p1", "t2", 0.8), ("p1", "t3", 0.7)]
    rows += [("p2", "b1", 0.2), ("p2", "t1", 0.3), ("p2", "t2", 0.6)]
    pool = Quota("business", {"b1": "business"}, group="business", at_least=1)
    prep = prepare(
        AssignmentProblem.from_scores(rows, per_proposal=2, quotas=(pool,), forced=frozenset({("p2", "t1")}))
    )
    # p1 must take b1 (the only business expert) and then its best other, t1; p2 must take t1
    # (forced) and b1 (business), though t2 scores higher.
    assert np.allclose(best_alone(prep), [0.1 + 0.9, 0.3 + 0.2])


def test_floor_covers_ask_for_enough_of_the_best_pairs():
    rows = [("p1", e, s) for e, s in (("a", 0.9), ("b", 0.8), ("c", 0.3), ("d", 0.2), ("e", 0.1))]
    prep = prepare(AssignmentProblem.from_scores(rows, per_proposal=2))
    covers, need, owner = floor_covers(prep, 1.0)
    experts = ["a", "b", "c", "d", "e"]
    found = sorted(
        (int(r), sorted(experts[e] for e in prep.pe[covers[i].indices])) for i, r in enumerate(need)
    )
    # Two of them reach 1.0 only if one is a or b (c + d = 0.5 is the best without them); a with
    # any other reaches it (a + e = 1.0), so "two of the best m" is never needed.
    assert found == [(1, ["a", "b"])]
    assert list(owner) == [0]


def test_max_min_is_not_fooled_by_a_starting_point():
    # Found by the property test above: the maximum-total assignment (p0-e2, p1-e0, p2-e1, p3-e3)
    # leaves p1 with 0.05; the fairest gives every proposal at least 0.15 (p2-e0, p1-e2, p0-e1,
    # p3-e3). HiGHS, handed the max-total point as a start, presolved wrongly and "proved" 0.05.
    rows = [
        ("p0", "e0", 0.0), ("p0", "e1", 0.3), ("p0", "e2", 0.8), ("p0", "e3", 0.2),
        ("p1", "e0", 0.05), ("p1", "e2", 0.45), ("p1", "e3", 0.1),
        ("p2", "e0", 0.15), ("p2", "e1", 0.75),
        ("p3", "e0", 0.0), ("p3", "e1", 0.65), ("p3", "e3", 1.0),
    ]  # fmt: skip
    result = solve(problem(rows, per_proposal=1, max_load=1))
    assert lexicographic_best(rows, 1, 1) == (0.15, 1.9)
    assert abs(result.worst_proposal_total - 0.15) < 1e-9 and abs(result.objective - 1.9) < 1e-9
    assert result.proven_optimal
