"""Cross-language search and near-duplicate detection over single documents (applications,
organisations, challenges), built on the affinity engine.

Public API:

- ``SearchIndex(documents, model="lexical", background=())``; ``.search(text, top_k=20, min_score=0.0)
  -> tuple[SearchHit, ...]``: the documents closest to ``text``, best first, in either language
  (an English query finds French documents and the reverse); ``SearchHit(id, score, explanation)``.
- ``find_near_duplicates(documents, threshold=0.7) -> tuple[DuplicatePair, ...]``: pairs of documents
  whose lexical cosine is at least ``threshold`` (1.0 for the same text), most similar first;
  ``DuplicatePair(first_id, second_id, similarity, terms)``. Computed in blocks of rows of a sparse
  product, so thousands of applications take seconds, never a Python loop over pairs.

Why 0.7 by default: a text against a lightly edited copy of itself (a sentence changed, words swapped)
stays above 0.8, while two different applications to the same challenge rarely pass 0.4; a French
translation of an English application lands in between (about 0.4-0.6 through the shared lexicon), so
pass a lower threshold to catch translated resubmissions, and let a person decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from lodestar.engine.affinity import AffinityModel, AffinitySettings, ModelName
from lodestar.engine.affinity_types import Document, Explanation, Profile, Query
from lodestar.engine.embeddings import TextEncoder
from lodestar.engine.lexical import CosineProduct, TermSpace, featurize_many


@dataclass(frozen=True)
class SearchHit:
    id: str
    score: float
    explanation: Explanation


@dataclass(frozen=True)
class DuplicatePair:
    """Two documents that read alike; ``terms``: the words they share that weigh most."""

    first_id: str
    second_id: str
    similarity: float
    terms: tuple[str, ...]


class SearchIndex:
    """Documents fitted once, searched many times (each document is a profile of its own)."""

    def __init__(
        self,
        documents: Sequence[Document],
        model: ModelName = "lexical",
        background: Sequence[str] = (),
        settings: AffinitySettings | None = None,
        encoder: TextEncoder | None = None,
    ) -> None:
        profiles = [Profile(d.id, (d,)) for d in documents]
        self.model = AffinityModel(model, settings, encoder).fit(profiles, background)

    def search(self, text: str, top_k: int = 20, min_score: float = 0.0) -> tuple[SearchHit, ...]:
        """The ``top_k`` documents closest to ``text`` with a score above ``min_score``, best first."""
        if not text.strip() or not self.model.profiles:
            return ()
        result = self.model.score([Query("query", text)], top_k=top_k)
        return tuple(
            SearchHit(pid, value, result.explain("query", pid, value))
            for pid, value in result.top("query")
            if value > min_score
        )


def find_near_duplicates(
    documents: Sequence[Document], threshold: float = 0.7, block_rows: int = 512, terms: int = 5
) -> tuple[DuplicatePair, ...]:
    """Pairs of ``documents`` with a lexical cosine of at least ``threshold``, most similar first."""
    if len(documents) < 2:
        return ()
    features = featurize_many([d.full_text for d in documents])
    space = TermSpace.fit(features)
    vectors = space.vectors(features)
    product = CosineProduct(vectors, vectors)
    firsts: list[np.ndarray] = []
    seconds: list[np.ndarray] = []
    for start in range(0, len(documents), block_rows):
        block = product.rows(start, start + block_rows)
        # Candidates with some margin, then the exact sparse cosine of each (the block's sums are in
        # another order): the same pairs and similarities as a sparse product gives.
        row, col = np.nonzero(block >= threshold - 1e-4)
        keep = col > row + start
        firsts.append(row[keep] + start)
        seconds.append(col[keep])
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    value = np.array(
        [_sparse_cosine(vectors, a, b) for a, b in zip(first.tolist(), second.tolist(), strict=True)]
    )
    kept = value >= threshold - 1e-6
    first, second, value = first[kept], second[kept], value[kept]
    order = np.lexsort((second, first, -value))
    return tuple(
        DuplicatePair(
            first_id=documents[int(first[o])].id,
            second_id=documents[int(second[o])].id,
            similarity=round(min(float(value[o]), 1.0), 4),
            terms=_shared_terms(space, vectors, int(first[o]), int(second[o]), terms),
        )
        for o in order
    )


def _sparse_cosine(vectors: sp.csr_matrix, a: int, b: int) -> np.float32:
    """Rows ``a`` and ``b``'s dot product as scipy's sparse product sums it: float32 products added
    one by one in the order of the terms."""
    ptr = vectors.indptr
    span_a, span_b = slice(ptr[a], ptr[a + 1]), slice(ptr[b], ptr[b + 1])
    _, ia, ib = np.intersect1d(
        vectors.indices[span_a], vectors.indices[span_b], assume_unique=True, return_indices=True
    )
    products = vectors.data[span_a][ia] * vectors.data[span_b][ib]
    return np.cumsum(products, dtype=np.float32)[-1] if len(products) else np.float32(0)


def _shared_terms(space: TermSpace, vectors: sp.csr_matrix, a: int, b: int, n: int) -> tuple[str, ...]:
    row_a, row_b = vectors[a], vectors[b]
    shared, ia, ib = np.intersect1d(row_a.indices, row_b.indices, return_indices=True)
    weights = row_a.data[ia] * row_b.data[ib]
    labels = dict.fromkeys(
        space.display[space.term_of(int(shared[o]))] for o in np.argsort(-weights, kind="stable")
    )
    return tuple(labels)[:n]
