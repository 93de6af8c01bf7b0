"""Research topics outside the five challenges, so that expert profiles cover every EDT area
(quantum computing, hypersonics, space, communication networks, AI hardware, materials, biotechnology).
They use the same shape as challenge topics; their challenge code is empty."""

from __future__ import annotations

from lodestar.demo.bank import topic

TOPICS = (
    topic(
        "quantum-error-correction", "", ("quantum", "data"),
        names=(
            ("u:quantum error correction for superconducting processors",
             "f:correction d'erreurs quantiques pour processeurs supraconducteurs"),
            ("u:fault-tolerant quantum computing", "m:calcul quantique tolérant aux fautes"),
        ),
        problem=(
            "Today's quantum processors lose their information within microseconds, which limits them to "
            "shallow circuits of little practical use.",
            "Les processeurs quantiques actuels perdent leur information en quelques microsecondes, ce qui "
            "les "
            "cantonne à des circuits peu profonds d'une utilité pratique limitée.",
        ),
        how=(
            "Surface codes spread one logical qubit over many physical qubits and detect errors through "
            "repeated "
            "parity measurements decoded in real time.",
            "Les codes de surface répartissent un qubit logique sur de nombreux qubits physiques et "
            "détectent les "
            "erreurs par des mesures de parité répétées, décodées en temps réel.",
        ),
        gain=(
            "Increasing the code distance from three to five reduced the logical error rate by a factor of "
            "two.",
            "Passer d'une distance de code de trois à cinq a divisé par deux le taux d'erreur logique.",
        ),
        detail=(
            "A decoder running on an FPGA keeps up with a measurement cycle of one microsecond.",
            "Un décodeur sur FPGA suit un cycle de mesure d'une microseconde.",
        ),
        goal=(
            "make quantum computers reliable enough to be useful",
            "rendre les ordinateurs quantiques assez fiables pour être utiles",
        ),
        keywords=(
            ("quantum computing", "calcul quantique"),
            ("error correction", "correction d'erreurs"),
            ("superconducting qubits", "qubits supraconducteurs"),
            ("decoders", "décodeurs"),
        ),
        contexts=(
            ("p:cryptanalysis workloads", "fp:charges de cryptanalyse"),
            ("p:materials simulation", "fp:simulations de matériaux"),
            ("p:logistics optimisation", "fp:optimisations logistiques"),
        ),
    ),
    topic(
        "hypersonic-tps", "", ("hypersonics", "materials"),
        names=(
            ("u:ultra-high-temperature ceramic thermal protection",
             "f:protection thermique en céramiques ultra-réfractaires"),
            ("u:thermal protection for hypersonic vehicles",
             "f:protection thermique des véhicules hypersoniques"),
        ),
        problem=(
            "Leading edges of vehicles flying above Mach 5 reach more than 2,000 °C, beyond what metals and "
            "conventional composites withstand.",
            "Les bords d'attaque des véhicules volant au-delà de Mach 5 dépassent 2 000 °C, bien au-delà de "
            "ce "
            "que supportent les métaux et les composites classiques.",
        ),
        how=(
            "Zirconium and hafnium diboride ceramics, reinforced with carbon fibres, keep their strength and "
            "form a protective oxide layer at extreme temperatures.",
            "Des céramiques de diborure de zirconium et d'hafnium, renforcées de fibres de carbone, "
            "conservent "
            "leur résistance et forment une couche d'oxyde protectrice aux températures extrêmes.",
        ),
        gain=(
            "Samples survived ten arc-jet exposures at 2,200 °C with less than 0.1 mm of recession.",
            "Les échantillons ont supporté dix expositions en soufflerie à arc à 2 200 °C avec moins de 0,1 "
            "mm "
            "d'ablation.",
        ),
        detail=(
            "Additive shaping of the green body allows sharp, complex leading edges without machining.",
            "La mise en forme additive de la pièce crue permet des bords d'attaque fins et complexes sans "
            "usinage.",
        ),
        goal=(
            "let hypersonic vehicles survive their own heat",
            "permettre aux véhicules hypersoniques de résister à leur propre échauffement",
        ),
        keywords=(
            ("hypersonics", "hypersonique"),
            ("ultra-high-temperature ceramics", "céramiques ultra-réfractaires"),
            ("thermal protection", "protection thermique"),
            ("arc-jet testing", "essais en soufflerie à arc"),
        ),
        contexts=(
            ("p:hypersonic glide vehicles", "mp:planeurs hypersoniques"),
            ("p:re-entry capsules", "fp:capsules de rentrée atmosphérique"),
            ("p:scramjet engines", "mp:statoréacteurs à combustion supersonique"),
        ),
    ),
    topic(
        "hypersonic-tracking", "", ("hypersonics", "space", "data"),
        names=(
            ("u:space-based tracking of hypersonic glide vehicles",
             "m:suivi spatial des planeurs hypersoniques"),
            ("u:hypersonic threat early warning", "f:alerte avancée contre les menaces hypersoniques"),
        ),
        problem=(
            "Hypersonic glide vehicles fly too low for ballistic-missile radars and manoeuvre too much for "
            "classical trajectory prediction.",
            "Les planeurs hypersoniques volent trop bas pour les radars antimissiles balistiques et "
            "manœuvrent "
            "trop pour les prédictions de trajectoire classiques.",
        ),
        how=(
            "A constellation of infrared sensors in low orbit hands tracks from satellite to satellite while "
            "filters learn the vehicle's manoeuvring envelope.",
            "Une constellation de capteurs infrarouges en orbite basse se passe les pistes de satellite en "
            "satellite, tandis que des filtres apprennent l'enveloppe de manœuvre du véhicule.",
        ),
        gain=(
            "Simulations show continuous tracks with position errors under one kilometre throughout the "
            "glide "
            "phase.",
            "Les simulations montrent des pistes continues avec des erreurs de position inférieures au "
            "kilomètre pendant toute la phase de vol plané.",
        ),
        detail=(
            "Interacting multiple-model filters switch between glide, pull-up and dive hypotheses.",
            "Des filtres à modèles multiples en interaction basculent entre hypothèses de plané, de "
            "ressource et "
            "de piqué.",
        ),
        goal=("track manoeuvring hypersonic threats", "suivre des menaces hypersoniques manœuvrantes"),
        keywords=(
            ("missile warning", "alerte antimissile"),
            ("infrared sensing", "détection infrarouge"),
            ("target tracking", "pistage de cibles"),
            ("satellite constellations", "constellations de satellites"),
        ),
        contexts=(
            ("p:integrated air and missile defence", "fp:défenses aériennes et antimissiles intégrées"),
            ("p:early-warning centres", "mp:centres d'alerte avancée"),
            ("p:naval task groups", "mp:groupes aéronavals"),
        ),
    ),
    topic(
        "in-orbit-servicing", "", ("space", "autonomy"),
        names=(
            ("u:robotic in-orbit servicing", "f:maintenance robotisée en orbite"),
            ("u:autonomous rendezvous and docking", "m:rendez-vous et amarrage autonomes"),
        ),
        problem=(
            "Satellites are abandoned when they run out of fuel or a component fails, although most of their "
            "systems still work.",
            "Les satellites sont abandonnés dès qu'ils manquent d'ergols ou qu'un composant tombe en panne, "
            "alors "
            "que la plupart de leurs systèmes fonctionnent encore.",
        ),
        how=(
            "A servicing spacecraft approaches the client using vision-based navigation, captures it with a "
            "robotic arm and refuels or replaces modules.",
            "Un véhicule de service s'approche du client par navigation visuelle, le capture avec un bras "
            "robotique, puis le ravitaille ou remplace des modules.",
        ),
        gain=(
            "Extending a geostationary satellite's life by five years costs a fraction of a replacement.",
            "Prolonger de cinq ans la vie d'un satellite géostationnaire coûte une fraction de son "
            "remplacement.",
        ),
        detail=(
            "Pose estimation works on clients never designed to be serviced, from their known geometry "
            "alone.",
            "L'estimation de pose fonctionne sur des clients jamais conçus pour être entretenus, à partir "
            "de leur "
            "seule géométrie connue.",
        ),
        goal=("repair and refuel satellites in orbit", "réparer et ravitailler les satellites en orbite"),
        keywords=(
            ("in-orbit servicing", "services en orbite"),
            ("space robotics", "robotique spatiale"),
            ("rendezvous and proximity operations", "opérations de rendez-vous et de proximité"),
            ("in-space manufacturing", "fabrication dans l'espace"),
        ),
        contexts=(
            ("p:geostationary satellites", "mp:satellites géostationnaires"),
            ("p:observation constellations", "fp:constellations d'observation"),
            ("p:space debris removal missions", "fp:missions de retrait de débris spatiaux"),
        ),
    ),
    topic(
        "non-terrestrial-networks", "", ("networks", "space"),
        names=(
            ("p:non-terrestrial 5G and 6G networks", "mp:réseaux 5G et 6G non terrestres"),
            ("direct-to-device satellite communications",
             "fp:communications satellitaires directes vers les terminaux"),
        ),
        problem=(
            "Terrestrial networks stop at the coast and the border, and deployed forces still depend on a "
            "few "
            "expensive military satellites.",
            "Les réseaux terrestres s'arrêtent à la côte et à la frontière, et les forces déployées "
            "dépendent "
            "encore de quelques satellites militaires coûteux.",
        ),
        how=(
            "Standard 5G waveforms, adapted for Doppler and delay, connect ordinary handsets to satellites "
            "in "
            "low orbit and to high-altitude platforms.",
            "Des formes d'onde 5G standard, adaptées à l'effet Doppler et aux délais, relient des terminaux "
            "ordinaires à des satellites en orbite basse et à des plateformes de haute altitude.",
        ),
        gain=(
            "Field trials reached 10 Mbit/s to a handheld terminal with no dish.",
            "Les essais sur le terrain ont atteint 10 Mbit/s vers un terminal portatif sans parabole.",
        ),
        detail=(
            "Beam hopping concentrates capacity where users are and makes jamming harder.",
            "Le saut de faisceau concentre la capacité là où se trouvent les utilisateurs et complique le "
            "brouillage.",
        ),
        goal=(
            "connect forces anywhere with commercial standards",
            "connecter les forces partout avec des standards commerciaux",
        ),
        keywords=(
            ("non-terrestrial networks", "réseaux non terrestres"),
            ("6G", "6G"),
            ("satellite communications", "communications par satellite"),
            ("anti-jamming", "antibrouillage"),
        ),
        contexts=(
            ("p:maritime forces", "fp:forces maritimes"),
            ("p:disaster areas", "fp:zones sinistrées"),
            ("p:Arctic operations", "fp:opérations arctiques"),
        ),
    ),
    topic(
        "edge-ai-chips", "", ("ai", "data"),
        names=(
            ("p:low-power AI accelerators for edge devices",
             "mp:accélérateurs d'IA basse consommation pour équipements embarqués"),
            ("u:neuromorphic computing", "m:calcul neuromorphique"),
        ),
        problem=(
            "Running neural networks on drones and sensors is limited by power, heat and dependence on a few "
            "foreign chip suppliers.",
            "L'exécution de réseaux de neurones sur drones et capteurs est limitée par la consommation, la "
            "chaleur et la dépendance envers quelques fournisseurs étrangers de puces.",
        ),
        how=(
            "In-memory computing performs matrix multiplications inside analogue memory arrays, avoiding the "
            "energy cost of moving data.",
            "Le calcul en mémoire effectue les multiplications matricielles au sein de matrices de mémoire "
            "analogiques, sans le coût énergétique des transferts de données.",
        ),
        gain=(
            "Our test chip runs object detection at 30 frames per second on less than one watt.",
            "Notre puce de test exécute une détection d'objets à 30 images par seconde pour moins d'un watt.",
        ),
        detail=(
            "Calibration compensates for device variability, the main weakness of analogue computing.",
            "Un étalonnage compense la variabilité des composants, principale faiblesse du calcul "
            "analogique.",
        ),
        goal=(
            "run AI on small devices with little power",
            "faire tourner l'IA sur de petits équipements à faible consommation",
        ),
        keywords=(
            ("AI hardware", "matériel pour l'IA"),
            ("in-memory computing", "calcul en mémoire"),
            ("edge AI", "IA embarquée"),
            ("semiconductors", "semi-conducteurs"),
        ),
        contexts=(
            ("p:small drones", "mp:petits drones"),
            ("p:wearable devices", "mp:équipements portés"),
            ("p:unattended sensors", "mp:capteurs autonomes"),
        ),
    ),
    topic(
        "thermoplastic-composites", "", ("materials",),
        names=(
            ("u:automated composite manufacturing", "f:fabrication automatisée de composites"),
            ("p:recyclable thermoplastic composites", "mp:composites thermoplastiques recyclables"),
        ),
        problem=(
            "Composite airframes and hulls are slow to make by hand and impossible to recycle or repair in "
            "the "
            "field.",
            "Les structures d'aéronefs et de coques en composites sont longues à fabriquer à la main et "
            "impossibles à recycler ou à réparer sur le terrain.",
        ),
        how=(
            "Automated fibre placement with in-situ laser consolidation lays thermoplastic tape without an "
            "autoclave.",
            "Le placement automatisé de fibres avec consolidation laser in situ dépose un ruban "
            "thermoplastique "
            "sans autoclave.",
        ),
        gain=(
            "Parts are made four times faster, and damaged areas can be re-melted and repaired.",
            "Les pièces sont produites quatre fois plus vite, et les zones endommagées peuvent être "
            "refondues et "
            "réparées.",
        ),
        detail=(
            "Thermal imaging during placement detects porosity before it becomes a defect.",
            "L'imagerie thermique pendant le placement détecte la porosité avant qu'elle ne devienne un "
            "défaut.",
        ),
        goal=(
            "make composite structures faster and repairable",
            "fabriquer des structures composites plus vite et réparables",
        ),
        keywords=(
            ("composites", "composites"),
            ("automated fibre placement", "placement automatisé de fibres"),
            ("thermoplastics", "thermoplastiques"),
            ("advanced manufacturing", "fabrication avancée"),
        ),
        contexts=(
            ("p:drone airframes", "fp:cellules de drones"),
            ("p:naval hulls", "fp:coques de navires"),
            ("p:satellite structures", "fp:structures de satellites"),
        ),
    ),
    topic(
        "engineered-biosensors", "", ("biotech",),
        names=(
            ("p:engineered biosensors for chemical threats",
             "mp:biocapteurs modifiés pour la détection des menaces chimiques"),
            ("u:cell-free biosensing", "f:biodétection acellulaire"),
        ),
        problem=(
            "Detecting chemical and biological agents in the field still relies on bulky instruments and "
            "samples sent to a laboratory.",
            "La détection des agents chimiques et biologiques sur le terrain repose encore sur des "
            "instruments "
            "encombrants et des échantillons envoyés en laboratoire.",
        ),
        how=(
            "Freeze-dried cell-free extracts carry genetic circuits that produce a colour change when they "
            "meet "
            "a target molecule.",
            "Des extraits acellulaires lyophilisés portent des circuits génétiques qui produisent un "
            "changement "
            "de couleur au contact d'une molécule cible.",
        ),
        gain=(
            "Paper-based tests detect target compounds at micromolar levels in under an hour, for a few "
            "euros "
            "each.",
            "Des tests sur papier détectent les composés cibles au niveau micromolaire en moins d'une heure, "
            "pour quelques euros chacun.",
        ),
        detail=(
            "Without living cells, the sensors raise no biosafety concerns and keep for a year at room "
            "temperature.",
            "Sans cellules vivantes, les capteurs ne posent aucun problème de biosécurité et se conservent "
            "un an "
            "à température ambiante.",
        ),
        goal=(
            "detect chemical threats with paper tests",
            "détecter les menaces chimiques avec des tests sur papier",
        ),
        keywords=(
            ("synthetic biology", "biologie de synthèse"),
            ("biosensors", "biocapteurs"),
            ("CBRN defence", "défense NRBC"),
            ("cell-free systems", "systèmes acellulaires"),
        ),
        contexts=(
            ("p:CBRN reconnaissance teams", "fp:équipes de reconnaissance NRBC"),
            ("p:first responders", "mp:primo-intervenants"),
            ("p:water supply monitoring", "fp:surveillances de l'eau potable"),
        ),
    ),
    topic(
        "ai-assurance", "", ("ai", "cyber"),
        names=(
            ("u:test and evaluation of machine-learning systems",
             "m:test et évaluation des systèmes d'apprentissage automatique"),
            ("u:assurance of trustworthy AI", "f:assurance de la confiance dans l'IA"),
        ),
        problem=(
            "Machine-learning components behave well on the data they were trained on and unpredictably "
            "elsewhere, which makes them hard to certify.",
            "Les composants d'apprentissage automatique se comportent bien sur leurs données d'entraînement "
            "et "
            "de façon imprévisible ailleurs, ce qui les rend difficiles à certifier.",
        ),
        how=(
            "Our framework generates test cases that probe distribution shift, adversarial inputs and bias, "
            "and measures how gracefully the model fails.",
            "Notre cadre génère des cas de test qui sondent le changement de distribution, les entrées "
            "adverses et les biais, et mesure la façon dont le modèle se dégrade.",
        ),
        gain=(
            "Applied to ten fielded models, it found failure modes that their developers had not documented "
            "in "
            "seven cases.",
            "Appliqué à dix modèles en service, il a mis au jour dans sept cas des modes de défaillance non "
            "documentés par leurs développeurs.",
        ),
        detail=(
            "Evidence is collected in an assurance case that a certification authority can review.",
            "Les éléments de preuve sont rassemblés dans un dossier de sûreté qu'une autorité de "
            "certification "
            "peut examiner.",
        ),
        goal=(
            "certify AI systems before they are fielded",
            "certifier les systèmes d'IA avant leur mise en service",
        ),
        keywords=(
            ("trustworthy AI", "IA de confiance"),
            ("robustness testing", "tests de robustesse"),
            ("adversarial machine learning", "apprentissage automatique adverse"),
            ("certification", "certification"),
        ),
        contexts=(
            ("p:autonomous vehicles", "mp:véhicules autonomes"),
            ("p:decision-support tools", "mp:outils d'aide à la décision"),
            ("p:medical devices", "mp:dispositifs médicaux"),
        ),
    ),
)
