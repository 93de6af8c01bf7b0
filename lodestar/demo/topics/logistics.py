"""Critical infrastructure and logistics: technologies, settings and end users (English and French,
aligned)."""

from __future__ import annotations

from lodestar.demo.bank import setting, topic

C = "critical-infrastructure-and-logistics"

SETTING = setting(
    C,
    users=(
        ("port authority security department", "m:service de sûreté d'une autorité portuaire"),
        ("army movement control centre", "m:centre de contrôle des mouvements de l'armée de terre"),
        ("joint logistics support group", "m:groupement de soutien logistique interarmées"),
        ("vehicle maintenance battalion", "m:bataillon de maintenance des véhicules"),
        ("electricity transmission system operator", "m:gestionnaire de réseau de transport d'électricité"),
        ("national rail infrastructure manager", "m:gestionnaire national d'infrastructure ferroviaire"),
        ("navy logistics base", "f:base logistique de la marine"),
        ("defence infrastructure agency", "m:service d'infrastructure de la défense"),
    ),
    markets=(
        ("p:port operators", "mp:exploitants portuaires"),
        ("p:electricity and gas network operators", "mp:gestionnaires de réseaux d'électricité et de gaz"),
        ("p:railway companies", "fp:entreprises ferroviaires"),
        ("p:freight forwarders", "mp:transitaires"),
        ("p:mining companies", "fp:sociétés minières"),
        ("p:water utilities", "mp:services des eaux"),
        ("p:aircraft maintenance shops", "mp:ateliers de maintenance aéronautique"),
        ("p:road authorities", "mp:gestionnaires routiers"),
    ),
    facilities=(
        ("vehicle test track", "f:piste d'essais pour véhicules"),
        ("port test bed", "m:banc d'essai portuaire"),
        ("underwater test basin", "m:bassin d'essais sous-marins"),
        ("additive manufacturing centre", "m:centre de fabrication additive"),
        ("structural testing laboratory", "m:laboratoire d'essais de structures"),
        ("rail test ring", "m:anneau d'essais ferroviaire"),
        ("cyber-physical power grid test bed", "m:banc d'essai cyber-physique de réseaux électriques"),
    ),
    standards=(
        ("AQAP-2110", "f:publication AQAP-2110"),
        ("ISO 55001", "f:norme ISO 55001"),
        ("IEC 62443", "f:norme CEI 62443"),
        ("ISO/ASTM 52920", "f:norme ISO/ASTM 52920"),
        ("the NIS 2 Directive", "f:directive NIS 2"),
    ),
    expertise=(
        ("supply-chain management", "gestion de la chaîne logistique"),
        ("structural engineering", "génie civil"),
        ("additive manufacturing", "fabrication additive"),
        ("robotics", "robotique"),
        ("operations research", "recherche opérationnelle"),
        ("reliability engineering", "ingénierie de la fiabilité"),
        ("marine engineering", "ingénierie navale"),
        ("power systems", "réseaux électriques"),
        ("geotechnics", "géotechnique"),
        ("military mobility", "mobilité militaire"),
    ),
    openers=(
        (
            "Every delay affecting {ctx} ripples through the convoys, trains and ships planned around them.",
            "Chaque retard qui touche {ctx:le} se répercute sur les convois, les trains et les navires "
            "planifiés "
            "en conséquence.",
        ),
        (
            "Infrastructure operators working with {user:a} often cannot tell an accident from sabotage "
            "until "
            "long after the event.",
            "Les exploitants d'infrastructures qui travaillent avec {user:un} ne savent souvent distinguer "
            "un "
            "accident d'un sabotage que bien après les faits.",
        ),
        (
            "{user:A} told us that it still tracks critical spare parts in spreadsheets that differ from "
            "depot "
            "to depot.",
            "{user:Un} nous a confié suivre encore ses pièces de rechange critiques dans des tableurs qui "
            "diffèrent d'un dépôt à l'autre.",
        ),
        (
            "Moving a brigade across the alliance depends on civilian ports, rail lines and bridges that "
            "were "
            "never designed for military loads or timelines, and over which {user:a} has little say.",
            "Déplacer une brigade à travers l'Alliance suppose de s'appuyer sur des ports, des voies "
            "ferrées et "
            "des ponts civils jamais conçus pour des charges ou des délais militaires, et sur lesquels "
            "{user:le} "
            "a peu de prise.",
        ),
        (
            "For {user:a}, every vehicle that waits weeks for a part is a vehicle missing from the line.",
            "Pour {user:un}, chaque véhicule qui attend une pièce pendant des semaines manque sur la ligne.",
        ),
        (
            "Most of the infrastructure that {user:the} depends on is civilian and regulated, so any "
            "protection "
            "must be built with its operators, not around them.",
            "L'essentiel des infrastructures dont dépend {user:le} est civil et réglementé : toute "
            "protection "
            "doit se construire avec leurs exploitants, et non à côté d'eux.",
        ),
    ),
)

TOPICS = (
    topic(
        "field-am", C, ("materials", "data"),
        names=(
            ("u:containerised additive manufacturing of spare parts",
             "f:fabrication additive conteneurisée de pièces de rechange"),
            ("deployable metal 3D-printing cell", "f:cellule d'impression 3D métal projetable"),
        ),
        problem=(
            "A vehicle can wait weeks for a bracket or an impeller that no longer has a supplier, and depots "
            "cannot stock every part for fleets that are decades old.",
            "Un véhicule peut attendre des semaines un support ou une turbine qui n'a plus de fournisseur, "
            "et "
            "les dépôts ne peuvent pas stocker chaque pièce de parcs vieux de plusieurs décennies.",
        ),
        how=(
            "A 20-foot container holds a wire-arc metal printer, a polymer printer, a scanner and a "
            "machining "
            "station, with a library of qualified digital part files.",
            "Un conteneur de 20 pieds regroupe une imprimante métal à dépôt de fil par arc, une imprimante "
            "polymère, un scanner et un poste d'usinage, ainsi qu'une bibliothèque de fichiers numériques de "
            "pièces qualifiées.",
        ),
        gain=(
            "In a six-week exercise the cell produced 140 parts and returned 31 vehicles to service, with a "
            "median lead time of 26 hours.",
            "Lors d'un exercice de six semaines, la cellule a produit 140 pièces et remis en service 31 "
            "véhicules, avec un délai médian de 26 heures.",
        ),
        detail=(
            "Every printed part carries its process record, so the maintenance chain knows exactly how and "
            "where it was made.",
            "Chaque pièce imprimée porte son dossier de fabrication : la chaîne de maintenance sait "
            "exactement "
            "comment et où elle a été produite.",
        ),
        goal=(
            "make spare parts where vehicles break down",
            "fabriquer les pièces de rechange là où les véhicules tombent en panne",
        ),
        keywords=(
            ("additive manufacturing", "fabrication additive"),
            ("spare parts", "pièces de rechange"),
            ("wire-arc deposition", "dépôt de fil par arc"),
            ("digital inventory", "stock numérique"),
        ),
        contexts=(
            ("p:forward maintenance units", "fp:unités de maintenance avancées"),
            ("p:naval vessels", "mp:bâtiments de la marine"),
            ("p:vehicle fleets", "mp:parcs de véhicules"),
        ),
    ),
    topic(
        "predictive-maintenance", C, ("ai", "data"),
        names=(
            ("u:predictive maintenance for military vehicle fleets",
             "f:maintenance prédictive des parcs de véhicules militaires"),
            ("u:fleet health analytics", "f:analyse de l'état de santé des flottes"),
        ),
        problem=(
            "Maintenance is still done by the calendar or after a breakdown, so vehicles are either "
            "over-serviced or fail on the road.",
            "La maintenance se fait encore selon le calendrier ou après la panne : les véhicules sont soit "
            "entretenus inutilement, soit immobilisés sur la route.",
        ),
        how=(
            "Retrofit sensors read engine, gearbox and vibration data, and our models, trained on "
            "maintenance "
            "records, estimate the remaining useful life of each component.",
            "Des capteurs installés en rétrofit relèvent les données du moteur, de la boîte de vitesses et "
            "des "
            "vibrations, et nos modèles, entraînés sur l'historique de maintenance, estiment la durée de vie "
            "résiduelle de chaque composant.",
        ),
        gain=(
            "On a fleet of 300 trucks, unplanned breakdowns fell by 35 % and availability rose from 71 to "
            "84 % "
            "within a year.",
            "Sur une flotte de 300 camions, les pannes imprévues ont diminué de 35 % et la disponibilité est "
            "passée de 71 à 84 % en un an.",
        ),
        detail=(
            "Models explain each prediction by the sensor trends behind it, which convinced sceptical "
            "mechanics "
            "faster than any accuracy figure.",
            "Les modèles expliquent chaque prédiction par les tendances des capteurs qui la fondent, ce qui "
            "a "
            "convaincu des mécaniciens sceptiques plus vite que n'importe quel taux de précision.",
        ),
        goal=(
            "keep more vehicles available with predictive maintenance",
            "augmenter la disponibilité des véhicules grâce à la maintenance prédictive",
        ),
        keywords=(
            ("predictive maintenance", "maintenance prédictive"),
            ("remaining useful life", "durée de vie résiduelle"),
            ("vibration analysis", "analyse vibratoire"),
            ("fleet availability", "disponibilité des flottes"),
        ),
        contexts=(
            ("p:vehicle fleets", "mp:parcs de véhicules"),
            ("p:helicopter fleets", "fp:flottes d'hélicoptères"),
            ("p:rail rolling stock fleets", "mp:parcs de matériel roulant"),
        ),
    ),
    topic(
        "seabed-inspection", C, ("autonomy", "ai"),
        names=(
            ("u:autonomous seabed infrastructure inspection",
             "f:inspection autonome des infrastructures sous-marines"),
            ("p:resident underwater drones for pipeline patrol",
             "mp:drones sous-marins résidents pour la surveillance des pipelines"),
        ),
        problem=(
            "Pipelines and cables on the seabed are inspected once a year at best, from expensive ships, so "
            "tampering or damage can go unseen for months.",
            "Pipelines et câbles posés sur le fond sont inspectés au mieux une fois par an, depuis des "
            "navires "
            "coûteux : une manipulation ou un dommage peut passer inaperçu pendant des mois.",
        ),
        how=(
            "Our underwater vehicles live in a docking station on the seabed, patrol the route on a "
            "schedule, "
            "and compare sonar and camera data with the previous pass to spot any change.",
            "Nos véhicules sous-marins résident dans une station d'accueil posée sur le fond, patrouillent "
            "le "
            "long du tracé selon un programme et comparent les données sonar et vidéo au passage précédent "
            "pour "
            "repérer tout changement.",
        ),
        gain=(
            "Each vehicle covers 40 km of pipeline a week without a support ship, cutting the inspection "
            "cost "
            "per kilometre by 80 %.",
            "Chaque véhicule couvre 40 km de pipeline par semaine sans navire de soutien, ce qui réduit de "
            "80 % "
            "le coût d'inspection au kilomètre.",
        ),
        detail=(
            "Change detection works on the raw sonar returns, so a new object the size of a rucksack is "
            "flagged "
            "even in murky water.",
            "La détection de changements travaille sur les échos sonar bruts : un nouvel objet de la taille "
            "d'un sac à dos est signalé même en eau trouble.",
        ),
        goal=(
            "watch seabed pipelines and cables continuously",
            "surveiller en continu pipelines et câbles sous-marins",
        ),
        keywords=(
            ("autonomous underwater vehicles", "véhicules sous-marins autonomes"),
            ("seabed infrastructure", "infrastructures sous-marines"),
            ("change detection", "détection de changements"),
            ("sonar", "sonar"),
        ),
        contexts=(
            ("p:offshore pipelines", "mp:gazoducs en mer"),
            ("p:subsea power cables", "mp:câbles électriques sous-marins"),
            ("p:port approaches", "mp:accès portuaires"),
        ),
    ),
    topic(
        "substation-watch", C, ("cyber", "ai", "energy"),
        names=(
            ("u:combined physical and cyber monitoring of substations",
             "f:surveillance physique et cyber des postes électriques"),
            ("u:substation tamper detection", "f:détection des intrusions dans les postes électriques"),
        ),
        problem=(
            "Substations are unmanned, spread across the country and protected by a fence, and attacks on "
            "them, "
            "physical or cyber, are often noticed only when the lights go out.",
            "Les postes électriques sont inoccupés, dispersés sur tout le territoire et protégés par une "
            "simple "
            "clôture, et les attaques, physiques ou informatiques, ne sont souvent remarquées qu'au moment "
            "de la "
            "coupure.",
        ),
        how=(
            "We correlate fence and door sensors, cameras and the substation's industrial control traffic in "
            "one model, so an intrusion and a suspicious command appear as a single incident.",
            "Nous corrélons dans un même modèle capteurs de clôture et de porte, caméras et trafic de "
            "contrôle-commande du poste : une intrusion et une commande suspecte apparaissent comme un seul "
            "incident.",
        ),
        gain=(
            "At two pilot substations, the operator's control room received a correlated alert within 90 "
            "seconds of a simulated break-in followed by command injection.",
            "Sur deux postes pilotes, la salle de conduite de l'exploitant a reçu une alerte corrélée moins "
            "de "
            "90 secondes après une intrusion simulée suivie d'une injection de commande.",
        ),
        detail=(
            "The system listens to the control network through a one-way tap and never sends anything into "
            "it.",
            "Le système écoute le réseau de contrôle-commande par une dérivation unidirectionnelle et n'y "
            "envoie "
            "jamais rien.",
        ),
        goal=("protect substations against sabotage", "protéger les postes électriques contre le sabotage"),
        keywords=(
            ("critical infrastructure protection", "protection des infrastructures critiques"),
            ("industrial control systems", "systèmes de contrôle industriel"),
            ("physical security", "sûreté physique"),
            ("sabotage", "sabotage"),
        ),
        contexts=(
            ("p:electrical substations", "mp:postes électriques"),
            ("p:military base power supplies", "fp:alimentations électriques des bases militaires"),
            ("p:water treatment plants", "fp:stations de traitement de l'eau"),
        ),
    ),
    topic(
        "last-mile-ugv", C, ("autonomy", "ai"),
        names=(
            ("autonomous last-mile resupply vehicle",
             "m:véhicule autonome de ravitaillement du dernier kilomètre"),
            ("p:uncrewed logistics ground vehicles", "mp:véhicules terrestres logistiques sans équipage"),
        ),
        problem=(
            "The last kilometres to the front are the most dangerous part of any resupply run, and drivers "
            "are "
            "the most exposed people in the logistics chain.",
            "Les derniers kilomètres vers le front sont la partie la plus dangereuse de tout "
            "ravitaillement, et "
            "les conducteurs sont les personnels les plus exposés de la chaîne logistique.",
        ),
        how=(
            "Our tracked vehicle carries 500 kg, follows a soldier or a recorded route, and plans around "
            "obstacles using lidar and thermal cameras without satellite navigation.",
            "Notre véhicule à chenilles transporte 500 kg, suit un soldat ou un itinéraire enregistré et "
            "contourne les obstacles grâce à un lidar et à des caméras thermiques, sans navigation par "
            "satellite.",
        ),
        gain=(
            "In exercises a single operator ran four vehicles at once, moving as much as two crewed trucks "
            "without putting a driver at risk.",
            "En exercice, un seul opérateur a conduit quatre véhicules à la fois, transportant autant que "
            "deux "
            "camions avec équipage sans exposer de conducteur.",
        ),
        detail=(
            "The vehicle stops and asks for help when its perception is uncertain, rather than guessing.",
            "Le véhicule s'arrête et demande de l'aide quand sa perception est incertaine, plutôt que de "
            "deviner.",
        ),
        goal=(
            "take drivers out of the most dangerous kilometres",
            "retirer les conducteurs des kilomètres les plus dangereux",
        ),
        keywords=(
            ("unmanned ground vehicles", "véhicules terrestres sans pilote"),
            ("last-mile logistics", "logistique du dernier kilomètre"),
            ("autonomous navigation", "navigation autonome"),
            ("lidar", "lidar"),
        ),
        contexts=(
            ("p:frontline units", "fp:unités de première ligne"),
            ("p:mountain troops", "fp:troupes de montagne"),
            ("p:island detachments", "mp:détachements insulaires"),
        ),
    ),
    topic(
        "logistics-visibility", C, ("data", "ai"),
        names=(
            ("multinational logistics visibility platform",
             "f:plateforme de visibilité logistique multinationale"),
            ("supply-chain digital twin", "m:jumeau numérique de la chaîne logistique"),
        ),
        problem=(
            "Each nation tracks its stocks and movements in its own systems, so nobody can see where a "
            "coalition's fuel, ammunition or spare parts actually are.",
            "Chaque nation suit ses stocks et ses mouvements dans ses propres systèmes : personne ne sait "
            "où se "
            "trouvent réellement le carburant, les munitions ou les pièces d'une coalition.",
        ),
        how=(
            "Our platform connects to existing national systems through adapters, maps their data to one "
            "model "
            "and lets each nation decide what it shares and with whom.",
            "Notre plateforme se connecte aux systèmes nationaux existants par des adaptateurs, ramène leurs "
            "données à un modèle unique et laisse chaque nation décider de ce qu'elle partage et avec qui.",
        ),
        gain=(
            "In a staff exercise with four nations, planners answered stock questions in minutes instead of "
            "two "
            "days of phone calls.",
            "Lors d'un exercice d'état-major à quatre nations, les planificateurs ont obtenu en quelques "
            "minutes "
            "des réponses sur les stocks qui demandaient auparavant deux jours d'appels.",
        ),
        detail=(
            "A what-if simulator shows how the loss of a bridge, a port or a depot would delay each planned "
            "movement.",
            "Un simulateur d'hypothèses montre comment la perte d'un pont, d'un port ou d'un dépôt "
            "retarderait "
            "chaque mouvement prévu.",
        ),
        goal=(
            "see coalition stocks and movements in one place",
            "voir en un seul endroit les stocks et mouvements de la coalition",
        ),
        keywords=(
            ("logistics visibility", "visibilité logistique"),
            ("digital twins", "jumeaux numériques"),
            ("data interoperability", "interopérabilité des données"),
            ("supply chain", "chaîne d'approvisionnement"),
        ),
        contexts=(
            ("p:multinational exercises", "mp:exercices multinationaux"),
            ("p:logistics hubs", "mp:pôles logistiques"),
            ("p:reception and staging areas", "fp:zones d'accueil et de regroupement"),
        ),
    ),
    topic(
        "bridge-assessment", C, ("data", "materials"),
        names=(
            ("u:rapid bridge load assessment", "f:évaluation rapide de la capacité portante des ponts"),
            ("u:structural health monitoring for military mobility",
             "f:surveillance des ouvrages d'art pour la mobilité militaire"),
        ),
        problem=(
            "Heavy armour cannot cross a bridge whose load capacity is unknown, and many bridges on mobility "
            "corridors have never been assessed for military loads.",
            "Un blindé lourd ne peut franchir un pont dont la capacité portante est inconnue, et beaucoup "
            "d'ouvrages des corridors de mobilité n'ont jamais été évalués pour des charges militaires.",
        ),
        how=(
            "Clamp-on accelerometers record the bridge's response to ordinary traffic for a few hours, and "
            "our "
            "model derives a military load classification from it.",
            "Des accéléromètres fixés sans travaux enregistrent pendant quelques heures la réponse de "
            "l'ouvrage "
            "au trafic ordinaire, et notre modèle en déduit une classe de charge militaire.",
        ),
        gain=(
            "On 25 bridges already load-tested, our classification matched the full engineering assessment "
            "in "
            "23 cases and erred on the safe side in the other two.",
            "Sur 25 ponts déjà soumis à des essais de chargement, notre classification a concordé avec "
            "l'expertise complète dans 23 cas et s'est montrée prudente dans les deux autres.",
        ),
        detail=(
            "The sensors stay in place afterwards and warn the road authority of any change in the "
            "structure's "
            "behaviour.",
            "Les capteurs restent ensuite en place et préviennent le gestionnaire de tout changement de "
            "comportement de l'ouvrage.",
        ),
        goal=(
            "open more bridges to heavy military traffic",
            "ouvrir davantage de ponts au trafic militaire lourd",
        ),
        keywords=(
            ("structural health monitoring", "surveillance de l'état des structures"),
            ("military load classification", "classe de charge militaire"),
            ("bridges", "ponts"),
            ("military mobility", "mobilité militaire"),
        ),
        contexts=(
            ("p:mobility corridors", "mp:corridors de mobilité"),
            ("p:rail bridges", "mp:ponts ferroviaires"),
            ("p:river crossings", "mp:franchissements de cours d'eau"),
        ),
    ),
    topic(
        "runway-repair", C, ("materials",),
        names=(
            ("rapid-setting geopolymer for runway repair",
             "m:géopolymère à prise rapide pour la réparation des pistes"),
            ("expedient pavement repair kit", "m:kit de réparation rapide des chaussées"),
        ),
        problem=(
            "A few craters can close a runway or a key road for days, because conventional concrete needs "
            "time "
            "to cure before aircraft or trucks can use it.",
            "Quelques cratères suffisent à fermer une piste ou une route stratégique pendant des jours, car "
            "le "
            "béton classique doit durcir avant de supporter avions ou camions.",
        ),
        how=(
            "Our geopolymer binder, made largely from industrial by-products, sets within 30 minutes in "
            "rain or "
            "frost and is mixed on site from two dry components and water.",
            "Notre liant géopolymère, issu en grande partie de sous-produits industriels, fait prise en 30 "
            "minutes sous la pluie comme par temps de gel, et se prépare sur place à partir de deux "
            "composants "
            "secs et d'eau.",
        ),
        gain=(
            "In trials, repairs carried a fighter's wheel load after two hours, against 24 hours or more for "
            "rapid-hardening concrete.",
            "Lors des essais, les réparations ont supporté la charge de roue d'un avion de combat au bout de "
            "deux heures, contre 24 heures ou plus pour un béton à durcissement rapide.",
        ),
        detail=(
            "The mix emits about 70 % less carbon dioxide than Portland cement, which interests civil road "
            "authorities.",
            "Le mélange émet environ 70 % de dioxyde de carbone de moins que le ciment Portland, ce qui "
            "intéresse les gestionnaires routiers civils.",
        ),
        goal=(
            "reopen damaged runways and roads within hours",
            "rouvrir en quelques heures pistes et routes endommagées",
        ),
        keywords=(
            ("geopolymers", "géopolymères"),
            ("rapid runway repair", "réparation rapide des pistes"),
            ("construction materials", "matériaux de construction"),
            ("resilience", "résilience"),
        ),
        contexts=(
            ("p:military airfields", "mp:aérodromes militaires"),
            ("p:main supply routes", "mp:axes logistiques principaux"),
            ("p:port quays", "mp:quais portuaires"),
        ),
    ),
    topic(
        "mobility-planner", C, ("ai", "data"),
        names=(
            ("cross-border military mobility planner",
             "m:planificateur de mobilité militaire transfrontalière"),
            ("u:AI route and rail planning for deployments",
             "f:planification d'itinéraires routiers et ferroviaires par IA"),
        ),
        problem=(
            "Planning a deployment across several nations means reconciling rail gauges, bridge limits, "
            "tunnel "
            "clearances and border permits by hand, which takes weeks.",
            "Planifier un déploiement à travers plusieurs nations impose de concilier à la main écartements "
            "de "
            "rails, limites des ponts, gabarits des tunnels et autorisations de passage, ce qui prend des "
            "semaines.",
        ),
        how=(
            "Our planner combines open and national infrastructure data in one graph and searches for routes "
            "that respect every vehicle's dimensions, weights and permits.",
            "Notre planificateur réunit dans un même graphe les données d'infrastructure ouvertes et "
            "nationales, "
            "et cherche des itinéraires compatibles avec les dimensions, les masses et les autorisations de "
            "chaque véhicule.",
        ),
        gain=(
            "For a test deployment of 800 vehicles across three nations, it produced a feasible movement "
            "plan "
            "in four hours instead of three weeks.",
            "Pour un déploiement d'essai de 800 véhicules à travers trois nations, il a produit un plan de "
            "mouvement réalisable en quatre heures au lieu de trois semaines.",
        ),
        detail=(
            "Planners can lock any part of the plan and ask for alternatives, and every constraint that "
            "ruled "
            "out a route is listed.",
            "Les planificateurs peuvent figer une partie du plan et demander des variantes, et chaque "
            "contrainte "
            "ayant écarté un itinéraire est indiquée.",
        ),
        goal=(
            "plan deployments across borders in hours",
            "planifier en quelques heures des déploiements transfrontaliers",
        ),
        keywords=(
            ("military mobility", "mobilité militaire"),
            ("route planning", "planification d'itinéraires"),
            ("optimisation", "optimisation"),
            ("rail transport", "transport ferroviaire"),
        ),
        contexts=(
            ("p:mobility corridors", "mp:corridors de mobilité"),
            ("p:rail freight terminals", "mp:terminaux de fret ferroviaire"),
            ("p:border crossings", "mp:points de passage frontaliers"),
        ),
    ),
)
