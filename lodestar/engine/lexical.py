"""The lexical term space of the affinity engine: features of a text and their TF-IDF vectors.

Public API (used by ``affinity.py``; the web apps should go through ``affinity.py``):

- ``featurize_many(texts) -> list[TextFeatures]``: language, term counts, the words behind each term,
  EDT areas.
  Terms are stems in the shared English space of ``lexicon.py`` (unigrams) and unordered pairs of
  neighbouring stems within a clause (``"energi storag"`` for both "energy storage" and "stockage
  d'énergie": French puts the noun first, so phrase order is dropped).
- ``TermSpace.fit(documents, background=()) -> TermSpace``: the vocabulary and inverse document
  frequencies of a corpus; ``space.vectors(features) -> csr_matrix``: L2-normalised rows of
  ``(1 + log tf) * idf``, so that a dot product is a cosine.

Why these choices (loss on the gold-standard benchmark's development half, lower is better, all with
the top-10 aggregation of ``affinity.py``): sublinear tf with cosine 0.228, against raw counts 0.257
and BM25 document weights (k1 1.2, b 0.75) 0.230, which is no better and has two more parameters;
unordered bigrams on top of unigrams 0.228, against 0.247 for unigrams alone; weighting titles twice
0.237.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

import numpy as np
import scipy.sparse as sp

from lodestar.engine.lexicon import shared_segments
from lodestar.engine.taxonomy import AREAS, area_vectors
from lodestar.engine.text import Segment, analyze


class TermNumbers:
    """Numbers for terms, shared by the process: a text's terms are numbered once when it is read, and
    every term space built later maps them to its columns with one array lookup instead of a dict
    lookup per term and text (a run maps 2,600 applications' terms four times).

    Bounded: past ``LIMIT`` terms a fresh numbering starts (``current()``); features numbered by an
    older one are mapped by name, as before, which is slower but equal.
    """

    LIMIT = 2_000_000

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []

    def number(self, terms: Iterable[str]) -> list[int]:
        # A list, not an array: numpy's cost per small array would exceed the lookups themselves.
        ids, names = self.ids, self.names
        terms = list(terms)
        out = list(map(ids.get, terms))
        if None in out:
            for k, term in enumerate(terms):
                if out[k] is None:
                    n = ids.get(term)  # a term repeated in `terms` is numbered once
                    if n is None:
                        n = ids[term] = len(names)
                        names.append(term)
                    out[k] = n
        return out  # type: ignore[return-value]  # every None was replaced just above


_NUMBERS = TermNumbers()


def _current_numbers() -> TermNumbers:
    """The numbering new texts get (a fresh one once the current one is full); call holding the lock."""
    global _NUMBERS
    if len(_NUMBERS.names) > TermNumbers.LIMIT:
        _NUMBERS = TermNumbers()
    return _NUMBERS


@dataclass(frozen=True)
class TextFeatures:
    """What the lexical model reads in a text.

    ``counts``: term -> occurrences; ``display``: term -> the words it was read from;
    ``areas``: one confidence per EDT area (``taxonomy.AREAS`` order). ``term_ids``: the terms of
    ``counts`` (in its order) numbered by ``numbers``.
    """

    language: str
    counts: dict[str, int]
    display: dict[str, str]
    areas: np.ndarray
    term_ids: list[int] | None = field(default=None, repr=False, compare=False)
    numbers: TermNumbers | None = field(default=None, repr=False, compare=False)


def _terms(segments: Sequence[Segment]) -> tuple[dict[str, int], dict[str, str]]:
    terms: list[str] = []
    words: list[str] = []
    append_term, append_words = terms.append, words.append
    for stems, written in segments:
        terms += stems
        words += written
        if len(stems) > 1:
            for a, b, w0, w1 in zip(stems, stems[1:], written, written[1:], strict=False):
                if a != b:
                    append_term(a + " " + b if a < b else b + " " + a)
                    append_words(w0 if w0 == w1 else w0 + " " + w1)
    # Reversed so that the first words a term was read from are the ones kept for display.
    return dict(Counter(terms)), dict(zip(reversed(terms), reversed(words), strict=True))


# Reading a text (tokens, stems, the bilingual lexicon, the taxonomy) is most of the cost of
# matching, and one run reads the same applications three times (best challenge, near-duplicates,
# suggested experts). Features are a pure function of the text, so a bounded memo of the last texts
# read is kept per process; callers never mutate them.
_MEMO: OrderedDict[str, TextFeatures] = OrderedDict()
_MEMO_SIZE = 20_000
_MEMO_LOCK = threading.Lock()


def featurize_many(texts: Iterable[str]) -> list[TextFeatures]:
    """The features of each text (the taxonomy is applied in one pass to the texts not yet read)."""
    texts = list(texts)
    with _MEMO_LOCK:
        known = {t: _MEMO[t] for t in texts if t in _MEMO}
    missing = list(dict.fromkeys(t for t in texts if t not in known))
    analysed = [analyze(t) for t in missing]
    segmented = [shared_segments(a) for a in analysed]
    areas = area_vectors(segmented) if segmented else np.zeros((0, len(AREAS)))
    read = []
    for text, a, segs, row in zip(missing, analysed, segmented, areas, strict=True):
        counts, display = _terms(segs)
        read.append((text, a.language, counts, display, row))
    with _MEMO_LOCK:
        numbers = _current_numbers()
        for text, language, counts, display, row in read:
            known[text] = TextFeatures(
                language=language,
                counts=counts,
                display=display,
                areas=row,
                term_ids=numbers.number(counts),
                numbers=numbers,
            )
        for text in texts:
            _MEMO[text] = known[text]
            _MEMO.move_to_end(text)
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return [known[t] for t in texts]


def _shared_numbers(features: Sequence[TextFeatures]) -> TermNumbers | None:
    """The numbering all of ``features`` share, or None (some unnumbered, or numbered apart)."""
    numbers = features[0].numbers if features else None
    if numbers is None or any(f.numbers is not numbers for f in features):
        return None
    return numbers


def _all_ids(features: Sequence[TextFeatures]) -> np.ndarray:
    """The term numbers of every text, one after the other (all numbered by one ``TermNumbers``)."""
    total = sum(len(f.counts) for f in features)
    return np.fromiter(chain.from_iterable(f.term_ids or () for f in features), dtype=np.int64, count=total)


@dataclass(frozen=True)
class TermSpace:
    """A fitted vocabulary: term -> column, with inverse document frequencies and display words."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    display: dict[str, str]
    unseen_idf: float = 1.0
    # Column of each term number of `numbers` (-1 outside the vocabulary), when fitted on numbered texts.
    numbers: TermNumbers | None = field(default=None, repr=False, compare=False)
    columns: np.ndarray | None = field(default=None, repr=False, compare=False)

    @classmethod
    def fit(cls, documents: Sequence[TextFeatures], background: Sequence[TextFeatures] = ()) -> TermSpace:
        """Vocabulary of ``documents``; document frequencies over ``documents`` and ``background``.

        ``background`` texts (the applications of a call, for instance) only sharpen the frequencies:
        with five challenges as the only documents, every common word would look rare.
        """
        numbers = _shared_numbers(documents)
        columns = None
        if numbers is not None and documents:
            # The terms in order of first appearance, as `dict.fromkeys` over the texts' counts gives.
            ids = _all_ids(documents)
            unique, first = np.unique(ids, return_index=True)
            ordered = unique[np.argsort(first, kind="stable")]
            names = numbers.names
            vocabulary = {names[i]: col for col, i in enumerate(ordered.tolist())}
            columns = np.full(len(names), -1, dtype=np.int64)
            columns[ordered] = np.arange(len(ordered))
            # Each term's words as the first document with it wrote them (the loop below, per term).
            owner = np.repeat(np.arange(len(documents)), [len(f.counts) for f in documents])
            first_owner = owner[np.sort(first)].tolist()
            display = {
                term: documents[k].display[term] for term, k in zip(vocabulary, first_owner, strict=True)
            }
        else:
            terms = dict.fromkeys(chain.from_iterable(f.counts for f in documents))
            vocabulary = {term: col for col, term in enumerate(terms)}
            display = {}
            for f in reversed(documents):
                display.update(f.display)
        space = cls(
            vocabulary=vocabulary,
            idf=np.ones(len(vocabulary)),
            display=display,
            numbers=numbers if columns is not None else None,
            columns=columns,
        )
        counts, _ = space._counts([*documents, *background])
        df = np.bincount(counts.indices, minlength=len(vocabulary)).astype(np.float64)
        n = len(documents) + len(background)
        # Smoothed idf (as if one more text held every term) stays positive for terms found everywhere.
        idf = np.log((n + 1) / (df + 1)) + 1.0
        return cls(
            vocabulary=vocabulary,
            idf=idf,
            display=display,
            unseen_idf=float(np.log(n + 1) + 1.0),
            numbers=space.numbers,
            columns=columns,
        )

    def _counts(self, features: Sequence[TextFeatures]) -> tuple[sp.csr_matrix, np.ndarray]:
        """Raw term counts (one row per text), and per text the sum of squared sublinear tf of terms
        outside the vocabulary."""
        sizes = np.fromiter((len(f.counts) for f in features), dtype=np.int64, count=len(features))
        if features and self.columns is not None and _shared_numbers(features) is self.numbers:
            # Numbered texts: one array lookup (terms numbered after the fit are outside it).
            ids = _all_ids(features)
            all_counts = np.fromiter(
                chain.from_iterable(f.counts.values() for f in features), dtype=np.float64, count=len(ids)
            )
            inside = ids < len(self.columns)
            cols = np.where(inside, self.columns[np.where(inside, ids, 0)], -1)
        else:
            all_terms = list(chain.from_iterable(f.counts for f in features))
            all_counts = np.fromiter(
                chain.from_iterable(f.counts.values() for f in features),
                dtype=np.float64,
                count=len(all_terms),
            )
            get = self.vocabulary.get
            cols = np.fromiter((get(t, -1) for t in all_terms), dtype=np.int64, count=len(all_terms))
        rows = np.repeat(np.arange(len(features)), sizes)
        known = cols >= 0
        unseen = np.bincount(
            rows[~known], weights=(1.0 + np.log(all_counts[~known])) ** 2, minlength=len(features)
        )
        matrix = sp.csr_matrix(
            (all_counts[known], (rows[known], cols[known])), shape=(len(features), len(self.vocabulary))
        )
        return matrix, unseen

    def vectors(self, features: Sequence[TextFeatures]) -> sp.csr_matrix:
        """One L2-normalised ``(1 + log tf) * idf`` row per text.

        Terms outside the vocabulary have no column but keep their weight (at the idf of a term no
        document has) in the norm.
        """
        matrix, unseen = self._counts(features)
        matrix.data = (1.0 + np.log(matrix.data)) * self.idf[matrix.indices]
        # Terms no profile document has still count in a text's length: a query half made of words no
        # expert uses is a weaker match for every expert (0.228 against 0.240 on the benchmark).
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel() + unseen * self.unseen_idf**2)
        norms[norms == 0] = 1.0
        matrix.data /= np.repeat(norms, np.diff(matrix.indptr))
        matrix.sort_indices()
        return matrix.astype(np.float32)

    def term_of(self, column: int) -> str:
        return self._column_terms[column]

    @cached_property
    def _column_terms(self) -> list[str]:
        terms = [""] * len(self.vocabulary)
        for term, col in self.vocabulary.items():
            terms[col] = term
        return terms


class CosineProduct:
    """``left @ right.T`` of two sets of L2-normalised rows, as dense float32 blocks of ``left``'s rows.

    A sparse product spends its time on the few terms that most texts of both sides share ("system",
    "data"): each such term costs (texts on the left) x (texts on the right) scattered additions, and
    makes the result nearly dense anyway. Those terms go through one dense matrix product (BLAS)
    instead, the rare ones through the sparse product, and the two parts are added: 2,600 applications
    against 8,700 expert documents in about half the time. Same sums in another order: equal to the
    sparse product within float32 rounding (1e-6).

    A term is "frequent" when (left rows with it) x (right rows with it) exceeds ``1 / ratio`` of all
    the pairs: a dense column costs every pair one multiply-add, but BLAS does about a hundred of
    them in the time of one sparse scattered addition.
    """

    def __init__(self, left: sp.csr_matrix, right: sp.csr_matrix, ratio: float = 150.0) -> None:
        width = left.shape[1]
        on_left = np.bincount(left.indices, minlength=width).astype(np.float64)
        on_right = np.bincount(right.indices, minlength=width).astype(np.float64)
        frequent = on_left * on_right > left.shape[0] * right.shape[0] / ratio
        self.left = left
        self.frequent = np.flatnonzero(frequent)
        self.rare = np.flatnonzero(~frequent)
        if len(self.frequent):
            self.right_rare_t = right[:, self.rare].T.tocsr()
            self.right_frequent_t = np.ascontiguousarray(right[:, self.frequent].toarray().T)
        else:
            self.right_rare_t = right.T.tocsr()
            self.right_frequent_t = np.zeros((0, right.shape[0]), dtype=np.float32)

    def rows(self, start: int, end: int) -> np.ndarray:
        """The products of ``left``'s rows ``start:end`` with every row of ``right``."""
        block = self.left[start:end]
        if not len(self.frequent):
            return np.asarray((block @ self.right_rare_t).toarray(), dtype=np.float32)
        out = np.asarray((block[:, self.rare] @ self.right_rare_t).toarray(), dtype=np.float32)
        out += block[:, self.frequent].toarray() @ self.right_frequent_t
        return out
