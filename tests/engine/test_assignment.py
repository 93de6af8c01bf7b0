"""Reviewer assignment: the rules hold, the optimum is found, and the result does not depend on luck."""

import numpy as np

from lodestar.engine.assignment import AssignmentProblem, Quota, solve
from lodestar.engine.conflicts import Conflict, ConflictType, blocking_pairs


def problem(rows, **options):
    return AssignmentProblem.from_scores(rows, **options)


def test_prefers_higher_affinity_when_loads_allow():
    result = solve(problem([("p1", "e1", 0.9), ("p1", "e2", 0.2)], per_proposal=1))
    assert [(a.proposal, a.expert) for a in result.pairs] == [("p1", "e1")]
    assert result.objective == 0.9 and result.proven_optimal


def test_gives_up_a_local_best_when_the_total_is_higher():
    # Greedy would give e1 to p1 (0.9) and leave p2 with e2 (0.1): total 1.0. The optimum is 1.6.
    rows = [("p1", "e1", 0.9), ("p1", "e2", 0.8), ("p2", "e1", 0.8), ("p2", "e2", 0.1)]
    result = solve(problem(rows, per_proposal=1, max_load=1))
    assert result.experts_by_proposal() == {"p1": ["e2"], "p2": ["e1"]}
    assert abs(result.objective - 1.6) < 1e-12


def test_gives_every_proposal_exactly_its_k_experts_and_honours_overrides():
    rows = [(f"p{p}", f"e{e}", (p * 7 + e * 3) % 5 / 5) for p in range(4) for e in range(5)]
    result = solve(problem(rows, per_proposal=2, per_proposal_overrides={"p3": 4}))
    sizes = {p: len(es) for p, es in result.experts_by_proposal().items()}
    assert sizes == {"p0": 2, "p1": 2, "p2": 2, "p3": 4}


def test_respects_maximum_load_even_when_one_expert_is_best_everywhere():
    rows = [(f"p{p}", e, score) for p in range(4) for e, score in (("star", 1.0), ("a", 0.1), ("b", 0.05))]
    result = solve(problem(rows, per_proposal=1, max_load=2, max_load_overrides={"a": 1}))
    loads = result.loads()
    assert loads["star"] == 2 and loads["a"] == 1 and loads["b"] == 1


def test_meets_a_minimum_load_with_work_the_expert_scores_lower_on():
    rows = [(f"p{p}", e, score) for p in range(3) for e, score in (("star", 1.0), ("novice", 0.1))]
    result = solve(problem(rows, per_proposal=1, min_load_overrides={"novice": 2}))
    assert result.loads() == {"star": 1, "novice": 2}


def test_never_assigns_a_confirmed_conflict():
    rows = [("p1", "e1", 1.0), ("p1", "e2", 0.1), ("p1", "e3", 0.5)]
    conflicts = [
        Conflict("p1", "e1", ConflictType.SAME_ORGANISATION, "Works at Acme").confirm(),
        Conflict("p1", "e3", ConflictType.SAME_NATION, "Both from NO").dismiss("Different ministries"),
    ]
    result = solve(problem(rows, per_proposal=1, conflicts=blocking_pairs(conflicts)))
    # The confirmed conflict blocks the best expert; the dismissed one no longer blocks.
    assert [a.expert for a in result.pairs] == ["e3"]


def test_always_assigns_a_forced_pair_even_when_it_scores_low():
    rows = [("p1", "e1", 1.0), ("p1", "e2", 0.9), ("p1", "e3", 0.0)]
    result = solve(problem(rows, per_proposal=2, forced=frozenset({("p1", "e3")})))
    assert sorted(a.expert for a in result.pairs) == ["e1", "e3"]
    assert [a.forced for a in result.pairs if a.expert == "e3"] == [True]


def test_holds_at_least_one_expert_from_the_business_pool():
    rows = [
        (f"p{p}", e, s) for p in range(2) for e, s in (("t1", 0.9), ("t2", 0.8), ("b1", 0.1), ("b2", 0.2))
    ]
    pool = Quota("business", {"b1": "business", "b2": "business"}, group="business", at_least=1)
    result = solve(problem(rows, per_proposal=2, quotas=(pool,)))
    for experts in result.experts_by_proposal().values():
        assert any(e.startswith("b") for e in experts)
    assert result.method.startswith("min-cost flow")


def test_holds_at_most_one_expert_from_the_applicants_nation():
    rows = [("p1", e, s) for e, s in (("no1", 0.9), ("no2", 0.8), ("fr1", 0.1), ("de1", 0.2))]
    nation = Quota(
        "nation",
        {"no1": "NO", "no2": "NO", "fr1": "FR", "de1": "DE"},
        proposal_groups={"p1": "NO"},
        at_most=1,
    )
    result = solve(problem(rows, per_proposal=3, quotas=(nation,)))
    assert sorted(a.expert for a in result.pairs) == ["de1", "fr1", "no1"]


def test_overlapping_quotas_hold_together_through_the_integer_program():
    # "bno" is both business and Norwegian: the two quotas overlap, which a flow cannot express.
    experts = {
        "bno": ("business", "NO"),
        "tno": ("technical", "NO"),
        "bfr": ("business", "FR"),
        "tde": ("technical", "DE"),
        "tit": ("technical", "IT"),
    }
    scores = {"bno": 1.0, "tno": 0.9, "bfr": 0.05, "tde": 0.5, "tit": 0.4}
    rows = [("p1", e, s) for e, s in scores.items()]
    pool = Quota("business", {e: g for e, (g, _) in experts.items()}, group="business", at_least=1)
    nation = Quota("nation", {e: n for e, (_, n) in experts.items()}, proposal_groups={"p1": "NO"}, at_most=1)
    result = solve(problem(rows, per_proposal=3, quotas=(pool, nation)))
    assert result.method.startswith("integer program")
    assert sorted(a.expert for a in result.pairs) == ["bno", "tde", "tit"]


def test_fair_mode_raises_the_worst_served_proposal_first():
    # The maximum total (1.0) leaves p2 with nothing; the fair mode gives it expert a.
    rows = [("p1", "a", 1.0), ("p1", "b", 0.3), ("p2", "a", 0.5), ("p2", "b", 0.0)]
    plain = solve(problem(rows, per_proposal=1, max_load=1))
    fair = solve(problem(rows, per_proposal=1, max_load=1, fair=True))
    assert plain.worst_proposal_total == 0.0 and plain.objective == 1.0
    assert fair.worst_proposal_total == 0.3 and abs(fair.objective - 0.8) < 1e-12
    assert fair.proven_optimal and fair.fairness_floor is not None


def test_results_are_deterministic_and_independent_of_input_order():
    rng = np.random.default_rng(7)
    rows = [(f"p{p}", f"e{e}", float(rng.integers(0, 3))) for p in range(12) for e in range(8)]  # many ties
    first = solve(problem(rows, per_proposal=2, max_load=4))
    shuffled = [rows[i] for i in rng.permutation(len(rows))]
    again = solve(
        problem(
            shuffled,
            per_proposal=2,
            max_load=4,
            proposals=[f"p{p}" for p in range(12)],
            experts=[f"e{e}" for e in range(8)],
        )
    )
    assert first.pairs == again.pairs


def test_reports_progress_from_start_to_end():
    seen = []
    solve(problem([("p1", "e1", 1.0)], per_proposal=1), progress=lambda stage, f: seen.append((stage, f)))
    assert seen[0][1] == 0.0 and seen[-1] == ("done", 1.0)
    assert [f for _, f in seen] == sorted(f for _, f in seen)


def test_solves_a_dense_matrix_with_gaps():
    matrix = np.array([[0.9, np.nan], [0.1, 0.8]])
    result = solve(AssignmentProblem.from_matrix(matrix, ["p1", "p2"], ["e1", "e2"], per_proposal=1))
    assert result.experts_by_proposal() == {"p1": ["e1"], "p2": ["e2"]}
