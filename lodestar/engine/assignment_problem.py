"""The reviewer-assignment problem as data, and its preparation into index arrays.

`AssignmentProblem` is what callers build (the web adapter, the command line, the benchmark);
`prepare` turns it into the arrays every solver and the diagnosis share, so that conflicts,
overrides and quotas are interpreted in exactly one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True, eq=False)
class Quota:
    """A bound, on every proposal, on how many of its experts come from one group.

    On proposal p the quota counts the experts whose label in `expert_groups` equals `group` (a
    fixed pool, e.g. "business") or, when `group` is None, equals p's own label in
    `proposal_groups` (e.g. the applicant's nation); a proposal without a label is not bound.
    A quota never asks for more experts than the proposal needs: `at_least` is capped at its k.
    """

    name: str
    expert_groups: Mapping[str, str]
    group: str | None = None
    proposal_groups: Mapping[str, str] = field(default_factory=dict)
    at_least: int = 0
    at_most: int | None = None

    def __post_init__(self) -> None:
        if self.at_least < 0 or (self.at_most is not None and self.at_most < 0):
            raise ValueError(f"quota {self.name!r}: bounds must not be negative")
        if self.group is None and not self.proposal_groups:
            raise ValueError(f"quota {self.name!r}: give a fixed group or the proposals' groups")


@dataclass(frozen=True, eq=False)
class AssignmentProblem:
    """Who may review what, how many each, and the rules; the engine maximises total affinity.

    Candidate pairs are parallel arrays (`pair_proposal`, `pair_expert` index `proposals` and
    `experts`; `pair_score` is the affinity): a pair not listed is never assigned, which keeps a
    10,000 x 10,000 call sparse. Every proposal gets exactly its k experts (`per_proposal`,
    overridable); every expert takes between its minimum and maximum load (`max_load=None`: no
    limit). Pairs in `conflicts` are never assigned; pairs in `forced` always are.
    `fair=True` first maximises the worst-served proposal's total affinity, then the total.
    `time_limit` (seconds) bounds the integer-program paths only; the flow path is always exact.
    """

    proposals: tuple[str, ...]
    experts: tuple[str, ...]
    pair_proposal: np.ndarray
    pair_expert: np.ndarray
    pair_score: np.ndarray
    per_proposal: int = 3
    min_load: int = 0
    max_load: int | None = None
    per_proposal_overrides: Mapping[str, int] = field(default_factory=dict)
    min_load_overrides: Mapping[str, int] = field(default_factory=dict)
    max_load_overrides: Mapping[str, int] = field(default_factory=dict)
    conflicts: frozenset[tuple[str, str]] = frozenset()
    forced: frozenset[tuple[str, str]] = frozenset()
    quotas: tuple[Quota, ...] = ()
    fair: bool = False
    time_limit: float | None = None

    def __post_init__(self) -> None:
        for name, ids in (("proposal", self.proposals), ("expert", self.experts)):
            if len(set(ids)) != len(ids):
                raise ValueError(f"{name} ids must be unique")
        pp = np.asarray(self.pair_proposal, dtype=np.int64)
        pe = np.asarray(self.pair_expert, dtype=np.int64)
        ps = np.asarray(self.pair_score, dtype=np.float64)
        if not (pp.shape == pe.shape == ps.shape) or pp.ndim != 1:
            raise ValueError("pair arrays must be one-dimensional and of equal length")
        if len(pp) and (
            pp.min() < 0 or pp.max() >= len(self.proposals) or pe.min() < 0 or pe.max() >= len(self.experts)
        ):
            raise ValueError("a pair refers to an unknown proposal or expert")
        if not np.all(np.isfinite(ps)):
            raise ValueError("scores must be finite (leave a pair out rather than scoring it NaN)")
        # One canonical order (by proposal, then expert) makes results independent of input order.
        order = np.lexsort((pe, pp))
        pp, pe, ps = pp[order], pe[order], ps[order]
        if len(pp) > 1 and np.any((np.diff(pp) == 0) & (np.diff(pe) == 0)):
            raise ValueError("a candidate pair is listed twice")
        object.__setattr__(self, "pair_proposal", pp)
        object.__setattr__(self, "pair_expert", pe)
        object.__setattr__(self, "pair_score", ps)

    @classmethod
    def from_scores(
        cls,
        scores: Iterable[tuple[str, str, float]],
        *,
        proposals: Sequence[str] | None = None,
        experts: Sequence[str] | None = None,
        **options: object,
    ) -> AssignmentProblem:
        """Build from (proposal, expert, score) rows; ids default to those seen, in first-seen order."""
        rows = list(scores)
        p_ids = list(proposals) if proposals is not None else list(dict.fromkeys(r[0] for r in rows))
        e_ids = list(experts) if experts is not None else list(dict.fromkeys(r[1] for r in rows))
        p_index = {p: i for i, p in enumerate(p_ids)}
        e_index = {e: i for i, e in enumerate(e_ids)}
        try:
            pp = np.fromiter((p_index[r[0]] for r in rows), dtype=np.int64, count=len(rows))
            pe = np.fromiter((e_index[r[1]] for r in rows), dtype=np.int64, count=len(rows))
        except KeyError as missing:
            raise ValueError(f"a score row names an unknown id: {missing}") from None
        ps = np.fromiter((float(r[2]) for r in rows), dtype=np.float64, count=len(rows))
        return cls(tuple(p_ids), tuple(e_ids), pp, pe, ps, **options)  # type: ignore[arg-type]  # options are the dataclass's keyword fields

    @classmethod
    def from_matrix(
        cls, matrix: np.ndarray, proposals: Sequence[str], experts: Sequence[str], **options: object
    ) -> AssignmentProblem:
        """Build from a dense proposals x experts matrix; NaN marks a pair that may not be assigned."""
        matrix = np.asarray(matrix, dtype=np.float64)
        pp, pe = np.nonzero(~np.isnan(matrix))
        return cls(tuple(proposals), tuple(experts), pp, pe, matrix[pp, pe], **options)  # type: ignore[arg-type]  # as above


@dataclass(frozen=True, eq=False)
class QuotaSpan:
    """One quota resolved to arrays: where it applies, which eligible pairs count, its bounds."""

    quota: Quota
    applies: np.ndarray  # bool per proposal
    member: np.ndarray  # bool per eligible pair
    at_least: np.ndarray  # int per proposal (0 where it does not apply)
    at_most: np.ndarray  # int per proposal (k where unbounded or not applying)


@dataclass(frozen=True, eq=False)
class Prepared:
    """The problem as index arrays over the eligible pairs (candidates minus conflicts).

    `forced` marks eligible pairs that must be assigned; forced pairs that are not eligible are
    listed in `forced_not_candidate` and `forced_conflicted` for the diagnosis.
    """

    problem: AssignmentProblem
    pp: np.ndarray
    pe: np.ndarray
    score: np.ndarray
    forced: np.ndarray
    k: np.ndarray
    min_load: np.ndarray
    max_load: np.ndarray
    conflicted_per_proposal: np.ndarray
    forced_not_candidate: tuple[tuple[str, str], ...]
    forced_conflicted: tuple[tuple[str, str], ...]
    quotas: tuple[QuotaSpan, ...]

    @property
    def num_proposals(self) -> int:
        return len(self.problem.proposals)

    @property
    def num_experts(self) -> int:
        return len(self.problem.experts)

    @property
    def quotas_disjoint(self) -> bool:
        """True when no eligible pair counts towards two quotas: then quotas stay a pure flow."""
        if len(self.quotas) < 2:
            return True
        return bool(np.all(sum(q.member.astype(np.int8) for q in self.quotas) <= 1))


def prepare(problem: AssignmentProblem) -> Prepared:
    num_p, num_e = len(problem.proposals), len(problem.experts)
    p_index = {p: i for i, p in enumerate(problem.proposals)}
    e_index = {e: i for i, e in enumerate(problem.experts)}
    key = problem.pair_proposal * num_e + problem.pair_expert

    conflict_keys = _pair_keys(problem.conflicts, p_index, e_index, num_e)
    conflicted = np.isin(key, conflict_keys)
    keep = ~conflicted
    pp, pe, score = problem.pair_proposal[keep], problem.pair_expert[keep], problem.pair_score[keep]

    forced_keys = _pair_keys(problem.forced, p_index, e_index, num_e)
    forced = np.isin(key[keep], forced_keys)
    candidate_keys = set(key.tolist()) if problem.forced else set()
    conflict_set = set(conflict_keys.tolist())
    not_candidate, forced_conflicted = [], []
    for p, e in sorted(problem.forced):
        if p not in p_index or e not in e_index:
            not_candidate.append((p, e))
            continue
        pair_key = p_index[p] * num_e + e_index[e]
        if pair_key in conflict_set:
            forced_conflicted.append((p, e))
        elif pair_key not in candidate_keys:
            not_candidate.append((p, e))

    k = _per_item(problem.proposals, problem.per_proposal, problem.per_proposal_overrides)
    max_default = num_p if problem.max_load is None else problem.max_load
    lo = _per_item(problem.experts, problem.min_load, problem.min_load_overrides)
    hi = _per_item(problem.experts, max_default, problem.max_load_overrides)
    if np.any(k < 0) or np.any(lo < 0) or np.any(hi < 0):
        raise ValueError("numbers of experts and loads must not be negative")

    spans = tuple(_quota_span(q, problem, pp, pe, k) for q in problem.quotas)
    return Prepared(
        problem=problem,
        pp=pp,
        pe=pe,
        score=score,
        forced=forced,
        k=k,
        min_load=lo,
        max_load=hi,
        conflicted_per_proposal=np.bincount(problem.pair_proposal[conflicted], minlength=num_p),
        forced_not_candidate=tuple(not_candidate),
        forced_conflicted=tuple(forced_conflicted),
        quotas=spans,
    )


def _pair_keys(
    pairs: Iterable[tuple[str, str]], p_index: Mapping[str, int], e_index: Mapping[str, int], num_e: int
) -> np.ndarray:
    """Integer keys of the pairs whose ids are known (a conflict with an unknown id cannot bite)."""
    keys = [p_index[p] * num_e + e_index[e] for p, e in pairs if p in p_index and e in e_index]
    return np.asarray(keys, dtype=np.int64)


def _per_item(ids: Sequence[str], default: int, overrides: Mapping[str, int]) -> np.ndarray:
    values = np.full(len(ids), default, dtype=np.int64)
    if overrides:
        index = {x: i for i, x in enumerate(ids)}
        for item, value in overrides.items():
            if item in index:
                values[index[item]] = value
    return values


def _quota_span(
    quota: Quota, problem: AssignmentProblem, pp: np.ndarray, pe: np.ndarray, k: np.ndarray
) -> QuotaSpan:
    labels: dict[str, int] = {}
    expert_label = np.array(
        [
            labels.setdefault(quota.expert_groups[e], len(labels)) if e in quota.expert_groups else -1
            for e in problem.experts
        ],
        dtype=np.int64,
    )
    if quota.group is not None:
        target = np.full(len(problem.proposals), labels.setdefault(quota.group, len(labels)), dtype=np.int64)
    else:
        target = np.array(
            [
                labels.setdefault(quota.proposal_groups[p], len(labels)) if p in quota.proposal_groups else -1
                for p in problem.proposals
            ],
            dtype=np.int64,
        )
    applies = target >= 0
    member = applies[pp] & (expert_label[pe] == target[pp]) if len(pp) else np.zeros(0, dtype=bool)
    at_least = np.where(applies, np.minimum(quota.at_least, k), 0)
    at_most = k.copy() if quota.at_most is None else np.where(applies, np.minimum(quota.at_most, k), k)
    return QuotaSpan(quota, applies, member, at_least, at_most)
