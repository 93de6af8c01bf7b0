"""Data and information security: technologies, settings and end users (English and French, aligned)."""

from __future__ import annotations

from lodestar.demo.bank import setting, topic

C = "data-and-information-security"

SETTING = setting(
    C,
    users=(
        ("signals battalion", "m:bataillon de transmissions"),
        ("coalition joint headquarters", "m:état-major interarmées de coalition"),
        ("national cyber defence command", "m:commandement national de cyberdéfense"),
        ("military intelligence unit", "f:unité de renseignement militaire"),
        ("navy communications centre", "m:centre de communications de la marine"),
        ("defence ministry's information systems directorate",
         "f:direction des systèmes d'information d'un ministère de la Défense"),
        ("brigade staff", "m:état-major de brigade"),
        ("national CERT", "m:CERT national"),
    ),
    markets=(
        ("p:banks", "fp:banques"),
        ("p:hospitals and health insurers", "mp:hôpitaux et organismes d'assurance maladie"),
        ("p:energy utilities", "mp:fournisseurs d'énergie"),
        ("p:telecom operators", "mp:opérateurs de télécommunications"),
        ("p:public administrations", "fp:administrations publiques"),
        ("p:newsrooms and fact-checkers", "fp:rédactions et cellules de vérification des faits"),
        ("p:industrial manufacturers", "mp:industriels"),
    ),
    facilities=(
        ("cyber range", "f:plateforme d'entraînement et de test cyber"),
        ("secure communications laboratory", "m:laboratoire de communications sécurisées"),
        ("coalition network interoperability test bed", "m:banc d'interopérabilité des réseaux de coalition"),
        ("quantum communication test bed", "m:banc d'essai de communications quantiques"),
        ("tactical radio test network", "m:réseau d'essai de radios tactiques"),
        ("hardware security evaluation laboratory", "m:laboratoire d'évaluation de la sécurité matérielle"),
    ),
    standards=(
        ("ISO/IEC 27001", "f:norme ISO/CEI 27001"),
        ("Common Criteria EAL4+", "mp:Critères communs EAL4+"),
        ("FIPS 140-3", "f:norme FIPS 140-3"),
        ("IEC 62443", "f:norme CEI 62443"),
        ("the EU Cyber Resilience Act", "m:règlement européen sur la cyberrésilience"),
    ),
    expertise=(
        ("cryptography", "cryptographie"),
        ("network security", "sécurité des réseaux"),
        ("formal methods", "méthodes formelles"),
        ("machine learning", "apprentissage automatique"),
        ("distributed systems", "systèmes distribués"),
        ("information assurance", "assurance de l'information"),
        ("malware analysis", "analyse de logiciels malveillants"),
        ("identity management", "gestion des identités"),
        ("quantum information", "information quantique"),
        ("military communications", "communications militaires"),
    ),
    openers=(
        (
            "Sharing a single report with coalition partners can cost {user:a} hours of manual release "
            "checks, and by then the information is stale.",
            "Communiquer un seul rapport aux partenaires de la coalition peut coûter des heures de "
            "vérifications manuelles à {user:un}, et l'information arrive alors périmée.",
        ),
        (
            "At the tactical edge, links drop for hours and come back at a few kilobits per second, and "
            "{user:a} cannot count on reaching a central server.",
            "À l'avant, les liaisons tombent pendant des heures et reviennent à quelques kilobits par "
            "seconde : "
            "{user:un} ne peut pas compter sur un serveur central.",
        ),
        (
            "During our interviews, {user:a} showed us two or three separate networks on the same desk, "
            "because data cannot move safely between them.",
            "Lors de nos entretiens, {user:un} nous a montré deux ou trois réseaux séparés sur un même "
            "bureau, faute de pouvoir faire circuler les données entre eux en sécurité.",
        ),
        (
            "Adversaries are recording encrypted traffic today in the hope of decrypting it with a quantum "
            "computer tomorrow, and {user:a} cannot say what would then be exposed.",
            "L'adversaire enregistre dès aujourd'hui du trafic chiffré dans l'espoir de le déchiffrer demain "
            "avec un ordinateur quantique, et {user:un} ne sait pas dire ce qui serait alors exposé.",
        ),
        (
            "The people who defend {ctx} are few, and most of their time goes into triaging alerts that turn "
            "out to be harmless.",
            "Ceux qui défendent {ctx:le} sont peu nombreux, et l'essentiel de leur temps passe à trier des "
            "alertes qui se révèlent sans gravité.",
        ),
        (
            "Nobody at {user:a} could tell us exactly which open-source components run inside the systems in "
            "their care.",
            "Personne, au sein {user:du}, n'a pu nous dire précisément quels composants libres tournent dans "
            "les systèmes exploités.",
        ),
    ),
)

TOPICS = (
    topic(
        "data-centric-labels", C, ("cyber", "data"),
        names=(
            ("u:data-centric security labelling", "m:marquage de sécurité centré sur la donnée"),
            ("p:policy-carrying data labels", "mp:marquages porteurs de leur politique d'accès"),
        ),
        problem=(
            "Each nation labels and releases data under its own rules, so a sensor track or a report often "
            "cannot reach an ally until a person has checked it line by line.",
            "Chaque nation marque et diffuse ses données selon ses propres règles : une piste radar ou un "
            "rapport ne parvient souvent à un allié qu'après une vérification ligne à ligne par un "
            "opérateur.",
        ),
        how=(
            "We bind a cryptographically signed label, following STANAG 4774 and 4778, to every data object, "
            "and enforce release policies automatically at each gateway.",
            "Nous associons à chaque objet de données un marquage signé cryptographiquement, conforme aux "
            "STANAG 4774 et 4778, et les politiques de diffusion s'appliquent automatiquement à chaque "
            "passerelle.",
        ),
        gain=(
            "In a staff exercise, releasable reports reached partners in minutes instead of the usual half "
            "day, with every release decision logged.",
            "Lors d'un exercice d'état-major, les rapports diffusables sont parvenus aux partenaires en "
            "quelques minutes au lieu de la demi-journée habituelle, chaque décision de diffusion étant "
            "journalisée.",
        ),
        detail=(
            "Labels survive copying, splitting and format conversion because they are bound to a hash of the "
            "content rather than to the file.",
            "Les marquages résistent à la copie, au découpage et au changement de format, car ils sont liés "
            "à "
            "une empreinte du contenu et non au fichier.",
        ),
        goal=(
            "share releasable data with allies in minutes",
            "partager en quelques minutes les données diffusables avec les alliés",
        ),
        keywords=(
            ("data-centric security", "sécurité centrée sur la donnée"),
            ("confidentiality labels", "marquages de confidentialité"),
            ("attribute-based access control", "contrôle d'accès par attributs"),
            ("information sharing", "partage de l'information"),
        ),
        contexts=(
            ("p:coalition networks", "mp:réseaux de coalition"),
            ("p:deployed headquarters", "mp:états-majors déployés"),
            ("p:intelligence cells", "fp:cellules de renseignement"),
        ),
    ),
    topic(
        "cross-domain-guard", C, ("cyber", "ai"),
        names=(
            ("cross-domain guard with machine-assisted release",
             "f:passerelle interdomaines avec aide à la diffusion"),
            ("secure cross-domain gateway", "f:passerelle interdomaines sécurisée"),
        ),
        problem=(
            "Moving a file from a classified network to a coalition one still means a release officer "
            "reading "
            "it in full, and the queue grows faster than anyone can read.",
            "Faire passer un fichier d'un réseau classifié à un réseau de coalition suppose encore qu'un "
            "officier de diffusion le lise en entier, et la file d'attente s'allonge plus vite qu'on ne lit.",
        ),
        how=(
            "Our gateway combines a content-inspection guard with a language model that highlights the "
            "passages likely to breach the release policy, so the officer reviews only what matters.",
            "Notre passerelle associe un filtre d'inspection de contenu à un modèle de langue qui signale "
            "les "
            "passages susceptibles d'enfreindre la politique de diffusion : l'officier ne relit que ce qui "
            "compte.",
        ),
        gain=(
            "Reviewers processed three times more documents per hour in our user trial, and the model missed "
            "none of the sensitive passages seeded for the test.",
            "Lors de notre essai avec des utilisateurs, les relecteurs ont traité trois fois plus de "
            "documents "
            "par heure, et le modèle n'a manqué aucun des passages sensibles insérés pour le test.",
        ),
        detail=(
            "The model runs entirely inside the accredited enclave, explains each highlight by quoting the "
            "rule "
            "it matches, and never releases anything on its own.",
            "Le modèle fonctionne entièrement dans l'enclave homologuée, justifie chaque signalement en "
            "citant "
            "la règle concernée et ne diffuse jamais rien de lui-même.",
        ),
        goal=(
            "speed up the release of documents across security domains",
            "accélérer la diffusion des documents entre domaines de sécurité",
        ),
        keywords=(
            ("cross-domain solutions", "solutions interdomaines"),
            ("release review", "contrôle de diffusion"),
            ("natural language processing", "traitement automatique des langues"),
            ("explainable AI", "IA explicable"),
        ),
        contexts=(
            ("p:classified networks", "mp:réseaux classifiés"),
            ("p:coalition networks", "mp:réseaux de coalition"),
            ("p:deployed headquarters", "mp:états-majors déployés"),
        ),
    ),
    topic(
        "pqc-migration", C, ("quantum", "cyber"),
        names=(
            ("post-quantum migration toolkit", "f:boîte à outils de migration post-quantique"),
            ("cryptographic inventory and agility platform",
             "f:plateforme d'inventaire et d'agilité cryptographiques"),
        ),
        problem=(
            "Before a system can move to quantum-safe algorithms, its owners must know where cryptography is "
            "used, and almost nobody has that inventory.",
            "Avant qu'un système puisse passer à des algorithmes résistants au quantique, ses responsables "
            "doivent savoir où la cryptographie est utilisée, et presque personne ne dispose de cet "
            "inventaire.",
        ),
        how=(
            "Our scanner inspects binaries, configurations and network traffic to map every key exchange and "
            "signature, then proposes hybrid classical and post-quantum replacements such as ML-KEM and "
            "ML-DSA.",
            "Notre outil analyse binaires, configurations et trafic réseau pour recenser chaque échange de "
            "clés "
            "et chaque signature, puis propose des remplacements hybrides, classiques et post-quantiques, "
            "comme "
            "ML-KEM et ML-DSA.",
        ),
        gain=(
            "On a pilot network of 4,000 hosts it found 38 % more cryptographic dependencies than the manual "
            "inventory, including hard-coded keys in old firmware.",
            "Sur un réseau pilote de 4 000 machines, il a relevé 38 % de dépendances cryptographiques de "
            "plus "
            "que l'inventaire manuel, dont des clés codées en dur dans d'anciens micrologiciels.",
        ),
        detail=(
            "A crypto-agility layer lets administrators switch algorithms by policy without recompiling "
            "applications.",
            "Une couche d'agilité cryptographique permet de changer d'algorithme par simple politique, sans "
            "recompiler les applications.",
        ),
        goal=(
            "prepare defence networks for the quantum threat",
            "préparer les réseaux de défense à la menace quantique",
        ),
        keywords=(
            ("post-quantum cryptography", "cryptographie post-quantique"),
            ("crypto-agility", "agilité cryptographique"),
            ("ML-KEM", "ML-KEM"),
            ("key management", "gestion des clés"),
        ),
        contexts=(
            ("p:legacy command systems", "mp:systèmes de commandement anciens"),
            ("p:defence networks", "mp:réseaux de défense"),
            ("p:satellite ground stations", "fp:stations sol de satellites"),
        ),
    ),
    topic(
        "qkd-fibre", C, ("quantum", "networks", "cyber"),
        names=(
            ("u:quantum key distribution over existing fibre",
             "f:distribution quantique de clés sur fibre existante"),
            ("p:QKD links between defence sites", "fp:liaisons QKD entre sites de défense"),
        ),
        problem=(
            "Links between headquarters, data centres and bases carry the most sensitive traffic, and their "
            "keys are exactly what a future quantum computer would break.",
            "Les liaisons entre états-majors, centres de données et bases transportent le trafic le plus "
            "sensible, et leurs clés sont précisément ce qu'un futur ordinateur quantique casserait.",
        ),
        how=(
            "Our continuous-variable system encodes keys in the quadratures of weak laser pulses with "
            "standard "
            "telecom components, so it runs over dark fibre already in the ground.",
            "Notre système à variables continues encode les clés dans les quadratures d'impulsions laser de "
            "faible intensité, avec des composants télécoms standard : il fonctionne sur la fibre noire déjà "
            "installée.",
        ),
        gain=(
            "Our field link delivers secret keys at 10 kbit/s over 40 km, enough to refresh an AES-256 key "
            "every second.",
            "Notre liaison de terrain fournit des clés secrètes à 10 kbit/s sur 40 km, assez pour renouveler "
            "une clé AES-256 chaque seconde.",
        ),
        detail=(
            "Quantum keys are combined with a post-quantum key exchange, so security never rests on the "
            "quantum "
            "link alone.",
            "Les clés quantiques sont combinées à un échange de clés post-quantique : la sécurité ne repose "
            "jamais sur la seule liaison quantique.",
        ),
        goal=(
            "protect links between defence sites with quantum keys",
            "protéger par des clés quantiques les liaisons entre sites de défense",
        ),
        keywords=(
            ("quantum key distribution", "distribution quantique de clés"),
            ("continuous variables", "variables continues"),
            ("fibre networks", "réseaux de fibre optique"),
            ("quantum communication", "communication quantique"),
        ),
        contexts=(
            ("p:links between headquarters", "fp:liaisons entre états-majors"),
            ("p:government data centres", "mp:centres de données gouvernementaux"),
            ("p:naval base networks", "mp:réseaux des bases navales"),
        ),
    ),
    topic(
        "edge-identity", C, ("networks", "cyber"),
        names=(
            ("u:disconnection-tolerant identity and messaging",
             "f:messagerie et identité tolérantes aux coupures"),
            ("edge public-key infrastructure", "f:infrastructure à clés publiques pour l'avant"),
        ),
        problem=(
            "When a unit loses its link to the central directory, certificates can be neither checked nor "
            "revoked, and a captured radio can stay trusted for days.",
            "Quand une unité perd sa liaison avec l'annuaire central, les certificats ne peuvent plus être "
            "ni "
            "vérifiés ni révoqués, et un poste radio capturé peut rester de confiance pendant des jours.",
        ),
        how=(
            "Each node carries a compact trust ledger that peers synchronise whenever they meet, so "
            "credentials "
            "and revocations spread through the network even without a connection to the centre.",
            "Chaque nœud embarque un registre de confiance compact que les pairs synchronisent à chaque "
            "rencontre : identités et révocations se propagent dans le réseau même sans liaison avec le "
            "centre.",
        ),
        gain=(
            "In a 60-node simulation with links up only a third of the time, a revocation reached 95 % of "
            "nodes within 20 minutes, against several hours with the current method.",
            "Dans une simulation de 60 nœuds dont les liaisons ne fonctionnent qu'un tiers du temps, une "
            "révocation a atteint 95 % des nœuds en 20 minutes, contre plusieurs heures avec la méthode "
            "actuelle.",
        ),
        detail=(
            "Synchronisation messages fit in 200 bytes, small enough for narrowband tactical radios.",
            "Les messages de synchronisation tiennent en 200 octets, ce qui convient aux radios tactiques à "
            "bande étroite.",
        ),
        goal=(
            "keep trust working when tactical links drop",
            "préserver la confiance quand les liaisons tactiques tombent",
        ),
        keywords=(
            ("public-key infrastructure", "infrastructure à clés publiques"),
            ("delay-tolerant networking", "réseaux tolérants aux délais"),
            ("identity management", "gestion des identités"),
            ("tactical radios", "radios tactiques"),
        ),
        contexts=(
            ("p:tactical networks", "mp:réseaux tactiques"),
            ("p:dismounted units", "fp:unités débarquées"),
            ("p:unmanned systems", "mp:systèmes sans pilote"),
        ),
    ),
    topic(
        "software-supply-chain", C, ("cyber", "data"),
        names=(
            ("u:software supply-chain assurance",
             "f:sécurisation de la chaîne d'approvisionnement logicielle"),
            ("u:automated firmware analysis", "f:analyse automatisée de micrologiciels"),
        ),
        problem=(
            "Defence systems run millions of lines of third-party and open-source code, yet few programme "
            "offices can list what is inside the equipment they buy.",
            "Les systèmes de défense exécutent des millions de lignes de code tiers et libre, mais peu de "
            "services de programme savent dire ce que contiennent les équipements qu'ils achètent.",
        ),
        how=(
            "Our platform rebuilds a software bill of materials from binaries alone, matches components "
            "against "
            "vulnerability databases, and flags code that behaves differently from its supplier's "
            "description.",
            "Notre plateforme reconstitue une nomenclature logicielle à partir des seuls binaires, la "
            "confronte "
            "aux bases de vulnérabilités et signale le code dont le comportement diffère de la description "
            "du "
            "fournisseur.",
        ),
        gain=(
            "On 120 firmware images from common network equipment it identified 94 % of components and found "
            "17 undisclosed remote-access functions.",
            "Sur 120 images de micrologiciels d'équipements réseau courants, elle a identifié 94 % des "
            "composants et découvert 17 fonctions d'accès à distance non déclarées.",
        ),
        detail=(
            "Analysis runs offline on the customer's premises, so no firmware ever leaves the secure "
            "environment.",
            "L'analyse se fait hors ligne, dans les locaux du client : aucun micrologiciel ne quitte "
            "l'environnement sécurisé.",
        ),
        goal=(
            "know what code runs inside defence equipment",
            "savoir quel code tourne dans les équipements de défense",
        ),
        keywords=(
            ("software bill of materials", "nomenclature logicielle"),
            ("firmware analysis", "analyse de micrologiciels"),
            ("vulnerability management", "gestion des vulnérabilités"),
            ("supply-chain security", "sécurité de la chaîne d'approvisionnement"),
        ),
        contexts=(
            ("p:procurement programmes", "mp:programmes d'acquisition"),
            ("p:network equipment fleets", "mp:parcs d'équipements réseau"),
            ("p:weapon system software", "mp:logiciels des systèmes d'armes"),
        ),
    ),
    topic(
        "deepfake-forensics", C, ("ai", "data"),
        names=(
            ("u:manipulated media detection", "f:détection des médias manipulés"),
            ("u:deepfake and disinformation forensics", "f:analyse forensique des hypertrucages"),
        ),
        problem=(
            "Synthetic videos and doctored images reach decision makers and the public faster than analysts "
            "can verify them, and a convincing fake can shape a crisis within hours.",
            "Vidéos synthétiques et images retouchées parviennent aux décideurs et au public plus vite que "
            "les "
            "analystes ne peuvent les vérifier, et un faux convaincant peut orienter une crise en quelques "
            "heures.",
        ),
        how=(
            "Our detectors combine physiological cues, compression traces and provenance metadata, and place "
            "each item in a timeline of where and when it first appeared.",
            "Nos détecteurs combinent indices physiologiques, traces de compression et métadonnées de "
            "provenance, et situent chaque contenu dans une chronologie de sa première apparition.",
        ),
        gain=(
            "On a public benchmark and our own set of 5,000 recent fakes, the system keeps over 90 % "
            "accuracy "
            "on generators it was never trained on.",
            "Sur un jeu de référence public et sur notre propre corpus de 5 000 faux récents, le système "
            "conserve plus de 90 % d'exactitude face à des générateurs jamais vus à l'entraînement.",
        ),
        detail=(
            "Each verdict comes with a heat map and a plain-language explanation that an analyst can quote "
            "in "
            "a report.",
            "Chaque verdict s'accompagne d'une carte de chaleur et d'une explication en langage clair qu'un "
            "analyste peut reprendre dans un rapport.",
        ),
        goal=(
            "expose deepfakes before they spread",
            "démasquer les hypertrucages avant qu'ils ne se propagent",
        ),
        keywords=(
            ("deepfakes", "hypertrucages"),
            ("media forensics", "analyse forensique des médias"),
            ("disinformation", "désinformation"),
            ("content provenance", "provenance des contenus"),
        ),
        contexts=(
            ("p:strategic communications teams", "fp:équipes de communication stratégique"),
            ("p:open-source intelligence cells", "fp:cellules de renseignement en sources ouvertes"),
            ("p:crisis centres", "mp:centres de crise"),
        ),
    ),
    topic(
        "homomorphic-sharing", C, ("data", "cyber"),
        names=(
            ("u:privacy-preserving analytics with homomorphic encryption",
             "f:analyse confidentielle par chiffrement homomorphe"),
            ("u:confidential analytics for coalition data",
             "f:analyse confidentielle des données de coalition"),
        ),
        problem=(
            "Allies could learn far more by analysing their data together, but no nation will hand raw "
            "intelligence or personnel records to a shared server.",
            "Les alliés apprendraient bien davantage en analysant leurs données ensemble, mais aucune nation "
            "ne confiera du renseignement brut ou des dossiers personnels à un serveur commun.",
        ),
        how=(
            "Our library lets partners run statistics and machine-learning models on encrypted data, so each "
            "nation sees the joint result but never the others' records.",
            "Notre bibliothèque permet aux partenaires d'exécuter statistiques et modèles d'apprentissage "
            "sur "
            "des données chiffrées : chaque nation voit le résultat commun, jamais les enregistrements des "
            "autres.",
        ),
        gain=(
            "Queries that took hours with earlier homomorphic schemes now run in minutes on a single GPU "
            "server.",
            "Des requêtes qui prenaient des heures avec les schémas homomorphes précédents s'exécutent "
            "désormais en quelques minutes sur un seul serveur GPU.",
        ),
        detail=(
            "We use the CKKS scheme with GPU-accelerated bootstrapping, and a compiler that chooses "
            "parameters "
            "automatically so that analysts need not be cryptographers.",
            "Nous utilisons le schéma CKKS avec un bootstrapping accéléré sur GPU, et un compilateur qui "
            "choisit "
            "les paramètres automatiquement pour que les analystes n'aient pas à être cryptographes.",
        ),
        goal=(
            "let allies analyse data together without sharing it",
            "permettre aux alliés d'analyser leurs données ensemble sans les partager",
        ),
        keywords=(
            ("homomorphic encryption", "chiffrement homomorphe"),
            ("privacy-enhancing technologies", "technologies de protection de la vie privée"),
            ("secure computation", "calcul sécurisé"),
            ("data sharing", "partage de données"),
        ),
        contexts=(
            ("p:intelligence cells", "fp:cellules de renseignement"),
            ("p:military health services", "mp:services de santé des armées"),
            ("p:coalition networks", "mp:réseaux de coalition"),
        ),
    ),
    topic(
        "tactical-ids", C, ("ai", "cyber", "networks"),
        names=(
            ("u:explainable intrusion detection for tactical networks",
             "f:détection d'intrusion explicable pour réseaux tactiques"),
            ("u:AI-assisted network defence", "f:cyberdéfense assistée par l'IA"),
        ),
        problem=(
            "Tactical and operational-technology networks carry unusual protocols that commercial security "
            "tools do not understand, so attacks go unnoticed or drown in false alarms.",
            "Les réseaux tactiques et industriels véhiculent des protocoles inhabituels que les outils de "
            "sécurité du commerce ne comprennent pas : les attaques passent inaperçues ou se noient dans les "
            "fausses alertes.",
        ),
        how=(
            "Our sensor learns the normal behaviour of each link and device from a few days of traffic and "
            "raises alerts that say which device, which behaviour, and why it is unusual.",
            "Notre sonde apprend en quelques jours de trafic le comportement normal de chaque liaison et de "
            "chaque équipement, puis émet des alertes qui précisent l'équipement, le comportement et la "
            "raison "
            "de l'anomalie.",
        ),
        gain=(
            "In a red-team exercise it detected 11 of 12 attack paths and cut the alerts analysts had to "
            "handle "
            "by 80 %.",
            "Lors d'un exercice d'attaque simulée, elle a détecté 11 des 12 chemins d'attaque et réduit de "
            "80 % "
            "les alertes à traiter par les analystes.",
        ),
        detail=(
            "The model runs on a ruggedised single-board computer and needs no connection to a central "
            "security operations centre.",
            "Le modèle tourne sur un ordinateur monocarte durci et n'a besoin d'aucune liaison avec un "
            "centre "
            "opérationnel de sécurité.",
        ),
        goal=(
            "spot cyber attacks on tactical networks",
            "repérer les cyberattaques sur les réseaux tactiques",
        ),
        keywords=(
            ("intrusion detection", "détection d'intrusion"),
            ("anomaly detection", "détection d'anomalies"),
            ("operational technology", "informatique industrielle"),
            ("explainable AI", "IA explicable"),
        ),
        contexts=(
            ("p:tactical networks", "mp:réseaux tactiques"),
            ("p:ship networks", "mp:réseaux embarqués des navires"),
            ("p:air defence systems", "mp:systèmes de défense aérienne"),
        ),
    ),
)
