"""Why no assignment exists, in words a programme officer can act on.

Every reason here is a proof, not a guess: each local check is a sufficient condition for
infeasibility, and when none fires the minimum cut of the flow network names the set of proposals
whose demand exceeds what their eligible experts can give (Hall's condition, generalised to loads,
quotas and forced pairs).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from lodestar.engine.assignment_problem import Prepared
from lodestar.engine.reasons import Reason, listing


@dataclass(frozen=True)
class Diagnosis:
    """The reasons an assignment is impossible, and the headline totals behind them."""

    reasons: tuple[Reason, ...]
    total_demand: int
    total_capacity: int
    total_min_load: int

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.reasons)


def make_diagnosis(prep: Prepared, reasons: list[Reason]) -> Diagnosis:
    eligible_per_expert = np.bincount(prep.pe, minlength=prep.num_experts)
    return Diagnosis(
        reasons=tuple(reasons),
        total_demand=int(prep.k.sum()),
        total_capacity=int(np.minimum(prep.max_load, eligible_per_expert).sum()),
        total_min_load=int(prep.min_load.sum()),
    )


def local_reasons(prep: Prepared) -> list[Reason]:
    """Checks that each prove infeasibility on their own; empty when none applies."""
    return [
        *_forced_reasons(prep),
        *_proposal_reasons(prep),
        *_expert_reasons(prep),
        *_total_reasons(prep),
        *_quota_reasons(prep),
    ]


def _forced_reasons(prep: Prepared) -> list[Reason]:
    reasons = []
    if prep.forced_not_candidate:
        pairs = [f"{p}/{e}" for p, e in prep.forced_not_candidate]
        reasons.append(
            Reason(
                "forced_pair_not_candidate",
                f"Forced pairs that are not candidate pairs: {listing(pairs)}.",
                {"pairs": [list(x) for x in prep.forced_not_candidate]},
            )
        )
    if prep.forced_conflicted:
        pairs = [f"{p}/{e}" for p, e in prep.forced_conflicted]
        reasons.append(
            Reason(
                "forced_pair_conflicted",
                f"Forced pairs that are also conflicts: {listing(pairs)}.",
                {"pairs": [list(x) for x in prep.forced_conflicted]},
            )
        )
    return reasons


def _proposal_reasons(prep: Prepared) -> list[Reason]:
    ids = prep.problem.proposals
    available = np.bincount(prep.pp, minlength=prep.num_proposals)
    forced = np.bincount(prep.pp[prep.forced], minlength=prep.num_proposals)
    reasons = []
    short = np.flatnonzero(available < prep.k)
    if len(short):
        rows = [
            {
                "proposal": ids[i],
                "needed": int(prep.k[i]),
                "available": int(available[i]),
                "removed_by_conflicts": int(prep.conflicted_per_proposal[i]),
            }
            for i in short
        ]
        parts = [
            f"{r['proposal']} ({r['available']} of {r['needed']}"
            + (f"; {r['removed_by_conflicts']} removed by conflicts)" if r["removed_by_conflicts"] else ")")
            for r in rows
        ]
        reasons.append(
            Reason(
                "too_few_candidates",
                f"{len(rows)} proposal(s) have fewer eligible experts than they need: {listing(parts)}.",
                {"proposals": rows},
            )
        )
    over = np.flatnonzero(forced > prep.k)
    if len(over):
        rows = [{"proposal": ids[i], "forced": int(forced[i]), "needed": int(prep.k[i])} for i in over]
        parts = [f"{r['proposal']} ({r['forced']} forced, {r['needed']} needed)" for r in rows]
        reasons.append(
            Reason(
                "forced_over_per_proposal",
                f"{len(rows)} proposal(s) have more forced experts than they need: {listing(parts)}.",
                {"proposals": rows},
            )
        )
    return reasons


def _expert_reasons(prep: Prepared) -> list[Reason]:
    ids = prep.problem.experts
    available = np.bincount(prep.pe, minlength=prep.num_experts)
    forced = np.bincount(prep.pe[prep.forced], minlength=prep.num_experts)
    checks = [
        (
            "min_load_above_max_load",
            prep.min_load > prep.max_load,
            "have a minimum load above their maximum",
            lambda i: f"min {prep.min_load[i]}, max {prep.max_load[i]}",
        ),
        (
            "expert_too_few_candidates",
            prep.min_load > available,
            "cannot reach their minimum load: too few eligible proposals",
            lambda i: f"{available[i]} eligible, minimum {prep.min_load[i]}",
        ),
        (
            "forced_over_max_load",
            forced > prep.max_load,
            "have more forced proposals than their maximum load",
            lambda i: f"{forced[i]} forced, max {prep.max_load[i]}",
        ),
    ]
    reasons = []
    for code, mask, what, detail in checks:
        rows = np.flatnonzero(mask)
        if len(rows):
            reasons.append(
                Reason(
                    code,
                    f"{len(rows)} expert(s) {what}: {listing([f'{ids[i]} ({detail(i)})' for i in rows])}.",
                    {
                        "experts": [ids[i] for i in rows],
                        "min_load": [int(prep.min_load[i]) for i in rows],
                        "max_load": [int(prep.max_load[i]) for i in rows],
                        "eligible": [int(available[i]) for i in rows],
                        "forced": [int(forced[i]) for i in rows],
                    },
                )
            )
    return reasons


def _total_reasons(prep: Prepared) -> list[Reason]:
    diagnosis = make_diagnosis(prep, [])
    demand, capacity, min_total = diagnosis.total_demand, diagnosis.total_capacity, diagnosis.total_min_load
    reasons = []
    if demand > capacity:
        reasons.append(
            Reason(
                "demand_exceeds_capacity",
                f"Proposals need {demand} reviews in all, but experts can take at most {capacity} "
                f"(each expert's maximum load, capped by the proposals it may review).",
                {"demand": demand, "capacity": capacity},
            )
        )
    if min_total > demand:
        reasons.append(
            Reason(
                "min_load_exceeds_demand",
                f"Experts' minimum loads add up to {min_total} reviews, but proposals need only {demand}.",
                {"demand": demand, "min_load": min_total},
            )
        )
    return reasons


def _quota_reasons(prep: Prepared) -> list[Reason]:
    ids = prep.problem.proposals
    reasons = []
    for span in prep.quotas:
        name = span.quota.name
        members = np.bincount(prep.pp[span.member], minlength=prep.num_proposals)
        others = np.bincount(prep.pp[~span.member], minlength=prep.num_proposals)
        forced_in = np.bincount(prep.pp[span.member & prep.forced], minlength=prep.num_proposals)
        rows = np.flatnonzero(span.applies & (members < span.at_least))
        if len(rows):
            parts = [f"{ids[i]} ({members[i]} eligible, at least {span.at_least[i]})" for i in rows]
            reasons.append(
                Reason(
                    "quota_pool_too_small",
                    f"Quota '{name}': {len(rows)} proposal(s) have too few eligible experts in the group: "
                    f"{listing(parts)}.",
                    {
                        "quota": name,
                        "proposals": [ids[i] for i in rows],
                        "eligible": [int(members[i]) for i in rows],
                        "at_least": [int(span.at_least[i]) for i in rows],
                    },
                )
            )
        rows = np.flatnonzero(span.applies & (others < prep.k - span.at_most))
        if len(rows):
            parts = [
                f"{ids[i]} ({others[i]} outside the group, {prep.k[i] - span.at_most[i]} needed)"
                for i in rows
            ]
            reasons.append(
                Reason(
                    "quota_cap_too_tight",
                    f"Quota '{name}': {len(rows)} proposal(s) cannot find enough experts outside the group: "
                    f"{listing(parts)}.",
                    {
                        "quota": name,
                        "proposals": [ids[i] for i in rows],
                        "outside": [int(others[i]) for i in rows],
                        "needed": [int(prep.k[i] - span.at_most[i]) for i in rows],
                    },
                )
            )
        rows = np.flatnonzero(forced_in > span.at_most)
        if len(rows):
            reasons.append(
                Reason(
                    "forced_over_quota",
                    f"Quota '{name}': forced pairs exceed the maximum on {listing([ids[i] for i in rows])}.",
                    {"quota": name, "proposals": [ids[i] for i in rows]},
                )
            )
        if span.quota.group is not None:
            reasons.extend(_pool_capacity_reason(prep, span.quota.name, span.member, span.at_least))
    return reasons


def _pool_capacity_reason(
    prep: Prepared, name: str, member: np.ndarray, at_least: np.ndarray
) -> list[Reason]:
    """A fixed pool (e.g. "business") must give `at_least` to every proposal out of its members' loads."""
    pool = np.zeros(prep.num_experts, dtype=bool)
    pool[prep.pe[member]] = True
    per_expert = np.bincount(prep.pe[member], minlength=prep.num_experts)
    need, room = int(at_least.sum()), int(np.minimum(prep.max_load, per_expert)[pool].sum())
    if need <= room:
        return []
    return [
        Reason(
            "quota_pool_capacity",
            f"Quota '{name}': proposals need at least {need} reviews from the group, but its "
            f"{int(pool.sum())} eligible expert(s) can take at most {room}.",
            {"quota": name, "needed": need, "capacity": room, "experts": int(pool.sum())},
        )
    ]


def cut_reason(prep: Prepared, side: np.ndarray, excess: int, capacity: int) -> Reason:
    """Words for a minimum cut over the network built by `assignment.build_network`.

    Nodes 0..P-1 are proposals, P..P+E-1 experts; `side` marks the cut's source side.
    """
    num_p, num_e = prep.num_proposals, prep.num_experts
    proposals = [prep.problem.proposals[i] for i in np.flatnonzero(side[:num_p] & (prep.k > 0))]
    reachable = [prep.problem.experts[i] for i in np.flatnonzero(side[num_p : num_p + num_e])]
    starved = [
        prep.problem.experts[i] for i in np.flatnonzero(~side[num_p : num_p + num_e] & (prep.min_load > 0))
    ]
    text = (
        f"No assignment exists: proposals {listing(proposals)} ({len(proposals)} in all) still need "
        f"{excess} reviews between them, but the experts who may review them can take only {capacity} more."
    )
    if starved:
        text += f" Experts with minimum loads on the other side: {listing(starved)}."
    return Reason(
        "proposals_cannot_be_covered",
        text,
        {
            "proposals": proposals,
            "experts": reachable,
            "needed": excess,
            "capacity": capacity,
            "experts_below_min_load": starved,
        },
    )


def overlapping_quota_reasons(prep: Prepared) -> list[Reason]:
    """When the loads alone are satisfiable, find proposals whose overlapping quotas clash.

    Each proposal is checked on its own: can k experts be drawn from its eligible pairs, grouped
    by which quotas they count towards, meeting every quota? Proposals with the same pattern share
    one tiny integer program.
    """
    num_q = len(prep.quotas)
    signature = np.zeros(len(prep.pp), dtype=np.int64)
    for j, span in enumerate(prep.quotas):
        signature |= span.member.astype(np.int64) << j
    cells = 1 << num_q
    counts = np.zeros((prep.num_proposals, cells), dtype=np.int64)
    np.add.at(counts, (prep.pp, signature), 1)
    forced = np.zeros_like(counts)
    np.add.at(forced, (prep.pp[prep.forced], signature[prep.forced]), 1)
    cache: dict[tuple[object, ...], bool] = {}
    clashing = []
    for p in range(prep.num_proposals):
        bounds = tuple((bool(s.applies[p]), int(s.at_least[p]), int(s.at_most[p])) for s in prep.quotas)
        key = (int(prep.k[p]), tuple(counts[p]), tuple(forced[p]), bounds)
        if key not in cache:
            cache[key] = _cells_feasible(int(prep.k[p]), counts[p], forced[p], bounds)
        if not cache[key]:
            clashing.append(prep.problem.proposals[p])
    names = [s.quota.name for s in prep.quotas]
    if clashing:
        return [
            Reason(
                "quotas_clash",
                f"{len(clashing)} proposal(s) cannot meet the quotas {listing(names)} together with "
                f"their eligible experts: {listing(clashing)}.",
                {"quotas": names, "proposals": clashing},
            )
        ]
    return [
        Reason(
            "quotas_exceed_loads",
            f"Each proposal can meet the quotas {listing(names)} on its own, but not all at once within "
            f"the experts' loads: the groups' experts are needed by more proposals than they can take.",
            {"quotas": names},
        )
    ]


def _cells_feasible(
    k: int, counts: np.ndarray, forced: np.ndarray, bounds: tuple[tuple[bool, int, int], ...]
) -> bool:
    cells = len(counts)
    rows, lower, upper = [np.ones(cells)], [k], [k]
    for j, (applies, at_least, at_most) in enumerate(bounds):
        if applies:
            rows.append(np.array([(c >> j) & 1 for c in range(cells)], dtype=float))
            lower.append(at_least)
            upper.append(at_most)
    result = milp(
        np.zeros(cells),
        constraints=LinearConstraint(np.array(rows), lower, upper),
        integrality=np.ones(cells),
        bounds=Bounds(forced.astype(float), counts.astype(float)),
    )
    return bool(result.status == 0)
