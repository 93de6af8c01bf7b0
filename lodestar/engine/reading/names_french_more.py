"""More rules for names in French news (issue 12, round 5), used by ``names.py``.

- "l’EREA (association of European Research Establishments in Aeronautics)", "HAPS (High Altitude
  Pseudo Satellite)": the words in brackets after an acronym spell it out; they are the acronym's
  meaning, not a second name. When the meaning holds no organisation word, the acronym names a thing.
- "le site de Cannes de Thales Alenia Space", "le Rafale de Dassault Aviation": a single word, then
  "de" and a known body, is the body's place or product; the body is named, the word is not.
- "l’Airbus A400M", "un Boeing 737": an article, a company's name and a model's designation name an
  aircraft or a vehicle, not the company.
- "la gendarmerie nationale", "la marine nationale", "la commission européenne": French writes many
  institutions' names in lower case; a known name whose first word is an institution's head noun is
  read with a lower-case first letter too (not "valeurs actuelles", "aujourd'hui en France").
- "DANIEL DUPONT / PIXEL STUDIO / MBDA", "S.POUZET/SIPA": a photo credit joins its parts with slashes,
  one of them an agency or a known body; an initial and a surname in capitals is the photographer, and
  a name of capitals between the photographer and the owner is an agency.
- "le 1er régiment de chasseurs parachutistes (1er RCP)", "la 27e brigade d'infanterie de montagne": an
  ordinal and a unit's head noun name an armed forces' unit, written in lower case.
- A byline alone on its line ("Mickaël Bosredon" under the title) names its author; "Guillaume Poupart"
  a few lines after "Guillaume Poupard" is the same person, misspelt.
"""

from __future__ import annotations

import re
import unicodedata

from lodestar.engine.reading.known_orgs import KNOWN, lower_names
from lodestar.engine.reading.names_context import words
from lodestar.engine.reading.names_lexicon import FIRST_NAMES, KNOWN_ORGS, ORG_WORDS, WEAPON_SYSTEMS
from lodestar.engine.reading.names_pieces import NATION_FORMS

# An acronym, then an opening bracket and words that do not close it: the words are the acronym's gloss.
_GLOSS_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9&]{1,9})\s*\(([^()\n]{0,80})$")
_GLOSS = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,9})\s*\(([^()\n]{3,120})\)")
_SMALL = words("of for and the on in at to de du des la le les l d et pour à en sur")
# Organisation words written in lower case inside a gloss ("association of ...", "agence de ...").
_LOWER_ORG_WORDS = words(
    "association agence agency ministère ministry office institut institute centre center université "
    "university laboratoire laboratory société company groupe group fonds fund conseil council "
    "commission comité committee direction service organisation organization alliance union federation "
    "fédération consortium"
)


def _bare(letter: str) -> str:
    """A letter without its accent: "é" e ("hautes études": HE)."""
    return unicodedata.normalize("NFD", letter)[0]


def _spells(acronym: str, gloss: str) -> bool:
    """Whether the content words of ``gloss`` hold the letters of ``acronym`` in order."""
    initials = [_bare(w[0]).upper() for w in re.findall(r"[^\W\d_][\w-]*", gloss) if w.lower() not in _SMALL]
    letters = [c for c in acronym.upper() if c.isalpha()]
    it = iter(initials)
    return len(letters) >= 2 and len(initials) >= len(letters) and all(c in it for c in letters)


def in_gloss(text: str, start: int) -> bool:
    """Whether the name at ``start`` stands in the bracketed gloss of the acronym before it."""
    m = _GLOSS_BEFORE.search(text, max(0, start - 90), start)
    if not m:
        return False
    close = text.find(")", start)
    gloss = m.group(2) + text[start : close if close != -1 else start]
    return _spells(m.group(1), gloss)


def glossed_things(text: str) -> set[str]:
    """Acronyms glossed in brackets by words that name no body: "HAPS (High Altitude Pseudo Satellite)"."""
    found = set()
    for m in _GLOSS.finditer(text):
        acronym, gloss = m.group(1), m.group(2)
        if acronym in KNOWN_ORGS or not _spells(acronym, gloss):
            continue
        tokens = [t.strip(".,") for t in gloss.split()]
        if not any(t in ORG_WORDS or t.lower() in _LOWER_ORG_WORDS for t in tokens):
            found.add(acronym)
    return found


_OWNER = re.compile(
    r"^([A-ZÀ-Ý][\w-]+(?:\s[A-ZÀ-Ý][\w-]+){0,2})\s+(?:de|du|de la|des|de l['’]|d['’])\s*(?=[A-ZÀ-Ý])"
)


# French weapon systems (names_lexicon keeps them out of names): an acronym after one is its version.
_PRODUCT_BEFORE = re.compile(r"(?<![\w-])([A-ZÀ-Ý][\w-]+)[ \t]+$")


def owner(text: str, words: str, start: int, directory: frozenset[str]) -> tuple[str, int]:
    """ "Cannes de Thales Alenia Space" -> "Thales Alenia Space", "Large Venture de Bpifrance" -> "Bpifrance":
    one to three words, "de" and a known body;
    "Tigre HAD" -> nothing: a weapon system's version."""
    before = _PRODUCT_BEFORE.search(text, max(0, start - 20), start)
    if before and before.group(1) in WEAPON_SYSTEMS and words.isupper() and " " not in words:
        return "", start
    m = _OWNER.match(words)
    if m and not any(w in ORG_WORDS for w in m.group(1).split()) and m.group(1) not in KNOWN_ORGS:
        rest = words[m.end() :]
        if rest in KNOWN_ORGS or rest in directory:
            return rest, start + m.end()
    return words, start


_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?i:l['’]|le|la|les|un|une|des|du|the|a|an)\s*$")
_MODEL = re.compile(r"^[A-Z]{0,3}-?\d[\w-]*$")


def model_of(rest: list[str], before: str) -> bool:
    """ "l’Airbus A400M": after an article, a known name then a model's designation is a product."""
    return bool(rest) and bool(_MODEL.match(rest[0])) and bool(_ARTICLE_BEFORE.search(before))


_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-–—•][ \t]*)?$")
_LINE_END = re.compile(r"^[ \t]*(?:\n|$)")


def alone_on_line(tokens: list[str], before: str, after: str) -> bool:
    """A first name and a surname alone on their line: a byline ("Mickaël Bosredon")."""
    return (
        2 <= len(tokens) <= 3
        and tokens[0] in FIRST_NAMES
        and bool(_LINE_START.search(before))
        and bool(_LINE_END.match(after))
    )


def _one_letter_apart(a: str, b: str) -> bool:
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def same_person(words: str, people: list[str]) -> str | None:
    """The known person a mention names: "Parly" after "Florence Parly", the start of a longer name
    ("Mohamed Khaled" after "Mohamed Khaled Nordin"), or the same first name and a surname one letter
    apart ("Guillaume Poupart" after "Guillaume Poupard": a typo of the page)."""
    for name in people:
        if words == name or (words in name.split() and len(words.split()) == 1) or name.endswith(" " + words):
            return name
        if len(words.split()) >= 2 and len(name.split()) >= 3 and name.startswith(words + " "):
            return name
    tokens = words.split()
    for name in people:
        known = name.split()
        same_first = len(tokens) == len(known) >= 2 and tokens[:-1] == known[:-1]
        if same_first and _one_letter_apart(tokens[-1], known[-1]):
            return name
    return None


# Heads of institutions whose known names French also writes with a lower-case first letter.
_INSTITUTION_HEADS = words(
    "Commissariat Institut Centre Fondation Commandement Armée Agence Service École Ecole État-major "
    "Gendarmerie Police Marine Commission Assemblée Parlement Cour Union Conseil Banque Nations Collège"
)
_LOWER_FIRST = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        re.escape(n[0].lower() + n[1:])
        for n in lower_names()
        if n.split()[0] in _INSTITUTION_HEADS and n[0].lower() + n[1:] not in KNOWN
    )
    + r")(?![\w-])"
)


def lower_first_bodies(text: str) -> list[tuple[str, int]]:
    """Known institutions written with a lower-case first letter: "la gendarmerie nationale"."""
    return [(m.group(0), m.start()) for m in _LOWER_FIRST.finditer(text)]


def longest_known(text: str, start: int, name: str) -> str:
    """A known name that runs on past ``name`` in lower case: "Le Canard" of "Le Canard enchaîné"."""
    for n in lower_names():
        if len(n) > len(name) and n.startswith(name + " ") and text.startswith(n, start):
            return n
    return name


# "Institut international de recherche sur la paix de Stockholm": after a capitalised body's field of
# study, "sur" and its subject belong to the name (with a place or a body after "de").
_SUR = re.compile(
    r"[ \t]+sur[ \t]+(?:la |le |les |l['’])?[a-zà-ÿ][\w-]+(?:[ \t]+(?:de |du |d['’])[A-ZÀ-Ý][\w-]+)?"
)
_STUDY = re.compile(r"(?:recherches?|[ée]tudes?|analyses?)$")


# "secrétariat d’État au Numérique", "chargé aux Armées": what a state secretary's office is for.
_REMIT = re.compile(r"[ \t]+(?:au|aux|à la|à l['’])[ \t]*[A-ZÀ-Ý][\w-]+")
_STATE = re.compile(r"d['’]\s*[ÉE]tat$")


def with_subject(text: str, words: str, start: int) -> str:
    """A capitalised body's name taken on through "sur" and its subject, after a word of study; a state
    secretary's office through "au" and its remit."""
    if _STATE.search(words):
        remit = _REMIT.match(text, start + len(words))
        return text[start : remit.end()] if remit else words
    if not words[:1].isupper() or not _STUDY.search(words):
        return words
    m = _SUR.match(text, start + len(words))
    return text[start : m.end()] if m else words


_CAPS = r"[A-ZÀ-Ý][A-ZÀ-Ý.'’-]*(?:[ \t][A-ZÀ-Ý][A-ZÀ-Ý.'’-]*){0,2}"
_CREDIT = re.compile(rf"(?<![\w/]){_CAPS}(?:[ \t]*/[ \t]*{_CAPS})+(?![\w/])")
_INITIAL_SURNAME = re.compile(r"^[A-Z]\.[ \t]?[A-ZÀ-Ý][A-ZÀ-Ý'’-]{2,}$")


def credits(text: str) -> list[tuple[str, str, int]]:
    """The photographer (an initial and a surname) and the agencies of slash-joined photo credits that
    hold a known body or an agency's acronym, each as (kind, words, start)."""
    found: list[tuple[str, str, int]] = []
    for m in _CREDIT.finditer(text):
        parts = [(p.group(0), m.start() + p.start()) for p in re.finditer(r"[^/]+", m.group(0))]
        parts = [(w.strip(), st + len(w) - len(w.lstrip())) for w, st in parts]
        if not any(w in KNOWN_ORGS or (w.isalpha() and len(w) <= 5) for w, _ in parts):
            continue  # no agency: "ISR/C4I" and other pairs of acronyms are not a credit
        for i, (w, st) in enumerate(parts):
            if _INITIAL_SURNAME.match(w):
                found.append(("person", w, st))
            elif 0 < i < len(parts) - 1 and len(w.split()) >= 2 and w not in KNOWN_ORGS:
                found.append(("organisation", w, st))
    return found


_ORDINAL = r"\d{1,3}(?:er|re|e|ème|è)"
_UNIT_HEADS = (
    r"(?:régiment|brigade|demi-brigade|division|bataillon|escadron|escadre|escadrille|flottille|"
    r"groupement|compagnie)"
)
_UNIT_ADJ = (
    r"[a-zà-ÿ-]+(?:istes?|aires?|iers?|i[eè]res?|iques?|ales?|aux|ées?|ère?s?|in(?:e|es|s)?|iles?|ente?s?|ante?s?|"
    r"ifs?|ives?|oise?s?|aise?s?|ger)"
)
_UNIT_PART = rf"[ \t]+(?:de|du|des|de la|d['’]|de l['’])[ \t]*[\w-]+(?:[ \t]+{_UNIT_ADJ}(?![\w-])){{0,2}}"
UNIT = re.compile(
    rf"(?<![\w-]){_ORDINAL}[ \t]+(?i:{_UNIT_HEADS})"
    rf"(?:[ \t]+{_UNIT_ADJ}(?![\w-])(?:{_UNIT_PART}){{0,2}}|(?:{_UNIT_PART}){{1,2}})(?![\w-])"
)


def units(text: str) -> list[tuple[str, int]]:
    """Armed forces' units named by an ordinal, a head and what the unit is ("1er régiment de chasseurs
    parachutistes", "2e régiment étranger"); "le 1er régiment" alone says too little."""
    return [(m.group(0), m.start()) for m in UNIT.finditer(text)]


# The adjectives a French body's name takes after its complement: whose it is ("ministère de l'Intérieur
# algérien", "centre de cybersécurité belge") or its reach ("ministère de la Défense nationale").
_REACH = frozenset(["nationale", "national", "nationaux", "fédéral", "fédérale", "fédéraux"])
_SERVICES = frozenset(["armée", "armées", "marine", "aviation", "gendarmerie", "forces", "force"])
_ADJECTIVE_AFTER = re.compile(r"[ \t]+([a-zà-ÿ]+)(?![\w'’-])")


def adjective_after(text: str, words: str, start: int) -> str:
    """``words`` (a French body's name at ``start``, written in lower case) with the nation's or reach's
    adjective that follows it, as the name includes it."""
    if not words[:1].islower() or words.split()[0] in _SERVICES:
        return words  # "armée de terre française": the French army, a service and whose it is
    m = _ADJECTIVE_AFTER.match(text, start + len(words))
    if m and (m.group(1) in _REACH or m.group(1) in NATION_FORMS):
        return text[start : m.end()]
    return words
