"""A program solved on a core is the optimum over every column, and its bound is a proof."""

import itertools

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import sparse

from lodestar.engine.certified_program import PairProgram, lagrangian_bound, solve_program

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assignment(scores, k=1, load=1, lazy_rows=None):
    """Proposals x experts, every pair a column: k per proposal, at most `load` per expert."""
    scores = np.asarray(scores, dtype=float)
    num_p, num_e = scores.shape
    pp, pe = np.divmod(np.arange(num_p * num_e), num_e)
    n = len(pp)
    rows = [sparse.csr_matrix((np.ones(n), (pp, np.arange(n))), shape=(num_p, n))]
    rows.append(sparse.csr_matrix((np.ones(n), (pe, np.arange(n))), shape=(num_e, n)))
    lower = [np.full(num_p, float(k)), np.zeros(num_e)]
    upper = [np.full(num_p, float(k)), np.full(num_e, float(load))]
    lazy = [np.zeros(num_p + num_e, dtype=bool)]
    for matrix, low, high in lazy_rows or []:
        rows.append(sparse.csr_matrix(matrix))
        lower.append(low)
        upper.append(high)
        lazy.append(np.ones(len(low), dtype=bool))
    return PairProgram(
        matrix=sparse.vstack(rows).tocsr(),
        lower=np.concatenate(lower),
        upper=np.concatenate(upper),
        cost=scores.ravel(),
        col_lower=np.zeros(n),
        col_upper=np.ones(n),
        integer=np.ones(n, dtype=bool),
        lazy=np.concatenate(lazy),
        groups=(pp, pe),
    )


def brute_force(program):
    n = len(program.cost)
    values = [
        program.objective(np.array(z, dtype=float))
        for z in itertools.product((0, 1), repeat=n)
        if not program.violated(np.array(z, dtype=float)).any()
    ]
    return max(values) if values else None


@SETTINGS
@given(
    st.lists(st.integers(0, 8), min_size=9, max_size=9), st.lists(st.floats(-3, 3), min_size=6, max_size=6)
)
def test_any_multipliers_of_the_right_signs_bound_the_optimum(scores, multipliers):
    program = assignment(np.reshape(scores, (3, 3)), k=1, load=2)
    # Proposal rows are equalities (any sign); expert rows are bounded above (non-negative).
    duals = np.array(multipliers[:3] + [abs(m) for m in multipliers[3:]])
    bound, _ = lagrangian_bound(program, duals)
    assert bound >= brute_force(program) - 1e-9


def test_prices_in_the_columns_the_core_left_out():
    scores = [[1, 9, 0], [8, 1, 0], [0, 0, 5]]
    program = assignment(scores)
    core = np.zeros(9, dtype=bool)
    core[[0, 4, 8]] = True  # the diagonal: 1 + 1 + 5, while the optimum swaps the first two: 9 + 8 + 5
    result = solve_program(program, core, incumbent=core.astype(float))
    assert result.status == "optimal" and abs(result.objective - 22) < 1e-9
    assert abs(result.bound - 22) < 1e-9


def test_adds_a_lazy_row_once_a_solution_breaks_it():
    # Two proposals, two experts; a lazy row forbids proposal 0 from taking expert 0.
    program = assignment(
        [[5, 1], [4, 3]], lazy_rows=[(np.array([[1.0, 0, 0, 0]]), np.array([0.0]), np.array([0.0]))]
    )
    result = solve_program(program, np.ones(4, dtype=bool))
    assert result.status == "optimal" and abs(result.objective - 5) < 1e-9  # 1 + 4
    assert result.values is not None and result.values[0] == 0


def test_settles_a_fractional_relaxation_with_the_integer_program():
    # Three proposals share two experts in a triangle of "at most one" rows: the relaxation puts
    # 1/2 everywhere (total 1.5) but integers reach 1.
    triangle = np.array([[1.0, 1.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0]])
    program = PairProgram(
        matrix=sparse.csr_matrix(triangle),
        lower=np.full(3, -np.inf),
        upper=np.ones(3),
        cost=np.ones(3),
        col_lower=np.zeros(3),
        col_upper=np.ones(3),
        integer=np.ones(3, dtype=bool),
        lazy=np.zeros(3, dtype=bool),
        groups=(np.arange(3),),
    )
    result = solve_program(program, np.ones(3, dtype=bool))
    assert result.status == "optimal" and abs(result.objective - 1) < 1e-9 and result.gap < 1e-9


@SETTINGS
@given(st.lists(st.integers(0, 6), min_size=12, max_size=12), st.integers(1, 2), st.data())
def test_matches_brute_force_from_any_feasible_core(scores, load, data):
    program = assignment(np.reshape(scores, (3, 4)), k=1, load=load)
    # Any start that is feasible: proposal i takes expert i.
    start = np.zeros(12)
    start[[0, 5, 10]] = 1.0
    core = start > 0
    core |= np.array(data.draw(st.lists(st.booleans(), min_size=12, max_size=12)))
    result = solve_program(program, core, incumbent=start)
    assert result.status == "optimal"
    assert abs(result.objective - brute_force(program)) < 1e-9


def test_reports_no_point_when_the_core_alone_is_infeasible():
    program = assignment([[1, 2], [3, 4]])
    core = np.array([True, False, True, False])  # both proposals only have expert 0, who takes one
    assert solve_program(program, core).status == "no_point"
