"""Sums of money in English and French: "1 milliard d'euros", "EUR 1bn", "$2.5 million", "£2.5m", "840 M€".

Each distinct value and currency is one sum, with every place that writes it. "$" and "dollar" are US
dollars unless the text says otherwise ("A$", "CAD"). A number is read with the separators of the
language around it: "1,2 milliard" and "1.2 billion" are the same; "100 000 euros" and "100,000" too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lodestar.engine.reading.evidence import Evidence

_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "mille": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "mio": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "milliard": 10**9,
    "milliards": 10**9,
    "md": 10**9,
    "mds": 10**9,
    "mrd": 10**9,
    "trillion": 10**12,
}
_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "U.S. $": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "C$": "CAD",
    "A$": "AUD",
    "CHF": "CHF",
}
_CODES = {
    "EUR": "EUR",
    "USD": "USD",
    "GBP": "GBP",
    "CAD": "CAD",
    "AUD": "AUD",
    "JPY": "JPY",
    "CHF": "CHF",
    "NOK": "NOK",
    "SEK": "SEK",
    "DKK": "DKK",
    "PLN": "PLN",
}
_WORDS = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "livre": "GBP",
    "livres": "GBP",
    "livres sterling": "GBP",
    "yen": "JPY",
    "US dollars": "USD",
    "dollars américains": "USD",
    "francs suisses": "CHF",
}

_NUMBER = r"\d{1,3}(?:(?:[ \u00a0\u202f,.]\d{3})+)?(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"(?:thousand|trillion|billions?|millions?|milliards?|mille|bn|mn|mio|mrd|mds|md|m|k|b)\b\.?"
_SYMBOL = r"(?:U\.S\. \$|US\$|C\$|A\$|\$|€|£|¥)"
_CODE = "|".join(_CODES)
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))

_PATTERNS = (
    # $2.5 million, €1.2 billion, £2.5m, $1B, EUR 100,000, USD 10 million
    re.compile(
        rf"(?P<cur>{_SYMBOL}|\b(?:{_CODE})\b)\s?(?P<num>{_NUMBER})(?:[\s-]?(?P<scale>{_SCALE}))?",
        re.IGNORECASE,
    ),
    # 30 millions d'euros, 100 000 euros, 2.5 million dollars, 840 M€, 1,2 Md€, 10 million USD
    re.compile(
        rf"(?P<num>{_NUMBER})(?:[\s-]?(?P<scale>{_SCALE}))?\s?(?:de |d['’]\s?|of )?"
        rf"(?P<cur>{_SYMBOL}|\b(?:{_WORD}|{_CODE})\b)",
        re.IGNORECASE,
    ),
    # billion-dollar fund, 9-million-dollar (any hyphen, the press also uses the non-breaking one)
    re.compile(
        r"(?:(?P<num>\d+(?:[.,]\d+)?[-\u2010\u2011])|(?<![^\W\d_]))(?P<scale>billion|million|milliard)"
        r"[-\u2010\u2011]"
        r"(?P<cur>dollar|euro)",
        re.IGNORECASE,
    ),
    # un milliard d'euros, one billion dollars
    re.compile(
        rf"\b(?P<num>)(?:un|une|one|a)\s+(?P<scale>milliard|billion|million)s?\s+(?:de |d['’]\s?|of )?"
        rf"(?P<cur>{_WORD})\b",
        re.IGNORECASE,
    ),
)
# "300 à 500 millions d'euros", "10 to 20 million dollars": the first number of a range takes the second's
# scale and currency.
_RANGE = re.compile(rf"(?<![\d.,])(?P<num>{_NUMBER})\s*(?:à|to|and|et)\s*$")
# "100 millions par an" after "10 millions d'euros": the currency of the sentence's previous sum
_BARE = re.compile(rf"(?P<num>{_NUMBER})\s?(?P<scale>millions?|milliards?|billions?|bn|mn)\b")


@dataclass(frozen=True)
class Amount:
    value: int
    currency: str
    evidence: tuple[Evidence, ...]


def _number(text: str) -> float | None:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
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
    for table in (_SYMBOLS, _CODES):
        if key in table:
            return table[key]
        if key.upper() in table:
            return table[key.upper()]
    return _WORDS.get(key.lower())


def find_amounts(text: str) -> tuple[Amount, ...]:
    found: dict[tuple[int, str], list[Evidence]] = {}
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            currency = _currency(m.group("cur"))
            number = m.group("num")
            value = _number(number.rstrip("-\u2010\u2011")) if number else 1.0
            if currency is None or value is None:
                continue
            if number and re.fullmatch(r"(19|20)\d{2}", number.strip()) and not m.group("scale"):
                continue  # "en 2017 euros" is a year, not a sum
            scale = (m.group("scale") or "").lower().rstrip(".")
            # "m" and "b" only count as scales glued to the number ("£2.5m"), not as a following word
            value *= _SCALES.get(scale, 1)
            if value < 1:
                continue
            key = (round(value), currency)
            found.setdefault(key, []).append(Evidence(m.group(0), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    _ranges(text, found)
    for m in _BARE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        previous = [(e, key) for key, evs in found.items() for ev in evs for e in [ev.end] if e <= m.start()]
        if not previous:
            continue
        end, (_, currency) = max(previous)
        if re.search(r"[.!?]\s", text[end : m.start()]) or m.start() - end > 200:
            continue
        bare = _number(m.group("num"))
        if bare is None:
            continue
        key = (round(bare * _SCALES[m.group("scale").lower()]), currency)
        found.setdefault(key, []).append(Evidence(m.group(0), m.start(), m.end()))
    return tuple(
        Amount(value, currency, tuple(ev))
        for (value, currency), ev in sorted(found.items(), key=lambda kv: kv[1][0].start)
    )


def _ranges(text: str, found: dict[tuple[int, str], list[Evidence]]) -> None:
    """Add the first sums of ranges ("300 à 500 millions d'euros": 300 million euros too)."""
    for (value, currency), evs in list(found.items()):
        for ev in evs:
            second = re.match(_NUMBER, ev.words)
            m = _RANGE.search(text[max(0, ev.start - 25) : ev.start])
            if not second or not m:
                continue
            first, last = _number(m.group("num")), _number(second.group(0))
            if (
                not first
                or not last
                or first >= last
                or re.fullmatch(r"(19|20)\d{2}", m.group("num").strip())
            ):
                continue
            start = max(0, ev.start - 25) + m.start("num")
            key = (round(first * value / last), currency)
            found.setdefault(key, []).append(Evidence(text[start : ev.end], start, ev.end))
