"""The vocabulary the radar reads EDT areas with: the taxonomy's lexicon, adjusted for news language.

The taxonomy's lexicon (``lodestar.engine.taxonomy``) serves the web apps too, which read abstracts and
proposals; news items use other words. This module adds what news says of an area (``EXTRA``, both
languages, in the forms the lexicon's stemmer folds) and marks the words that name an area only
with help (``WEAK``; ``NAMES`` are those that name the area itself): "launch" is space in "launch a
satellite" but not in "launched a fund"; "power", "energy" of a team, "data" in passing, "network" of
partners, "surveillance", "health", "software". A weak word counts only in a sentence that names the
area by a strong word too, and then for less.

``term_index()`` gives, for each term's stem sequence in the shared (English) stem space of
``lodestar.engine.lexicon``, the areas it shows with the term's weight and whether it is weak.
"""

from __future__ import annotations

from functools import lru_cache

from lodestar.engine.lexicon import shared_segments
from lodestar.engine.taxonomy import AREAS
from lodestar.engine.text import analyze

# A phrase is less ambiguous than a word (as in the taxonomy).
PHRASE_BONUS = 0.5

EXTRA: dict[str, dict[str, str]] = {
    "ai": {
        "en": """AI model, AI models, AI startup, AI company, AI chips, language models, chatbots, ChatGPT,
        open-source models, open-weight model, generative artificial intelligence, large language models""",
        "fr": """modèles de langage, modèle d'IA, modèles d'IA, start-up d'IA, IA générative, modèle ouvert,
        robot conversationnel, agents conversationnels, intelligence artificielle générative""",
    },
    "autonomy": {
        "en": """uncrewed underwater vehicle, unmanned underwater vehicle, UUV, UUVs, AUVs, UAVs, delivery
        robot, delivery robots, delivery drone, robotaxi, driverless, autonomous underwater vessels,
        autonomous drones""",
        "fr": """robots livreurs, robot livreur, drone de livraison, drones de livraison, véhicule sans
        conducteur, navette autonome, drones autonomes, vol autonome, robots autonomes""",
    },
    "quantum": {
        "en": """quantum technology, quantum technologies, quantum startups, quantum computers, quantum
        physics, quantum machine, photonic qubits, topological qubit, logical qubit""",
        "fr": """technologies quantiques, ordinateurs quantiques, physique quantique, qubits photoniques,
        calcul quantique, qubit logique""",
    },
    "biotech": {
        "en": """gene therapy, cell therapy, gene-editing, bacteria, engineered bacteria, microbes,
        biologists, biotech firm, biotechs, clinical trial, sickle cell, augmented soldier, enhanced
        soldier, organ transplant, stem cells, DNA, RNA""",
        "fr": """thérapie génique, thérapies géniques, thérapie cellulaire, bactéries, soldat augmenté,
        soldats augmentés, biotechs, essai clinique, greffe, greffons, transplantation, cellules souches,
        ADN, ARN, hémoglobine""",
    },
    "hypersonics": {
        "en": """hypersonic weapons, hypersonic weapon, hypersonic glide body, glide body, Mach 5, five
        times the speed of sound, hypersonic cruise missile""",
        "fr": """armes hypersoniques, arme hypersonique, missile de croisière hypersonique, planeur
        hypersonique expérimental, cinq fois la vitesse du son""",
    },
    "space": {
        "en": """space force, space agency, launch contract, launch services, rocket launch, Falcon 9,
        spaceport, orbital launch, satellite constellation, space industry, spaceflight""",
        "fr": """agence spatiale, centre spatial, port spatial, vol inaugural, mise en orbite, en orbite,
        industrie spatiale, accès à l'espace, micro-satellites, microsatellites, spatiaux""",
    },
    "materials": {
        "en": """lightest and strongest materials, strength of steel, metal foam, composite metal foam,
        nanostructured materials, new material""",
        "fr": """mousse métallique, métal, matériau composite, nouveau matériau, matériaux nanostructurés,
        résistance mécanique""",
    },
    "energy": {
        "en": """nuclear reactor, nuclear reactors, reactor, reactors, power plant, power plants,
        low-carbon electricity, wind farm, offshore wind, wind turbines, nuclear energy,
        nuclear steam supply system, uranium, gigafactory, power station""",
        "fr": """réacteur nucléaire, réacteurs nucléaires, réacteur, réacteurs, centrale nucléaire,
        centrales nucléaires, parc éolien, parcs éoliens, éolien, éolien en mer, éolien
        offshore, éoliennes, énergie nucléaire, uranium, gigafactory, centrale électrique""",
    },
    "networks": {
        "en": """5G network, mobile network, nationwide network, telecom, telecoms, carrier, carriers,
        internet cables, submarine cable, undersea cables, fibre optic, fiber-optic cables""",
        "fr": """réseau 5G, opérateur télécom, câble sous-marin de fibre optique, câbles de fibre optique,
        réseau internet, débit, gigabits""",
    },
    "data": {
        "en": """data sets, datasets, data analytics company, analytics company, data integration, data
        mining, data-mining, intelligence data, massive data, multi-cloud, cloud-based, cloud strategy,
        volumes of data, data processing""",
        "fr": """données massives, analyse de données massives, traitement de données, masses de données,
        société d'analyse de données, jeux de données, big data, traitement massif de données, volumes de
        données, volumes massifs de données, exploitation des données, cloud, multi-cloud""",
    },
    "cyber": {
        "en": """cybercrime, cybercriminals, hackers, hacker, hacking, breach, data breach, ransom, encrypted
        files, cyber-attack, cyberattacks, information systems security, security of information systems,
        digital security, cyber range""",
        "fr": """cybercriminalité, cybercriminels, pirates informatiques, pirate, pirates, piratage, rançon,
        attaque informatique, attaques informatiques, cyber-attaque, rançongiciels, sécurité des systèmes
        d'information, sécurité numérique, cyberespace""",
    },
}

# Words that show an area only beside a strong word of it (the taxonomy's own terms, as written there,
# and a few more a news item uses in other senses).
WEAK: dict[str, dict[str, str]] = {
    "ai": {
        "en": """algorithm, prediction, classification, classifier, translation, inference, transformer,
        intelligent agent, decision support, training data, summarization""",
        "fr": """algorithme, prédiction, classification, traduction automatique, inférence, aide à la
        décision, données d'entraînement""",
    },
    "autonomy": {
        "en": """navigation, localization, sensing, sensor, sensors, surveillance, reconnaissance, ISR,
        mission planning, target tracking, perimeter security, remotely piloted, loitering, autonomy""",
        "fr": """navigation, localisation, détection, capteur, capteurs, surveillance, reconnaissance,
        planification de mission, suivi de cibles, sécurité périmétrique, télépiloté, autonomie""",
    },
    "quantum": {
        "en": "superposition, photonic, photonics, magnetometer, gravimeter, atomic clock",
        "fr": "superposition, photonique, magnétomètre, gravimètre, horloge atomique",
    },
    "biotech": {
        "en": """medical, medicine, health, healthcare, drug, stress, fatigue, sleep, wound, trauma,
        casualty, warfighter, resilience training, nutrition, hydration, diagnostics, wearable, wearables,
        cognition, rehabilitation, protein""",
        "fr": """médical, médecine, santé, soins de santé, médicament, stress, fatigue, sommeil, plaie,
        traumatisme, blessé, combattant, nutrition, hydratation, diagnostic, dispositif portable,
        cognition, rééducation, protéine""",
    },
    "hypersonics": {
        "en": """Mach, combustion, interceptor, missile defense, ballistic missile, flight test, wind
        tunnel, shock wave, leading edge, early warning, reentry, re-entry, trajectory tracking, boundary
        layer, ablative""",
        "fr": """Mach, combustion, intercepteur, défense antimissile, missile balistique, essai en vol,
        soufflerie, onde de choc, bord d'attaque, alerte précoce, rentrée atmosphérique, suivi de
        trajectoire, couche limite, ablatif, planeur""",
    },
    "space": {
        "en": """space, launch, launcher, radar, payload, orbit, orbital, SAR, GPS, GNSS, lunar, remote
        sensing, propulsion in space""",
        "fr": """espace, lancement, lanceur, radar, charge utile, orbite, orbital, GPS, GNSS, lunaire,
        télédétection""",
    },
    "materials": {
        "en": """material, materials, manufacturing, factory, production line, coating, coatings,
        recycling, textile, machining, welding, corrosion, stealth, armor, semiconductor, semiconductors,
        microelectronics""",
        "fr": """matériau, matériaux, fabrication, usine, chaîne de production, revêtement, revêtements,
        recyclage, textile, usinage, soudage, corrosion, furtivité, blindage, semi-conducteur,
        semi-conducteurs, microélectronique""",
    },
    "energy": {
        "en": """energy, nuclear, power, electricity, electric, fuel, engine, turbine, generator, propulsion,
        charging, emissions, grid, thermal management, power management, power supply, electrification,
        decarbonization""",
        "fr": """énergie, nucléaire, puissance, électricité, électrique, carburant, moteur, turbine,
        propulsion, recharge, émissions, gestion thermique, alimentation électrique, électrification,
        décarbonation, groupe électrogène""",
    },
    "networks": {
        "en": """network, networks, radio, wireless, spectrum, antenna, antennas, bandwidth, latency,
        interoperability, information sharing, command and control, C2, jamming, waveform,
        signal processing""",
        "fr": """réseau, réseaux, radio, sans fil, spectre, antenne, antennes, bande passante, latence,
        interopérabilité, partage d'informations, commandement et contrôle, brouillage, forme d'onde,
        traitement du signal""",
    },
    "data": {
        "en": """data, software, computing, processor, simulation, logistics, supply chain, optimization,
        inventory, search, dashboard, decision making, critical infrastructure, asset management,
        visualization, geospatial, situational awareness""",
        "fr": """données, logiciel, calcul, processeur, simulation, logistique, chaîne d'approvisionnement,
        optimisation, stocks, tableau de bord, prise de décision, infrastructure critique,
        infrastructures critiques, gestion des actifs, visualisation, géospatial, nuage""",
    },
    "cyber": {
        "en": """resilience, privacy, confidentiality, vulnerability, vulnerabilities, intrusion,
        authentication, access control, encryption, cryptography, classified information, disinformation,
        hybrid threats, secure communications, firewall""",
        "fr": """résilience, vie privée, confidentialité, vulnérabilité, vulnérabilités, intrusion,
        authentification, contrôle d'accès, chiffrement, cryptographie, informations classifiées,
        désinformation, menaces hybrides, communications sécurisées, pare-feu""",
    },
}


# The weak words that name an area itself: a document that keeps coming back to "data" or "réseau" is
# about it, while one that keeps saying "factory" or "launch" is about a factory or a launch.
NAMES: dict[str, dict[str, str]] = {
    "data": {"en": "data, cloud", "fr": "données, nuage"},
    "networks": {"en": "network, networks", "fr": "réseau, réseaux"},
    "energy": {"en": "energy", "fr": "énergie"},
    "space": {"en": "space", "fr": "espace"},
    "materials": {"en": "material, materials", "fr": "matériau, matériaux"},
}


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.replace("\n", " ").split(",") if t.strip()]


def _stems(term: str, language: str) -> tuple[str, ...]:
    return tuple(s for seg in shared_segments(analyze(term, language)) for s in seg.stems)


@lru_cache(maxsize=1)
def term_index() -> dict[tuple[str, ...], tuple[tuple[str, float, bool], ...]]:
    """Shared-space stem sequence -> ((area code, weight, weak), ...)."""
    weak: set[tuple[str, tuple[str, ...]]] = set()
    for code, by_language in WEAK.items():
        for language, terms in by_language.items():
            weak |= {(code, s) for s in (_stems(t, language) for t in _split(terms)) if s}
    index: dict[tuple[str, ...], dict[str, tuple[float, bool]]] = {}

    def add(code: str, term: str, language: str) -> None:
        stems = _stems(term, language)
        if stems:
            weight = 1.0 + PHRASE_BONUS * (len(stems) - 1)
            index.setdefault(stems, {})[code] = (weight, (code, stems) in weak)

    for a in AREAS:
        for term in a.terms_en:
            add(a.code, term, "en")
        for term in a.terms_fr:
            add(a.code, term, "fr")
    for code, by_language in EXTRA.items():
        for language, terms in by_language.items():
            for term in _split(terms):
                add(code, term, language)
    for code, stems in weak:  # a weak word the lexicon does not list still counts, weakly
        index.setdefault(stems, {}).setdefault(code, (1.0 + PHRASE_BONUS * (len(stems) - 1), True))
    return {k: tuple((c, w, f) for c, (w, f) in v.items()) for k, v in index.items()}


@lru_cache(maxsize=1)
def area_names() -> frozenset[tuple[str, tuple[str, ...]]]:
    """(area code, stems) of the weak words that name an area itself."""
    return frozenset(
        (code, stems)
        for code, by_language in NAMES.items()
        for language, terms in by_language.items()
        for stems in (_stems(t, language) for t in _split(terms))
        if stems
    )


@lru_cache(maxsize=1)
def term_starts() -> dict[str, int]:
    """The longest term starting with each stem."""
    starts: dict[str, int] = {}
    for key in term_index():
        starts[key[0]] = max(starts.get(key[0], 0), len(key))
    return starts
