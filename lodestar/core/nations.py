"""Nations of the alliance and the wider world, with names in both official languages.

Codes are ISO 3166-1 alpha-2. Only the nations the platform meets are listed; membership is a
default of each call (its eligible nations), never a rule written into code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

NATION_NAMES = {
    "AL": _("Albania"),
    "BE": _("Belgium"),
    "BG": _("Bulgaria"),
    "CA": _("Canada"),
    "HR": _("Croatia"),
    "CZ": _("Czechia"),
    "DK": _("Denmark"),
    "EE": _("Estonia"),
    "FI": _("Finland"),
    "FR": _("France"),
    "DE": _("Germany"),
    "GR": _("Greece"),
    "HU": _("Hungary"),
    "IS": _("Iceland"),
    "IT": _("Italy"),
    "LV": _("Latvia"),
    "LT": _("Lithuania"),
    "LU": _("Luxembourg"),
    "ME": _("Montenegro"),
    "NL": _("Netherlands"),
    "MK": _("North Macedonia"),
    "NO": _("Norway"),
    "PL": _("Poland"),
    "PT": _("Portugal"),
    "RO": _("Romania"),
    "SK": _("Slovakia"),
    "SI": _("Slovenia"),
    "ES": _("Spain"),
    "SE": _("Sweden"),
    "TR": _("Türkiye"),
    "GB": _("United Kingdom"),
    "US": _("United States"),
    # Partners and others that appear as shareholders, partners or applicants.
    "JP": _("Japan"),
    "AU": _("Australia"),
    "NZ": _("New Zealand"),
    "KR": _("South Korea"),
    "CH": _("Switzerland"),
    "AT": _("Austria"),
    "IE": _("Ireland"),
    "UA": _("Ukraine"),
    "IL": _("Israel"),
    "CN": _("China"),
    "RU": _("Russia"),
    "IN": _("India"),
    "SG": _("Singapore"),
    "AE": _("United Arab Emirates"),
    "BR": _("Brazil"),
    "MT": _("Malta"),
    "CY": _("Cyprus"),
    "GE": _("Georgia"),
    "MD": _("Moldova"),
    "BA": _("Bosnia and Herzegovina"),
    "RS": _("Serbia"),
}

MEMBER_NATIONS = (
    *("AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT", "LV"),
    *("LT", "LU", "ME", "NL", "MK", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR", "GB", "US"),
)

# For model fields (validation and display); forms list `nation_choices()`, sorted in the reader's language.
NATION_CHOICES = sorted(NATION_NAMES.items(), key=lambda item: str(item[1]))


def nation_name(code: str) -> str:
    return str(NATION_NAMES.get(code, code))


def sort_key(text: str) -> str:
    """Order names as a reader expects in English and French: accents and case do not count, so
    "Émirats arabes unis" comes before "Espagne" and not after "Turquie"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def nation_choices(codes: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(code, name) pairs, named and sorted in the active language: a form's list of nations."""
    chosen = NATION_NAMES if codes is None else codes
    named = [(code, nation_name(code)) for code in chosen]
    return sorted(named, key=lambda item: sort_key(item[1]))


def nation_choices_or_none() -> list[tuple[str, str]]:
    """The same with an empty first choice, for an optional or not yet chosen nation (a callable, so
    that a form class built once still lists the names in each reader's language)."""
    return [("", "---------"), *nation_choices()]
