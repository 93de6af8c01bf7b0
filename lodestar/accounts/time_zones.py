"""Time zones as a person picks theirs: by region, then country and city, named in their language.

The list of ~400 IANA names ("America/Argentina/Buenos_Aires") is what the database stores; what a
reader sees is "Amériques > Argentine — Buenos Aires". Babel holds CLDR's names of countries and
cities in both languages, and which country each zone belongs to.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.core import get_global
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from lodestar.accounts.models import time_zone_choices
from lodestar.core.i18n import current_language
from lodestar.core.nations import sort_key

REGIONS = {
    "Europe": _("Europe"),
    "America": _("Americas"),
    "Asia": _("Asia"),
    "Africa": _("Africa"),
    "Australia": _("Australia"),
    "Pacific": _("Pacific"),
    "Atlantic": _("Atlantic"),
    "Indian": _("Indian Ocean"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
}


def label(zone: str, locale: Locale) -> str:
    """ "Belgium — Brussels" (or "Belgique — Bruxelles"): the country, then the zone's city."""
    city = locale.time_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
    territory = get_global("zone_territories").get(zone)
    country = locale.territories.get(territory, "") if territory else ""
    return f"{country} — {city}" if country and country != city else city


@lru_cache(maxsize=4)
def _grouped(language: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    locale = Locale.parse("fr" if language == "fr" else "en")
    groups: dict[str, list[tuple[str, str]]] = {}
    for zone, _name in time_zone_choices():
        region = zone.split("/", 1)[0]
        if region in REGIONS:
            groups.setdefault(region, []).append((zone, label(zone, locale)))
    with override(language):
        named = [(str(REGIONS[region]), zones) for region, zones in groups.items()]
    return tuple(
        (name, tuple(sorted(zones, key=lambda z: sort_key(z[1]))))
        for name, zones in sorted(named, key=lambda g: sort_key(g[0]))
    )


def grouped_time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices for a form: one group per region, zones sorted by country and city, in the reader's
    language (a callable, so a form built once still speaks each reader's language)."""
    return [(region, list(zones)) for region, zones in _grouped(current_language())]
