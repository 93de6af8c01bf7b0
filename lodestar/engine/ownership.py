"""Who really owns a company: effective ownership by nation through a graph of shareholdings.

Shareholders form a directed graph: an edge holder -> company with the share of the company held.
A holder is either another company of the graph or an *ultimate* holder (a person, a state, a fund
that is not looked through) with a nation. The effective share of company j held by nation n is the
sum, over every path from an ultimate holder of nation n to j, of the product of the shares along the
path (a walk may go round a cycle: a ring of companies holding each other passes on a little less at
each turn).

Computation. Let C be the company-to-company matrix (C[i, j] = share of j held by company i) and
B[n, j] the shares of j held directly by ultimate holders of nation n. Summing the products over all
paths of length k is B C^k, so the effective ownership is X = B (I + C + C^2 + ...) = B (I - C)^-1,
i.e. (I - C)^T X^T = B^T: one sparse LU factorisation (scipy.sparse.linalg.splu) and one solve per
nation. The series converges when the spectral radius of C is below one. Each column of C sums to
at most one (nobody holds more than all of a company), so the radius is one only on a *closed ring*:
a strongly connected group of companies wholly held by one another, with nothing held from outside.
Such a ring has no ultimate owner at all (every path into it starts inside it): its companies' rows
and columns are removed before solving (their effective ownership is zero, as the series says), and
the ring is reported as a finding of its own. Everything else is solved exactly, without iteration,
in O(nnz) for the graphs a fund meets.

Screening names against lists lives in `screening.py`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import splu

UNDISCLOSED = "??"  # the share of a company that no declared holding accounts for
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Holding:
    """`holder` holds `share` (0 < share <= 1) of `company`. `holder` is a company id or a party id."""

    holder: str
    company: str
    share: float


@dataclass(frozen=True)
class Party:
    """An ultimate holder with its nation (ISO 3166 alpha-2)."""

    id: str
    name: str
    nation: str


@dataclass(frozen=True)
class OwnershipGraph:
    companies: tuple[str, ...]
    parties: tuple[Party, ...]
    holdings: tuple[Holding, ...]


@dataclass(frozen=True)
class Ownership:
    """Effective ownership of each company by nation (shares in [0, 1]); `closed_rings` lists the
    groups of companies that hold each other wholly and so have no ultimate owner."""

    by_company: dict[str, dict[str, float]]
    closed_rings: tuple[tuple[str, ...], ...]

    def outside(self, company: str, nations: frozenset[str]) -> float:
        """The share held from outside `nations`, undisclosed holdings counted as outside."""
        return sum(v for n, v in self.by_company.get(company, {}).items() if n not in nations)


def validate(graph: OwnershipGraph) -> None:
    """Refuse a graph that cannot be right: unknown ids, shares out of (0, 1], over 100 % held."""
    companies = set(graph.companies)
    parties = {p.id for p in graph.parties}
    if companies & parties:
        raise ValueError(f"ids used for both a company and a party: {sorted(companies & parties)[:5]}")
    held: dict[str, float] = defaultdict(float)
    for h in graph.holdings:
        if h.company not in companies:
            raise ValueError(f"holding of unknown company {h.company!r}")
        if h.holder not in companies and h.holder not in parties:
            raise ValueError(f"holding by unknown holder {h.holder!r}")
        if not 0 < h.share <= 1:
            raise ValueError(f"share {h.share} of {h.company!r} held by {h.holder!r} is not in (0, 1]")
        held[h.company] += h.share
    over = [c for c, total in held.items() if total > 1 + TOLERANCE]
    if over:
        raise ValueError(f"more than 100 % of {over[0]!r} is held ({held[over[0]]:.6f})")


def effective_ownership(graph: OwnershipGraph) -> Ownership:
    """Effective ownership by nation of every company (see the module's docstring for the method)."""
    validate(graph)
    index = {c: i for i, c in enumerate(graph.companies)}
    n = len(index)
    nations = sorted({p.nation for p in graph.parties})
    nation_of = {p.id: nations.index(p.nation) for p in graph.parties}
    rows, cols, vals = [], [], []
    b_rows, b_cols, b_vals = [], [], []
    for h in graph.holdings:
        j = index[h.company]
        if h.holder in index:
            rows.append(index[h.holder])
            cols.append(j)
            vals.append(h.share)
        else:
            b_rows.append(nation_of[h.holder])
            b_cols.append(j)
            b_vals.append(h.share)
    c = sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
    b = sp.csr_matrix((b_vals, (b_rows, b_cols)), shape=(len(nations), n))
    c.sum_duplicates()
    rings = _closed_rings(c)
    if rings:
        keep = np.ones(n)
        for ring in rings:
            keep[list(ring)] = 0.0
        mask = sp.diags(keep)
        c = (mask @ c @ mask).tocsr()
    x = np.zeros((len(nations), n))
    if n:
        lu = splu((sp.identity(n, format="csc") - c.T.tocsc()).tocsc())
        dense_b = b.toarray()
        for k in range(len(nations)):
            if dense_b[k].any():
                x[k] = lu.solve(dense_b[k])
    by_company: dict[str, dict[str, float]] = {}
    for company, j in index.items():
        shares = {nations[k]: float(x[k, j]) for k in range(len(nations)) if x[k, j] > TOLERANCE}
        rest = 1.0 - sum(shares.values())
        if rest > TOLERANCE:
            shares[UNDISCLOSED] = rest
        by_company[company] = shares
    names = graph.companies
    return Ownership(by_company, tuple(tuple(names[i] for i in ring) for ring in rings))


def _closed_rings(c: sp.csr_matrix) -> list[tuple[int, ...]]:
    """Strongly connected groups whose every column sums to one within the group (no way in)."""
    n = c.shape[0]
    if n == 0:
        return []
    count, labels = connected_components(c, directed=True, connection="strong")
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[int(label)].append(i)
    coo = c.tocoo()
    inside = np.zeros(n)
    same = labels[coo.row] == labels[coo.col]
    np.add.at(inside, coo.col[same], coo.data[same])
    rings = []
    for group in members.values():
        if len(group) == 1 and c[group[0], group[0]] == 0:
            continue
        if all(inside[j] >= 1 - TOLERANCE for j in group):
            rings.append(tuple(sorted(group)))
    return sorted(rings)


@dataclass(frozen=True)
class OwnershipFinding:
    """A company held beyond the limit from outside the participating nations, or a closed ring."""

    company: str
    kind: str  # "outside" or "ring"
    share_outside: float
    by_nation: tuple[tuple[str, float], ...]
    explanation: str


def screen_ownership(
    ownership: Ownership, participating: frozenset[str], limit: float, companies: Sequence[str] | None = None
) -> list[OwnershipFinding]:
    """Findings for the companies held more than `limit` from outside `participating` (undisclosed
    counts as outside: a fund cannot vouch for what it cannot see), and for closed rings."""
    findings = []
    ringed = {c for ring in ownership.closed_rings for c in ring}
    for company in companies if companies is not None else sorted(ownership.by_company):
        shares = ownership.by_company.get(company, {})
        ranked = tuple(sorted(shares.items(), key=lambda kv: (-kv[1], kv[0])))
        if company in ringed:
            findings.append(
                OwnershipFinding(
                    company,
                    "ring",
                    1.0,
                    ranked,
                    "held wholly by a ring of companies that own each other: no ultimate owner can be found",
                )
            )
            continue
        outside = ownership.outside(company, participating)
        if outside > limit + TOLERANCE:
            parts = ", ".join(f"{n} {v:.2%}" for n, v in ranked if n not in participating and v >= 5e-5)
            findings.append(
                OwnershipFinding(
                    company,
                    "outside",
                    outside,
                    ranked,
                    f"{outside:.2%} held from outside the participating nations (limit {limit:.2%}): {parts}",
                )
            )
    return findings
