"""Sums of money in English and French: "1 milliard d'euros", "EUR 1bn", "$2.5 million", "£2.5m", "840 M€".

Each distinct value and currency is one sum, with every place that writes it. "$" and "dollar" are US
dollars unless the text says otherwise ("A$", "CAD", "dollars canadiens"). A number is read with the
separators of the language around it: "1,2 milliard" and "1.2 billion" are the same; "100 000 euros" and
"100,000" too; the Indian press groups by two ("Rs 2,49,755 crore"). The tables are in ``money_units``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lodestar.engine.reading.evidence import Evidence
from lodestar.engine.reading.money_units import (
    CODES,
    COUNT_NOUNS,
    COUNTED_BEFORE,
    MONEY_NOUNS,
    NUMBER_WORDS,
    SCALES,
    SYMBOLS,
    WORDS,
)

_NUMBER = (
    # 2,49,755 (Indian grouping); "210, 869,767" and "2, 963 crore" (a stray space after the comma)
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}"
    r"|\d{1,3},\s\d{3}(?:(?:,\d{3})+|(?=\s?(?i:crores?|lakhs?|millions?|billions?)\b))"
    r"|\d{1,3}(?:(?:[ \u00a0\u202f,.]\d{3})+)?(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
)
_SCALE = (
    r"(?i:lakh\s+crores?|thousand|trillions?|billions?|millions?|milliards?|mille|crores?|lakhs?"
    r"|bln|mln|mld|bn|mn|tn|mio|mrd|mds|md|cr|m|k|b)\b\.?|G(?=\s?\$)"  # "1,2 G$" (Québec)
)
# Signs are matched as written and not inside a word ("Mrs 5", "Ash 3"); codes in capitals only.


def _signs(signs: list[str]) -> str:
    return "|".join(re.escape(s) + (r"(?![^\W\d_])" if s[-1].isalpha() else "") for s in signs)


_BY_LENGTH = sorted(SYMBOLS, key=len, reverse=True)
# The first-character look-ahead lets the engine skip most positions at once.
_SYMBOL = (
    "(?=[" + re.escape("".join(sorted({s[0] for s in SYMBOLS}))) + "])"
    r"(?:(?<![^\W\d_])(?:" + _signs([s for s in _BY_LENGTH if s[0].isalpha()]) + ")"
    "|" + _signs([s for s in _BY_LENGTH if not s[0].isalpha()]) + ")"
)
_CODE = r"\b(?:" + "|".join(CODES) + r")\b"
_WORD = r"(?i:\b(?:" + "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True)) + r")\b)"
_OF = r"(?:(?i:de|of)\s+|(?i:d)['’]\s?)"
_ONE_WORD = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# "quarante-sept", "twenty-five", "vingt et un", "deux cents": number words joined by hyphens or spaces
_NEXT_WORD = r"(?:" + "|".join(sorted(set(NUMBER_WORDS) - {"a", "an"}, key=len, reverse=True)) + r")"
_NUMBER_WORD = rf"(?i:(?<![\w-]){_ONE_WORD}(?:(?:-|\s+)(?:(?:et|and)(?:-|\s+))?{_NEXT_WORD}\b)*)"
_APPROX = r"(?:(?i:quelque|environ|about|around|some|roughly|près de|plus de|more than|up to|jusqu['’]à)\s+)"

_PATTERNS = (
    # $2.5 million, €1.2 billion, £2.5m, $1B, EUR 100,000, USD 10 million, Rs 500 crore, R500bn
    re.compile(rf"(?P<cur>{_SYMBOL}|{_CODE})\s?(?P<num>{_NUMBER})(?:[\s-]?(?P<scale>{_SCALE}))?"),
    # 30 millions d'euros, 100 000 euros, 2.5 million dollars, 840 M€, 1,2 Md€, 10 million USD, 65 milliards
    # FCFA
    re.compile(
        rf"(?P<num>{_NUMBER})(?:[\s-]?(?P<scale>{_SCALE}))?\s?{_OF}?(?P<cur>{_SYMBOL}|{_CODE}|{_WORD})"
    ),
    # billion-dollar fund, 9-million-dollar (any hyphen, the press also uses the non-breaking one)
    re.compile(
        r"(?:(?P<num>\d+(?:[.,]\d+)?[-\u2010\u2011])|(?<![^\W\d_]))(?P<scale>(?i:billion|million|milliard))"
        r"[-\u2010\u2011]"
        r"(?P<cur>(?i:dollar|euro))",
    ),
    # un demi-milliard d'euros, half a billion dollars
    re.compile(
        rf"(?P<half>(?i:(?<![\w-])demi-|\bhalf\s+an?\s+))(?P<scale>(?i:milliard|billion|million))s?\s+{_OF}?"
        rf"(?P<cur>{_WORD})"
    ),
    # un milliard d'euros, two million dollars, trois milliards et demi de francs, two and a half billion
    re.compile(
        rf"(?P<word>{_NUMBER_WORD})(?P<half1>\s+and\s+a\s+half)?\s+(?P<scale>(?i:milliard|billion|million|trillion))s?"
        rf"(?P<half2>\s+et\s+demie?)?\s+{_OF}?(?P<cur>{_WORD})"
    ),
)
# "R500 billion", "R10-million": the South African rand is one capital letter, so a scale or a grouped
# number must follow it.
_RAND = re.compile(rf"(?<![^\W\d_])(?<![.$€£])R\s?(?P<num>{_NUMBER})(?:[\s-]?(?P<scale>{_SCALE}))?")
# "$5-7 million", "€3 à 5 millions": both ends of a range written after one sign
_SIGN_RANGE = re.compile(
    rf"(?P<cur>{_SYMBOL}|{_CODE})\s?(?P<num>{_NUMBER})\s?(?:[-–]|(?i:to|à))\s?(?:{_SYMBOL}\s?)?"
    rf"(?P<num2>{_NUMBER})[\s-]?(?P<scale>{_SCALE})"
)
# "300 à 500 millions d'euros", "entre 924 millions et 1,8 milliard de dirhams", "d'environ 5 à quelque 7
# milliards": the first number of a range takes the second's currency (and its scale unless it has one).
_RANGE = re.compile(
    rf"(?<![\d.,])(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE}))?(?:\s*(?:à|to|and|et)\s+{_APPROX}?|[-–])$"
)
# "100 millions par an" after "10 millions d'euros": the currency of the previous sum close before
_BARE = re.compile(
    rf"(?<![\d.,])(?P<num>{_NUMBER})\s?(?P<scale>(?i:millions?|milliards?|billions?|trillions?|crores?|bn|mn))\b"
)
_NEXT_WORDS = re.compile(r"\s*(?:(?P<of>(?i:de|of)\s+|(?i:d)['’]\s*))?(?P<word>[^\W\d_]+)")
_YEAR = re.compile(r"(19|20)\d{2}")


@dataclass(frozen=True)
class Amount:
    value: float  # an int when whole ("101,40 euros" is 101.4)
    currency: str
    evidence: tuple[Evidence, ...]


_ENGLISH_SCALE = re.compile(r"(?i:bn|mn|m|b|tn|billions?|trillions?)")


def _number(text: str) -> float | None:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", text):
        return float(text.replace(",", ""))  # "1,740.4": English grouping and a decimal point
    if re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+,\d+", text):
        return float(re.sub(r"[ .]", "", text).replace(",", "."))  # "1 740,4", "1.740,4": French
    if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}, \d{3}(?:,\d{3})*", text):
        return float(re.sub(r"[, ]", "", text))
    if re.fullmatch(r"\d{1,3}(?:[ ,.]\d{3})+", text) and not re.fullmatch(r"\d{1,3}[.,]\d{3}", text):
        return float(re.sub(r"[ ,.]", "", text))
    if re.fullmatch(r"\d{1,3}[,.]\d{3}", text):
        # "100,000" or "100.000" is a thousands separator; a decimal with exactly three digits is rare
        return float(re.sub(r"[,.]", "", text))
    text = text.replace(" ", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _currency(written: str) -> str | None:
    key = written.strip()
    if key in SYMBOLS:
        return SYMBOLS[key]
    if key in CODES:
        return key
    return WORDS.get(re.sub(r"\s+", " ", key.lower()))


def _scale(written: str | None) -> int:
    return SCALES.get(re.sub(r"\s+", " ", (written or "").lower().rstrip(".")), 1)


def _whole(value: float) -> float:
    """The value to the cent, as an int when it is whole."""
    cents = round(value, 2)
    return int(cents) if cents == int(cents) else cents


def _words(written: str) -> float:
    """ "quarante-sept" 47, "quatre-vingt-dix" 90, "deux cents" 200, "a hundred" 100, "vingt et un" 21."""
    words = re.sub(r"quatre[-\s]vingts?", "quatre-vingt", written.lower())
    total = 0.0
    for word in re.split(r"[-\s]+", words.replace("quatre-vingt", "huitante")):
        if word in ("et", "and"):
            continue
        number = NUMBER_WORDS[word]
        total = (total or 1) * number if number == 100 else total + number
    return total


def _value(m: re.Match[str]) -> float | None:
    """The sum a match writes: its number (or number word) times its scale, plus a half when written."""
    groups = m.groupdict()
    if groups.get("word"):
        value: float | None = _words(groups["word"])
        if groups.get("half1") or groups.get("half2"):
            value = (value or 0) + 0.5
    elif groups.get("half"):
        value = 0.5
    elif groups.get("num"):
        written = groups["num"].rstrip("-\u2010\u2011")
        # "£21.458bn": before an English scale a point is a decimal point
        english = _ENGLISH_SCALE.fullmatch((groups.get("scale") or "").rstrip("."))
        value = float(written) if english and re.fullmatch(r"\d+\.\d+", written) else _number(written)
    else:
        value = 1.0
    return None if value is None else value * _scale(groups.get("scale"))


def find_amounts(text: str) -> tuple[Amount, ...]:
    found: dict[tuple[float, str], list[Evidence]] = {}
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in taken)

    def add(value: float, currency: str, start: int, end: int) -> None:
        found.setdefault((_whole(value), currency), []).append(Evidence(text[start:end], start, end))
        taken.append((start, end))

    for m in _SIGN_RANGE.finditer(text):
        currency, first, last = _currency(m.group("cur")), _number(m.group("num")), _number(m.group("num2"))
        if currency and first and last and first < last:
            add(first * _scale(m.group("scale")), currency, m.start(), m.end())
            add(last * _scale(m.group("scale")), currency, m.start(), m.end())
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if overlaps(m.start(), m.end()):
                continue
            currency, value = _currency(m.group("cur")), _value(m)
            if currency is None or value is None or value < 1:
                continue
            number = m.groupdict().get("num") or ""
            if _YEAR.fullmatch(number.strip()) and not m.group("scale"):
                continue  # "en 2017 euros" is a year, not a sum
            add(value, currency, m.start(), m.end())
    for m in _RAND.finditer(text):
        grouped = re.search(r"\d[ ,.\u00a0\u202f]\d{3}", m.group("num"))
        value = _value(m)
        if not overlaps(m.start(), m.end()) and value and (m.group("scale") or grouped):
            add(value, "ZAR", m.start(), m.end())
    _ranges(text, found)
    _bare(text, found, taken)
    return tuple(
        Amount(value, currency, tuple(ev))
        for (value, currency), ev in sorted(found.items(), key=lambda kv: min(e.start for e in kv[1]))
    )


def _ranges(text: str, found: dict[tuple[float, str], list[Evidence]]) -> None:
    """Add the first sums of ranges ("300 à 500 millions d'euros": 300 million euros too)."""
    for (value, currency), evs in list(found.items()):
        for ev in evs:
            second = re.match(_NUMBER, ev.words)
            before = max(0, ev.start - 40)
            m = _RANGE.search(text[before : ev.start])
            if not second or not m:
                continue
            first, last = _number(m.group("num")), _number(second.group(0))
            if not first or not last or _YEAR.fullmatch(m.group("num").strip()):
                continue
            sum_ = first * _scale(m.group("scale")) if m.group("scale") else first * value / last
            if sum_ >= value:
                continue
            start = before + m.start("num")
            found.setdefault((_whole(sum_), currency), []).append(
                Evidence(text[start : ev.end], start, ev.end)
            )


def _bare(text: str, found: dict[tuple[float, str], list[Evidence]], taken: list[tuple[int, int]]) -> None:
    """A scaled number without currency ("à 856 millions") takes the currency of the sum just before it
    (within about three sentences), unless the words around it count things ("3 millions d'habitants",
    "200 million shares", "a population of 200 million")."""
    for m in _BARE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        previous = [(ev.end, key) for key, evs in found.items() for ev in evs if ev.end <= m.start()]
        if not previous:
            continue
        end, (_, currency) = max(previous)
        if m.start() - end > 300 or _counts(text, m.start(), m.end()):
            continue
        bare = _number(m.group("num"))
        if bare is None:
            continue
        key = (_whole(bare * _scale(m.group("scale"))), currency)
        found.setdefault(key, []).append(Evidence(m.group(0), m.start(), m.end()))


def _counts(text: str, start: int, end: int) -> bool:
    """Whether the words around a bare scaled number make it a count rather than a sum."""
    nxt = _NEXT_WORDS.match(text, end)
    if nxt:
        word = nxt.group("word").lower()
        if nxt.group("of"):
            return word not in MONEY_NOUNS
        if word in COUNT_NOUNS:
            return True
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 40) : start].lower())
    return any(w in COUNTED_BEFORE for w in before[-4:])
