"""The demo's network of centres: 23 accelerator sites and 182 test centres in 28 nations
(shared/FACTS.md, March 2024), described in English and French, and a year of bookings.

Deterministic (one seeded generator). Centres, capabilities, allowances and bookings are made with
bulk_create: the bookings are loaded in their final states, which the booking workflow allows as
initial states for this purpose, with their held days checked against each centre's capacity here
(so the (centre, day, slot) constraint holds) and no audit events (a loaded history, not decisions).
Demand is skewed, as reported: a few popular ranges are busy and most centres are under-used.
"""

from __future__ import annotations

import random
import unicodedata
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from lodestar.accelerator.models import (
    Allowance,
    Blackout,
    Booking,
    BookingDay,
    Capability,
    Centre,
    CentreKind,
)
from lodestar.accelerator.opening import open_days
from lodestar.accelerator.workflow import BookingStatus
from lodestar.accounts.actions import do_grant_roles, do_revoke_role
from lodestar.core.models import EdtArea
from lodestar.core.roles import Role, Scope, ScopeKind
from lodestar.organisations.models import Organisation

SITES = 23
TEST_CENTRES = 182
WEBSITE = "https://{slug}.network.example"
DAYS_A_YEAR = 90  # each cohort company's test-day allowance

# 28 nations with their cities, their languages and a share of the network (FACTS.md: 28 nations).
NATIONS: dict[str, tuple[tuple[str, ...], str, int]] = {
    "US": (("Huntsville", "San Diego", "Dayton", "Aberdeen", "Albuquerque", "Norfolk"), "en", 20),
    "GB": (("Portsmouth", "Salisbury", "Farnborough", "Bristol", "Glasgow"), "en", 14),
    "FR": (("Toulon", "Bourges", "Brest", "Toulouse", "Rennes", "Biscarrosse"), "fr,en", 14),
    "DE": (("Kiel", "Meppen", "Munich", "Bremen", "Koblenz"), "de,en", 14),
    "IT": (("La Spezia", "Turin", "Rome", "Salto di Quirra"), "it,en", 10),
    "CA": (("Valcartier", "Halifax", "Ottawa", "Suffield"), "en,fr", 10),
    "NO": (("Kjeller", "Andøya", "Bergen", "Trondheim"), "no,en", 8),
    "PL": (("Warsaw", "Gdynia", "Dęblin", "Kraków"), "pl,en", 8),
    "ES": (("Madrid", "Cartagena", "Seville", "Torrejón"), "es,en", 8),
    "NL": (("The Hague", "Den Helder", "Delft", "Eindhoven"), "nl,en", 7),
    "TR": (("Ankara", "Istanbul", "İzmir"), "tr,en", 6),
    "SE": (("Linköping", "Karlskrona", "Vidsel"), "sv,en", 6),
    "DK": (("Copenhagen", "Aalborg", "Odense"), "da,en", 5),
    "FI": (("Tampere", "Helsinki", "Oulu"), "fi,sv,en", 5),
    "BE": (("Brussels", "Mons", "Leuven"), "fr,nl,en", 5),
    "CZ": (("Brno", "Prague", "Vyškov"), "cs,en", 4),
    "PT": (("Lisbon", "Porto", "Beja"), "pt,en", 4),
    "RO": (("Bucharest", "Constanța", "Cluj-Napoca"), "ro,en", 4),
    "GR": (("Athens", "Thessaloniki", "Souda"), "el,en", 4),
    "EE": (("Tallinn", "Tartu"), "et,en", 3),
    "LT": (("Vilnius", "Kaunas"), "lt,en", 3),
    "LV": (("Riga", "Ādaži"), "lv,en", 3),
    "HU": (("Budapest", "Győr"), "hu,en", 3),
    "SK": (("Bratislava", "Košice"), "sk,en", 3),
    "BG": (("Sofia", "Varna"), "bg,en", 3),
    "HR": (("Zagreb", "Split"), "hr,en", 2),
    "SI": (("Ljubljana", "Maribor"), "sl,en", 2),
    "IS": (("Reykjavík", "Keflavík"), "is,en", 2),
}

TIME_ZONES = {
    "US": "America/New_York",
    "GB": "Europe/London",
    "CA": "America/Toronto",
    "PT": "Europe/Lisbon",
    "FI": "Europe/Helsinki",
    "EE": "Europe/Tallinn",
    "LT": "Europe/Vilnius",
    "LV": "Europe/Riga",
    "RO": "Europe/Bucharest",
    "GR": "Europe/Athens",
    "BG": "Europe/Sofia",
    "TR": "Europe/Istanbul",
    "IS": "Atlantic/Reykjavik",
}

# What a test centre offers: (EDT area, kind of facility EN, FR, what a company does there EN, FR).
FACILITIES = (
    (
        "autonomy",
        "Unmanned systems test range",
        "Champ d'essais de systèmes sans pilote",
        "Fly and drive uncrewed aircraft and ground robots beyond line of sight in segregated airspace.",
        "Faire voler et rouler drones et robots terrestres hors vue directe dans un espace aérien réservé.",
    ),
    (
        "autonomy",
        "Maritime autonomy test area",
        "Zone d'essais d'autonomie maritime",
        "Sea trials of surface and underwater drones with instrumented buoys and a support vessel.",
        "Essais en mer de drones de surface et sous-marins avec bouées instrumentées et navire d'appui.",
    ),
    (
        "networks",
        "Electromagnetic compatibility chamber",
        "Chambre de compatibilité électromagnétique",
        "Anechoic chamber for emissions, susceptibility and antenna measurements up to 40 GHz.",
        "Chambre anéchoïque pour mesures d'émission, de susceptibilité et d'antennes jusqu'à 40 GHz.",
    ),
    (
        "networks",
        "Tactical communications laboratory",
        "Laboratoire de communications tactiques",
        "Radio and 5G test network with jamming and degraded links for resilient communications.",
        "Réseau d'essai radio et 5G avec brouillage et liaisons dégradées, "
        "pour des communications résilientes.",
    ),
    (
        "cyber",
        "Cyber range",
        "Cyber-champ de tir",
        "Isolated replica networks of military and industrial systems for red-team exercises.",
        "Répliques isolées de réseaux militaires et industriels pour des exercices d'équipe rouge.",
    ),
    (
        "energy",
        "Energy and power test bench",
        "Banc d'essai énergie et puissance",
        "Batteries, fuel cells and microgrids under climatic and load cycles, up to 500 kW.",
        "Batteries, piles à combustible et micro-réseaux sous cycles climatiques et de charge, "
        "jusqu'à 500 kW.",
    ),
    (
        "materials",
        "Materials and additive manufacturing laboratory",
        "Laboratoire de matériaux et de fabrication additive",
        "Metal and composite printing, ballistic coupons and non-destructive inspection.",
        "Impression métal et composite, éprouvettes balistiques et contrôle non destructif.",
    ),
    (
        "space",
        "Space environment test facility",
        "Installation d'essais en environnement spatial",
        "Thermal vacuum, vibration and radiation tests for small satellites and payloads.",
        "Essais de vide thermique, de vibration et de rayonnement pour petits satellites et charges utiles.",
    ),
    (
        "ai",
        "Sensor data and AI evaluation laboratory",
        "Laboratoire d'évaluation de l'IA et des capteurs",
        "Labelled radar, optical and acoustic datasets and a GPU cluster to evaluate detection models.",
        "Jeux de données radar, optiques et acoustiques annotés et grappe de GPU "
        "pour évaluer des modèles de détection.",
    ),
    (
        "biotech",
        "Human performance laboratory",
        "Laboratoire de performance humaine",
        "Climatic chambers and physiological monitoring for wearables and protective equipment.",
        "Chambres climatiques et suivi physiologique pour équipements portés et de protection.",
    ),
    (
        "quantum",
        "Quantum sensing laboratory",
        "Laboratoire de capteurs quantiques",
        "Magnetically shielded rooms and reference clocks for quantum navigation and timing.",
        "Salles blindées magnétiquement et horloges de référence "
        "pour la navigation et la synchronisation quantiques.",
    ),
    (
        "hypersonics",
        "High-speed wind tunnel",
        "Soufflerie à grande vitesse",
        "Supersonic and hypersonic runs for aerodynamic and thermal protection models.",
        "Essais supersoniques et hypersoniques de maquettes aérodynamiques et de protections thermiques.",
    ),
    (
        "data",
        "Secure data centre test bed",
        "Plateforme d'essai de centre de données sécurisé",
        "Accredited enclave for edge computing and data sharing across classification levels.",
        "Enclave accréditée pour le calcul en périphérie et le partage de données "
        "entre niveaux de classification.",
    ),
)

SITE_TEXT = (
    "Accelerator site: training, mentoring by defence and industry experts, access to investors and "
    "to the nation's end users, and desks for a visiting team.",
    "Site d'accélération : formation, mentorat par des experts de la défense et de l'industrie, accès aux "
    "investisseurs et aux utilisateurs finaux de la nation, et postes de travail pour une équipe en visite.",
)


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower().translate(SPECIAL))
    cleaned = "".join(
        c if c.isascii() and c.isalnum() else "-" for c in plain if not unicodedata.combining(c)
    )
    return "-".join(part for part in cleaned.split("-") if part)


SPECIAL = str.maketrans({"ø": "o", "æ": "ae", "ł": "l", "ı": "i", "đ": "d", "ß": "ss"})


def _spread(total: int) -> list[str]:
    """`total` nations drawn in proportion to each nation's share, every nation at least once."""
    weights = {code: share for code, (_c, _l, share) in NATIONS.items()}
    scale = total / sum(weights.values())
    counts = {code: max(1, round(w * scale)) for code, w in weights.items()}
    order = sorted(weights, key=lambda c: -weights[c])
    n = 0
    while sum(counts.values()) != total:
        code = order[n % len(order)]
        if sum(counts.values()) > total and counts[code] > 1:
            counts[code] -= 1
        elif sum(counts.values()) < total:
            counts[code] += 1
        n += 1
    return [code for code in order for _ in range(counts[code])]


def build(seed: int, companies: list[Organisation], operator_login: Any, now: datetime) -> tuple[int, int]:
    """Create the network and a year of bookings; returns (centres, bookings)."""
    rng = random.Random(seed)
    areas = EdtArea.objects.in_bulk(field_name="code")
    site_nations = sorted(NATIONS, key=lambda c: -NATIONS[c][2])[:SITES]
    plan = [(CentreKind.SITE, code) for code in site_nations]
    plan += [(CentreKind.TEST_CENTRE, code) for code in _spread(TEST_CENTRES)]
    operators: list[Organisation] = []
    centres: list[Centre] = []
    slugs: set[str] = set()
    for n, (kind, nation) in enumerate(plan):
        cities, languages, _share = NATIONS[nation]
        city = cities[n % len(cities)]
        facility = FACILITIES[rng.randrange(len(FACILITIES))]
        name = (
            f"{city} accelerator site"
            if kind == CentreKind.SITE
            else f"{city} {facility[1][0].lower()}{facility[1][1:]}"
        )
        slug = _slug(name)
        while slug in slugs:
            slug = f"{_slug(name)}-{len(slugs)}"
        slugs.add(slug)
        what = "innovation hub" if kind == CentreKind.SITE else "test and evaluation centre"
        operators.append(
            Organisation(
                legal_name=f"{city} {what} ({nation})",
                headquarters_nation=nation,
                kind="government" if rng.random() < 0.7 else "research",
                year_founded=rng.randint(1950, 2015),
                employees=rng.randint(20, 900),
                website=WEBSITE.format(slug=slug),
            )
        )
        capacity = 1 if kind == CentreKind.TEST_CENTRE and rng.random() < 0.55 else rng.randint(2, 4)
        centres.append(
            Centre(
                kind=kind,
                slug=slug,
                name=name[0].upper() + name[1:],
                nation=nation,
                city=city,
                time_zone=TIME_ZONES.get(nation, "Europe/Brussels"),
                languages=languages,
                description_en=SITE_TEXT[0] if kind == CentreKind.SITE else facility[3],
                description_fr=SITE_TEXT[1] if kind == CentreKind.SITE else facility[4],
                capacity=capacity,
                open_weekdays="01234" if rng.random() < 0.9 else "012345",
                min_notice_days=rng.choice((3, 7, 14, 21)),
                max_days=rng.choice((2, 3, 5, 10)),
                needs_approval=rng.random() < 0.7,
            )
        )
    operators = Organisation.objects.bulk_create(operators)
    for centre, operator in zip(centres, operators, strict=True):
        centre.operator = operator
    centres = Centre.objects.bulk_create(centres)
    capabilities = []
    for centre in centres:
        picks = rng.sample(FACILITIES, 3 if centre.kind == CentreKind.SITE else rng.randint(1, 3))
        for area, en, fr, text_en, text_fr in picks:
            capabilities.append(
                Capability(
                    centre=centre,
                    area=areas[area],
                    name_en=en,
                    name_fr=fr,
                    description_en=text_en,
                    description_fr=text_fr,
                )
            )
    Capability.objects.bulk_create(capabilities)
    blackouts = _blackouts(rng, centres, now.date())
    # The demo operator keeps three French centres (the global grant of the demo logins is narrowed).
    do_revoke_role(operator_login, Role.CENTRE_OPERATOR)
    for centre in [c for c in centres if c.nation == "FR"][:3]:
        do_grant_roles(operator_login, Role.CENTRE_OPERATOR, scope=Scope.of(ScopeKind.CENTRE, centre.pk))
    bookings = _bookings(rng, centres, companies, now.date(), blackouts)
    return len(centres), bookings


BLACKOUT_REASONS = (
    ("Annual maintenance", "Maintenance annuelle"),
    ("National exercise", "Exercice national"),
    ("Range recertification", "Recertification du champ d'essais"),
)


def _blackouts(rng: random.Random, centres: list[Centre], today: date) -> dict[int, list[Blackout]]:
    """One closure of a week or two at about one centre in six, over the demo's year."""
    rows = []
    for centre in centres:
        if rng.random() < 1 / 6:
            starts_on = today + timedelta(days=rng.randint(-250, 80))
            en, fr = rng.choice(BLACKOUT_REASONS)
            rows.append(
                Blackout(
                    centre=centre,
                    starts_on=starts_on,
                    ends_on=starts_on + timedelta(days=rng.randint(4, 13)),
                    reason_en=en,
                    reason_fr=fr,
                )
            )
    by_centre: dict[int, list[Blackout]] = defaultdict(list)
    for blackout in Blackout.objects.bulk_create(rows):
        by_centre[blackout.centre_id].append(blackout)
    return by_centre


def _bookings(
    rng: random.Random,
    centres: list[Centre],
    companies: list[Organisation],
    today: date,
    blackouts: dict[int, list[Blackout]],
) -> int:
    """A year of bookings: the last nine months and the next three, by the cohort's companies."""
    years = {today.year - 1, today.year, today.year + 1}
    Allowance.objects.bulk_create(
        Allowance(organisation=c, year=y, days=DAYS_A_YEAR) for c in companies for y in years
    )
    test_centres = [c for c in centres if c.kind == CentreKind.TEST_CENTRE]
    # Zipf-like popularity: a handful of ranges draw most of the demand.
    weights = [1.0 / (rank + 1) ** 1.2 for rank in range(len(test_centres))]
    rng.shuffle(weights)
    taken: dict[tuple[int, date], set[int]] = defaultdict(set)
    drawn: dict[tuple[int, int], int] = defaultdict(int)
    rows: list[tuple[Booking, dict[date, int]]] = []
    start = today - timedelta(days=270)
    for company in companies:
        for _n in range(rng.randint(15, 30)):
            centre = rng.choices(test_centres, weights)[0]
            first = start + timedelta(days=rng.randrange(365))
            last = first + timedelta(days=rng.randint(0, centre.max_days) + 2)
            days = open_days(centre, first, last, blackouts[centre.pk])
            days = days[: rng.randint(1, centre.max_days)]
            if not days or drawn[(company.pk, days[0].year)] + len(days) > DAYS_A_YEAR:
                continue
            slots = {}
            for day in days:
                free = [s for s in range(1, centre.capacity + 1) if s not in taken[(centre.pk, day)]]
                if not free:
                    break
                slots[day] = free[0]
            future = days[0] > today
            if len(slots) < len(days):
                if not future:
                    continue  # a past request that found the day full: long since dropped
                status, slots = BookingStatus.WAITLISTED, {}
            else:
                roll = rng.random()
                if roll < 0.08:
                    status, slots = BookingStatus.CANCELLED, {}
                elif roll < 0.13:
                    status, slots = BookingStatus.REFUSED, {}
                elif future and centre.needs_approval and roll < 0.35:
                    status = BookingStatus.REQUESTED
                else:
                    status = BookingStatus.CONFIRMED
            for day, slot in slots.items():
                taken[(centre.pk, day)].add(slot)
            if status in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED):
                drawn[(company.pk, days[0].year)] += len(days)
            booking = Booking(
                centre=centre,
                organisation=company,
                starts_on=days[0],
                ends_on=days[-1],
                days=len(days),
                status=status,
                purpose=rng.choice(PURPOSES),
            )
            rows.append((booking, slots))
    Booking.objects.bulk_create(booking for booking, _slots in rows)
    BookingDay.objects.bulk_create(
        (
            BookingDay(centre_id=b.centre_id, booking=b, day=day, slot=slot)
            for b, slots in rows
            for day, slot in slots.items()
        ),
        batch_size=2000,
    )
    return len(rows)


PURPOSES = (
    "Field trial of the prototype with an end-user team.",
    "Essais de qualification avant la démonstration aux utilisateurs finaux.",
    "Interference and range measurements.",
    "Endurance run under realistic conditions.",
    "Campagne de mesures pour le jalon de fin de phase 1.",
)


def reset() -> int:
    """Delete the demo's network: its centres, their bookings and operators (the companies'
    allowances and bookings elsewhere go with the companies)."""
    centres = Centre.objects.filter(operator__website__endswith=".network.example")
    Booking.objects.filter(centre__in=centres).delete()
    count = centres.count()
    operators = list(centres.values_list("operator_id", flat=True))
    centres.delete()
    Organisation.objects.filter(pk__in=operators).delete()
    return count
