"""The lexical term space of the affinity engine: features of a text and their TF-IDF vectors.

Public API (used by ``affinity.py``; the web apps should go through ``affinity.py``):

- ``featurize(text) -> TextFeatures``: language, term counts, the words behind each term, EDT areas.
  Terms are stems in the shared English space of ``lexicon.py`` (unigrams) and unordered pairs of
  neighbouring stems within a clause (``"energi storag"`` for both "energy storage" and "stockage
  d'énergie": French puts the noun first, so phrase order is dropped).
- ``TermSpace.fit(documents, background=()) -> TermSpace``: the vocabulary and inverse document
  frequencies of a corpus; ``space.vectors(features) -> csr_matrix``: L2-normalised rows of
  ``(1 + log tf) * idf``, so that a dot product is a cosine.

Why these choices (measured on the gold-standard benchmark, see BENCHMARKS.md): sublinear tf beats raw
counts (0.228 against 0.257) and BM25 saturation (0.234); bigrams on top of unigrams help (0.228 against
0.254 for unigrams only, with top-10 aggregation); weighting titles twice does not help.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp

from lodestar.engine.lexicon import Segment, shared_segments
from lodestar.engine.taxonomy import AREAS, area_vectors
from lodestar.engine.text import analyze


@dataclass(frozen=True)
class TextFeatures:
    """What the lexical model reads in a text.

    ``counts``: term -> occurrences; ``display``: term -> the words it was read from;
    ``areas``: one confidence per EDT area (``taxonomy.AREAS`` order).
    """

    language: str
    counts: dict[str, int]
    display: dict[str, str]
    areas: np.ndarray

    @property
    def length(self) -> int:
        return sum(c for t, c in self.counts.items() if " " not in t)


def _terms(segments: Sequence[Segment]) -> tuple[dict[str, int], dict[str, str]]:
    counts: dict[str, int] = {}
    display: dict[str, str] = {}
    for seg in segments:
        stems, words = seg.stems, seg.words
        for i, s in enumerate(stems):
            counts[s] = counts.get(s, 0) + 1
            if s not in display:
                display[s] = words[i]
            if i:
                a, b = stems[i - 1], s
                if a == b:
                    continue
                key = f"{a} {b}" if a < b else f"{b} {a}"
                counts[key] = counts.get(key, 0) + 1
                if key not in display:
                    w0, w1 = words[i - 1], words[i]
                    display[key] = w0 if w0 == w1 else f"{w0} {w1}"
    return counts, display


def featurize_many(texts: Iterable[str]) -> list[TextFeatures]:
    """``featurize`` for many texts (the taxonomy is applied in one pass)."""
    analysed = [analyze(t) for t in texts]
    segmented = [shared_segments(a) for a in analysed]
    areas = area_vectors(segmented) if segmented else np.zeros((0, len(AREAS)))
    out = []
    for a, segs, row in zip(analysed, segmented, areas, strict=True):
        counts, display = _terms(segs)
        out.append(TextFeatures(language=a.language, counts=counts, display=display, areas=row))
    return out


def featurize(text: str) -> TextFeatures:
    return featurize_many([text])[0]


@dataclass(frozen=True)
class TermSpace:
    """A fitted vocabulary: term -> column, with inverse document frequencies and display words."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    display: dict[str, str]
    unseen_idf: float = 1.0

    @classmethod
    def fit(cls, documents: Sequence[TextFeatures], background: Sequence[TextFeatures] = ()) -> TermSpace:
        """Vocabulary of ``documents``; document frequencies over ``documents`` and ``background``.

        ``background`` texts (the applications of a call, for instance) only sharpen the frequencies:
        with five challenges as the only documents, every common word would look rare.
        """
        vocabulary: dict[str, int] = {}
        display: dict[str, str] = {}
        for f in documents:
            for term in f.counts:
                if term not in vocabulary:
                    vocabulary[term] = len(vocabulary)
                    display[term] = f.display[term]
        df = np.zeros(len(vocabulary))
        for f in (*documents, *background):
            cols = [vocabulary[t] for t in f.counts if t in vocabulary]
            df[cols] += 1
        n = len(documents) + len(background)
        # Smoothed idf (as if one more text held every term) stays positive for terms found everywhere.
        idf = np.log((n + 1) / (df + 1)) + 1.0
        return cls(vocabulary=vocabulary, idf=idf, display=display, unseen_idf=float(np.log(n + 1) + 1.0))

    def vectors(self, features: Sequence[TextFeatures]) -> sp.csr_matrix:
        """One L2-normalised ``(1 + log tf) * idf`` row per text.

        Terms outside the vocabulary have no column but keep their weight (at the idf of a term no
        document has) in the norm.
        """
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        unseen = np.zeros(len(features))
        vocabulary = self.vocabulary
        for row, f in enumerate(features):
            for term, count in f.counts.items():
                col = vocabulary.get(term)
                if col is not None:
                    indices.append(col)
                    data.append(1.0 + math.log(count))
                else:
                    unseen[row] += (1.0 + math.log(count)) ** 2
            indptr.append(len(indices))
        matrix = sp.csr_matrix(
            (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
            shape=(len(features), len(vocabulary)),
        )
        matrix.data *= self.idf[matrix.indices]
        # Terms no profile document has still count in a text's length: a query half made of words no
        # expert uses is a weaker match for every expert (0.228 against 0.240 on the benchmark).
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel() + unseen * self.unseen_idf**2)
        norms[norms == 0] = 1.0
        matrix.data /= np.repeat(norms, np.diff(matrix.indptr))
        matrix.sort_indices()
        return matrix.astype(np.float32)

    def display_of(self, column: int) -> str:
        """The words a column's term was read from (for explanations)."""
        return self.display[self._column_terms[column]]

    @cached_property
    def _column_terms(self) -> list[str]:
        terms = [""] * len(self.vocabulary)
        for term, col in self.vocabulary.items():
            terms[col] = term
        return terms
