"""The HiGHS handle works through scipy's private binding: if scipy changes it, these fail first."""

import numpy as np
from scipy import sparse

from lodestar.engine.highs_model import HighsModel


def knapsack_like():
    # max 3a + 2b + c  s.t.  a + b + c <= 2, a + c <= 1, 0 <= a, b, c <= 1
    matrix = sparse.csc_matrix(np.array([[1.0, 1.0, 1.0], [1.0, 0.0, 1.0]]))
    return HighsModel(
        matrix,
        np.array([-np.inf, -np.inf]),
        np.array([2.0, 1.0]),
        np.array([3.0, 2.0, 1.0]),
        np.zeros(3),
        np.ones(3),
    )


def test_solves_a_linear_program_and_gives_duals_of_the_maximisation_sign():
    # max 3a + 2b  s.t.  a + b <= 1, a - b >= -4, 0 <= a, b <= 5: a = 1, and only the first row binds.
    matrix = sparse.csc_matrix(np.array([[1.0, 1.0], [1.0, -1.0]]))
    model = HighsModel(
        matrix,
        np.array([-np.inf, -4.0]),
        np.array([1.0, np.inf]),
        np.array([3.0, 2.0]),
        np.zeros(2),
        np.full(2, 5.0),
    )
    lp = model.solve_lp()
    assert lp.status == "optimal"
    assert np.allclose(lp.values, [1, 0]) and abs(lp.objective - 3) < 1e-9
    # A row held at its upper bound carries a non-negative multiplier: cost - A.T y is then
    # zero on the basic column and non-positive on the other.
    assert np.allclose(lp.row_duals, [3, 0])


def test_re_solves_after_new_columns_and_rows():
    model = knapsack_like()
    model.solve_lp()
    model.add_columns(sparse.csc_matrix(np.array([[1.0], [0.0]])), np.array([4.0]), np.zeros(1), np.ones(1))
    assert abs(model.solve_lp().objective - 7) < 1e-9  # the new column (4) replaces b (2)
    model.add_rows(sparse.csr_matrix(np.array([[1.0, 0.0, 0.0, 1.0]])), np.array([-np.inf]), np.array([1.0]))
    assert abs(model.solve_lp().objective - 6) < 1e-9  # a and the new one may no longer both be chosen


def test_integer_program_gives_an_integral_point_and_its_bound():
    # max x + y  s.t.  2x + 2y <= 3: the relaxation reaches 1.5, integers only 1.
    model = HighsModel(
        sparse.csc_matrix(np.array([[2.0, 2.0]])),
        np.array([-np.inf]),
        np.array([3.0]),
        np.ones(2),
        np.zeros(2),
        np.ones(2),
    )
    assert abs(model.solve_lp().objective - 1.5) < 1e-9
    mip = model.solve_mip(np.ones(2, dtype=bool), 1e-9, 1e-9)
    assert mip.status == "optimal" and mip.values is not None
    assert abs(mip.objective - 1) < 1e-9 and abs(mip.bound - 1) < 1e-9
    assert np.allclose(mip.values, np.round(mip.values))
