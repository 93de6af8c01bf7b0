"""Bilingual defence-technology news written for the demo and the radar's speed bench (deterministic).

``news_items(count, seed, start_year, end_year, words)`` gives ``NewsItem``s in English and French in
turn: a title line, a dateline with the publication date, then paragraphs built from varied sentence
templates naming an EDT area's technologies, nations, organisations, people and sums of money. Each
area's weight drifts over the years, so the demo's trends have something to show (quantum and
hypersonics rise, for example). Pure Python, no Django: the bench imports it without a database.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

AREA_TERMS = {
    "ai": (
        [
            "artificial intelligence",
            "machine learning",
            "computer vision",
            "large language models",
            "decision support",
            "explainable AI",
        ],
        [
            "l'intelligence artificielle",
            "l'apprentissage automatique",
            "la vision par ordinateur",
            "les grands modèles de langage",
            "l'aide à la décision",
            "l'IA explicable",
        ],
    ),
    "autonomy": (
        [
            "drone swarms",
            "unmanned surface vessels",
            "autonomous systems",
            "ground robots",
            "counter-drone systems",
            "uncrewed aerial vehicles",
        ],
        [
            "les essaims de drones",
            "les drones de surface",
            "les systèmes autonomes",
            "les robots terrestres",
            "la lutte anti-drones",
            "les drones aériens",
        ],
    ),
    "quantum": (
        [
            "quantum sensing",
            "quantum computing",
            "quantum clocks",
            "post-quantum cryptography",
            "quantum navigation",
        ],
        [
            "les capteurs quantiques",
            "le calcul quantique",
            "les horloges quantiques",
            "la cryptographie post-quantique",
            "la navigation quantique",
        ],
    ),
    "biotech": (
        ["synthetic biology", "biotechnology", "human enhancement", "biosensors"],
        ["la biologie de synthèse", "les biotechnologies", "le soldat augmenté", "les biocapteurs"],
    ),
    "hypersonics": (
        ["hypersonic glide vehicles", "hypersonic missiles", "scramjet propulsion"],
        ["les planeurs hypersoniques", "les missiles hypersoniques", "les statoréacteurs"],
    ),
    "space": (
        [
            "satellite constellations",
            "space situational awareness",
            "low Earth orbit satellites",
            "launchers",
        ],
        [
            "les constellations de satellites",
            "la surveillance de l'espace",
            "les satellites en orbite basse",
            "les lanceurs",
        ],
    ),
    "materials": (
        ["additive manufacturing", "3D printing", "advanced materials", "metamaterials"],
        ["la fabrication additive", "l'impression 3D", "les matériaux avancés", "les métamatériaux"],
    ),
    "energy": (
        ["operational energy", "microgrids", "hydrogen fuel cells", "micro-reactors"],
        ["l'énergie opérationnelle", "les micro-réseaux", "les piles à hydrogène", "les microréacteurs"],
    ),
    "networks": (
        ["5G networks", "secure communications", "undersea cables", "mesh networks"],
        ["les réseaux 5G", "les communications sécurisées", "les câbles sous-marins", "les réseaux maillés"],
    ),
    "data": (
        ["big data analytics", "defence cloud", "data fusion", "digital twins"],
        [
            "l'analyse de données massives",
            "le cloud de défense",
            "la fusion de données",
            "les jumeaux numériques",
        ],
    ),
    "cyber": (
        ["cyber defence", "cyber attacks", "ransomware", "threat intelligence"],
        ["la cyberdéfense", "les cyberattaques", "les rançongiciels", "le renseignement sur la menace"],
    ),
}
# How each area's share of the news moves over the years (weight = base + slope * years since start).
TRENDS = {
    "quantum": (0.4, 0.5),
    "hypersonics": (0.5, 0.35),
    "ai": (1.5, 0.3),
    "autonomy": (1.5, 0.2),
    "space": (1.0, 0.1),
    "cyber": (1.5, -0.1),
    "networks": (1.0, -0.08),
    "data": (1.0, 0.0),
    "energy": (0.6, 0.05),
    "materials": (0.7, 0.0),
    "biotech": (0.6, 0.05),
}
NATIONS = (
    [
        "the United States",
        "France",
        "Germany",
        "the United Kingdom",
        "Japan",
        "Estonia",
        "Poland",
        "Italy",
        "Canada",
        "Norway",
        "Finland",
        "the Netherlands",
    ],
    [
        "les États-Unis",
        "la France",
        "l'Allemagne",
        "le Royaume-Uni",
        "le Japon",
        "l'Estonie",
        "la Pologne",
        "l'Italie",
        "le Canada",
        "la Norvège",
        "la Finlande",
        "les Pays-Bas",
    ],
)
ADJECTIVES = (
    [
        "American",
        "French",
        "German",
        "British",
        "Japanese",
        "Estonian",
        "Polish",
        "Italian",
        "Canadian",
        "Norwegian",
        "Finnish",
        "Dutch",
    ],
    [
        "américaine",
        "française",
        "allemande",
        "britannique",
        "japonaise",
        "estonienne",
        "polonaise",
        "italienne",
        "canadienne",
        "norvégienne",
        "finlandaise",
        "néerlandaise",
    ],
)
ORGS = [
    "NATO",
    "DIANA",
    "Thales",
    "Airbus",
    "Safran",
    "Naval Group",
    "Leonardo",
    "Saab",
    "Helsing",
    "Quantum Systems",
    "Defence Science and Technology Laboratory",
    "Fraunhofer Institute",
    "Orbital Robotics Group",
    "Nordic Quantum Labs",
    "Atlantic Space Ventures",
    "Baltic Cyber Centre",
]
PEOPLE = [
    "Claire Dumont",
    "Jens Halvorsen",
    "Maria Kowalska",
    "Thomas Becker",
    "Sophie Martin",
    "David Ellison",
    "Laura Bianchi",
    "Pierre Lefèvre",
    "Anna Virtanen",
    "Mark Johnson",
]
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]

EN = {
    "title": [
        "{Nation} bets on {term}",
        "{org} unveils {term} programme",
        "{term_cap}: {org} signs a new contract",
        "Allies test {term} at sea",
        "{term_cap} and the future of defence",
    ],
    "sentence": [
        "{org} announced on Tuesday that it will invest {money_en} in {term} over the next three years.",
        "The {adj} ministry of defence said {term} would change how forces operate.",
        "{person}, who leads the programme at {org}, said the first trials of {term} went well.",
        "Engineers from {nation} and {nation2} worked together on {term} and {term2}.",
        "According to {person}, work on {term} is no longer a laboratory curiosity but an operational need.",
        "The contract, worth {money_en}, covers the design and test of {term}.",
        "Analysts note that spending on {term} has doubled since the last review.",
        "{org} and {org2} will share data from the trials with the other allies.",
        "Start-ups in {nation} are also working on {term}, helped by a fund of {money_en}.",
        "The tests took place over two weeks and involved more than forty specialists.",
        "Officials stressed that every use of {term} must follow the "
        "alliance's principles of responsible use.",
        "A second phase, expected next year, will look at {term2} as well.",
    ],
}
FR = {
    "title": [
        "{Nation_fr} mise sur {term}",
        "{org} dévoile un programme sur {term}",
        "{term_cap} : {org} signe un nouveau contrat",
        "Les alliés testent {term} en mer",
        "{term_cap} au cœur des priorités de défense",
    ],
    "sentence": [
        "{org} a annoncé mardi qu'il investira {money_fr} dans {term} au cours des trois prochaines années.",
        "Pour le ministère {adj_fr} de la Défense, l'effort sur {term} est une priorité des années à venir.",
        "{person}, qui dirige le programme chez {org}, a déclaré que les premiers essais portant sur {term} "
        "étaient réussis.",
        "Des ingénieurs {nation_fr_de} et {nation2_fr_de} ont travaillé ensemble sur {term} et {term2}.",
        "Selon {person}, le travail sur {term} n'est plus une curiosité de laboratoire mais un besoin "
        "opérationnel.",
        "Le contrat, d'un montant de {money_fr}, porte sur {term}, de la conception aux essais.",
        "Les analystes notent que les dépenses pour {term} ont doublé depuis la dernière revue.",
        "{org} et {org2} partageront les données des essais avec les autres alliés.",
        "Des start-up {nation_fr_de} travaillent aussi sur {term}, aidées par un fonds de {money_fr}.",
        "Les essais ont duré deux semaines et mobilisé plus de quarante spécialistes.",
        "Les responsables ont rappelé que tout usage touchant {term} doit suivre les principes d'utilisation "
        "responsable de l'Alliance.",
        "Une seconde phase, attendue l'an prochain, portera aussi sur {term2}.",
    ],
}


def de(nation_fr: str) -> str:
    """ "les États-Unis" -> "des États-Unis", "le Canada" -> "du Canada", "la France" -> "de la France"."""
    for article, contracted in (("les ", "des "), ("le ", "du "), ("la ", "de la "), ("l'", "de l'")):
        if nation_fr.startswith(article):
            return contracted + nation_fr[len(article) :]
    return "de " + nation_fr


def masculine(adjective_fr: str) -> str:
    """ "canadienne" -> "canadien", "française" -> "français", "britannique" stays."""
    if adjective_fr.endswith("nne"):
        return adjective_fr[:-2]
    if adjective_fr.endswith("e") and not adjective_fr.endswith("ique"):
        return adjective_fr[:-1]
    return adjective_fr


@dataclass(frozen=True)
class NewsItem:
    title: str
    text: str
    language: str
    published: dt.date
    area: str
    source: str


def _money(rng: random.Random) -> tuple[str, str]:
    value = rng.choice([2.5, 5, 12, 30, 45, 100, 250, 800])
    big = rng.random() < 0.2
    if big:
        n = rng.choice([1, 1.2, 2])
        en = f"€{n} billion" if rng.random() < 0.5 else f"${n} billion"
        fr = f"{str(n).replace('.', ',')} milliard{'s' if n >= 2 else ''} d'euros"
        return en, fr
    return (
        f"${value} million" if rng.random() < 0.5 else f"€{value} million",
        f"{str(value).replace('.', ',')} millions d'euros",
    )


def _area(rng: random.Random, year_offset: float, boost: str = "") -> str:
    codes = list(TRENDS)
    weights = [max(0.05, base + slope * year_offset) for base, slope in (TRENDS[c] for c in codes)]
    if boost:  # a burst: the area is suddenly three times as talked about
        weights[codes.index(boost)] *= 3
    return rng.choices(codes, weights)[0]


def news_item(
    rng: random.Random,
    index: int,
    start: dt.date,
    days: int,
    words: int,
    burst: tuple[str, dt.date] | None = None,
) -> NewsItem:
    language = "fr" if index % 2 else "en"
    published = start + dt.timedelta(days=rng.randrange(days))
    boost = burst[0] if burst and published >= burst[1] else ""
    area = _area(rng, (published - start).days / 365, boost)
    terms = AREA_TERMS[area][1 if language == "fr" else 0]
    n1, n2 = rng.sample(range(len(NATIONS[0])), 2)
    o1, o2 = rng.sample(ORGS, 2)
    money_en, money_fr = _money(rng)
    slots = {
        "term": rng.choice(terms),
        "term2": rng.choice(terms),
        "org": o1,
        "org2": o2,
        "person": rng.choice(PEOPLE),
        "money_en": money_en,
        "money_fr": money_fr,
        "nation": NATIONS[0][n1],
        "nation2": NATIONS[0][n2],
        "Nation": NATIONS[0][n1].replace("the ", "The "),
        "Nation_fr": NATIONS[1][n1][0].upper() + NATIONS[1][n1][1:],
        "adj": ADJECTIVES[0][n1],
        "adj_fr": masculine(ADJECTIVES[1][n1]),
        "nation_fr_de": de(NATIONS[1][n1]),
        "nation2_fr_de": de(NATIONS[1][n2]),
    }
    slots["term_cap"] = slots["term"][0].upper() + slots["term"][1:]
    book = FR if language == "fr" else EN
    title = rng.choice(book["title"]).format(**slots)
    if language == "fr":
        dateline = f"Publié le {published.day} {MONTHS_FR[published.month - 1]} {published.year}"
    else:
        dateline = f"Published on {published.strftime('%d %B %Y')}"
    sentences: list[str] = []
    count = 0
    order: list[str] = []
    while count < words:
        if not order:  # every template once before any comes back: less repetition in long items
            order = rng.sample(book["sentence"], len(book["sentence"]))
        slots["term"], slots["term2"] = rng.sample(terms, 2)
        slots["person"] = rng.choice(PEOPLE)
        slots["money_en"], slots["money_fr"] = _money(rng)
        sentence = order.pop().format(**slots)
        sentences.append(sentence[0].upper() + sentence[1:])
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    text = "\n\n".join([title, dateline, *paragraphs])
    return NewsItem(title, text, language, published, area, f"https://news.example.org/{language}/{index}")


def news_items(
    count: int,
    seed: int = 12,
    start_year: int = 2019,
    end_year: int = 2025,
    words: int = 250,
    burst: tuple[str, dt.date] | None = None,
) -> list[NewsItem]:
    """``burst``: (area, from this date on the area is three times as frequent), for the demo's trends."""
    rng = random.Random(seed)
    start = dt.date(start_year, 1, 1)
    days = (dt.date(end_year, 12, 31) - start).days
    return [news_item(rng, i, start, days, words, burst) for i in range(count)]
