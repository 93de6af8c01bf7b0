"""A stronger proven bound for the assignment programs: dualise only the experts' loads.

Every rule but the experts' loads is a rule on one proposal: its k, its forced and ruled-out
pairs, its quotas and (in the fairness mode) its floor. So for any multipliers u on the load rows
(u_e >= 0 on a row held at its maximum, <= 0 at its minimum), with weights w_j = score_j - u_e(j),

    total(z) <= sum_e max(u_e max_load_e, u_e min_load_e) + sum_p local_p(w)  =: bound(u),

where local_p(w) is the best w-total of a k-set of p that meets p's own rules. And a point that
uses pair j of p is worth at most bound(u) - local_p(w) + local_p(w | j in). Each proposal is
solved exactly here, its quotas and floor included, so this bound is the linear relaxation with
each proposal's own choices in their convex hull: it forbids a proposal to mix a k-set above its
floor with one below, which the rows of the floor program only partly prevent.

How each local_p is found. (1) Pairs are grouped into cells by the quotas they count towards,
and the best choice under the quotas is the best composition of k into cells (the method of
`assignment_program.best_alone`, with weights w and, for each pair, the best choice holding it).
(2) If that choice misses the floor, every k-set of p's allowed pairs is enumerated (when there
are at most ENUMERATION_LIMIT of them) and the best one meeting the floor kept; in the elastic
floor program a k-set below the floor stays allowed at its penalty. Where the enumeration would
be too long, or the compositions too many, the value without the floor (or without the quotas)
stands: a larger value, so still a valid bound, only a weaker one.
"""

from __future__ import annotations

import itertools
from math import comb

import numpy as np

from lodestar.engine.assignment_problem import Prepared

ENUMERATION_LIMIT = 200_000  # k-sets enumerated per proposal (100 candidates, k = 3: 161,700)
MAX_COMPOSITIONS = 5000
FLOOR_SLACK = 2e-9  # relative: a k-set this close below the floor counts as meeting it (row tolerance)


def local_bound(
    prep: Prepared,
    duals: np.ndarray,
    col_lower: np.ndarray,
    col_upper: np.ndarray,
    floor: float | None = None,
    penalty: float | None = None,
) -> tuple[float, np.ndarray]:
    """bound(u) and, per pair, the most a point using it can be worth (module docstring).

    `duals` are multipliers on the program's rows in `assignment_program.assignment_rows` order
    (proposals, then experts, ...), already with valid signs; only the experts' are used.
    `col_lower` / `col_upper` are the pairs' bounds (forced and ruled-out pairs). With `floor`,
    every served proposal's total must reach it, or (with `penalty`) pays `penalty` per unit short.
    Returns (bound, reach) with reach over the pairs (-inf for a pair no point can use).
    """
    n = len(prep.pp)
    num_p, num_e = prep.num_proposals, prep.num_experts
    u = np.asarray(duals[num_p : num_p + num_e], dtype=float)
    rows = float(np.where(u > 0, u * prep.max_load, u * prep.min_load).sum())
    weight = prep.score - u[prep.pe]
    allowed = col_upper[:n] > 0.5
    forced = (col_lower[:n] > 0.5) & allowed
    best, with_pair, best_score = _bycompositions(prep, weight, allowed, forced)
    if floor is not None:
        limit = floor - FLOOR_SLACK * (1.0 + abs(floor))
        missing = np.flatnonzero((prep.k > 0) & np.isfinite(best) & (best_score < limit))
        _enumerate(prep, weight, allowed, forced, missing, limit, penalty, best, with_pair)
    if not np.isfinite(best).all():  # no local choice at all: the program has no point; claim nothing
        return np.inf, np.full(n, np.inf)
    total = rows + float(best.sum())
    return total, total - best[prep.pp] + with_pair


def _bycompositions(
    prep: Prepared, weight: np.ndarray, allowed: np.ndarray, forced: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per proposal the best w-total under k, forced pairs and quotas (no floor), the score total
    of that choice, and per pair the best w-total of a choice holding it (-inf where none)."""
    num_p, n = prep.num_proposals, len(prep.pp)
    k_max = int(prep.k.max()) if num_p else 0
    num_q = len(prep.quotas)
    if len(compositions(k_max, 1 << num_q, MAX_COMPOSITIONS + 1)) > MAX_COMPOSITIONS:
        num_q = 0  # quotas ignored: a larger value, still a bound
    cells = 1 << num_q
    cell = np.zeros(n, dtype=np.int64)
    for q, span in enumerate(prep.quotas[:num_q]):
        cell |= span.member.astype(np.int64) << q
    pairs = np.flatnonzero(allowed)
    order = pairs[np.lexsort((prep.pe[pairs], -weight[pairs], ~forced[pairs], cell[pairs], prep.pp[pairs]))]
    group = prep.pp[order] * cells + cell[order]
    rank_sorted = np.arange(len(order)) - np.searchsorted(group, group, side="left")
    rank = np.full(n, k_max + 1, dtype=np.int64)
    rank[order] = rank_sorted
    top = rank_sorted < k_max
    taken = order[top]
    w_ranked = np.zeros((num_p, cells, k_max + 1))
    s_ranked = np.zeros((num_p, cells, k_max + 1))
    w_ranked[prep.pp[taken], cell[taken], rank_sorted[top]] = weight[taken]
    s_ranked[prep.pp[taken], cell[taken], rank_sorted[top]] = prep.score[taken]
    w_value = np.concatenate([np.zeros((num_p, cells, 1)), np.cumsum(w_ranked, axis=2)], axis=2)
    s_value = np.concatenate([np.zeros((num_p, cells, 1)), np.cumsum(s_ranked, axis=2)], axis=2)
    available = np.zeros((num_p, cells), dtype=np.int64)
    np.add.at(available, (prep.pp[pairs], cell[pairs]), 1)
    forced_count = np.zeros((num_p, cells), dtype=np.int64)
    np.add.at(forced_count, (prep.pp[forced], cell[forced]), 1)
    counts = np.arange(k_max + 2)
    w_value[(counts > available[:, :, None]) | (counts < forced_count[:, :, None])] = -np.inf
    best = np.full(num_p, -np.inf)
    best_score = np.full(num_p, -np.inf)
    with_pair = np.full(n, -np.inf)
    for k in np.unique(prep.k):
        props = np.flatnonzero(prep.k == k)
        mine = np.flatnonzero(allowed & (prep.k[prep.pp] == k))
        owner, own_cell = prep.pp[mine], cell[mine]
        for split in compositions(int(k), cells, MAX_COMPOSITIONS):
            parts = np.array(split)
            total = sum(w_value[props, c, m] for c, m in enumerate(split))
            score = sum(s_value[props, c, m] for c, m in enumerate(split))
            for q, span in enumerate(prep.quotas[:num_q]):
                counted = int(sum(m for c, m in enumerate(split) if (c >> q) & 1))
                total = np.where(
                    (counted < span.at_least[props]) | (counted > span.at_most[props]), -np.inf, total
                )
            better = total > best[props]
            best[props] = np.where(better, total, best[props])
            best_score[props] = np.where(better, score, best_score[props])
            # A pair outside its cell's top n_c replaces the n_c-th (which must not be forced).
            full = np.full(num_p, -np.inf)
            full[props] = total
            n_c = parts[own_cell]
            inside = rank[mine] < n_c
            last = np.maximum(n_c - 1, 0)
            swap_ok = (n_c >= 1) & (last >= forced_count[owner, own_cell])
            swapped = full[owner] - w_ranked[owner, own_cell, last] + weight[mine]
            value = np.where(inside, full[owner], np.where(swap_ok, swapped, -np.inf))
            with_pair[mine] = np.maximum(with_pair[mine], value)
    return best, with_pair, best_score


def _enumerate(
    prep: Prepared,
    weight: np.ndarray,
    allowed: np.ndarray,
    forced: np.ndarray,
    proposals: np.ndarray,
    limit: float,
    penalty: float | None,
    best: np.ndarray,
    with_pair: np.ndarray,
) -> None:
    """Exact local values (floor included) for `proposals`, by every k-set; updates in place."""
    if not len(proposals):
        return
    by_proposal = np.flatnonzero(allowed)
    by_proposal = by_proposal[np.argsort(prep.pp[by_proposal], kind="stable")]
    starts = np.searchsorted(prep.pp[by_proposal], np.arange(prep.num_proposals + 1))
    sets_of: dict[int, tuple[int, np.ndarray]] = {}  # k -> (m it was built for, k-sets of range(m))
    for p in proposals:
        idx = by_proposal[starts[p] : starts[p + 1]]
        m, k = len(idx), int(prep.k[p])
        if comb(m, k) > ENUMERATION_LIMIT:
            continue
        if k not in sets_of or sets_of[k][0] < m:
            sets_of[k] = (
                m,
                np.array(list(itertools.combinations(range(m), k)), dtype=np.int64).reshape(-1, k),
            )
        sets = sets_of[k][1]
        cols = idx[sets[sets[:, -1] < m]]
        value = weight[cols].sum(axis=1)
        reached = prep.score[cols].sum(axis=1)
        ok = forced[cols].sum(axis=1) == forced[idx].sum()
        for span in prep.quotas:
            counted = span.member[cols].sum(axis=1)
            ok &= (counted >= span.at_least[p]) & (counted <= span.at_most[p])
        if penalty is None:
            ok &= reached >= limit
        else:
            value = value - penalty * np.maximum(0.0, limit - reached)
        value = np.where(ok, value, -np.inf)
        best[p] = float(value.max()) if len(value) else -np.inf
        with_pair[idx] = -np.inf
        for i in range(k):
            np.maximum.at(with_pair, cols[:, i], value)


def compositions(total: int, parts: int, limit: int) -> list[tuple[int, ...]]:
    """The ways to write `total` as an ordered sum of `parts` counts >= 0 (at most `limit`)."""
    found: list[tuple[int, ...]] = []
    for bars in itertools.combinations(range(total + parts - 1), parts - 1):
        edges = (-1, *bars, total + parts - 1)
        found.append(tuple(edges[i + 1] - edges[i] - 1 for i in range(parts)))
        if len(found) >= limit:
            break
    return found
