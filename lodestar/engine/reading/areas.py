"""The EDT areas a document is substantially about, each with a score and the sentences that show it.

A document is read sentence by sentence with the radar's vocabulary (``areas_vocabulary``: the
taxonomy's lexicon with what news says of each area, and the words that show an area only with help).
Each sentence gives every area the weight of the terms it uses:

- a weak word ("launch", "power", "data", "health", "software") counts for little unless the same
  sentence names the area by a strong word ("launch" beside "satellite"), or it names the area itself
  ("data", "réseau") and the document keeps coming back to it;
- a sentence naming three areas or more is a list of technologies in passing (a fund "investing in AI,
  robotics and space"), and counts for little;
- the title line counts more than a sentence of the body;
- a term repeated over the sentences adds less each time, and the sum is divided by a length factor.

A document is about an area when that area clearly leads: its confidence reaches ``MIN_SCORE`` and
stands ``MIN_LEAD`` above the next area's, or the title names it and its confidence reaches
``TITLE_SCORE``. Several areas at once with none leading is what a fund or an accelerator call reads
like, and such a document gets no area (the bench's labelling rule).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

from lodestar.engine.lexicon import shared_segments
from lodestar.engine.reading.areas_vocabulary import area_names, term_index, term_starts
from lodestar.engine.reading.evidence import Evidence, sentences
from lodestar.engine.text import Analysis, Segment, analyze, detect_language

MIN_SCORE = 0.6
MIN_LEAD = 0.1
TITLE_SCORE = 0.45
MAX_SENTENCES = 3
WEAK_WITH = 0.5  # a weak word beside a strong word of its area
WEAK_ALONE = 0.15  # a weak word alone in its sentence
LIST_AREAS = 3  # a sentence naming this many areas by strong words is a list in passing
LIST_FACTOR = 0.3
REPEATED = 3  # a weak area name in this many sentences counts as if a strong word stood beside it
TITLE_WEIGHT = 2.0
SCALE = 2.0
LENGTH_UNIT = 120  # content words; longer texts need more evidence
CYBER_PREFIX = "cyber"
SHARE_LEAD = 2.0  # a leader by less than MIN_LEAD still leads when named in twice as many sentences
SHARE_MIN = 3
LEAD_SENTENCES = 2  # the title and the first sentence (or the first two sentences)

# Senses of an area's words that are not the area: room ("space for", "espace de dialogue") and
# networks of people ("a network of partners", "réseaux sociaux").
_NOT_THE_AREA = re.compile(
    r"\b(?:space|room)\s+(?:for|to)\b"
    r"|\b(?:office|breathing|living|public|retail|exhibition|schengen)\s+space\b"
    r"|\bespaces?\s+(?:de\s+(?:travail|dialogue|discussion|vente|coworking|rencontre|stockage)|publics?"
    r"|schengen|d'exposition|d'échange)\b"
    r"|\b(?:social|business|distribution|partner|dealer|alumni)\s+networks?\b"
    r"|\bnetworks?\s+of\s+(?:partners|experts|contacts|investors|members|businesses|companies)\b"
    r"|\bréseaux?\s+(?:sociaux|social|de\s+(?:partenaires|distribution|magasins|contacts|bénévoles)"
    r"|d'(?:entreprises|experts|agences|investisseurs))\b",
    re.IGNORECASE,
)


# A name of two capitalised words or more after the first word of a sentence (a company, a fund).
_NAME = re.compile(r"(?<=[\w,;:’'\"”)]\s)(?:[A-Z][\w&’'.-]*\s+)+[A-Z][\w&’'.-]*")


@dataclass(frozen=True)
class AreaReading:
    code: str
    score: float
    evidence: tuple[Evidence, ...]


Found = dict[str, dict[tuple[str, ...], tuple[float, bool]]]  # area -> term stems -> (weight, weak)


_MARKER = "qqareasbreakqq"  # a word no text uses: it parts the texts read in one analysis


def _segments(parts: list[str], language: str) -> list[list[Segment]]:
    """The shared-space segments of each text of ``parts``, analysed in one pass."""
    out: list[list[Segment]] = [[] for _ in parts]
    i = 0
    for seg in shared_segments(analyze(f"\n{_MARKER}\n".join(parts), language)):
        if seg.words == (_MARKER,):
            i += 1
        else:
            out[i].append(seg)
    return out


def _scan(segments: list[Segment], found: Found, weak_only: bool = False) -> tuple[int, int]:
    """Add the area terms of ``segments`` to ``found``; their content words and clauses naming an area."""
    index, starts = term_index(), term_starts()
    n_words = items = 0
    for seg in segments:
        stems = seg.stems
        n_words += len(stems)
        free = 0
        named = False
        for i, s in enumerate(stems):
            if i < free:
                continue
            if s not in starts:
                if s.startswith(CYBER_PREFIX) and len(s) > len(CYBER_PREFIX):
                    # English and French make cyber- words at will (CyberPatriot, cyberespionnage).
                    found.setdefault("cyber", {}).setdefault((s,), (1.0, weak_only))
                    named = True
                continue
            for n in range(min(starts[s], len(stems) - i), 0, -1):  # the longest term wins
                key = stems[i : i + n]
                if key in index:
                    for code, weight, weak in index[key]:
                        found.setdefault(code, {}).setdefault(key, (weight, weak or weak_only))
                    free = i + n
                    named = True
                    break
        items += named
    return n_words, items


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _headline(sentence: str) -> bool:
    words = _WORDS.findall(sentence)
    return sum(w[0].isupper() for w in words) * 2 > len(words)


class SentenceTerms(NamedTuple):
    found: Found  # area -> term stems -> (weight, weak)
    n_words: int  # content words
    listed: bool  # names its areas in a list
    items: int  # clauses (between commas) naming an area


def read_sentences(texts: list[str], language: str) -> list[SentenceTerms]:
    """For each sentence: the area terms it uses, its number of content words, and whether it lists
    them.

    A term inside a name ("Quantum Systems", "Breakthrough Energy Ventures", "Space Forge") says less
    about the sentence than the same word used for itself, and counts as a weak word.
    """
    cleaned = [_NOT_THE_AREA.sub(" ", t) for t in texts]
    names = [[] if _headline(t) else _NAME.findall(t) for t in cleaned]
    bodies = _segments(
        [_NAME.sub("; ", t) if n else t for t, n in zip(cleaned, names, strict=True)], language
    )
    flat = [name for n in names for name in n]
    in_names = iter(_segments(flat, language) if flat else [])
    out = []
    for body, sentence_names in zip(bodies, names, strict=True):
        found: Found = {}
        n_words, items = _scan(body, found)
        for _ in sentence_names:
            _scan(next(in_names), found, weak_only=True)
        strong = sum(1 for terms in found.values() if _strong(terms))
        # A list: three areas named, two of them by strong words ("robots, AI and space"), or three
        # clauses naming two areas or more ("cyber defence, robotics, and autonomous systems").
        listed = (strong >= 2 and len(found) >= LIST_AREAS) or (items >= LIST_AREAS and len(found) >= 2)
        out.append(SentenceTerms(found, n_words, listed, items))
    return out


def sentence_terms(sentence: str, language: str) -> SentenceTerms:
    """``read_sentences`` for one sentence."""
    return read_sentences([sentence], language)[0]


def _strong(terms: dict[tuple[str, ...], tuple[float, bool]]) -> bool:
    return any(not weak for _, weak in terms.values())


def sentence_weights(
    found: Found, listed: bool = False, title: bool = False
) -> dict[str, dict[tuple[str, ...], float]]:
    """Per area, each term's share of the sentence's weight (before the term's own weight)."""
    factor = (LIST_FACTOR if listed else 1.0) * (TITLE_WEIGHT if title else 1.0)
    out: dict[str, dict[tuple[str, ...], float]] = {}
    for code, terms in found.items():
        strong = _strong(terms)
        out[code] = {
            key: factor * (1.0 if not weak else WEAK_WITH if strong else WEAK_ALONE)
            for key, (_, weak) in terms.items()
        }
    return out


def _title(text: str) -> str:
    return text.split("\n", 1)[0] if "\n" in text[:300] else ""


@dataclass(frozen=True)
class AreaScores:
    """How a document reads against the areas.

    ``scores``: every area's confidence; ``titled``: the areas the title names by a strong word;
    ``sentences``: each sentence's span and terms; ``named``: per area, the sentences (not lists) that
    name it by a strong word; ``roundup``: the title or the lead lists several areas (a fund, a call).
    """

    scores: dict[str, float]
    titled: set[str]
    sentences: list[tuple[int, int, Found]]
    named: dict[str, int]
    roundup: bool


def score_areas(text: str, language: str) -> AreaScores:
    """How ``text`` (in ``language``) reads against every area."""
    spans = sentences(text)
    has_title = bool(_title(text))
    totals: dict[str, dict[tuple[str, ...], float]] = {}
    weights: dict[tuple[str, ...], float] = {}
    titled: set[str] = set()
    repeats: dict[tuple[str, tuple[str, ...]], list[float]] = {}
    named: dict[str, int] = {}
    roundup = False
    n_words = 0
    read: list[tuple[int, int, Found]] = []
    for i, ((start, end), (found, n, listed, items)) in enumerate(
        zip(spans, read_sentences([text[s:e] for s, e in spans], language), strict=True)
    ):
        n_words += n
        read.append((start, end, found))
        is_title = has_title and i == 0
        strong = {code for code, terms in found.items() if _strong(terms)}
        if is_title:
            titled = strong
        # A title listing areas, or a lead sentence listing them clause after clause: a roundup.
        if len(strong) >= 2 and (
            (is_title and listed and items >= 2) or (i < LEAD_SENTENCES and items >= LIST_AREAS)
        ):
            roundup = True
        if not listed:
            for code in strong:
                named[code] = named.get(code, 0) + 1
        for code, shares in sentence_weights(found, listed, is_title).items():
            area_totals = totals.setdefault(code, {})
            for key, share in shares.items():
                area_totals[key] = area_totals.get(key, 0.0) + share
                weights[key] = found[code][key][0]
                if found[code][key][1]:
                    repeats.setdefault((code, key), []).append(share)
    # A weak word naming the area that the document keeps coming back to is what it is about ("data"
    # in five sentences).
    names = area_names()
    for (code, key), seen in repeats.items():
        if len(seen) >= REPEATED and (code, key) in names:
            totals[code][key] = sum(max(share, WEAK_WITH) for share in seen)
    damping = max(1.0, math.sqrt(n_words / LENGTH_UNIT))
    scores = {}
    for code, area_totals in totals.items():
        evidence = sum(weights[k] * (s if s <= 1.0 else 1.0 + math.log(s)) for k, s in area_totals.items())
        scores[code] = round(1.0 - math.exp(-evidence / damping / SCALE), 4)
    return AreaScores(scores, titled, read, named, roundup)


def choose(scores: dict[str, float], titled: set[str], named: dict[str, int] | None = None) -> list[str]:
    """The area a document is about (none when no area clearly leads and the title names none).

    An area leads by its confidence, or, when the next one is close, by being named in twice as many
    sentences: a document is substantially about what most of its sentences say.
    """
    named = named or {}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return []
    top, score = ranked[0]
    second, second_score = ranked[1] if len(ranked) > 1 else ("", 0.0)
    top_named = named.get(top, 0)
    if score >= MIN_SCORE and (
        score - second_score >= MIN_LEAD
        or (top_named >= SHARE_MIN and top_named >= SHARE_LEAD * named.get(second, 0))
    ):
        return [top]
    in_title = [code for code, s in ranked if code in titled and s >= TITLE_SCORE]
    return in_title[:1]


def _evidence(text: str, start: int, end: int) -> Evidence:
    words = text[start:end]
    start += len(words) - len(words.lstrip())
    end -= len(words) - len(words.rstrip())
    return Evidence(text[start:end], start, end)


def find_areas(text: str, analysis: Analysis | None = None) -> tuple[AreaReading, ...]:
    language = analysis.language if analysis is not None else detect_language(text)
    read = score_areas(text, language)
    if read.roundup:  # news of a fund or a call spanning many fields
        return ()
    scores = read.scores
    readings = []
    for code in choose(scores, read.titled, read.named):
        # The sentences that name the area by a strong word first, then by a weak one.
        strong = [(s, e) for s, e, found in read.sentences if code in found and _strong(found[code])]
        weak = [(s, e) for s, e, found in read.sentences if code in found and not _strong(found[code])]
        shown = sorted((strong + weak)[:MAX_SENTENCES])
        evidence = tuple(_evidence(text, s, e) for s, e in shown)
        readings.append(AreaReading(code, scores[code], evidence))
    return tuple(readings)
