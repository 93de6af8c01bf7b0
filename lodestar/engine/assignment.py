"""Optimal reviewer assignment: maximum total affinity under loads, conflicts, forced pairs, quotas.

Method, chosen per problem (each is exact; the result says which ran and what it proved):

* **Min-cost flow** (OR-Tools, `assignment_network`) whenever the rules are a network: k per
  proposal, minimum and maximum loads (lower bounds on expert -> sink arcs), forced pairs (lower
  bound 1), and quotas that do not overlap (an intermediate node per (proposal, group) whose arc
  carries [at_least, at_most]). The network is built from numpy arrays in one pass.
* **Overlapping quotas** (`assignment_quotas`): a network restriction gives a feasible start, then
  an integer program on a small core of pairs, certified over every pair by Lagrangian reduced
  costs (`certified_program`). Falls back to the integer program over every pair
  (`assignment_ip`) only when the restriction has no feasible assignment.
* **Fairness** (`assignment_fair`): lexicographic max-min then max-total: the flow with the pairs
  the best possible floor rules in or out, when its optimum meets that floor; else certified
  integer programs at that floor, or at the highest floor found by a certified max-min program.
  With overlapping quotas it starts from the restricted network's assignment (any feasible one
  will do), not from the certified maximum total, which it would only throw away.

Integer costs: the flow is optimal for scores rounded to max|score| / 1e9, so its true objective is
at most `Assignment.error_bound` = (sum of k) * max|score| / 1e9 below the true optimum; the
integer-program paths report their proven gap there instead. On every shared benchmark the
objective equals the LP optimum within 1e-9 relative.

Infeasibility is never an exception: `solve` returns `Assignment(feasible=False, diagnosis=...)`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lodestar.engine.assignment_diagnosis import (
    Diagnosis,
    cut_reason,
    local_reasons,
    make_diagnosis,
    overlapping_quota_reasons,
)
from lodestar.engine.assignment_fair import solve_fair
from lodestar.engine.assignment_ip import solve_integer_program
from lodestar.engine.assignment_network import build_network, cost_scale, solve_network
from lodestar.engine.assignment_problem import AssignmentProblem, Prepared, Quota, prepare
from lodestar.engine.assignment_quotas import restricted_start, solve_overlapping_quotas
from lodestar.engine.flow import solve_min_cost_flow
from lodestar.engine.reasons import Reason

__all__ = ["AssignedPair", "Assignment", "AssignmentProblem", "Quota", "build_network", "solve"]

ProgressCallback = Callable[[str, float], None]


@dataclass(frozen=True)
class AssignedPair:
    proposal: str
    expert: str
    score: float
    forced: bool = False


@dataclass(frozen=True)
class Assignment:
    """The result. When `feasible`, `pairs` gives every proposal exactly its k experts.

    `objective` is the sum of the assigned scores (in the problem's floats);
    `worst_proposal_total` the smallest per-proposal sum (the fairness mode maximises it first);
    `proven_optimal` is False only when an integer program stopped at its time limit, or its
    proof stopped short of the 1e-9 relative gap (`error_bound` then says by how much).
    `error_bound` is proven: the optimum is at most `objective + error_bound`. In the fairness
    mode, `fairness_floor` is the highest floor every proposal's total can reach (held to a
    relative 1e-7 of the largest score) and `fairness_floor_gap` how far above it the true
    floor could still be (0 when proven; `error_bound` then bounds the total at that floor).
    """

    feasible: bool
    pairs: tuple[AssignedPair, ...] = ()
    objective: float = 0.0
    worst_proposal_total: float | None = None
    method: str = ""
    proven_optimal: bool = False
    error_bound: float = 0.0
    fairness_floor: float | None = None
    diagnosis: Diagnosis | None = None
    fairness_floor_gap: float = 0.0

    def experts_by_proposal(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for pair in self.pairs:
            out.setdefault(pair.proposal, []).append(pair.expert)
        return out

    def loads(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for pair in self.pairs:
            out[pair.expert] = out.get(pair.expert, 0) + 1
        return out


def solve(problem: AssignmentProblem, progress: ProgressCallback | None = None) -> Assignment:
    """The optimal assignment, or a diagnosis of why none exists. Deterministic for a given problem."""
    report = progress or _silent
    report("preparing", 0.0)
    deadline = None if problem.time_limit is None else time.monotonic() + problem.time_limit
    prep = prepare(problem)
    reasons = local_reasons(prep)
    if reasons:
        report("done", 1.0)
        return Assignment(False, method="diagnosis", diagnosis=make_diagnosis(prep, reasons))

    if prep.quotas_disjoint:
        report("solving the min-cost flow", 0.1)
        network = solve_network(prep)
        if network.chosen is None:
            flow = network.flow
            assert flow.source_side is not None
            reason = cut_reason(prep, flow.source_side, flow.excess, flow.cut_capacity)
            report("done", 1.0)
            return Assignment(False, method="min-cost flow", diagnosis=make_diagnosis(prep, [reason]))
        chosen = network.chosen
        result = _result(prep, chosen, "min-cost flow (OR-Tools)", True, network.error_bound, None)
    elif problem.fair and (start := restricted_start(prep)) is not None:
        # The fairness mode needs only a feasible start, not the maximum total: it proves its own.
        chosen = start
        result = _result(prep, chosen, "restricted network (start of the fairness mode)", False, np.inf, None)
    else:
        report("solving the integer program on a priced core", 0.1)
        certified = solve_overlapping_quotas(prep, deadline)
        if certified is not None and certified.values is not None and certified.status != "no_point":
            chosen = certified.values > 0.5
            method = "integer program on a priced core (HiGHS, certified over every pair)"
            result = _result(prep, chosen, method, certified.status == "optimal", certified.gap, None)
        else:
            report("solving the integer program over every pair", 0.2)
            left = None if deadline is None else deadline - time.monotonic()
            ip = solve_integer_program(prep, left)
            if ip.status != "optimal" and not ip.chosen.any():
                report("diagnosing", 0.9)
                return _infeasible_program(prep, ip.status == "time_limit", problem.time_limit)
            chosen = ip.chosen
            result = _result(prep, chosen, "integer program (HiGHS)", ip.proven_optimal, 0.0, None)
    if problem.fair and result.feasible:
        report("raising the worst-served proposal", 0.4)
        fair = solve_fair(prep, chosen, prep.quotas_disjoint, deadline)
        result = _result(
            prep,
            fair.chosen,
            f"lexicographic max-min, then total: {fair.method}",
            fair.proven_optimal,  # its own certificate: the max-total assignment is only its start
            fair.total_gap,
            fair.floor,
            fair.floor_gap,
        )
    report("done", 1.0)
    return result


def _result(
    prep: Prepared,
    chosen: np.ndarray,
    method: str,
    proven: bool,
    bound: float,
    floor: float | None,
    floor_gap: float = 0.0,
) -> Assignment:
    ids_p, ids_e = prep.problem.proposals, prep.problem.experts
    picked = np.flatnonzero(chosen)
    totals = np.bincount(prep.pp[picked], weights=prep.score[picked], minlength=prep.num_proposals)
    served = prep.k > 0
    pairs = tuple(
        AssignedPair(ids_p[prep.pp[i]], ids_e[prep.pe[i]], float(prep.score[i]), bool(prep.forced[i]))
        for i in picked
    )
    return Assignment(
        feasible=True,
        pairs=pairs,
        objective=float(prep.score[picked].sum()),
        worst_proposal_total=float(totals[served].min()) if served.any() else None,
        method=method,
        proven_optimal=proven,
        error_bound=bound,
        fairness_floor=floor,
        fairness_floor_gap=floor_gap,
    )


def _infeasible_program(prep: Prepared, timed_out: bool, time_limit: float | None) -> Assignment:
    """Explain an integer program that found nothing: a flow cut if the network part already fails."""
    if timed_out:
        reason = Reason(
            "time_limit",
            f"No assignment was found within the time limit of {time_limit} s; one may still exist.",
            {"time_limit": time_limit},
        )
        return Assignment(False, method="integer program (HiGHS)", diagnosis=make_diagnosis(prep, [reason]))
    num_nodes, arcs, supply = build_network(prep, cost_scale(prep.score), quotas=prep.quotas_disjoint)
    flow = solve_min_cost_flow(num_nodes, arcs, supply)
    if not flow.feasible:
        assert flow.source_side is not None
        reasons = [cut_reason(prep, flow.source_side, flow.excess, flow.cut_capacity)]
    else:
        reasons = overlapping_quota_reasons(prep)
    return Assignment(False, method="integer program (HiGHS)", diagnosis=make_diagnosis(prep, reasons))


def _silent(stage: str, fraction: float) -> None:
    return None
