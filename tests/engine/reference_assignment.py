"""Today's solvers before the certified core, kept as the reference the engine must agree with.

The fairness mode as it was: CP-SAT (2 workers) maximises the floor t over every pair, in integer
units of max|score| / 1e6, hinted with the maximum-total assignment; HiGHS then maximises the
total holding every proposal's integer total >= t. Quotas as they were: HiGHS on every pair.
Both are exact for their formulation and slow at scale, which is why they live here.
"""

from __future__ import annotations

import numpy as np
from ortools.sat.python import cp_model
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from lodestar.engine.assignment_problem import AssignmentProblem, prepare
from lodestar.engine.assignment_program import assignment_rows

FAIRNESS_RESOLUTION = 10**6


def reference_max_total(problem: AssignmentProblem) -> np.ndarray | None:
    """The maximum-total assignment over every pair (HiGHS), as a mask over the eligible pairs."""
    prep = prepare(problem)
    if len(prep.pp) == 0:
        return np.zeros(0, dtype=bool) if not prep.k.any() else None
    rows, lower, upper = assignment_rows(prep)
    return _milp(prep, -prep.score, rows, lower, upper)


def reference_fair(problem: AssignmentProblem) -> tuple[float, float] | None:
    """(worst-served total, total) of the old lexicographic method, or None if infeasible."""
    prep = prepare(problem)
    hint = reference_max_total(problem)
    if hint is None:
        return None
    rows, lower, upper = assignment_rows(prep)
    scale = FAIRNESS_RESOLUTION / float(np.abs(prep.score).max())
    units = np.rint(prep.score * scale).astype(np.int64)
    served = np.flatnonzero(prep.k > 0)
    # Each pair's units are its score rounded, so two sums of k pairs equal in reals may differ by up
    # to k units: the fairest assignment in reals may sit just under the best floor in units. The
    # total is maximised over the assignments within k units of that floor (on scores given to a few
    # decimals, as in the tests, distinct real totals are thousands of units apart).
    floor = _cp_sat_floor(prep, rows, lower, upper, units, served, hint) - int(prep.k.max())
    totals = sparse.csr_matrix(
        (units.astype(float), (prep.pp, np.arange(len(units)))), shape=(prep.num_proposals, len(units))
    )[served]
    chosen = _milp(
        prep,
        -prep.score,
        sparse.vstack([rows, totals]).tocsr(),
        np.concatenate([lower, np.full(len(served), float(floor))]),
        np.concatenate([upper, np.full(len(served), np.inf)]),
    )
    assert chosen is not None
    by_proposal = np.bincount(prep.pp[chosen], weights=prep.score[chosen], minlength=prep.num_proposals)
    return float(by_proposal[served].min()), float(prep.score[chosen].sum())


def _cp_sat_floor(prep, rows, lower, upper, units, served, hint) -> int:
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(len(units))]
    for i in np.flatnonzero(prep.forced):
        model.add(x[i] == 1)
    for r in range(rows.shape[0]):
        cols = rows.indices[rows.indptr[r] : rows.indptr[r + 1]]
        model.add_linear_constraint(sum(x[c] for c in cols), int(lower[r]), int(upper[r]))
    reach = int(np.abs(units).max()) * int(prep.k.max())
    t = model.new_int_var(-reach, reach, "t")
    for p in served:
        pairs = np.flatnonzero(prep.pp == p)
        model.add(sum(int(units[c]) * x[c] for c in pairs) >= t)
    for var, value in zip(x, hint, strict=True):
        model.add_hint(var, bool(value))
    model.maximize(t)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    assert solver.solve(model) == cp_model.OPTIMAL
    return int(round(solver.objective_value))


def _milp(prep, cost, rows, lower, upper) -> np.ndarray | None:
    n = len(cost)
    result = milp(
        cost,
        constraints=LinearConstraint(rows, lower, upper),
        integrality=np.ones(n),
        bounds=Bounds(prep.forced.astype(float), np.ones(n)),
        options={"mip_rel_gap": 1e-9},
    )
    return None if result.x is None else result.x > 0.5
