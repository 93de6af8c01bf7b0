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
import unicodedata
from dataclasses import dataclass, replace

from lodestar.engine.reading import names_english as english
from lodestar.engine.reading.evidence import Evidence
from lodestar.engine.reading.names_acronyms import initials
from lodestar.engine.reading.names_context import GENERIC, listed_with, words
from lodestar.engine.reading.names_lexicon import KNOWN_ORGS, NOT_NAMES, ORG_WORDS
from lodestar.engine.reading.names_pieces import FIRST, NATION_FORMS

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
_PRONOUNS = (
    "He|She|It|They|We|I|Il|Elle|Ils|Elles|On|Nous|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
_FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_TAIL = re.compile(rf"\s+(?:(?:{_MONTHS}|{_RANKS})\.?|(?:{_PRONOUNS})|for [A-Z]{{2,5}})$")
# "X University System Staff May (20, 2019)": a full month after a long name, not "Theresa May"
_MONTH_TAIL = re.compile(rf"(?<=\S)\s+(?:{_FULL_MONTHS})$")


@dataclass(frozen=True)
class NameMention:
    name: str
    kind: str  # "organisation" or "person"
    evidence: tuple[Evidence, ...]


_ABBREVIATION = re.compile(r"\b(?:Co|Inc|Corp|Ltd|Bros)\.$|\s(?:[A-Z]\.){2,}$")  # "Industries T.L.T."


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
    tokens = name.split()
    if len(tokens) >= 3 and tokens[-2] not in FIRST and _MONTH_TAIL.search(name):
        name = _MONTH_TAIL.sub("", name)
    site = _SITE.search(name)  # "Thalès de Cholet": the company's site in a town, the company named
    if site and _folded(name[: site.start()]) in _folded_known():
        name = name[: site.start()]
    name = _COMPOUND_TAIL.sub("", name)  # "Steve Jobs-style", "NATO-led": the name before the hyphen
    if _ABBREVIATION.search(name):
        return name
    return name.rstrip(".’'-")


_COMPOUND_TAIL = re.compile(
    r"(?<=\w)-(?:style|like|era|led|backed|linked|owned|funded|made|built|affiliated|controlled|run|"
    r"sponsored|inspired|designed|developed|registered|listed|headquartered|focused|allied|aligned|"
    r"friendly|bound|certified|approved|supported|operated|managed|commissioned)$"
)
_SITE = re.compile(r"\s+(?:de|d['’])\s*[A-ZÀ-Ý][\w-]+$")
_FOLDED_KNOWN: set[str] = set()


def _folded_known() -> set[str]:
    if not _FOLDED_KNOWN:
        _FOLDED_KNOWN.update(_folded(n) for n in KNOWN_ORGS)
    return _FOLDED_KNOWN


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


def full_stop(text: str, name: str, start: int) -> tuple[str, int]:
    """``name`` with the full stop that ends "Co.", "Inc.", "Corp.", "Ltd." in ``text``, and with the
    ordinal that numbers a unit ("21st Space Wing", "82nd Airborne Division")."""
    end = start + len(name)
    if name and text[end : end + 1] == "." and _ABBREVIATION.search(name + "."):
        return name + ".", start
    ordinal = _ORDINAL.search(text, max(0, start - 8), start)
    if name and ordinal and name.split()[-1] in _UNIT_HEADS:
        return text[ordinal.start() : end], ordinal.start()
    return name, start


_ORDINAL = re.compile(r"(?<![\w.,])\d{1,3}(?:st|nd|rd|th)[ \t]+$")
_UNIT_HEADS = words(
    "Wing Division Brigade Regiment Squadron Battalion Fleet Army Corps Group Force Command Flotilla Battery "
    "Company Troop Task Airlift Expeditionary"
)


def _folded(name: str) -> str:
    """``name`` without accents or case: "Ecole polytechnique" and "École Polytechnique" are one."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)).casefold()


def bare(name: str) -> str:
    """``name`` without a nation before it ("UK National Health Service": "National Health Service")."""
    for k in (2, 1):
        tokens = name.split()
        if len(tokens) > k and " ".join(tokens[:k]) in NATION_FORMS:
            return " ".join(tokens[k:])
    return name


_ADJECTIVE = re.compile(r"(?:ale|al|aux|ales|ique|iques|aire|aires|ienne|ien|aise|ais|ée|é|e)$")


def _one_adjective_less(short: str, long: str) -> bool:
    """``short`` is ``long`` without one adjective, its case aside: "direction de l'armement" and
    "Direction générale de l'armement"."""
    a, b = _folded(short).split(), _folded(long).split()
    if len(a) < 3 or len(b) != len(a) + 1:
        return False
    return any(b[:i] + b[i + 1 :] == a and _ADJECTIVE.search(b[i]) for i in range(1, len(b)))


def known(name: str, directory: frozenset[str]) -> bool:
    """A known body's name, a nation before it or not: "US House of Representatives"."""
    return (
        name in KNOWN_ORGS or name in directory or bare(name) in KNOWN_ORGS or english.company_in_full(name)
    )


def same_acronym(acronym: str, name: str) -> bool:
    """``acronym`` stands for ``name``, a nation before it or not: "NHS" for "UK National Health
    Service", "USAF" for "US Air Force", "USSF" for "U.S. Space Force"."""
    if not acronym.isupper() or " " in acronym or len(name.split()) < 2:
        return False
    without = bare(name)
    letters = initials(without)
    if acronym == letters:
        return True
    if without != name and acronym in (f"US{letters}", f"UK{letters}") and len(letters) >= 2:
        return True
    return _syllabic(acronym, without)


_SMALL_WORDS = frozenset(["of", "for", "and", "the", "de", "du", "des", "la", "le", "l", "d", "et"])


def _syllabic(acronym: str, name: str) -> bool:
    """``acronym`` is made of the openings (two letters or more) of the name's first words: "NAVSEA" for
    "Naval Sea Systems Command", "COMCYBER" for "Commandement de la cyberdéfense"."""
    if len(acronym) < 5:
        return False
    tokens = [_folded(t) for t in re.split(r"[\s’'-]+", name) if t and t.lower() not in _SMALL_WORDS]
    rest = acronym.casefold()

    def fits(rest: str, i: int, used: int) -> bool:
        if not rest:
            return used >= 2
        if i >= len(tokens):
            return False
        return any(
            tokens[i].startswith(rest[:k]) and fits(rest[k:], i + 1, used + 1)
            for k in range(min(len(rest), len(tokens[i])), 1, -1)
        )

    return fits(rest, 0, 0)


def same_body(name: str, known: list[tuple[str, str]]) -> tuple[str, str] | None:
    """An organisation already found that ``name`` names again, by the rules of this module."""
    for key in known:
        other = key[1]
        if _nation_prefixed(name, other) or _nation_prefixed(other, name):
            return key
        if (
            _folded(name) == _folded(other)
            or _one_adjective_less(name, other)
            or _one_adjective_less(other, name)
        ):
            return key
        if same_acronym(name, other) or same_acronym(other, name) or english.same_company(name, other):
            return key
    return first_word_of(name, known)


# "l'Agence X », ou AGX", "the Y Agency, known by its French acronym YA", "Z, aka ZZ": the acronym named
# right after a body is that body's other name, though its letters are not the body's initials.
_INTRODUCED = re.compile(
    r"^[\s»”\"’']*,?\s*(?:ou|or|aka|alias|soit|known as|known by its (?:[A-Za-z]+ )?(?:acronym|initials)|"
    r"connue? sous (?:le nom|l['’]acronyme) d['’]|dite?)\s*$"
)


def introduced(text: str, mentions: tuple[NameMention, ...]) -> tuple[NameMention, ...]:
    """``mentions`` with each acronym that the text introduces right after a body (see ``_INTRODUCED``)
    merged into that body."""
    bodies = [m for m in mentions if m.kind == "organisation"]
    merged: dict[int, list[Evidence]] = {}
    dropped: set[int] = set()
    for mention in bodies:
        if not mention.name.isupper() or " " in mention.name:
            continue
        first = mention.evidence[0]
        for other in bodies:
            if other is mention or other.name.isupper() or id(other) in dropped:
                continue
            ends = [e.end for e in other.evidence if e.end <= first.start]
            if ends and first.start - max(ends) <= 60 and _INTRODUCED.match(text[max(ends) : first.start]):
                merged.setdefault(id(other), []).extend(mention.evidence)
                dropped.add(id(mention))
                break
    if not dropped:
        return mentions
    return tuple(
        replace(m, evidence=m.evidence + tuple(merged.get(id(m), [])))
        for m in mentions
        if id(m) not in dropped
    )


_QUOTE_BEFORE = re.compile(r"[«“\"]\s*$")
_QUOTE_AFTER = re.compile(r"^\s*[»”\"]")
# "FIC (Forum international de la cybersécurité)": an acronym that the brackets after it say is an event,
# a programme or a plan.
_THING_AFTER = re.compile(
    r"^\s*\((?:Forum|Salon|Sommet|Summit|Conference|Conférence|Congrès|Festival|Exercice|Exercise|"
    r"Programme|Program|Projet|Project|Opération|Operation|Loi|Stratégie|Strategy|Plan|Pacte|Challenge)\b"
)


def no_name(name: str, text: str, start: int) -> bool:
    """Not a name: a word in lower case ("entreprise" after "L’"; camel case "iCOMAT" is a name), one word
    in quotes ("« DefTech »", "« TORNADE »": a term or a programme's name), an event's acronym."""
    if name[:1].islower() and not any(c.isupper() for c in name):
        return True
    end = start + len(name)
    if " " not in name and name not in KNOWN_ORGS:
        if _QUOTE_BEFORE.search(text[max(0, start - 3) : start]) and _QUOTE_AFTER.match(text[end : end + 3]):
            return True
        if name.isupper() and _THING_AFTER.match(text[end : end + 20]):
            return True
    return False


_PERSON_OF = re.compile(r"^([A-ZÀ-Ý][\w’'-]+ [A-ZÀ-Ý][\w’'-]+) of (.+)$")


def person_of(pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """ "John Doe of U.S. Strategic Command": a person (first name known) and the body they are of."""
    out: list[tuple[str, int]] = []
    for piece, start in pieces:
        m = _PERSON_OF.match(piece)
        if (
            m
            and m.group(1).split()[0] in FIRST
            and any(w.strip(".,") in ORG_WORDS for w in m.group(2).split())
        ):
            out += [(m.group(1), start), (m.group(2), start + m.start(2))]
        else:
            out.append((piece, start))
    return out


_PAIR = re.compile(r"^[A-ZÀ-Ý][\w-]+ (?:and|et) [A-ZÀ-Ý][\w-]+$")
_PLACE_OPENERS = words("San Santa Los Las Saint Sainte St Fort Port")


def listed(
    pending: list[tuple[str, int]], text: str, spans: list[tuple[int, int]], people: list[str]
) -> list[tuple[str, int]]:
    """The names nothing classed that stand in a list of bodies, but not a person's surname: "the
    Army, Navy, Air Force, and Coast Guard, Smith added" after "Jane Smith"."""
    return [
        (w, st)
        for w, st in pending
        if not _PAIR.match(w)  # "Uber and Snapchat" in a list: two names, which nothing classed
        and listed_with(st, st + len(w), text, spans)
        and not any(w in p.split() for p in people)
        and w.split()[0] not in _PLACE_OPENERS  # "General Atomics, San Diego": where it is
        and not (w in FIRST and w not in KNOWN_ORGS)  # "chez MBDA, Jérôme (...)": a person's first name
    ]


def known_then_person(words: str, directory: frozenset[str]) -> tuple[str, str] | None:
    """A known body's name run on into a person's, as captions and credits write them ("Photo:
    Armasuisse Jane Doe", "Naval Group Pierre Martin"): the body and the person, or None."""
    tokens = words.split()
    for k in range(len(tokens) - 2, 0, -1):
        head, rest = " ".join(tokens[:k]), tokens[k:]
        if head in KNOWN_ORGS or head in directory or (len(head) > 4 and _folded(head) in _folded_known()):
            first = rest[0].split("-")[0]
            if (
                len(rest) <= 3
                and first in FIRST
                and all(t[:1].isupper() and not t.isupper() for t in rest)
                and not any(t in ORG_WORDS or t in NATION_FORMS for t in rest)
            ):
                return head, " ".join(rest)
            return None
    return None


def name_key(name: str) -> str:
    """What two writings of one name share: case and the kind of apostrophe ("l'air", "l’Air")."""
    return name.lower().replace("’", "'")


def body_start(text: str) -> int:
    """Skip a title line in Title Case ("NATO Sets Up $1B Fund"): its capitals say nothing of names."""
    first, _, rest = text.partition("\n")
    words = re.findall(r"[^\W\d_]+", first)
    if rest and len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6:
        return len(first) + 1
    return 0


def with_article(words: str, before: str) -> str:
    """``words`` with the article the text gives it in a contracted or lower-case form, as the known name
    writes it: "in the Guardian" The Guardian, "au Figaro" Le Figaro; else ``words``."""
    m = re.search(r"\b(the|au|du)\s+$", before)  # not "des", "les": "des Affaires étrangères" is no paper
    if not m:
        return words
    return f"{'The' if m.group(1) == 'the' else 'Le'} {words}"
