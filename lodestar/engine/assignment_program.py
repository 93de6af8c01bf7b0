"""The assignment's rules as rows of a `PairProgram`, and the per-proposal facts the modes start from.

Columns are the eligible pairs of `Prepared`, in its order; rows are, in this order, one per
proposal (exactly k), one per expert (minimum to maximum load), one per applying (quota,
proposal), and then whatever rows a mode adds (fairness floors).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import sparse

from lodestar.engine.assignment_local import MAX_COMPOSITIONS, compositions, local_bound
from lodestar.engine.assignment_problem import Prepared
from lodestar.engine.certified_program import PairProgram


def assignment_rows(prep: Prepared) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """One row per proposal (= k), per expert (min..max load) and per applying (quota, proposal)."""
    n = len(prep.pp)
    cols = np.arange(n)
    blocks = [
        sparse.csr_matrix((np.ones(n), (prep.pp, cols)), shape=(prep.num_proposals, n)),
        sparse.csr_matrix((np.ones(n), (prep.pe, cols)), shape=(prep.num_experts, n)),
    ]
    lower = [prep.k.astype(float), prep.min_load.astype(float)]
    upper = [prep.k.astype(float), prep.max_load.astype(float)]
    for span in prep.quotas:
        applying = np.flatnonzero(span.applies)
        row_of = np.full(prep.num_proposals, -1)
        row_of[applying] = np.arange(len(applying))
        members = np.flatnonzero(span.member)
        blocks.append(
            sparse.csr_matrix(
                (np.ones(len(members)), (row_of[prep.pp[members]], members)), shape=(len(applying), n)
            )
        )
        lower.append(span.at_least[applying].astype(float))
        upper.append(span.at_most[applying].astype(float))
    return sparse.vstack(blocks).tocsr(), np.concatenate(lower), np.concatenate(upper)


def max_total_program(prep: Prepared) -> PairProgram:
    """Maximum total affinity under every rule (the quota mode)."""
    matrix, lower, upper = assignment_rows(prep)
    n = len(prep.pp)
    return PairProgram(
        matrix=matrix,
        lower=lower,
        upper=upper,
        cost=prep.score.astype(float),
        col_lower=prep.forced.astype(float),
        col_upper=np.ones(n),
        integer=np.ones(n, dtype=bool),
        lazy=np.zeros(len(lower), dtype=bool),
        groups=(prep.pp, prep.pe),
        local=_local(prep, None, None),
    )


def floor_program(
    prep: Prepared, floor: float, shortfall: np.ndarray | None = None, penalty: float = 0.0
) -> PairProgram:
    """Maximum total with every served proposal's total >= `floor` (lazy rows), and the floor's
    cover rows (`floor_covers`, lazy too: added as the relaxation breaks them, i.e. as cuts).

    With `shortfall` (per served proposal, what a starting assignment misses of the floor), each
    proposal gets an elastic column costing `penalty` a unit, in its floor row and, scaled so that
    the start meets them, in its cover rows; the start is then a feasible point and a core that
    cannot yet reach the floor still has a relaxation to price from. Every point that meets the
    floor has zero shortfall, meets the covers and keeps its objective, so the bound of the
    elastic program is a bound of the strict one.
    """
    matrix, lower, upper = assignment_rows(prep)
    served = np.flatnonzero(prep.k > 0)
    n, s = len(prep.pp), len(served)
    totals = _proposal_rows(prep, served)
    covers, need, owner = floor_covers(prep, floor)
    extra = 0 if shortfall is None else s
    elastic_floor = sparse.identity(s, format="csr") if extra else sparse.csr_matrix((s, 0))
    elastic_cover = sparse.csr_matrix((len(need), extra))
    if shortfall is not None:
        slot = np.searchsorted(served, owner)
        short = shortfall[slot] > 0
        # A short proposal's start may break its covers: its shortfall column makes up for it.
        scale = np.where(short, need / np.where(short, shortfall[slot], 1.0), 0.0)
        elastic_cover = sparse.csr_matrix((scale, (np.arange(len(need)), slot)), shape=(len(need), extra))
    reach = float(np.abs(prep.score).max() * prep.k.max()) + abs(floor) if n else abs(floor)
    blocks = [
        [matrix, sparse.csr_matrix((matrix.shape[0], extra))],
        [totals, elastic_floor],
        [covers, elastic_cover],
    ]
    lazy_rows = s + len(need)
    return PairProgram(
        matrix=sparse.bmat(blocks, format="csr"),
        lower=np.concatenate([lower, np.full(s, floor), need]),
        upper=np.concatenate([upper, np.full(lazy_rows, np.inf)]),
        cost=np.concatenate([prep.score, np.full(extra, -penalty)]),
        col_lower=np.concatenate([prep.forced.astype(float), np.zeros(extra)]),
        col_upper=np.concatenate([np.ones(n), np.full(extra, reach)]),
        integer=np.concatenate([np.ones(n, dtype=bool), np.zeros(extra, dtype=bool)]),
        lazy=np.concatenate([np.zeros(len(lower), dtype=bool), np.ones(lazy_rows, dtype=bool)]),
        groups=(_extend(prep.pp, extra), _extend(prep.pe, extra)),
        local=_local(prep, floor, penalty if extra else None),
    )


def floor_covers(prep: Prepared, floor: float) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Cover rows of the floor: "at least r of p's m best pairs", wherever that is necessary.

    A k-set of p with fewer than r of its m best pairs totals at most its r-1 best plus the k-r+1
    best after the m-th; when that is below the floor, every k-set reaching the floor holds at
    least r of the m best. For each r, the smallest such m gives the strongest row. Loads,
    forced pairs and quotas are ignored, which only weakens the rows. The linear relaxation of a
    floor row alone lets a proposal mix a strong and a weak k-set half and half; these rows
    forbid most such mixes (on a crowded 2,600 x 1,000 instance they take the relaxation's bound
    from 0.05 to 0.007 above the integer optimum). Returns (rows over the pairs, r per row, the
    proposal of each row); only proposals whose k weakest candidates miss the floor get rows.
    """
    order = np.lexsort((prep.pe, -prep.score, prep.pp))
    starts = np.searchsorted(prep.pp[order], np.arange(prep.num_proposals + 1))
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    need: list[float] = []
    owner: list[int] = []
    for p in np.flatnonzero(prep.k > 0):
        pairs = order[starts[p] : starts[p + 1]]
        score, k = prep.score[pairs], int(prep.k[p])
        if len(score) < k or score[-k:].sum() >= floor:
            continue
        for r in range(1, k + 1):
            width = k - r + 1  # pairs taken after the m-th
            window = np.convolve(score[r - 1 :], np.ones(width), mode="valid")  # sums from rank m on
            # From m = r on (m = r - 1 would be the best k-set itself, which reaches the floor).
            short = np.flatnonzero(score[: r - 1].sum() + window[1:] < floor)
            if len(short) and window[0] + score[: r - 1].sum() >= floor:
                m = r + int(short[0])
                rows.append(np.full(m, len(need)))
                cols.append(pairs[:m])
                need.append(float(r))
                owner.append(int(p))
    if not need:
        return sparse.csr_matrix((0, len(prep.pp))), np.zeros(0), np.zeros(0, dtype=np.int64)
    matrix = sparse.csr_matrix(
        (np.ones(sum(len(c) for c in cols)), (np.concatenate(rows), np.concatenate(cols))),
        shape=(len(need), len(prep.pp)),
    )
    return matrix, np.array(need), np.array(owner, dtype=np.int64)


def max_min_program(prep: Prepared, low: float, high: float) -> PairProgram:
    """Maximise t, the smallest served proposal's total, with t in [low, high] (the last column)."""
    matrix, lower, upper = assignment_rows(prep)
    served = np.flatnonzero(prep.k > 0)
    n, s = len(prep.pp), len(served)
    blocks = [
        [matrix, sparse.csr_matrix((matrix.shape[0], 1))],
        [_proposal_rows(prep, served), sparse.csr_matrix(-np.ones((s, 1)))],
    ]
    return PairProgram(
        matrix=sparse.bmat(blocks, format="csr"),
        lower=np.concatenate([lower, np.zeros(s)]),
        upper=np.concatenate([upper, np.full(s, np.inf)]),
        cost=np.concatenate([np.zeros(n), [1.0]]),
        col_lower=np.concatenate([prep.forced.astype(float), [low]]),
        col_upper=np.concatenate([np.ones(n), [high]]),
        integer=np.concatenate([np.ones(n, dtype=bool), [False]]),
        lazy=np.concatenate([np.zeros(len(lower), dtype=bool), np.ones(s, dtype=bool)]),
        groups=(_extend(prep.pp, 1), _extend(prep.pe, 1)),
    )


def best_candidates(prep: Prepared, count: int) -> np.ndarray:
    """Each proposal's `count` highest-scoring eligible pairs (ties by expert), as a mask."""
    order = np.lexsort((prep.pe, -prep.score, prep.pp))
    return _first_in_group(prep.pp, order, count)


def proposal_totals(prep: Prepared, chosen: np.ndarray) -> np.ndarray:
    """Each proposal's total affinity under `chosen` (a mask over the eligible pairs)."""
    return np.bincount(prep.pp[chosen], weights=prep.score[chosen], minlength=prep.num_proposals)


def best_alone(prep: Prepared) -> np.ndarray:
    """Each proposal's best total on its own: its k best candidates under its own rules (forced
    pairs and quotas), loads ignored; -inf where its rules cannot be met.

    Pairs are grouped into cells by which quotas they count towards (2^Q cells); a choice is a
    count per cell, taking forced pairs first and then the best of each cell, so the best total is
    the best over the compositions of k into cells that meet every quota. When there would be
    more than MAX_COMPOSITIONS of them, quotas are ignored, which still gives an upper bound.
    """
    num_p, num_q = prep.num_proposals, len(prep.quotas)
    k_max = int(prep.k.max()) if num_p else 0
    cells = 1 << num_q
    if len(compositions(k_max, cells, MAX_COMPOSITIONS + 1)) > MAX_COMPOSITIONS:
        num_q, cells = 0, 1
    cell = np.zeros(len(prep.pp), dtype=np.int64)
    for q, span in enumerate(prep.quotas[:num_q]):
        cell |= span.member.astype(np.int64) << q
    # value[p, c, n]: the best total of n pairs of cell c of p (forced ones first); -inf if none.
    order = np.lexsort((prep.pe, -prep.score, ~prep.forced, cell, prep.pp))
    group = prep.pp[order] * cells + cell[order]
    rank = np.arange(len(order)) - np.searchsorted(group, group, side="left")
    taken = order[rank < k_max]
    ranked = np.zeros((num_p, cells, k_max))
    ranked[prep.pp[taken], cell[taken], rank[rank < k_max]] = prep.score[taken]
    value = np.concatenate([np.zeros((num_p, cells, 1)), np.cumsum(ranked, axis=2)], axis=2)
    available = np.zeros((num_p, cells), dtype=np.int64)
    np.add.at(available, (prep.pp, cell), 1)
    forced = np.zeros((num_p, cells), dtype=np.int64)
    np.add.at(forced, (prep.pp[prep.forced], cell[prep.forced]), 1)
    counts = np.arange(k_max + 1)
    value[(counts > available[:, :, None]) | (counts < forced[:, :, None])] = -np.inf
    best = np.full(num_p, -np.inf)
    for k in np.unique(prep.k):
        rows = np.flatnonzero(prep.k == k)
        for split in compositions(int(k), cells, MAX_COMPOSITIONS):
            total = sum(value[rows, c, n] for c, n in enumerate(split))
            for q, span in enumerate(prep.quotas[:num_q]):
                counted = sum(n for c, n in enumerate(split) if (c >> q) & 1)
                total = np.where(
                    (counted < span.at_least[rows]) | (counted > span.at_most[rows]), -np.inf, total
                )
            best[rows] = np.maximum(best[rows], total)
    return best


def floor_fixings(prep: Prepared, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """Pairs no assignment with every served total >= `floor` can use, and pairs it must use.

    For an unforced pair j of proposal p, the best k-set of p that contains j (its forced pairs,
    j, and the best others) is the most j can be part of; if even that is below the floor, j is
    impossible. A pair of p's best set is necessary when the best k-set without it is below the
    floor. Loads and quotas are ignored, which only weakens the deductions: both are necessary
    conditions of the floor, so fixing them keeps every assignment that meets it.
    Returns (impossible, necessary) as masks over the eligible pairs.
    """
    num_p = prep.num_proposals
    served = prep.k > 0
    forced_sum = np.bincount(prep.pp[prep.forced], weights=prep.score[prep.forced], minlength=num_p)
    need = prep.k - np.bincount(prep.pp[prep.forced], minlength=num_p)
    order = np.flatnonzero(~prep.forced)
    order = order[np.lexsort((prep.pe[order], -prep.score[order], prep.pp[order]))]
    keys = prep.pp[order]
    rank = np.arange(len(order)) - np.searchsorted(keys, keys, side="left")
    in_top = rank < need[keys]
    top_sum = np.bincount(keys[in_top], weights=prep.score[order[in_top]], minlength=num_p)
    weakest = np.full(num_p, np.nan)
    last = rank == need[keys] - 1
    weakest[keys[last]] = prep.score[order[last]]
    spare = np.full(num_p, -np.inf)
    first_out = rank == need[keys]
    spare[keys[first_out]] = prep.score[order[first_out]]
    score = prep.score[order]
    # The best k-set holding j: the best set itself if j is in it, else j replaces its weakest.
    with_j = forced_sum[keys] + np.where(in_top, top_sum[keys], top_sum[keys] - weakest[keys] + score)
    without_j = forced_sum[keys] + top_sum[keys] - score + spare[keys]
    impossible = np.zeros(len(prep.pp), dtype=bool)
    necessary = np.zeros(len(prep.pp), dtype=bool)
    impossible[order] = served[keys] & (with_j < floor)
    necessary[order] = served[keys] & in_top & (without_j < floor)
    return impossible, necessary


def _local(
    prep: Prepared, floor: float | None, penalty: float | None
) -> Callable[[PairProgram, np.ndarray], tuple[float, np.ndarray]]:
    """The per-proposal bound of `assignment_local` for a program built on `prep` (its column
    bounds read at call time, so fixings added later count)."""

    def bound(program: PairProgram, duals: np.ndarray) -> tuple[float, np.ndarray]:
        n = len(prep.pp)
        return local_bound(prep, duals, program.col_lower[:n], program.col_upper[:n], floor, penalty)

    return bound


def _proposal_rows(prep: Prepared, served: np.ndarray) -> sparse.csr_matrix:
    """One row per served proposal: the sum of its pairs' scores."""
    n = len(prep.pp)
    full = sparse.csr_matrix((prep.score, (prep.pp, np.arange(n))), shape=(prep.num_proposals, n))
    return full[served]


def _extend(key: np.ndarray, extra: int) -> np.ndarray:
    """Group keys for the pair columns, then -1 (no group: always priced) for extra columns."""
    return np.concatenate([key, np.full(extra, -1, dtype=np.int64)])


def _first_in_group(keys_by_pair: np.ndarray, order: np.ndarray, count: int) -> np.ndarray:
    keys = keys_by_pair[order]
    rank = np.arange(len(order)) - np.searchsorted(keys, keys, side="left")
    mask = np.zeros(len(keys_by_pair), dtype=bool)
    mask[order[rank < count]] = True
    return mask
