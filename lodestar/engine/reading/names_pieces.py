"""Cutting a chain of capitalised words into the names it holds: at possessives ("Nato’s Cyber Security
Centre"), roles ("NATO Secretary General Jens Stoltenberg"), credits, first names and "and"/"et" between
names, and at "of the" before a body of its own. Used by ``names.py``."""

from __future__ import annotations

import re

from lodestar.engine.reading import names_english as english
from lodestar.engine.reading.names_acronyms import is_acronym
from lodestar.engine.reading.names_context import FIELD_WORDS, NON_BODY_HEADS, SHIP_PREFIXES
from lodestar.engine.reading.names_lexicon import (
    CREDITS,
    FAKER_FIRST_NAMES,
    FIRST_NAMES,
    HAND_FIRST_NAMES,
    KNOWN_ORGS,
    ORG_WORDS,
    PARTICLES,
    ROLE_WORDS,
    WELL_KNOWN_SURNAMES,
    WORLD_FIRST_NAMES,
)
from lodestar.engine.reading.nations import nation_forms

_UPPER = "A-ZÀ-ÖØ-Ý"
CAMEL = re.compile(rf"^[a-z]+[{_UPPER}]|^[{_UPPER}][a-z]+[{_UPPER}][a-z]")
NATION_FORMS = frozenset(nation_forms())
# "German and British" is not a person: the lists' first names that are also a nation's name or adjective
# are left out (the hand list's are kept: "Dominique").
FIRST = FIRST_NAMES - (FAKER_FIRST_NAMES & NATION_FORMS - HAND_FIRST_NAMES)
# French compound first names ("Jean-Baptiste", "Marie-Claire", "Anne-Sophie"), which the lists lack.
_COMPOUND_LEFT = "Jean Marie Anne Pierre Paul Louis Charles François Claude Luc Marc Michel Philippe Marie"
_COMPOUND_RIGHT = (
    "Baptiste Claude Charles Christophe Claire Dominique Emmanuel Emmanuelle François Françoise Hélène Henri "
    "Jacques Joseph Laure Louis Louise Luc Marc Marie Michel Noël Olivier Paul Philippe Pierre René Sophie "
    "Thérèse Victor Xavier Yves Hugues Élise Cécile Agnès Amélie Alexandre Antoine Frédéric Eric Éric Guy"
)
FIRST = FIRST | {f"{a}-{b}" for a in _COMPOUND_LEFT.split() for b in _COMPOUND_RIGHT.split() if a != b}


def pieces(chain: str, start: int) -> list[tuple[str, int]]:
    """Split a chain at "of the" before a body of its own ("Laboratory of the Naval Surface Warfare
    Center"; "Accelerator for the North Atlantic" stays one name), then each part with ``_split``."""
    if english.MEMBER_OF_PARLIAMENT.match(chain):
        return [(chain, start)]  # a post, which the reader leaves out whole
    post = english.POST_OF.match(chain)  # "Leader of Telford Council": the body, not the post
    right = chain[post.end() :] if post and chain not in KNOWN_ORGS else ""
    if right in KNOWN_ORGS or (right and right.split()[-1].strip(".,") in ORG_WORDS):
        return pieces(right, start + post.end() if post else start)  # "Minister of Works and Housing": a post
    # "Advanced Science Research Center de la City University of New York": two bodies
    french = re.search(r" (?:de la|de l['’]|du|de) (?=[A-Z])", chain)
    if french and chain not in KNOWN_ORGS:
        before, after = chain[: french.start()].split(), chain[french.end() :].split()
        two = len(before) >= 2 and len(after) >= 2
        if two and before[-1] in ORG_WORDS and any(t in ORG_WORDS for t in after):
            return _split(chain[: french.start()], start) + pieces(
                chain[french.end() :], start + french.end()
            )
    m = re.search(r" (?:of|for) the ", chain)
    if m and chain not in KNOWN_ORGS:
        right = chain[m.end() :]
        if right in KNOWN_ORGS or any(t in ORG_WORDS for t in right.split()):
            return _split(chain[: m.start()], start) + pieces(right, start + m.end())
    return _split(chain, start)


# Posts whose words before them are the post's own ("Range Safety Officer", "Chief Scientific Advisor").
_POST_NOUNS = frozenset(
    re.findall(
        r"\w+",
        "Officer Advisor Adviser Correspondent Editor Analyst Spokesman Spokeswoman Spokesperson Conseiller",
    )
)
STREETS = frozenset(["Rue", "Avenue", "Boulevard", "Quai", "Allée"])  # a street's name is no person's
# "Arnaud Guérin et Renaud Allioux": a person's name, "and", and another capitalised pair of words.
_PERSON_PAIR = re.compile(r"^[A-ZÀ-Ý][\w’'-]+ [A-ZÀ-Ý][\w’'-]+$")


def _split(chain: str, start: int) -> list[tuple[str, int]]:
    """Split a chain at possessives ("Nato’s Cyber Security Centre"), roles and "and"/"et" between names."""
    if chain in KNOWN_ORGS or chain.split()[0] in SHIP_PREFIXES | STREETS:  # "Rue Jean Moulin": a place
        return [(chain, start)]  # "HMS XV Edmund Hillary": a ship's name is one piece
    system = chain.split()[-1] in NON_BODY_HEADS  # "Fire Command & Control System" is not cut at "&"
    parts: list[tuple[str, int]] = []
    offset = 0
    after_role = False
    tokens = list(re.finditer(r"\S+", chain))
    cut = 0
    inside = {  # the words of a known body after its first ("Booz Allen Hamilton": "Allen" is no first name)
        j
        for i in range(len(tokens))
        for k in range(i + 2, min(len(tokens), i + 4) + 1)
        if " ".join(t.group(0) for t in tokens[i:k]) in KNOWN_ORGS
        for j in range(i + 1, k)
    }
    starts = {
        i
        for i in range(len(tokens))
        for k in range(i + 2, min(len(tokens), i + 4) + 1)
        if " ".join(t.group(0) for t in tokens[i:k]) in KNOWN_ORGS
    }
    for i, token in enumerate(tokens):
        word = token.group(0)
        if word in CREDITS:  # "Drone Photo AP": a credit starts a name of its own
            parts.append((chain[cut : token.start()].rstrip(), start + cut))
            cut = token.end() + 1
        elif word.endswith(("’s", "'s")):
            parts.append((chain[cut : token.end() - 2], start + cut))
            cut = token.end() + 1
        elif (
            word in ROLE_WORDS
            and i not in starts  # "General Dynamics Corp.": a known body's first word is no rank
            and not english.office_named_after_post(i, [t[0] for t in tokens], FIRST)
        ):
            # "Army Under Secretary X": "Under" is the post's
            left = english.ROLE_MODIFIERS.sub("", chain[cut : token.start()].rstrip())
            # "Range Safety Officer", "Chief Scientific Advisor": the words before are the post's, unless a
            # known body
            if (
                i > 0
                and not after_role
                and (word not in _POST_NOUNS or left in KNOWN_ORGS or is_acronym(left))
            ):
                parts.append((left, start + cut))
            cut = token.end() + 1
            offset = i
            after_role = True
            continue
        elif (
            word in FIRST
            and word not in WORLD_FIRST_NAMES  # the world's first names open a person's name, never cut one
            and i > offset
            and i not in inside
            and tokens[-1].group(0) not in ORG_WORDS  # "US Victoria Corps": a body's name, not a person's
            and tokens[i - 1].group(0) not in PARTICLES
            and not english.state_word(tokens[i - 1].group(0), word)  # "University of South Carolina"
            and i + 1 < len(tokens)
            and not (i == offset + 1 and tokens[offset].group(0) in FIRST)  # "Jan Dietrich Woerner"
            and not (cut == tokens[i - 1].start() and tokens[i - 1].group(0) in FIRST)  # "Mohamed Khaled X"
            and not re.fullmatch(r"[A-ZÀ-Ý]\.", tokens[i - 1].group(0))  # "L. Neil Thurgood": one person
        ):
            if not after_role:
                parts.append((chain[cut : token.start()].rstrip(), start + cut))
            cut = token.start()
        elif word in ("and", "et", "&") and i > offset and not system:
            left, right = chain[cut : token.start()].rstrip(), chain[token.end() + 1 :]
            right_first = right.split(" and ")[0].split(" et ")[0]
            left_tokens = left.split()
            complete = len(left_tokens) > 1 and left_tokens[-1] in ORG_WORDS  # "Brightfold Labs and ..."
            pair = bool(left_tokens) and left_tokens[0] in FIRST and bool(_PERSON_PAIR.match(right_first))
            # "Centre for Quantum Software and Information": a field's words after "for"/"of" end the name
            field_tail = " for " in left or " of " in left
            field_tail = field_tail and all(t in FIELD_WORDS for t in right_first.split())
            # "Les Républicains et La France insoumise": a capitalised article after "et" opens a new name
            complete = complete or (word == "et" and right_first.split()[:1] in (["Le"], ["La"], ["Les"]))
            if english.fields_joined(left, right_first):  # "Research and Development Organisation"
                pass
            elif english.qualifier_pair(left, right_first):  # "Joint and Air Force missions": the service
                cut = token.end() + 1
            elif english.new_name_after_and(left, right_first) or (
                standalone(left) and (complete or standalone(right_first) or pair) and not field_tail
            ):
                parts.append((left, start + cut))
                cut = token.end() + 1
        after_role = False
    parts.append((chain[cut:], start + cut))
    return [(p, s) for p, s in parts if p.strip()]


def standalone(words: str) -> bool:
    tokens = words.split()
    if not tokens:
        return False
    return (
        words in KNOWN_ORGS
        or words in WELL_KNOWN_SURNAMES  # "Poutine et Biden": two people
        or english.company_in_full(words)  # "Honeywell International and ..."
        or tokens[0] in FIRST
        or bool(CAMEL.match(words))
        or (len(tokens) == 1 and is_acronym(words))
        or bool(
            re.match(
                r"^[A-ZÀ-Ý][\w’'.-]*(?: [A-ZÀ-Ý][\w’'.-]*)? & [A-ZÀ-Ý][\w’'.-]*(?: [A-ZÀ-Ý][\w’'.-]*)?$",
                words,
            )
        )
        or (len(tokens) > 1 and any(t in ORG_WORDS for t in tokens))
    )
