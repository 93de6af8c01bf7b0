"""The publication date of a document: from its metadata, from its text (English or French), or its address.

What counts as a publication date (the bench's labelling rule, which is also what an analyst wants): a
byline or dateline ("Publié le 27 Juin 2025", "Published on 18 May. 2020", "Updated: ..."), the lead of
an alliance press release ("Ce mardi (20 février 2024)"), or a full date standing near the top of the
text; failing those, a full date in the page address (``/2022/05/28/``, ``-2022-07-20``, ``/20200703-``).
Dates of the events reported further down ("le 9 janvier 2020") and partial dates ("PARIS, 27 juin")
are not publication dates.
"""

from __future__ import annotations

import datetime as dt
import re

from lodestar.engine.reading.evidence import Evidence

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    "janvier": 1,
    "janv": 1,
    "février": 2,
    "fevrier": 2,
    "févr": 2,
    "fév": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "déc": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b")  # day first: both languages here write it so

# Words that announce a publication date just before it.
_PUBLISHED = re.compile(
    r"(publi\S* par .{0,40}? le|(posted|written)? ?by .{0,40}? on|publi[ée]+|mis en ligne|mise à jour|"
    r"modifi[ée]+|updated|published|posted|last modified|"
    r"dernière modification|date|ce (jour|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|today|"
    r"on (monday|tuesday|wednesday|thursday|friday|saturday|sunday))\W{0,4}(le|on)?\W{0,3}$",
    re.IGNORECASE,
)
_HEAD_CHARS = 260  # a date this close to the top (after the title line) is a byline or a dateline

_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"),
)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if 1990 <= year <= 2100 else None


def dates_in(text: str) -> list[tuple[dt.date, Evidence]]:
    """Every full date written in ``text``, in order of position."""
    found: list[tuple[dt.date, Evidence]] = []
    for m in _DAY_FIRST.finditer(text):
        value = _date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        if value:
            found.append((value, Evidence(m.group(0), m.start(), m.end())))
    for m in _MONTH_FIRST.finditer(text):
        value = _date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
        if value:
            found.append((value, Evidence(m.group(0), m.start(), m.end())))
    for m in _ISO.finditer(text):
        value = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if value:
            found.append((value, Evidence(m.group(0), m.start(), m.end())))
    for m in _NUMERIC.finditer(text):
        value = _date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if value:
            found.append((value, Evidence(m.group(0), m.start(), m.end())))
    return sorted(found, key=lambda item: item[1].start)


def date_from_address(address: str) -> tuple[dt.date, Evidence] | None:
    for pattern in _URL_DATES:
        for m in pattern.finditer(address):
            value = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if value:
                return value, Evidence(m.group(0), m.start(), m.end())
    return None


def publication_date(
    text: str, source: str = "", metadata: dt.date | None = None
) -> tuple[dt.date | None, Evidence | None]:
    """The publication date and the words that give it (``None`` evidence when it came from metadata)."""
    if metadata is not None:
        return metadata, None
    body_start = text.find("\n") + 1 if "\n" in text[:400] else 0
    for value, evidence in dates_in(text):
        before = text[max(0, evidence.start - 60) : evidence.start]
        if _PUBLISHED.search(before) or evidence.start - body_start < _HEAD_CHARS and _is_dateline(before):
            return value, evidence
    from_address = date_from_address(source) if source else None
    if from_address:
        return from_address[0], None
    return None, None


def _is_dateline(before: str) -> bool:
    """A date at the top stands alone or after a place and a dash or comma, not inside a sentence."""
    line = before.rsplit("\n", 1)[-1]
    return len(line.strip()) < 40 and not re.search(r"\b(le|du|au|depuis|since|until|from|on)\s*$", line)
