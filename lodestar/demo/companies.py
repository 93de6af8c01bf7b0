"""Organisations that answer the call: names in the style of their nation, size, history, owners."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from lodestar.demo import names
from lodestar.demo.grammar import email_part, pick, sentence, slugify, typeset
from lodestar.demo.names import Person
from lodestar.demo.topics import SETTINGS, TOPICS

# How often each member nation appears among applicants. The pilot call's counts (shared/FACTS.md:
# US 215, CA 211, GB 182, PL 77, TR 75, IT 60, NO 43) set the leaders; France, Belgium and
# Luxembourg are raised a little so that the demo has a realistic share of French applications.
MEMBER_WEIGHTS: dict[str, int] = {
    "US": 42,
    "CA": 40,
    "GB": 34,
    "PL": 15,
    "TR": 14,
    "IT": 12,
    "NO": 9,
    "FR": 40,
    "DE": 10,
    "ES": 7,
    "NL": 6,
    "BE": 8,
    "DK": 3,
    "SE": 4,
    "FI": 4,
    "EE": 3,
    "LV": 2,
    "LT": 3,
    "CZ": 3,
    "SK": 1,
    "HU": 2,
    "RO": 4,
    "BG": 2,
    "HR": 1,
    "SI": 1,
    "GR": 3,
    "PT": 3,
    "AL": 1,
    "ME": 1,
    "MK": 1,
    "IS": 1,
    "LU": 4,
}
FRENCH_WEIGHTS: dict[str, int] = {"FR": 40, "CA": 24, "BE": 5, "LU": 4}


def choose_nation(rng: random.Random, *, french: bool | None = None) -> str:
    weights = FRENCH_WEIGHTS if french else MEMBER_WEIGHTS
    if french is False:
        weights = {n: w for n, w in MEMBER_WEIGHTS.items() if n not in names.FRENCH_NATIONS}
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass(frozen=True)
class ShareholderText:
    name: str
    nation: str
    percentage: Decimal


@dataclass(frozen=True)
class OrganisationText:
    legal_name: str
    slug: str  # also the e-mail domain: <slug>.example
    nation: str
    kind: str  # an OrganisationType value
    language: str  # the language the organisation works and applies in
    city: str
    year_founded: int
    employees: int
    website: str
    description: str
    areas: tuple[str, ...]
    challenge: str  # the challenge its main technology answers
    topic: str
    contact: Person
    contact_email: str
    shareholders: tuple[ShareholderText, ...]


_BRAND_HEADS = (
    "Aero",
    "Aqua",
    "Astra",
    "Axi",
    "Cryo",
    "Elec",
    "Ferro",
    "Geo",
    "Helio",
    "Hydro",
    "Lumi",
    "Magne",
    "Nano",
    "Neo",
    "Nord",
    "Opti",
    "Polar",
    "Quanta",
    "Senso",
    "Terra",
    "Thermo",
    "Vecto",
    "Volta",
    "Kestrel",
    "Osprey",
    "Fjord",
    "Aurora",
    "Granite",
    "Cobalt",
    "Argon",
    "Boreal",
    "Meridian",
    "Sentin",
    "Vigil",
    "Orbi",
    "Tessel",
)
_BRAND_TAILS = (
    "lis",
    "nix",
    "tec",
    "ra",
    "vo",
    "ion",
    "gen",
    "tix",
    "sys",
    "wave",
    "core",
    "line",
    "dyne",
    "form",
    "grid",
    "cell",
    "scope",
    "sphere",
    "mind",
    "ium",
    "ara",
    "eon",
)
_FOCUS_WORDS = {
    "energy-and-power": ("Energy", "Power", "Cells", "Hydrogen", "Grid", "Power Systems"),
    "data-and-information-security": ("Security", "Cyber", "Crypto", "Secure Systems", "Data", "Trust"),
    "sensing-and-surveillance": ("Sensing", "Photonics", "Radar", "Vision", "Maritime", "Sensors"),
    "human-health-and-performance": ("Medical", "Health", "Bio", "Life Sciences", "Performance", "Medtech"),
    "critical-infrastructure-and-logistics": (
        "Logistics",
        "Robotics",
        "Mobility",
        "Infrastructure",
        "Additive",
        "Structures",
    ),
}
_GENERIC_WORDS = ("Technologies", "Systems", "Dynamics", "Labs", "Solutions", "Engineering", "Innovations")
_LOCAL_WORDS = {
    "DE": ("Technik", "Systeme"),
    "FR": ("Technologies", "Systèmes", "Ingénierie"),
    "IT": ("Tecnologie", "Sistemi"),
    "ES": ("Tecnologías", "Sistemas"),
    "PL": ("Technologie", "Systemy"),
    "TR": ("Teknoloji", "Savunma", "Sistem"),
    "NO": ("Teknologi", "Systemer"),
    "DK": ("Teknologi",),
    "SE": ("Teknik", "System"),
    "FI": ("Teknologia",),
    "NL": ("Technologie",),
    "PT": ("Tecnologias",),
    "CZ": ("Technologie",),
    "RO": ("Tehnologii",),
}
_FUND_REGIONS = {
    "US": ("Frontier", "Keystone", "Granite State", "Liberty"),
    "CA": ("Maple", "Great Lakes", "Prairie"),
    "GB": ("Thames", "Albion", "Pennine"),
    "PL": ("Vistula", "Baltic Gate"),
    "TR": ("Anatolian", "Bosphorus"),
    "IT": ("Adriatic", "Apennine"),
    "FR": ("Garonne", "Armor", "Seine"),
    "DE": ("Rhine", "Isar"),
    "ES": ("Iberian",),
    "PT": ("Atlantic",),
    "NL": ("Delta",),
    "BE": ("Scheldt", "Meuse"),
    "NO": ("Nordic", "Arctic"),
    "SE": ("Nordic",),
    "DK": ("Nordic",),
    "FI": ("Nordic", "Arctic"),
    "IS": ("Arctic",),
    "EE": ("Baltic",),
    "LV": ("Baltic",),
    "LT": ("Baltic",),
    "CZ": ("Central European",),
    "SK": ("Central European",),
    "HU": ("Danube",),
    "RO": ("Carpathian", "Danube"),
    "BG": ("Black Sea",),
    "GR": ("Aegean",),
    "HR": ("Adriatic",),
    "SI": ("Alpine",),
    "AL": ("Adriatic",),
    "ME": ("Adriatic",),
    "MK": ("Balkan",),
    "LU": ("Moselle",),
    "JP": ("Kanto",),
    "CH": ("Alpine",),
    "AU": ("Southern Cross",),
}
_FUND_SUFFIXES = ("Deep Tech Seed Fund I", "Ventures", "Capital Partners", "Dual-Use Fund II", "Seed Capital")
FOREIGN_INVESTORS = {
    "CN": (
        "Shenzhen Hongyuan Venture Capital Co., Ltd.",
        "Hangzhou Zhiheng Investment Partnership",
        "Beijing Tianrui Technology Holdings Co., Ltd.",
    ),
    "RU": ("Volga Technology Invest LLC", "Severnaya Capital JSC"),
    "SG": ("Lion Gate Ventures Pte. Ltd.", "Marina Bay Deep Tech Pte. Ltd."),
    "AE": ("Gulf Horizon Holdings LLC", "Al Noor Strategic Investments LLC"),
}

_DESCRIPTIONS = {
    ("company", "en"): (
        "{name} develops {tech:a} for {ctx}. Founded in {year} in {city}, the company employs {employees} "
        "people and also serves {market}.",
        "Founded in {city} in {year}, {name} builds {tech:a}. Its {employees} staff work with defence "
        "customers "
        "and with {market}.",
        "{name}, based in {city}, has {employees} people working on {tech}. Since {year} it has helped armed "
        "forces and {market} {goal}.",
    ),
    ("company", "fr"): (
        "{name} développe {tech:un} pour {ctx:le}. Créée en {year} à {city}, la société emploie {employees} "
        "personnes et travaille aussi avec {market:le}.",
        "Implantée à {city} depuis {year}, la société {name} conçoit {tech:un}. Ses {employees} salariés "
        "travaillent pour des clients de défense comme pour {market:le}.",
        "Fondée en {year}, {name} est une entreprise de {employees} personnes basée à {city}, spécialisée "
        "dans "
        "{tech:le}.",
    ),
    ("university", "en"): (
        "The {field} group at {name} works on {tech} and has run projects with {market} and defence "
        "laboratories since {since}.",
    ),
    ("university", "fr"): (
        "Au sein de l'{name}, l'équipe {field_de} travaille sur {tech:le} et mène depuis {since} des "
        "projets avec "
        "{market:le} et des laboratoires de défense.",
    ),
    ("research", "en"): (
        "{name} is a public research institute in {city} with {employees} staff; its applied programme on "
        "{tech} works with {market} and the armed forces.",
    ),
    ("research", "fr"): (
        "Le {name} est un institut public de recherche situé à {city}, qui compte {employees} personnes ; "
        "son "
        "programme appliqué consacré {tech:au} associe {market:le} et les forces armées.",
    ),
    ("large", "en"): (
        "{name} is a group of {employees} employees headquartered in {city}. Its innovation unit develops "
        "{tech} for defence and for {market}.",
    ),
    ("large", "fr"): (
        "{name} est un groupe de {employees} salariés dont le siège est à {city}. Sa cellule d'innovation "
        "développe {tech:le} pour la défense et pour {market:le}.",
    ),
}

_SIZES = {
    "startup": (2, 30),
    "sme": (15, 240),
    "large": (900, 24_000),
    "university": (1_500, 9_000),
    "research": (150, 2_000),
    "nonprofit": (5, 60),
}


def _de(city: str) -> str:
    return f"d'{city}" if city[:1].lower() in "aeiouyhéèêîô" else f"de {city}"


def _company_name(
    rng: random.Random, nation: str, challenge: str, founder: Person, city: str, french: bool
) -> tuple[str, str]:
    """(name without legal form, legal form)."""
    form = names.legal_form(rng, nation, french=french)
    brand = pick(rng, _BRAND_HEADS) + pick(rng, _BRAND_TAILS)
    word = pick(rng, _FOCUS_WORDS[challenge] + _GENERIC_WORDS)
    style = rng.random()
    if style < 0.3:
        base = brand
    elif style < 0.6:
        base = f"{brand} {word}"
    elif style < 0.75 and nation in _LOCAL_WORDS:
        base = f"{brand} {pick(rng, _LOCAL_WORDS[nation])}"
    elif style < 0.88:
        base = f"{founder.last} {word}"
    else:
        base = f"{city} {word}"
    return base, form


def institution_name(rng: random.Random, kind: str, nation: str, city: str, french: bool) -> str:
    if kind == "university":
        if french:
            return f"Institut de technologie appliquée {_de(city)}"
        return f"{city} Institute of Applied Technology"
    if kind == "research":
        return (
            f"Centre de recherche en défense et sécurité {_de(city)}"
            if french
            else (f"{city} Centre for Defence and Security Research")
        )
    if kind == "nonprofit":
        return f"Fondation pour la résilience {_de(city)}" if french else f"{city} Resilience Foundation"
    brand = pick(rng, _BRAND_HEADS) + pick(rng, _BRAND_TAILS)
    return (
        f"Groupe {brand} {names.legal_form(rng, nation, french=french)}"
        if french
        else (
            f"{brand} {pick(rng, ('Group', 'Defence Systems', 'Industries'))} {names.legal_form(rng, nation)}"
        )
    )


def _institution_slug(legal_name: str, city: str) -> str:
    """ "Institut de technologie appliquée de Lyon" -> "ita-lyon": initials of the kind, then the city."""
    kind = legal_name.replace(city, " ")
    small = {"de", "d", "of", "for", "and", "la", "l"}
    initials = "".join(w[0] for w in slugify(kind).split("-") if w and w not in small)
    return f"{initials}-{slugify(city)}"


def _percent(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def _fund_name(rng: random.Random, nation: str) -> str:
    region = pick(rng, _FUND_REGIONS.get(nation, ("Allied",)))
    return f"{region} {pick(rng, _FUND_SUFFIXES)}"


def _shareholders(
    rng: random.Random, kind: str, nation: str, founders: list[Person], foreign_owner: str | None
) -> list[ShareholderText]:
    raw: list[tuple[str, str, float]] = []
    if kind in ("startup", "sme"):
        founders_share = rng.uniform(45, 80) if kind == "startup" else rng.uniform(55, 90)
        cuts = sorted(rng.uniform(0.3, 0.7) for _ in founders[1:])
        bounds = [0.0, *cuts, 1.0]
        for founder, (low, high) in zip(founders, zip(bounds, bounds[1:], strict=False), strict=False):
            raw.append((founder.name, founder.nation, founders_share * (high - low)))
        if rng.random() < 0.7:
            raw.append((_fund_name(rng, nation), nation, rng.uniform(8, 25)))
        if rng.random() < 0.4:
            angel = names.person(rng, nation)
            raw.append((angel.name, nation, rng.uniform(2, 8)))
        if kind == "startup" and rng.random() < 0.5:
            raw.append(("Employee share option pool", nation, rng.uniform(5, 10)))
    elif kind == "large":
        raw.append(("Institutional investors", nation, rng.uniform(35, 55)))
        raw.append(("International institutional investors", "US", rng.uniform(10, 25)))
        raw.append(("Founding family holding", nation, rng.uniform(10, 25)))
    if foreign_owner:
        investor = pick(rng, FOREIGN_INVESTORS[foreign_owner])
        raw.append((investor, foreign_owner, rng.uniform(26, 49)))
    total = sum(p for _, _, p in raw)
    scale = min(1.0, 100 / total) if total else 1.0
    result = [ShareholderText(n, c, _percent(p * scale)) for n, c, p in raw if p * scale >= 0.01]
    return sorted(result, key=lambda s: -s.percentage)


def organisation(
    rng: random.Random,
    nation: str,
    *,
    kind: str = "startup",
    language: str | None = None,
    challenge: str | None = None,
    topic: str | None = None,
    foreign_owner: str | None = None,
    year: int = 2025,
    taken: set[str] | None = None,
) -> OrganisationText:
    """An organisation headquartered in `nation` (any code of names.NATIONS).

    `language` defaults to what is plausible for the nation (French for France, Luxembourg, about
    half of Québec...). `foreign_owner` (CN, RU, SG, AE) gives it a shareholder from that nation
    holding 26-49 %. Slugs already in `taken` are avoided and the new one is added.
    """
    french = language == "fr" if language else names.speaks_french(rng, nation)
    language = "fr" if french else "en"
    challenge = challenge or pick(rng, list(TOPICS))
    chosen = next((t for t in TOPICS[challenge] if t.key == topic), None) or pick(rng, TOPICS[challenge])
    contact = names.person(rng, nation, french=french)
    founders = [contact] + [names.person(rng, nation, french=french) for _ in range(rng.randint(0, 2))]
    for _attempt in range(50):
        city = names.city(rng, nation, language, french=french)
        if kind in ("startup", "sme"):
            base, form = _company_name(rng, nation, challenge, contact, city, french)
            legal_name, slug = f"{base} {form}", slugify(base)
        else:
            legal_name = institution_name(rng, kind, nation, city, french)
            slug = _institution_slug(legal_name, city)
        slug = slug[:40].strip("-")
        if taken is None or slug not in taken:
            break
    if taken is not None:
        if slug in taken:  # fifty near-identical draws: give up on elegance, stay unique
            slug = f"{slug}-{len(taken)}"
        taken.add(slug)
    low, high = _SIZES.get(kind, (5, 50))
    employees = round(rng.triangular(low, high, low + (high - low) / 5))
    age = {"startup": (1, 8), "sme": (6, 35), "large": (30, 120)}.get(kind, (15, 150))
    year_founded = year - rng.randint(*age)
    side = chosen.side(language)
    setting = SETTINGS[challenge].side(language)
    group = {"university": "university", "research": "research", "large": "large"}.get(kind, "company")
    template = pick(rng, _DESCRIPTIONS[(group, language)])
    field = pick(rng, setting.expertise)
    description = template.format(
        name=legal_name,
        tech=pick(rng, side.names),
        ctx=pick(rng, side.contexts),
        year=year_founded,
        city=city,
        employees=employees,
        since=year - rng.randint(3, 20),
        market=pick(rng, setting.markets),
        goal=side.goal,
        field=field,
        field_de=f"d'{field}" if field[:1].lower() in "aeiouyhéèêîô" else f"de {field}",
    )
    areas = list(chosen.areas)
    if rng.random() < 0.4:
        extra = pick(rng, ("ai", "data", "cyber", "materials", "autonomy", "networks", "energy", "space"))
        if extra not in areas:
            areas.append(extra)
    domain = f"{slug}.example"
    return OrganisationText(
        legal_name=legal_name,
        slug=slug,
        nation=nation,
        kind=kind,
        language=language,
        city=city,
        year_founded=year_founded,
        employees=employees,
        website=f"https://{domain}",
        description=typeset(sentence(description), language),
        areas=tuple(areas),
        challenge=challenge,
        topic=chosen.key,
        contact=contact,
        contact_email=f"{email_part(contact.name)}@{domain}",
        shareholders=tuple(_shareholders(rng, kind, nation, founders, foreign_owner)),
    )
