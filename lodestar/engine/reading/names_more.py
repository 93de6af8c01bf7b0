"""More rules for names (issue 12, round 3): one body under a shorter or a nation-prefixed name, and the
stray words a chain of capitals picks up at its end.

- "Lockheed" after "Lockheed Martin", "Stark" after "Stark Defense", "Mistral" after "Mistral AI": a
  body's first word alone names it again, unless that word is a generic one ("Space", "National") that
  opens many names.
- "U.S. Space Force" and "United States Space Force" after "Space Force" (or the other way round): a
  nation before a body's name says whose it is; it is the same body.
- "SpaceNews Feb. 6", "Space Force Lt. Col. X", "Ricardo Mendez He said", "Starfish Space for GEO": a
  month, a rank, a pronoun or "for" and an acronym at the end are no part of the name; "Co.", "Inc.",
  "Corp." and "Ltd." keep their full stop, as the text writes them.
"""

from __future__ import annotations

import re

from lodestar.engine.reading.names_context import GENERIC, words
from lodestar.engine.reading.names_lexicon import KNOWN_ORGS, NOT_NAMES, ORG_WORDS
from lodestar.engine.reading.names_pieces import NATION_FORMS

# Words that open many bodies' names: alone, they do not name one of them again.
_OPENERS = GENERIC | words(
    "National Federal Royal Central General United Government Joint Strategic International World "
    "Global New Missile Senate House Naval Army Navy Marine Marines Department Ministry Office Agency "
    "Centre Center Institute Commission Council Committee European Union Direction Agence Ministère "
    "Commandement Conseil Institut Groupe Group The Le La Les L Nouvelle Advanced Applied Digital "
    "Quantum Joint Allied Special Public First Big"
)
_MONTHS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_RANKS = "Lt|Col|Gen|Maj|Capt|Cpt|Adm|Sgt|Cmdr|Cdr|Brig|Lieut|Rear|Vice"
_PRONOUNS = "He|She|It|They|We|I|Il|Elle|Ils|Elles|On|Nous"
_TAIL = re.compile(rf"\s+(?:(?:{_MONTHS}|{_RANKS})\.?|(?:{_PRONOUNS})|for [A-Z]{{2,5}})$")
_ABBREVIATION = re.compile(r"\b(?:Co|Inc|Corp|Ltd|Bros)\.$")


def tidy(name: str) -> str:
    """``name`` without a stray month, rank, pronoun or "for ACRONYM" at its end; trailing stops and
    quotes stripped, except the full stop of "Co.", "Inc.", "Corp.", "Ltd."."""
    while True:
        cut = _TAIL.search(name)
        if not cut or cut.start() == 0:
            break
        rest = name[cut.start() :].strip()
        if name in KNOWN_ORGS or (rest.startswith("for ") and rest[4:] in KNOWN_ORGS):
            break  # "Center for AI"-like names the gazetteer knows stay whole
        name = name[: cut.start()]
    if _ABBREVIATION.search(name):
        return name
    return name.rstrip(".’'-")


def _nation_prefixed(longer: str, shorter: str) -> bool:
    """``longer`` is ``shorter`` with a nation before it: "U.S. Space Force", "Space Force"."""
    if not longer.endswith(" " + shorter) or len(shorter.split()) < 2:
        return False
    prefix = longer[: -len(shorter) - 1].strip()
    return prefix in NATION_FORMS or prefix.rstrip("’'s") in NATION_FORMS


def first_word_of(name: str, known: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The organisation found already whose name ``name`` (one word) opens: "Lockheed", "Stark"."""
    if " " in name or name in _OPENERS or name in ORG_WORDS or name in NATION_FORMS or name in NOT_NAMES:
        return None
    if not name[:1].isupper() or name.isupper() or len(name) < 3:
        return None
    for key in known:
        tokens = key[1].split()
        if 2 <= len(tokens) <= 4 and tokens[0] == name:
            return key
    return None


def same_body(name: str, known: list[tuple[str, str]]) -> tuple[str, str] | None:
    """An organisation already found that ``name`` names again, by the rules of this module."""
    for key in known:
        if _nation_prefixed(name, key[1]) or _nation_prefixed(key[1], name):
            return key
    return first_word_of(name, known)


def full_stop(text: str, name: str, start: int) -> tuple[str, int]:
    """``name`` with the full stop that ends "Co.", "Inc.", "Corp.", "Ltd." in ``text``."""
    end = start + len(name)
    if name and text[end : end + 1] == "." and _ABBREVIATION.search(name + "."):
        return name + ".", start
    return name, start
