"""The cohort-selection model: candidates and rules as data, and the integer program over them.

Maximise the total merit of the chosen proposals subject to: total cost within the budget; a
minimum and maximum number selected; per-challenge minimum and maximum counts; no nation above a
maximum share of those selected; a minimum number of nations; a minimum per organisation type;
excluded and forced proposals.

Solved exactly by HiGHS (`scipy.optimize.milp`, relative gap 1e-9): a few thousand binaries and a
few dozen rows. The nation share is linear: count(n) <= share x count(all). The minimum number of
nations uses one binary per nation that can be 1 only if a proposal from that nation is chosen.
Every rule belongs to a family (`FAMILIES`) that can be switched off, which is how a diagnosis
finds the rules that cannot be met together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

MIP_REL_GAP = 1e-9


@dataclass(frozen=True)
class Candidate:
    id: str
    merit: float
    cost: float = 0.0
    challenge: str = ""
    nation: str = ""
    organisation_type: str = ""


@dataclass(frozen=True)
class SelectionProblem:
    """The candidates and the rules. `max_nation_share` is a fraction (0.15 for 15 %).

    `explain`: how many proposals on each side of the line get their reasons (plus every chosen
    proposal ranked below an unchosen one, and those in `explain_also`).
    """

    candidates: Sequence[Candidate]
    budget: float | None = None
    min_selected: int = 0
    max_selected: int | None = None
    challenge_min: Mapping[str, int] = field(default_factory=dict)
    challenge_max: Mapping[str, int] = field(default_factory=dict)
    max_nation_share: float | None = None
    min_nations: int = 0
    organisation_type_min: Mapping[str, int] = field(default_factory=dict)
    excluded: frozenset[str] = frozenset()
    forced: frozenset[str] = frozenset()
    explain: int = 5
    explain_also: frozenset[str] = frozenset()
    time_limit: float | None = 60.0

    def __post_init__(self) -> None:
        ids = [c.id for c in self.candidates]
        if len(set(ids)) != len(ids):
            raise ValueError("candidate ids must be unique")
        if self.max_nation_share is not None and not 0 <= self.max_nation_share <= 1:
            raise ValueError("max_nation_share is a fraction between 0 and 1")


FAMILIES = (
    "budget",
    "count",
    "challenge_min",
    "challenge_max",
    "nation_share",
    "min_nations",
    "organisation_type_min",
    "forced",
)


@dataclass(frozen=True, eq=False)
class Model:
    """The problem as arrays: groups are integer codes per candidate, in first-seen order."""

    problem: SelectionProblem
    ids: tuple[str, ...]
    merit: np.ndarray
    cost: np.ndarray
    challenge: np.ndarray
    challenges: tuple[str, ...]
    nation: np.ndarray
    nations: tuple[str, ...]
    org_type: np.ndarray
    org_types: tuple[str, ...]
    rank: np.ndarray  # 1-based rank by merit, ties by input order

    @classmethod
    def of(cls, problem: SelectionProblem) -> Model:
        cands = problem.candidates
        merit = np.array([c.merit for c in cands], dtype=float)
        order = np.lexsort((np.arange(len(cands)), -merit))
        rank = np.empty(len(cands), dtype=np.int64)
        rank[order] = np.arange(1, len(cands) + 1)
        challenge, challenges = _codes([c.challenge for c in cands])
        nation, nations = _codes([c.nation for c in cands])
        org_type, org_types = _codes([c.organisation_type for c in cands])
        return cls(
            problem,
            tuple(c.id for c in cands),
            merit,
            np.array([c.cost for c in cands], dtype=float),
            challenge,
            challenges,
            nation,
            nations,
            org_type,
            org_types,
            rank,
        )

    def index(self, ids: frozenset[str]) -> np.ndarray:
        wanted = np.array([i in ids for i in self.ids], dtype=bool)
        return np.flatnonzero(wanted)

    def solve(
        self,
        force_in: Sequence[int] = (),
        force_out: Sequence[int] = (),
        drop: frozenset[str] = frozenset(),
        time_limit: float | None = None,
    ) -> tuple[str, np.ndarray | None]:
        """("optimal" | "time_limit" | "infeasible", chosen mask or None), with families in `drop` off."""
        p = self.problem
        n, num_nations = len(self.ids), len(self.nations)
        use_nations = p.min_nations > 0 and "min_nations" not in drop
        # Columns: x (one per candidate), then N = how many are chosen, then y (one per nation).
        # N keeps the nation-share rows sparse: count(n) - share * N <= 0 rather than a dense row
        # over every candidate, which made HiGHS several times slower.
        total = n
        width = n + 1 + (num_nations if use_nations else 0)
        rows: list[sparse.csr_matrix] = []
        lower: list[float] = []
        upper: list[float] = []

        def add(matrix: np.ndarray | sparse.spmatrix, lo: Sequence[float], hi: Sequence[float]) -> None:
            block = sparse.csr_matrix(matrix)
            if block.shape[1] < width:
                block = sparse.hstack([block, sparse.csr_matrix((block.shape[0], width - block.shape[1]))])
            rows.append(block.tocsr())
            lower.extend(lo)
            upper.extend(hi)

        def members(codes: np.ndarray, count: int) -> sparse.csr_matrix:
            return sparse.csr_matrix((np.ones(n), (codes, np.arange(n))), shape=(count, n))

        add(np.concatenate([np.ones(n), [-1.0]])[None, :], [0.0], [0.0])
        if p.budget is not None and "budget" not in drop:
            add(self.cost[None, :], [-np.inf], [p.budget])
        if (p.min_selected or p.max_selected is not None) and "count" not in drop:
            count = np.zeros((1, width))
            count[0, total] = 1.0
            add(count, [p.min_selected], [np.inf if p.max_selected is None else p.max_selected])
        by_challenge = members(self.challenge, len(self.challenges))
        for family, bounds, is_min in (
            ("challenge_min", p.challenge_min, True),
            ("challenge_max", p.challenge_max, False),
        ):
            picked = [i for i, c in enumerate(self.challenges) if c in bounds]
            if picked and family not in drop:
                limits = [float(bounds[self.challenges[i]]) for i in picked]
                add(
                    by_challenge[picked],
                    limits if is_min else [-np.inf] * len(picked),
                    [np.inf] * len(picked) if is_min else limits,
                )
        by_nation = members(self.nation, num_nations)
        named = [i for i, code in enumerate(self.nations) if code]
        if p.max_nation_share is not None and named and "nation_share" not in drop:
            add(
                sparse.hstack(
                    [by_nation[named], sparse.csr_matrix(np.full((len(named), 1), -p.max_nation_share))]
                ),
                [-np.inf] * len(named),
                [0.0] * len(named),
            )
        if use_nations:
            # y_n <= count(n), and sum(y) >= min_nations; a blank nation does not count as one.
            y = sparse.identity(num_nations, format="csr")
            add(
                sparse.hstack([-by_nation, sparse.csr_matrix((num_nations, 1)), y]),
                [-np.inf] * num_nations,
                [0.0] * num_nations,
            )
            counted = np.array([1.0 if code else 0.0 for code in self.nations])
            add(np.concatenate([np.zeros(n + 1), counted])[None, :], [p.min_nations], [np.inf])
        type_min = [i for i, t in enumerate(self.org_types) if t in p.organisation_type_min]
        if type_min and "organisation_type_min" not in drop:
            add(
                members(self.org_type, len(self.org_types))[type_min],
                [float(p.organisation_type_min[self.org_types[i]]) for i in type_min],
                [np.inf] * len(type_min),
            )

        # A minimum on a challenge or type no candidate has can never be met.
        unmet = (
            "challenge_min" not in drop
            and any(n > 0 and c not in self.challenges for c, n in p.challenge_min.items())
        ) or (
            "organisation_type_min" not in drop
            and any(n > 0 and t not in self.org_types for t, n in p.organisation_type_min.items())
        )
        if unmet:
            return "infeasible", None
        lo_bound = np.zeros(width)
        hi_bound = np.ones(width)
        hi_bound[total] = n
        hi_bound[self.index(p.excluded)] = 0.0
        if "forced" not in drop:
            lo_bound[self.index(p.forced)] = 1.0
        lo_bound[list(force_in)] = 1.0
        hi_bound[list(force_out)] = 0.0
        if np.any(lo_bound > hi_bound):
            return "infeasible", None
        cost = np.concatenate([-self.merit, np.zeros(width - n)])
        options: dict[str, object] = {"mip_rel_gap": MIP_REL_GAP}
        if time_limit is not None:
            options["time_limit"] = time_limit
        constraints = [LinearConstraint(sparse.vstack(rows).tocsr(), lower, upper)] if rows else []
        result = milp(
            cost,
            constraints=constraints,
            integrality=np.ones(width),
            bounds=Bounds(lo_bound, hi_bound),
            options=options,
        )
        if result.x is None:
            return ("infeasible" if result.status == 2 else "time_limit"), None
        return ("optimal" if result.status == 0 else "time_limit"), result.x[:n] > 0.5


def _codes(values: Sequence[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    labels = tuple(dict.fromkeys(values))
    index = {v: i for i, v in enumerate(labels)}
    return np.array([index[v] for v in values], dtype=np.int64), labels
