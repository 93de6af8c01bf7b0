"""Overlapping quotas, exactly: a network restriction for a start, then a certified integer program.

Why not a network. "At least one from the business pool" and "at most one from the applicant's
nation" on one proposal count sets that cross (an expert can be both), and with the experts'
loads the constraint matrix is no longer totally unimodular: its linear relaxation can be
fractional. Example (tests/engine/test_assignment_quotas.py): p1 needs two of {b, t, z}, p2 two of
{b, t, x, y}; b and t take one proposal each; b, x, z are business; b and y share p2's nation.
Every pair at 1/2 (z at 1) meets every row with total 3.5, but the best assignment scores 3.
So the flow can only bound or start the search, and the optimum needs an integer program.

Method:
1. A *restriction* that is a network. A pair that counts towards two quotas on its proposal is
   counted in one only: in the quota that caps it ("at most" below k) if there is one, else in
   the first. Not counting a pair towards an "at least" can only make that quota harder, so
   every assignment of the restricted network meets the real quotas; a pair that two quotas cap
   is left out (it cannot be counted twice in a flow). Its min-cost flow is a feasible
   assignment in 0.3 s: the incumbent, and the seed of the core.
2. The integer program of `assignment_program.max_total_program` on a core (the incumbent and
   each proposal's best few candidates), grown by pricing and certified over every pair by
   `certified_program.solve_program`: the answer is optimal to a relative 1e-9, with its gap.

If the restriction has no feasible assignment (the overlap is needed to meet a quota), the
caller falls back to the integer program over every pair.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from lodestar.engine.assignment_network import solve_network
from lodestar.engine.assignment_problem import Prepared
from lodestar.engine.assignment_program import best_candidates, max_total_program
from lodestar.engine.certified_program import ProgramSolution, solve_program

CORE_CANDIDATES = 3  # per proposal, besides the incumbent (2, 3, 5 and 8 measured alike: 1.6-3 s loaded)


def solve_overlapping_quotas(prep: Prepared, deadline: float | None) -> ProgramSolution | None:
    """The certified optimum, or None when the restricted network has no feasible assignment."""
    start = restricted_start(prep)
    if start is None:
        return None
    core = start | best_candidates(prep, CORE_CANDIDATES)
    return solve_program(max_total_program(prep), core, start.astype(float), deadline)


def restricted_start(prep: Prepared) -> np.ndarray | None:
    """The best assignment of the restricted network (docstring, 1) as a mask over the pairs: it
    meets every rule; None when the restriction has no feasible assignment."""
    restricted, kept = restrict_quotas(prep)
    start = solve_network(restricted)
    if start.chosen is None:
        return None
    chosen = np.zeros(len(prep.pp), dtype=bool)
    chosen[np.flatnonzero(kept)[start.chosen]] = True
    return chosen


def restrict_quotas(prep: Prepared) -> tuple[Prepared, np.ndarray]:
    """A network version of `prep` whose every assignment meets the real quotas (docstring, 1).

    Returns the restricted problem (over the kept pairs only) and the mask of pairs kept.
    """
    if not prep.quotas:
        return prep, np.ones(len(prep.pp), dtype=bool)
    member = np.array([span.member for span in prep.quotas])
    caps = np.array([span.member & (span.at_most[prep.pp] < prep.k[prep.pp]) for span in prep.quotas])
    shared = member.sum(axis=0) >= 2
    kept = ~(shared & (caps.sum(axis=0) >= 2))
    counted_in = np.where(caps.any(axis=0), caps.argmax(axis=0), member.argmax(axis=0))
    quotas = []
    for q, span in enumerate(prep.quotas):
        counted = np.where(shared, counted_in == q, span.member) & span.member
        quotas.append(replace(span, member=counted[kept]))
    restricted = replace(
        prep,
        pp=prep.pp[kept],
        pe=prep.pe[kept],
        score=prep.score[kept],
        forced=prep.forced[kept],
        quotas=tuple(quotas),
    )
    return restricted, kept
