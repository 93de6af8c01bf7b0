"""The data that goes into and comes out of the affinity engine (see ``affinity.py`` for the API).

Kept apart from the models so that readers of files (``openreview.py``) and the web apps' adapters can
build inputs without loading the scoring code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import scipy.sparse as sp


@dataclass(frozen=True)
class Document:
    """One text of a profile: an expert's paper, a challenge's description, an organisation's profile.

    ``title`` is optional; when given it is read with the text (and embedded with it by the semantic
    model).
    """

    id: str
    text: str
    title: str = ""

    @property
    def full_text(self) -> str:
        if self.title and self.text:
            return f"{self.title}. {self.text}"
        return self.title or self.text


@dataclass(frozen=True)
class Profile:
    """What a match is scored against: an expert with several documents, a challenge with one."""

    id: str
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class Query:
    """What is being matched: an application, a submission, a search string."""

    id: str
    text: str
    title: str = ""

    @property
    def full_text(self) -> str:
        return Document(self.id, self.text, self.title).full_text


@dataclass(frozen=True)
class Explanation:
    """Why a query and a profile scored as they did.

    ``terms``: the shared words and phrases that weigh most, with their share of the lexical match (the
    shares of all shared terms sum to 1). ``areas``: the EDT area codes both are about.
    ``best_document_id``: the profile document that matched best (``None`` for a profile without
    documents).
    """

    score: float
    terms: tuple[tuple[str, float], ...]
    areas: tuple[str, ...]
    best_document_id: str | None


@dataclass(frozen=True)
class AffinityResult:
    """Scores of queries (rows) against profiles (columns).

    ``matrix`` is a dense ``numpy`` array when every pair was scored, or a ``scipy.sparse`` CSR matrix
    holding only each query's ``top_k`` profiles. Scores are in [0, 1] for the lexical model and
    roughly so for the others; higher is closer. Only the order within a row or a column is meaningful,
    not a threshold across models.
    """

    model: str
    query_ids: tuple[str, ...]
    profile_ids: tuple[str, ...]
    matrix: np.ndarray | sp.csr_matrix
    _explain: Callable[[str, str, float], Explanation] = field(repr=False, compare=False)
    _explain_many: Callable[[Sequence[tuple[str, str, float]]], list[Explanation]] | None = field(
        default=None, repr=False, compare=False
    )

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {qid: i for i, qid in enumerate(self.query_ids)}

    @cached_property
    def _columns(self) -> dict[str, int]:
        return {pid: j for j, pid in enumerate(self.profile_ids)}

    def dense(self) -> np.ndarray:
        return np.asarray(self.matrix) if isinstance(self.matrix, np.ndarray) else self.matrix.toarray()

    def score(self, query_id: str, profile_id: str) -> float:
        """The stored score of a pair (0 for a pair left out of a top-k result)."""
        i, j = self._rows[query_id], self._columns[profile_id]
        return float(self.matrix[i, j])

    @cached_property
    def _csr(self) -> sp.csr_matrix:
        """The sparse matrix in CSR form, made once (``top`` reads a row of it per query)."""
        return sp.csr_matrix(self.matrix)

    def top(self, query_id: str, k: int | None = None) -> tuple[tuple[str, float], ...]:
        """The best profiles for ``query_id``, best first: ``((profile_id, score), ...)``."""
        row = self._rows[query_id]
        if sp.issparse(self.matrix):
            csr = self._csr
            start, end = csr.indptr[row], csr.indptr[row + 1]
            cols, vals = csr.indices[start:end], csr.data[start:end]
        else:
            vals = np.asarray(self.matrix[row])
            cols = np.arange(len(vals))
        order = np.lexsort((cols, -vals))[: k if k is not None else len(vals)]
        return tuple((self.profile_ids[c], float(vals[o])) for o, c in zip(order, cols[order], strict=True))

    def pairs(self) -> Iterator[tuple[str, str, float]]:
        """Every stored ``(query_id, profile_id, score)``, row by row, best first within a row."""
        for qid in self.query_ids:
            for pid, value in self.top(qid):
                yield qid, pid, value

    def explanations(self) -> dict[tuple[str, str], Explanation]:
        """The explanation of every stored pair (each query's top-k for a sparse result)."""
        pairs = list(self.pairs())
        return {(q, p): e for (q, p, _), e in zip(pairs, self.explain_many(pairs), strict=True)}

    def explain_many(self, pairs: Sequence[tuple[str, str, float | None]]) -> list[Explanation]:
        """The explanations of many ``(query_id, profile_id, score)`` pairs at once, in their order: the
        same as ``explain`` pair by pair, computed together (26,000 suggestions in a second, not ten)."""
        known = [(q, p, self.score(q, p) if s is None else s) for q, p, s in pairs]
        if self._explain_many is not None:
            return self._explain_many(known)
        return [self._explain(q, p, s) for q, p, s in known]

    def explain(self, query_id: str, profile_id: str, score: float | None = None) -> Explanation:
        """The explanation of one pair's score (computed on demand, any pair, even outside the top-k).
        ``score``: the pair's score when the caller already read it (from ``top``), which saves looking
        it up in a sparse matrix, the slowest part of explaining 26,000 suggestions."""
        if score is None:
            i, j = self._rows[query_id], self._columns[profile_id]
            score = float(self.matrix[i, j])
        return self._explain(query_id, profile_id, score)
