"""Optimal reviewer assignment: maximum total affinity under loads, conflicts, forced pairs, quotas.

Method, chosen per problem:

* **Min-cost flow** (OR-Tools, exact, integer) whenever the rules are a network: k per proposal,
  minimum and maximum loads (lower bounds on expert -> sink arcs), forced pairs (lower bound 1),
  and quotas that do not overlap (an intermediate node per (proposal, group) whose arc carries
  [at_least, at_most]). The network is built from numpy arrays in one pass, never arc by arc.
* **Integer program** (HiGHS via scipy) when quotas overlap or the fairness mode is on; see
  `assignment_ip`.

Integer costs: a flow solver needs integers, so each score becomes round(score * scale) with
scale = 1e9 / max|score|. The flow is optimal for those costs, so its true objective is at most
`Assignment.error_bound` = (sum of k) * max|score| / 1e9 below the true optimum; on every shared
benchmark the objective equals the LP optimum within 1e-9 relative.

Infeasibility is never an exception: `solve` returns `Assignment(feasible=False, diagnosis=...)`.
"""

from __future__ import annotations

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
from lodestar.engine.assignment_ip import solve_fair, solve_integer_program
from lodestar.engine.assignment_problem import AssignmentProblem, Prepared, Quota, prepare
from lodestar.engine.flow import Arcs, solve_min_cost_flow
from lodestar.engine.reasons import Reason

__all__ = ["AssignedPair", "Assignment", "AssignmentProblem", "Quota", "solve"]

COST_RESOLUTION = 10**9

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
    `proven_optimal` is False only when an integer program stopped at its time limit.
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
    prep = prepare(problem)
    reasons = local_reasons(prep)
    if reasons:
        report("done", 1.0)
        return Assignment(False, method="diagnosis", diagnosis=make_diagnosis(prep, reasons))

    if prep.quotas_disjoint:
        report("solving the min-cost flow", 0.1)
        scale = _cost_scale(prep.score)
        num_nodes, arcs, supply = build_network(prep, scale)
        flow = solve_min_cost_flow(num_nodes, arcs, supply)
        if not flow.feasible:
            assert flow.source_side is not None
            reason = cut_reason(prep, flow.source_side, flow.excess, flow.cut_capacity)
            report("done", 1.0)
            return Assignment(False, method="min-cost flow", diagnosis=make_diagnosis(prep, [reason]))
        chosen = flow.flow[: len(prep.pp)] > 0
        result = _result(prep, chosen, "min-cost flow (OR-Tools)", True, float(prep.k.sum()) / scale, None)
    else:
        report("solving the integer program", 0.1)
        ip = solve_integer_program(prep, problem.time_limit)
        if ip.status != "optimal" and not ip.chosen.any():
            report("diagnosing", 0.9)
            return _infeasible_program(prep, ip.status == "time_limit", problem.time_limit)
        chosen = ip.chosen
        result = _result(prep, chosen, "integer program (HiGHS)", ip.proven_optimal, 0.0, None)
    if problem.fair and result.feasible:
        report("raising the worst-served proposal", 0.4)
        fair = solve_fair(prep, chosen, problem.time_limit)
        result = _result(
            prep,
            fair.chosen,
            "lexicographic max-min (CP-SAT, then HiGHS)",
            fair.proven_optimal,
            0.0,
            fair.fairness_floor,
        )
    report("done", 1.0)
    return result


def build_network(prep: Prepared, scale: float, quotas: bool = True) -> tuple[int, Arcs, np.ndarray]:
    """The flow network: proposals -> [quota nodes ->] experts -> sink.

    Nodes: proposals 0..P-1, experts P..P+E-1, the sink P+E, then one node per applying
    (quota, proposal). Arcs: the eligible pairs first, in `prep` order (so their flows are the
    first len(prep.pp) entries), then quota arcs, then expert arcs. Precondition when `quotas`:
    `prep.quotas_disjoint`.
    """
    num_p, num_e = prep.num_proposals, prep.num_experts
    sink = num_p + num_e
    tail = prep.pp.copy()
    quota_parts = []
    next_node = sink + 1
    for span in prep.quotas if quotas else ():
        applying = np.flatnonzero(span.applies)
        node_of = np.full(num_p, -1, dtype=np.int64)
        node_of[applying] = next_node + np.arange(len(applying))
        next_node += len(applying)
        tail[span.member] = node_of[prep.pp[span.member]]
        quota_parts.append(
            Arcs(
                applying,
                node_of[applying],
                span.at_least[applying],
                span.at_most[applying],
                np.zeros(len(applying), dtype=np.int64),
            )
        )
    pair_arcs = Arcs(
        tail,
        num_p + prep.pe,
        prep.forced.astype(np.int64),
        np.ones(len(prep.pp), dtype=np.int64),
        -np.rint(prep.score * scale).astype(np.int64),
    )
    expert_arcs = Arcs(
        num_p + np.arange(num_e),
        np.full(num_e, sink),
        prep.min_load,
        prep.max_load,
        np.zeros(num_e, dtype=np.int64),
    )
    supply = np.zeros(next_node, dtype=np.int64)
    supply[:num_p] = prep.k
    supply[sink] = -int(prep.k.sum())
    return next_node, Arcs.concat([pair_arcs, *quota_parts, expert_arcs]), supply


def _cost_scale(score: np.ndarray) -> float:
    largest = float(np.abs(score).max()) if len(score) else 0.0
    return COST_RESOLUTION / largest if largest > 0 else 1.0


def _result(
    prep: Prepared, chosen: np.ndarray, method: str, proven: bool, bound: float, floor: float | None
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
    num_nodes, arcs, supply = build_network(prep, _cost_scale(prep.score), quotas=prep.quotas_disjoint)
    flow = solve_min_cost_flow(num_nodes, arcs, supply)
    if not flow.feasible:
        assert flow.source_side is not None
        reasons = [cut_reason(prep, flow.source_side, flow.excess, flow.cut_capacity)]
    else:
        reasons = overlapping_quota_reasons(prep)
    return Assignment(False, method="integer program (HiGHS)", diagnosis=make_diagnosis(prep, reasons))


def _silent(stage: str, fraction: float) -> None:
    return None
