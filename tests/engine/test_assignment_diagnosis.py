"""When no assignment exists, the engine says exactly why, and never raises."""

from lodestar.engine.assignment import AssignmentProblem, Quota, solve


def problem(rows, **options):
    return AssignmentProblem.from_scores(rows, **options)


def codes(result):
    assert not result.feasible and result.diagnosis is not None
    return [r.code for r in result.diagnosis.reasons]


def test_diagnoses_a_proposal_with_too_few_candidates():
    rows = [("p1", "e1", 1), ("p1", "e2", 1), ("p1", "e3", 1), ("p2", "e1", 1), ("p2", "e2", 1)]
    result = solve(problem(rows, per_proposal=3, conflicts=frozenset({("p1", "e3")})))
    assert codes(result)[0] == "too_few_candidates"
    reason = result.diagnosis.reasons[0]
    assert reason.params["proposals"] == [
        {"proposal": "p1", "needed": 3, "available": 2, "removed_by_conflicts": 1},
        {"proposal": "p2", "needed": 3, "available": 2, "removed_by_conflicts": 0},
    ]
    assert "p1 (2 of 3; 1 removed by conflicts)" in reason.text


def test_diagnoses_demand_above_capacity_with_both_totals():
    rows = [(f"p{p}", f"e{e}", 1) for p in range(4) for e in range(2)]
    result = solve(problem(rows, per_proposal=2, max_load=3))
    assert "demand_exceeds_capacity" in codes(result)
    assert (result.diagnosis.total_demand, result.diagnosis.total_capacity) == (8, 6)


def test_diagnoses_minimum_loads_above_demand():
    rows = [("p1", "e1", 1), ("p1", "e2", 1)]
    result = solve(problem(rows, per_proposal=1, min_load=1))
    assert codes(result) == ["min_load_exceeds_demand"]


def test_diagnoses_a_group_of_proposals_that_share_too_few_experts():
    # Every count adds up (3 reviews needed, 3 places), but p1 and p2 can only use e1, who takes one.
    rows = [("p1", "e1", 1), ("p2", "e1", 1), ("p3", "e2", 1), ("p3", "e3", 1)]
    result = solve(problem(rows, per_proposal=1, max_load=1))
    assert codes(result) == ["proposals_cannot_be_covered"]
    reason = result.diagnosis.reasons[0]
    assert set(reason.params["proposals"]) == {"p1", "p2"}
    assert reason.params["experts"] == ["e1"]
    assert (reason.params["needed"], reason.params["capacity"]) == (2, 1)


def test_diagnoses_forced_pairs_that_cannot_hold():
    rows = [("p1", "e1", 1), ("p1", "e2", 1)]
    result = solve(
        problem(
            rows,
            per_proposal=1,
            conflicts=frozenset({("p1", "e1")}),
            forced=frozenset({("p1", "e1"), ("p1", "e9")}),
        )
    )
    assert codes(result)[:2] == ["forced_pair_not_candidate", "forced_pair_conflicted"]


def test_diagnoses_a_quota_pool_too_small():
    rows = [("p1", "t1", 1), ("p1", "t2", 1), ("p2", "t1", 1), ("p2", "b1", 1)]
    pool = Quota("business", {"b1": "business"}, group="business", at_least=1)
    result = solve(problem(rows, per_proposal=1, quotas=(pool,)))
    assert "quota_pool_too_small" in codes(result)
    reason = next(r for r in result.diagnosis.reasons if r.code == "quota_pool_too_small")
    assert reason.params["proposals"] == ["p1"]


def test_diagnoses_a_pool_that_cannot_serve_every_proposal():
    rows = [(f"p{p}", e, 1) for p in range(3) for e in ("t1", "t2", "b1")]
    pool = Quota("business", {"b1": "business"}, group="business", at_least=1)
    result = solve(problem(rows, per_proposal=1, max_load=2, quotas=(pool,)))
    assert "quota_pool_capacity" in codes(result)


def test_diagnoses_overlapping_quotas_that_clash_on_a_proposal():
    # p1's only business expert is Norwegian and p1 is Norwegian with at most zero from its nation.
    rows = [("p1", "bno", 1), ("p1", "tde", 1)]
    groups = {"bno": "business", "tde": "technical"}
    nations = {"bno": "NO", "tde": "DE"}
    quotas = (
        Quota("business", groups, group="business", at_least=1),
        Quota("nation", nations, proposal_groups={"p1": "NO"}, at_most=0),
    )
    result = solve(problem(rows, per_proposal=1, quotas=quotas))
    assert codes(result) == ["quotas_clash"]
    assert result.diagnosis.reasons[0].params["proposals"] == ["p1"]
