"""Reviewer calibration: separate a proposal's merit from its reviewers' leniency.

Model, per criterion and for the weighted total: score(review of p by e) = mu + merit_p +
leniency_e + noise. Leniencies carry a ridge prior of strength `leniency_prior` (in reviews): an
expert with that many reviews keeps half of its apparent leniency, one with many keeps nearly all,
so an expert with two reviews cannot move a ranking on its own. Merits carry no prior: they are
what the programme ranks by.

Solved exactly through the normal equations, reduced to the experts' block (the Schur
complement S, E x E): merits then follow in closed form. Intervals are posterior intervals under
the ridge prior: Var(merit_p) = sigma^2 (1/n_p + u_p' S^-1 u_p) with u_p the share of p's reviews
by each expert and sigma^2 the residual variance over the effective degrees of freedom. For more
than `DENSE_EXPERTS` experts S^-1 is approximated by its diagonal (intervals slightly narrower).

The weighted total of a review is the weighted mean of the criteria it scores, so a review that
skips a criterion is not penalised for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np
from scipy import linalg, sparse
from scipy.sparse.linalg import spsolve

DENSE_EXPERTS = 4000


@dataclass(frozen=True)
class Review:
    proposal: str
    expert: str
    scores: Mapping[str, float]


@dataclass(frozen=True)
class CalibrationProblem:
    """`weights`: criterion -> weight (criteria not listed are ignored); empty means equal weights.

    `disagreement_threshold`: a proposal is flagged when its reviews, once each reviewer's
    leniency is taken out, span at least this much; None means 3 residual standard deviations.
    """

    reviews: Sequence[Review]
    weights: Mapping[str, float] = field(default_factory=dict)
    leniency_prior: float = 3.0
    confidence: float = 0.95
    disagreement_threshold: float | None = None


@dataclass(frozen=True)
class ProposalStanding:
    """One proposal's aggregates side by side; ranks are 1-based, `rank_best..rank_worst` the range
    of ranks its interval allows against the others' intervals."""

    proposal: str
    reviews: int
    mean: float
    median: float
    calibrated: float
    low: float
    high: float
    rank: int
    rank_best: int
    rank_worst: int
    spread: float
    disagreement: bool
    by_criterion: Mapping[str, float]


@dataclass(frozen=True)
class ExpertLeniency:
    """Positive leniency: the expert scores above what the proposals merit (on the total)."""

    expert: str
    reviews: int
    leniency: float
    by_criterion: Mapping[str, float]


@dataclass(frozen=True)
class Calibration:
    standings: tuple[ProposalStanding, ...]  # best first
    experts: tuple[ExpertLeniency, ...]
    residual_sd: float
    disagreement_threshold: float


@dataclass(frozen=True, eq=False)
class _Fit:
    merit: np.ndarray  # mu + merit_p, per proposal
    leniency: np.ndarray
    merit_sd: np.ndarray  # posterior sd of merit_p, per proposal
    residual_sd: float


def calibrate(problem: CalibrationProblem) -> Calibration:
    reviews = list(problem.reviews)
    proposals = list(dict.fromkeys(r.proposal for r in reviews))
    experts = list(dict.fromkeys(r.expert for r in reviews))
    p_index = {p: i for i, p in enumerate(proposals)}
    e_index = {e: i for i, e in enumerate(experts)}
    rp = np.array([p_index[r.proposal] for r in reviews], dtype=np.int64)
    re = np.array([e_index[r.expert] for r in reviews], dtype=np.int64)
    criteria = list(problem.weights) or sorted({c for r in reviews for c in r.scores})
    weights = {c: float(problem.weights.get(c, 1.0)) for c in criteria}

    table = np.array([[r.scores.get(c, np.nan) for c in criteria] for r in reviews], dtype=float)
    table = table.reshape(len(reviews), len(criteria))
    w = np.array([weights[c] for c in criteria])
    present = ~np.isnan(table)
    weight_present = (present * w).sum(axis=1)
    usable = weight_present > 0
    total = np.where(
        usable, np.nansum(np.nan_to_num(table) * w, axis=1) / np.where(usable, weight_present, 1), 0
    )

    num_p, num_e = len(proposals), len(experts)
    fit = _fit(total[usable], rp[usable], re[usable], num_p, num_e, problem.leniency_prior)
    per_criterion = {
        c: _fit(
            table[present[:, j], j],
            rp[present[:, j]],
            re[present[:, j]],
            num_p,
            num_e,
            problem.leniency_prior,
            intervals=False,
        )
        for j, c in enumerate(criteria)
    }

    adjusted = total - fit.leniency[re]
    threshold = (
        problem.disagreement_threshold
        if problem.disagreement_threshold is not None
        else 3.0 * fit.residual_sd
    )
    z = NormalDist().inv_cdf(0.5 + problem.confidence / 2)
    low, high = fit.merit - z * fit.merit_sd, fit.merit + z * fit.merit_sd
    order = np.lexsort((np.arange(num_p), -fit.merit))
    rank = np.empty(num_p, dtype=np.int64)
    rank[order] = np.arange(1, num_p + 1)
    best = 1 + (num_p - np.searchsorted(np.sort(low), high, side="right"))
    worst = num_p - np.searchsorted(np.sort(high), low, side="left")

    counts = np.bincount(rp[usable], minlength=num_p)
    by_proposal: list[list[int]] = [[] for _ in range(num_p)]
    for i in np.flatnonzero(usable):
        by_proposal[rp[i]].append(i)
    standings = []
    for p in order:
        rows = by_proposal[p]
        spread = float(np.ptp(adjusted[rows])) if rows else 0.0
        standings.append(
            ProposalStanding(
                proposal=proposals[p],
                reviews=int(counts[p]),
                mean=float(np.mean(total[rows])) if rows else float("nan"),
                median=float(np.median(total[rows])) if rows else float("nan"),
                calibrated=float(fit.merit[p]),
                low=float(low[p]),
                high=float(high[p]),
                rank=int(rank[p]),
                rank_best=int(best[p]),
                rank_worst=int(worst[p]),
                spread=spread,
                disagreement=len(rows) >= 2 and spread >= threshold,
                by_criterion={c: float(f.merit[p]) for c, f in per_criterion.items()},
            )
        )
    review_counts = np.bincount(re, minlength=num_e)
    expert_rows = tuple(
        ExpertLeniency(
            e,
            int(review_counts[i]),
            float(fit.leniency[i]),
            {c: float(f.leniency[i]) for c, f in per_criterion.items()},
        )
        for i, e in enumerate(experts)
    )
    return Calibration(tuple(standings), expert_rows, fit.residual_sd, float(threshold))


def _fit(
    y: np.ndarray,
    rp: np.ndarray,
    re: np.ndarray,
    num_p: int,
    num_e: int,
    prior: float,
    intervals: bool = True,
) -> _Fit:
    """Ridge least squares for y = mu + merit[rp] + leniency[re]; proposals without data get NaN.

    Without `intervals` only the point estimates are meaningful (the per-criterion fits).
    """
    if len(y) == 0:
        nan = np.full(num_p, np.nan)
        return _Fit(nan, np.zeros(num_e), nan, float("nan"))
    mu = float(y.mean())
    centred = y - mu
    n_p = np.bincount(rp, minlength=num_p).astype(float)
    n_e = np.bincount(re, minlength=num_e).astype(float)
    seen = n_p > 0
    inv_np = np.where(seen, 1.0 / np.where(seen, n_p, 1.0), 0.0)
    b = sparse.csr_matrix((np.ones(len(y)), (rp, re)), shape=(num_p, num_e))  # reviews per (p, e)
    sum_p = np.bincount(rp, weights=centred, minlength=num_p)
    sum_e = np.bincount(re, weights=centred, minlength=num_e)
    # Schur complement on the experts: S = diag(n_e + prior) - B' D_p^-1 B.
    coupling = (b.T @ sparse.diags(inv_np) @ b).tocsr()
    schur = sparse.diags(n_e + prior) - coupling
    rhs = sum_e - b.T @ (inv_np * sum_p)
    u = (sparse.diags(inv_np) @ b).tocsr()  # row p: share of p's reviews by each expert
    if num_e <= DENSE_EXPERTS:
        factor = linalg.cho_factor(schur.toarray(), check_finite=False)
        leniency = linalg.cho_solve(factor, rhs, check_finite=False)
        if intervals:
            inverse = linalg.cho_solve(factor, np.eye(num_e), check_finite=False)
            quad = _quadratic_forms(u, lambda i, j: inverse[i, j])
            trace = float(np.trace(inverse))
    else:
        leniency = spsolve(schur.tocsc(), rhs)
        if intervals:
            diag_inv = 1.0 / schur.diagonal()
            quad = _quadratic_forms(u, lambda i, j: np.where(i == j, diag_inv[i], 0.0))
            trace = float(diag_inv.sum())
    if not intervals:
        quad, trace = np.zeros(num_p), 0.0
    merit = inv_np * (sum_p - b @ leniency)
    residual = centred - merit[rp] - leniency[re]
    dof = seen.sum() + num_e - prior * trace
    spare = len(y) - dof
    # With no spare degrees of freedom (one review a proposal), the spread of the scores stands in.
    variance = float(residual @ residual) / spare if spare >= 1 else float(centred.var())
    merit_sd = np.sqrt(variance * (inv_np + quad))
    return _Fit(
        np.where(seen, mu + merit, np.nan),
        leniency,
        np.where(seen, merit_sd, np.nan),
        float(np.sqrt(variance)),
    )


def _quadratic_forms(
    u: sparse.csr_matrix, inverse: Callable[[np.ndarray, np.ndarray], np.ndarray]
) -> np.ndarray:
    """u_p' S^-1 u_p for every row p of u, touching only the few experts of each proposal."""
    counts = np.diff(u.indptr)
    row = np.repeat(np.arange(u.shape[0]), counts)
    partners = counts[row]
    a = np.repeat(np.arange(u.nnz), partners)
    offset = np.arange(len(a)) - np.repeat(np.cumsum(partners) - partners, partners)
    b = u.indptr[row[a]] + offset
    values = u.data[a] * u.data[b] * inverse(u.indices[a], u.indices[b])
    return np.bincount(row[a], weights=values, minlength=u.shape[0])
