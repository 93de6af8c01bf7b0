"""Nations named in a text, as ISO 3166 alpha-2 codes, from their names and adjectives in English and French.

Country names come from Babel (the Unicode CLDR territory names in ``en`` and ``fr``), so they are not
typed here. CLDR has no adjectives or demonyms ("japonais", "Latvian") and only the official short names,
so this module adds what the news actually writes: adjectives in both languages (the French ones in
their four forms, derived from the masculine), common short names and abbreviations (US, UK, Britain,
"Etats-Unis" without its accent), constituent countries (Wales, Scotland: GB) and groups ("the Baltic
states", "les pays baltes": EE, LV, LT).

Names are matched case-sensitively (``Chad`` the country is written with a capital; "us" is not the
US). A few CLDR names are left out because in defence news they are mostly something else: Georgia (a
US state as often as the country), Jersey, Jordan (a first name), Man, Niger (usually the river).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from lodestar.engine.reading.evidence import Evidence

# Codes in CLDR that are not nations (the EU, the euro area, the UN, pseudo-regions, unknown).
_NOT_NATIONS = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ", "IC", "EA", "CP", "DG", "TA", "AC"}
_AMBIGUOUS = {"Georgia", "Jersey", "Jordan", "Man", "Isle of Man", "Niger", "Guernsey", "Chad", "Nice"}

# Common names CLDR does not give (as written in the press), by code.
_EXTRA_NAMES = {
    "US": "US, U.S., USA, U.S.A., America, United States of America, Etats-Unis, Etats Unis, Amérique, E.-U.",
    "GB": "UK, U.K., Britain, Great Britain, England, Scotland, Wales, Northern Ireland, Grande-Bretagne, "
    "Angleterre, Ecosse, Écosse, Pays de Galles, Royaume Uni",
    "RU": "Russian Federation, Fédération de Russie",
    "KR": "Republic of Korea, République de Corée",
    "KP": "Democratic People's Republic of Korea",
    "CZ": "Czech Republic, République tchèque",
    "TR": "Turkey",
    "NL": "Holland, the Netherlands",
    "CN": "People's Republic of China, République populaire de Chine",
    "TW": "Taïwan",
    "AE": "UAE, Emirates, Emirats arabes unis",
    "IR": "Iran",
    "SY": "Syria, Syrie",
    "VN": "Vietnam",
    "CI": "Ivory Coast",
}

# Adjectives and demonyms (CLDR has none). English: as written, capitalised. French: the masculine
# singular; the feminine and plural forms are derived (-ien/-ienne, -ais/-aise, -ain/-aine, ... + s).
_ADJECTIVES_EN = {
    "US": "American, Americans",
    "GB": "British, Briton, Britons, Welsh, Scottish, Scots",
    "FR": "French, Frenchman",
    "DE": "German, Germans",
    "RU": "Russian, Russians",
    "CN": "Chinese",
    "UA": "Ukrainian, Ukrainians",
    "JP": "Japanese",
    "IT": "Italian, Italians",
    "ES": "Spanish",
    "PL": "Polish, Pole, Poles",
    "NL": "Dutch",
    "BE": "Belgian, Belgians",
    "CA": "Canadian, Canadians",
    "EE": "Estonian, Estonians",
    "LV": "Latvian, Latvians",
    "LT": "Lithuanian, Lithuanians",
    "FI": "Finnish, Finn, Finns",
    "SE": "Swedish, Swede, Swedes",
    "NO": "Norwegian, Norwegians",
    "DK": "Danish, Dane, Danes",
    "TR": "Turkish, Turk, Turks",
    "GR": "Greek, Greeks",
    "PT": "Portuguese",
    "RO": "Romanian, Romanians",
    "BG": "Bulgarian, Bulgarians",
    "HU": "Hungarian, Hungarians",
    "CZ": "Czech, Czechs",
    "SK": "Slovak, Slovakian",
    "SI": "Slovenian, Slovene",
    "HR": "Croatian, Croat",
    "AL": "Albanian",
    "ME": "Montenegrin",
    "MK": "Macedonian",
    "IS": "Icelandic",
    "LU": "Luxembourgish",
    "IL": "Israeli, Israelis",
    "IR": "Iranian, Iranians",
    "IN": "Indian",
    "PK": "Pakistani",
    "AU": "Australian, Australians",
    "KR": "South Korean, South Koreans",
    "KP": "North Korean, North Koreans",
    "CH": "Swiss",
    "AT": "Austrian",
    "IE": "Irish",
    "TW": "Taiwanese",
    "SA": "Saudi",
    "AE": "Emirati",
    "EG": "Egyptian",
    "SY": "Syrian",
    "IQ": "Iraqi",
    "AF": "Afghan",
    "BY": "Belarusian",
    "MD": "Moldovan",
    "RS": "Serbian",
    "BR": "Brazilian",
    "MX": "Mexican",
    "NZ": "New Zealander",
    "ZA": "South African",
    "NG": "Nigerian",
    "DZ": "Algerian",
    "MA": "Moroccan",
    "TN": "Tunisian",
    "ML": "Malian",
    "LY": "Libyan",
    "QA": "Qatari",
    "SG": "Singaporean",
    "VN": "Vietnamese",
    "TH": "Thai",
    "ID": "Indonesian",
    "PH": "Filipino",
    "KZ": "Kazakh",
    "AM": "Armenian",
    "AZ": "Azerbaijani",
}
_ADJECTIVES_FR = {
    "US": "américain, étasunien",
    "GB": "britannique, anglais, écossais, gallois",
    "FR": "français",
    "DE": "allemand",
    "RU": "russe",
    "CN": "chinois",
    "UA": "ukrainien",
    "JP": "japonais",
    "IT": "italien",
    "ES": "espagnol",
    "PL": "polonais",
    "NL": "néerlandais",
    "BE": "belge",
    "CA": "canadien",
    "EE": "estonien",
    "LV": "letton",
    "LT": "lituanien",
    "FI": "finlandais",
    "SE": "suédois",
    "NO": "norvégien",
    "DK": "danois",
    "TR": "turc",
    "GR": "grec",
    "PT": "portugais",
    "RO": "roumain",
    "BG": "bulgare",
    "HU": "hongrois",
    "CZ": "tchèque",
    "SK": "slovaque",
    "SI": "slovène",
    "HR": "croate",
    "AL": "albanais",
    "ME": "monténégrin",
    "MK": "macédonien",
    "IS": "islandais",
    "LU": "luxembourgeois",
    "IL": "israélien",
    "IR": "iranien",
    "IN": "indien",
    "PK": "pakistanais",
    "AU": "australien",
    "KR": "sud-coréen",
    "KP": "nord-coréen",
    "CH": "suisse",
    "AT": "autrichien",
    "IE": "irlandais",
    "TW": "taïwanais",
    "SA": "saoudien",
    "AE": "émirien",
    "EG": "égyptien",
    "SY": "syrien",
    "IQ": "irakien",
    "AF": "afghan",
    "BY": "biélorusse",
    "MD": "moldave",
    "RS": "serbe",
    "BR": "brésilien",
    "MX": "mexicain",
    "DZ": "algérien",
    "MA": "marocain",
    "TN": "tunisien",
    "ML": "malien",
    "LY": "libyen",
    "QA": "qatari",
    "SG": "singapourien",
    "VN": "vietnamien",
    "NG": "nigérian",
    "ZA": "sud-africain",
    "NZ": "néo-zélandais",
    "KZ": "kazakh",
    "AM": "arménien",
}
_GROUPS = {
    "Baltic states": ("EE", "LV", "LT"),
    "Baltic countries": ("EE", "LV", "LT"),
    "Baltic nations": ("EE", "LV", "LT"),
    "pays baltes": ("EE", "LV", "LT"),
    "États baltes": ("EE", "LV", "LT"),
    "Etats baltes": ("EE", "LV", "LT"),
}


def french_forms(masculine: str) -> list[str]:
    """The four forms of a French adjective of nationality: japonais, japonaise, japonaises..."""
    if masculine.endswith("e"):
        return [masculine, masculine + "s"]
    if masculine.endswith("ien"):
        feminine = masculine + "ne"
    elif masculine == "turc":
        feminine = "turque"
    elif masculine == "grec":
        feminine = "grecque"
    else:
        feminine = masculine + "e"
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    return [masculine, feminine, plural, feminine + "s"]


@dataclass(frozen=True)
class NationMention:
    code: str
    evidence: tuple[Evidence, ...]


def _names() -> dict[str, tuple[str, ...]]:
    """Every written form (name, abbreviation, adjective) to the codes it names."""
    forms: dict[str, tuple[str, ...]] = {}
    for language in ("en", "fr"):
        for code, name in Locale(language).territories.items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_NATIONS:
                continue
            name = name.split(" (")[0]
            if name not in _AMBIGUOUS:
                forms[name] = (code,)
    for table in (_EXTRA_NAMES, _ADJECTIVES_EN):
        for code, written in table.items():
            for form in written.split(","):
                forms[form.strip()] = (code,)
    for code, written in _ADJECTIVES_FR.items():
        for form in written.split(","):
            for inflected in french_forms(form.strip()):
                forms[inflected] = (code,)
                forms[inflected[0].upper() + inflected[1:]] = (code,)
    forms.update(_GROUPS)
    return forms


_COMPOUND_TAILS = "(?:based|made|built|led|owned|born|backed|funded|headquartered)"


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    forms = _names()
    alternatives = sorted(forms, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in alternatives)
    # Not inside a longer word or a hyphenated compound's middle ("UK-based" names the UK, though); "U.S."
    # may end on its dot; "US$" is a currency.
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w$]|-(?!{_COMPOUND_TAILS}\b)\w)"), forms


def nation_forms() -> list[str]:
    """Every written form of a nation this module knows (names, abbreviations, adjectives)."""
    return list(_pattern()[1])


# "en français", "in French": the language, not the nation.
_LANGUAGE_BEFORE = re.compile(r"(?:\ben|\bin|\bfrom|\binto|\bparle|\bspeak)\s+$", re.IGNORECASE)
_LANGUAGE_FORMS = {
    "français",
    "anglais",
    "allemand",
    "russe",
    "chinois",
    "espagnol",
    "italien",
    "French",
    "English",
    "German",
    "Russian",
    "Chinese",
    "Spanish",
    "Italian",
}


def find_nations(text: str) -> tuple[NationMention, ...]:
    """The nations ``text`` names, sorted by code, each with every place that names it."""
    pattern, forms = _pattern()
    found: dict[str, list[Evidence]] = {}
    for m in pattern.finditer(text):
        words = m.group(0)
        if words in _LANGUAGE_FORMS and _LANGUAGE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        for code in forms[words]:
            found.setdefault(code, []).append(Evidence(words, m.start(), m.end()))
    return tuple(NationMention(code, tuple(ev)) for code, ev in sorted(found.items()))
