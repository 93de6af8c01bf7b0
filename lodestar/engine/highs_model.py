"""A HiGHS model that grows by columns and rows and keeps its simplex basis between solves.

Why not `scipy.optimize.linprog`/`milp`: they rebuild the model at every call, which throws the
basis away. Column generation re-solves after adding a few columns; warm-started, each re-solve
is a few dozen pivots instead of a solve from scratch (on the 2,600 x 1,000 quota instance:
about 0.05 s a round instead of 0.5-1 s). scipy ships HiGHS with a full Python binding; it is
private to scipy (`scipy.optimize._highspy._core`), so everything that touches it lives in this
module, scipy is pinned in pyproject.toml, and tests/engine/test_highs_model.py fails at once if the
binding changes. The public `highspy` package is the same binding, should it ever be needed.

Conventions: the objective is *maximised*; row duals follow the maximisation sign (y >= 0 on a
row held at its upper bound, y <= 0 at its lower bound), so reduced costs are `cost - A.T @ y`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.optimize._highspy._core as highs  # private to scipy, see the module docstring
from scipy import sparse

INFINITY = float(highs.kHighsInf)


@dataclass(frozen=True, eq=False)
class LpSolution:
    """`status` is "optimal", "infeasible", "time_limit" or another HiGHS status in words."""

    status: str
    values: np.ndarray
    row_duals: np.ndarray
    objective: float


@dataclass(frozen=True, eq=False)
class MipSolution:
    """`values` is None when no integer point was found; `bound` is HiGHS's proven upper bound."""

    status: str
    values: np.ndarray | None
    objective: float
    bound: float


class HighsModel:
    """max cost.x subject to row_lower <= A x <= row_upper, col_lower <= x <= col_upper."""

    def __init__(
        self,
        matrix: sparse.csc_matrix,
        row_lower: np.ndarray,
        row_upper: np.ndarray,
        cost: np.ndarray,
        col_lower: np.ndarray,
        col_upper: np.ndarray,
    ) -> None:
        num_rows, num_cols = matrix.shape
        lp = highs.HighsLp()
        lp.num_col_, lp.num_row_ = num_cols, num_rows
        lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = num_cols, num_rows
        lp.a_matrix_.format_ = highs.MatrixFormat.kColwise
        lp.a_matrix_.start_ = matrix.indptr.astype(np.int32)
        lp.a_matrix_.index_ = matrix.indices.astype(np.int32)
        lp.a_matrix_.value_ = matrix.data.astype(np.float64)
        lp.col_cost_ = -np.asarray(cost, dtype=np.float64)
        lp.col_lower_ = _finite(col_lower)
        lp.col_upper_ = _finite(col_upper)
        lp.row_lower_ = _finite(row_lower)
        lp.row_upper_ = _finite(row_upper)
        self._highs = highs._Highs()
        self._highs.setOptionValue("output_flag", False)
        self._highs.passModel(lp)
        self.num_cols = num_cols
        self.num_rows = num_rows

    def add_columns(
        self, matrix: sparse.csc_matrix, cost: np.ndarray, lower: np.ndarray, upper: np.ndarray
    ) -> None:
        """Append columns; `matrix` has one row per row of the model (in the model's row order)."""
        self._highs.addCols(
            matrix.shape[1],
            -np.asarray(cost, dtype=np.float64),
            _finite(lower),
            _finite(upper),
            matrix.nnz,
            matrix.indptr.astype(np.int32),
            matrix.indices.astype(np.int32),
            matrix.data.astype(np.float64),
        )
        self.num_cols += matrix.shape[1]

    def add_rows(self, matrix: sparse.csr_matrix, lower: np.ndarray, upper: np.ndarray) -> None:
        """Append rows; `matrix` has one column per column of the model (in the model's order)."""
        self._highs.addRows(
            matrix.shape[0],
            _finite(lower),
            _finite(upper),
            matrix.nnz,
            matrix.indptr.astype(np.int32),
            matrix.indices.astype(np.int32),
            matrix.data.astype(np.float64),
        )
        self.num_rows += matrix.shape[0]

    def hold_at_zero(self, positions: np.ndarray) -> None:
        """Bounds [0, 0] for the columns at `positions` (in the model's column order)."""
        zeros = np.zeros(len(positions))
        self.change_bounds(positions, zeros, zeros)

    def change_bounds(self, positions: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> None:
        """New bounds for the columns at `positions` (in the model's column order)."""
        if len(positions) == 0:
            return
        self._highs.changeColsBounds(
            len(positions), np.asarray(positions, dtype=np.int32), _finite(lower), _finite(upper)
        )

    def solve_lp(self, time_limit: float | None = None) -> LpSolution:
        """The linear relaxation (every column continuous), warm-started from the last basis."""
        self._set_time_limit(time_limit)
        self._highs.run()
        status = self._status()
        solution = self._highs.getSolution()
        if status != "optimal":
            empty = np.zeros(0)
            return LpSolution(status, empty, empty, -np.inf)
        return LpSolution(
            status,
            np.asarray(solution.col_value, dtype=np.float64),
            -np.asarray(solution.row_dual, dtype=np.float64),
            -float(self._highs.getInfo().objective_function_value),
        )

    def solve_mip(
        self,
        integer: np.ndarray,
        relative_gap: float,
        feasibility_tolerance: float,
        time_limit: float | None = None,
    ) -> MipSolution:
        """The integer program with `integer` columns integral.

        No starting point is handed to HiGHS (`setSolution`): with one, the HiGHS of scipy 1.17.1
        presolves the model wrongly and "proves" the start optimal when it is not (a max-min
        program of 4 proposals and 4 experts at 0.05 whose optimum is 0.15, found by
        tests/engine/test_assignment_fair.py; without the start, or without presolve, it finds
        0.15). The caller keeps its best point and compares, so nothing is lost but a head start.
        """
        self._highs.changeColsIntegrality(
            self.num_cols, np.arange(self.num_cols, dtype=np.int32), np.asarray(integer, dtype=np.uint8)
        )
        self._highs.setOptionValue("mip_rel_gap", relative_gap)
        self._highs.setOptionValue("mip_feasibility_tolerance", feasibility_tolerance)
        self._set_time_limit(time_limit)
        self._highs.run()
        status = self._status()
        info = self._highs.getInfo()
        solution = self._highs.getSolution()
        # Back to a linear program, so that the model can be priced and re-solved as before.
        self._highs.changeColsIntegrality(
            self.num_cols, np.arange(self.num_cols, dtype=np.int32), np.zeros(self.num_cols, dtype=np.uint8)
        )
        has_point = bool(solution.value_valid) and status in ("optimal", "time_limit")
        return MipSolution(
            status,
            np.asarray(solution.col_value, dtype=np.float64) if has_point else None,
            -float(info.objective_function_value) if has_point else -np.inf,
            -float(info.mip_dual_bound) if status in ("optimal", "time_limit") else np.inf,
        )

    def _set_time_limit(self, seconds: float | None) -> None:
        self._highs.setOptionValue("time_limit", INFINITY if seconds is None else max(0.01, float(seconds)))

    def _status(self) -> str:
        status = self._highs.getModelStatus()
        names = {
            highs.HighsModelStatus.kOptimal: "optimal",
            highs.HighsModelStatus.kInfeasible: "infeasible",
            highs.HighsModelStatus.kTimeLimit: "time_limit",
        }
        return names.get(status, self._highs.modelStatusToString(status))


def _finite(values: np.ndarray) -> np.ndarray:
    """HiGHS marks an absent bound with its own infinity (1e30), not IEEE infinity."""
    values = np.asarray(values, dtype=np.float64)
    return np.clip(values, -INFINITY, INFINITY)
