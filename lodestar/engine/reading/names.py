"""Organisations and people named in an English or French text, each with the words that show it.

A rule-based reader, fast enough for thousands of documents and explainable item by item:

1. Chains of capitalised words (joined by "of", "for", "and", "de", "du", "des"...) are candidate names;
   French bodies written in lower case after a head word ("ministère des Armées", "armée de terre",
   "Agence de l'innovation de défense") are found by their head.
2. A chain is an organisation's when it holds an organisation word (Agency, Ministry, Fund, Labs...), is
   a well-known body or a directory name, is an acronym, is written in camel case (SeaOwl, iCOMAT), or
   follows "company", "la société"...; it is a person's when a title or rank comes before it ("Gen.",
   "amiral", "Mr"), its first word is a common first name, or a verb of speech follows it.
3. "Full name (ACRONYM)" is one organisation; later mentions of the acronym or of a person's surname
   add evidence to the same item rather than a new one.

Chains that are none of these (places, events, products, sentence openers) are left out: the reader
prefers missing a name to asserting one it cannot explain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lodestar.engine.reading import names_bounds as bounds
from lodestar.engine.reading import names_context as context
from lodestar.engine.reading import names_cues as cues
from lodestar.engine.reading import names_english as english
from lodestar.engine.reading import names_filters as filters
from lodestar.engine.reading import names_french as french
from lodestar.engine.reading import names_french_more as french_more
from lodestar.engine.reading import names_more as more
from lodestar.engine.reading import names_notbodies as notbodies
from lodestar.engine.reading.evidence import Evidence
from lodestar.engine.reading.known_orgs import gazetteer_spans
from lodestar.engine.reading.names_acronyms import (
    CONNECTORS,
    acronym_after,
    acronym_like,
    initials,
    is_acronym,
)
from lodestar.engine.reading.names_chain import CHAIN as _CHAIN
from lodestar.engine.reading.names_chain import CONNECT as _CONNECT
from lodestar.engine.reading.names_chain import SYNONYMS
from lodestar.engine.reading.names_chain import UPPER as _UPPER
from lodestar.engine.reading.names_lexicon import (
    KNOWN_ORGS,
    NOT_NAMES,
    OF_HEADS,
    ORG_WORDS,
    PARTICLES,
    ROLE_WORDS,
    SPEECH,
    TITLES,
    WELL_KNOWN_SURNAMES,
)
from lodestar.engine.reading.names_more import NameMention
from lodestar.engine.reading.names_pieces import CAMEL as _CAMEL
from lodestar.engine.reading.names_pieces import FIRST as _FIRST
from lodestar.engine.reading.names_pieces import NATION_FORMS as _NATION_FORMS

_CANONICAL = {more.name_key(name): more.name_key(group[0]) for group in SYNONYMS for name in group}
_DATELINE = re.compile(r"(?:^|\n)\s*$")

_ORG_NOUNS = (
    r"(?:company|companies|firm|start-?up|startups|group|agency|société|entreprise|groupe|journal|newspaper|"
    r"quotidien|le site|site|magazine|cabinet|fabricant|manufacturer|maker|provider|developer|subsidiary|"
    r"filiale|constructeur|éditeur|spécialiste|specialist|PME|contractor|supplier|fournisseur|"
    r"industriel|équipementier|outlet|broadcaster|agence de presse|news agency|consultancy|unicorn|"
    r"licorne|incubator|incubateur|investor|investisseur|venture capital firm|laboratory|laboratoire|"
    r"jeune pousse|concepteur|designer|motoriste|chantier naval|shipbuilder|shipyard|armurier|gunmaker)"
)
# "the firm X", "la start-up française X", "British defence company X": an organisation noun, at most two
# lower-case words (adjectives, "defence") and the name.
_LINK_WORDS = (
    r"(?:in|of|for|from|at|on|with|by|to|and|or|the|a|an|as|like|such|including|than|de|du|des|en|à|au|aux|"
    r"dans|par|pour|et|ou|les|le|la|un|une|comme|dont|que|qui|chez|sur|avec)"
)
_ORG_CUE = re.compile(rf"\b{_ORG_NOUNS}(?:\s+(?!{_LINK_WORDS}\b)[a-zà-ÿ-]+){{0,2}},?\s+$", re.IGNORECASE)
# "X, a London-based start-up", "X, une PME bretonne", "X, the company that...": an apposition after it.
_ORG_APPOSITION = re.compile(
    rf"^,\s+(?:(?:a|an|the|une?|la|le|l['’])\s+)?(?:[\w’'-]+\s+){{0,3}}{_ORG_NOUNS}\b", re.IGNORECASE
)
# "... is Fractile. The company makes chips", "... Agueris. Cette PME fournit": the next sentence names
# it by its kind.
_ORG_NEXT_SENTENCE = re.compile(
    rf"^\.\s+(?:The|This|That|Its|La|Le|L['’]|Cette|Ce|Cet|Son|Sa)\s*(?:[\w-]+\s+)?{_ORG_NOUNS}\b",
    re.IGNORECASE,
)
# Roles that name a person in apposition, after ("Jane Doe, chief executive of") or before ("chief
# executive Jane Doe", "le porte-parole, Jean Dupont").
_ROLE_NOUNS = (
    r"(?:chief executive|chief|executive|director|head|founder|co-founder|cofounder|president|chairman|chair|"
    r"spokesman|spokeswoman|spokesperson|analyst|researcher|professor|engineer|minister|secretary|"
    r"commander|general|admiral|officer|manager|partner|expert|fellow|scientist|editor|reporter|"
    r"correspondent|journalist|author|ambassador|adviser|advisor|lawmaker|senator|colonel|"
    r"directeur|directrice|président|présidente|fondateur|fondatrice|cofondateur|cofondatrice|"
    r"porte-parole|chercheur|chercheuse|ministre|secrétaire|commandant|général|amiral|délégué|déléguée|"
    r"responsable|patron|patronne|PDG|CEO|CTO|COO|ingénieur|ingénieure|chef|cheffe|conseiller|"
    r"conseillère|journaliste|correspondant|correspondante|rédacteur|député|députée|sénateur|sénatrice)"
)
# "commandant suprême allié Transformation (SACT)", "Chief Technology Officer (CTO)": the acronym of a
# role, not of a body.
_ROLE_ACRONYM = re.compile(rf"\b{_ROLE_NOUNS}(?:[ \t]+[\w’'-]+){{0,4}}[ \t]+$", re.IGNORECASE)
_BRACKETED = re.compile(r"\(([A-Z]{2,7})\)")
_PERSON_APPOSITION = re.compile(
    rf"^,\s+(?:(?:the|a|an|its|their|his|her|le|la|l['’]|un|une|son|sa|leur|notre|our)\s+)?"
    rf"(?:[\w’'-]+\s+){{0,2}}{_ROLE_NOUNS}\b",
    re.IGNORECASE,
)
# "chief executive Jane Doe", "le président américain Joe Biden", "ministre de la Défense, Jean Dupont":
# the role, at most three lower-case words (a nationality, "de la"), a comma or not, then the name.
_ROLE_BEFORE = re.compile(rf"\b{_ROLE_NOUNS}(?:\s+[a-zà-ÿ'’-]+){{0,3}},?\s+$", re.IGNORECASE)
# "Jane Doe, 45, said", "Jane Doe, who leads": only people take an age or "who".
_PERSON_AFTER = re.compile(r"^,\s+(?:\d{2},|who\b|herself\b|himself\b|elle-même\b|lui-même\b)")
_SPEECH_BEFORE = cues.SPEECH_BEFORE
# After a name found: "and" and a second name, or a university or school of its own.
_READ_ON = re.compile(r"['’]s\s+|\s+(?:and|et|&)\s+|\s+de l['’](?=(?:Université|École) )")
_TITLE = re.compile(
    r"(?:^|\W)(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\.?\s+$"
)
_SPEECH = re.compile(r"^,?\s+(?:" + "|".join(re.escape(s) for s in SPEECH) + r")\b")
# A sub-unit written after its parent's name and acronym: "Development Command (DC) Armaments Center".
_NESTED = bounds.NESTED  # "Development Command (DC) Armaments Center": one body
_PERSON_OF = re.compile(
    r"^([A-ZÀ-Ý][\w’'-]+(?: [A-ZÀ-Ý][\w’'-]+){1,2}) (?:d['’]|de |du |of |from )([A-ZÀ-Ý].*)$"
)
_WORD_ACRONYM = re.compile(r"(?!Aid\b)[A-Z][a-z]{2,5}")
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:the|la|le|les|de|du|des)\s+|\b[lLdD]['’])$")
_FIELDS = frozenset(["Energy", "Research", "Industry", "Security", "Intelligence"])
_LEGAL_AFTER = re.compile(r"^,?[ \t]+(?:Inc|LLC|Ltd|Corp|GmbH|plc|PLC|S\.A|SAS)\b")
_LEGAL_TAIL = re.compile(r"^,[ \t]+(?:Inc|LLC|Ltd|Corp|GmbH|plc|PLC|S\.A|SAS)\b\.?")  # part of the name
_NOT_PERSON = context.NOT_PERSON  # words of events, products and places
_HONORIFIC = bounds.HONORIFIC  # "M. Dupont", "SEM Jean Dupont", "Madam Koomson"
# A noun ending a word that is no one's name: "Commander Innovation" is a post.
EVENTS = context.words("Challenge Challenges Summit Conference Forum Competition Contest Games Exercise Show")
_NOUN_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ism)$")
_TRAILING = re.compile(rf"(?:\s+{_CONNECT}|\s*[dl]['’])$")
_KNOWN_UPPER = frozenset(name.upper() for name in KNOWN_ORGS if " " in name)
_COUNTED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ ,.\u00a0]\d{3})*(?:[.,]\d+)?[ \t\u00a0]*$")
_BASED = re.compile(r"^(?:[\w.’'-]+[ \t])*?[\w.’']+-(?:based|backed|funded|owned|led|run|controlled)[ \t]+")
# "Smith & Wesson", "Procter & Gamble": one or two capitalised words on each side of "&" name a company.
AMPERSAND = re.compile(
    rf"^[{_UPPER}][\w’'.-]*(?: [{_UPPER}][\w’'.-]*)? & [{_UPPER}][\w’'.-]*(?: [{_UPPER}][\w’'.-]*)?$"
)

# "German and British" is not a person: the lists' first names that are also a nation's name or adjective
# are left out (the hand list's are kept: "Dominique").
_SERVICES = frozenset(["Army", "Navy", "Marines", "Gendarmerie", "Bundeswehr"])  # a body on their own


def _trim(words: str, start: int) -> tuple[str, int]:
    """Drop sentence openers ("The", "Le") from the front and connectors from the back of a chain."""
    words = english.cut_on(words)  # "Le Monde on Monday", "X on Chang'e 6": no part of the name
    based = _BASED.match(words)  # "London-based Helsing", "Accel-backed X": where or whose, not the name
    if based and len(words) > based.end():
        start += based.end()
        words = words[based.end() :]
    if re.match(r"The[A-Z][a-z]", words) and words[3:] in KNOWN_ORGS:  # "per TheNew York Times": glued
        start, words = start + 3, words[3:]
    while words not in KNOWN_ORGS:  # "Le Monde", "The Financial Times" keep their article
        first = re.match(r"[\w&]+(?:['’]\s*|\s+)", words)  # "In-Q-Tel" keeps its "In"
        opener = first.group(0).rstrip("'’ ").rstrip() if first else ""
        rest = words.split()[1:]
        if opener.isupper() and len(opener) > 1 and len(rest) >= 2 and any(t in ORG_WORDS for t in rest):
            break  # "AI Partnership for Defense": an acronym that opens a body's name stays
        if opener == "The" and (len(rest) == 1 and rest[0] in context.NEWS_HEADS or words in KNOWN_ORGS):
            break  # "The Guardian", "The Financial Times" keep their article
        if first and len(words) > first.end() and opener in NOT_NAMES:
            start += first.end()
            words = words[first.end() :]
            continue
        honorific = _HONORIFIC.match(words)  # "M. Dupont", "SEM Jean Dupont": the title is a cue
        if honorific and len(words) > honorific.end():
            start += honorific.end()
            words = words[honorific.end() :]
            continue
        break
    words = re.sub(r"(?<=[^\W\d_])\.\d{1,2}$", "", words)  # a footnote's number: "the OSCE.3"
    while _TRAILING.search(words):
        words = _TRAILING.sub("", words)
    _LEADING = rf"(?:{_CONNECT})\s+|[a-zà-ÿ][\w-]*\s+(?:{_CONNECT})\s*(?=[{_UPPER}])|[dl]['’](?=[{_UPPER}])"
    # ... and "d'Airbus" after a role cut off ("le PDG d'Airbus"); "de la X", "de l'X": each connector
    while leading := re.match(_LEADING, words):  # "de X", "L'arrivée de l'X": no article opens a name
        start += leading.end()
        words = words[leading.end() :]
    noun = re.match(rf"([a-zà-ÿ][a-zà-ÿ-]*)\s+(?=[{_UPPER}])", words)
    if noun and noun.group(1) not in PARTICLES:  # "L'entreprise X": the noun after the article is a cue
        start += noun.end()
        words = words[noun.end() :]
    of_nation = bounds.nation_tail(words)  # "X and Finland('s Y)", not "Elbit Systems of America"
    if of_nation and not english.of_head(words, of_nation.start()) and words not in KNOWN_ORGS:
        words = words[: of_nation.start()]
    of_place = not bounds.place_tail(words) and re.search(r"\s+of\s+[A-Z][\w-]+$", words)  # "X of Tulsa"
    if (
        of_place
        and words[: of_place.start()].split()[-1] not in OF_HEADS
        and not english.of_head(words, of_place.start())  # "Computer Emergency Response Team of Ukraine"
        and more.bare(words) not in KNOWN_ORGS
    ):
        words = words[: of_place.start()]
    tokens = words.split()
    if (
        len(tokens) == 2
        and tokens[0] in _NATION_FORMS
        and tokens[0] not in _FIRST
        and tokens[1] not in ORG_WORDS
        and words not in KNOWN_ORGS  # "France Culture" is a name whole
    ):
        words = tokens[1]  # "the Norwegian X": the nation is said, not part of the name
        start = start + len(tokens[0]) + 1
    return more.tidy(words), start


def _kind(
    words: str, before: str, after: str, directory: frozenset[str], nations: frozenset[str]
) -> str | None:
    tokens = words.split()
    if more.known(words, directory) or filters.known_in_capitals(words, before, _KNOWN_UPPER):
        return "organisation"  # "NAVAL GROUP", "AIRBUS DEFENCE AND SPACE": credits write names in capitals
    if len(tokens) <= 2 and more.with_article(words, before) in KNOWN_ORGS:
        return "organisation"  # "a report in the Guardian", "a indiqué au Figaro"
    if _WORD_ACRONYM.fullmatch(words) and words.upper() in KNOWN_ORGS and _ARTICLE_BEFORE.search(before):
        return "organisation"  # "un rapport de l’Onu", "la Nasa": a known acronym written as a word
    if _not_a_body(words, tokens, before, after, nations):
        return None
    if _LEGAL_AFTER.match(after) or (len(tokens) >= 2 and re.match(rf"\s*\({re.escape(tokens[0])}\)", after)):
        return "organisation"  # "David Boland, Inc.", "Allison Transmission (Allison)": a company's names
    if len(tokens) == 1 and words in WELL_KNOWN_SURNAMES:
        return "person"  # "Mais Biden voulait", "the Trump administration"
    if any(t in ("Team", "Teams") for t in tokens[2:]):
        return "organisation"  # "Computer Emergency Response Team": a standing team is a body
    if any(t.strip(".,") in ORG_WORDS and t.strip(".,") not in _FIELDS for t in tokens) and len(tokens) > 1:
        return "organisation"  # ... a field's word alone is none: "Directed Energy", "Brain Research"
    if AMPERSAND.match(words) and not any(
        t in NOT_NAMES or t in _NATION_FORMS or t.lower() in context.AMPERSAND_NOUNS for t in tokens
    ):
        return "organisation"
    if len(tokens) == 2 and tokens[0] == "The" and tokens[1] in context.NEWS_HEADS:
        return "organisation"  # a newspaper: "The Guardian", "The Herald"
    if tokens[0] in ("Team", "Équipe") and len(tokens) > 1:
        return "organisation"  # a competition's team: "Team Falcon", "Team ABC"
    one = len(tokens) == 1 and (
        _NOUN_ENDING.search(words) or (words.isupper() and len(words) <= 3)
    )  # "Chief ZT"
    if _TITLE.search(before) and len(tokens) <= 5 and not one and tokens[-1] not in ROLE_WORDS:
        return "person"
    if (  # a name in capitals, as credits and bylines write it: "JANE DOE/AFP", "With JOHN SMITH"
        words.isupper()
        and 2 <= len(tokens) <= 3
        and tokens[0].title() in _FIRST  # "JEAN-FRANÇOIS MONIER": each part of a compound first name
        and not any(t.capitalize() in ORG_WORDS or t in KNOWN_ORGS for t in tokens)
    ):
        return "person"
    lead = int(len(tokens) > 2 and bool(re.fullmatch(r"[A-ZÀ-Ý]\.", tokens[0])))  # "C. Todd Lopez"
    if (
        tokens[lead] in _FIRST
        and 2 <= len(tokens) - lead <= 5
        and not re.search(r"\w{4}(?:tion|sion|ment|ness|ity|ism)$", tokens[-1])  # "Allison Transmission"
        and tokens[-1] not in ORG_WORDS
        and filters.surname_like(tokens[-1])  # "Vega C", "Meta AI": a product's letters are no surname
        and not any(t in _NOT_PERSON for t in tokens)
        and not any(t in _NATION_FORMS for t in tokens[1:])
    ):
        return "person"
    if len(tokens) == 1 and is_acronym(words) and not _COUNTED.search(before):
        return "organisation"  # ... but "48 K9", "500 MW": a count or a measure is of things, not bodies
    if words in _SERVICES and re.search(r"\b(?:the|la|l['’]|le)\s*$", before, re.IGNORECASE):
        return "organisation"  # "the Army unveiled", "la Gendarmerie": the armed service itself
    if _CAMEL.match(words):
        return "organisation"
    if _ORG_CUE.search(before) or context.MAKER_BEFORE.search(before):
        return "organisation"
    if context.ROLE_OF_BEFORE.search(before):
        return "organisation"
    if len(tokens) <= 4 and context.ORG_RELATIVE_AFTER.match(after):
        return "organisation"
    if len(tokens) <= 3 and context.ORG_AFTER.match(after) and tokens[0] not in _FIRST:
        return "organisation"
    if len(tokens) <= 3 and _ORG_NEXT_SENTENCE.match(after) and tokens[0] not in _FIRST:
        return "organisation"
    if (
        len(tokens) <= 4
        and _ORG_APPOSITION.match(after)
        and not _PERSON_APPOSITION.match(after)
        and not re.match(r"^,\s+[\w-]+-based\b", after)  # "Rockville, Maryland-based company": a place
    ):
        return "organisation"
    if (
        2 <= len(tokens) <= 4
        and _person_like(tokens)
        and (
            _PERSON_APPOSITION.match(after)
            or _PERSON_AFTER.match(after)
            or _ROLE_BEFORE.search(before)
            or english.credited(before, _SPEECH_BEFORE)  # "said X", "according to X", "(Reporting by X"
            or french_more.alone_on_line(tokens, before, after)  # a byline on its own line
        )
    ):
        return "person"
    if (
        2 <= len(tokens) <= 3
        and _SPEECH.match(after)
        and all(t[0].isupper() or t in PARTICLES for t in tokens)
        and not any(t in KNOWN_ORGS for t in tokens)  # "NATO DIANA announced": two bodies' names
    ):
        return "person"
    return None


def _not_a_body(words: str, tokens: list[str], before: str, after: str, nations: frozenset[str]) -> bool:
    """A nation, a sentence opener, a place ("Hill Air Force Base") or a programme, event or product
    ("the X program", "programme X"): not a name the reader keeps."""
    return (
        words in nations
        or words in NOT_NAMES
        or words in _NATION_FORMS
        or tokens[-1] in context.PLACE_ENDINGS
        or (len(tokens) == 1 and (words in context.GENERIC or words in ORG_WORDS) and words not in _SERVICES)
        or (tokens[-1] in context.NON_BODY_HEADS and not english.subject_named(tokens))
        or (tokens[0] in context.NON_BODY_HEADS and not (tokens[0] in _FIRST and _person_like(tokens)))
        or tokens[0] in context.SHIP_PREFIXES
        or tokens[-1] in context.PRODUCT_TAILS
        or (tokens[0] in context.PLACE_PREFIXES and len(tokens) > 1)
        or all(t in context.FIELD_WORDS or t in CONNECTORS for t in tokens)
        or bool(context.NOT_ORG_AFTER.match(after))
        or bool(context.NOT_ORG_BEFORE.search(before))
        or filters.not_a_name(words, tokens, before, after)
    )


def _person_of(text: str, words: str, start: int, known: frozenset[str]) -> tuple[str, str] | None:
    """A person's name, then the body they speak for ("Mikolaj Firlej d’Expeditions Fund", "Jean Dupont du
    CNRS"): the person and the body, or None."""
    m = _PERSON_OF.match(words)
    if not m or not _person_like(m.group(1).split()):
        return None
    person, body = m.group(1), m.group(2)
    cue = person.split()[0] in _FIRST or english.credited(text[max(0, start - 60) : start], _SPEECH_BEFORE)
    a_body = more.known(body, known) or any(t in ORG_WORDS for t in body.split())
    return (person, body) if cue and a_body else None


def _role_acronym(phrase: str, acronym: str) -> bool:
    """A role's own acronym ("commandant suprême allié Transformation (SACT)"), not a body's named in the
    role ("director of the National Security Agency (NSA)")."""
    words = re.findall(r"[\w’'-]+", phrase)
    return acronym not in KNOWN_ORGS and not any(
        w.lower() in ("of", "de", "du", "des", "d’", "at", "à") or w in ORG_WORDS for w in words
    )


def _person_like(tokens: list[str]) -> bool:
    """Words that could be a person's name: capitalised (or particles, or initials before the surname:
    "J.D. Vance"), no organisation, event or nation word, no acronym."""
    return (
        all(
            (t[:1].isupper() and not t.isupper()) or t in PARTICLES or re.fullmatch(r"(?:[A-Z]\.){1,3}", t)
            for t in tokens[:-1]
        )
        and tokens[-1][:1].isupper()
        and not tokens[-1].isupper()
        and tokens[0] not in PARTICLES
        and not any(t.strip(".,") in ORG_WORDS or t in _NOT_PERSON or t in _NATION_FORMS for t in tokens)
    )


def find_names(
    text: str, directory: Iterable[str] = (), nations: Iterable[str] = ()
) -> tuple[NameMention, ...]:
    """Organisations and people in ``text``; ``directory`` holds known organisation names to resolve."""
    known = frozenset(directory)
    nation_words = frozenset(nations)
    items: dict[tuple[str, str], list[Evidence]] = {}
    order: list[tuple[str, str]] = []
    aliases: dict[str, tuple[str, str]] = {}
    taken: list[tuple[int, int]] = []
    canon: dict[str, tuple[str, str]] = {}
    pending: list[tuple[str, int]] = []  # capitalised names nothing classed: a list may class them
    things = {
        acronym
        for acronym, meaning in context.defined_acronyms(text).items()
        if acronym not in KNOWN_ORGS
        and acronym not in known
        and (
            not any(w in ORG_WORDS or w.capitalize() in ORG_WORDS for w in meaning.split())
            or meaning.split()[-1] in context.NON_BODY_HEADS | context.PLACE_ENDINGS  # an event, a station
        )
        and meaning not in KNOWN_ORGS
    } | {
        m.group(1)
        for m in _BRACKETED.finditer(text)
        if (role := _ROLE_ACRONYM.search(text, max(0, m.start() - 80), m.start()))
        and _role_acronym(role.group(0), m.group(1))
    }
    things |= (
        (filters.law_acronyms(text) | french_more.glossed_things(text) | filters.described_acronyms(text))
        - KNOWN_ORGS
        - known
    )

    def add(kind: str, name: str, evidence: Evidence) -> None:
        key = (
            aliases.get(name)
            or canon.get(_CANONICAL.get(more.name_key(name), more.name_key(name)))
            or (kind, name)
        )
        if key not in items and kind == "organisation":
            key = _same_body(name, [k for k in order if k[0] == kind]) or key
        canon.setdefault(_CANONICAL.get(more.name_key(name), more.name_key(name)), key)
        if key not in items:
            items[key] = []
            order.append(key)
        items[key].append(evidence)
        taken.append((evidence.start, evidence.end))

    def _read_chain(text: str, words: str, start: int) -> None:
        if words in things or french_more.in_gloss(text, start):
            return  # an acronym the text defines as something else ("(USV)"), or an acronym's gloss
        if words in aliases:
            add(*aliases[words], Evidence(words, start, start + len(words)))
            return
        led = words.split()
        if len(led) == 2 and led[1] == "Administration" and led[0] in WELL_KNOWN_SURNAMES:
            add("person", led[0], Evidence(led[0], start, start + len(led[0])))  # "the Trump Administration"
            return
        if run_on := more.known_then_person(words, known):  # "Armasuisse Jane Doe": a credit's two names
            body, person = run_on
            add("organisation", body, Evidence(body, start, start + len(body)))
            add("person", person, Evidence(person, start + len(body) + 1, start + len(words)))
            return
        parts = words.split("-")
        if len(parts) > 1 and all(p in KNOWN_ORGS or p in known for p in parts):
            for part in parts:  # "EU-UN talks", "UE-ONU": two bodies
                add("organisation", part, Evidence(part, start, start + len(part)))
                start += len(part) + 1
            return
        nested = _NESTED.match(text, start + len(words))
        if nested and nested.group(2).split()[-1] in ORG_WORDS and any(t in ORG_WORDS for t in words.split()):
            words = text[start : nested.end()]  # "Development Command (DC) Armaments Center": one body
            add("organisation", words, Evidence(words, start, start + len(words)))
            return
        if (
            words.isupper()
            and len(words) > 4
            and _DATELINE.search(text[max(0, start - 40) : start])
            and re.match(r"\s*[,(:—–-]", text[start + len(words) : start + len(words) + 3])
        ):
            return  # "PARIS (Reuters) -": a dateline's place
        before = text[max(0, start - 60) : start]
        after = text[start + len(words) : start + len(words) + 80]
        kind = filters.checked(_kind(words, before, after, known, nation_words), words, before)
        if kind is None:
            tokens = words.split()
            orgs = [k for k in order if k[0] == "organisation"]
            if (len(tokens) > 1 or more.first_word_of(words, orgs)) and _same_body(words, orgs):
                add("organisation", words, Evidence(words, start, start + len(words)))
                return  # "Raytheon BBN" after "Raytheon BBN Technologies"
            for k in range(len(tokens) - 1, 0, -1):  # "NASA Rover Challenge", "AP Updated": NASA, AP
                head = " ".join(tokens[:k])
                if tokens[0] in context.PLACE_PREFIXES:
                    break
                if any(n.startswith(head + " ") for _, n in order):
                    break  # "Raytheon BBN and ..." after "Raytheon BBN Technologies": that body again
                if head in KNOWN_ORGS or head in known:
                    if not french_more.model_of(tokens[k:], before):  # "l’Airbus A400M": a product
                        add("organisation", head, Evidence(head, start, start + len(head)))
                    return
            if len(tokens) <= 4 and not _not_a_body(words, tokens, before, after, nation_words):
                pending.append((words, start))
            return
        if kind == "organisation" and (legal := _LEGAL_TAIL.match(after)):
            words = text[start : start + len(words) + legal.end()]  # "David Boland, Inc."
        if kind == "person" and (cut := re.search(r" (?:pour|for|and|et) (?=[A-ZÀ-Ý])", words)):
            _read_chain(text, words[: cut.start()], start)  # "Mr Choubi pour Telescope Magazine": two names
            _read_chain(text, words[cut.end() :], start + cut.end())
            return
        if kind == "person" and (honours := re.search(r" (?:MP|MEP|QC|KC|PhD|OBE|CBE|KBE)$", words)):
            words = words[: honours.start()]  # "John Healey MP": the name without its letters
        if kind == "person":
            surname = french_more.same_person(words, [n for k, n in order if k == "person"])
            if surname:
                items[("person", surname)].append(Evidence(words, start, start + len(words)))
                return
        add(kind, words, Evidence(words, start, start + len(words)))
        if kind == "organisation":
            acronym_after(text, start + len(words), (kind, words), aliases, taken)

    for m in cues.MEDIA.finditer(text):  # "selon Le Monde", "told The Diplomat", "PARIS (Belga) -"
        group = next(g for g in ("name", "outlet", "agency") if m.group(g))
        words, start = m.group(group), m.start(group)
        words = french_more.longest_known(text, start, words)  # "Le Canard enchaîné"
        bare = re.sub(r"^(?:The|Le|La|Les|L['’])\s?", "", words)
        if words not in NOT_NAMES and words not in _NATION_FORMS and bare not in KNOWN_ORGS:
            add("organisation", words, Evidence(words, start, start + len(words)))

    for kind, words, start in french_more.credits(text):  # "S.POUZET/SIPA", "X / PIXEL STUDIO / MBDA"
        if kind == "organisation" and (run_on := more.known_then_person(words, known)):
            add("person", run_on[1], Evidence(run_on[1], start + len(run_on[0]) + 1, start + len(words)))
            words = run_on[0]  # "Photo: Armasuisse Jane Doe"
        add(kind, words, Evidence(words, start, start + len(words)))
    for words, start in gazetteer_spans(text):  # "Commissariat à l'énergie atomique", "Marine nationale"
        words = french_more.adjective_after(text, words, start)  # "ministère de l'Intérieur algérien"
        if not any(s <= start < e for s, e in taken):
            add("organisation", words, Evidence(words, start, start + len(words)))
            acronym_after(text, start + len(words), ("organisation", words), aliases, taken)

    for words, start in [
        *cues.listed_fields(text),
        *french.french_bodies(text),
        *cues.cued_bodies(text, nation_words),
    ]:
        words = french_more.adjective_after(text, words, start)  # "centre de cybersécurité belge"
        if not any(s <= start < e for s, e in taken):
            add("organisation", words, Evidence(words, start, start + len(words)))
            acronym_after(text, start + len(words), ("organisation", words), aliases, taken)

    for m in french.ADJECTIVAL.finditer(text):  # "École polytechnique", "Gendarmerie nationale"
        words = filters.to_acronym(text, m.group(0), m.start())
        if not any(s <= m.start() < e for s, e in taken):
            add("organisation", words, Evidence(words, m.start(), m.start() + len(words)))
            acronym_after(text, m.end(), ("organisation", words), aliases, taken)

    chains = list(_CHAIN.finditer(text))
    things |= {  # "the X Robotics Challenge ... the XRC": an event's initials, not a body
        initials(c.group(0))
        for c in chains
        if len(c.group(0).split()) > 2 and c.group(0).split()[-1] in EVENTS
    }
    body, subheads = more.body_start(text), english.subheads(text)
    for m in chains:
        chain, chain_start = m.group(0), m.start()
        inside = max((e for s, e in taken if s <= chain_start < e), default=None)
        if inside is not None:  # "told The Financial Times and Le Monde": read on after the name found
            rest = _READ_ON.match(text[inside : m.end()])
            if not rest:
                continue
            chain, chain_start = text[inside + rest.end() : m.end()], inside + rest.end()
        if chain_start < body or any(s <= chain_start < e for s, e in subheads):
            continue  # a title or a subhead in Title Case ("Need for More Investments")
        for piece, piece_start in more.person_of(bounds.pieces(text, chain, chain_start)):
            words, start = bounds.edges(text, *more.full_stop(text, *_trim(piece, piece_start)))  # "Co."
            if split := _person_of(text, words, start, known):  # "Mikolaj Firlej d’Expeditions Fund"
                person, speaks_for = split
                add("person", person, Evidence(person, start, start + len(person)))
                start, words = start + len(words) - len(speaks_for), speaks_for
            words, start = french_more.owner(text, words, start, known)  # "Cannes de Thales": Thales
            if any(s <= start < e for s, e in taken):
                continue  # "La Commission" of "la Commission européenne", already read whole
            words = filters.to_acronym(text, words, start)  # "Agence régionale de santé (ARS)"
            if words and words not in NOT_NAMES and not more.no_name(words, text, start):
                _read_chain(text, words, start)

    for _ in range(3):  # "Raytheon BBN Technologies, and Signature Science": a list's items are alike
        spans = [(e.start, e.end) for k in order if k[0] == "organisation" for e in items[k]]
        joined = more.listed(pending, text, spans, [n for k, n in order if k == "person"])
        for words, start in joined:
            add("organisation", words, Evidence(words, start, start + len(words)))
            pending.remove((words, start))
        if not joined:
            break

    for acronym, key in aliases.items():  # an acronym met before its full name joins it
        alone = canon.get(_CANONICAL.get(more.name_key(acronym), more.name_key(acronym)))
        if alone and alone != key and alone in items and key in items:
            items[key].extend(items.pop(alone))
            order.remove(alone)
    for name, evidence in english.listed_people(text, items, taken):
        add("person", name, evidence)  # "Abdelghani Laraoui, Jonathan Wrubel": a list of people
    return notbodies.sift(text, tuple(NameMention(n, k, tuple(items[(k, n)])) for k, n in order), known)


def _same_body(name: str, known: list[tuple[str, str]]) -> tuple[str, str] | None:
    """An organisation already found that ``name`` names again: a shortened mention ("the Innovation
    Fund" after "NATO Innovation Fund") or its acronym, undeclared ("SCO" for "Strategic Capabilities
    Office"), or the full name of an acronym met first."""
    for key in known:
        other = key[1]
        if (len(name.split()) > 1 or name in _SERVICES or name in ORG_WORDS) and other.endswith(" " + name):
            return key
        if len(name.split()) > 1 and other.startswith(name + " ") and other.split()[-1] in ORG_WORDS:
            return key  # "Vega Orbit" after "Vega Orbit Systems"
        if acronym_like(name) and len(other.split()) >= 2 and initials(other) == name.upper():
            return key
        if acronym_like(other) and len(name.split()) >= 2 and initials(name) == other.upper():
            return key
    return more.same_body(name, known) or bounds.same_legal(name, known)  # "Lockheed", "X Corp." after "X"
