"""Bodies that only their context shows: a name no list knows is an organisation's when the sentence
treats it as one. Used by ``names.py``, whose chains leave such names unclassed.

- Lists after a plural noun of bodies and "such as", "including", "comme", "tels que": "e-retailers
  include Jumia, Konga and Tafoo", "des pépites comme Treefog, Mnemo ou Pixium".
- Governments and legislatures named as bodies: "Government of Canada", "Queensland Government", "the
  Ontario government", "le gouvernement du Québec", "told Parliament", "au Parlement", "l'armée russe",
  "la mairie de Lille".
- News organisations as sources and credits: "told Bloomberg TV", "dans une interview au Parisien",
  "interrogé lundi par La Libre", "rapporte la 'NZZ am Sonntag'", "reports in the Sunday Times",
  "Photo: Shutterstock Images", "ZAOBAO PHOTO", a wire tag closing the text ("ats").
- Names in a company's part: "chez Bobst", "acquisition by Stripe", "Flutterwave's valuation",
  "La Pousseraie lève 1 M€", "Blu Smart raises funding".
"""

from __future__ import annotations

import re

from lodestar.engine.reading.names_context import GENERIC
from lodestar.engine.reading.names_lexicon import KNOWN_ORGS, NOT_NAMES, ORG_WORDS
from lodestar.engine.reading.names_pieces import FIRST, NATION_FORMS
from lodestar.engine.reading.places import PLACES

_UP = "A-ZÀ-ÖØ-Ý"
# One to three capitalised words ("Crédit Suisse", "Gloo.ng", "Andreessen-Horowitz", "K-Line").
_NAME = rf"[{_UP}][\w.&’'-]*[\w]|[{_UP}]"
_NAMES = rf"(?:{_NAME})(?:[ \t]+(?:{_NAME})){{0,3}}"
_LIST_NOUNS = (
    r"(?:companies|firms|businesses|retailers|e-retailers|start-?ups|providers|investors|funds|brands|"
    r"players|groups|manufacturers|makers|lenders|banks|platforms|entreprises|sociétés|pépites|fonds|"
    r"investisseurs|industriels|groupes|acteurs|géants|fabricants|banques|plateformes|start-?up|licornes)"
)
_LIST_CUES = (
    r"(?:such as|like|including|include|includes|included|among them|notably|comme|tels que|telles que|tels|"
    r"telles|notamment|incluant|parmi lesquels|parmi lesquelles|dont)"
)
# The plural noun, at most four lower-case words ("Popular e-retailers", "industriels du secteur"), the
# cue, then the list.
_LIST = re.compile(
    rf"\b(?i:{_LIST_NOUNS})\b,?(?:[ \t]+[a-zà-ÿ-]+){{0,4}}?,?[ \t]+{_LIST_CUES}[ \t]*:?[ \t]+"
    rf"(?P<list>(?:{_NAMES})(?:(?:[ \t]*,[ \t]*|,?[ \t]+(?:and|et|ou|or)[ \t]+)(?:{_NAMES}))*)",
)
_ITEM = re.compile(_NAMES)
# "Government of Canada", "gouvernement du Québec": a government's with its place.
_GOVERNMENT = re.compile(
    rf"\b(?:Government of|gouvernement (?:du|de la|de l['’]|des|de|d['’]))[ \t]*[{_UP}][\w-]*[a-zà-ÿ][\w-]*"
    rf"(?:[ \t][{_UP}][\w-]+)*"
    rf"|(?<![\w-])(?!(?:The|A|An|This|That|Its|Their|Our|Your)\b)[{_UP}][\w-]+(?:[ \t][{_UP}][\w-]+)?"
    rf"(?:[ \t]State)?[ \t](?:Government|government)\b"
    rf"|\bgovernment of[ \t][{_UP}][\w-]*[a-zà-ÿ][\w-]*"
)
# Legislatures named alone: "told Parliament", "au Parlement", "le parlement a transmis".
_LEGISLATURE = re.compile(
    r"\b(?:the|The|told|to|in|at|le|Le|au|du|la|La|de la|à la)[ \t]"
    r"(?P<name>Parliament|Parlement|Congress|Confédération|Chambre|parlement)"
    r"(?![\w-])(?![ \t]+(?:[A-Z]|of\b|de\b|du\b))"
)
# A town hall with its town: "la mairie de Lille".
_ADJECTIVAL_BODIES = re.compile(rf"\bmairie (?:de|d['’])[ \t]?[{_UP}][\w-]+")
# Outlets as sources: "told Bloomberg TV", "interview au Parisien", "interrogé lundi par La Libre".
_SOURCE = re.compile(
    rf"\b(?:told|interview (?:with|to)|interview (?:au|à)|entretien (?:au|à|avec)|"
    rf"interrogée? (?:[a-z]+ )?par|cité par|citée par)[ \t]+"
    rf"(?P<name>(?:(?:Le|La|Les|L['’]|The)[ \t]?)?{_NAMES})"
)
# A quoted title after a verb of reporting or a press noun: "rapporte la 'NZZ am Sonntag'".
_QUOTED = re.compile(
    r"\b(?:rapporte|rapporté|rapportent|selon|journal|quotidien|hebdomadaire|magazine|newspaper|daily|"
    rf"told|reported)[ \t]+(?:la |le |l['’]|the )?['‘\"«][ \t]?"
    rf"(?P<name>[{_UP}][^'’\"»\n]{{1,30}}?)[ \t]?['’\"»]"
)
_NEWS_TAILS = (
    r"(?:Sun|Times|Post|Free Press|Herald|Tribune|Gazette|Journal|Star|Globe|Mail|Chronicle|Examiner)"
)
# "the Sunday Times", "the Winnipeg Sun", "Toronto Sun staffers": a paper's name with its head.
_PAPER = re.compile(
    rf"(?:\b[Tt]he[ \t]+(?P<name>(?:[{_UP}][\w-]+[ \t]){{1,2}}{_NEWS_TAILS})\b"
    rf"|(?<![\w-])(?P<staff>(?:[{_UP}][\w-]+[ \t]){{1,2}}{_NEWS_TAILS})[ \t]+"
    r"(?:staff|staffers|newsroom|reported|reports)\b)"
)
# A newspaper's dateline on its own line: "Le Courrier 25 septembre 2008", "The Eastvale Sun March 4, 2007".
_PAPER_DATELINE = re.compile(
    rf"(?:^|\n)(?P<name>(?:Le|La|Les|L['’]|The)[ \t]?[{_UP}][\w-]+(?:[ \t][{_UP}][\w-]+)?)[ \t,-]+"
    r"(?:\d{1,2}(?:er)?[ \t]+[a-zéû]+[ \t]+\d{4}|[A-Z][a-z]+\.?[ \t]+\d{1,2},?[ \t]+\d{4})[ \t]*(?=\n)"
)
# Political parties written in capitals after a word of politics: "le gouvernement PS-cdH", "le député
# fédéral N-VA", "the ruling ANC"; "PS-cdH" is two parties, "N-VA" one.
_PART = r"(?:[A-Z]{1,4}|[a-z]{1,3}[A-Z]{1,2}|[A-Z][a-z]?[A-Z]{1,3})"
_PARTY = re.compile(
    r"\b(?:gouvernement|coalition|majorité|député|députée|sénateur|sénatrice|élu|élue|parti|party|"
    r"ruling|opposition|MP|lawmaker|senator)(?:[ \t]+(?:fédéral|fédérale|régional|régionale|wallon|"
    rf"wallonne|flamand|flamande|bruxellois|bruxelloise))?[ \t]+(?P<name>{_PART}(?:-{_PART})*)(?![\w-])"
)
# A French body written with its head, a capital and "fédéral"/"national": "le Contrôle fédéral des
# finances", "du Conseil national"; not a park, a plan or a championship.
_FRENCH_NATIONAL = re.compile(
    r"(?:(?<=\b(?:le|la|du|au|Le|La|Du|Au) )|(?<=\b[lL]['’]))"
    r"(?P<name>(?!(?:Parc|Plan|Programme|Championnat|Festival|Prix|Stade|Jour|"
    r"Fête|Salon|Rassemblement|Front)\b)[A-ZÉ][a-zà-ÿ]+ (?:fédérale|fédéral|nationale|national)"
    r"(?: (?:de la|de l['’]|des|du|de|d['’]) ?[a-zà-ÿ]+)?)"
)
# "Innovaud, l’agence pour la promotion", "Paygrid, a Nigerian fintech", "PR Wire, the largest distributor":
# an apposition by a noun of bodies the reader's first list lacks (not "the agency’s director").
_APPOSITION = re.compile(
    rf"(?<![\w-])(?P<name>{_NAMES}),[ \t]+(?:l['’]|(?:la|le|une?|an?|the)[ \t]+)(?:[\w-]+[ \t]+){{0,3}}?"
    r"(?:agence|organisme|association|fédération|fintech|distributor|retailer|e-retailer|operator|opérateur|"
    r"bank|banque|insurer|assureur|lender|brand|marque|chain|chaîne|platform|plateforme|"
    r"publication|publisher|éditeur|distributeur|carrier|airline|compagnie)\b(?!['’]s)"
)
# The subject of a company's verb: "Zipline currently operates drones", "Velmora emploie 300 personnes".
_COMPANY_VERB = re.compile(
    rf"(?:^|(?<=[.\n:]) |(?<=\n))(?P<name>{_NAMES})[ \t]+(?:(?:currently|now|also|already|désormais|aussi|"
    r"déjà)[ \t]+)?(?:operates|manufactures|employs|exports|produces|exploite|fabrique|emploie|exporte|"
    r"commercialise)\b"
)
# A broadcaster named as a source: "told Quillon TV", "on Channel Six TV", "sur Radio Vernille".
_BROADCAST = re.compile(
    rf"\b(?:on|with|to|told|by|from|sur|à|au micro de)[ \t]+"
    rf"(?P<name>(?:[{_UP}][\w-]+[ \t]){{1,2}}(?:TV|Radio)"
    rf"|(?:Radio|Télé)[ \t][{_UP}][\w-]+)(?![\w-])"
)
_ROLE_OF = re.compile(
    r"\b(?:ministre|ministres|secrétaire|délégué|déléguée)\s+(?:de|du|des|d['’])?\s*(?:la\s|l['’])?$"
)
# Credits: "Photo: Shutterstock Images", "Source: Statista", "ZAOBAO PHOTO" closing a caption.
_CREDIT = re.compile(
    rf"\b(?:Photo|Source|Credit|Image)s?[ \t]*:[ \t]*(?P<name>{_NAMES})[ \t]*(?=\n|$)"
    rf"|(?<![\w-])(?P<caps>[A-Z]{{3,}})[ \t]+PHOTO[ \t]*(?=\n|$)"
)
# A wire service's tag closing the text on its own line: "ats", "afp", "ats/afp".
_WIRE_TAG = re.compile(r"\n[ \t]*(?P<name>[a-z]{2,4}(?:/[a-z]{2,4})?)[ \t]*\s*$")
# A company's part: "chez Bobst", "acquisition by Stripe", "racheté par X".
_OWNER = re.compile(
    rf"\b(?:chez|acquisition by|acquired by|takeover by|bought by|rachat par|racheté par|rachetée par)"
    rf"[ \t]+(?P<name>{_NAMES})"
)
_POSSESSIVE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAMES})['’]s[ \t]+(?:[a-z-]+[ \t]+)?(?:acquisition|takeover|valuation|"
    r"shareholders|share price|shares|stock|revenue|revenues|profits?|subsidiary|headquarters|factory|plant|"
    r"unicorn status|"
    r"board of directors|chief executive|CEO|co-founder|founder|IPO|\$)"
)
# The subject of a fundraising verb: "La Pousseraie lève 1 M€", "Blu Smart raises funding" (not "invests":
# governments and provinces invest too).
_FUNDING = re.compile(
    rf"(?:^|(?<=[.\n:]) |(?<=\n)|(?<=, ))(?P<name>(?:La |Le |Les |L['’])?{_NAMES})[ \t]+"
    r"(?:raises|raised|has raised|lève|a levé|vient de lever)\b"
)


_AFTER_NAME = re.compile(
    r"(?:[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|January|February|March|April|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?))+$"
)
_STATE_WORDS = frozenset(["Etat", "État", "State", "Government", "Gouvernement"])


def _clean(name: str) -> str:
    """Drop a weekday or month after the name ("told Bloomberg TV Tuesday") and a place before it
    ("Accra-based Channel One TV")."""
    return re.sub(r"^.*?\S+-(?:based|backed)[ \t]+", "", _AFTER_NAME.sub("", name))


def _person_like(name: str) -> bool:
    """Two capitalised words with no organisation word may be a person's name ("Elad Gil")."""
    tokens = name.split()
    return (
        len(tokens) == 2
        and all(t.istitle() and t.isalpha() for t in tokens)
        and not any(t in ORG_WORDS or t in NATION_FORMS for t in tokens)  # "Crédit Suisse"
    )


def _body_like(name: str, nations: frozenset[str]) -> bool:
    """Not a place, a nation, a generic word, nor a person's first name."""
    bare = re.sub(r"^(?:The|La|Le|Les|L['’])[ \t]?", "", name)
    tokens = bare.split()
    return bool(tokens) and not (
        any(n in NOT_NAMES or n in nations or n in NATION_FORMS for n in (name, bare))
        or bare in GENERIC
        or (len(tokens) == 1 and bare in ORG_WORDS)
        or tokens[0] in FIRST
        or tokens[0] in NOT_NAMES
        or tokens[0] in _STATE_WORDS
    )


_OWNERS_S = re.compile(r"(?<=\w)['’]s[ \t]+")  # "SoftBank’s Vision Fund", "MakerBot’s Peter X"
_BASED_AFTER = re.compile(r",[ \t]*[A-Z][\w.]*-based\b")
_BASED_BEFORE = re.compile(r"[\w.]+-based\b")


def cued_bodies(text: str, nations: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """Names the context shows to be bodies, each with where it starts."""
    found: list[tuple[str, int]] = []
    for m in _LIST.finditer(text):
        items = list(_ITEM.finditer(m.group("list")))
        if len(items) < 2 and not re.search(
            r"(?:such as|like|comme|tels|telles)\s*$", text[: m.start("list")]
        ):
            continue  # one name after "including" may be a person's
        for item in items:
            start = m.start("list") + item.start()
            if _BASED_AFTER.match(text, m.start("list") + item.end()) or _BASED_BEFORE.match(item.group(0)):
                continue  # "Harrisonburg, Va.-based X": a place, and what follows is read as a chain
            for part in _OWNERS_S.split(item.group(0)):  # "SoftBank’s Vision Fund": two
                if _body_like(part, nations) and not _person_like(part):
                    found.append((part, start))
                start += len(part) + 3
    for m in _GOVERNMENT.finditer(text):  # "the French government", "government of France": the nation
        place = re.sub(
            r"^(?:Government of|gouvernement (?:de la|de l['’]|d['’]|\S+)|government of)\s*"
            r"|\s*(?:State )?[Gg]overnment$",
            "",
            m[0],
        )
        if place.split()[0] in ORG_WORDS:  # "gouvernement de la Fédération Wallonie-Bruxelles": that body
            found.append((place, m.end() - len(place)))
        elif "government" not in m[0] or place not in NATION_FORMS:
            found.append((m.group(0), m.start()))
    for m in _ADJECTIVAL_BODIES.finditer(text):
        found.append((m.group(0), m.start()))
    for m in _LEGISLATURE.finditer(text):
        found.append((m.group("name"), m.start("name")))
    for pattern in (_SOURCE, _QUOTED, _OWNER, _POSSESSIVE, _FUNDING, _APPOSITION, _COMPANY_VERB, _BROADCAST):
        for m in pattern.finditer(text):
            name = _OWNERS_S.split(_clean(m.group("name")))[0]  # "MakerBot’s Peter X": MakerBot
            start = m.start("name") + m.group("name").index(name)
            if _body_like(name, nations) and len(name.split()) <= 4 and name not in KNOWN_ORGS:
                found.append((name, start))
    for m in _PARTY.finditer(text):
        name = m.group("name")
        parts = name.split("-")
        if sum(c.isupper() for c in name) < 2 or name in NOT_NAMES:
            continue
        if len(parts) > 1 and all(len(p) > 1 for p in parts):  # "PS-cdH": two parties
            found.extend((p, m.start("name") + name.index(p)) for p in parts)
        else:
            found.append((name, m.start("name")))
    for pattern in (_FRENCH_NATIONAL, _PAPER_DATELINE):
        for m in pattern.finditer(text):
            if not _ROLE_OF.search(text, max(0, m.start() - 30), m.start()):  # "ministre de l'Éducation"
                found.append((m.group("name"), m.start("name")))
    for m in _PAPER.finditer(text):
        group = "name" if m.group("name") else "staff"
        if text[m.start() : m.end(group)] in KNOWN_ORGS:
            continue  # "The Financial Times": the gazetteer's, with its article
        if m.group(group) not in nations:  # "the Sunday Times": a paper's name may open with a weekday
            found.append((m.group(group), m.start(group)))
    for m in _CREDIT.finditer(text):
        group = "name" if m.group("name") else "caps"
        if _body_like(m.group(group), nations):
            found.append((m.group(group), m.start(group)))
    tag = _WIRE_TAG.search(text)
    if tag and tag.group("name") not in ("fin", "end", "ok", "etc"):
        found.append((tag.group("name"), tag.start("name")))
    return sorted(found, key=lambda item: item[1])  # a full name met first takes its later short forms


# A body whose name lists its fields with commas, which no chain of capitals crosses: "Ministry of
# Economy, Trade and Industry", "Directorate of Defense, Research & Development", "Acquisition,
# Technology and Logistics Agency". The listed words are fields (no known body, nation, place or first
# name), so that "the Ministry of Defence, Airbus and Thales" stays three bodies.
_FIELD = rf"[{_UP}][a-zà-ÿ-]+(?:[ \t]+[{_UP}][a-zà-ÿ-]+)?"
_FIELD_LIST = rf"{_FIELD}(?:,[ \t]+{_FIELD}){{1,4}},?[ \t]+(?:and|&)[ \t]+{_FIELD}"
_LISTED_HEAD = (
    r"(?:Ministry|Department|Directorate|Office|Bureau|Secretariat|Agency|Institute|Commission|Council)"
)
_LISTED_TAIL = (
    r"(?:Agency|Division|Department|Directorate|Command|Center|Centre|Institute|Administration|Authority|"
    r"Bureau|Office|Organization|Organisation|Laboratory|Board|Council|Committee|Commission|Ministry)"
)
_LISTED = re.compile(
    rf"(?<![\w-])(?:{_LISTED_HEAD}[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_FIELD_LIST}"
    rf"|{_FIELD_LIST}[ \t]+{_LISTED_TAIL})(?![\w-])"
)


def listed_fields(text: str) -> list[tuple[str, int]]:
    """Bodies whose names list fields with commas, each with where it starts."""
    found = []
    for m in _LISTED.finditer(text):
        fields = re.findall(_FIELD, re.sub(rf"^{_LISTED_HEAD}[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?", "", m[0]))
        words = [w for field in fields for w in field.split()]
        if sum(field.split()[-1] in ORG_WORDS for field in fields) >= 2:
            continue  # "Central Command, Northern Command, and Transportation Command": bodies, listed
        if not any(w in KNOWN_ORGS or w in NATION_FORMS or w in FIRST or w in PLACES for w in words):
            found.append((m.group(0), m.start()))
    return found


# A news outlet named as a source: "selon Le Monde", "told The Diplomat", "a révélé La Tribune"; its
# article is part of its name. A dateline's agency: "PARIS, 27 juin (Reuters) -".
MEDIA = re.compile(
    r"(?:\b(?:selon|d['’]après|according to|told|reported|a rapporté|rapporte|a révélé|révèle|révélé par|"
    r"cité par|citée par|interview with|interview to|entretien accordé à|entretien au|entretien à|writes|"
    r"wrote|confié à|confie à|interrogé par|interrogée par|quoted by|auprès du|auprès de|"
    r"dans les colonnes de|dans les colonnes du)\s+"
    r"(?:(?:le|du|au)\s+(?:quotidien|journal|magazine|site|média)\s+|"
    r"(?:the\s+)?(?:newspaper|magazine|daily|website|outlet)\s+)?"
    r"(?P<name>(?:The|Le|La|Les|L['’])\s?[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,2})(?![\w-])"
    r"|(?<![\w-])(?P<outlet>(?:The|Le|La|Les|L['’])\s?[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,2}),?\s+"
    r"(?:reports|reported|writes|wrote|reveals|revealed|has learned|has learnt|learned|rapporte|a rapporté|"
    r"rapportait|révèle|a révélé|révélait|a pu consulter|a appris|écrit|a écrit)\b"
    r"|(?:^|\n)(?:[A-ZÀ-Ý][\w .,'’-]{1,40}?)?\((?P<agency>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})\)\s*[-–—])"
)


# A verb of speech or a source before the name: "said Jane Doe", "selon Jean Dupont", and bylines.
SPEECH_BEFORE = re.compile(
    r"(?:\bsaid|\bsays|\baccording to|\bselon|\bd['’]après|\ba déclaré|\ba expliqué|\ba indiqué|"
    r"\ba souligné|\ba ajouté|\ba précisé|\bexplique|\bprécise|\bindique|\bsouligne|\bajoute|"
    r"\bestime|\baffirme|\bconfie|\bdéclare|\bnote|\brésume|\bwrites|\bwrote|"
    # a verb of speech after a quote, the speaker after it: "», avertit X", "\" added X"
    r"\b(?:a )?(?:avert[ie]t?|prévient|prévenu|observe|analyse|poursuit|poursuivi|rappel(?:le|é)|insiste|"
    r"assur[eé]|reconna[iî]t|reconnu|comment[eé]|détaill?e|raconte|témoigne|concl[ue]t?|martèle|jug[eé]|"
    r"relève|regrett?[eé]|expliquait|précisait|ajoutait|estimé|affirmé|confié|added|adds|explained|explains|"
    r"noted|warned|warns|continued|recalled)|"
    r"(?:^|\n)\s*(?:by|par|reportage|written by)\s*:?"
    r"|\b(?:photo|photos|crédit photo|crédits? photo|crédits?|credit|image|illustration)\s*:\s*"
    r"(?:[A-Z]{2,}\s*/\s*)?|©\s*(?:[A-Z]{2,}\s*/\s*)?)\s*$",
    re.IGNORECASE,
)
