"""The fairness mode, exactly: first the highest floor every proposal's total can reach, then the
highest total that holds it.

Definitions. A proposal is served when it needs experts (k > 0); its total is the sum of its
assigned scores. t* is the maximum, over all assignments, of the smallest served total. The
answer is an assignment of maximum total among those whose every served total is at least
t* - FLOOR_TOLERANCE x max(1, max|score|) (so that float sums in another order, and the LP
solver's rounding, do not decide; the true lexicographic optimum is among the candidates, so the
total returned is at least the true one, and its smallest total within that tolerance of t*).

Bound. Every proposal's total is at most what its own candidates give it alone under its own
rules (forced pairs, quotas), so t* <= t_hi := min over served p of best_alone(p).

Fixings (`assignment_program.floor_fixings`). Under a floor f, a pair that is in no k-set of its
proposal reaching f is impossible, and a pair in every such k-set is necessary. Both are
necessary conditions of the floor, so imposing them (upper bound 0, lower bound 1) removes no
assignment that meets it; near the floor they settle most of a proposal's choice.

Three tiers, each exact:

1. Network (quotas that do not overlap). The flow with the fixings at t_hi is a relaxation of
   "every total >= t_hi" (it holds the floors only through their necessary conditions): if its
   optimum meets every floor, it is optimal and t* = t_hi; if it is infeasible, t* < t_hi (go
   to 3). On the 2,600 x 1,000 benchmark this is the whole story: two flows.
2. The floor program at t_hi (`assignment_program.floor_program`, elastic, with the fixings
   its starting assignment meets), certified on a priced core by `certified_program.solve_program`.
   If its optimum has no shortfall, t* = t_hi and it is the answer, certified.
3. Otherwise t* < t_hi: the max-min program (maximise t) is certified the same way, giving t*,
   then the strict floor program at t* gives the answer, starting from the max-min assignment.

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
    floor_fixings,
    floor_program,
    max_min_program,
    proposal_totals,
)
from lodestar.engine.certified_program import PairProgram, ProgramSolution, solve_program

# Relative to the largest |score|. Not smaller: a k-set exactly at the floor must keep a margin
# above HiGHS's own rounding (at 1e-9 it wrongly cut such sets off and "proved" a lower optimum);
# not larger than half the 1e-6 step of scores given to six decimals, so that on them it is exact.
FLOOR_TOLERANCE = 1e-7
CORE_CANDIDATES = 3  # per proposal, besides the assignments the tiers start from
SHORTFALL_PENALTY = 1e3  # per unit of shortfall below the floor, relative to the largest |score|


@dataclass(frozen=True, eq=False)
class FairSolution:
    """`chosen` marks the eligible pairs assigned; `floor` is t*; the gaps are proven bounds on how
    far above `floor`, and above the total of `chosen`, the true values could be."""

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
    largest = max(1.0, float(np.abs(prep.score).max()))
    tolerance = FLOOR_TOLERANCE * largest
    high = float(best_alone(prep)[served].min())
    impossible, necessary = floor_fixings(prep, high - tolerance)
    start = max_total
    if network:
        fixed = solve_network(_fixed(prep, impossible, necessary))
        if fixed.chosen is None:
            return _below_best(prep, max_total, high, tolerance, deadline)
        start = np.zeros(len(prep.pp), dtype=bool)
        start[np.flatnonzero(~impossible)[fixed.chosen]] = True
        if proposal_totals(prep, start)[served].min() >= high - tolerance:
            method = "min-cost flow with the floor's fixed pairs (OR-Tools)"
            return FairSolution(start, high, method, True, 0.0, fixed.error_bound)
    penalty = SHORTFALL_PENALTY * largest
    # Fixings the start breaks are left out (without the network, `start` is the max-total
    # assignment, which may use a pair the floor rules out): fewer fixings are still valid, and
    # the start stays a feasible point, so that the first relaxation on the core is feasible.
    shortfall = np.maximum(0.0, high - tolerance - proposal_totals(prep, start)[served])
    elastic = floor_program(prep, high - tolerance, shortfall, penalty)
    elastic = _with_fixings(elastic, impossible & ~start, necessary & start)
    point = np.concatenate([start.astype(float), shortfall])
    at_high = solve_program(elastic, _core(prep, start | max_total, len(point)), point, deadline)
    if at_high.values is not None:
        chosen = at_high.values[: len(prep.pp)] > 0.5
        if proposal_totals(prep, chosen)[served].min() >= high - tolerance:
            method = "integer program at the best floor (HiGHS, certified)"
            return _answer(at_high, len(prep.pp), high, 0.0, method)
    return _below_best(prep, max_total, high, tolerance, deadline)


def _below_best(
    prep: Prepared, max_total: np.ndarray, high: float, tolerance: float, deadline: float | None
) -> FairSolution:
    """Tier 3: t* by the max-min program, then the best total that holds it."""
    n = len(prep.pp)
    served = prep.k > 0
    low = float(proposal_totals(prep, max_total)[served].min())
    # Any assignment better than the max-total one for the floor has every total >= low.
    program = _with_fixings(max_min_program(prep, low, high), *floor_fixings(prep, low - tolerance))
    max_min = solve_program(
        program,
        _core(prep, max_total, n + 1),
        np.concatenate([max_total.astype(float), [low]]),
        deadline,
    )
    assert max_min.values is not None  # the max-total assignment is a feasible start
    holder = max_min.values[:n] > 0.5
    floor = float(proposal_totals(prep, holder)[served].min())
    floor_gap = max(0.0, max_min.bound - floor)
    fixings = floor_fixings(prep, floor - tolerance)
    strict = _with_fixings(floor_program(prep, floor - tolerance), *fixings)
    best = solve_program(strict, _core(prep, max_total | holder, n), holder.astype(float), deadline)
    method = "integer programs: max-min, then total at that floor (HiGHS, certified)"
    if best.values is None:
        return FairSolution(holder, floor, method, False, floor_gap, np.inf)
    result = _answer(best, n, floor, floor_gap, method)
    proven = result.proven_optimal and max_min.status == "optimal" and floor_gap <= tolerance
    return replace(result, proven_optimal=proven)


def _fixed(prep: Prepared, impossible: np.ndarray, necessary: np.ndarray) -> Prepared:
    """`prep` without the impossible pairs and with the necessary ones forced."""
    keep = ~impossible
    quotas = tuple(replace(span, member=span.member[keep]) for span in prep.quotas)
    return replace(
        prep,
        pp=prep.pp[keep],
        pe=prep.pe[keep],
        score=prep.score[keep],
        forced=(prep.forced | necessary)[keep],
        quotas=quotas,
    )


def _with_fixings(program: PairProgram, impossible: np.ndarray, necessary: np.ndarray) -> PairProgram:
    n = len(impossible)
    col_lower, col_upper = program.col_lower.copy(), program.col_upper.copy()
    col_lower[:n] = np.maximum(col_lower[:n], necessary)
    col_upper[:n] = np.where(impossible, 0.0, col_upper[:n])
    return replace(program, col_lower=col_lower, col_upper=col_upper)


def _core(prep: Prepared, chosen: np.ndarray, num_columns: int) -> np.ndarray:
    """The pairs a tier starts from (`chosen` and each proposal's best few), and every extra column."""
    core = np.ones(num_columns, dtype=bool)
    core[: len(prep.pp)] = chosen | best_candidates(prep, CORE_CANDIDATES)
    return core


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
