"""Overlapping quotas: why a network is not enough, and how the engine still finds the optimum."""

import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from lodestar.engine.assignment import AssignmentProblem, Quota, solve
from lodestar.engine.assignment_network import solve_network
from lodestar.engine.assignment_problem import prepare
from lodestar.engine.assignment_program import assignment_rows
from lodestar.engine.assignment_quotas import restrict_quotas
from tests.engine.reference_assignment import reference_max_total

# The docstring example of assignment_quotas: b and t take one proposal each; b, x, z are
# business; b and y share p2's nation.
ROWS = [("p1", "b", 1.0), ("p1", "t", 1.0), ("p1", "z", 1.0)]
ROWS += [("p2", "b", 1.0), ("p2", "t", 1.0), ("p2", "x", 0.0), ("p2", "y", 1.0)]
POOL = {"b": "business", "x": "business", "z": "business", "t": "technical", "y": "technical"}
NATION = {"b": "NO", "t": "FR", "x": "DE", "y": "NO", "z": "DE"}


def crossing_problem(**options):
    quotas = (
        Quota("business", POOL, group="business", at_least=1),
        Quota("nation", NATION, proposal_groups={"p1": "IT", "p2": "NO"}, at_most=1),
    )
    return AssignmentProblem.from_scores(
        ROWS, per_proposal=2, max_load_overrides={"b": 1, "t": 1}, quotas=quotas, **options
    )


def test_the_linear_relaxation_of_crossing_quotas_can_be_fractional():
    prep = prepare(crossing_problem())
    rows, lower, upper = assignment_rows(prep)
    finite = np.isfinite(upper)
    relaxation = linprog(
        -prep.score,
        A_ub=np.vstack([rows[finite].toarray(), -rows.toarray()]),
        b_ub=np.concatenate([upper[finite], -lower]),
        bounds=(0, 1),
        method="highs",
    )
    assert abs(-relaxation.fun - 3.5) < 1e-9
    assert np.any((relaxation.x > 1e-6) & (relaxation.x < 1 - 1e-6))


def test_finds_the_integer_optimum_where_the_relaxation_is_fractional():
    result = solve(crossing_problem())
    assert result.feasible and result.proven_optimal
    assert result.objective == 3.0 and result.error_bound < 1e-6
    assert result.method.startswith("integer program on a priced core")


def test_falls_back_to_every_pair_when_only_the_overlap_meets_a_quota():
    # p1's only business expert is also Norwegian, and p1 is Norwegian: the restriction counts
    # that expert against the nation cap only, so it has no business expert at all.
    rows = [("p1", "bno", 0.5), ("p1", "tde", 0.9), ("p1", "tfr", 0.8)]
    quotas = (
        Quota("business", {"bno": "business"}, group="business", at_least=1),
        Quota("nation", {"bno": "NO", "tde": "DE", "tfr": "FR"}, proposal_groups={"p1": "NO"}, at_most=1),
    )
    result = solve(AssignmentProblem.from_scores(rows, per_proposal=2, quotas=quotas))
    assert result.method == "integer program (HiGHS)"
    assert sorted(a.expert for a in result.pairs) == ["bno", "tde"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 5), st.integers(3, 7), st.data())
def test_every_assignment_of_the_restriction_meets_the_real_quotas(num_p, num_e, data):
    experts = [f"e{e}" for e in range(num_e)]
    rows = [(f"p{p}", e, data.draw(st.sampled_from([0.0, 0.5, 1.0]))) for p in range(num_p) for e in experts]
    pool = {e: data.draw(st.sampled_from(["business", "technical"])) for e in experts}
    nation = {e: data.draw(st.sampled_from(["NO", "FR"])) for e in experts}
    applicant = {f"p{p}": data.draw(st.sampled_from(["NO", "FR"])) for p in range(num_p)}
    quotas = (
        Quota("business", pool, group="business", at_least=data.draw(st.integers(0, 2))),
        Quota("nation", nation, proposal_groups=applicant, at_most=data.draw(st.integers(0, 2))),
    )
    prep = prepare(AssignmentProblem.from_scores(rows, per_proposal=2, max_load=3, quotas=quotas))
    restricted, kept = restrict_quotas(prep)
    assert restricted.quotas_disjoint
    network = solve_network(restricted)
    if network.chosen is None:
        return
    chosen = np.flatnonzero(kept)[network.chosen]
    for span in prep.quotas:
        counts = np.bincount(prep.pp[chosen][span.member[chosen]], minlength=num_p)
        assert np.all(counts[span.applies] >= span.at_least[span.applies])
        assert np.all(counts[span.applies] <= span.at_most[span.applies])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(3, 8), st.integers(4, 10), st.data())
def test_matches_the_integer_program_over_every_pair(num_p, num_e, data):
    experts = [f"e{e}" for e in range(num_e)]
    rows = [
        (f"p{p}", e, data.draw(st.floats(0, 1).map(lambda x: round(x, 2))))
        for p in range(num_p)
        for e in experts
        if data.draw(st.integers(0, 4)) > 0
    ]
    pool = {e: data.draw(st.sampled_from(["business", "technical"])) for e in experts}
    nation = {e: data.draw(st.sampled_from(["NO", "FR", "DE"])) for e in experts}
    applicant = {f"p{p}": data.draw(st.sampled_from(["NO", "FR", "DE"])) for p in range(num_p)}
    quotas = (
        Quota("business", pool, group="business", at_least=1),
        Quota("nation", nation, proposal_groups=applicant, at_most=1),
    )
    problem = AssignmentProblem.from_scores(
        rows,
        proposals=[f"p{p}" for p in range(num_p)],
        experts=experts,
        per_proposal=data.draw(st.integers(1, 3)),
        max_load=data.draw(st.integers(2, 4)),
        quotas=quotas,
    )
    result = solve(problem)
    reference = reference_max_total(problem)
    event(result.method if reference is not None else "infeasible")
    assert result.feasible == (reference is not None)
    if reference is not None:
        prep = prepare(problem)
        assert abs(result.objective - float(prep.score[reference].sum())) <= 1e-9
        assert result.proven_optimal
