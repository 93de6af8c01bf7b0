"""The EDT areas a document is substantially about, each with a score and the sentences that show it.

The taxonomy's ``classify`` scores every area by the lexicon terms a text uses. A news item names many
technologies in passing, so a document is said to be about an area only when that area clearly leads:
its confidence reaches ``MIN_SCORE`` and stands ``MIN_LEAD`` above the next area's, or the title names
it. Several areas at once with none leading is what a fund or an accelerator call reads like, and such
a document gets no area (the bench's labelling rule). The thresholds were tuned on the first half of
the bench (see BENCHMARKS.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lodestar.engine.reading.evidence import Evidence, sentences
from lodestar.engine.taxonomy import AreaMatch, classify_analysis
from lodestar.engine.text import Analysis, analyze, strip_accents

MIN_SCORE = 0.6
MIN_LEAD = 0.1
TITLE_SCORE = 0.6
MAX_SENTENCES = 3


@dataclass(frozen=True)
class AreaReading:
    code: str
    score: float
    evidence: tuple[Evidence, ...]


def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    words = [re.escape(strip_accents(t.lower())).replace(r"\ ", r"\W+(?:\w+\W+)?") for t in terms if t]
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")", re.IGNORECASE)


def _title(text: str) -> str:
    return text.split("\n", 1)[0] if "\n" in text[:300] else ""


def choose(matches: tuple[AreaMatch, ...], title_matches: set[str]) -> list[AreaMatch]:
    """The areas a document is about, from its classification (most confident first)."""
    if not matches:
        return []
    top = matches[0]
    second = matches[1].confidence if len(matches) > 1 else 0.0
    if top.confidence >= MIN_SCORE and top.confidence - second >= MIN_LEAD:
        return [top]
    titled = [m for m in matches if m.code in title_matches and m.confidence >= TITLE_SCORE]
    return titled[:1]


def find_areas(text: str, analysis: Analysis | None = None) -> tuple[AreaReading, ...]:
    analysis = analysis or analyze(text)
    matches = classify_analysis(analysis, 0.2)
    title = _title(text)
    title_matches = (
        {m.code for m in classify_analysis(analyze(title, analysis.language), 0.2)} if title else set()
    )
    chosen = choose(matches, title_matches)
    if not chosen:
        return ()
    plain = strip_accents(text)  # same length as text: offsets hold
    spans = sentences(text)
    readings = []
    for match in chosen:
        pattern = _term_pattern(match.terms)
        shown: list[Evidence] = []
        if pattern is not None:
            for start, end in spans:
                if pattern.search(plain, start, end):
                    shown.append(Evidence(text[start:end].strip(), start, end))
                    if len(shown) == MAX_SENTENCES:
                        break
        readings.append(AreaReading(match.code, match.confidence, tuple(shown)))
    return tuple(readings)
