"""Texts of the engagement demo (demo/engagement.py): kinds and sectors of organisations, big tech and
think tanks (fictional), space segments and their capabilities, and ideas sent to the consultation on
AI, in English and French."""

from __future__ import annotations

KIND_SHARE = {  # out of 100
    "startup": 30,
    "sme": 22,
    "large": 8,
    "big_tech": 1,
    "space": 9,
    "university": 9,
    "research": 7,
    "think_tank": 4,
    "government": 5,
    "end_user": 3,
    "nonprofit": 2,
}
SECTORS = {
    "startup": ("Robotics", "Quantum", "Photonics", "Analytics", "Autonomy", "Cyber", "Sensors", "Materials"),
    "sme": ("Engineering", "Systems", "Electronics", "Composites", "Software", "Optics"),
    "large": ("Aerospace", "Defence Systems", "Naval Systems", "Industries", "Electronics"),
    "space": ("Space", "Orbital", "Satellites", "Launch", "Geospatial"),
}
BIG_TECH = (
    "Northwind Cloud",
    "Meridian Computing",
    "Cobalt Search",
    "Halcyon Devices",
    "Atlas Networks",
    "Vireo Systems",
    "Quasar Semiconductors",
    "Larkspur AI",
    "Solstice Software",
    "Keystone Data",
    "Aurelia Platforms",
    "Cirrus Compute",
    "Polaris Chips",
    "Tessera Labs",
    "Nimbus Robotics",
)
THINK_TANKS = (
    ("Atlantic Futures Institute", "GB"),
    ("Institut Lumière d'études stratégiques", "FR"),
    ("Centre for Defence Investment", "BE"),
    ("Nordic Security Forum", "NO"),
    ("Venture and Security Council", "US"),
    ("Istituto Aurora per la Difesa", "IT"),
)
SEGMENTS = (
    "satellite_maker",
    "satellite_telecoms",
    "in_orbit_servicing",
    "launch",
    "earth_observation",
    "ground_segment",
)
CAPABILITIES = {
    "satellite_maker": ("Small satellite platforms", "Synthetic aperture radar payloads"),
    "satellite_telecoms": ("Laser inter-satellite links", "Secure satellite communications"),
    "in_orbit_servicing": ("Robotic arms for docking", "Refuelling in orbit"),
    "launch": ("Small launcher", "Rideshare integration"),
    "earth_observation": ("Optical imagery archive", "Change detection from radar imagery"),
    "ground_segment": ("Ground stations", "Mission control software"),
}
SYLLABLES = [
    "al",
    "ba",
    "cor",
    "da",
    "el",
    "fa",
    "gor",
    "hel",
    "ir",
    "ka",
    "lum",
    "mar",
    "nor",
    "ost",
    "pra",
    "quin",
    "ros",
    "sol",
    "tor",
    "ul",
    "ven",
    "wil",
    "xen",
    "yar",
    "zor",
]

IDEAS = (
    (
        "en",
        "idea",
        "Shared test data for AI",
        "Allies should share labelled test data for AI models used in "
        "sensing and surveillance, so that every nation can check a model before buying it.",
    ),
    (
        "fr",
        "position",
        "Une IA explicable pour la décision",
        "Les systèmes d'aide à la décision doivent montrer "
        "leurs éléments de preuve : l'opérateur garde la responsabilité et doit "
        "comprendre la recommandation.",
    ),
    (
        "en",
        "idea",
        "Energy for edge computing",
        "Edge computing in forward bases needs energy and power: "
        "batteries and microgrids sized for AI workloads, with solar charging.",
    ),
    (
        "fr",
        "idea",
        "Détection des drones par l'IA",
        "Des capteurs acoustiques et radar combinés à l'IA "
        "détecteraient les petits drones autour des infrastructures critiques.",
    ),
    (
        "en",
        "position",
        "Venture capital and dual-use AI",
        "Venture capital will back dual-use AI start-ups "
        "only with clear procurement paths; publish the road from pilot to contract.",
    ),
    (
        "fr",
        "position",
        "Souveraineté des données",
        "Les données d'entraînement des modèles de défense doivent "
        "rester sous le contrôle des nations, hébergées dans des centres de données alliés.",
    ),
    (
        "en",
        "idea",
        "Red-teaming language models",
        "A shared red team would test large language models "
        "against deception and data poisoning before any operational use.",
    ),
    (
        "fr",
        "idea",
        "Maintenance prédictive",
        "L'IA peut prévoir les pannes des véhicules et des navires à "
        "partir des données des capteurs, et réduire les stocks de pièces.",
    ),
    (
        "en",
        "idea",
        "Satellite imagery and AI",
        "Pooling national and commercial satellite imagery, radar and "
        "optical, with AI change detection, would give persistent surveillance from space.",
    ),
    (
        "fr",
        "position",
        "Former les opérateurs",
        "Sans formation des opérateurs, l'IA restera inutilisée : il "
        "faut des cours communs et des exercices avec de vrais systèmes.",
    ),
    (
        "en",
        "position",
        "Bias testing before fielding",
        "Every AI system should be tested for bias on data "
        "from each nation where it will be used, and the results published to the nations.",
    ),
    (
        "en",
        "idea",
        "Cyber defence with AI",
        "AI can triage alerts in security operations centres and share "
        "threat intelligence between allies in minutes instead of days.",
    ),
)
