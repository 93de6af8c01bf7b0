"""Screening names of shareholders against lists (sanctions, restricted parties), fuzzily and explained.

Names are normalised (case, accents, punctuation, legal forms such as "Ltd" or "GmbH" dropped, words
sorted) and compared with rapidfuzz's `ratio` (normalised Indel similarity, 0-100) on the normalised
forms, so "Rosoboron Export JSC" meets "ROSOBORONEXPORT" only if close enough, and "Ivanov Petr"
meets "Petr Ivanov".

Comparing every name with every listed name is 10^9 pairs for 10,000 holders and 100,000 list
names; instead candidates are blocked: two names are compared only if they share a word up to one
edit (each word is indexed with all its one-letter deletions, the symmetric-delete trick of SymSpell,
so "Petrov" and "Petrof" share "Petro"). Words found in more than `common_word_limit` listed names
("bank", "trading") are not used for blocking, only for scoring. A pair of names that differs by
one typo in every word is still found; a pair with no word within one edit of the other is not, and
its similarity would be low anyway for names of two words or more.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from lodestar.engine.legal_forms import LEGAL_FORMS

# Legal forms and the small words of names, dropped before names are compared.
DROPPED = LEGAL_FORMS | frozenset(["the", "of", "and"])
_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise(name: str) -> str:
    """Lower case, accents and punctuation removed ("S.A." is "sa"), legal forms dropped, words sorted."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = [w for w in _PUNCTUATION.sub(" ", plain.replace(".", "")).split() if w not in DROPPED]
    return " ".join(sorted(words))


def _keys(word: str) -> Iterable[str]:
    yield word
    if len(word) > 3:
        for i in range(len(word)):
            yield word[:i] + word[i + 1 :]


@dataclass(frozen=True)
class ListedName:
    """One name (or alias) of an entry of a screening list."""

    list_name: str
    entry_id: str
    name: str


@dataclass(frozen=True)
class Candidate:
    """A name to screen: a shareholder or a company."""

    id: str
    name: str


@dataclass(frozen=True)
class Hit:
    """`candidate` looks like `listed` with a similarity of `score` (0-100)."""

    candidate: Candidate
    listed: ListedName
    score: float

    @property
    def explanation(self) -> str:
        return (
            f"'{self.candidate.name}' resembles '{self.listed.name}' on the list "
            f"'{self.listed.list_name}' (entry {self.listed.entry_id}): {self.score:.1f} % similar"
        )


class ScreeningIndex:
    """The listed names, normalised and indexed by word for blocking. Build once, screen many.

    Names are indexed by word, and each distinct word by itself and its one-letter deletions, so the
    deletions are made once per word of the list's vocabulary, not once per name.
    """

    def __init__(self, listed: Sequence[ListedName], common_word_limit: int = 2000) -> None:
        self.listed = list(listed)
        self.normalised = [normalise(x.name) for x in self.listed]
        names_of_word: dict[str, list[int]] = defaultdict(list)
        for i, norm in enumerate(self.normalised):
            for word in set(norm.split()):
                names_of_word[word].append(i)
        self.common = {w for w, ids in names_of_word.items() if len(ids) > common_word_limit}
        words_of_key: dict[str, list[str]] = defaultdict(list)
        for word in names_of_word:
            if word not in self.common:
                for key in set(_keys(word)):
                    words_of_key[key].append(word)
        self.names_of_word = dict(names_of_word)
        self.words_of_key = dict(words_of_key)

    def candidates(self, norm: str) -> set[int]:
        """Listed names sharing a word, up to one edit, with `norm` (common words aside)."""
        words: set[str] = set()
        for word in norm.split():
            if word in self.common:
                continue
            for key in set(_keys(word)):
                words.update(self.words_of_key.get(key, ()))
        found: set[int] = set()
        for word in words:
            found.update(self.names_of_word[word])
        return found

    def screen(self, names: Sequence[Candidate], threshold: float = 90.0) -> list[Hit]:
        """Every (name, listed name) pair at least `threshold` similar, best first per name."""
        hits: list[Hit] = []
        for candidate in names:
            norm = normalise(candidate.name)
            if not norm:
                continue
            ids = sorted(self.candidates(norm))
            scored = process.extract(
                norm, [self.normalised[i] for i in ids], scorer=fuzz.ratio, score_cutoff=threshold, limit=None
            )
            found = [Hit(candidate, self.listed[ids[k]], round(float(score), 1)) for _, score, k in scored]
            found.sort(key=lambda h: (-h.score, h.listed.list_name, h.listed.entry_id, h.listed.name))
            hits.extend(found)
        return hits


def similarity(first: str, second: str) -> float:
    """rapidfuzz's `ratio` (0-100) of two names once normalised; 0 when either has no word left."""
    a, b = normalise(first), normalise(second)
    return float(fuzz.ratio(a, b)) if a and b else 0.0
