"""Organisations that are probably the same one, found from their names and websites.

Names are compared after normalisation: accents folded, case and punctuation dropped, legal forms
removed (GmbH, S.A.S., Sp. z o.o., Ltd...), common French words mapped to their English form
("Institut national de recherche" and "National Research Institute" become the same words) and the
words sorted, so word order does not matter. Websites are reduced to their registered name
("https://www.aurora-systems.de/en/" -> "aurora-systems").

Comparing every pair of 20,000 names is 200 million comparisons; instead a pair is a candidate only
when it shares a rare word (block) or a website, and candidates are scored with rapidfuzz (a kept,
compiled fuzzy-matching library). A pair is reported when its name similarity reaches the threshold,
or when the websites agree and the names are close enough; every pair says why.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from lodestar.engine.legal_forms import LEGAL_FORMS as SHARED_LEGAL_FORMS

# Legal forms (shared with screening and conflicts) and the corporate words that, in applicants' names,
# say nothing about which organisation it is ("Group", "Holding", "Société").
LEGAL_FORMS = SHARED_LEGAL_FORMS | frozenset(
    ["company", "cie", "societe", "ste", "group", "groupe", "holding", "holdings"]
)
# Words that say nothing about which organisation it is.
STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "et",
        "pour",
        "en",
        "a",
        "an",
        "at",
        "in",
        "on",
        "sur",
        "aux",
        "au",
    ]
)
# French words and their English form, so that names given in either language meet.
FRENCH_TO_ENGLISH = {
    "institut": "institute",
    "universite": "university",
    "laboratoire": "laboratory",
    "recherche": "research",
    "national": "national",
    "nationale": "national",
    "centre": "center",
    "center": "center",
    "systemes": "systems",
    "systeme": "systems",
    "system": "systems",
    "technologies": "technology",
    "technologie": "technology",
    "technologique": "technology",
    "spatial": "space",
    "spatiale": "space",
    "spatiales": "space",
    "defense": "defence",
    "securite": "security",
    "energie": "energy",
    "agence": "agency",
    "ecole": "school",
    "superieure": "higher",
    "etudes": "studies",
    "strategiques": "strategic",
    "strategique": "strategic",
    "innovation": "innovation",
    "robotique": "robotics",
    "capteurs": "sensors",
    "capteur": "sensors",
    "photonique": "photonics",
    "aerospatiale": "aerospace",
    "aerospatial": "aerospace",
    "analytique": "analytics",
    "dynamique": "dynamics",
    "quantique": "quantum",
    "materiaux": "materials",
    "avances": "advanced",
    "avancees": "advanced",
    "reseaux": "networks",
    "donnees": "data",
    "satellites": "satellite",
    "satellite": "satellite",
    "industries": "industry",
    "industrie": "industry",
    "ingenierie": "engineering",
    "conseil": "council",
    "fondation": "foundation",
    "ministere": "ministry",
    "armees": "armed forces",
    "forces": "forces",
}
# A word shared by more organisations than this is too common to make a block (e.g. "systems").
MAX_BLOCK = 60

_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def name_key(name: str) -> str:
    """The name as sorted, normalised words (legal forms and empty words dropped, French in English)."""
    # "S.A.S." and "Sp. z o.o." lose their dots before splitting into words, so they read "sas", "zoo".
    text = fold(name).replace("z o.o.", "zoo").replace("z o. o.", "zoo")
    text = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", text).replace(".", " ")
    words = []
    for word in _WORD.findall(text):
        if word in LEGAL_FORMS or word in STOPWORDS:
            continue
        words.extend(FRENCH_TO_ENGLISH.get(word, word).split())
    return " ".join(sorted(words))


def host(website: str) -> str:
    """The host of a website, lower case, without scheme, "www.", user, port, path or trailing dot:
    "https://www.Orbital-Forge.de/en/" and "orbital-forge.de" are the same host (shown to people)."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", fold(website).strip())
    text = re.split(r"[/?#]", text, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".")
    return ".".join(p for p in text.split(".") if p and p != "www")


def site_key(website: str) -> str:
    """The registered name of a website: its host without the top-level domain."""
    parts = host(website).split(".")
    if len(parts) >= 3 and parts[-2] in {"co", "com", "ac", "gov", "org"}:  # aurora.co.uk
        parts = parts[:-2]
    elif len(parts) >= 2:
        parts = parts[:-1]
    return ".".join(parts)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    website: str = ""


@dataclass(frozen=True)
class Duplicate:
    first_id: str
    second_id: str
    score: float  # 0-100
    reasons: tuple[str, ...]  # codes: "same_name", "similar_name", "same_website"
    first_key: str
    second_key: str


def find_duplicates(
    entries: Sequence[Entry], threshold: float = 90.0, site_threshold: float = 60.0
) -> list[Duplicate]:
    """Pairs of entries that are probably one organisation, best first."""
    keys = [name_key(e.name) for e in entries]
    sites = [site_key(e.website) if e.website else "" for e in entries]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        for word in set(key.split()):
            blocks[f"w:{word}"].append(i)
        if key:
            blocks[f"k:{key}"].append(i)
        if sites[i]:
            blocks[f"s:{sites[i]}"].append(i)
    candidates: set[tuple[int, int]] = set()
    for block, members in blocks.items():
        if len(members) < 2 or (block.startswith("w:") and len(members) > MAX_BLOCK):
            continue
        candidates.update(combinations(members, 2))
    found = []
    for i, j in candidates:
        score = _score(keys[i], keys[j])
        same_site = bool(sites[i]) and sites[i] == sites[j]
        if same_site and keys[i] and keys[j]:
            # One website, and one name holds the other's words ("Aurora Group" / "Aurora Space"), or
            # both have the same letters once the spaces are gone ("OrbitalForge" / "Orbital Forge").
            glued = 100.0 if _letters(keys[i]) == _letters(keys[j]) else 0.0
            score = max(score, site_threshold * max(fuzz.token_set_ratio(keys[i], keys[j]), glued) / 100)
        if score < threshold and not (same_site and score >= site_threshold):
            continue
        reasons: list[str] = ["same_name" if keys[i] == keys[j] else "similar_name"]
        if same_site:
            reasons.append("same_website")
        first, second = sorted((i, j), key=lambda k: entries[k].id)
        found.append(
            Duplicate(
                entries[first].id,
                entries[second].id,
                round(score, 1),
                tuple(reasons),
                keys[first],
                keys[second],
            )
        )
    found.sort(key=lambda d: (-d.score, d.first_id, d.second_id))
    return found


def _letters(key: str) -> str:
    return "".join(sorted(key.replace(" ", "")))


def _score(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    # token_sort compares whole names (word order already sorted); a name that only adds a word
    # ("Aurora Systems" / "Aurora Space Systems") is caught by token_set, kept a little lower.
    return max(
        fuzz.token_sort_ratio(a, b), 0.97 * fuzz.token_set_ratio(a, b) if min(len(a), len(b)) > 8 else 0
    )
