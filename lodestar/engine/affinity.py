"""Affinity between texts: how close each query (an application, a submission, a search) is to each
profile (an expert with several documents, a challenge with one), with an explanation for every score.

Public API:

- Inputs (frozen dataclasses, from ``affinity_types``): ``Document(id, text, title="")``,
  ``Profile(id, documents)``, ``Query(id, text, title="")``.
- ``AffinityModel(model="lexical" | "semantic" | "hybrid", settings=AffinitySettings(), encoder=None)``
  - ``.fit(profiles, background=()) -> AffinityModel`` (returns itself). ``background``: extra texts that
    only sharpen word rarity (pass the applications when the profiles are a handful of challenges).
  - ``.score(queries, top_k=None) -> AffinityResult``: every pair (a dense matrix) or each query's
    ``top_k`` profiles (a CSR matrix); computed in blocks of queries, no Python loop over pairs.
- ``AffinityResult``: ``.dense()``, ``.top(query_id, k)``, ``.pairs()``, ``.score(q, p)``,
  ``.explain(query_id, profile_id) -> Explanation(score, terms, areas, best_document_id)`` and
  ``.explanations()`` for every stored pair at once.
- ``rank_profiles(queries, profiles, top_k=1, model="lexical", background=(), settings=None) ->
  dict[query_id, tuple[Match, ...]]``: the best profiles of each query with explanations (best
  challenge per application with ``settings=FOR_CHALLENGES``, suggested experts per application with
  the defaults).
- ``FOR_CHALLENGES``: settings for matching applications to challenges (adds the EDT-area overlap).

The models:

- **lexical** (default, no PyTorch): TF-IDF cosine (``lexical.py``) between the query and every
  document of a profile, then the mean of the profile's best ``lexical_top_documents`` (10) document
  scores: an expert is shown by a body of work, not by one paper (max: 0.265 on the benchmark), nor by
  everything (mean of all: 0.237). Plus ``area_weight`` times the cosine of the EDT-area vectors (0 by
  default: it hurts expert matching on the benchmark; ``FOR_CHALLENGES`` sets it for challenges).
  English and French meet in one term space (``lexicon.py``).
- **semantic** (``pip install .[semantic]``): cosine of sentence embeddings (``embeddings.py``,
  all-MiniLM-L6-v2, cached on disk), mean of the best ``semantic_top_documents`` (3). The model is
  English-trained: across languages it is weak, so give a bilingual challenge both versions as documents.
- **hybrid**: ``semantic_weight * semantic + (1 - semantic_weight) * lexical``, both cosine scales.
  The weight 0.5 was chosen on the benchmark's development half: every weight from 0.25 to 0.6 scores
  within 0.005 there (0.193-0.198), 0.5 is the middle of that flat region (BENCHMARKS.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np
import scipy.sparse as sp

from lodestar.engine.affinity_types import AffinityResult, Document, Explanation, Profile, Query
from lodestar.engine.embeddings import TextEncoder, default_encoder
from lodestar.engine.lexical import CosineProduct, TermSpace, TextFeatures, featurize_many
from lodestar.engine.taxonomy import AREA_CODES

__all__ = [
    "AffinityModel",
    "AffinityResult",
    "AffinitySettings",
    "Document",
    "FOR_CHALLENGES",
    "Explanation",
    "Match",
    "ModelName",
    "Profile",
    "Query",
    "rank_profiles",
]

ModelName = Literal["lexical", "semantic", "hybrid"]
MODELS: tuple[ModelName, ...] = ("lexical", "semantic", "hybrid")


@dataclass(frozen=True)
class AffinitySettings:
    """The few parameters of the models (see the module docstring for how each was chosen)."""

    lexical_top_documents: int = 10
    semantic_top_documents: int = 3
    area_weight: float = 0.0
    semantic_weight: float = 0.5
    explanation_terms: int = 8
    area_threshold: float = 0.3
    # Bounds the (queries x profiles x documents) block held in memory while aggregating.
    block_elements: int = 8_000_000


# For matching applications to a call's challenges: a handful of broad profiles written in the
# taxonomy's own words, against which a short application may share no word but its area ("batteries
# for forward bases" against "energy storage and microgrids"). The area overlap is a tie-break only:
# measured on 2,000 demo applications against the English challenge texts (bench/matching_demo.py),
# French applications find their own challenge 96.7 % of the time at weight 0.01, 92.7 % at 0.03 and
# 70.5 % at 0.2, because areas are shared across challenges (energy appears under infrastructure too).
FOR_CHALLENGES = AffinitySettings(area_weight=0.01)


# From this many queries on, scoring prepares a CosineProduct (about 0.1 s for 10,000 documents).
n_queries_for_dense_product = 256


@dataclass(frozen=True)
class Match:
    profile_id: str
    score: float
    explanation: Explanation


def _normalise_rows(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (x / norms).astype(np.float32)


def _top_mean(sims: np.ndarray, slots: np.ndarray, counts: np.ndarray, k: int) -> np.ndarray:
    """Per profile: the mean of its ``k`` best document scores (all of them when it has fewer).

    ``sims`` is (queries x documents); ``slots`` is (profiles x m) document indices padded with -1.
    """
    b = sims.shape[0]
    padded = np.concatenate([sims, np.full((b, 1), -np.inf, dtype=sims.dtype)], axis=1)
    grouped = padded[:, slots]
    m = slots.shape[1]
    if m > k:
        grouped = np.partition(grouped, m - k, axis=2)[:, :, m - k :]
    total = np.where(np.isfinite(grouped), grouped, 0).sum(axis=2)
    return (total / np.maximum(np.minimum(counts, k), 1)).astype(np.float32)


def _top_k_rows(block: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and values of each row's ``k`` largest entries (unordered)."""
    k = min(k, block.shape[1])
    cols = np.argpartition(-block, k - 1, axis=1)[:, :k]
    return cols, np.take_along_axis(block, cols, axis=1)


class AffinityModel:
    """Scores queries against profiles; see the module docstring."""

    def __init__(
        self,
        model: ModelName = "lexical",
        settings: AffinitySettings | None = None,
        encoder: TextEncoder | None = None,
    ) -> None:
        if model not in MODELS:
            raise ValueError(f"unknown affinity model {model!r}; expected one of {MODELS}")
        self.model: ModelName = model
        self.settings = settings or AffinitySettings()
        self._encoder = encoder
        self._fitted = False

    @property
    def uses_lexical(self) -> bool:
        return self.model in ("lexical", "hybrid")

    @property
    def uses_semantic(self) -> bool:
        return self.model in ("semantic", "hybrid")

    @property
    def encoder(self) -> TextEncoder:
        if self._encoder is None:
            self._encoder = default_encoder()  # raises a clear error without the semantic extra
        return self._encoder

    def fit(self, profiles: Sequence[Profile], background: Sequence[str] = ()) -> AffinityModel:
        ids = [p.id for p in profiles]
        if len(set(ids)) != len(ids):
            raise ValueError("profile ids must be unique")
        self.profiles = tuple(profiles)
        self.profile_ids = tuple(ids)
        self._profile_index = {pid: j for j, pid in enumerate(ids)}
        self.documents: tuple[Document, ...] = tuple(d for p in profiles for d in p.documents)
        self._counts = np.array([len(p.documents) for p in profiles], dtype=np.int64)
        width = max(int(self._counts.max(initial=0)), 1)
        self._slots = np.full((len(profiles), width), -1, dtype=np.int64)
        start = 0
        for j, n in enumerate(self._counts):
            self._slots[j, :n] = np.arange(start, start + n)
            start += n
        texts = [d.full_text for d in self.documents]
        if self.uses_lexical or self.settings.area_weight:
            features = featurize_many(texts)
            self.space = TermSpace.fit(features, featurize_many(background) if background else ())
            self._doc_vectors = self.space.vectors(features)
            self._doc_vectors_t = self._doc_vectors.T.tocsr()
            areas = np.array([f.areas for f in features]).reshape(len(features), len(AREA_CODES))
            self._profile_areas = self._mean_per_profile(areas)
        if self.uses_semantic:
            self._doc_embeddings = _normalise_rows(self.encoder.encode(texts))
        self._fitted = True
        return self

    def _mean_per_profile(self, rows: np.ndarray) -> np.ndarray:
        owner = np.repeat(np.arange(len(self.profiles)), self._counts)
        sums = np.zeros((len(self.profiles), rows.shape[1]))
        np.add.at(sums, owner, rows)
        return sums / np.maximum(self._counts, 1)[:, None]

    def score(self, queries: Sequence[Query], top_k: int | None = None) -> AffinityResult:
        """Score ``queries`` against the fitted profiles (every pair, or each query's ``top_k``)."""
        if not self._fitted:
            raise RuntimeError("fit the model on profiles before scoring")
        if top_k is not None and top_k < 1:
            raise ValueError("top_k must be at least 1 (or None for every pair)")
        state = _QueryState.build(self, queries)
        # Many queries: the frequent terms through a dense product (CosineProduct); a few (a search):
        # the sparse product alone, which needs no preparation.
        many = self.uses_lexical and n_queries_for_dense_product <= len(queries)
        product = CosineProduct(state.vectors, self._doc_vectors) if many else None
        n_q, n_p = len(queries), len(self.profiles)
        per_block = max(1, self.settings.block_elements // max(1, n_p * self._slots.shape[1]))
        if top_k is None:
            dense = np.zeros((n_q, n_p), dtype=np.float32)
        else:
            rows_out, cols_out, vals_out = [], [], []
        for start in range(0, n_q, per_block):
            block = self._score_block(state, start, min(n_q, start + per_block), product)
            if top_k is None:
                dense[start : start + len(block)] = block
            elif n_p:
                cols, vals = _top_k_rows(block, top_k)
                rows_out.append(np.repeat(np.arange(start, start + len(block)), cols.shape[1]))
                cols_out.append(cols.ravel())
                vals_out.append(vals.ravel())
        if top_k is None:
            matrix: np.ndarray | sp.csr_matrix = dense
        else:
            matrix = sp.csr_matrix(
                (
                    np.concatenate(vals_out) if vals_out else np.zeros(0, np.float32),
                    (
                        np.concatenate(rows_out) if rows_out else np.zeros(0, np.int64),
                        np.concatenate(cols_out) if cols_out else np.zeros(0, np.int64),
                    ),
                ),
                shape=(n_q, n_p),
            )
        explainer = _Explainer(self, state)
        return AffinityResult(
            model=self.model,
            query_ids=state.query_ids,
            profile_ids=self.profile_ids,
            matrix=matrix,
            _explain=explainer.explain,
            _explain_many=explainer.explain_many,
        )

    def _document_similarities(
        self, state: _QueryState, start: int, end: int, product: CosineProduct | None = None
    ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(lexical, semantic) similarities of queries ``start:end`` with every document."""
        lexical = semantic = None
        if self.uses_lexical:
            if product is not None:
                lexical = product.rows(start, end)
            else:
                lexical = (state.vectors[start:end] @ self._doc_vectors_t).toarray()
        if self.uses_semantic:
            semantic = state.embeddings[start:end] @ self._doc_embeddings.T
        return lexical, semantic

    def _score_block(
        self, state: _QueryState, start: int, end: int, product: CosineProduct | None = None
    ) -> np.ndarray:
        s = self.settings
        lexical, semantic = self._document_similarities(state, start, end, product)
        total = np.zeros((end - start, len(self.profiles)), dtype=np.float32)
        if lexical is not None:
            lex = _top_mean(lexical, self._slots, self._counts, s.lexical_top_documents)
            if s.area_weight:
                areas = state.areas[start:end] @ self._profile_area_unit.T
                lex = (1 - s.area_weight) * lex + s.area_weight * areas.astype(np.float32)
            total += lex if semantic is None else (1 - s.semantic_weight) * lex
        if semantic is not None:
            sem = _top_mean(semantic, self._slots, self._counts, s.semantic_top_documents)
            total += sem if lexical is None else s.semantic_weight * sem
        return total

    @property
    def _profile_area_unit(self) -> np.ndarray:
        return _normalise_rows(self._profile_areas)


@dataclass(frozen=True)
class _QueryState:
    """What ``score`` computed about the queries, kept for the explanations."""

    query_ids: tuple[str, ...]
    features: tuple[TextFeatures, ...]
    vectors: sp.csr_matrix
    embeddings: np.ndarray
    areas: np.ndarray

    @classmethod
    def build(cls, model: AffinityModel, queries: Sequence[Query]) -> _QueryState:
        texts = [q.full_text for q in queries]
        features: tuple[TextFeatures, ...] = ()
        vectors = sp.csr_matrix((len(queries), 0), dtype=np.float32)
        areas = np.zeros((len(queries), len(AREA_CODES)), dtype=np.float32)
        if model.uses_lexical or model.settings.area_weight:
            features = tuple(featurize_many(texts))
            vectors = model.space.vectors(features)
            if features:
                areas = _normalise_rows(np.array([f.areas for f in features]))
        embeddings = np.zeros((len(queries), 0), dtype=np.float32)
        if model.uses_semantic:
            embeddings = _normalise_rows(model.encoder.encode(texts))
        return cls(tuple(q.id for q in queries), features, vectors, embeddings, areas)


class _Explainer:
    """Explanations of a result's pairs, computed on demand from the state kept by ``score``.

    The query's vector is expanded to a dense array once and reused while consecutive calls concern the
    same query (``AffinityResult.explanations`` goes row by row), so a pair costs a few array lookups.
    """

    # `explain_many` works in chunks of pairs of at most this many queries (whose vectors it expands to
    # a dense block) and this many document entries (about 50 bytes each).
    block_queries = 64
    block_entries = 4_000_000

    def __init__(self, model: AffinityModel, state: _QueryState) -> None:
        self.model = model
        self.state = state
        self.rows = {qid: i for i, qid in enumerate(state.query_ids)}
        self._row = -1
        self._dense_query = np.zeros(0, dtype=np.float32)

    def _query_weights(self, i: int) -> np.ndarray:
        if i != self._row:
            dense = np.zeros(self.state.vectors.shape[1], dtype=np.float32)
            row = self.state.vectors[i]
            dense[row.indices] = row.data
            self._row, self._dense_query = i, dense
        return self._dense_query

    def explain(self, query_id: str, profile_id: str, score: float) -> Explanation:
        m, s = self.model, self.model.settings
        i, j = self.rows[query_id], m._profile_index[profile_id]
        docs = m._slots[j, : m._counts[j]]
        if not len(docs):
            return Explanation(score=score, terms=(), areas=(), best_document_id=None)
        combined = np.zeros(len(docs))
        terms: tuple[tuple[str, float], ...] = ()
        if m.uses_lexical:
            lexical, terms = self._lexical(i, docs)
            combined += (1 - s.semantic_weight if m.uses_semantic else 1.0) * lexical
        if m.uses_semantic:
            semantic = m._doc_embeddings[docs] @ self.state.embeddings[i]
            combined += (s.semantic_weight if m.uses_lexical else 1.0) * semantic
        best = int(docs[int(np.argmax(combined))])
        return Explanation(
            score=round(score, 6), terms=terms, areas=self._areas(i, j), best_document_id=m.documents[best].id
        )

    def _lexical(self, i: int, docs: np.ndarray) -> tuple[np.ndarray, tuple[tuple[str, float], ...]]:
        """Each document's cosine with query ``i``, and the terms that weigh most in the top-k of them.

        A profile's documents are consecutive rows of the document matrix, so one slice holds them all.
        """
        m = self.model
        q = self._query_weights(i)
        matrix = m._doc_vectors
        bounds = matrix.indptr[docs[0] : docs[-1] + 2]
        lo, hi = bounds[0], bounds[-1]
        cols = matrix.indices[lo:hi]
        products = q[cols] * matrix.data[lo:hi]
        owner = np.repeat(np.arange(len(docs)), np.diff(bounds))
        sims = np.bincount(owner, weights=products, minlength=len(docs))
        top = np.argsort(-sims, kind="stable")[: m.settings.lexical_top_documents]
        chosen = np.zeros(len(docs), dtype=bool)
        chosen[top] = True
        keep = chosen[owner] & (products > 0)
        if not keep.any():
            return sims, ()
        unique, inverse = np.unique(cols[keep], return_inverse=True)
        summed = np.bincount(inverse, weights=products[keep].astype(np.float64))
        # Several terms can read as the same words (a French phrase gives two English stems): merge them.
        words: dict[str, float] = {}
        query_display = self.state.features[i].display
        candidates = np.argsort(-summed, kind="stable")[: 3 * m.settings.explanation_terms]
        for col, weight in zip(unique[candidates].tolist(), summed[candidates].tolist(), strict=True):
            term = m.space.term_of(col)
            label = query_display.get(term) or m.space.display[term]
            words[label] = words.get(label, 0.0) + weight
        total = float(summed.sum())
        ranked = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[: m.settings.explanation_terms]
        return sims, tuple((label, round(w / total, 4)) for label, w in ranked)

    def explain_many(self, pairs: Sequence[tuple[str, str, float]]) -> list[Explanation]:
        """``explain`` of every pair, equal to it pair by pair (same float operations in the same order),
        but computed on arrays of all the pairs: a Python loop remains only to name the few terms kept.
        The semantic and hybrid models explain pair by pair."""
        m = self.model
        if m.uses_semantic or not pairs:
            return [self.explain(q, p, s) for q, p, s in pairs]
        rows = np.fromiter((self.rows[q] for q, _, _ in pairs), dtype=np.int64, count=len(pairs))
        cols = np.fromiter((m._profile_index[p] for _, p, _ in pairs), dtype=np.int64, count=len(pairs))
        areas = self._areas_many(rows, cols)
        out: list[Explanation | None] = [None] * len(pairs)
        order = np.argsort(rows, kind="stable")
        indptr, firsts = m._doc_vectors.indptr, self._doc_starts(cols[order])
        entries = np.cumsum(indptr[firsts + m._counts[cols[order]]] - indptr[firsts])
        new_query = np.concatenate([[1], np.diff(rows[order]) != 0]).cumsum()
        block_queries, block_entries = self.block_queries, self.block_entries
        start = 0
        while start < len(order):
            before = entries[start - 1] if start else 0
            end = min(
                int(np.searchsorted(entries, before + block_entries, side="right")),
                int(np.searchsorted(new_query, new_query[start] + block_queries, side="left")),
            )
            chunk = order[start : max(end, start + 1)]
            terms, best = self._lexical_many(rows[chunk], cols[chunk])
            for k, pair in enumerate(chunk.tolist()):
                score = pairs[pair][2]
                if best[k] < 0:
                    out[pair] = Explanation(score=score, terms=(), areas=(), best_document_id=None)
                else:
                    out[pair] = Explanation(round(score, 6), terms[k], areas[pair], m.documents[best[k]].id)
            start += len(chunk)
        return [e for e in out if e is not None]

    @cached_property
    def _doc_of_entry(self) -> np.ndarray:
        """The document row of each entry of the document matrix."""
        indptr = self.model._doc_vectors.indptr
        return np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))

    def _doc_starts(self, cols: np.ndarray) -> np.ndarray:
        """The first document row of each profile (its slot 0; a profile without documents gives the
        row where the next one starts, with a count of 0)."""
        m = self.model
        firsts = np.concatenate([[0], np.cumsum(m._counts)[:-1]]).astype(np.int64)
        return firsts[cols]

    def _lexical_many(
        self, rows: np.ndarray, cols: np.ndarray
    ) -> tuple[list[tuple[tuple[str, float], ...]], np.ndarray]:
        """``_lexical`` and the best document of each pair ``(rows[k], cols[k])`` at once.

        Every step is the one ``_lexical`` takes, vectorised: the products of the query's weights with
        each entry of the profile's documents (float32), their sums per document and per term with
        ``bincount`` in the same order (float64), the same stable orders for the top documents and the
        candidate terms. Returns the terms and the best document row (-1 without documents).
        """
        m, s = self.model, self.model.settings
        matrix = m._doc_vectors
        n_pairs = len(rows)
        first_doc = self._doc_starts(cols)
        n_docs = m._counts[cols]
        # The (pair, document) cells: pair k owns cells cell_start[k] .. cell_start[k] + n_docs[k].
        cell_start = np.concatenate([[0], np.cumsum(n_docs)[:-1]]).astype(np.int64)
        n_cells = int(n_docs.sum())
        cell_pair = np.repeat(np.arange(n_pairs), n_docs)
        cell_local = np.arange(n_cells) - cell_start[cell_pair]
        cell_doc = first_doc[cell_pair] + cell_local
        # A pair's documents are consecutive rows of the document matrix: its entries are one slice.
        indptr = matrix.indptr
        first_entry = indptr[first_doc]
        sizes = indptr[first_doc + n_docs] - first_entry
        width = np.int64(matrix.shape[1])
        entry = np.arange(int(sizes.sum())) + np.repeat(first_entry - (np.cumsum(sizes) - sizes), sizes)
        term = matrix.indices[entry]
        queries, local = np.unique(rows, return_inverse=True)
        dense = self.state.vectors[queries].toarray().ravel()
        products = dense[np.repeat(local.ravel() * width, sizes) + term] * matrix.data[entry]
        # Only the entries of terms the query has: the others add 0.0, which leaves every sum as it is.
        hit = np.flatnonzero(products > 0)
        entry_pair = np.repeat(np.arange(n_pairs), sizes)[hit]
        products, term = products[hit], term[hit]
        entry_cell = cell_start[entry_pair] + self._doc_of_entry[entry[hit]] - first_doc[entry_pair]
        sims = np.bincount(entry_cell, weights=products, minlength=n_cells)
        # Each pair's documents by decreasing similarity, ties in document order (lexsort is stable).
        order = np.lexsort((-sims, cell_pair))
        rank = np.empty(n_cells, dtype=np.int64)
        rank[order] = np.arange(n_cells) - cell_start[cell_pair[order]]
        best = np.full(n_pairs, -1, dtype=np.int64)
        firsts = order[rank[order] == 0]
        best[cell_pair[firsts]] = cell_doc[firsts]
        keep = rank[entry_cell] < s.lexical_top_documents
        unique, inverse = np.unique(entry_pair[keep] * width + term[keep], return_inverse=True)
        summed = np.bincount(inverse.ravel(), weights=products[keep].astype(np.float64))
        term_pair, term_col = unique // width, unique % width
        bounds = np.searchsorted(term_pair, np.arange(n_pairs + 1))
        by_weight = np.lexsort((-summed, term_pair))  # ties by column, the order of `unique`
        position = np.empty(len(unique), dtype=np.int64)
        position[by_weight] = np.arange(len(unique)) - bounds[term_pair[by_weight]]
        candidates = by_weight[position[by_weight] < 3 * s.explanation_terms]
        cand_bounds = np.searchsorted(term_pair[candidates], np.arange(n_pairs + 1)).tolist()
        cand_cols, cand_weights = term_col[candidates].tolist(), summed[candidates].tolist()
        bounds_list = bounds.tolist()
        term_of, display, features = m.space.term_of, m.space.display, self.state.features
        terms: list[tuple[tuple[str, float], ...]] = []
        for k in range(n_pairs):
            a, b = cand_bounds[k], cand_bounds[k + 1]
            if a == b:
                terms.append(())
                continue
            query_display = features[int(rows[k])].display
            words: dict[str, float] = {}
            for col, weight in zip(cand_cols[a:b], cand_weights[a:b], strict=True):
                t = term_of(col)
                label = query_display.get(t) or display[t]
                words[label] = words.get(label, 0.0) + weight
            total = float(summed[bounds_list[k] : bounds_list[k + 1]].sum())
            ranked = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[: s.explanation_terms]
            terms.append(tuple((label, round(w / total, 4)) for label, w in ranked))
        return terms, best

    def _areas_many(self, rows: np.ndarray, cols: np.ndarray) -> list[tuple[str, ...]]:
        """``_areas`` of every pair."""
        m = self.model
        if not self.state.features or not hasattr(m, "_profile_areas"):
            return [()] * len(rows)
        query_areas = np.array([f.areas for f in self.state.features])[rows]
        profile_areas = m._profile_areas[cols]
        threshold = m.settings.area_threshold
        both = (query_areas >= threshold) & (profile_areas >= threshold)
        order = np.argsort(-(query_areas * profile_areas), axis=1, kind="stable")
        shown = np.take_along_axis(both, order, axis=1)
        return [
            tuple(AREA_CODES[a] for a, yes in zip(row, mask, strict=True) if yes)
            for row, mask in zip(order.tolist(), shown.tolist(), strict=True)
        ]

    def _areas(self, i: int, j: int) -> tuple[str, ...]:
        m = self.model
        if not self.state.features or not hasattr(m, "_profile_areas"):
            return ()
        query_areas = self.state.features[i].areas
        profile_areas = m._profile_areas[j]
        threshold = m.settings.area_threshold
        both = (query_areas >= threshold) & (profile_areas >= threshold)
        order = np.argsort(-(query_areas * profile_areas), kind="stable")
        return tuple(AREA_CODES[a] for a in order if both[a])


def rank_profiles(
    queries: Sequence[Query],
    profiles: Sequence[Profile],
    top_k: int = 1,
    model: ModelName = "lexical",
    background: Sequence[str] = (),
    settings: AffinitySettings | None = None,
) -> dict[str, tuple[Match, ...]]:
    """The ``top_k`` best profiles of every query, best first, each with its explanation.

    For instance the best challenge of each application (``top_k=1``, ``settings=FOR_CHALLENGES``, the
    applications' texts as ``background``), or the suggested experts of each application
    (``top_k=10``, default settings).
    """
    result = AffinityModel(model, settings).fit(profiles, background).score(queries, top_k=top_k)
    tops = {qid: result.top(qid, top_k) for qid in result.query_ids}
    explanations = iter(
        result.explain_many([(qid, pid, value) for qid, top in tops.items() for pid, value in top])
    )
    return {
        qid: tuple(Match(pid, value, next(explanations)) for pid, value in top) for qid, top in tops.items()
    }
