"""Organisations the reader found that are not bodies, dropped once the whole text is read (issue 12, round
six). Each rule is a general statement about how English and French news write what is not a body:

- a sentence adverb or connective capitalised at a sentence's start ("Meanwhile,", "Similarly,",
  "Toutefois,"), or a preposition that opens a sentence ("À Montpellier");
- a code: a currency ("KRW 134.8 billion", "65 milliards FCFA", "Rs 110 million", "NZ$133m"), a state or
  province in an address ("OTTAWA, ON, le 16 juin"), a Roman numeral ("phase II"), a unit, a function word
  in capitals ("dénicher LA start-up"), an acronym before a number ("DDG 51", "CNE 24", "REMUS 600": a
  class, a model, an edition);
- a person: a name the text also gives a person ("Trump" of "Donald Trump", "Wynne says" after "Kathleen
  Wynne");
- a place or a venue ("the Kenyatta International Convention Centre", "le centre spatial de Kourou",
  "au centre de l'équation", the "Faso" of "Burkina Faso"), an event ("World Economic Forum on Africa"),
  a kind of thing ("drones de type Sky Guardian") or a post ("Member of Parliament for Vaughan").
"""

from __future__ import annotations

import re
from dataclasses import replace

from lodestar.engine.reading.evidence import Evidence
from lodestar.engine.reading.names_context import NON_BODY_HEADS, PLACE_ENDINGS, words
from lodestar.engine.reading.names_lexicon import KNOWN_ORGS, ORG_WORDS, TITLES
from lodestar.engine.reading.names_more import NameMention, introduced
from lodestar.engine.reading.names_pieces import NATION_FORMS
from lodestar.engine.reading.places import PLACES, before_place, is_place

# Sentence adverbs and connectives (never a body, whatever follows them).
ADVERBS = words(
    "Meanwhile Recently Similarly Additionally Moreover Furthermore However Nevertheless Nonetheless "
    "Likewise Consequently Therefore Thus Hence Indeed Instead Otherwise Subsequently Previously Currently "
    "Initially Finally Lastly Firstly Secondly Thirdly Overall Separately Accordingly Alternatively Notably "
    "Importantly Interestingly Ultimately Eventually Elsewhere Besides Conversely Specifically Meantime "
    "Further Afterwards Afterward Altogether Regardless Nowadays Earlier Later Thereafter Still "
    "Toutefois Cependant Néanmoins Pourtant Ainsi Enfin Ensuite Puis Désormais Dorénavant Auparavant "
    "Actuellement Parallèlement Également Notamment Surtout Certes Aussi Donc Alors Depuis Outre Bref "
    "Aujourd’hui Aujourd'hui Hier Demain Jusqu’ici Jusqu'ici Dès Malgré Concrètement Rappelons"
)
# "Officially,", "Heureusement,": a word in -ly or -ment, capitalised and followed by a comma.
_ADVERB_FORM = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:ly|ment)$")
_PREPOSITIONS = words("À A Au Aux En Dans Pour Par Sur Avec Chez Selon Vers In At For From With Into Near")
_NATION_TAILS = frozenset(n.split()[-1] for n in NATION_FORMS if " " in n) - NATION_FORMS
# Currencies written as codes or abbreviations, and units.
CODES = words(
    "USD EUR GBP JPY CNY RMB KRW INR CHF CAD AUD NZD ZAR NGN KES KSh Ksh GHS XOF XAF FCFA CFA MAD DZD TND "
    "EGP SAR AED QAR KWD BRL MXN ARS RUB TRY SEK NOK DKK PLN CZK HUF SGD HKD TWD THB IDR MYR PHP VND PKR "
    "BDT LKR ILS UAH RON BGN Rs Rs. Dh Dhs DH FCFA US$ "
    "MW GW KW kW MWh GWh TWh kWh km Km Mbps Gbps GHz MHz TEU dwt Mt Mtep"
)
# Canadian provinces and Australian states as addresses write them, and the usual short forms of nations
# and cities.
PLACE_CODES = words(
    "ON QC BC AB MB SK NS NB NL PE PEI NT NU YT NSW QLD VIC TAS NZ UAE KSA DRC RDC PRC ROK DPRK MTL NYC"
)
# Function words in capitals: "LA start-up de demain", "THE future".
_FUNCTION_CAPS = words("LA LE LES DE DU DES ET UN UNE THE AND OF FOR TO IN ON AT IS BY OR A AN")
_ROMAN = re.compile(r"^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$")
_NUMBER_AFTER = re.compile(r"^(?:[ \u00a0-]?\d|\s*\$)")
_AMOUNT_BEFORE = re.compile(
    r"\d(?:[\d.,\u00a0 ]*\d)?\s*(?:milliards?|millions?|billions?|mille|thousand|bn|m|k)?\s*$", re.IGNORECASE
)
_ADDRESS = re.compile(r"[A-Za-zÀ-ÿ.’'-]+,\s*$")  # "OTTAWA, ON," "Toronto, ON": the code after the town
# A kind of thing: "drones de type Sky Guardian", "constellations de type StarLink et OneWeb",
# "Virginia-class", "the X class destroyers".
_TYPE_BEFORE = re.compile(
    r"\b(?:de|du) type\s+(?:[A-Z][\w-]*\s+(?:et|ou)\s+)?$|\btype\s+$|\btypes?\s+of\s+$", re.IGNORECASE
)
_CLASS_AFTER = re.compile(r"^-?\s?class\b")
# Venues: "Kenyatta International Convention Centre", "Chandaria Center for Performing Arts".
_VENUE = re.compile(
    r"\b(?:Convention|Exhibition|Conference|Congress|Expo|Events?|Trade|Shopping|Sports?|Cultural)\s+"
    r"(?:Centre|Center|Hall|Complex|Grounds)$|\bCent(?:re|er)\s+for\s+(?:the\s+)?Performing\s+Arts$|"
    r"\b(?:Stadium|Arena|Auditorium|Theatre|Theater|Palais des congrès|Parc des expositions)$"
)
# French sites written in lower case: "le centre spatial de Kourou", "le centre d'essais de Biscarosse".
_SITE = re.compile(
    r"^centre\s+(?:spatial|d['’]essais|de lancement|d['’]entraînement|de tir|d['’]expérimentation|"
    r"de recherche|de production|logistique)\s+(?:de|d['’])\s*[A-ZÀ-Ý][\w-]+$"
)
_AT_THE_HEART = re.compile(r"\b(?:au|du)\s+$", re.IGNORECASE)  # "au centre de l'équation": an idiom
# An event named after a body: "World Economic Forum on Africa", "the Forum 2024", "Summit in Kigali".
_EVENT_AFTER = re.compile(r"^\s+(?:on\s+[A-Z]|(?:19|20)\d\d\b|in\s+[A-Z]|hosted\b|held\b|annual meeting\b)")
_EVENT_HEADS = words("Forum Summit Conference Congress Sommet Conférence Congrès Salon")
# A post, not a body: "Member of Parliament for Vaughan", "Secretary of State".
_POSTS = re.compile(
    r"^(?:Members?|Minister|Ministre|Secretary|Premier|Governor|Mayor|Senator)\s+(?:of|for|de|du)\s"
)


# A person, by the words before ("the ministry, led by Jane Doe", "angel investor, Jane Doe") or after
# ("Jean Dupont, ancien secrétaire d'État", "Jane Doe, former minister").
_PERSON_BEFORE = re.compile(
    r"\b(?:led|headed|founded|co-founded|cofounded|chaired|run|dirigée?|présidée?|fondée?|cofondée?)\s+"
    r"(?:by|par)\s+$|\b(?:angel|private|serial|individual)\s+investor,?\s+$|\bbusiness angel,?\s+$"
)
_FORMER_AFTER = re.compile(
    r"^,\s+(?:l['’]\s*)?(?:ancien|ancienne|ex-|former|then|actuel|actuelle)\s*(?:[\w’'-]+\s+){0,2}?"
    r"(?:ministre|secrétaire|président|présidente|directeur|directrice|député|minister|secretary|president|"
    r"director|chief|head|lawmaker|senator|sénateur|patron|PDG|CEO)\b",
    re.IGNORECASE,
)
_TITLE_WORDS = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True) if len(t) > 2)
# A title, then one or two first names, right before a surname: "Vice President Yemi ".
_TITLED = re.compile(rf"\b(?:{_TITLE_WORDS})\.?\s+((?:[A-ZÀ-Ý][\w’'.-]+\s+){{1,2}})$")
_GLOSS = re.compile(r"((?:[\w’'-]+\s+){1,10})$")  # the words before an acronym in brackets
# Last words of a place or a craft an acronym may spell: "International Space Station (ISS)".
_CRAFT = PLACE_ENDINGS | words("Telescope Satellite Rocket Launcher Vehicle Spacecraft Observatory")
_MODEL_AFTER = re.compile(r"^\s+(?:Mark|Mk|Block|Batch|Series)\b")
# A product or a system, by its apposition ("X, an intelligent gaming robot") or by how it is introduced
# ("a program called X", "formerly known as X", "un logiciel baptisé X").
_PRODUCT_APPOSITION = re.compile(
    r"^,?\s+(?:an?|the|its|un|une|le|la|son|sa)\s+(?:[\w-]+\s+){0,3}?(?:robot|drone|app|application|"
    r"platform|software|satellite|vehicle|device|game|product|tool|system|logiciel|plateforme|outil|"
    r"système|véhicule|appareil|jeu|produit)s?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|for|to|with|qui|que|pour|capable|able|designed|conçue?)\b)",
    re.IGNORECASE,
)
_CALLED_BEFORE = re.compile(
    r"\b(?:program|programme|project|system|platform|software|tool|app|robot|drone|satellite|vehicle|"
    r"weapon|missile|projet|produit|logiciel|système|plateforme|outil|véhicule)s?\b[^.]{0,40}?\b"
    r"(?:called|named|dubbed|known as|baptisée?|appelée?|nommée?|surnommée?)\s+$",
    re.IGNORECASE,
)
# "a former Army Ranger who", "an Ironman,": a member or a kind, said with an indefinite article.
_ONE_OF_BEFORE = re.compile(r"(?:^|\s)(?:a|an|un|une)\s+(?:former\s+|ex-)?$")
_ONE_OF_AFTER = re.compile(r"^\s*(?:who\b|qui\b|[,.;])")
# "Nobel laureate", "the Turing Award winner": an award's name.
_AWARD_AFTER = re.compile(r"^\s+(?:laureates?|prize|Prize|winners?|lauréate?s?|prix)\b")
# A town where something is: "l'usine à Casablanca", "s'installe à X", "the plant in X", "l'aéroport de X".
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:s['’]installe|installée?s?|implantée?s?|située?s?|basée?s?|usine|site|siège|bureaux?|établie?s?|"
    r"déménage|plant|factory|office|offices|headquartered|based|located|site)\s+(?:à|au|in|near|près de)|"
    r"\b(?:aéroport|ville|région|province|commune|city|town|region|port|airport)\s+(?:de|d['’]|du|of))\s*$",
    re.IGNORECASE,
)
# "Conseil des ministres du 02 octobre": a body's meeting on a date, not the body.
_MEETING = re.compile(r"\s(?:du|of|de)\s+\d{1,2}$")
# Heads of what an acronym may spell that is no body: "Initiative présidentielle pour ... (IPEQ)",
# "Akwa Ibom Enterprises and Employment Scheme (AKEES)".
_SCHEMES = words("Scheme Schemes Initiative Initiatives Dispositif")
_THING_HEADS = NON_BODY_HEADS | _SCHEMES
_GENERIC_ACRONYMS = words("ICT TIC IT IoT AI IA ML STEM GDP PIB FDI IDE")


# Words that end no person's name: a company's trade ("Johnson Electric", "Ross Video"): the name is the
# company's; a post ("Ontario Premier"), a common noun ("Special Development Initiatives", "Travaux
# Publics", "PEER INSTITUTIONS"), a place ("Virginia Beach"): the name is no one's.
_COMPANY_TAILS = words(
    "Electric Electrics Electronics Video Manufacturing Motors Motor Pharma Pharmaceuticals Foods Steel "
    "Chemicals Airlines Airways Logistics Software Networks Solutions Consulting Construction Engineering "
    "Mining Studios Pictures Records Textiles Cosmetics Insurance Bank Telecom Media"
)
_NOT_SURNAMES = words(
    "Premier Governor Mayor Cabinet Minister Ministre Heavy Images Photos Projects Project Commissioned "
    "Initiatives Initiative Institutions Publics Public Travaux Beach City County State Province"
)
_COMMON_ENDING = re.compile(r"(?:tions|sions|ities|ités)$", re.IGNORECASE)
_BYLINE_TAIL = re.compile(r"\s+(?:Publié|Publiée|Published|Updated|Mis à jour|Posted|Modifié)$")
_HONORIFIC = re.compile(r"^(?:Madam|Madame|Mrs|Mr|Ms|Dr|Hon|Alhaji|Chief)\.?\s+")


def _people_checked(mentions: tuple[NameMention, ...]) -> tuple[NameMention, ...]:
    """``mentions`` with the people's names that are not people's dropped, given to the company they name
    or cut back to the person's ("Zeliha Chaffin Publié", "Ravi Kumar and TKM")."""
    out: dict[tuple[str, str], NameMention] = {}
    bodies = [m.name for m in mentions if m.kind == "organisation"]
    for m in mentions:
        kind, name = m.kind, m.name
        if kind == "person":
            tokens = name.split()
            name = _BYLINE_TAIL.sub("", name)
            name = re.sub(r"\s+(?:and|et)\s+[A-Z]{2,}$", "", name)  # "X and TKM": a person and a body
            last = tokens[-1].capitalize()
            if len(tokens) >= 2 and last in _COMPANY_TAILS:
                kind = "organisation"  # ... and the same body's full name if the text gives it
                name = next((n for n in bodies if n.startswith(name + " ")), name)
            elif _no_one(name, tokens):
                continue
            bare = _HONORIFIC.sub("", name)
            same = [k for k in out if k[0] == "person" and k[1].endswith(" " + bare) and bare != name]
            if same:  # "Madam Koomson" after "Mavis Hawa Koomson"
                kind, name = same[0]
        key = (kind, name)
        if key in out:
            out[key] = replace(out[key], evidence=out[key].evidence + m.evidence)
        else:
            out[key] = replace(m, kind=kind, name=name)
    return tuple(out.values())


def _no_one(name: str, tokens: list[str]) -> bool:
    """A name no person has: a post, a common noun, a place at its end or a place's whole name of several
    words, or a nation's adjective alone."""
    return (
        tokens[-1].capitalize() in _NOT_SURNAMES
        or (len(tokens) == 1 and (name in NATION_FORMS or name in _NATION_TAILS))
        or any(_COMMON_ENDING.search(t) for t in tokens)
        or (len(tokens) > 1 and name in PLACES)  # "Port Harcourt said": a town
    )


def sift(text: str, mentions: tuple[NameMention, ...], directory: frozenset[str]) -> tuple[NameMention, ...]:
    """``mentions`` (acronyms introduced after a body joined to it) without the organisations that are not
    bodies; an organisation that names a person joins that person."""
    mentions = _people_checked(introduced(text, mentions))
    people = [m for m in mentions if m.kind == "person"]
    kept: list[NameMention] = []
    extra: dict[str, list[Evidence]] = {}
    for mention in mentions:
        if mention.kind != "organisation":
            kept.append(mention)
            continue
        head = before_place(mention.name, (KNOWN_ORGS, directory))  # "Airbus Toulouse": Airbus
        if head is not None:
            if any(m.name == head for m in kept):
                continue  # the body is already read
            mention = replace(mention, name=head)
        known_name = mention.name.replace("’", "'") in KNOWN_ORGS  # the gazetteer writes straight apostrophes
        if known_name or mention.name in KNOWN_ORGS or mention.name in directory:
            if not _used_as_thing(text, mention):  # "the World Economic Forum on Africa": an event there
                kept.append(mention)
            continue
        person = _person_named(mention.name, people) or _person_by_cue(text, mention)
        if person is not None:
            extra.setdefault(person.name, []).extend(mention.evidence)
            if all(p.name != person.name for p in people):
                people.append(person)
                kept.append(person)
            continue
        if not _not_a_body(text, mention):
            kept.append(mention)
    return tuple(
        replace(m, evidence=m.evidence + tuple(extra[m.name]))
        if m.kind == "person" and m.name in extra
        else m
        for m in kept
    )


def _person_named(name: str, people: list[NameMention]) -> NameMention | None:
    """The person ``name`` names: the same name, or the surname(s) of a person's full name."""
    for person in people:
        if person.name == name or (person.name.endswith(" " + name) and name[:1].isupper()):
            return person
    return None


def _person_by_cue(text: str, mention: NameMention) -> NameMention | None:
    """A person read as a body: a name after "led by", "angel investor,", or before ", former minister";
    a surname alone that the text gives in full after a title ("Vice President Yemi Osinbajo")."""
    name, tokens = mention.name, mention.name.split()
    if any(t in ORG_WORDS or (t.isupper() and len(t) > 1) for t in tokens):
        return None
    if not all(t[:1].isupper() for t in tokens):
        return None
    if 2 <= len(tokens) <= 3:
        for e in mention.evidence:
            before, after = text[max(0, e.start - 60) : e.start], text[e.end : e.end + 60]
            if _PERSON_BEFORE.search(before) or _FORMER_AFTER.match(after):
                return NameMention(name, "person", ())
        return None
    if len(tokens) != 1:
        return None
    for m in re.finditer(rf"(?<=\s){re.escape(name)}\b", text):
        full = _TITLED.search(text, max(0, m.start() - 80), m.start())
        if full:
            return NameMention(full.group(1) + name, "person", ())
    return None


def _not_a_body(text: str, mention: NameMention) -> bool:
    name = mention.name
    tokens = name.split()
    if _by_name(name, tokens) or _used_as_thing(text, mention):
        return True
    contexts = [(text[max(0, e.start - 60) : e.start], text[e.end : e.end + 40]) for e in mention.evidence]
    return all(_thing_here(name, tokens, before, after, text) for before, after in contexts)


def _used_as_thing(text: str, mention: NameMention) -> bool:
    """A kind of thing once is one everywhere in the text ("de type Sky Guardian", "Virginia-class");
    so is an event ("World Economic Forum on Africa") and an acronym the text spells as a place or a
    craft ("International Space Station (ISS)")."""
    name, tokens = mention.name, mention.name.split()
    for e in mention.evidence:
        before, after = text[max(0, e.start - 60) : e.start], text[e.end : e.end + 40]
        if _TYPE_BEFORE.search(before) or _CLASS_AFTER.match(after):
            return True
        if tokens[-1] in _EVENT_HEADS and _EVENT_AFTER.match(after):
            return True
    if not (name.isupper() and len(tokens) == 1):
        return False
    at = text.find(f"({name})")
    spelled = _GLOSS.search(text, max(0, at - 150), at) if at > 0 else None
    if not spelled:
        return False
    gloss = re.split(r"[\s’']+", spelled.group(1).strip())
    heads = [w for w in gloss if w[:1] == name[:1] and w[:1].isupper()]
    if gloss[-1] in _CRAFT or gloss[-1] in _SCHEMES:
        return True  # "International Space Station (ISS)", "X Enterprises and Employment Scheme (XEES)"
    if any(w in ORG_WORDS for w in gloss):
        return False  # "Joint Committee on National Security Strategy (JCNSS)": a body's acronym
    return gloss[-1] in _THING_HEADS or bool(heads and heads[0] in _THING_HEADS)


def _by_name(name: str, tokens: list[str]) -> bool:
    """Not a body whatever the words around it."""
    if len(tokens) == 1 and (
        name in ADVERBS
        or name in CODES
        or name in _GENERIC_ACRONYMS
        or _ROMAN.match(name)
        or name in _NATION_TAILS
    ):
        return True  # ... and "Faso" ("le président du Faso"), "Lanka": the last word of a nation's name
    if len(tokens) == 2 and tokens[0] in _PREPOSITIONS and tokens[0] not in ("A", "In"):
        return True  # "À Montpellier", "Dans Paris": a sentence's first word, then a place
    if is_place(name):
        return True  # "Casablanca", "Île-de-France", "Burkina Faso", "Faso": a place (places.txt)
    if len(tokens) > 1 and tokens[-1] in _SCHEMES:
        return True  # "Youth Employment Scheme": a scheme
    return bool(_VENUE.search(name) or _SITE.match(name) or _POSTS.match(name) or _MEETING.search(name))


def _thing_here(name: str, tokens: list[str], before: str, after: str, text: str) -> bool:
    """Whether this mention of ``name`` (between ``before`` and ``after``) is not a body."""
    single = len(tokens) == 1
    code = single and name.isupper() and len(name) <= 5
    if single and _ADVERB_FORM.match(name) and after.startswith(","):
        return True
    if single and name in _FUNCTION_CAPS:
        return True
    if single and name in PLACE_CODES:
        return True
    if code and (_NUMBER_AFTER.match(after) or _AMOUNT_BEFORE.search(before)):
        return True  # "DDG 51", "CNE 24", "KRW 134.8", "65 milliards FCFA", "NZ$133m"
    if code and len(name) == 2 and _ADDRESS.search(before) and after.startswith(","):
        return True  # "WOODBRIDGE, ON, March 1": a state or a province in an address
    if name.startswith("centre ") and _AT_THE_HEART.search(before):
        return True
    if _PRODUCT_APPOSITION.match(after) or _CALLED_BEFORE.search(before) or _AWARD_AFTER.match(after):
        return True
    if (
        _ONE_OF_BEFORE.search(before)
        and _ONE_OF_AFTER.match(after)
        and not any(t in ORG_WORDS for t in tokens)
    ):
        return True
    if single and not code and _PLACE_BEFORE.search(before):
        return True
    return code and bool(_MODEL_AFTER.match(after))  # "GSLV Mark II", "Rafale F4 Block": a model
