"""The assignment as a min-cost flow network, for every rule set that is a network.

Integer costs: a flow solver needs integers, so each score becomes round(score * scale) with
scale = COST_RESOLUTION / max|score|. The flow is optimal for those costs, so its true objective is
at most (sum of k) * max|score| / COST_RESOLUTION below the true optimum (`error_bound`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lodestar.engine.assignment_problem import Prepared
from lodestar.engine.flow import Arcs, FlowSolution, solve_min_cost_flow

COST_RESOLUTION = 10**9


@dataclass(frozen=True, eq=False)
class NetworkSolution:
    """`chosen` marks the eligible pairs assigned (None when infeasible, then `flow` has the cut)."""

    chosen: np.ndarray | None
    flow: FlowSolution
    error_bound: float


def solve_network(prep: Prepared, quotas: bool = True) -> NetworkSolution:
    """The maximum-total assignment of the network `build_network` makes of `prep`."""
    scale = cost_scale(prep.score)
    num_nodes, arcs, supply = build_network(prep, scale, quotas)
    flow = solve_min_cost_flow(num_nodes, arcs, supply)
    chosen = flow.flow[: len(prep.pp)] > 0 if flow.feasible else None
    return NetworkSolution(chosen, flow, float(prep.k.sum()) / scale)


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


def cost_scale(score: np.ndarray) -> float:
    largest = float(np.abs(score).max()) if len(score) else 0.0
    return COST_RESOLUTION / largest if largest > 0 else 1.0
