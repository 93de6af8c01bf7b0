"""How English news writes what is not a body's or a person's name (issue 12, round five).

Classes of false names met on unseen English news, each a rule of the language's news writing, not a
list of the names met:

- a sentence's opening adverb before its comma ("Meanwhile, X said", "Separately, ...");
- a US state's postal code after a town ("Moses Lake, WA.");
- an acronym used as a common noun after "a"/"an" ("as long as I have been an MP,");
- the topic of an event ("a conference on Cyber Security in Financial Services");
- counted things named after their owner or kind ("three Nevada Air Force facilities", "12 Open
  Division teams"), military units ("3 Commando Brigade") aside;
- an edition's number ("CyberPatriot XI"), funds ("Fund III") and people ("Charles III") aside;
- a post ("Product Manager for Cyber Platforms and Systems", "Director of National Intelligence");
- the relations of two nations ("Singapore-Australia Comprehensive Strategic Partnership");
- a numbered award or phase ("the NSF Research Infrastructure Improvement-Track 1 award");
- a person's name that holds the words of a post ("Chief Defence Scientists"), and what a person owns
  ("Alexis Ohanian's Seven Seven Six");
- a committee named after its subject keeps its name whole ("Joint Committee on National Security
  Strategy" is a committee, not a strategy);
- people named in a list with other people ("Abdelghani Laraoui, Jonathan Wrubel, Xia Hong").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lodestar.engine.reading.evidence import Evidence
from lodestar.engine.reading.names_context import FIELD_WORDS, defined_acronyms, listed_with, words
from lodestar.engine.reading.names_lexicon import FIRST_NAMES, KNOWN_ORGS, NOT_NAMES, ORG_WORDS
from lodestar.engine.reading.nations import nation_forms

# Adverbs that open an English sentence before a comma; any "-ly" adverb of these shapes does too.
_DISCOURSE = words(
    "Meanwhile Moreover Furthermore Additionally Separately Similarly Likewise Nonetheless Nevertheless "
    "Instead Indeed Still Besides Otherwise Hence Thus Therefore Consequently Overall Finally Initially "
    "Previously Recently Currently Earlier Later Elsewhere Notably Importantly Ultimately Specifically "
    "Conversely Alternatively Accordingly Regardless Meantime Thereafter Afterwards Yesterday Tomorrow "
    "Tonight Again Then Once Already Perhaps Today Now Yet Hitherto Lastly Firstly Secondly Thirdly "
    "Together Here There Next First Second Third Last Further Also So Plus Rather Yes No Well Likewise"
)
_ADVERB = re.compile(
    r"^[A-Z][a-z]{3,}(?:ally|edly|ingly|ately|ently|antly|ously|ively|arly|ibly|ably|fully)$"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|[“\"]\s*)$")
_USPS = words(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
    "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
)
_TOWN_BEFORE = re.compile(r"[A-Z][\w.’'-]*,\s*$")
_PLACE_END = re.compile(r"^(?:\s*[,.;:)]|\s*$|\s+\d{5}\b)")
_ARTICLE = re.compile(r"(?:^|\s)(?:a|an|A|An)\s+$")
_NOUN_USE_AFTER = re.compile(
    r"^(?:[.,;:!?)]|\s+(?:for|in|at|of|who|and|or|since|from|with|on|before|after)\b)"
)
_EVENT_TOPIC = re.compile(
    r"\b(?i:conference|summit|forum|seminar|symposium|workshop|webinar|panel|session|course|lecture|"
    r"debate|roundtable|masterclass)s?\s+(?:on|about)\s+(?:[A-Z][\w’'-]*\s+){0,4}(?:(?:in|for|and|of|&)\s+)?$"
)
# A project's or a thing's name follows these: "The project is dubbed “CASER” — short for X".
_PROJECT_NAMED = re.compile(
    r"\b(?:short for|stands for|standing for|dubbed|code-?named)\s*[“\"‘']?\s*$", re.IGNORECASE
)
_COUNT = re.compile(
    r"(?<![\w$£€.,:/°-])(?:\d{1,3}(?:,\d{3})*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|dozen|dozens of|hundreds of|thousands of))[ \t]+$"
)
_DATE_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2}\s+$"
)
# Units that British and other armies number before their name: "3 Commando Brigade", "16 Air Assault
# Brigade", "1 Armoured Infantry Brigade".
_UNITS = words("Brigade Regiment Squadron Battalion Wing Fleet Corps Flotilla Commando Army Group")
_DIVISION_WORDS = words("Infantry Armoured Armored Airborne Mechanised Mechanized Cavalry Artillery Marine")
# "two Defense Department officials": the people counted are the body's, so the name is a body's.
_PEOPLE_AFTER = re.compile(
    r"^\s+(?:senior\s+|former\s+|top\s+)?(?:officials?|executives?|employees?|engineers?|soldiers|troops|"
    r"sailors|airmen|marines|staff|staffers|workers|analysts|researchers|scientists|sources|spokespeople|"
    r"members|representatives|leaders|personnel|officers|lawmakers|investigators|agents)\b"
)
_ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX)$")
_POSTS = words(
    "Manager Director Secretary Minister Chief Head Officer Commissioner Administrator Adviser Advisor "
    "Coordinator Envoy Ambassador Representative Inspector Commander Chairman Chair President Governor "
    "Undersecretary Controller Auditor"
)
# A post and "of"/"for" open a chain: "Leader of Telford Council", "Member of Parliament for X".
POST_OF = re.compile(
    r"^(?:(?:Deputy|Vice|Assistant|Acting|Interim|Senior|Principal|Under)[ -])?(?:Leader|Member|Mayor|"
    r"Speaker|Dean|Editor|Chancellor|Governor|Director|Secretary|Minister|Head|Chief|Chair|Chairman|"
    r"Chairwoman|President|Commissioner|Administrator|Manager|Commander|Ambassador|Envoy)s? (?:of|for) "
    r"(?:the )?"
    # ... and the people or the parts of a body: "Shares of X", "Officials of X", "Members of X"
    r"|^(?:Shares|Officials|Members|Employees|Executives|Engineers|Researchers|Scientists|Analysts|"
    r"Investors|Customers|Users|Soldiers|Troops|Staff|Parts|Units|Critics|Supporters|Representatives|"
    r"Leaders|Heads|Owners|Subsidiaries|Divisions|Most|Some|Many|All|Each|Both|None|One|Two|Three) of "
    r"(?:the )?"
)
# "Member of Parliament for Telford", "Member of the European Parliament": a post and a constituency.
MEMBER_OF_PARLIAMENT = re.compile(r"^Members? of (?:the )?(?:European |Scottish |Welsh )?Parliament\b")
_RELATIONS = words(
    "Partnership Partnerships Relationship Relations Cooperation Co-operation Dialogue Alliance Framework"
)
_NUMBERED_THING_AFTER = re.compile(
    r"^\s+(?:\d{1,2}|[IVX]{1,4})\s+(?:award|grant|contract|tranche|phase|block|funding|prize)s?\b"
)
# Words of a post, never of a person's name: "Chief Defence Scientists", "Chief Information Officer".
_POST_WORDS = words(
    "Defence Defense Security Technology Science Scientist Scientists Officer Officers Operations "
    "Information Executive Engineer Engineers Intelligence Innovation Affairs Staff Ministers Directors "
    "Governor Governors Minister President Secretary Director Chairman Commissioner Mayor Senator Spokesman"
)
# Heads of things named after people: "Bradley Fighting Vehicles", "Patriot missiles".
_THING_HEADS = words(
    "Vehicle Vehicles Tank Tanks Rifle Rifles Aircraft Jet Jets Missile Missiles Drone Drones Radar Radars "
    "Satellite Satellites Ship Ships Launcher Launchers Gun Guns Howitzer Howitzers Fighter Fighters "
    "Helicopter Helicopters Rocket Rockets Truck Trucks Engine Engines Award Awards Prize Medal Lecture "
    # plural common nouns that end no person's name: "Grant Funding Opportunities"
    "Funding Opportunities Activities Capabilities Facilities Communities Policies Strategies Studies "
    "Grants Programs Programmes Projects Solutions Products Operations Applications Guidelines"
)
_PERSON_POSSESSIVE = re.compile(r"\b([A-Z][a-zà-ÿ’'-]+)\s+[A-Z][\w’'-]+[’']s\s+$")
# A committee, a commission or a council named after its subject: "Committee on X Strategy".
_SUBJECT_HEADS = words("Committee Subcommittee Commission Council Board Panel Task Taskforce Caucus")


def _nation_pair(token: str, nations: Iterable[str]) -> bool:
    parts = token.split("-")
    forms = frozenset(nations)
    return len(parts) == 2 and all(p in forms for p in parts)


def not_a_body(words_: str, tokens: list[str], before: str, after: str, nations: Iterable[str] = ()) -> bool:
    """Whether the chain ``words_`` (``tokens``), between ``before`` and ``after``, is no body's or
    person's name by one of this module's rules."""
    single = len(tokens) == 1
    opener = words_ in _DISCOURSE or bool(_ADVERB.match(words_))
    if single and opener and after.startswith(",") and _SENTENCE_START.search(before):
        return True  # "Meanwhile, World View said"
    if single and words_ in _USPS and _TOWN_BEFORE.search(before) and _PLACE_END.match(after):
        return True  # "Moses Lake, WA."
    if single and words_.isupper() and _ARTICLE.search(before) and _NOUN_USE_AFTER.match(after):
        return True  # "I've been an MP,"
    if _EVENT_TOPIC.search(before) or _PROJECT_NAMED.search(before):
        return True  # "a conference on Cyber Security in Financial Services", "dubbed X", "short for X"
    if words_ not in KNOWN_ORGS and _COUNT.search(before) and not _DATE_BEFORE.search(before):
        unit = tokens[-1] in _UNITS or (
            tokens[-1] == "Division" and any(t in _DIVISION_WORDS for t in tokens)
        )
        if not unit and not _PEOPLE_AFTER.match(after):
            return True  # "three Nevada Air Force facilities", "12 Open Division teams"
    if (
        len(tokens) >= 2
        and _ROMAN.match(tokens[-1])
        and tokens[-2] not in ORG_WORDS
        and tokens[0] not in FIRST_NAMES
    ):
        return True  # "CyberPatriot XI"; not "Fund III", "Charles III"
    if any(
        t in _POSTS and tokens[i + 1] in ("of", "for") for i, t in enumerate(tokens[:3][: len(tokens) - 1])
    ):
        return True  # "Product Manager for Cyber Platforms and Systems", "Director of National Intelligence"
    if tokens[-1] in _RELATIONS and _nation_pair(tokens[0], nations):
        return True  # "Singapore-Australia Comprehensive Strategic Partnership"
    if single and words_.endswith("s") and words_[:-1] in NOT_NAMES:
        return True  # "MoUs", "UAVs": the plural of a common acronym
    if len(tokens) > 2 and tokens[0] in _ACTIONS and tokens[1] == "of":
        return True  # "Transfer of Technology of X Jacket": an act, not a body
    if single and words_.isupper() and words_ not in KNOWN_ORGS and _thing_spelled_after(words_, after):
        return True  # "SAMAR (System for Advance Manufacturing Assessment and Rating)"
    if _ADVERB.match(tokens[0]) or MEMBER_OF_PARLIAMENT.match(words_):
        return True  # "Historically Black Colleges and ...": no name opens with an adverb; a post
    if single and _ADJECTIVE_COMPOUND.match(words_):
        return True  # "Earth-imaging company X", "AI-powered": an adjective, not a name
    if all(t in _JOBS for t in tokens):
        return True  # "By Jane Doe, Staff Writers": a byline's job
    return bool(_NUMBERED_THING_AFTER.match(after))  # "Improvement-Track 1 award"


# English nouns in "-ment" that head a body's name or a phrase, never a French sentence adverb's
# ("Heureusement pour X"): "Department of War", "Government of Canada", "Parliament of Australia".
MENT_NOUNS = words(
    "Department Government Parliament Regiment Establishment Development Management Settlement Agreement "
    "Investment Procurement Equipment Environment Movement Assessment Enforcement Employment Engagement "
    "Commandment Detachment Deployment Armament Instrument Monument Tournament Supplement Document"
)
_ADJECTIVE_COMPOUND = re.compile(
    r"^[A-Z][\w]*-[a-z]*(?:ing|ed|like|sized|scale|class|grade|wide|free|proof|style|era|type|powered|"
    r"enabled|focused|centric|ready|capable|made)$"
)
# Bylines' and credits' jobs: "Staff Writer", "Senior Correspondent", "Contributing Editor".
_JOBS = words(
    "Staff Writer Writers Reporter Reporters Correspondent Correspondents Editor Editors Contributor "
    "Contributing Senior Special Chief Deputy Associate Managing Columnist Photographer Producer Desk"
)
# A credit's verb before a person's name: "(Reporting by X; Editing by Y)", "Photographs by X".
CREDIT_BY = re.compile(
    r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Pp]hotos?|[Pp]hotographs?|[Vv]ideo|[Gg]raphics?|"
    r"[Ii]llustrations?|[Ii]nterview|[Tt]ranslated|[Ee]dited|[Ww]ritten)\s+by\s*$"
)


def credited(before: str, speech: re.Pattern[str]) -> bool:
    """A verb of speech or a source before a name (``speech``), or a credit's verb: "(Reporting by X"."""
    return bool(speech.search(before) or CREDIT_BY.search(before))


# Nouns of acts that open a phrase, never a body's name: "Transfer of Technology of ...".
_ACTIONS = words(
    "Transfer Transfers Supply Delivery Deliveries Procurement Purchase Sale Sales Provision Development "
    "Production Acquisition Construction Integration Deployment Launch Signing Exchange Award"
)
_SPELLED = re.compile(r"^\s*\(([^()]{5,90})\)")
_ACRONYM_SPELLED = re.compile(r"(?<![\w-])([A-Z]{2,8})(?=\s*\([^()]{5,90}\))")


def spelled_things(text: str) -> set[str]:
    """The acronyms the text spells out as things ("SAMAR (System for ... Rating)"), everywhere in it."""
    return {
        m.group(1)
        for m in _ACRONYM_SPELLED.finditer(text)
        if m.group(1) not in KNOWN_ORGS and _thing_spelled_after(m.group(1), text[m.end() : m.end() + 100])
    } | {
        form
        for acronym, meaning in defined_acronyms(text).items()
        # "robotic combat vehicles (RCVs)": a plural of common nouns names things, the RCV too
        if meaning.islower() and acronym.endswith("s") and acronym[:-1].isupper()
        for form in (acronym, acronym[:-1])
    }


def _thing_spelled_after(acronym: str, after: str) -> bool:
    """An acronym spelled out in brackets after it by capitalised words of which none is a body's:
    "SAMAR (System for Advance Manufacturing Assessment and Rating)" names a thing (not a ticker's
    "(NASDAQ: PAE)")."""
    m = _SPELLED.match(after)
    if not m or ":" in m.group(1):
        return False
    inner = re.findall(r"[A-Za-z][\w-]*", m.group(1))
    capitals = [w for w in inner if w[0].isupper() and not w.isupper()]
    return (
        len(capitals) >= 2
        and capitals[0][0] == acronym[0]
        and not any(w in ORG_WORDS or w in KNOWN_ORGS for w in inner)
    )


def not_a_person(words_: str, before: str) -> bool:
    """Whether a name read as a person's is not one: it holds a post's words ("Chief Defence
    Scientists"), or a person owns it ("Alexis Ohanian's Seven Seven Six")."""
    if any(t in _POST_WORDS or t in _THING_HEADS for t in words_.split()):
        return True  # "Chief Defence Scientists", "Bradley Fighting Vehicles"
    owner = _PERSON_POSSESSIVE.search(before)
    return bool(owner and owner.group(1) in FIRST_NAMES)


def subject_named(tokens: list[str]) -> bool:
    """ "Joint Committee on National Security Strategy": a committee named after its subject."""
    return any(t in _SUBJECT_HEADS and tokens[i + 1] in ("on", "for") for i, t in enumerate(tokens[:-1]))


# "Le Monde on Monday", "the journal Soft Matter on February 20": a day or a month after "on".
ON_DATE = re.compile(
    r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)$"
)
# Heads that take "on" and their subject in their name: "Committee on X", "Conference on Y".
_ON_HEADS = words(
    "Committee Subcommittee Commission Council Board Panel Caucus Conference Forum Summit Symposium "
    "Workshop Seminar Dialogue Treaty Convention Agreement Act Report Talks Group Centre Center Institute "
    "Office Program Programme Project Initiative Network Coalition Alliance Declaration Task Force"
)


def cut_on(name: str) -> str:
    """``name`` cut at a day or a month after "on" ("Le Monde on Monday"), and at "on" after a word that
    takes no subject ("China National Space Administration on Chang'e": the body, then what it works on)."""
    name = ON_DATE.sub("", name)
    left, on, _ = name.partition(" on ")
    if on and left and left.split()[-1] not in _ON_HEADS:
        return left
    return name


_PLACE_OPENERS = words("San Santa Los Las New Fort Port Saint St Mount Lake Cape North South East West")
_CANDIDATE = re.compile(r"(?<![\w-])[A-ZÀ-Ý][a-zà-ÿ'-]+(?: [A-ZÀ-Ý][a-zà-ÿ'-]+){1,2}(?![\w’-])")
_ITEM_START = re.compile(r"(?:[,:;(\n]|\band)\s*$")


def listed_people(
    text: str, items: dict[tuple[str, str], list[Evidence]], taken: list[tuple[int, int]]
) -> list[tuple[str, Evidence]]:
    """Two or three capitalised words that stand in a comma list right beside a person found already,
    and nothing else took: "Abdelghani Laraoui, Jonathan Wrubel, Xia Hong". Returned as (name,
    Evidence)."""
    spans = [(e.start, e.end) for (kind, _), evidence in items.items() if kind == "person" for e in evidence]
    found: list[tuple[str, Evidence]] = []
    for m in _CANDIDATE.finditer(text):
        window = text[max(0, m.start() - 8) : m.start()]
        if any(s < m.end() and m.start() < e for s, e in taken) or not (
            m.start() == 0 or _ITEM_START.search(window)
        ):
            continue
        if not_a_person(m.group(0), text[max(0, m.start() - 60) : m.start()]):
            continue
        tokens = m.group(0).split()
        if (
            any(t in ORG_WORDS or t in KNOWN_ORGS or t in _POST_WORDS for t in tokens)
            or tokens[0] in _PLACE_OPENERS
            or tokens[0] in NOT_NAMES  # "La Famiglia", "The Times": an article opens no person's name
        ):
            continue
        # the unknown name comes before a person in the list: "Laraoui, Jonathan Wrubel" (a place after
        # a person, "Jane Doe, New York", is no person)
        if listed_with(m.start(), m.end(), text, [(s, e) for s, e in spans if s >= m.end()]):
            found.append((m.group(0), Evidence(m.group(0), m.start(), m.end())))
    return found


# Armed services, and the words that qualify a service or a body before "and" ("Joint and Air Force
# missions", "Federal and State agencies").
_SERVICE_NAMES = frozenset(
    ["Army", "Navy", "Air Force", "Marines", "Marine Corps", "Space Force", "Coast Guard"]
)
_QUALIFIERS = words(
    "Joint Federal State Local National Regional Active Reserve Civil Military Allied Combined"
)
_ROLES_AFTER_AND = words(
    "President Minister Secretary Chancellor Ambassador General Admiral Governor Senator Prime Vice Deputy"
)


# Words of fields that a body's name joins with "and": "Research and Development Organisation", "Science
# and Technology Agency", "Communications and Information Agency".
_FIELDS = FIELD_WORDS | words(
    "Development Engineering Evaluation Test Testing Logistics Control Training Analysis Exploitation "
    "Surveillance Reconnaissance Missile Electronic Electromagnetic Industry Industrial Education Design "
    "Production Acquisition Sustainment Support Standards Safety Health Environment Infrastructure "
    "Technical Scientific Economic Strategic Studies"
)


# Portfolios that a department's or a ministry's name joins with "and" after "of"/"for".
_PORTFOLIOS = _FIELDS | words(
    "Human Social Public Family Veterans Urban Rural Housing Welfare Culture Media Sport Sports Transport "
    "Transportation Trade Commerce Labour Labor Education Climate Health Justice Home Foreign Local Works "
    "Correctional Tourism Agriculture Fisheries Food Water Mines Minerals Petroleum Finance Planning "
    "Communications Information Youth Women Children Immigration Citizenship Rural Innovation Skills"
)


def fields_joined(left: str, right: str) -> bool:
    """ "Defence Research and Development Organisation": two fields joined inside one name, the body's
    head after the second ("Research" is no whole name before "and")."""
    left_tokens, right_tokens = left.split(), right.split()
    if (" of " in left or " for " in left) and right_tokens and right_tokens[0] in _PORTFOLIOS:
        return True  # "Department of Health and Human Services": one portfolio
    return (
        len(right_tokens) >= 2
        and bool(left_tokens)
        and left_tokens[-1] in _FIELDS
        and right_tokens[0] in _FIELDS
        and right_tokens[-1] in ORG_WORDS
        and left not in KNOWN_ORGS
    )


def qualifier_pair(left: str, right: str) -> bool:
    """ "Joint and Air Force": a lone qualifier and "and" open no name; the body is the right part."""
    return left in _QUALIFIERS and bool(right) and right.split()[0][:1].isupper()


def new_name_after_and(left: str, right: str) -> bool:
    """ "Axellio and Army personnel", "Lee Hsien Loong and Australian Prime Minister Tony Abbott": after
    "and", an armed service on its own or a post opens a name of its own."""
    if not left.split():
        return False
    if right in NOT_NAMES or _ADJECTIVE_COMPOUND.match(right):
        return True  # "CoreWeave and AI model company X", "X and Earth-imaging company Y": no name opens
    tokens = right.split()
    if tokens and tokens[0] in _NATIONS:
        tokens = tokens[1:]  # "Australian Prime Minister X"
    return right in _SERVICE_NAMES or bool(tokens and tokens[0] in _ROLES_AFTER_AND)


# What follows a company's short name in its full one: "URS Federal", "STOKE Space Technologies",
# "Honeywell International"; the legal ones alone for bodies every reader knows ("CACI International").
_LEGAL = words(
    "Inc Inc. Corp Corp. Corporation Co. Ltd Ltd. LLC plc PLC Holdings International Group Incorporated"
)
_COMPANY_REST = _LEGAL | words(
    "Federal Space Technologies Technology Systems Industries Aerospace Labs Robotics Solutions Services"
)
_KNOWN_REST = _LEGAL | words("Co Technologies Technology Industries Corporation")
_STATES = words(
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
    "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
    "Vermont Virginia Washington Wisconsin Wyoming"
)


@lru_cache(maxsize=4096)
def state_word(previous: str, word: str) -> bool:
    """ "South Carolina", "of Virginia": a US state's name, whose word is no first name there."""
    return f"{previous} {word}" in _TWO_WORD_STATES or (previous == "of" and word in _STATES)


_TWO_WORD_STATES = frozenset(
    ["North Carolina", "South Carolina", "West Virginia", "North Dakota", "South Dakota", "New Mexico"]
)


@lru_cache(maxsize=4096)
def company_in_full(name: str) -> bool:
    """ "Honeywell International": a body every reader knows, then a legal word of its full name; and
    a US state's "Tech" ("Georgia Tech", "Louisiana Tech"), a university."""
    tokens = name.split()
    if len(tokens) == 2 and tokens[1] == "Tech" and tokens[0] in _STATES:
        return True
    return len(tokens) >= 2 and tokens[-1] in _LEGAL and " ".join(tokens[:-1]) in KNOWN_ORGS


def same_company(name: str, other: str) -> bool:
    """``name`` and ``other`` are one company: a short name in capitals and the full name it opens ("URS"
    and "URS Federal", "STOKE" and "STOKE Space Technologies"), or a US state before a body found
    already ("Nevada Air Force" and "Air Force")."""
    for short, full in ((name, other), (other, name)):
        rest = full[len(short) + 1 :].split() if full.startswith(short + " ") else []
        if rest and set(rest) <= _KNOWN_REST and short in KNOWN_ORGS:
            return True  # "Raytheon Technologies Co." and "Raytheon", "Northrop Grumman Corp."
        tokens = full.split()
        if len(tokens) < 2 or tokens[0] != short or not short.isupper() or len(short) < 3:
            continue
        if set(tokens[1:]) <= (_LEGAL if short in KNOWN_ORGS else _COMPANY_REST):
            return True
        if full.endswith(" " + short) or short.endswith(" " + full):
            return True
    for longer, shorter in ((name, other), (other, name)):
        prefix = longer[: -len(shorter) - 1] if longer.endswith(" " + shorter) else ""
        if (prefix in _STATES and " " in shorter) or (prefix in _NATIONS and shorter in _SERVICE_NAMES):
            return True  # "Nevada Air Force" and "Air Force", "U.S. Army" and "Army"
    return _inverted(name) == _inverted(other) != ""


_HEAD_OF = re.compile(r"^(Department|Ministry) of (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*)?)$")
_X_HEAD = re.compile(r"^([A-Z][\w-]*(?: [A-Z][\w-]*)?) (Department|Ministry)$")
_NATIONS = frozenset(nation_forms())


@lru_cache(maxsize=4096)
def _inverted(name: str) -> str:
    """ "Department of Energy" and "US Energy Department", "Ministry of Defence" and "Defence Ministry":
    one key for the two English orders of a ministry's name ("" for other names)."""
    m = _HEAD_OF.match(name)
    if m:
        return f"{m.group(1)}:{m.group(2)}"
    tokens = name.split()
    if len(tokens) > 2 and tokens[0] in _NATIONS:
        name = " ".join(tokens[1:])  # "US Energy Department"
    m = _X_HEAD.match(name)
    return f"{m.group(2)}:{m.group(1)}" if m else ""


_OF_NATION_HEADS = words(
    "University Bank Republic Kingdom Government Parliament Embassy Consulate Academy Team Forces Service "
    "Agency Ministry Council Office Institute Command Commission Court Police Guard Centre Center Navy Army "
    "Corps Committee Authority Administration Department"
)  # ... and a body's own head: "Armed Forces of Ukraine", "Computer Emergency Response Team of Ukraine"


def of_head(words_: str, cut: int) -> bool:
    """ "National University of Singapore", "Bank of England": the nation after "of" belongs to the name
    when the word before "of" is one of these heads (not "X and Finland")."""
    left = words_[:cut].split()
    return bool(left) and left[-1] in _OF_NATION_HEADS and words_[cut:].split()[0] == "of"


# Words that open a post before its role word: "Army Under Secretary X", "PAE Interim President X".
ROLE_MODIFIERS = re.compile(
    r"(?:^|\s+)(?:Under|Vice|Deputy|Assistant|Acting|Interim|Principal|Senior|Associate|Executive)$"
)


_SUBHEAD = re.compile(r"(?m)^[ \t]*([A-Z][^\n.!?:;,“”\"()/|]{8,80})[ \t]*$")
_SMALL_WORDS = words("a an the of for and or to in on at by with from as vs")
_NOT_SUBHEAD_OPENERS = words("By Photo Photos Credit Credits Source Image Images Copyright Picture")


def subheads(text: str) -> list[tuple[int, int]]:
    """Spans of the subheads inside a text: a line after the first, of three to ten words in Title Case
    with no sentence's punctuation, between two paragraphs ("Need for More Investments"). Their capitals
    say nothing of names (bylines, credits and the lines of a list are no subheads)."""
    spans = []
    for m in _SUBHEAD.finditer(text):
        if m.start() == 0 or "\n" not in text[: m.start()]:
            continue  # the title line is read by the caller
        tokens = m.group(1).split()
        content = [t for t in tokens if t.lower() not in _SMALL_WORDS]
        if not 3 <= len(tokens) <= 10 or tokens[0] in _NOT_SUBHEAD_OPENERS or not content:
            continue
        if not (all(t[0].isupper() for t in content) and any(not t.isupper() for t in content)):
            continue
        previous = text[: m.start()].rstrip().rsplit("\n", 1)[-1]
        following = text[m.end() :].lstrip().split("\n", 1)[0]
        # between paragraphs: a sentence ends before it and a paragraph follows (a list's items do not)
        if re.search(r"[.!?\"”’)]$", previous) and len(following.split()) >= 10:
            spans.append((m.start(1), m.end(1)))
    return spans


def office_named_after_post(index: int, tokens: list[str], first_names: frozenset[str]) -> bool:
    """ "Chief Digital and Artificial Intelligence Office": a post's word that opens an office's name (the
    chain ends with "Office" and names no person) is no role cutting the chain."""
    return (
        (index == 0 or (index == 1 and tokens[0] == "The"))
        and len(tokens) > 2
        and tokens[-1] == "Office"
        and not any(t in first_names for t in tokens[1:])
    )
