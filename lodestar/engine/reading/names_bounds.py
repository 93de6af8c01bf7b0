"""Where a name begins and ends inside a chain of capitalised words, in English and French news writing.

- A military rank opens a company's name when the rank and the next words are a known name or a company
  shape ("General Dynamics Corp.", "General Atomics Aeronautical Systems Inc"), not a person.
- "X and Y" is one body when a head's "of" governs both fields ("Department of Health and Human
  Services"), two when both sides open with the same parent word ("Toyota Kirloskar Auto Parts and Toyota
  Industries Engine India") or are brand shapes ("WhatsApp and Instagram", "Andreessen-Horowitz et
  LightSpeed Ventures").
- A company's "of America" is its name ("Elbit Systems of America"); words glued by a missing space after a
  full stop or in camel case ("Defence.due", "defenceThe") end the name.
- A number may open a fund's name ("360 Capital Partners"); a capitalised French article in mid-sentence
  belongs to the name ("L’Usine Digitale", "Les Ateliers de Basse Ham").

Used by ``names.py``, which calls ``pieces`` in place of ``names_pieces.pieces``."""

from __future__ import annotations

import re

from lodestar.engine.legal_forms import is_legal_form
from lodestar.engine.reading.names_acronyms import initials, is_acronym, spells
from lodestar.engine.reading.names_context import FIELD_WORDS, words
from lodestar.engine.reading.names_lexicon import KNOWN_ORGS, OF_HEADS, ORG_WORDS, ROLE_WORDS
from lodestar.engine.reading.names_pieces import CAMEL, FIRST, NATION_FORMS
from lodestar.engine.reading.names_pieces import pieces as _pieces

_RANKS = words("General Admiral Major Colonel Captain Commodore Marshal Sergeant Général")
# Company heads that take the country or region they serve: "Elbit Systems of America".
_SUBSIDIARY_HEADS = words(
    "Systems Industries Corporation Company Motors Technologies Solutions Manufacturing Products "
    "Enterprises Electronics Aerospace"
)
# The last words of a company's or an investor's name, which a number may open: "360 Capital Partners".
_FUND_ENDINGS = words(
    "Partners Capital Ventures Holdings Group Labs Studio Studios Media Technologies Inc Ltd LLC Corp"
)
# The words that end a company's name outright, after which "and" opens another body.
_COMPANY_ENDINGS = words("Inc Ltd Corp Corporation LLC Company Co Group Holdings plc PLC SA SAS GmbH AG")
_FIELD_HEADS = frozenset(["Services", "Affairs"])  # "Department of Health and Human Services": a field
_COMPASS = words("North South East West New Nord Sud")
# Sentence openers glued to the word before when a full stop or a space went missing: "defenceThe".
_GLUED = re.compile(
    r"^[a-zà-ÿ]{2,}(?:The|This|These|That|It|In|On|At|He|She|We|They|But|And|Le|La|Les|Il|Elle|Ce|Cette)$"
)
_GLUED_ROLE = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿ]{2,}(Deputy|Minister|President|Chief|Director|Secretary|General|Prime|Head|Founder|"
    r"Chairman|Commander|Vice|Senior|Executive)$"
)
_DATE_LINE_WORDS = words("Publié Publiée Posted Updated Modifié Modifiée Mis")
_DOT_GLUED = re.compile(r"(?<=[^\W\d_]{2})\.(?=[a-zà-ÿ]{2,}\b)")
_DOMAINS = words("com org net fr uk io gov ch de be ca co info eu ai tv ma sn")
_SERIES_LETTER = re.compile(r"[A-Z]\. (?=\S)")
_SERIES_IN_CHAIN = re.compile(r"(?:S[ée]ries?|Round) [A-Z]\. (?=\S)")
_SERIES = re.compile(r"\b(?:[Ss][ée]ries?|[Rr]ound|tour de table)[ \t\u00a0]+$")
_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z]{3,8})\)")
_NUMBER_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(\d{1,4})[ \u00a0]$")
_FRENCH_ARTICLE = re.compile(r"(?<=[a-zà-ÿ,:;»\"] )(?:L['’]|La |Le |Les )$")
_GOVERNED = re.compile(rf"\b(?:{'|'.join(sorted(OF_HEADS))}) (?:of|for)(?: the)? [A-Z]")  # "Department of X"
# An acronym in brackets inside a body's name, and the words after it: "Development Command (DC) Armaments
# Center" is one body; not when a head there opens a body of its own ("(HHS) Office for Civil Rights").
NESTED = re.compile(
    r"[ \t]*\(([A-Z][A-Za-z]{1,7})\)[ \t]+((?:[A-Z][\w-]*[ \t]+){0,3}[A-Z][\w-]*)"
    r"(?![ \t]+(?:for|of|de|du|des)[ \t])"
)
_NATION_RUN_ON = re.compile(r" of (\S+)( [A-Z][a-z]+)$")  # "University of the West of England Bristol"
# Titles before a person's name, which are no part of it.
HONORIFIC = re.compile(
    r"(?:SEM|S\.E\.M\.|M|Mme|Mlle|Mr|Mrs|Ms|Dr|Pr|Sir|Dame|Madam|Madame)\.?[ \t]+(?=[A-ZÀ-Ý])"
)
_QUEBEC_SUFFIX = re.compile(r" (?:ltée|limitée|inc\.)(?![\w-])")


def pieces(text: str, chain: str, start: int) -> list[tuple[str, int]]:
    """The names in ``chain`` (which starts at ``start`` in ``text``): ``names_pieces.pieces`` with the
    bounds above applied before and after it."""
    chain = _unglued(chain)
    if not chain:
        return []
    if _SERIES_LETTER.match(chain) and _SERIES.search(text, max(0, start - 12), start):
        chain, start = chain[3:], start + 3  # "levé 175 millions en série B. Enfin, X": the round's letter
    elif series := _SERIES_IN_CHAIN.match(chain):  # "closed a Series F. X Technologies also ..."
        chain, start = chain[series.end() :], start + series.end()
    spelled = _ACRONYM_AFTER.match(text, start + len(chain))
    if spelled:  # "(the Pentagon's) Chief Digital and Artificial Intelligence Office (CDAO)": one name, whole
        owner = re.match(r".*?['’]s ", chain)
        name = chain[owner.end() :] if owner else chain
        body = len(name.split()) >= 3 and name.split()[-1] in ORG_WORDS
        if body and spells(initials(name), spelled.group(1)):
            if not owner:
                return [(chain, start)]
            return [*_pieces(chain[: owner.end() - 3], start), (name, start + owner.end())]
    number = _NUMBER_BEFORE.search(text, max(0, start - 6), start)
    tokens = chain.split()
    if (
        number
        and len(tokens) >= 2
        and tokens[-1].rstrip(".") in _FUND_ENDINGS
        and not 1900 <= int(number.group(1)) <= 2099
        and not text[max(0, number.start() - 1) : number.start()].strip(" (")  # "$360 ..." is a sum
    ):
        chain, start = text[number.start(1) : start + len(chain)], number.start(1)
    found = _pieces(chain, start)
    found = _ranked(chain, start, found)
    found = _joined(text, found)
    found = [(_run_on(p), at) for p, at in found]
    return [split for piece in found for split in _split_pair(*piece)]


def _run_on(piece: str) -> str:
    """``piece`` without a place's word run on after "of" and a nation ("... of England Bristol")."""
    m = _NATION_RUN_ON.search(piece)
    if m and m.group(1) in NATION_FORMS and m.group(2).strip() not in ORG_WORDS:
        return piece[: m.start(2)]
    return piece


def _unglued(chain: str) -> str:
    """``chain`` up to a word glued to the next sentence's ("Defence.due", "defenceThe") or a byline's date
    word after the author's name ("Jeanne Dupuis Publié le 9 novembre")."""
    for token in re.finditer(r"\S+", chain):
        if _GLUED.match(token.group(0)) or (token.start() and token.group(0) in _DATE_LINE_WORDS):
            return chain[: token.start()].rstrip()
        role = _GLUED_ROLE.match(token.group(0))  # "Mykhailo FedorovDeputy Prime Minister"
        if role:
            return chain[: token.start() + role.start(1)]
        dot = _DOT_GLUED.search(token.group(0))
        if dot and token.group(0)[dot.end() :].split(".")[0].lower() not in _DOMAINS:
            return chain[: token.start() + dot.start()]
    return chain


def _ranked(chain: str, start: int, found: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Give back a rank word the role cut took from a company's name ("General Dynamics C4 Systems"), and
    cut a parent's known name from a subsidiary's proper one ("General Dynamics Bath Iron Works")."""
    out: list[tuple[str, int]] = []
    for piece, at in found:
        before = chain[: at - start]
        rank = re.search(r"(?:^|\s)(\S+) $", before)
        tokens = piece.split()
        if rank and rank.group(1) in _RANKS and tokens:
            word = rank.group(1)
            known = any(f"{word} {' '.join(tokens[:k])}" in KNOWN_ORGS for k in range(1, len(tokens) + 1))
            company = (
                tokens[0] not in FIRST and tokens[0] not in ROLE_WORDS and tokens[-1].rstrip(".") in ORG_WORDS
            )
            if known or company:
                piece, at = f"{word} {piece}", at - len(word) - 1
        out.extend(_parent_cut(piece, at))
    return out


def _parent_cut(piece: str, at: int) -> list[tuple[str, int]]:
    """A known parent's name before a subsidiary's proper name of three words or more ending in a body
    word: two bodies ("General Dynamics Bath Iron Works")."""
    tokens = piece.split()
    known = max((k for k in range(2, len(tokens)) if " ".join(tokens[:k]) in KNOWN_ORGS), default=0)
    rest = tokens[known:]
    if (
        known
        and len(rest) >= 3
        and rest[-1] in ORG_WORDS
        and rest[0] not in ORG_WORDS | FIELD_WORDS
        and not {"&", "and", "et", "of"} & set(rest)
    ):
        parent = " ".join(tokens[:known])
        return [(parent, at), (" ".join(rest), at + len(parent) + 1)]
    return [(piece, at)]


def _joined(text: str, found: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Join back two pieces that are one body: a head's "of" governing both fields ("Department of Health
    and Human Services") or a place cut at its compass word ("University of South Carolina")."""
    out: list[tuple[str, int]] = []
    for piece, at in found:
        if out:
            left, left_at = out[-1]
            gap = text[left_at + len(left) : at]
            if _one_body(left, gap, piece):
                out[-1] = (text[left_at : at + len(piece)], left_at)
                continue
        out.append((piece, at))
    return out


def _one_body(left: str, gap: str, right: str) -> bool:
    tokens = right.split()
    if gap == " " and left.split()[-1] in _COMPASS:
        return True  # "University of South" + "Carolina College": a place's name
    if gap not in (" and ", " et ") or not tokens or len(tokens) > 3:
        return False
    governed = _GOVERNED.search(left)
    return bool(governed) and not (
        right in KNOWN_ORGS
        or tokens[0] in FIRST
        or is_acronym(right)
        or any(t in OF_HEADS - _FIELD_HEADS or t in _COMPANY_ENDINGS for t in tokens)
    )


def _split_pair(piece: str, at: int) -> list[tuple[str, int]]:
    """Cut "X and Y" into two bodies when both open with the same parent's word, or when one side is a
    brand's shape (camel case, hyphenated, known) and the other a body of its own."""
    m = re.search(r" (?:and|et) ", piece)
    if not m or " of " in piece[: m.start()] or re.search(r" (?:and|et) ", piece[m.end() :]):
        return [(piece, at)]
    left, right = piece[: m.start()], piece[m.end() :]
    lt, rt = left.split(), right.split()
    if piece in KNOWN_ORGS or not lt or not rt:
        return [(piece, at)]
    same_parent = len(lt) >= 2 and len(rt) >= 2 and lt[0] == rt[0] and lt[0] not in ORG_WORDS | OF_HEADS
    brand = len(lt) == 1 and _brand(left) and lt[0] not in FIELD_WORDS
    body = len(rt) >= 2 and rt[-1] in ORG_WORDS  # "Andreessen-Horowitz et LightSpeed Ventures"
    pair = len(lt) == len(rt) == 1 and (_named(left) or _named(right) or _word_acronym(left, right))
    pair = pair and not {lt[0], rt[0]} & FIELD_WORDS
    # "Large Venture de Bpifrance et Temasek": a known body beside a name (not "NATO and Allies")
    known = (left in KNOWN_ORGS and (len(rt) > 1 or _brand(right))) or (
        right in KNOWN_ORGS and (len(lt) > 1 or _brand(left))
    )
    if same_parent or (brand and body) or pair or known:  # "WhatsApp and Instagram"
        return [(left, at), (right, at + m.end())]
    return [(piece, at)]


def _brand(word: str) -> bool:
    return (
        word in KNOWN_ORGS
        or bool(CAMEL.match(word))
        or is_acronym(word)
        or bool(re.match(r"^\w+-\w+$", word))
    )


def _named(word: str) -> bool:
    """A brand's own shape or a known name, not an acronym ("NATO and Allies" is no pair of bodies)."""
    return not is_acronym(word) and (word in KNOWN_ORGS or bool(CAMEL.match(word)))


def _word_acronym(left: str, right: str) -> bool:
    """ "Bechtel and BWXT", "Siddaramaiah and TKM": a word and an acronym after it are two names ("NATO and
    Allies", "Pole and US" are not)."""
    return (
        not is_acronym(left)
        and is_acronym(right)
        and right.isupper()
        and not {left, right} & NATION_FORMS
        and left not in ORG_WORDS
    )


def nation_tail(words: str) -> re.Match[str] | None:
    """A nation at the end of ``words`` that is no part of the name ("X and Finland"); a company's region
    is ("Elbit Systems of America")."""
    m = re.search(r"\s+(?:of|de|du|and|et)\s+(\S+(?:\s\S+)?)$", words)
    if not m or m.group(1) not in NATION_FORMS:
        return None
    head = words[: m.start()].split()[-1]
    if m.group(0).split()[0] == "of" and (head in _SUBSIDIARY_HEADS or head in _COMPASS):  # "West of England"
        return None
    return m


def place_tail(words: str) -> bool:
    """Whether ``words`` ends with a company's served place ("Toyota Motor Manufacturing of Kentucky") or a
    region's name ("University of the West of England")."""
    m = re.search(r"(\S+)\s+of\s+[A-Z][\w-]+$", words)
    return m is not None and (m.group(1) in _SUBSIDIARY_HEADS or m.group(1) in _COMPASS)


def article(text: str, words: str, start: int) -> tuple[str, int]:
    """Give back a capitalised French article in mid-sentence, which only a name keeps ("dont L’Usine
    Digitale est partenaire", "la startup niçoise La Pousseraie")."""
    m = _FRENCH_ARTICLE.search(text, max(0, start - 8), start)
    if m and words[:1].isupper() and not words.startswith(("L'", "L’", "La ", "Le ", "Les ")):
        return text[m.start() : start] + words, m.start()
    return words, start


def same_legal(name: str, known: list[tuple[str, str]]) -> tuple[str, str] | None:
    """An organisation found before that ``name`` names again with its legal form ("Northrop Grumman
    Systems Corporation" after "Northrop Grumman Systems")."""
    head, _, last = name.rpartition(" ")
    if head and (is_legal_form(last) or last == "Company"):
        return next((key for key in known if key[1] == head), None)
    return None


def edges(text: str, words: str, start: int) -> tuple[str, int]:
    """``words`` (at ``start`` in ``text``) with its French article and a Quebec company's lower-case
    suffix given back ("Normand ltée", "Minerai Nord inc.") and a nation before a generic department taken
    off."""
    words, start = article(text, words, start)
    suffix = _QUEBEC_SUFFIX.match(text, start + len(words))
    if suffix and words:
        words += suffix.group(0)
    return words, start
