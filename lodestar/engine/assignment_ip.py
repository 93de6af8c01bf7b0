"""Assignment as an integer program, for the two cases a flow cannot express.

1. Quotas that overlap (an expert both in the "business" pool and from the applicant's nation):
   "at least one from B" and "at most one from N" on the same proposal are no longer a network.
   Solved by HiGHS (`scipy.optimize.milp`): free, deterministic, already a dependency, and fast
   here because the linear relaxation is nearly integral. Relative gap 1e-9.
2. The fairness mode, lexicographic max-min. Stage 1 maximises t subject to every proposal's
   total >= t, on OR-Tools CP-SAT (2 workers) with scores as integers (the largest |score| maps
   to 1e6), hinted with the maximum-total assignment: HiGHS finds good integer points for this
   max-min objective far too slowly (on MIDL it was still 35 % off after 60 s, CP-SAT proves the
   optimum in about 4 s). Stage 2 maximises the total on HiGHS with every proposal's integer
   total held >= t*, so the floor is exact in those integer units.

Determinism: stage 1 uses only t*, whose value is unique once proven optimal, so parallel
CP-SAT does not make results vary; under a time limit it may.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult, milp

from lodestar.engine.assignment_problem import Prepared

MIP_REL_GAP = 1e-9
FAIRNESS_RESOLUTION = 10**6
CP_SAT_WORKERS = 2


@dataclass(frozen=True, eq=False)
class IntegerSolution:
    """`chosen` marks eligible pairs assigned; `status` is "optimal", "time_limit" or "infeasible"."""

    status: str
    chosen: np.ndarray
    proven_optimal: bool
    fairness_floor: float | None = None


def solve_integer_program(prep: Prepared, time_limit: float | None) -> IntegerSolution:
    """Maximum total affinity under every rule, quotas included."""
    rows, lower, upper = _constraint_rows(prep)
    n = len(prep.pp)
    return _solution(_run(-prep.score, rows, lower, upper, prep.forced.astype(float), time_limit), n)


def solve_fair(prep: Prepared, hint: np.ndarray, time_limit: float | None) -> IntegerSolution:
    """Lexicographic max-min then max-total; `hint` is any feasible assignment (e.g. max-total)."""
    deadline = None if time_limit is None else time.monotonic() + time_limit
    rows, lower, upper = _constraint_rows(prep)
    scale = FAIRNESS_RESOLUTION / max(float(np.abs(prep.score).max()) if len(prep.score) else 0.0, 1e-300)
    units = np.rint(prep.score * scale).astype(np.int64)
    served = np.flatnonzero(prep.k > 0)
    if len(served) == 0:
        return IntegerSolution("optimal", hint, True, 0.0)
    floor, proven, floor_holder = _max_min_floor(prep, rows, lower, upper, units, served, hint, deadline)
    totals = sparse.csr_matrix(
        (units.astype(float), (prep.pp, np.arange(len(units)))), shape=(prep.num_proposals, len(units))
    )[served]
    held = sparse.vstack([rows, totals]).tocsr()
    result = _run(
        -prep.score,
        held,
        np.concatenate([lower, np.full(len(served), float(floor))]),
        np.concatenate([upper, np.full(len(served), np.inf)]),
        prep.forced.astype(float),
        None if deadline is None else max(0.1, deadline - time.monotonic()),
    )
    solution = _solution(result, len(units))
    if result.x is None:
        # Out of time in stage 2: stage 1's assignment holds the floor, if not the best total.
        return IntegerSolution("time_limit", floor_holder, False, floor / scale)
    return IntegerSolution(
        solution.status, solution.chosen, proven and solution.proven_optimal, floor / scale
    )


def _max_min_floor(
    prep: Prepared,
    rows: sparse.csr_matrix,
    lower: np.ndarray,
    upper: np.ndarray,
    units: np.ndarray,
    served: np.ndarray,
    hint: np.ndarray,
    deadline: float | None,
) -> tuple[int, bool, np.ndarray]:
    """Stage 1 on CP-SAT: the largest t (integer units) every served proposal's total can reach,
    whether it is proven, and an assignment that reaches it."""
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(len(units))]
    for i in np.flatnonzero(prep.forced):
        model.add(x[i] == 1)
    for r in range(rows.shape[0]):
        cols = rows.indices[rows.indptr[r] : rows.indptr[r + 1]]
        model.add_linear_constraint(sum(x[c] for c in cols), int(lower[r]), int(upper[r]))
    reach = int(np.abs(units).max()) * int(prep.k.max()) if len(units) else 0
    t = model.new_int_var(-reach, reach, "t")
    order = np.argsort(prep.pp, kind="stable")
    starts = np.searchsorted(prep.pp[order], np.arange(prep.num_proposals + 1))
    for p in served:
        pairs = order[starts[p] : starts[p + 1]]
        model.add(sum(int(units[c]) * x[c] for c in pairs) >= t)
    for var, value in zip(x, hint, strict=True):
        model.add_hint(var, bool(value))
    model.maximize(t)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = CP_SAT_WORKERS
    if deadline is not None:
        solver.parameters.max_time_in_seconds = max(0.1, deadline - time.monotonic())
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # The hint is feasible, so only a time limit lands here: fall back to the hint's floor.
        picked = np.flatnonzero(hint)
        totals = np.bincount(prep.pp[picked], weights=units[picked], minlength=prep.num_proposals)
        return int(totals[served].min()), False, hint
    holder = np.array([solver.boolean_value(var) for var in x], dtype=bool)
    return int(round(solver.objective_value)), status == cp_model.OPTIMAL, holder


def _constraint_rows(prep: Prepared) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """One row per proposal (= k), per expert (min..max load) and per applying (quota, proposal)."""
    n = len(prep.pp)
    cols = np.arange(n)
    blocks = [
        sparse.csr_matrix((np.ones(n), (prep.pp, cols)), shape=(prep.num_proposals, n)),
        sparse.csr_matrix((np.ones(n), (prep.pe, cols)), shape=(prep.num_experts, n)),
    ]
    lower = [prep.k.astype(float), prep.min_load.astype(float)]
    upper = [prep.k.astype(float), prep.max_load.astype(float)]
    for span in prep.quotas:
        applying = np.flatnonzero(span.applies)
        row_of = np.full(prep.num_proposals, -1)
        row_of[applying] = np.arange(len(applying))
        members = np.flatnonzero(span.member)
        blocks.append(
            sparse.csr_matrix(
                (np.ones(len(members)), (row_of[prep.pp[members]], members)), shape=(len(applying), n)
            )
        )
        lower.append(span.at_least[applying].astype(float))
        upper.append(span.at_most[applying].astype(float))
    return sparse.vstack(blocks).tocsr(), np.concatenate(lower), np.concatenate(upper)


def _run(
    cost: np.ndarray,
    rows: sparse.csr_matrix,
    lower: np.ndarray,
    upper: np.ndarray,
    var_lo: np.ndarray,
    time_limit: float | None,
) -> OptimizeResult:
    options: dict[str, object] = {"mip_rel_gap": MIP_REL_GAP, "presolve": True}
    if time_limit is not None:
        options["time_limit"] = time_limit
    return milp(
        cost,
        constraints=LinearConstraint(rows, lower, upper),
        integrality=np.ones(len(cost)),
        bounds=Bounds(var_lo, np.ones(len(cost))),
        options=options,
    )


def _solution(result: OptimizeResult, n: int) -> IntegerSolution:
    if result.x is None:
        status = "infeasible" if result.status == 2 else "time_limit"
        return IntegerSolution(status, np.zeros(n, dtype=bool), False)
    chosen = result.x[:n] > 0.5
    return IntegerSolution("optimal" if result.status == 0 else "time_limit", chosen, result.status == 0)
