"""The alliance's emerging and disruptive technology (EDT) taxonomy, with a bilingual lexicon.

Public API (keep the names and signatures). The web apps use ``AREAS`` and, through affinity,
``area_vectors``; ``area`` and ``classify`` read one text with the evidence for each area, which
the technology radar needs (its documents are classified with their evidence) and the apps do not
call yet.

- ``AREAS: tuple[Area, ...]``: the eleven areas in their official order; ``Area(code, name_en, name_fr,
  terms_en, terms_fr)``. Codes: ai, autonomy, quantum, biotech, hypersonics, space, materials, energy,
  networks, data, cyber (cyber defence runs across all the others).
- ``area(code) -> Area``.
- ``classify(text, min_confidence=0.3, language=None) -> tuple[AreaMatch, ...]``: the areas a text is
  about, most confident first; ``AreaMatch(code, confidence, terms)`` with ``confidence`` in (0, 1] and
  ``terms`` the lexicon terms found (in the text's own words), strongest first.
- ``area_vectors(segmented)``: one confidence per area in ``AREAS`` order for each text (what affinity
  uses for its taxonomy overlap).

Texts and lexicon terms of both languages are compared in the shared stem space of ``lexicon.py``, so a
French and an English text about the same technology meet in the same areas.

How confidence is computed: every distinct term found adds its specificity (1 for a word, more for a
phrase, which is less ambiguous) times ``1 + log(occurrences)``; the sum is divided by a length factor
(long texts mention many things in passing) and mapped to (0, 1) by ``1 - exp(-evidence / 2)``. One
specific phrase (about 0.5) or two words (about 0.6) are enough to pass the default threshold.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from lodestar.engine.lexicon import shared_segments
from lodestar.engine.text import Analysis, Segment, analyze

_EN, _FR = "en", "fr"

# Terms are comma-separated; a term may appear in several areas (a "sensor" serves autonomy and space).
_LEXICON: dict[str, dict[str, str]] = {
    "ai": {
        _EN: """artificial intelligence, AI, machine learning, deep learning, neural network, reinforcement
        learning, supervised learning, unsupervised learning, transformer, large language model, language
        model, natural language processing, computer vision, image recognition, object detection, speech
        recognition, pattern recognition, classifier, classification, prediction, predictive model,
        decision support, explainable AI, explainability, generative AI, foundation model, knowledge graph,
        recommender system, anomaly detection, sensor fusion, target recognition, automatic target
        recognition, intelligent agent, multi-agent, chatbot, federated learning, training
        data, inference, algorithm, trustworthy AI, responsible AI, bias mitigation, predictive
        analytics, translation, summarization, video analytics, facial recognition""",
        _FR: """intelligence artificielle, IA, apprentissage automatique, apprentissage profond, réseau de
        neurones, apprentissage par renforcement, apprentissage supervisé, apprentissage non supervisé,
        grand modèle de langage, modèle de langage, traitement automatique des langues, vision par
        ordinateur, reconnaissance d'images, détection d'objets, reconnaissance vocale, reconnaissance de
        formes, classification, prédiction, modèle prédictif, aide à la décision, IA explicable,
        explicabilité, IA générative, modèle de fondation, graphe de connaissances, système de
        recommandation, détection d'anomalies, fusion de capteurs, reconnaissance de cibles, agent
        intelligent, multi-agents, agent conversationnel, apprentissage fédéré, données d'entraînement,
        inférence, algorithme, IA de confiance, IA responsable, analyse prédictive, traduction
        automatique, analyse vidéo, reconnaissance faciale""",
    },
    "autonomy": {
        _EN: """autonomy, autonomous, autonomous system, autonomous vehicle, unmanned, uncrewed, unmanned
        aerial vehicle, UAV, UAS, drone, drones, counter-drone, counter-UAS, swarm, swarming, robot,
        robotics, robotic, ground robot, unmanned ground vehicle, UGV, unmanned surface vessel, USV,
        autonomous underwater vehicle, AUV, underwater drone, self-driving, navigation, path planning,
        motion planning, SLAM, localization, obstacle avoidance, collision avoidance, teleoperation,
        remotely piloted, human-machine teaming, manned-unmanned teaming, loitering, mission planning,
        surveillance, reconnaissance, ISR, intelligence surveillance reconnaissance, persistent
        surveillance, sensing, sensor, sensors, lidar, sonar, target tracking, perimeter security,
        autonomous logistics, last mile delivery, GPS-denied navigation""",
        _FR: """autonomie, autonome, système autonome, véhicule autonome, sans pilote, non habité, véhicule
        aérien sans pilote, drone, drones, lutte anti-drones, anti-drone, essaim, essaims de drones, robot,
        robotique, robot terrestre, véhicule terrestre sans pilote, drone de surface, véhicule sous-marin
        autonome, drone sous-marin, conduite autonome, navigation, planification de trajectoire,
        localisation, évitement d'obstacles, évitement de collision, téléopération, télépiloté, équipe
        homme-machine, munition rôdeuse, planification de mission, surveillance, reconnaissance,
        renseignement surveillance reconnaissance, surveillance persistante, détection, capteur,
        capteurs, lidar, sonar, suivi de cibles, sécurité périmétrique, logistique autonome, livraison du
        dernier kilomètre, navigation sans GPS""",
    },
    "quantum": {
        _EN: """quantum, quantum computing, quantum computer, qubit, qubits, quantum algorithm, quantum
        annealing, quantum simulation, quantum sensing, quantum sensor, quantum sensors, quantum
        communication, quantum key distribution, QKD, quantum cryptography, post-quantum cryptography,
        post-quantum, quantum-safe, quantum-resistant, entanglement, superposition, photonic, photonics,
        single photon, cold atoms, atom interferometry, atomic clock, optical clock, quantum
        magnetometer, magnetometer, gravimeter, quantum gravimeter, quantum navigation, quantum radar,
        quantum internet, quantum network, quantum random number generator, trapped ion,
        superconducting qubit, quantum error correction, quantum advantage, nitrogen-vacancy""",
        _FR: """quantique, informatique quantique, ordinateur quantique, qubit, qubits, algorithme
        quantique, recuit quantique, simulation quantique, détection quantique, capteur quantique,
        capteurs quantiques, communication quantique, distribution quantique de clés, cryptographie
        quantique, cryptographie post-quantique, post-quantique, résistant au quantique, intrication,
        superposition, photonique, photon unique, atomes froids, interférométrie atomique, horloge
        atomique, horloge optique, magnétomètre quantique, magnétomètre, gravimètre, gravimètre
        quantique, navigation quantique, radar quantique, internet quantique, réseau quantique,
        générateur quantique de nombres aléatoires, ions piégés, qubit supraconducteur, correction
        d'erreurs quantiques, avantage quantique, centres azote-lacune""",
    },
    "biotech": {
        _EN: """biotechnology, biotech, synthetic biology, genomics, genome, gene editing, CRISPR, protein,
        bioengineering, biomanufacturing, biosensor, biosensors, biomarker, biomarkers, vaccine,
        therapeutics, drug, medical, medicine, health, healthcare, human health, human performance, human
        enhancement, soldier health, warfighter, wearable, wearables, wearable sensor, physiological
        monitoring, fatigue, sleep, cognitive performance, cognition, stress, mental health, resilience
        training, exoskeleton, prosthetics, neurotechnology, brain-computer interface, telemedicine,
        combat casualty care, casualty, trauma, wound, haemorrhage, hemorrhage, diagnostics, point of care,
        pathogen, biodefense, CBRN, biological threat, chemical detection, decontamination, nutrition,
        hydration, thermal stress, rehabilitation""",
        _FR: """biotechnologie, biotechnologies, biologie de synthèse, génomique, génome, édition du génome,
        CRISPR, protéine, bio-ingénierie, biofabrication, biocapteur, biocapteurs, biomarqueur,
        biomarqueurs, vaccin, thérapeutique, médicament, médical, médecine, santé, soins de santé, santé
        humaine, performance humaine, amélioration humaine, santé du soldat, combattant, dispositif
        portable, capteur portable, suivi physiologique, fatigue, sommeil, performance cognitive,
        cognition, stress, santé mentale, exosquelette, prothèse, neurotechnologie, interface
        cerveau-machine, télémédecine, soins aux blessés, blessé, traumatisme, plaie, hémorragie,
        diagnostic, diagnostic rapide, pathogène, biodéfense, NRBC, menace biologique, détection
        chimique, décontamination, nutrition, hydratation, stress thermique, rééducation""",
    },
    "hypersonics": {
        _EN: """hypersonic, hypersonics, hypersonic glide vehicle, glide vehicle, hypersonic missile,
        scramjet, ramjet, dual-mode ramjet, Mach, high-speed flight, reentry, re-entry, thermal protection
        system, aerothermal, aerothermodynamics, ablative, leading edge, boost-glide, hypervelocity,
        counter-hypersonic, hypersonic defense, missile defense, interceptor, ballistic missile, shock
        wave, plasma sheath, wind tunnel, shock tunnel, high-temperature materials, ultra-high temperature
        ceramics, flight test, trajectory tracking, early warning, hypersonic detection, boundary layer,
        combustion, supersonic combustion""",
        _FR: """hypersonique, hypersoniques, planeur hypersonique, planeur, missile hypersonique,
        superstatoréacteur, statoréacteur, statoréacteur mixte, Mach, vol à grande vitesse, rentrée
        atmosphérique, système de protection thermique, aérothermique, aérothermodynamique, ablatif, bord
        d'attaque, hypervéloce, lutte anti-hypersonique, défense contre les armes hypersoniques, défense
        antimissile, intercepteur, missile balistique, onde de choc, gaine de plasma, soufflerie,
        tunnel à choc, matériaux haute température, céramiques ultra-haute température, essai en vol,
        suivi de trajectoire, alerte précoce, détection hypersonique, couche limite, combustion,
        combustion supersonique""",
    },
    "space": {
        _EN: """space, satellite, satellites, small satellite, smallsat, cubesat, nanosatellite,
        constellation, low earth orbit, LEO, geostationary, orbit, orbital, in-orbit, in-orbit servicing,
        in-orbit manufacturing, space debris, space situational awareness, space domain awareness, launch,
        launcher, launch vehicle, rocket, spacecraft, payload, ground station, earth observation, remote
        sensing, satellite imagery, synthetic aperture radar, SAR, radar, optical imagery, hyperspectral,
        satellite communication, satcom, GNSS, GPS, positioning navigation timing, PNT, space weather,
        propulsion in space, electric propulsion, lunar, space-based, persistent surveillance from space,
        virtual constellation""",
        _FR: """espace, spatial, satellite, satellites, petit satellite, nanosatellite, constellation,
        orbite basse, géostationnaire, orbite, orbital, en orbite, servitude en orbite, fabrication en
        orbite, débris spatiaux, connaissance de la situation spatiale, surveillance de l'espace,
        lancement, lanceur, fusée, engin spatial, charge utile, station sol, observation de la terre,
        télédétection, imagerie satellitaire, radar à synthèse d'ouverture, radar, imagerie optique,
        hyperspectral, communication par satellite, télécommunications spatiales, GNSS, GPS,
        positionnement navigation et synchronisation, météorologie spatiale, propulsion spatiale,
        propulsion électrique, lunaire, depuis l'espace, surveillance persistante depuis l'espace,
        constellation virtuelle""",
    },
    "materials": {
        _EN: """novel materials, advanced materials, material, materials, manufacturing, advanced
        manufacturing, additive manufacturing, 3D printing, composite, composites, carbon fiber, alloy,
        alloys, high-entropy alloy, ceramic, ceramics, polymer, metamaterial, metamaterials,
        nanomaterial, nanomaterials, graphene, nanotechnology, coating, coatings, armor, lightweight
        armor, ballistic protection, smart materials, self-healing, corrosion, semiconductor,
        semiconductors, microelectronics, chip manufacturing, textile, smart textiles, stealth,
        radar-absorbing, critical raw materials, rare earth, recycling, machining, welding,
        digital manufacturing, production line, factory, on-demand manufacturing""",
        _FR: """nouveaux matériaux, matériaux avancés, matériau, matériaux, fabrication, fabrication
        avancée, fabrication additive, impression 3D, composite, composites, fibre de carbone, alliage,
        alliages, alliage à haute entropie, céramique, céramiques, polymère, métamatériau,
        métamatériaux, nanomatériau, nanomatériaux, graphène, nanotechnologie, revêtement, revêtements,
        blindage, blindage léger, protection balistique, matériaux intelligents, auto-réparant,
        corrosion, semi-conducteur, semi-conducteurs, microélectronique, fabrication de puces, textile,
        textiles intelligents, furtivité, absorbant radar, matières premières critiques, terres rares,
        recyclage, usinage, soudage, fabrication numérique, chaîne de production, usine,
        fabrication à la demande""",
    },
    "energy": {
        _EN: """energy, power, energy resilience, energy storage, battery, batteries, lithium-ion,
        solid-state battery, fuel cell, fuel cells, hydrogen, microgrid, microgrids, power grid, grid,
        renewable energy, solar, photovoltaic, wind power, generator, power generation, energy
        efficiency, energy management, power management, charging, wireless power, supercapacitor,
        thermal management, fuel, synthetic fuel, sustainable fuel, biofuel, propulsion, electric
        propulsion, hybrid propulsion, engine, turbine, small modular reactor, nuclear power,
        forward operating base, expeditionary power, off-grid, energy independence, power supply, energy
        harvesting, decarbonization, emissions, electrification""",
        _FR: """énergie, puissance, résilience énergétique, stockage d'énergie, batterie, batteries,
        lithium-ion, batterie à l'état solide, pile à combustible, piles à combustible, hydrogène,
        micro-réseau, micro-réseaux, réseau électrique, énergie renouvelable, solaire, photovoltaïque,
        énergie éolienne, groupe électrogène, production d'électricité, efficacité énergétique, gestion
        de l'énergie, gestion de l'alimentation, recharge, transfert d'énergie sans fil,
        supercondensateur, gestion thermique, carburant, carburant de synthèse, carburant durable,
        biocarburant, propulsion, propulsion électrique, propulsion hybride, moteur, turbine, petit
        réacteur modulaire, énergie nucléaire, base avancée, bases avancées, énergie expéditionnaire,
        autonomie énergétique, alimentation électrique, récupération d'énergie,
        décarbonation, émissions, électrification""",
    },
    "networks": {
        _EN: """communication network, communication networks, next-generation networks, telecommunications,
        5G, 6G, wireless, radio, software-defined radio, cognitive radio, mesh network, mesh networking,
        tactical network, tactical communications, tactical data link, satellite communication, optical
        communication, free-space optical, laser communication, fiber optic, undersea cable, spectrum,
        spectrum management, electromagnetic spectrum, antenna, antennas, bandwidth, latency, network
        resilience, interoperability, internet of things, IoT, edge network, secure communications,
        anti-jamming, jamming, electronic warfare, signal processing, waveform, mobile network,
        network slicing, information sharing, secure information sharing, command and control, C2""",
        _FR: """réseau de communication, réseaux de communication, réseaux de nouvelle génération,
        télécommunications, 5G, 6G, sans fil, radio, radio logicielle, radio cognitive, réseau maillé,
        réseau tactique, communications tactiques, liaison de données tactique, communication par
        satellite, communication optique, optique en espace libre, communication laser, fibre optique,
        câble sous-marin, câbles sous-marins, spectre, gestion du spectre, spectre électromagnétique,
        antenne, antennes, bande passante, latence, résilience des réseaux, interopérabilité, internet
        des objets, objets connectés, réseau en périphérie, communications sécurisées, anti-brouillage,
        brouillage, guerre électronique, traitement du signal, forme d'onde, réseau mobile, découpage
        réseau, partage d'informations, partage sécurisé d'informations, commandement et contrôle""",
    },
    "data": {
        _EN: """data, big data, data analytics, data science, data fusion, data management, data sharing,
        data platform, database, cloud, cloud computing, edge computing, high-performance computing,
        supercomputer, computing, data center, digital twin, simulation, modelling and simulation,
        visualization, dashboard, open-source intelligence, OSINT, information management, metadata,
        data integration, data pipeline, interoperable data, logistics, supply chain, predictive
        maintenance, inventory, optimization, operations research, critical infrastructure, asset
        management, geospatial, geospatial intelligence, situational awareness, common operating
        picture, decision making, search, information retrieval, software, processor""",
        _FR: """données, mégadonnées, analyse de données, science des données, fusion de données, gestion
        des données, partage de données, plateforme de données, base de données, nuage, informatique en
        nuage, calcul en périphérie, calcul haute performance, supercalculateur, calcul, centre de
        données, jumeau numérique, simulation, modélisation et simulation, visualisation, tableau de bord,
        renseignement en sources ouvertes, ROSO, gestion de l'information, métadonnées, intégration de
        données, chaîne de traitement de données, logistique, chaîne d'approvisionnement, maintenance
        prédictive, stocks, optimisation, recherche opérationnelle, infrastructure critique,
        infrastructures critiques, gestion des actifs, géospatial, renseignement géospatial, connaissance
        de la situation, situation tactique commune, prise de décision, recherche d'information,
        logiciel, processeur""",
    },
    "cyber": {
        _EN: """cyber, cyber defence, cyber defense, cybersecurity, cyber security, information security,
        data security, cyberattack, cyber attack, cyber threat, threat intelligence, intrusion detection,
        intrusion, malware, ransomware, phishing, vulnerability, vulnerabilities, penetration testing,
        zero trust, encryption, cryptography, post-quantum cryptography, end-to-end encryption,
        authentication, identity management,
        access control, secure information sharing, information assurance, classified information,
        cross-domain, cross-domain solution, data diode, secure communications, firewall, security
        operations center, SOC, incident response, digital forensics, resilience, critical
        infrastructure protection, industrial control systems, SCADA, supply chain security, hybrid
        threats, disinformation, privacy, confidentiality""",
        _FR: """cyber, cyberdéfense, cyber-défense, cybersécurité, sécurité informatique, sécurité de
        l'information, sécurité des données, cyberattaque, cyberattaques, cybermenace, menace cyber,
        renseignement sur les menaces, détection d'intrusion, intrusion, logiciel malveillant,
        rançongiciel, hameçonnage, vulnérabilité, vulnérabilités, test d'intrusion, zéro confiance,
        cryptographie post-quantique, chiffrement, cryptographie, chiffrement de bout en bout,
        authentification, gestion des
        identités, contrôle d'accès, partage sécurisé d'informations, assurance de l'information,
        informations classifiées, inter-domaines, diode de données, communications sécurisées, pare-feu,
        centre des opérations de sécurité, réponse aux incidents, criminalistique numérique, résilience,
        protection des infrastructures critiques, systèmes de contrôle industriels, SCADA, sécurité de la
        chaîne d'approvisionnement, menaces hybrides, désinformation, vie privée, confidentialité""",
    },
}

_NAMES = {
    "ai": ("Artificial intelligence", "Intelligence artificielle"),
    "autonomy": ("Autonomy", "Autonomie"),
    "quantum": ("Quantum", "Quantique"),
    "biotech": ("Biotechnology and human enhancement", "Biotechnologies et amélioration humaine"),
    "hypersonics": ("Hypersonics", "Hypersonique"),
    "space": ("Space", "Espace"),
    "materials": ("Novel materials and manufacturing", "Nouveaux matériaux et fabrication"),
    "energy": ("Energy and propulsion", "Énergie et propulsion"),
    "networks": ("Next-generation communication networks", "Réseaux de communication de nouvelle génération"),
    "data": ("Data and computing", "Données et calcul"),
    "cyber": ("Cyber defence", "Cyberdéfense"),
}


@dataclass(frozen=True)
class Area:
    code: str
    name_en: str
    name_fr: str
    terms_en: tuple[str, ...]
    terms_fr: tuple[str, ...]

    def name(self, language: str) -> str:
        return self.name_fr if language == "fr" else self.name_en


@dataclass(frozen=True)
class AreaMatch:
    """An area a text is about: ``confidence`` in (0, 1], ``terms`` as written in the text."""

    code: str
    confidence: float
    terms: tuple[str, ...]


def _split_terms(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in text.replace("\n", " ").split(",") if t.strip()))


AREAS: tuple[Area, ...] = tuple(
    Area(code, en, fr, _split_terms(_LEXICON[code][_EN]), _split_terms(_LEXICON[code][_FR]))
    for code, (en, fr) in _NAMES.items()
)
AREA_CODES: tuple[str, ...] = tuple(a.code for a in AREAS)
_INDEX = {code: i for i, code in enumerate(AREA_CODES)}


def area(code: str) -> Area:
    """The area with ``code``; ``KeyError`` for an unknown code."""
    return AREAS[_INDEX[code]]


# A word alone is weaker evidence than a phrase ("network" against "mesh network").
_PHRASE_BONUS = 0.5
_SCALE = 2.0
_LENGTH_UNIT = 120  # content words of a typical abstract; longer texts need more evidence


@lru_cache(maxsize=1)
def _term_index() -> dict[tuple[str, ...], tuple[tuple[int, float], ...]]:
    """Shared-space stem sequence -> ((area index, specificity), ...)."""
    index: dict[tuple[str, ...], dict[int, float]] = {}
    for i, a in enumerate(AREAS):
        for lang, terms in ((_EN, a.terms_en), (_FR, a.terms_fr)):
            for term in terms:
                stems = tuple(s for seg in shared_segments(analyze(term, lang)) for s in seg.stems)
                if stems:
                    index.setdefault(stems, {})[i] = 1.0 + _PHRASE_BONUS * (len(stems) - 1)
    return {k: tuple(v.items()) for k, v in index.items()}


@lru_cache(maxsize=1)
def _term_starts() -> dict[str, int]:
    """The longest term starting with each stem: most words start no term and cost one lookup."""
    starts: dict[str, int] = {}
    for key in _term_index():
        starts[key[0]] = max(starts.get(key[0], 0), len(key))
    return starts


def _evidence(segments: Sequence[Segment]) -> tuple[np.ndarray, list[dict[str, float]]]:
    """Per area: the evidence, and each matched term (as written) with its contribution."""
    index = _term_index()
    starts = _term_starts()
    counts: dict[tuple[str, ...], int] = {}
    words: dict[tuple[str, ...], str] = {}
    n_words = 0
    for seg in segments:
        stems = seg.stems
        n_words += len(stems)
        free = 0  # the first position not inside a term already counted
        for i in [i for i, s in enumerate(stems) if s in starts]:
            if i < free:
                continue
            # The longest term at a position wins, so "post-quantum cryptography" does not also count
            # as "quantum" and "cryptography".
            for n in range(min(starts[stems[i]], len(stems) - i), 0, -1):
                key = stems[i : i + n]
                if key in index:
                    counts[key] = counts.get(key, 0) + 1
                    if key not in words:
                        words[key] = " ".join(dict.fromkeys(seg.words[i : i + n]))
                    free = i + n
                    break
    evidence = np.zeros(len(AREAS))
    found: list[dict[str, float]] = [{} for _ in AREAS]
    damping = max(1.0, math.sqrt(n_words / _LENGTH_UNIT))
    for key, count in counts.items():
        for i, specificity in index[key]:
            weight = specificity * (1.0 + math.log(count)) / damping
            evidence[i] += weight
            found[i][words[key]] = found[i].get(words[key], 0.0) + weight
    return evidence, found


def _confidence(evidence: np.ndarray) -> np.ndarray:
    return 1.0 - np.exp(-evidence / _SCALE)


def classify_analysis(analysis: Analysis, min_confidence: float = 0.3) -> tuple[AreaMatch, ...]:
    """``classify`` for text already analysed."""
    evidence, found = _evidence(shared_segments(analysis))
    confidence = _confidence(evidence)
    matches = [
        AreaMatch(
            code=AREAS[i].code,
            confidence=round(float(confidence[i]), 4),
            terms=tuple(t for t, _ in sorted(found[i].items(), key=lambda kv: (-kv[1], kv[0]))),
        )
        for i in range(len(AREAS))
        if confidence[i] >= min_confidence and confidence[i] > 0
    ]
    return tuple(sorted(matches, key=lambda m: (-m.confidence, _INDEX[m.code])))


def classify(text: str, min_confidence: float = 0.3, language: str | None = None) -> tuple[AreaMatch, ...]:
    """The EDT areas ``text`` is about, most confident first (none for text about none of them)."""
    return classify_analysis(analyze(text, language), min_confidence)


def area_vectors(segmented: Sequence[Sequence[Segment]]) -> np.ndarray:
    """One row of area confidences (``AREAS`` order) per text given as its shared segments."""
    out = np.zeros((len(segmented), len(AREAS)))
    for row, segments in enumerate(segmented):
        out[row] = _confidence(_evidence(segments)[0])
    return out
