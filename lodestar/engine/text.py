"""Text analysis for English and French: language, words, stop words, stems and phrases.

Public API (relied on by the web apps, keep the names and signatures):

- ``detect_language(text: str) -> str``: ``"en"`` or ``"fr"`` (English when in doubt, and for empty text).
- ``tokenize(text: str) -> list[str]``: lower-cased words, French elisions split off (``l'énergie`` gives
  ``l``, ``énergie``), hyphenated words split, numbers without letters dropped.
- ``stem(words, language) -> list[str]``: Snowball stems (PyStemmer), accents removed from the result so
  that text typed without accents meets text typed with them.
- ``analyze(text, language=None) -> Analysis``: the content words of a text with their stems, grouped in
  ``Segment(stems, words)`` clauses (between punctuation marks), stop words removed.

Everything is deterministic and pure; stemmers are cached per language because building one costs more
than stemming a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

import Stemmer

LANGUAGES = ("en", "fr")
_SNOWBALL = {"en": "english", "fr": "french"}


def strip_accents(text: str) -> str:
    """Return ``text`` without diacritics (``énergie`` gives ``energie``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        a about above after again against all almost also although always am among an and another any
        are aren around as at be became because become becomes been before being below between both but
        by can cannot could couldn did didn do does doesn doing don done down during each either else
        enough etc even ever every few for from further had hadn has hasn have haven having he her here
        hers herself him himself his how however i if in into is isn it its itself just least less let
        like made make makes many may me might more most much must my myself neither no nor not now of
        off often on once one only onto or other others otherwise our ours ourselves out over own per
        perhaps quite rather s same several shall she should shouldn since so some such t than that the
        their theirs them themselves then there therefore these they this those though through thus to
        too toward towards under until up upon us use used uses using very via was wasn we well were
        weren what whatever when where whereas whether which while who whom whose why will with within
        without would wouldn yet you your yours yourself yourselves also e g i.e eg ie vs
        """
    ),
    "fr": _words(
        """
        a afin ai aie aient ainsi alors au aucun aucune aupres auquel aussi autre autres aux auxquels
        avaient avais avait avant avec avez avoir avons ayant c ca car ce ceci cela celle celles celui
        cependant certain certaines certains ces cet cette ceux chacun chaque chez ci comme comment d
        dans de des desquels dont du duquel elle elles en encore entre es est et etaient etait etant ete
        etre eu eux fait faire fais font hors il ils j je jusqu jusque l la laquelle le lequel les
        lesquels leur leurs lui m ma mais me meme memes mes moi moins mon n ne ni non nos notre nous on
        ont or ou par parce parmi pas peu peut peuvent plus plusieurs pour pourquoi pourra pourrait
        pres puis qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses si sien soi soit
        sommes son sont sous souvent suis sur t ta tandis te tel telle telles tels tes toi ton toujours
        tous tout toute toutes tres tu un une unes uns vers via voici voila vos votre vous y à où être
        déjà été étaient était étant même mêmes près très ça celà afin lors lorsque dès
        """
    ),
}

# Texts typed without accents must lose the same stop words ("deja" as "déjà").
STOP_WORDS: dict[str, frozenset[str]] = {
    lang: words | {strip_accents(w) for w in words} for lang, words in _STOP_WORDS.items()
}

# Words that only say which language a text is in; weighted by how rarely they occur in the other one.
_LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to is are for with that this from by be was were which have has on as an it "
        "their these its not can our we or at"
    ),
    "fr": _words(
        "le la les des du de et est sont pour avec dans une un que qui par sur au aux ces cette "
        "leur nous ou en se ne pas plus d l qu"
    ),
}

# A word has at least one letter: numbers alone (years, counts) say little, "5g" or "c2" say much.
_WORD = re.compile(r"[^\W_]*[^\W\d_][^\W_]*")
_SEGMENT_BREAK = re.compile(r"[.;:!?()\[\]{}\"«»\n•|]+|,\s|\s[-–—]\s")

# Snowball's English stemmer keeps British and American spellings apart ("organis" against "organ");
# both occur in the alliance's texts, so the British form is rewritten before stemming.
_BRITISH = {
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "licence": "license",
    "centre": "center",
    "centres": "centers",
    "metre": "meter",
    "metres": "meters",
    "fibre": "fiber",
    "fibres": "fibers",
    "theatre": "theater",
    "programme": "program",
    "programmes": "programs",
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "colour": "color",
    "labour": "labor",
    "armour": "armor",
    "harbour": "harbor",
    "neighbour": "neighbor",
    "favour": "favor",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "aluminium": "aluminum",
    "sulphur": "sulfur",
    "analyse": "analyze",
    "analysed": "analyzed",
    "analyses": "analyzes",
    "analysing": "analyzing",
}
_BRITISH_ISE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$")


def tokenize(text: str) -> list[str]:
    """Lower-cased words of ``text``; numbers without a letter are dropped (years and counts say little)."""
    return _WORD.findall(text.lower())


def detect_language(text: str) -> str:
    """Return ``"fr"`` when ``text`` reads as French, otherwise ``"en"`` (also for empty or unclear text).

    Counts the function words of each language, which every sentence has whatever its subject; accented
    letters break a tie, since English rarely has them.
    """
    return _language_of(tokenize(text), text)


@lru_cache(maxsize=2)
def _stemmer(language: str) -> Stemmer.Stemmer:
    stemmer = Stemmer.Stemmer(_SNOWBALL[language])
    stemmer.maxCacheSize = 200_000
    return stemmer


def _normalise_english(word: str) -> str:
    word = _BRITISH.get(word, word)
    return _BRITISH_ISE.sub(r"iz\1", word) if len(word) > 6 else word


def stem(words: Sequence[str], language: str) -> list[str]:
    """Snowball stems of ``words`` in ``language`` (``"en"`` or ``"fr"``), without accents."""
    if language not in _SNOWBALL:
        raise ValueError(f"unsupported language {language!r}; expected one of {LANGUAGES}")
    if language == "en":
        words = [_normalise_english(w) for w in words]
    return [strip_accents(s) for s in _stemmer(language).stemWords(list(words))]


class Segment(NamedTuple):
    """A clause: the stems of its content words and, aligned with them, the words as written.

    A named tuple rather than a dataclass: corpora make millions of them.
    """

    stems: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    """The content words of a text, stop words removed, grouped by clause (between punctuation marks);
    phrases never cross a clause boundary."""

    language: str
    segments: tuple[Segment, ...]

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(w for seg in self.segments for w in seg.words)

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(s for seg in self.segments for s in seg.stems)


# Memoised word -> stem per language: a corpus repeats a few thousand words millions of times, and a
# dict lookup is much cheaper than a call into the stemmer with its normalisation.
_STEM_TABLES: dict[str, dict[str, str]] = {"en": {}, "fr": {}}
_STEM_TABLE_LIMIT = 500_000


def stem_word_list(words: Sequence[str], language: str) -> list[str]:
    """Like ``stem`` but memoised per word: for corpora."""
    table = _STEM_TABLES[language]
    missing = [w for w in set(words) if w not in table]
    if missing:
        if len(table) > _STEM_TABLE_LIMIT:
            table.clear()
        table.update(zip(missing, stem(missing, language), strict=True))
    return [table[w] for w in words]


def _language_of(words: Sequence[str], text: str) -> str:
    en = sum(1 for w in words if w in _LANGUAGE_MARKERS["en"])
    fr = sum(1 for w in words if w in _LANGUAGE_MARKERS["fr"])
    if fr == en:
        accents = sum(1 for c in text if c in "éèêàâçùûôîïëœ")
        return "fr" if accents > 0 and accents * 20 >= len(words) else "en"
    return "fr" if fr > en else "en"


# Memoised word -> stem of a content word, or None for a word ``analyze`` drops (a stop word or a
# single letter), per language: one lookup per word of a text, done by ``map`` in C.
_CONTENT: dict[str, dict[str, str | None]] = {"en": {}, "fr": {}}


def _learn_words(words: set[str], language: str) -> dict[str, str | None]:
    table = _CONTENT[language]
    if len(table) > _STEM_TABLE_LIMIT:
        table.clear()
    stops = STOP_WORDS[language]
    content = [w for w in words if w not in stops and len(w) > 1]
    table.update(dict.fromkeys(words))
    if content:
        table.update(zip(content, stem_word_list(content, language), strict=True))
    return table


def analyze(text: str, language: str | None = None) -> Analysis:
    """Split ``text`` into clauses of content words with their stems, stop words removed.

    ``language`` is detected when not given. Words of one letter are dropped with the stop words.
    """
    raw = [_WORD.findall(part) for part in _SEGMENT_BREAK.split(text.lower())]
    everything = Counter(chain.from_iterable(raw))
    lang = language or _language_from_counts(everything, text)
    table = _CONTENT[lang]
    if not table.keys() >= everything.keys():
        table = _learn_words(set(everything).difference(table), lang)
    lookup = table.__getitem__
    segments = []
    for seg in raw:
        stems = list(map(lookup, seg))
        if None in stems:
            words = tuple([w for w, s in zip(seg, stems, strict=True) if s is not None])
            if not words:
                continue
            segments.append(Segment(tuple([s for s in stems if s is not None]), words))
        elif seg:
            segments.append(Segment(tuple(stems), tuple(seg)))  # type: ignore[arg-type]  # no None here
    return Analysis(language=lang, segments=tuple(segments))


def _language_from_counts(counts: Counter[str], text: str) -> str:
    """``_language_of`` from the words' counts (the same sums, without a pass over every word)."""
    en = sum(counts[w] for w in _LANGUAGE_MARKERS["en"] if w in counts)
    fr = sum(counts[w] for w in _LANGUAGE_MARKERS["fr"] if w in counts)
    if fr == en:
        accents = sum(1 for c in text if c in "éèêàâçùûôîïëœ")
        return "fr" if accents > 0 and accents * 20 >= counts.total() else "en"
    return "fr" if fr > en else "en"
