"""Exact integer min-cost flow with lower bounds on arcs, built from numpy arrays.

OR-Tools' cost-scaling solver does the work; this module adds what it lacks: lower bounds (the
standard transformation: route the mandatory units first, solve for the rest) and, when the
supplies cannot all be routed, a minimum cut that proves it (a Hall-type certificate the
assignment diagnosis turns into words).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow


@dataclass(frozen=True, eq=False)
class Arcs:
    """Parallel arrays, one entry per arc. `lower <= upper`; costs are integers (minimised)."""

    tail: np.ndarray
    head: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    cost: np.ndarray

    @staticmethod
    def concat(parts: list[Arcs]) -> Arcs:
        return Arcs(
            *(
                np.concatenate([getattr(p, name) for p in parts]).astype(np.int64)
                for name in ("tail", "head", "lower", "upper", "cost")
            )
        )

    def __len__(self) -> int:
        return len(self.tail)


@dataclass(frozen=True, eq=False)
class FlowSolution:
    """Either an optimal flow (`feasible`) or a cut proving that none exists.

    When infeasible, `source_side` marks the nodes X of a minimum cut with
    `excess > cut_capacity`: the nodes in X must send `excess` units out (their net supply after
    lower bounds) but the arcs leaving X can carry only `cut_capacity`.
    """

    feasible: bool
    flow: np.ndarray
    cost: int
    source_side: np.ndarray | None = None
    excess: int = 0
    cut_capacity: int = 0


def solve_min_cost_flow(num_nodes: int, arcs: Arcs, supply: np.ndarray) -> FlowSolution:
    """Minimum-cost flow meeting every supply (positive) and demand (negative) exactly.

    Precondition: supplies sum to zero and `lower <= upper` on every arc (callers diagnose
    violations in words before getting here).
    """
    if int(supply.sum()) != 0:
        raise ValueError("supplies must sum to zero")
    if np.any(arcs.lower > arcs.upper):
        raise ValueError("an arc has a lower bound above its capacity")
    residual_supply = _supply_after_lower_bounds(num_nodes, arcs, supply)
    capacity = (arcs.upper - arcs.lower).astype(np.int64)
    if len(arcs) == 0:
        feasible = not np.any(residual_supply)
        return (
            FlowSolution(feasible, arcs.lower.copy(), 0)
            if feasible
            else _certificate(num_nodes, arcs.tail, arcs.head, capacity, residual_supply)
        )
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        arcs.tail.astype(np.int32), arcs.head.astype(np.int32), capacity, arcs.cost.astype(np.int64)
    )
    # OR-Tools sizes its graph from the arcs; isolated nodes with supply still need to exist.
    solver.set_nodes_supplies(np.arange(num_nodes, dtype=np.int32), residual_supply)
    status = solver.solve()
    if status == solver.OPTIMAL:
        flow = np.asarray(solver.flows(np.arange(len(arcs), dtype=np.int32)), dtype=np.int64) + arcs.lower
        return FlowSolution(True, flow, int(np.dot(flow, arcs.cost)))
    if status == solver.INFEASIBLE:
        return _certificate(num_nodes, arcs.tail, arcs.head, capacity, residual_supply)
    raise RuntimeError(f"min-cost flow failed with status {status}")


def _supply_after_lower_bounds(num_nodes: int, arcs: Arcs, supply: np.ndarray) -> np.ndarray:
    """Supplies once each arc's mandatory `lower` units have been sent along it."""
    out = np.bincount(arcs.tail, weights=arcs.lower, minlength=num_nodes)
    into = np.bincount(arcs.head, weights=arcs.lower, minlength=num_nodes)
    return (supply - np.rint(out).astype(np.int64) + np.rint(into).astype(np.int64)).astype(np.int64)


def _certificate(
    num_nodes: int, tail: np.ndarray, head: np.ndarray, capacity: np.ndarray, supply: np.ndarray
) -> FlowSolution:
    """A minimum cut between a super source (feeding supplies) and a super sink (taking demands)."""
    source, sink = num_nodes, num_nodes + 1
    nodes = np.arange(num_nodes, dtype=np.int64)
    givers, takers = nodes[supply > 0], nodes[supply < 0]
    solver = max_flow.SimpleMaxFlow()
    solver.add_arcs_with_capacity(
        np.concatenate([tail, np.full(len(givers), source), takers]).astype(np.int32),
        np.concatenate([head, givers, np.full(len(takers), sink)]).astype(np.int32),
        np.concatenate([capacity, supply[givers], -supply[takers]]).astype(np.int64),
    )
    if solver.solve(source, sink) != solver.OPTIMAL:
        raise RuntimeError("max flow failed while proving infeasibility")
    side = np.zeros(num_nodes, dtype=bool)
    cut = np.asarray(solver.get_source_side_min_cut(), dtype=np.int64)
    side[cut[cut < num_nodes]] = True
    leaving = side[tail] & ~side[head]
    return FlowSolution(
        feasible=False,
        flow=np.zeros(len(tail), dtype=np.int64),
        cost=0,
        source_side=side,
        excess=int(supply[side].sum()),
        cut_capacity=int(capacity[leaving].sum()),
    )
