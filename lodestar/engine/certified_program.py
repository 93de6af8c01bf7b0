"""Integer programs over many candidate pairs, solved on a small core and certified on all of them.

A reviewer assignment with quotas or a fairness floor is an integer program with one binary column
per candidate pair (260,000 at 2,600 x 1,000 x 100) of which only a few thousand are ever worth
choosing. Giving HiGHS every column costs 20-60 s; this module gives it a *core* of a few per
proposal, grows the core by pricing, and proves that the columns left out cannot help.

The proof is Lagrangian duality, valid for *any* multipliers y (signs: y_i >= 0 on a row bounded
above, y_i <= 0 on one bounded below, free on an equality). Write rc = c - A.T y. For every z with
lower <= A z <= upper and col_lower <= z <= col_upper,

    c.z = y.(A z) + rc.z
        <= sum_i max(y_i upper_i, y_i lower_i) + sum_j max(rc_j col_upper_j, rc_j col_lower_j) =: bound(y),

and if moreover z_j = 1 for a 0/1 column j with rc_j < 0, then c.z <= bound(y) + rc_j. So:

1. `bound(y)`, computed here in numpy over *every* column (not by the solver, and not only over the
   core), is a proven upper bound on the optimum, whatever the LP solver's accuracy;
2. a column outside the core with bound(y) + rc_j <= best known value cannot improve on it.

Rows can be lazy (fairness floors: one per proposal, few ever binding): a row that is not in the
model gets y_i = 0, which keeps the bound valid; rows are added when a solution violates them.

The algorithm: solve the core's linear relaxation (HiGHS, warm-started), add violated lazy rows,
price every column with the duals and add the best few positive ones per group (proposal,
expert), until bound(y) meets the best integral value or no column prices out. If the relaxation
is not integral, solve the core's integer program, then add every outside column that (2) does not
exclude and solve again, until the bound is met. The result carries its proven `bound`: the
optimum either uses only core columns (then HiGHS's bound on the core's integer program holds) or
some outside column j (then bound(y) + rc_j holds), and never exceeds bound(y); (2) and the final
bound use the single y whose bound(y) was smallest, since the test is only valid within one y.

A program may carry a second proof from the same y (`PairProgram.local`: for the assignment,
`assignment_local` dualises only the experts' loads and solves each proposal exactly). Before
the first integer program its bound and per-column reach are taken where tighter (each is a valid
statement on its own, so the smaller of two is too), and they guide a guess: the integer program
gets only the columns whose reach is within LOCAL_MARGIN of the bound; the core's other columns
are parked (held at 0 in the model) and count as outside columns in the proof, which then adds
back, margin x4 each round, those that could still improve the best point.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from lodestar.engine.highs_model import HighsModel

GAP_TOLERANCE = 1e-9  # relative: stop when the proven bound is this close to the best value
PRICE_TOLERANCE = 1e-9  # a column is worth adding when its reduced cost exceeds this
ROW_TOLERANCE = 1e-9  # how far a solution may sit outside a row before the row is violated
INTEGRALITY_TOLERANCE = 1e-9
PER_GROUP = 1  # columns added per proposal and per expert in each pricing round
LOCAL_MARGIN = 1e-3  # relative to the largest |cost|: see `branch`
MAX_ROUNDS = 400  # pricing rounds; each adds at least one column, so this only guards a stall


@dataclass(frozen=True, eq=False)
class PairProgram:
    """max cost.z subject to lower <= matrix z <= upper and col_lower <= z <= col_upper.

    Columns are the eligible pairs first (binary), then any `extra` continuous columns (e.g. the
    fairness floor t). `lazy` rows enter the model only once a solution violates them.
    `groups` are per-column keys (-1: none) for partial pricing, e.g. the pair's proposal and expert.
    `local`, if given, is a second proof from the same multipliers: (program, y) -> (a proven upper
    bound, per column the most a point with that column at 1 can be worth); see `assignment_local`.
    """

    matrix: sparse.csr_matrix
    lower: np.ndarray
    upper: np.ndarray
    cost: np.ndarray
    col_lower: np.ndarray
    col_upper: np.ndarray
    integer: np.ndarray
    lazy: np.ndarray
    groups: Sequence[np.ndarray]
    local: Callable[[PairProgram, np.ndarray], tuple[float, np.ndarray]] | None = None

    def objective(self, z: np.ndarray) -> float:
        return float(self.cost @ z)

    def violated(self, z: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """Rows (of `rows`, default all) that `z` breaks by more than the tolerance."""
        matrix = self.matrix if rows is None else self.matrix[rows]
        lower = self.lower if rows is None else self.lower[rows]
        upper = self.upper if rows is None else self.upper[rows]
        activity = matrix @ z
        scale = 1.0 + np.abs(activity)
        return (activity < lower - ROW_TOLERANCE * scale) | (activity > upper + ROW_TOLERANCE * scale)


@dataclass(frozen=True, eq=False)
class ProgramSolution:
    """`values` is the best integral point found (None if none); `bound` a proven upper bound.

    `status`: "optimal" (bound within GAP_TOLERANCE), "time_limit" (stopped with a weaker proof),
    "gap" (finished, but the proof stops short: `gap` says by how much) or "no_point" (no
    integral point found, e.g. the core alone is infeasible).
    """

    status: str
    values: np.ndarray | None
    objective: float
    bound: float

    @property
    def gap(self) -> float:
        return max(0.0, self.bound - self.objective)


def lagrangian_bound(program: PairProgram, duals: np.ndarray) -> tuple[float, np.ndarray]:
    """bound(y) over every column, and the reduced costs (see the module docstring)."""
    lower_finite, upper_finite = np.isfinite(program.lower), np.isfinite(program.upper)
    y = usable_duals(program, duals)
    reduced = program.cost - program.matrix.T @ y
    rows = np.where(y > 0, y * np.where(upper_finite, program.upper, 0.0), 0.0) + np.where(
        y < 0, y * np.where(lower_finite, program.lower, 0.0), 0.0
    )
    cols = np.where(reduced > 0, reduced * program.col_upper, reduced * program.col_lower)
    return float(rows.sum() + cols.sum()), reduced


def usable_duals(program: PairProgram, duals: np.ndarray) -> np.ndarray:
    """`duals` without the multipliers that point at an absent bound (they would make the bound
    infinite; dropping them keeps it valid)."""
    lower_finite, upper_finite = np.isfinite(program.lower), np.isfinite(program.upper)
    return np.where(((duals > 0) & ~upper_finite) | ((duals < 0) & ~lower_finite), 0.0, duals)


def solve_program(
    program: PairProgram,
    core: np.ndarray,
    incumbent: np.ndarray | None = None,
    deadline: float | None = None,
) -> ProgramSolution:
    """The certified optimum; `core` marks the columns to start from, and must contain `incumbent`
    (a feasible integral point, if one is known) so that the first relaxation is feasible.
    Columns with a positive lower bound always join the core (leaving them out would fix them at 0)."""
    run = _Run(program, core | (program.col_lower > 0), deadline)
    if incumbent is not None:
        run.offer(incumbent)
    bound = run.price()
    if bound is None:
        return ProgramSolution("no_point", run.best, run.best_value, np.inf)
    if run.closed(bound):
        return run.solution("optimal", bound)
    return run.branch(bound)


class _Run:
    """The state of one `solve_program`: the core, the model over it and the best point so far."""

    def __init__(self, program: PairProgram, core: np.ndarray, deadline: float | None) -> None:
        self.program = program
        self.core = core
        self.deadline = deadline
        self.cols = np.flatnonzero(core)
        self.rows = np.flatnonzero(~program.lazy)
        self.model = HighsModel(
            program.matrix[self.rows][:, self.cols].tocsc(),
            program.lower[self.rows],
            program.upper[self.rows],
            program.cost[self.cols],
            program.col_lower[self.cols],
            program.col_upper[self.cols],
        )
        self.best: np.ndarray | None = None
        self.best_value = -np.inf
        self.reduced = np.zeros(len(program.cost))
        self.duals: np.ndarray | None = None  # the multipliers of `reduced`

    def remaining(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def out_of_time(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0

    def offer(self, z: np.ndarray) -> None:
        """Keep `z` if it is integral, meets every row and beats the best so far."""
        integer = self.program.integer
        if np.any(np.abs(z[integer] - np.round(z[integer])) > INTEGRALITY_TOLERANCE):
            return
        z = z.copy()
        z[integer] = np.round(z[integer])
        outside_bounds = np.any(z < self.program.col_lower - ROW_TOLERANCE) or np.any(
            z > self.program.col_upper + ROW_TOLERANCE
        )
        if outside_bounds or self.program.violated(z).any():
            return
        value = self.program.objective(z)
        if value > self.best_value:
            self.best, self.best_value = z, value

    def closed(self, bound: float) -> bool:
        return bound - self.best_value <= self._slack(bound)

    def _slack(self, bound: float) -> float:
        return GAP_TOLERANCE * max(1.0, abs(bound))

    def solution(self, status: str, bound: float) -> ProgramSolution:
        return ProgramSolution(status, self.best, self.best_value, max(bound, self.best_value))

    def full(self, values_on_core: np.ndarray) -> np.ndarray:
        z = np.zeros(len(self.program.cost))
        z[self.cols] = values_on_core
        return z

    def add_rows(self, new: np.ndarray) -> None:
        self.model.add_rows(
            self.program.matrix[new][:, self.cols].tocsr(), self.program.lower[new], self.program.upper[new]
        )
        self.rows = np.concatenate([self.rows, new])

    def add_columns(self, new: np.ndarray) -> None:
        program = self.program
        self.model.add_columns(
            program.matrix[self.rows][:, new].tocsc(),
            program.cost[new],
            program.col_lower[new],
            program.col_upper[new],
        )
        self.cols = np.concatenate([self.cols, new])
        self.core[new] = True

    def price(self) -> float | None:
        """Column-and-row generation on the relaxation; the best proven bound (None: no relaxation).

        `self.reduced` keeps the reduced costs of the multipliers that gave that bound: the
        exclusion test of `branch` is only valid with the bound and reduced costs of one y.
        """
        bound = np.inf
        lazy_rows = np.flatnonzero(self.program.lazy)
        for _ in range(MAX_ROUNDS):
            lp = self.model.solve_lp(self.remaining())
            if lp.status != "optimal":
                return None if lp.status == "infeasible" or not np.isfinite(bound) else bound
            z = self.full(lp.values)
            broken = lazy_rows[self.program.violated(z, lazy_rows)]
            broken = np.setdiff1d(broken, self.rows)
            if len(broken):
                self.add_rows(broken)
                continue
            duals = np.zeros(len(self.program.lower))
            duals[self.rows] = lp.row_duals
            this_bound, reduced = lagrangian_bound(self.program, duals)
            if this_bound < bound:
                bound, self.reduced = this_bound, reduced
                self.duals = usable_duals(self.program, duals)
            self.offer(z)
            if self.closed(bound) or self.out_of_time():
                return bound
            new = self._priced_columns(reduced)
            if len(new) == 0:
                return bound
            self.add_columns(new)
        return bound

    def _priced_columns(self, reduced: np.ndarray) -> np.ndarray:
        """The best few outside columns with a positive reduced cost in each group."""
        candidates = np.flatnonzero(~self.core & (reduced > PRICE_TOLERANCE) & (self.program.col_upper > 0))
        if len(candidates) == 0:
            return candidates
        picked = []
        for key in self.program.groups:
            keyed = candidates[key[candidates] >= 0]
            order = keyed[np.lexsort((-reduced[keyed], key[keyed]))]
            keys = key[order]
            rank = np.arange(len(order)) - np.searchsorted(keys, keys, side="left")
            picked.append(order[rank < PER_GROUP])
        unkeyed = candidates[np.all([key[candidates] < 0 for key in self.program.groups], axis=0)]
        return np.unique(np.concatenate([*picked, unkeyed]))

    def branch(self, bound: float) -> ProgramSolution:
        """Integer programs on the core until the outside columns are excluded by the bound."""
        program = self.program
        lazy_rows = np.flatnonzero(program.lazy)
        mip_bound = np.inf
        # The second proof from the same multipliers (`PairProgram.local`), if the program has one.
        generic = bound
        local_reach = np.full(len(program.cost), np.inf)
        usable = (program.col_lower == 0) & (program.col_upper > 0) & program.integer
        parked = np.zeros(len(program.cost), dtype=bool)  # in the model, but held at 0 (see below)
        margin = np.inf  # how far below the bound the columns given to the integer program reach
        if program.local is not None and self.duals is not None:
            local, reach_by_pair = program.local(program, self.duals)
            bound = min(bound, local)
            local_reach[: len(reach_by_pair)] = reach_by_pair
            if self.closed(bound):  # the point in hand already meets the stronger bound
                return self.solution("optimal", bound)
            # A guess, which the proof below does not rely on: the optimum uses columns whose reach
            # is within a hair of the bound. Those outside the core join it; the core's others are
            # parked (held at 0) and, for the proof, count as outside columns.
            margin = LOCAL_MARGIN * float(np.abs(program.cost[program.integer]).max(initial=1.0))
            close = local_reach > bound - margin
            parked = self.core & usable & ~close
            self.model.hold_at_zero(self._positions(np.flatnonzero(parked)))
            new = np.flatnonzero(~self.core & usable & close)
            if len(new):
                self.add_columns(new)
        while True:
            if self.out_of_time():
                return self.solution("time_limit", bound)
            mip = self.model.solve_mip(
                program.integer[self.cols], GAP_TOLERANCE, INTEGRALITY_TOLERANCE, self.remaining()
            )
            if mip.values is None and mip.status != "time_limit" and parked.any():
                self._unpark(parked, parked.copy())  # the guess left no point: every column back
                continue
            if mip.values is None:
                status = "time_limit" if mip.status == "time_limit" else "no_point"
                return (
                    self.solution(status, bound)
                    if self.best is not None
                    else ProgramSolution(status, None, -np.inf, bound)
                )
            z = self.full(mip.values)
            broken = np.setdiff1d(lazy_rows[program.violated(z, lazy_rows)], self.rows)
            if len(broken):
                self.add_rows(broken)
                continue
            self.offer(z)
            # HiGHS's bound on the core, unless it contradicts a point already in hand (a sign of
            # its tolerances cutting off feasible points); the Lagrangian bound is ours and stays.
            mip_bound = mip.bound if mip.bound >= self.best_value - self._slack(bound) else bound
            outside = (~self.core | parked) & usable
            # Best value any point using an outside column can reach (module docstring, point 2).
            reach = np.minimum(generic + np.minimum(self.reduced[outside], 0.0), local_reach[outside])
            outside_bound = float(reach.max()) if len(reach) else -np.inf
            proven = min(bound, max(mip_bound, outside_bound))
            if self.closed(proven):
                status = "optimal" if mip.status == "optimal" else "time_limit"
                return self.solution(status, proven)
            if mip.status != "optimal":
                return self.solution("time_limit", proven)
            threshold = self.best_value + self._slack(bound)
            new = np.flatnonzero(outside)[reach > threshold]
            # The proof needs every column above `threshold`; while the guess is short, widen it
            # step by step (each integer program raises the best value and so the threshold).
            margin *= 4
            nearer = np.flatnonzero(outside)[(reach > threshold) & (reach > bound - margin)]
            new = nearer if len(nearer) else new
            if len(new) == 0:  # only when HiGHS's bound was set aside: report the gap as it is
                return self.solution("optimal" if self.closed(proven) else "gap", proven)
            self._unpark(parked, new[parked[new]])
            new = new[~self.core[new]]
            if len(new):
                self.add_columns(new)

    def _positions(self, columns: np.ndarray) -> np.ndarray:
        """The model's positions of program `columns` (all in the core)."""
        where = np.full(len(self.program.cost), -1, dtype=np.int64)
        where[self.cols] = np.arange(len(self.cols))
        return where[columns]

    def _unpark(self, parked: np.ndarray, columns: np.ndarray) -> None:
        """Give parked `columns` their bounds back (`parked` is updated in place)."""
        if len(columns) == 0:
            return
        columns = np.flatnonzero(columns) if columns.dtype == bool else columns
        self.model.change_bounds(
            self._positions(columns), self.program.col_lower[columns], self.program.col_upper[columns]
        )
        parked[columns] = False
