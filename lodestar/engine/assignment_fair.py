"""The fairness mode, exactly: first the highest floor every proposal's total can reach, then the
highest total that holds it.

Definitions. A proposal is served when it needs experts (k > 0); its total is the sum of its
assigned scores. t* is the maximum, over all assignments, of the smallest served total. The
answer is an assignment of maximum total among those whose every served total is at least
t* - FLOOR_TOLERANCE (a tolerance in score units, so that float sums in another order do not
decide; it is the only slack, and the true lexicographic optimum is among the candidates, so the
total returned is at least the true one).

The bound everything starts from: every proposal's total is at most the best its own candidates
can give it alone, so t* <= t_hi := min over served p of best_alone(p). Three tiers, each exact:

1. Network (no quotas; the max-total assignment came from the min-cost flow). Floor t_hi. A
   proposal short of it whose second-best k-set on its own is below t_hi can only meet the floor
   with its best k-set: force that set (a network rule, lower bounds of 1), re-solve the flow, and
   repeat with any proposal newly short. The forced network is a relaxation of "every total >=
   t_hi" (it holds only the floors it had to, by the one way they can hold), so when its optimum
   meets every floor it is optimal, and t* = t_hi. On the 2,600 x 1,000 benchmark this is two
   flows. It gives up as soon as a short proposal could meet the floor in more than one way.
2. The floor program at t_hi (`assignment_program.floor_program`, elastic), certified on a priced
   core by `certified_program.solve_program`. If its optimum has no shortfall, t* = t_hi and it
   is the answer, certified.
3. Otherwise t* < t_hi: the max-min program (maximise t) is certified the same way, giving t*,
   then the floor program at t* (strict) gives the answer, starting from the max-min assignment.

Proven gaps are reported: on the floor (from tier 3, if its bound stops short) and on the total.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from lodestar.engine.assignment_network import solve_network
from lodestar.engine.assignment_problem import Prepared
from lodestar.engine.assignment_program import (
    best_alone,
    best_candidates,
    floor_program,
    max_min_program,
    proposal_totals,
)
from lodestar.engine.certified_program import ProgramSolution, solve_program

FLOOR_TOLERANCE = 1e-9  # relative to the largest |score|; see the module docstring
CORE_CANDIDATES = 3  # per proposal, besides the assignments the tiers start from
MAX_FORCING_ROUNDS = 20
SHORTFALL_PENALTY = 1e3  # per unit of shortfall below the floor, relative to the largest |score|


@dataclass(frozen=True, eq=False)
class FairSolution:
    """`chosen` marks the eligible pairs assigned; `floor` is t*; gaps are proven upper bounds on
    how far t* and the total could be from `floor` and the total of `chosen`."""

    chosen: np.ndarray
    floor: float
    method: str
    proven_optimal: bool
    floor_gap: float = 0.0
    total_gap: float = 0.0


def solve_fair(prep: Prepared, max_total: np.ndarray, network: bool, deadline: float | None) -> FairSolution:
    """Lexicographic max-min then max-total; `max_total` is the optimal assignment without fairness."""
    served = prep.k > 0
    if not served.any():
        return FairSolution(max_total, 0.0, "no proposal needs experts", True)
    top, alone, second = best_alone(prep)
    high = float(alone[served].min())
    tolerance = FLOOR_TOLERANCE * max(1.0, float(np.abs(prep.score).max()))
    if network and not prep.quotas:
        chosen = _forced_network(prep, max_total, top, second, high - tolerance)
        if chosen is not None:
            return FairSolution(chosen, high, "min-cost flow, forced best sets (OR-Tools)", True)
    penalty = SHORTFALL_PENALTY * max(1.0, float(np.abs(prep.score).max()))
    core = max_total | best_candidates(prep, CORE_CANDIDATES)
    elastic = floor_program(prep, high - tolerance, penalty)
    start = np.concatenate([max_total.astype(float), _shortfall(prep, max_total, high - tolerance)])
    extras = np.ones(len(start) - len(core), dtype=bool)
    at_high = solve_program(elastic, np.concatenate([core, extras]), start, deadline)
    n = len(prep.pp)
    if at_high.values is not None:
        chosen = at_high.values[:n] > 0.5
        if proposal_totals(prep, chosen)[served].min() >= high - tolerance:
            return _answer(at_high, n, high, 0.0, "integer program at the best floor (HiGHS, certified)")
    return _below_best(prep, max_total, core, high, tolerance, deadline)


def _forced_network(
    prep: Prepared, chosen: np.ndarray, top: np.ndarray, second: np.ndarray, floor: float
) -> np.ndarray | None:
    """Tier 1: force the best set of every short proposal that has no other way to the floor."""
    forced = prep.forced.copy()
    served = prep.k > 0
    for _ in range(MAX_FORCING_ROUNDS):
        short = served & (proposal_totals(prep, chosen) < floor)
        if not short.any():
            return chosen
        if np.any(second[short] >= floor):
            return None
        forced |= top & short[prep.pp]
        result = solve_network(replace(prep, forced=forced))
        if result.chosen is None:
            return None
        chosen = result.chosen
    return None


def _below_best(
    prep: Prepared,
    max_total: np.ndarray,
    core: np.ndarray,
    high: float,
    tolerance: float,
    deadline: float | None,
) -> FairSolution:
    """Tier 3: t* by the max-min program, then the best total that holds it."""
    n = len(prep.pp)
    served = prep.k > 0
    low = float(proposal_totals(prep, max_total)[served].min())
    max_min = solve_program(
        max_min_program(prep, low, high),
        np.concatenate([core, [True]]),
        np.concatenate([max_total.astype(float), [low]]),
        deadline,
    )
    assert max_min.values is not None  # the max-total assignment is a feasible start
    holder = max_min.values[:n] > 0.5
    floor = float(proposal_totals(prep, holder)[served].min())
    floor_gap = max(0.0, max_min.bound - floor)
    strict = floor_program(prep, floor - tolerance, None)
    best = solve_program(strict, core | holder, holder.astype(float), deadline)
    method = "integer programs: max-min, then total at that floor (HiGHS, certified)"
    if best.values is None:
        return FairSolution(holder, floor, method, False, floor_gap, np.inf)
    proven = max_min.status == "optimal" and floor_gap <= tolerance
    result = _answer(best, n, floor, floor_gap, method)
    return replace(result, proven_optimal=result.proven_optimal and proven)


def _answer(solution: ProgramSolution, n: int, floor: float, floor_gap: float, method: str) -> FairSolution:
    assert solution.values is not None
    return FairSolution(
        solution.values[:n] > 0.5,
        floor,
        method,
        solution.status == "optimal",
        floor_gap,
        solution.gap,
    )


def _shortfall(prep: Prepared, chosen: np.ndarray, floor: float) -> np.ndarray:
    """Each served proposal's shortfall below `floor` under `chosen` (the elastic columns' start)."""
    totals = proposal_totals(prep, chosen)[prep.k > 0]
    return np.maximum(0.0, floor - totals)
