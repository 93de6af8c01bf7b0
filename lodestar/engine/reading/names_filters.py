"""What a capitalised name is not, read from the words right around it (issue 12, round four).

Classes of false organisations and people met on unseen news, each a general rule of how English and
French news write places, quotes and counts, not a list of names:

- a town before a US state ("Pascagoula, Miss.", "Kent, Washington,"), and the state itself;
- a stock ticker after an exchange ("(NYSE: LDOS)");
- an acronym counted like a thing ("three TEU", "deux MMP") or used as a law's or programme's name
  elsewhere in the text ("the CHIPS Act");
- a name followed by its acronym and then "program", "mission"... ("NextSTEP (NextSTEP) program");
- a person's name that names a place or an institution ("hôpital André Mignot", "rue Jean Moulin");
- a single letter ("série B"), two words run together across a full stop ("Ramsay.Les"), and a French
  sentence adverb joined to a name by a preposition ("Heureusement pour MBDA").
"""

from __future__ import annotations

import re

from lodestar.engine.reading import names_english as english
from lodestar.engine.reading.names_acronyms import spells
from lodestar.engine.reading.names_lexicon import FRENCH_HEADS, KNOWN_ORGS
from lodestar.engine.reading.names_pieces import FIRST, NATION_FORMS

_STATE_ABBR = (
    r"Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"
    r"N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo"
)
_STATES = (
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|"
    r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    r"North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
    r"South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
# "Pascagoula, Miss. –", "Kent, Washington, $25.6 million": a town, then its state.
_STATE_AFTER = re.compile(rf"^,\s+(?:(?:{_STATE_ABBR})\.|(?:{_STATES})(?=\s*(?:[,.;:)–—]|-\s|$)))")
_STATE_WORD = re.compile(rf"^(?:{_STATE_ABBR}|{_STATES})$")
_POSTAL_STATES = frozenset(
    re.findall(
        r"\w+",
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
        "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC",
    )
)
# "(NYSE: LDOS)": a share's ticker, not a body.
_TICKER_BEFORE = re.compile(r"\(\s*(?:NYSE|Nasdaq|NASDAQ|Euronext|LSE|TSX|ASX|AMEX|OTC)\s*:\s*$")
# "three TEU", "deux MMP": counted things (digits are read by names.py already).
_COUNT_BEFORE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundreds|thousands|deux|trois|quatre|"
    r"cinq|six|sept|huit|neuf|dix|douze|vingt|cent|mille|centaines|milliers)\s+$",
    re.IGNORECASE,
)
# "Next Space Technologies for Exploration Partnerships (NextSTEP) program": the acronym is the
# programme's, so is the name.
_THING_AFTER_ACRONYM = re.compile(
    r"^\s*(?:\([^()]{1,20}\)|\d{1,2})\s+(?:program(?!\s+(?:office|manager|executive))|programme|project|initiative|"
    r"exercise|operation|mission|satellite|constellation|missile|strategy|summit|conference|competition)s?\b",
    re.IGNORECASE,
)
# "the CHIPS Act", "le CHIPS Act", "the JEDI program": an acronym that names a law or a programme.
_LAW_ACRONYM = re.compile(r"(?<![\w-])([A-Z]{2,8})\s+(?:Act|Bill|Law|Program|Programme)\b")
# "hôpital André Mignot", "rue Jean Moulin", "Stade Pierre Mauroy": a place named after a person.
_NAMED_AFTER_BEFORE = re.compile(
    r"\b(?:hôpital|hopital|clinique|lycée|collège|école|université|rue|avenue|boulevard|place|quai|stade|"
    r"gare|aéroport|porte-avions|hospital|school|college|street|airport|stadium)\s+$",
    re.IGNORECASE,
)
# "le contrat 'EU SatCom Market'", "the contract "Sky Shield"": a contract's or a programme's name in quotes.
_QUOTED_AFTER_THING = re.compile(
    r"\b(?:contrat|contract|programme|program|projet|project|opération|operation)\s+['‘\"«“][^'’\"»”]{0,20}$",
    re.IGNORECASE,
)
# "Governments, companies and organisations are ...": a sentence's first word in a list of common nouns.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_COMMON_LIST_AFTER = re.compile(r"^,\s+[a-zà-ÿ]+(?:,|\s+(?:and|et|or|ou)\s+[a-zà-ÿ])")
# "l'hôpital André Mignot", "la clinique Saint-Roch", "l'hôpital privé Clairval": a hospital by its name.
HOSPITAL = re.compile(
    r"(?<![\w-])(?:[Hh]ôpital|[Hh]opital|[Cc]linique)"
    r"(?:[ \t]+(?:privée?|publique?|militaire|d['’]instruction des armées))?"
    r"(?:[ \t]+|-)[A-ZÀ-Ý][\w-]+(?:[ -][A-ZÀ-Ý][\w-]+){0,2}"  # on one line: "hôpital\nDans" is none
)
# "le Charles de Gaulle a appareillé", "the Joint Chiefs said": an article right before a name of two or
# more capitalised words makes it a ship, a building or a body, never a person ("le général X" has its
# title between).
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:the|The|le|Le|du|Du|au|Au)\s+$")
# "Chief of Naval Operations", "Secretary of the Air Force": the domain of a post, not a person.
_POST_OF_BEFORE = re.compile(
    r"\b(?:Chief|Secretary|Minister|Head|Director|Commander|Chairman|Chair|Chef)\s+of\s+(?:the\s+)?$"
)
# "Starlink terminals", "Pixel phones": a product's name before what it is.
_PRODUCT_AFTER = re.compile(
    r"^\s+(?:terminals?|kits?|devices?|handsets?|phones?|receivers?|engines?|modules?|cameras?|chipsets?|"
    r"terminaux|terminal|kits?|moteurs?|modules?|caméras?)\b",
    re.IGNORECASE,
)
_RUN_TOGETHER = re.compile(r"[a-zà-ÿ]{2}\.[A-ZÀ-Ý][a-zà-ÿ]")
_ADVERB_JOINED = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+ment\s+(?:pour|de|du|des|et|and|for|of)\s")


# "1.950 MMP livrés", "munitions MMP", "missile MMP": an acronym counted or named as a weapon or a
# machine anywhere in the text names a thing there, and so everywhere in it.
_COUNTED_ACRONYM = re.compile(
    r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d.,\u00a0]*[ \u00a0]+([A-Z][A-Z0-9]{1,7})(?![\w-])"
    r"|(?i:\b(?:missiles?|munitions?|drones?|roquettes?|obus|rockets?|fusées?|lanceurs?|torpilles?)"
    r")[ \u00a0]+([A-Z][A-Z0-9]{1,7})(?![\w-])"
)
_SUFFIX_ONLY = frozenset(
    ["Inc.", "Inc", "Ltd", "Ltd.", "LLC", "Corp.", "Corp", "Co.", "GmbH", "S.A.", "SAS", "plc"]
)
_SMALL = frozenset(
    ["de", "du", "des", "la", "le", "les", "l", "d", "et", "contre", "pour", "of", "and", "for", "the", "on"]
)
_LOWER_TAIL = re.compile(r"((?:\s+[a-zà-ÿ’'-]+){1,6}?)\s+\(([A-Z][A-Za-z0-9]{1,7})\)")


def known_in_capitals(words: str, before: str, known_upper: frozenset[str]) -> bool:
    """A known body written in capitals, as credits write names ("NAVAL GROUP"), or a known acronym
    written as a word, as French papers write them ("Cnes", "Anssi", "Otan")."""
    if words.isupper():
        return words in known_upper
    return (  # four letters at least, and no first name: "Who", "Ses", "Diana" are words or people
        len(words) >= 4
        and words[0].isupper()
        and words[1:].islower()
        and words.upper() in KNOWN_ORGS
        and words not in FIRST
        and not _SENTENCE_START.search(before)  # "Shape of things": a sentence's first word
    )


def not_a_person(words: str, before: str) -> bool:
    """Whether a name the reader would take for a person's is not one, by the words before it."""
    if english.not_a_person(words, before):
        return True
    return len(words.split()) >= 2 and bool(_ARTICLE_BEFORE.search(before) or _POST_OF_BEFORE.search(before))


def checked(kind: str | None, words: str, before: str) -> str | None:
    """``kind`` as read, unless it says "person" of a name that is not one."""
    return None if kind == "person" and not_a_person(words, before) else kind


def surname_like(word: str) -> bool:
    """A person's last word: not a short acronym ("Meta AI", "Milan ER" are products; "MARIN" in
    capitals is a surname)."""
    return len(word.strip(".")) > 1 and not (word.isupper() and len(word) <= 3)


def law_acronyms(text: str) -> set[str]:
    """Acronyms the text uses as the name of a law, a programme or a thing ("the CHIPS Act", "1.950 MMP")."""
    found = {m.group(1) for m in _LAW_ACRONYM.finditer(text)} | english.spelled_things(text)
    return found | {m.group(1) or m.group(2) for m in _COUNTED_ACRONYM.finditer(text)}


def to_acronym(text: str, words: str, start: int) -> str:
    """A name cut before lower-case words is taken on to the acronym after them when the acronym's
    letters are the initials of the whole, the first and last word's among them: "Agence régionale de
    santé (ARS)", "Centre de lutte contre les criminalités numériques (C3N)"."""
    m = _LOWER_TAIL.match(text, start + len(words))
    if not m:
        return words
    whole = words + m.group(1)
    initials = "".join(w[0].upper() for w in re.split(r"[\s’']+", whole) if w and w.lower() not in _SMALL)
    letters = "".join(c for c in m.group(2).upper() if c.isalpha())
    return whole if spells(initials, letters) else words


def not_a_name(words: str, tokens: list[str], before: str, after: str) -> bool:
    """Whether the chain ``words`` (between ``before`` and ``after``) is none of the reader's names."""
    adverb = _ADVERB_JOINED.match(words) and tokens[0] not in english.MENT_NOUNS  # not "Department of War"
    if len(words) == 1 or words in _SUFFIX_ONLY or _RUN_TOGETHER.search(words) or adverb:
        return True
    if _STATE_AFTER.match(after) or (_STATE_WORD.match(words) and re.search(r",\s*$", before)):
        return True
    if words in _POSTAL_STATES and re.search(r"[A-Z][a-z]+,\s*$", before):
        return True  # "Arlington, VA": a state's postal code after its city
    if len(tokens) == 1 and words.isupper() and re.match(r"[ \t]+\d", after):
        return True  # "la BA 110", "CAC 40": an acronym numbered is a place or a thing
    if len(tokens) == 1 and _SENTENCE_START.search(before) and _COMMON_LIST_AFTER.match(after):
        return True
    if _PRODUCT_AFTER.match(after):
        return True
    if _TICKER_BEFORE.search(before) or _QUOTED_AFTER_THING.search(before):
        return True
    if len(tokens) == 1 and words.isupper() and _COUNT_BEFORE.search(before):
        return True
    if _THING_AFTER_ACRONYM.match(after) or english.not_a_body(words, tokens, before, after, NATION_FORMS):
        return True
    return bool(_NAMED_AFTER_BEFORE.search(before) and 2 <= len(tokens) <= 3 and tokens[0][:1].isupper())


# The head words of a body's name, in lower case ("the agency", "le centre"): a phrase holding none names
# a thing, not a body.
_BODY_HEADS = FRENCH_HEADS | frozenset(
    re.findall(
        r"\w+",
        "agency ministry department command centre center laboratory lab institute university college school "
        "fund council committee commission office directorate force forces army navy corps authority "
        "administration bureau board group company association foundation bank service services team unit "
        "division",
    )
)
_AFTER_LOWER = re.compile(r"(?<=[a-zà-ÿ])[ \t]*\(([A-Z][A-Z&-]{1,7})\)")


def described_acronyms(text: str) -> set[str]:
    """Acronyms in brackets after lower-case words that name no body: a thing's ("base technologique et
    industrielle importante pour la sécurité (BTIS)", "nuclear-powered attack submarine (SSN)"); after
    "le centre d'observation par satellites (CMOS)" the acronym is a body's."""
    found = set()
    for m in _AFTER_LOWER.finditer(text):
        clause = re.split(r"[.;:!?()\n]", text[max(0, m.start() - 120) : m.start()])[-1]
        words = re.findall(r"[^\W\d_][\w’'-]*", clause)[-10:]
        if not any(w.lower() in _BODY_HEADS for w in words):
            found.add(m.group(1))
    return found
