"""The plans of the partner science grants' demo (`demo/partnerships.py` builds them): the bodies and
people of the call with Japan on cyber defence, and each proposal with the step it has reached."""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.partnerships.mechanisms import Topic

# Nations sitting on the committee in the demo, with their delegate (France's is a demo login).
DELEGATES = {
    "DE": "Matthias Krüger",
    "IT": "Giulia Romano",
    "NO": "Ingvild Haugen",
    "PL": "Tomasz Wiśniewski",
    "GB": "Eleanor Hughes",
    "US": "Daniel Brooks",
}
EXPERTS = (
    (
        "Pieter de Vries",
        "NL",
        "Industrial control system security; intrusion detection for operational technology.",
    ),
    ("María López Ortega", "ES", "Cryptography and post-quantum key exchange; secure communications."),
    ("Jan Novák", "CZ", "Threat intelligence, malware analysis and incident response for national CERTs."),
)


@dataclass(frozen=True)
class Body:
    name: str
    nation: str
    kind: str
    slug: str


@dataclass(frozen=True)
class Plan:
    """One proposal of the demo and the step it has reached."""

    key: str
    mechanism: str
    body: Body
    member: tuple[str, str]  # co-director's name and e-mail
    partner: tuple[str, str, str]  # name, e-mail, employer (in Japan)
    title: str
    summary: str
    outline: str
    description: str
    amount: int
    length: int  # months for a project, working days for an event
    end_users: tuple[tuple[str, str], ...]
    step: str  # short, ineligible_short, not_invited, invited, review, committee, granted, workshop, course
    venue: str = ""


BODIES = {
    "wut": Body("Warsaw University of Technology", "PL", "university", "wut"),
    "rennes": Body("Université de Rennes", "FR", "university", "univ-rennes"),
    "ntnu": Body("Norwegian University of Science and Technology", "NO", "university", "ntnu"),
    "fraunhofer": Body("Fraunhofer Institute for Secure Information Technology", "DE", "research", "fhg-sit"),
    "tno": Body("TNO Cyber Security", "NL", "research", "tno"),
    "cnr": Body("Consiglio Nazionale delle Ricerche", "IT", "research", "cnr"),
    "ccdcoe": Body("Tallinn Cyber Research Foundation", "EE", "nonprofit", "tallinn-cyber"),
    "certro": Body("CERT-RO National Cyber Security Directorate", "RO", "government", "cert-ro"),
    "upm": Body("Universidad Politécnica de Madrid", "ES", "university", "upm"),
}

PLANS = (
    Plan(
        "granted",
        "multi-year-project",
        BODIES["wut"],
        ("Anna Kowalczyk", "codirector@lodestar.example"),
        ("Haruka Sato", "sato@tohoku-infosec.example", "Tohoku Institute of Information Security"),
        "Federated intrusion detection for port control systems",
        "Two laboratories train intrusion detectors on the control systems of Polish and Japanese ports "
        "without pooling their data.",
        "Ports in both nations run the same families of industrial control systems, and attacks on one are "
        "soon tried on the other. We build federated detection: each port trains on its own traffic, only "
        "model updates are shared, and the end users test each release on a port testbed.",
        "Objectives: detectors for the Modbus and DNP3 traffic of container terminals, trained by federated "
        "learning across Gdańsk and Yokohama. Work plan: year one, traffic capture and threat models with "
        "the "
        "port operators; year two, federated training and red-team tests on a testbed; year three, transfer "
        "to the Polish Cyberspace Defence Forces and the Japanese Coast Guard. Budget: two doctoral "
        "researchers, testbed equipment and four joint meetings.",
        320_000,
        36,
        (("Cyberspace Defence Forces Component Command", "PL"), ("Port of Gdańsk Authority", "PL")),
        "granted",
    ),
    Plan(
        "committee",
        "multi-year-project",
        BODIES["rennes"],
        ("Claire Martin", "codirectrice@lodestar.example"),
        ("Kenji Watanabe", "watanabe@kyoto-cyber.example", "Kyoto Centre for Cyber Resilience"),
        "Détection multilingue des campagnes de désinformation coordonnées",
        "Deux équipes détectent ensemble les campagnes coordonnées de désinformation en français et en "
        "japonais.",
        "Les campagnes d'influence visent désormais plusieurs pays et plusieurs langues à la fois. Nous "
        "associons des modèles de langue légers et l'analyse des réseaux de comptes pour repérer tôt les "
        "campagnes coordonnées, avec le COMCYBER comme utilisateur final.",
        "Objectifs : un corpus annoté de campagnes en français et en japonais, des détecteurs explicables et "
        "un "
        "tableau de bord pour les analystes. Plan de travail : première année, corpus et protocole "
        "d'annotation ; "
        "deuxième année, modèles et évaluation avec les analystes ; troisième année, transfert. Budget : "
        "deux "
        "post-doctorants, calcul, annotation et missions entre Rennes et Kyoto.",
        280_000,
        30,
        (("Commandement de la cyberdéfense", "FR"),),
        "committee",
    ),
    Plan(
        "review",
        "multi-year-project",
        BODIES["ntnu"],
        ("Sigrid Lund", "sigrid.lund@partners.example"),
        ("Takeshi Mori", "mori@osaka-marine.example", "Osaka Marine Systems Laboratory"),
        "Cyber resilience of undersea cable landing stations",
        "Protecting the landing stations of undersea cables against combined cyber and physical attacks.",
        "Landing stations are where undersea cables become vulnerable networks. We model attacks that join "
        "intrusion and sabotage, and test detection and recovery at two stations.",
        "Objectives: a threat model of landing stations; monitoring that correlates network and sensor "
        "alarms; "
        "recovery drills with the operators. Work plan over 24 months with the Norwegian Armed Forces Cyber "
        "Defence and a Japanese cable operator as end users; two stations serve as test sites.",
        240_000,
        24,
        (("Norwegian Armed Forces Cyber Defence", "NO"),),
        "review",
    ),
    Plan(
        "invited",
        "multi-year-project",
        BODIES["fraunhofer"],
        ("Lukas Becker", "lukas.becker@partners.example"),
        ("Aiko Tanaka", "tanaka@tsukuba-crypto.example", "Tsukuba Cryptography Research Centre"),
        "Post-quantum key exchange for tactical radio networks",
        "Post-quantum key exchange that fits the bandwidth and latency of tactical radios.",
        "Tactical radios cannot carry the large keys of post-quantum schemes. We adapt key encapsulation to "
        "low-bandwidth links and test it on radios of both nations.",
        "",
        380_000,
        36,
        (("Bundeswehr Cyber and Information Domain Service", "DE"),),
        "invited",
    ),
    Plan(
        "short",
        "multi-year-project",
        BODIES["tno"],
        ("Femke Jansen", "femke.jansen@partners.example"),
        ("Yuki Kobayashi", "kobayashi@nagoya-ics.example", "Nagoya Industrial Security Institute"),
        "Cyber ranges for operators of critical infrastructure",
        "A shared cyber range where water and energy operators of both nations train against realistic "
        "attacks.",
        "Operators of water and energy networks rarely train against attacks on their own systems. We link "
        "two cyber ranges so that teams of both nations train on the same scenarios.",
        "",
        210_000,
        24,
        (("Dutch National Cyber Security Centre", "NL"),),
        "short",
    ),
    Plan(
        "ineligible",
        "multi-year-project",
        BODIES["cnr"],
        ("Marco Ferri", "marco.ferri@partners.example"),
        ("Ren Ishikawa", "ishikawa@bay-ai.example", "Bay Area AI Security Lab"),
        "AI-assisted triage of malware for national CERTs",
        "Machine learning that ranks incoming malware samples so analysts look at the dangerous ones first.",
        "National CERTs receive thousands of samples a day. We rank them with models trained on past "
        "incidents and explain each rank to the analyst.",
        "",
        180_000,
        24,
        (("Agenzia per la Cybersicurezza Nazionale", "IT"),),
        "short",
    ),
    Plan(
        "not_invited",
        "multi-year-project",
        BODIES["upm"],
        ("Lucía Navarro", "lucia.navarro@partners.example"),
        ("Hiroshi Yamada", "yamada@sendai-logistics.example", "Sendai Logistics Research Institute"),
        "Distributed ledgers for military logistics records",
        "A shared ledger of spare parts and maintenance records between allied logistics units.",
        "Logistics records are kept apart by each nation. We test a permissioned ledger for spare parts.",
        "",
        150_000,
        24,
        (("Spanish Army Logistics Command", "ES"),),
        "not_invited",
    ),
    Plan(
        "workshop",
        "advanced-research-workshop",
        BODIES["ccdcoe"],
        ("Kadri Tamm", "kadri.tamm@partners.example"),
        ("Sakura Endo", "endo@tokyo-cti.example", "Tokyo Cyber Threat Intelligence Forum"),
        "Advanced research workshop: sharing cyber threat intelligence across the Indo-Pacific and Europe",
        "Three days for forty researchers and practitioners on what stops threat intelligence from being "
        "shared.",
        "Threat intelligence is shared late or not at all between regions. The workshop brings researchers, "
        "CERTs and defence end users together to map the obstacles and the research needed.",
        "Programme: day one, the state of sharing standards and legal limits; day two, case studies of joint "
        "incident response; day three, a research agenda written by the participants. Forty participants, "
        "half from member nations, half from Japan; proceedings published as a book.",
        38_000,
        3,
        (("Estonian Defence Forces Cyber Command", "EE"),),
        "workshop",
        "Tallinn",
    ),
    Plan(
        "course",
        "advanced-training-course",
        BODIES["certro"],
        ("Andrei Popescu", "andrei.popescu@partners.example"),
        ("Mei Fujita", "fujita@jpcert-academy.example", "Japan Incident Response Academy"),
        "Advanced training course on incident response for national CERT teams",
        "Five days of hands-on incident response training for twenty analysts of partner CERTs.",
        "Analysts of Japanese CERTs train with Romanian instructors on the incident response methods used "
        "in the alliance, on a shared exercise platform.",
        "Programme: forensics of compromised hosts, malware triage, coordination between CERTs, a final "
        "exercise on a simulated attack against an energy operator. Twenty trainees, six instructors; "
        "material published in English and Japanese.",
        55_000,
        5,
        (("Romanian National Cyber Security Directorate", "RO"),),
        "course",
        "Bucharest",
    ),
)

TOPIC = Topic(
    "cyber-defence",
    "Cyber defence",
    "Cyberdéfense",
    "Research with Japan on the defence of networks, critical infrastructure and information against "
    "cyber attacks.",
    "Recherche avec le Japon sur la défense des réseaux, des infrastructures critiques et de l'information "
    "contre les cyberattaques.",
)
