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

LEGAL_FORMS = frozenset({
    "ltd", "limited", "llc", "inc", "corp", "corporation", "co", "plc", "gmbh", "ag", "sa", "sas",
    "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "asa", "jsc", "ojsc", "pjsc", "ooo", "zao",
    "kg", "sp", "zoo", "the", "of", "and",
})
_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise(name: str) -> str:
    """Lower case, accents and punctuation removed ("S.A." is "sa"), legal forms dropped, words sorted."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = [w for w in _PUNCTUATION.sub(" ", plain.replace(".", "")).split() if w not in LEGAL_FORMS]
    return " ".join(sorted(words))


def _keys(word: str) -> Iterable[str]:
    yield word
    if len(word) > 3:
        for i in range(len(word)):
            yield word[:i] + word[i + 1:]


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
        return (f"'{self.candidate.name}' resembles '{self.listed.name}' on the list "
                f"'{self.listed.list_name}' (entry {self.listed.entry_id}): {self.score:.1f} % similar")


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
            scored = process.extract(norm, [self.normalised[i] for i in ids], scorer=fuzz.ratio,
                                     score_cutoff=threshold, limit=None)
            found = [Hit(candidate, self.listed[ids[k]], round(float(score), 1)) for _, score, k in scored]
            found.sort(key=lambda h: (-h.score, h.listed.list_name, h.listed.entry_id, h.listed.name))
            hits.extend(found)
        return hits


# --- Duplicates: the same company typed twice ------------------------------------------------------

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")


def website_key(url: str) -> str:
    """The host of a website, lower case, without scheme, "www.", port, path or trailing dot:
    "https://www.Orbital-Forge.de/en/" and "orbital-forge.de" are the same site."""
    host = _SCHEME.sub("", url.strip().lower()).split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".")
    return host.removeprefix("www.")


@dataclass(frozen=True)
class Company:
    """A company to compare with the others: its id, name and website (may be empty)."""

    id: str
    name: str
    website: str = ""


@dataclass(frozen=True)
class Duplicate:
    """`first` and `second` look like one company: the same website, or names `score` % similar."""

    first: Company
    second: Company
    score: float
    same_website: bool

    @property
    def explanation(self) -> str:
        if self.same_website:
            return (
                f"'{self.first.name}' and '{self.second.name}' have the same website "
                f"({website_key(self.first.website)})"
            )
        return f"'{self.first.name}' and '{self.second.name}' are {self.score:.1f} % similar by name"


def find_duplicates(companies: Sequence[Company], threshold: float = 92.0) -> list[Duplicate]:
    """Pairs of companies that are probably one: the same website host, or normalised names (legal
    forms dropped, words sorted) at least `threshold` similar by rapidfuzz's `ratio`. Each pair once,
    the lower id first, the strongest first. Names are blocked as in `ScreeningIndex` (a shared word up
    to one edit), so 2,000 companies compare a few thousand pairs, not two million."""
    pairs: dict[tuple[int, int], Duplicate] = {}
    by_site: dict[str, list[int]] = defaultdict(list)
    for i, company in enumerate(companies):
        key = website_key(company.website) if company.website else ""
        if key:
            by_site[key].append(i)
    for members in by_site.values():
        for a in members:
            for b in members:
                if a < b:
                    pairs[(a, b)] = Duplicate(companies[a], companies[b], 100.0, True)
    listed = [ListedName("", str(i), c.name) for i, c in enumerate(companies)]
    index = ScreeningIndex(listed)
    for i, company in enumerate(companies):
        norm = index.normalised[i]
        if not norm:
            continue
        ids = sorted(j for j in index.candidates(norm) if j > i)
        scored = process.extract(
            norm, [index.normalised[j] for j in ids], scorer=fuzz.ratio, score_cutoff=threshold, limit=None
        )
        for _, score, k in scored:
            j = ids[k]
            if (i, j) not in pairs:
                pairs[(i, j)] = Duplicate(company, companies[j], round(float(score), 1), False)
    return sorted(
        pairs.values(), key=lambda d: (-d.score, d.first.name, d.second.name, d.first.id, d.second.id)
    )


def similarity(first: str, second: str) -> float:
    """rapidfuzz's `ratio` (0-100) of two names once normalised; 0 when either has no word left."""
    a, b = normalise(first), normalise(second)
    return float(fuzz.ratio(a, b)) if a and b else 0.0
