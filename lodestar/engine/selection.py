"""Cohort selection: the best cohort under the programme's rules, and why each proposal near the line
is in or out.

`select(SelectionProblem) -> Selection`. The model and its solver are in `selection_model`, the
explanations and the diagnosis in `selection_reasons`; this module is the entry point the web app
and the command line call. Reused for Phase 2 and the fund's portfolio (a "challenge" is then
any category with minimum and maximum counts).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from lodestar.engine.reasons import Reason
from lodestar.engine.selection_model import Candidate, Model, SelectionProblem
from lodestar.engine.selection_reasons import Explanation, diagnose, explain

__all__ = ["Candidate", "Explanation", "Reason", "Selection", "SelectionProblem", "select"]


@dataclass(frozen=True)
class Selection:
    """`chosen` best merit first; `explanations` for the proposals near the line, best rank first.

    When not `feasible`, `diagnosis` says which rules cannot be met (never an exception).
    `proven_optimal` is False only if the solver stopped at `time_limit` with a cohort in hand.
    """

    feasible: bool
    chosen: tuple[str, ...] = ()
    objective: float = 0.0
    cost: float = 0.0
    proven_optimal: bool = False
    solve_seconds: float = 0.0
    explanations: tuple[Explanation, ...] = ()
    diagnosis: tuple[Reason, ...] = ()


def select(problem: SelectionProblem) -> Selection:
    model = Model.of(problem)
    started = time.monotonic()
    status, chosen = model.solve(time_limit=problem.time_limit)
    seconds = time.monotonic() - started
    if chosen is None:
        return Selection(False, solve_seconds=seconds, diagnosis=tuple(diagnose(model, status)))
    picked = np.flatnonzero(chosen)
    order = picked[np.argsort(model.rank[picked])]
    return Selection(
        feasible=True,
        chosen=tuple(model.ids[i] for i in order),
        objective=float(model.merit[chosen].sum()),
        cost=float(model.cost[chosen].sum()),
        proven_optimal=status == "optimal",
        solve_seconds=seconds,
        explanations=tuple(explain(model, chosen)),
    )
