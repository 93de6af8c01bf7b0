"""French bodies named by a head word and what follows it ("ministère des Armées", "armée de terre",
"Agence de l'innovation de défense", "École polytechnique"), and the French phrases that only look like
one (a kind of body, a role, an idiom, a description of a name that follows). Used by ``names.py``.

Pages often drop accents ("Delegation generale a la recherche", "Ecole navale"): the head words and the
adjectives are read with or without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lodestar.engine.reading.names_filters import HOSPITAL, to_acronym
from lodestar.engine.reading.names_french_more import in_gloss, lower_first_bodies, units, with_subject
from lodestar.engine.reading.names_lexicon import FRENCH_HEADS, KNOWN_ORGS
from lodestar.engine.reading.nations import nation_forms


def _loose(word: str) -> str:
    """A regular expression for ``word`` that also takes it without its accents."""
    pairs = {"é": "[ée]", "è": "[èe]", "ê": "[êe]", "É": "[ÉE]", "à": "[àa]", "ô": "[ôo]", "î": "[îi]"}
    return "".join(pairs.get(c, re.escape(c)) for c in word)


# Adjectives of nations ("ministère italien de la Défense", "armée française"): lower-case forms only.
_NATIONAL = sorted((f for f in nation_forms() if f.islower() and " " not in f), key=len, reverse=True)
_HEAD_ADJECTIVE = (
    r"(?:g[ée]n[ée]rale?s?|hospitali[eè]re?s?|universitaires?|interarm[ée]es|minist[ée]rielle|nationale?s?|OTAN|europ[ée]en(?:ne)?s?|"
    r"f[ée]d[ée]rale?s?|scientifiques?|techniques?|sup[ée]rieure?s?|consultati(?:f|ve)s?|permanente?s?|"
    r"spatia(?:le?s?|ux)|militaires?|strat[ée]giques?|interminist[ée]riel(?:le)?s?|r[ée]giona(?:le?s?|ux)|"
    r"internationa(?:le?s?|ux)|centra(?:le?s?|ux)|" + "|".join(_NATIONAL) + r")(?![\w'’-])"
)
_PREP = r"(?:(?:de l|d|pour l)['’]\s*|(?:de la|des|du|de|pour les|pour la|pour)\s+)"
_TAIL_ADJECTIVE = (
    r"(?i:g[ée]n[ée]rales?|national(?:e|es|aux)?|avanc[ée]es?|spatial(?:e|es|aux)?|militaires?|"
    r"naval(?:e|es)?|a[ée]rien(?:ne)?s?|int[ée]rieures?|ext[ée]rieures?|sud|nord|d[ée]fense|"
    r"europ[ée]en(?:ne)?s?|nucl[ée]aires?|num[ée]riques?|strat[ée]giques?|scientifiques?|"
    r"technologiques?|atomiques?|[ée]conomiques?|sup[ée]rieure?s?|international(?:e|es|aux)?|publiques?|"
    r"civile?s?|[ée]trang[èe]res?|sociale?s?|maritimes?|territoriale?s?|industrielle?s?|"
    # fields and reach of schools, departments, councils: "Département de génie électrique", "Commission
    # des marchés publics", "sciences administratives", "Chambres fédérales"
    r"publics?|f[ée]d[ée]ra(?:le?s?|ux)|administrati(?:fs?|ves?)|[ée]lectriques?|informatiques?|"
    r"roya(?:le?s?|ux)|politiques?|m[ée]dica(?:le?s?|ux)|financi[eè]re?s?|juridiques?|physiques?|"
    r"chimiques?|biologiques?|math[ée]matiques?|appliqu[ée]e?s?|naturelle?s?|humaine?s?|sociaux|quantiques?|"
    r"artificielle?s?|[ée]nerg[ée]tiques?|environnementa(?:le?s?|ux)|a[ée]ronautiques?|spatia(?:le?s?|ux)|"
    r"a[ée]rospatia(?:le?s?|ux)|mondia(?:le?s?|ux))"
    r"(?![\w'’-])"
)
_HEADS = "|".join(_loose(h) for h in sorted(FRENCH_HEADS, key=len, reverse=True))
# A head, perhaps an adjective, then one to three prepositional parts; "et" joins a part but not a verb
# ("ministère de l'Europe et des Affaires étrangères", not "du ministère et de préparer"), and not the
# head itself: "l’armée et de l’écosystème", "commandement et de contrôle" join two nouns, name nothing.
# A part's noun may follow an adjective: "Institut des hautes études de défense nationale".
_PART = (
    r"(?!le\b|la\b|les\b|un\b|une\b)(?:(?:hautes?|grande?s?|nouvel(?:le)?s?|petite?s?)\s+)?[\w-]+(?![\w'’])"
    rf"(?:\s+{_TAIL_ADJECTIVE})?"
)
HEADED = re.compile(
    rf"(?<![\w-])(?i:{_HEADS})(?:\s+{_HEAD_ADJECTIVE})?(?:\s+{_PREP}{_PART})"
    rf"(?:\s+(?:et\s+{_PREP}(?![a-zé]+(?:er|ir|oir|re)\b)|{_PREP}){_PART}){{0,2}}"
)
# "École polytechnique", "Gendarmerie nationale", "Agence spatiale européenne": a capitalised French head
# and its adjectives, no preposition.
ADJECTIVAL = re.compile(
    rf"(?<![\w-])(?:{'|'.join(sorted((h[0].upper() + h[1:] for h in FRENCH_HEADS), key=len, reverse=True))}|"
    r"Gendarmerie|Assemblée|Marine|Police|Forces?)"  # "Force aérienne", "Forces armées françaises"
    r"(?:\s+[a-zà-ÿ]+(?:ique|iques|ale|ales|aire|aires|ienne|iennes|aise|aises|éenne|éennes|elle|elles|ée|ées))"
    r"{1,2}(?![\w'’-])"
    # ... and what it is of, when that is capitalised: "Service historique de la Défense".
    rf"(?:\s+{_PREP}[A-ZÀ-Ý][\w-]*(?![\w'’]))?"
)
# "école d'ingénieurs", "centre de recherche": a lower-case head and a bare noun name a kind of body, not
# one body (a body's name takes an article or a capital: "ministère des Armées", "centre de l'OTAN")...
_GENERIC = re.compile(r"^[a-zà-ÿ-]+\s+(?:d['’]\s*|de\s+)(?!l['’]|la\b|les\b)[a-zà-ÿ-]+$")
# ... except the French armed services' own names, written in lower case.
_SERVICES = frozenset(["armée de terre", "armee de terre"])
# "chef d'état-major de la brigade": a role; "au service de la défense": an idiom ("serving").
_ROLE_BEFORE = re.compile(r"\b(?:chef|cheffe|sous-chef)\s+(?:d['’]\s*|de\s+|du\s+)$", re.IGNORECASE)
_IDIOM = re.compile(r"(?:^|\W)(?:au|aux)\s+$", re.IGNORECASE)
# "le nouveau pôle d'innovation ZEPHYR", "le centre de recherche X": a description of the name after it.
_NAME_AFTER = re.compile(r"^[ \t]+[«“\"]?\s*[A-ZÀ-Ý0-9][\w-]*")
_BRACKET_AFTER = re.compile(r"^\s*[\[(]")
# "agence française de renseignement", "centre américain de surveillance des sites": a lower-case head, a
# nation's adjective and a bare noun describe a body; "ministère russe de la Défense" names one.
_NATION_KIND = re.compile(r"^[a-zà-ÿ-]+\s+([a-zà-ÿ-]+)\s+(?:d['’]\s*|de\s+)(?!l['’]|la\b|les\b)[a-zà-ÿ-]+")
_NATION_WORDS = frozenset(nation_forms())
_LOCAL_BRANCH = re.compile(
    r"(?<![\w-])(?:IUT|CHU|IEP|IAE|INSA|CCI|SDIS)[ \t]+(?:de|d['’])[ \t]*[A-ZÀ-Ý][\w’'-]+(?![\w’'-])"
)
# "le conseil d'administration de Safran", "comité exécutif du groupe": a body's organ; the body is named.
_BOARD = re.compile(
    r"(?i)^(?:conseil|comit[ée])\s+(?:d['’]\s*administration|de\s+surveillance|de\s+direction|ex[ée]cutif)\b"
)
# "l'Université d'été de la défense", "les universités d'été": a yearly conference, not a university.
_SUMMER_SCHOOL = re.compile(r"(?i)^universit[ée]s?\s+d['’]\s*[ée]t[ée]\b")
# "prestataires de service de confiance", "centres de commandement": a lower-case head after a bare "de"
# (no article) qualifies the noun before it; a body's name takes an article ("du ministère").
_BARE_DE = re.compile(r"(?:^|[\s(])(?:de\s+|d['’]\s*)$")
# "Safran Tech, centre de recherche du groupe": a head after a name and a comma, with no article, is the
# name's apposition, a description of the body just named.
_APPOSITION = re.compile(r"[A-ZÀ-Ý0-9][\w&’'.-]*,\s+$")
_TRAILING = re.compile(r"(?:\s+(?:de|du|des|de la|pour|et)|\s*(?:de l|d|l|pour l)['’])$")
_BARE_HEAD = re.compile(rf"(?i:{_HEADS})")
# A second head after a preposition starts a body of its own ("... de l’armée de l’Air").
_NESTED_HEAD = re.compile(rf"\s+{_PREP}(?=(?:{_HEADS})(?![\w-]))")
# "Institut d'optique de l'Université Paris-Saclay": a capitalised head and its own name, a second body.
_NESTED_NAMED = re.compile(rf"\s+{_PREP}(?=(?=[A-ZÀ-Ý])(?i:{_HEADS})\s+(?:{_PREP})?[A-ZÀ-Ý])")


# "... de l’armement et du Centre national d’études spatiales": "et" and a capitalised head start a
# second body.
_AND_HEAD = re.compile(rf"\s+et\s+{_PREP}(?=[A-ZÀ-Ý])(?i:{_HEADS})(?![\w-])")
# "pour lui", "pour la construction": "pour" then a pronoun, or a contract's work ("pour la livraison"),
# or "pour" after a capitalised part ("ministère de la Défense pour ...") starts the sentence's own words;
# otherwise it is the name's ("Agence ministérielle pour l’IA de défense", "Service européen pour l’action
# extérieure").
_POUR_CUT = re.compile(
    r"\s+pour\s+(?:lui|leur|eux|elle|elles|nous|vous|moi|toi)\b"
    r"|\s+pour\s+[a-zàâçéèêîôû]+(?:er|ir|re)\b"  # "armée pour labelliser": a purpose, a verb's clause
    r"|\s+pour\s+(?:la\s+|le\s+|l['’]\s*)?(?:construction|fabrication|livraison|production|réalisation|"
    r"fourniture|mise|conception|développement|acquisition|modernisation|maintenance|achat)\b"
    r"|[\s'’][A-ZÀ-Ý][\w-]{2,}(?P<after_name>\s+pour\b)"
)
# "conseil de surveillance de l'établissement": a part that refers back to a body ("the establishment's
# board") describes; it names nothing.
_BACK_REFERENCE = re.compile(
    r"\s(?:de l['’]|de la |du )(?:établissement|entreprise|société|groupe|hôpital|association|ville|commune)$"
)


def _cut_pour(words: str) -> str:
    m = _POUR_CUT.search(words)
    if not m:
        return words
    return words[: m.start("after_name")] if m.group("after_name") else words[: m.start()]


def _description(words: str, text: str, start: int) -> bool:
    """Whether a lower-case head phrase describes rather than names ("pôle d'innovation ZEPHYR",
    "centre d'excellence de l'OTAN", "chef d'état-major de la brigade", "au service de")."""
    before = text[max(0, start - 20) : start]
    if _SUMMER_SCHOOL.match(words) or _BOARD.match(words):  # an event; a company's board ("of Safran")
        return True
    if _ROLE_BEFORE.search(before):
        return True
    if words[0].islower() and (_BARE_DE.search(before) or _APPOSITION.search(before)):
        return True
    if words.lower() in _SERVICES:
        return False
    if _GENERIC.match(words) or _BACK_REFERENCE.search(words):
        return True
    described = _NATION_KIND.match(words)  # "l’agence française de renseignement": a kind, said of a nation
    if described and described.group(1) in _NATION_WORDS:
        return True
    if not words[0].islower():
        return False
    after = text[start + len(words) : start + len(words) + 40]
    if words.startswith("service") and _IDIOM.search(before):
        return True
    if words.startswith("direction") and re.search(r"\ben\s+$", before):
        return True  # "en direction des innovations": towards
    if _BRACKET_AFTER.match(after):
        return False
    if _NAME_AFTER.match(after):
        return True
    last = re.split(r"[\s'’]+", words)[-1]
    return last in KNOWN_ORGS  # "X de l'OTAN": NATO's X, a description, NATO its own entry


def french_bodies(text: str) -> Iterator[tuple[str, int]]:
    """French bodies named by a head and a preposition, each as (words, start); after a phrase that only
    describes, the search goes on inside it ("chef d'état-major de l'Armée de l'air": the air force)."""
    m = HEADED.search(text)
    while m:
        words = m.group(0)
        while _TRAILING.search(words):
            words = _TRAILING.sub("", words)
        nested = _NESTED_HEAD.search(words, 1) or _AND_HEAD.search(words, 1)
        if nested:  # "Commandement de l’Espace de l’armée de l’Air", "DGA et du Centre national ..."
            words = words[: nested.start()]
        named = _NESTED_NAMED.search(text, m.start() + 1, m.start() + len(words) + 40)
        if named and named.start() < m.start() + len(words):
            nested, words = named, text[m.start() : named.start()]
        words = _cut_pour(words)
        while _TRAILING.search(words):
            words = _TRAILING.sub("", words)
        if _BARE_HEAD.fullmatch(words):  # "armée pour labelliser": nothing left after the head
            m = HEADED.search(text, m.end())
            continue
        words = with_subject(text, words, m.start())  # "... de recherche sur la paix de Stockholm"
        words = to_acronym(text, words, m.start())  # "Centre de lutte contre ... (C3N)"
        if _description(words, text, m.start()) or in_gloss(text, m.start()):  # or "IHEDN (Institut ...)"
            m = HEADED.search(text, m.start() + 1)
            continue
        yield words, m.start()
        m = HEADED.search(text, m.start() + len(words) if nested else m.end())
    for h in HOSPITAL.finditer(text):  # "l'hôpital André Mignot": a hospital, not a person
        yield h.group(0), h.start()
    for h in _LOCAL_BRANCH.finditer(text):  # "IUT de Vannes", "CHU de Rennes": a local body of a known kind
        yield h.group(0), h.start()
    yield from lower_first_bodies(text)  # "la gendarmerie nationale"
    yield from units(text)  # "le 1er régiment de chasseurs parachutistes"
