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
# Day first: "5 March 2024", "5th of March, 2024", "28 September , 2024", "05-Mar-2024", "30/March/2019" (a
# section line's form).
_DAY_FIRST = re.compile(
    rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?(?:\s+of)?(?:\s+|-|(/))({_MONTH})\.?(?: ?,)?"
    rf"(?(2)/|(?:\s+|-))(\d{{4}})\b",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
# Year first: "2024-03-05", "2024-03-05T10:00:00Z", "2024/03/05", "2024.03.05".
_ISO = re.compile(r"(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/-]|\.\d)")
# Day first, as French and British pages write it ("05/03/2024", "5.3.2024"); month first when the day
# cannot come first ("03/25/2024", an American page).
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/-]|\.\d)")
# Two-digit years ("12/03/24") only right after a publication cue.
_NUMERIC_SHORT = re.compile(r"(?<![\d/.-])(\d{1,2})([/.])(\d{1,2})\2(\d{2})(?![\d/.-])")

_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|"
    r"sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
)
# A time between the cue and the date: "Updated 5:30 PM ET, Tue March 5, 2024", "Publié à 10h30 le".
_TIME = r"(?:(?:at|à)\s+)?\d{1,2}(?:[:h.]\d{2}(?::\d{2})?|h)\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,4}\b)?"
# A person's name in a byline: capitalised words, with the particles names carry ("Jean de La Fontaine").
_NAME = (
    rf"(?!{_WEEKDAY}\b)(?-i:[A-ZÀ-Ý][\w'’.-]*)"
    r"(?:[ \t]+(?:(?-i:[A-ZÀ-Ý][\w'’.-]*)|de|d'|van|von|der|da|di|la|el|al|ben|bin)){0,5}"
)
# Words that announce a publication date just before it.
_PUBLISHED = re.compile(
    r"(publi\S* par .{0,40}? le|(posted|written) by .{0,40}? on|publi[ée]+|post[ée]e?|article du|"
    r"r[ée]dig[ée]e? le|parue?s? (?:sur|dans) .{0,40}? le|"
    # a byline's name and "le" opening its line: "Jeanne Petit le 7 février 2014 à 11h43"
    r"\n[ \t]*(?-i:[A-ZÀ-Ý][a-zà-ÿ'’-]+[ \t]+[A-ZÀ-Ý][a-zà-ÿ'’-]+[ \t]+le)|"
    r"mise? en ligne|mise? à jour|"
    r"actualis[ée]+|modifi[ée]+|updated|published|posted|last modified|"
    r"dernière modification|date de (?:publication|mise en ligne|parution)|date|\n[ \t]*issued|"
    r"ce (jour|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|today|"
    # a byline opening its line: "By Jane Doe |", "Par Jeanne Petit le", "Rédigé par Jeanne Petit -"
    rf"\n[ \t]*(?:(?:posted|written|rédigé|écrit)[ \t]+)?(?-i:By|by|Par|par)[ \t]+{_NAME}[ \t]*[|•·,/–—-]?|"
    r"on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*\()\W{0,4}(le|on|at)?\W{0,3}"
    rf"(?:{_WEEKDAY}\.?,?\s+)?(?:{_TIME}\s*(?:,|-|–|\|)?\s*(?:{_WEEKDAY}\.?,?\s+)?)?(le\s+)?$",
    re.IGNORECASE,
)
# A dateline: a place (a few capitalised words, perhaps a province or state code) and a comma before the
# date, "le" in French ("PARIS, 5 mars 2024", "Paris, le 27 juin 2014", "OTTAWA, ON, le 16 juin 2023"),
# and after the date the end of the line, a dash opening the story, or a wire's tag and a dash
# ("(AFP) -", "/CNW/ -", "(Reuters) —", ", (WAM) —").
_PLACE = re.compile(
    r"[ \t]*[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ýa-zà-ÿ][\w'’.-]*){0,3}"  # the place: "Saint-Denis de La Réunion"
    r"(?:,[ \t]*[A-Z]{2,3}\.?)?,[ \t]*(?:le[ \t]+)?"  # a province or a state ("ON", "NY"), then "le"
)
_AFTER_DATELINE = re.compile(
    rf"[ \t]*(?:{_TIME}[ \t]*)?"
    rf"(?:$|\n|,?[ \t]*(?:\(|/)[A-Za-z][\w.\- ]{{1,24}}(?:\)|/)[ \t]*[-–—:]|[-–—][ \t])"
)
# After a date, what shows that a sentence goes on: a place and a comma ("lundi 5 mars 2024 à Tunis, le
# ministre a déclaré"), or a comma and an article or a pronoun ("Monday, March 5, 2024, the ministry said").
_SENTENCE_GOES_ON = re.compile(
    r"[ \t]*(?:(?:à|in|at)[ \t]+[A-ZÀ-Ý][\w'’-]*[ \t]*,|"
    r",[ \t]*(?:le|la|les|l['’]|un|une|des|il|elle|ils|elles|on|nous|the|a|an|it|we|they|he|she)\b)",
    re.IGNORECASE,
)
_HEAD_CHARS = 260  # a date this close to the top (after the title line) is a byline or a dateline
_ALONE_CHARS = 800  # a date alone on its line this close to the top is the page's date line

# Dates in page addresses, year first: "/2024/03/05/", "-2024-03-05", "/2024_03_05", "/20240305-", the
# same separator twice; with the month's name: "/2024/mar/05/"; a long numeric id that begins with the
# date and the time ("/201701111029536729-") or the date and a serial of four digits or more
# ("/stories/202403050484.html"); a year-and-month folder and a day folder ("/202403/05/"). Day first:
# "-05-03-2024", written together after a dash, an underscore or a slash ("-05032024", "/18112020/"), or
# with the time after it ("+28012026142000"), or as folders ("/05/03/2024/"). A year and a month alone
# ("/2024-03/") give no date.
_URL_DATES = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[/_-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})/(?P<m>{_MONTH})/(?P<d>\d{{1,2}})(?!\d)", re.IGNORECASE),
    re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?!\d)"),
    re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?=(?:[01]\d|2[0-3])[0-5]\d)"),
    re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?=\d{4,}(?!\d))"),
    re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})/(?P<d>\d{2})/"),
    re.compile(r"(?<![\d.])(?P<d>\d{2})(?P<sep>[_-])(?P<m>\d{2})(?P=sep)(?P<y>(?:19|20)\d{2})(?!\d)"),
    re.compile(r"(?<=/)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})(?=/)"),
    re.compile(r"(?<=[/_-])(?P<d>\d{2})(?P<m>\d{2})(?P<y>(?:19|20)\d{2})(?!\d)"),
    re.compile(
        r"(?<=[+/_-])(?P<d>\d{2})(?P<m>\d{2})(?P<y>(?:19|20)\d{2})(?=(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?(?!\d))"
    ),
)
# "/2020/11/5-things-to-know": a month's folder and a numbered title, not 5 November.
_NUMBERED_SLUG = re.compile(r"/\d[-_a-zA-Z]")


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
        value = _date(int(m.group(4)), _MONTHS[m.group(3).lower()], int(m.group(1)))
        if value:
            found.append((value, Evidence(m.group(0), m.start(), m.end())))
    for m in _MONTH_FIRST.finditer(text):
        value = _date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
        if value:
            found.append((value, Evidence(m.group(0), m.start(), m.end())))
    for m in _ISO.finditer(text):
        value = _date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if value:
            found.append((value, Evidence(m.group(0), m.start(), m.end())))
    for m in _NUMERIC.finditer(text):
        first, second = int(m.group(1)), int(m.group(3))
        value = _date(int(m.group(4)), second, first) or _date(int(m.group(4)), first, second)
        if value:
            found.append((value, Evidence(m.group(0), m.start(), m.end())))
    return sorted(found, key=lambda item: item[1].start)


def _short_dates(text: str) -> list[tuple[dt.date, Evidence]]:
    """Dates with a two-digit year ("12/03/24"): read only after a publication cue."""
    found: list[tuple[dt.date, Evidence]] = []
    for m in _NUMERIC_SHORT.finditer(text):
        first, second, year = int(m.group(1)), int(m.group(3)), 2000 + int(m.group(4))
        value = _date(year, second, first) or _date(year, first, second)
        if value:
            found.append((value, Evidence(m.group(0), m.start(), m.end())))
    return found


def date_from_address(address: str) -> tuple[dt.date, Evidence] | None:
    """The first full date in a page address, in the forms sites use (see ``_URL_DATES``)."""
    for pattern in _URL_DATES:
        for m in pattern.finditer(address):
            if _NUMBERED_SLUG.match(address, m.end() - 2):
                continue
            month = m.group("m")
            value = _date(int(m.group("y")), _MONTHS.get(month.lower(), 0) or int(month), int(m.group("d")))
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
        before = _before(text, evidence.start)
        if _has_cue(before) or (
            evidence.start - body_start < _HEAD_CHARS
            and _is_dateline(before)
            and not _SENTENCE_GOES_ON.match(text, evidence.end)
        ):
            return value, evidence
        if evidence.start < _ALONE_CHARS and (
            _alone_on_its_line(text, evidence) or _is_place_dateline(text, evidence)
        ):
            return value, evidence
    for value, evidence in _short_dates(text):
        if _has_cue(_before(text, evidence.start)):
            return value, evidence
    from_address = date_from_address(source) if source else None
    if from_address:
        return from_address[0], None
    return None, None


def _before(text: str, start: int) -> str:
    """The 60 characters before ``start``, after a line break when they begin the text."""
    return ("\n" if start <= 60 else "") + text[max(0, start - 60) : start]


# What a page's date line may hold beside the date: a weekday, a time, "le"/"on", a reading time, a label
# ("Communiqué de presse – 5 mars 2024"), a byline ("By Jane Doe • Mar 5, 2024"), separators; or a bare
# name beside a separator ("Jane Doe | March 5, 2024").
_DATE_LINE_WORDS = re.compile(
    rf"\b{_WEEKDAY}\b\.?|{_TIME}|\b(?:le|on|at|à)\b|\d+\s*min(?:utes?)?\s*(?:read|de lecture)|"
    r"\b(?:press release|news release|communiqué de presse|communiqué)\b|"
    rf"\b(?:by|par)[ \t]+{_NAME}",
    re.IGNORECASE,
)
_BYLINE_LEAD = re.compile(rf"(?:(?:by|par)[ \t]+)?{_NAME}", re.IGNORECASE)
_NAME_BESIDE = re.compile(rf"[^\w]*{_NAME}[ \t]*[|•·/–—-][^\w]*|[^\w]*[|•·/–—-][ \t]*{_NAME}[^\w]*")


def _alone_on_its_line(text: str, evidence: Evidence) -> bool:
    """A date on a line of its own, perhaps with a weekday and a time ("Tue 5 March 2024 | 10:30"): the
    page's date line, wherever the title, byline and captions above it put it."""
    line_start = text.rfind("\n", 0, evidence.start) + 1
    line_end = text.find("\n", evidence.end)
    rest = text[line_start : evidence.start] + " " + text[evidence.end : line_end if line_end >= 0 else None]
    rest = _DATE_LINE_WORDS.sub(" ", rest)
    return not re.search(r"\w", rest) or bool(_NAME_BESIDE.fullmatch(rest))


def _has_cue(before: str) -> bool:
    """Words announcing the publication date end ``before``, and they open their line or follow a
    separator, a byline or a name ("Jane Doe, published on", "Par Jeanne Petit | Publié le"), or speak of
    the page itself ("This article was first published on"): "the rules were updated on 5 March" in a
    sentence dates an event. "Ce jour", "ce lundi", "today", "on Tuesday" before a date in brackets name
    the day of the release wherever they stand ("se sont réunis ce jour (14 juillet 2022)"); without the
    brackets, inside a sentence, they date what was said or done ("la RTS a déclaré ce mardi 8 octobre
    2024, ..." on a page of the next day)."""
    cue = _PUBLISHED.search(before)
    if cue is None:
        return False
    lead = "" if cue.group(0).startswith("\n") else before[: cue.start()].rsplit("\n", 1)[-1].strip()
    if re.search(r"[»\"”]\s*,?$", lead):
        return False  # "son « Panorama de la cybermenace », publié le 24 janvier": the quoted work's date
    if re.match(r"ce\b|today|on\b", cue.group(1), re.IGNORECASE):  # "..., ce mercredi 19 décembre": an event
        return not lead or before.rstrip().endswith("(")
    return (
        not lead
        or lead[-1] in "|•·,;:.–—-()[]"
        or bool(_BYLINE_LEAD.fullmatch(lead))
        or bool(re.search(r"\b(?:article|story|post|page|billet|dépêche)\b", lead, re.IGNORECASE))
    )


# Lower-case words of a clause right before a date ("Une convention a été signée mercredi 5 mars 2024"):
# a dateline holds a place, a wire's tag, a weekday, "le" or "on" after its last separator, not a clause
# ("Par la rédaction, 5 mars 2024" and "Rubrique : économie et finance | 5 mars 2024" are date lines).
_SENTENCE_WORD = re.compile(
    rf"(?<![\w'’-])(?!(?:{_WEEKDAY}|le|on|at|the)\b)(?-i:[a-zà-ÿ])[\w'’-]+", re.IGNORECASE
)


def _is_dateline(before: str) -> bool:
    """A date at the top stands alone or after a place and a dash or comma, not inside a sentence: "Le 5
    mars 2024, le ministre a signé", "On 5 March 2024, the navy", "By 5 March 2024" open sentences, and
    "a déclaré ce mardi 5 mars 2024" ends one (a line that opens with "Ce mardi" has its own cue), and so
    does a clause before it ("Une convention a été signée mercredi 5 mars 2024 entre ..."). A date
    in brackets after words ("a ouvert à Lille (5 mars 2024)") is inside a sentence too, and a date after
    "Source :" dates the source quoted ("Source : MÉI, 05-03-2024"), not the page."""
    line = before.rsplit("\n", 1)[-1]
    if line.rstrip().endswith("(") or re.match(r"\s*sources?\s*:", line, re.IGNORECASE):
        return False
    if len(_SENTENCE_WORD.findall(re.split(r"[|•·,;:–—()\[\]]| - ", line)[-1])) >= 2:
        return False
    return len(line.strip()) < 40 and not re.search(
        rf"\b(le|du|au|ce|depuis|since|until|from|on|by|in|this|before|after|avant|après)\s*(?:{_WEEKDAY}\.?,?\s*)?$",
        line,
        re.IGNORECASE,
    )


def _is_place_dateline(text: str, evidence: Evidence) -> bool:
    """A place, a comma and the date opening a line, the line ending there or a dash or a wire's tag
    following: the dateline of a press release or a wire story."""
    line = text[text.rfind("\n", 0, evidence.start) + 1 : evidence.start]
    return bool(_PLACE.fullmatch(line) and _AFTER_DATELINE.match(text, evidence.end))
