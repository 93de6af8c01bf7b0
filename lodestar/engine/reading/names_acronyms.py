"""Acronyms and the other names of a body: "Full name (ACR)", "(Name / other)", undeclared acronyms
("SCO" for "Strategic Capabilities Office") and acronyms written as words ("Darpa"). Used by
``names.py``."""

from __future__ import annotations

import re
import unicodedata

from lodestar.engine.reading.names_lexicon import NOT_NAMES

_UPPER = "A-ZÀ-ÖØ-Ý"
_ACRONYM = re.compile(rf"^[{_UPPER}][{_UPPER}&]{{1,6}}(?:-[{_UPPER}]{{2,3}})?$|^[{_UPPER}][a-z]?[{_UPPER}]+$")


def is_acronym(words: str) -> bool:
    return bool(_ACRONYM.match(words)) and words not in NOT_NAMES and not words.isdigit()


CONNECTORS = frozenset(
    ["of", "for", "and", "the", "on", "de", "du", "des", "la", "le", "l", "d", "et", "pour"]
)


def initials(name: str) -> str:
    """The acronym a name would have: "Strategic Capabilities Office" SCO, "Amazon Web Services" AWS."""
    words = re.findall(r"[^\W\d_][\w-]*", name.replace("’", " ").replace("'", " "))
    letters = "".join(w[0] for w in words if w.lower() not in CONNECTORS).upper()
    return unicodedata.normalize("NFD", letters).encode("ascii", "ignore").decode() or letters  # "CNES"


def spells(initials: str, acronym: str) -> bool:
    """Whether ``acronym`` is made of ``initials``, the first and the last among them, in order: "ARS" of
    "Agence régionale de santé", "CDAO" of "Chief Digital and Artificial Intelligence Office"."""
    it = iter(initials)
    ends = bool(initials) and bool(acronym) and acronym[0] == initials[0] and acronym[-1] == initials[-1]
    return ends and all(c in it for c in acronym)


def acronym_like(name: str) -> bool:
    """ "DARPA", or an acronym written as a word ("Darpa", "Nato")."""
    return len(name) >= 2 and " " not in name and (name.isupper() or (len(name) >= 4 and name[1:].islower()))


# The other names of a body in brackets after it, a closing quote between ("« Agence ... » (DARPA)"):
# "(DARPA)", "(Pentagon / DOD)", "(Defense Advanced Research Projects Agency, ou DARPA, en anglais)".
_PAREN = re.compile(
    r"(?:['’]s)?[ \t\u00a0»”\"]*(?:\(([^()]{2,90})\)|\[([^\[\]]{2,90})\])"
)  # "(DGA)", "[DGA]", "Inc's (GA-ASI)"
# "(1er RCP)", "(2e REP)": a French unit's acronym after its ordinal.
_UNIT = re.compile(r"^\d{1,3}(?:er|re|e|ème)\s+[A-Z]{2,6}$")
_PAREN_SPLIT = re.compile(r"\s*(?:/|;|,\s*(?:(?:ou|or|soit|aka|also)\s+)?|\s(?:ou|or)\s)\s*")


def acronym_after(
    text: str,
    end: int,
    key: tuple[str, str],
    aliases: dict[str, tuple[str, str]],
    taken: list[tuple[int, int]],
) -> None:
    """Record the names in brackets right after a body (``text[end:]``) as its aliases, and mark them
    taken so that they are not read again as names of their own."""
    m = _PAREN.match(text, end)
    if not m:
        return
    group = 1 if m.group(1) is not None else 2
    inside = m.group(group)
    name = key[1]
    if is_acronym(name) and is_acronym(inside) and inside.upper() != name.upper():
        return  # "les équipes de l'OTAN (NRTX)": the acronym names the phrase, not the acronym before

    parts = [part.strip() for part in _PAREN_SPLIT.split(inside) if part.strip()]
    names = [p for p in parts if is_acronym(p) or (p[:1].isupper() and not p.isdigit()) or _UNIT.match(p)]
    if not names or (len(inside) > 40 and not any(is_acronym(p) for p in names)):
        return
    for alias in [inside, *names]:
        aliases[alias] = key
        if acronym_like(alias):
            aliases.setdefault(alias.upper(), key)
            aliases.setdefault(alias.capitalize(), key)
    taken.append((m.start(group), m.end(group)))
