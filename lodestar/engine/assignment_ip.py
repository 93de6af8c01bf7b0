"""The assignment as one integer program over every eligible pair: the fallback and the reference.

HiGHS (`scipy.optimize.milp`) on every pair, relative gap 1e-9. At 2,600 x 1,000 x 100 this takes
20-60 s, so the engine uses it only where the certified core (`assignment_quotas`) cannot start:
overlapping quotas whose network restriction has no feasible assignment. Tests also use it as the
reference the faster paths must agree with.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult, milp

from lodestar.engine.assignment_problem import Prepared
from lodestar.engine.assignment_program import assignment_rows

MIP_REL_GAP = 1e-9


@dataclass(frozen=True, eq=False)
class IntegerSolution:
    """`chosen` marks eligible pairs assigned; `status` is "optimal", "time_limit" or "infeasible"."""

    status: str
    chosen: np.ndarray
    proven_optimal: bool


def solve_integer_program(prep: Prepared, time_limit: float | None) -> IntegerSolution:
    """Maximum total affinity under every rule, quotas included."""
    rows, lower, upper = assignment_rows(prep)
    n = len(prep.pp)
    options: dict[str, object] = {"mip_rel_gap": MIP_REL_GAP, "presolve": True}
    if time_limit is not None:
        options["time_limit"] = max(0.1, time_limit)
    result = milp(
        -prep.score,
        constraints=LinearConstraint(rows, lower, upper),
        integrality=np.ones(n),
        bounds=Bounds(prep.forced.astype(float), np.ones(n)),
        options=options,
    )
    return _solution(result, n)


def _solution(result: OptimizeResult, n: int) -> IntegerSolution:
    if result.x is None:
        status = "infeasible" if result.status == 2 else "time_limit"
        return IntegerSolution(status, np.zeros(n, dtype=bool), False)
    chosen = result.x[:n] > 0.5
    return IntegerSolution("optimal" if result.status == 0 else "time_limit", chosen, result.status == 0)
