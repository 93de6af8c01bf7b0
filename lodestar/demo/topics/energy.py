"""Energy and power: technologies, settings and end users (English and French, aligned)."""

from __future__ import annotations

from lodestar.demo.bank import setting, topic

C = "energy-and-power"

SETTING = setting(
    C,
    users=(
        ("army logistics battalion", "m:bataillon logistique de l'armée de terre"),
        ("engineer regiment", "m:régiment du génie"),
        ("special operations task group", "m:groupement de forces spéciales"),
        ("deployable air base squadron", "m:escadron de soutien d'une base aérienne projetable"),
        ("navy small-craft flotilla", "f:flottille de petites embarcations de la marine"),
        ("defence energy support office", "m:service de soutien énergétique d'un ministère de la Défense"),
        ("infantry battalion preparing for Arctic deployment",
         "m:bataillon d'infanterie préparant un déploiement arctique"),
        ("multinational battlegroup on the eastern flank",
         "m:groupement tactique multinational du flanc est"),
    ),
    markets=(
        ("p:remote mining sites", "mp:sites miniers isolés"),
        ("p:island microgrids", "mp:micro-réseaux insulaires"),
        ("p:disaster-relief organisations", "fp:organisations de secours aux sinistrés"),
        ("p:off-grid telecom towers", "mp:relais de télécommunication hors réseau"),
        ("p:construction sites", "mp:chantiers de construction"),
        ("p:polar research stations", "fp:stations de recherche polaire"),
        ("p:offshore platforms", "fp:plateformes en mer"),
        ("p:outdoor event organisers and film crews",
         "mp:organisateurs d'événements en plein air et équipes de tournage"),
    ),
    facilities=(
        ("climatic chamber", "f:chambre climatique"),
        ("cold-weather test site in the High North", "m:site d'essais grand froid dans le Grand Nord"),
        ("battery safety laboratory", "m:laboratoire de sécurité des batteries"),
        ("microgrid test bed", "m:banc d'essai de micro-réseaux"),
        ("EMC laboratory", "m:laboratoire de compatibilité électromagnétique"),
        ("vehicle test track", "f:piste d'essais pour véhicules"),
        ("hydrogen test platform", "f:plateforme d'essais hydrogène"),
    ),
    standards=(
        ("MIL-STD-810H", "f:norme MIL-STD-810H"),
        ("MIL-STD-1275E", "f:norme MIL-STD-1275E"),
        ("UN 38.3", "mp:essais de transport UN 38.3"),
        ("IEC 62619", "f:norme CEI 62619"),
        ("ISO 16111", "f:norme ISO 16111"),
        ("MIL-STD-461G", "f:norme MIL-STD-461G"),
    ),
    expertise=(
        ("power electronics", "électronique de puissance"),
        ("electrochemistry", "électrochimie"),
        ("battery management systems", "systèmes de gestion de batteries"),
        ("hydrogen systems", "systèmes hydrogène"),
        ("control engineering", "automatique et contrôle-commande"),
        ("thermal engineering", "thermique"),
        ("photovoltaics", "photovoltaïque"),
        ("military logistics", "logistique militaire"),
        ("embedded software", "logiciel embarqué"),
        ("materials science", "science des matériaux"),
    ),
    openers=(
        (
            "For {ctx}, every litre of fuel and every battery has to come by road, and supply convoys remain "
            "among the most exposed targets of any operation.",
            "Pour {ctx:le}, chaque litre de carburant et chaque batterie doivent être acheminés par la "
            "route, "
            "et les convois restent parmi les cibles les plus exposées de toute opération.",
        ),
        (
            "Our interviews with {user:a} confirmed what after-action reports keep saying: energy is the "
            "first "
            "thing to run short and the last thing to be planned.",
            "Nos entretiens avec {user:un} ont confirmé ce que répètent les retours d'expérience : l'énergie "
            "est la première ressource à manquer et la dernière à être planifiée.",
        ),
        (
            "Power for {ctx} still depends on a fragile chain of generators, fuel and spare batteries.",
            "L'alimentation {ctx:du} dépend encore d'une chaîne fragile de groupes électrogènes, de "
            "carburant "
            "et de batteries de rechange.",
        ),
        (
            "Commanders responsible for {ctx} cannot see how much energy they have left, or what will run "
            "out "
            "first.",
            "Les chefs responsables {ctx:du} ne savent pas combien d'énergie il leur reste, ni ce qui "
            "manquera en premier.",
        ),
        (
            "Around {ctx}, the noise and heat of power generation are among the easiest signatures for an "
            "adversary's drones to find.",
            "Autour {ctx:du}, le bruit et la chaleur de la production d'électricité comptent parmi les "
            "signatures que les drones adverses repèrent le plus facilement.",
        ),
        (
            "For {user:a}, weight and energy are the same problem: every kilogram of batteries or fuel is a "
            "kilogram of something else left behind.",
            "Pour {user:un}, poids et énergie sont un seul et même problème : chaque kilogramme de batteries "
            "ou de carburant est un kilogramme d'autre chose laissé derrière soi.",
        ),
    ),
)

TOPICS = (
    topic(
        "solid-state-hydrogen", C, ("energy", "materials"),
        names=(
            ("u:solid-state hydrogen storage", "m:stockage d'hydrogène à l'état solide"),
            ("p:metal-hydride hydrogen canisters", "fp:cartouches d'hydrogène à hydrures métalliques"),
        ),
        problem=(
            "Hydrogen would lighten the fuel burden of {ctx}, but high-pressure cylinders are a hazard under "
            "fire and a headache for logisticians.",
            "L'hydrogène allégerait la charge en carburant {ctx:du}, mais les bouteilles à haute pression "
            "sont "
            "dangereuses sous le feu et compliquent la vie des logisticiens.",
        ),
        how=(
            "Our canisters store hydrogen inside a magnesium-based alloy at under 10 bar and release it to a "
            "fuel cell as the alloy is warmed by the cell's own waste heat.",
            "Nos cartouches stockent l'hydrogène dans un alliage à base de magnésium, sous moins de 10 bar, "
            "et "
            "le libèrent vers une pile à combustible à mesure que la chaleur perdue de la pile réchauffe "
            "l'alliage.",
        ),
        gain=(
            "A 12 kg canister feeds a 500 W fuel cell for two days of silent operation, with no pressure "
            "vessel "
            "to rupture.",
            "Une cartouche de 12 kg alimente une pile de 500 W pendant deux jours de fonctionnement "
            "silencieux, "
            "sans réservoir sous pression susceptible d'éclater.",
        ),
        detail=(
            "Doping the alloy with a few percent of nickel and graphite brings the release temperature down "
            "to "
            "85 °C and keeps absorption stable over more than 1,000 cycles.",
            "Un dopage de quelques pour cent de nickel et de graphite abaisse la température de désorption à "
            "85 °C et maintient une absorption stable au-delà de 1 000 cycles.",
        ),
        goal=(
            "take silent hydrogen power to the front line",
            "apporter une énergie hydrogène silencieuse jusqu'en première ligne",
        ),
        keywords=(
            ("metal hydrides", "hydrures métalliques"),
            ("hydrogen storage", "stockage de l'hydrogène"),
            ("fuel cells", "piles à combustible"),
            ("silent power", "énergie silencieuse"),
        ),
        contexts=(
            ("p:forward operating bases", "fp:bases opérationnelles avancées"),
            ("p:observation posts", "mp:postes d'observation"),
            ("p:remote radar stations", "fp:stations radar isolées"),
        ),
    ),
    topic(
        "hybrid-genset", C, ("energy", "ai"),
        names=(
            ("hybrid battery-generator power unit", "m:groupe électrogène hybride à batteries"),
            ("smart hybrid generator", "m:groupe électrogène hybride intelligent"),
        ),
        problem=(
            "Generators serving {ctx} run day and night at 20 to 30 % of their rated load, burning fuel for "
            "nothing and wearing out long before their service life.",
            "Les groupes électrogènes {ctx:du} tournent jour et nuit à 20 ou 30 % de leur charge nominale : "
            "ils brûlent du carburant pour rien et s'usent bien avant la fin de leur durée de vie.",
        ),
        how=(
            "Our unit pairs a downsized generator with a lithium iron phosphate battery bank; the engine "
            "starts "
            "only to charge the batteries at its most efficient load, then stops.",
            "Notre unité associe un groupe électrogène de puissance réduite à un parc de batteries "
            "lithium-fer-phosphate ; le moteur ne démarre que pour recharger les batteries à son régime le "
            "plus efficace, puis s'arrête.",
        ),
        gain=(
            "Data from a pilot site show fuel savings of 40 to 60 % and engine hours cut by two thirds, with "
            "several hours of silent running every night.",
            "Les données d'un site pilote montrent une économie de carburant de 40 à 60 % et des heures de "
            "fonctionnement du moteur réduites des deux tiers, avec plusieurs heures de silence chaque nuit.",
        ),
        detail=(
            "The controller forecasts the load from the previous 72 hours and the mission schedule, so the "
            "engine never starts during planned quiet periods.",
            "Le contrôleur prévoit la charge à partir des 72 dernières heures et du planning de mission, si "
            "bien que le moteur ne démarre jamais pendant les périodes de silence prévues.",
        ),
        goal=(
            "halve generator fuel use at deployed bases",
            "diviser par deux la consommation des groupes électrogènes en opération",
        ),
        keywords=(
            ("hybrid power", "alimentation hybride"),
            ("generators", "groupes électrogènes"),
            ("LFP batteries", "batteries LFP"),
            ("fuel savings", "économies de carburant"),
        ),
        contexts=(
            ("p:forward operating bases", "fp:bases opérationnelles avancées"),
            ("p:command posts", "mp:postes de commandement"),
            ("p:field hospitals", "mp:hôpitaux de campagne"),
        ),
    ),
    topic(
        "soldier-power", C, ("energy", "materials"),
        names=(
            ("conformal wearable battery", "f:batterie souple intégrée au gilet"),
            ("soldier power management system", "m:système de gestion de l'énergie du combattant"),
        ),
        problem=(
            "A soldier on a 72-hour patrol carries up to a dozen battery types, and the spares alone can "
            "weigh more than the rifle.",
            "Un fantassin en patrouille de 72 heures transporte jusqu'à une douzaine de types de batteries, "
            "et les rechanges pèsent à elles seules plus lourd que son fusil.",
        ),
        how=(
            "A flexible battery built into the plate carrier feeds every device through a single hub that "
            "converts voltages and draws power from any cell or vehicle socket it is plugged into.",
            "Une batterie souple intégrée au porte-plaques alimente tous les équipements par un "
            "concentrateur "
            "unique qui convertit les tensions et puise l'énergie de toute pile ou prise de véhicule à "
            "laquelle on le branche.",
        ),
        gain=(
            "In our trials the battery load per soldier fell by 3.5 kg and the number of battery types from "
            "eleven to two.",
            "Lors de nos essais, la charge de batteries par combattant a baissé de 3,5 kg et le nombre de "
            "types de batteries est passé de onze à deux.",
        ),
        detail=(
            "The pouch cells use a ceramic-coated separator that passed nail-penetration tests without "
            "thermal "
            "runaway.",
            "Les cellules souples utilisent un séparateur revêtu de céramique qui a passé les essais de "
            "perforation par clou sans emballement thermique.",
        ),
        goal=("lighten the soldier's battery load", "alléger la charge de batteries du combattant"),
        keywords=(
            ("wearable power", "énergie portée"),
            ("soldier systems", "équipement du combattant"),
            ("power management", "gestion de l'énergie"),
            ("pouch cells", "cellules souples"),
        ),
        contexts=(
            ("p:dismounted patrols", "fp:patrouilles débarquées"),
            ("p:special operations teams", "fp:équipes des forces spéciales"),
            ("p:reconnaissance units", "fp:unités de reconnaissance"),
        ),
    ),
    topic(
        "cold-batteries", C, ("energy", "materials"),
        names=(
            ("p:sodium-ion batteries for extreme cold", "fp:batteries sodium-ion pour le grand froid"),
            ("p:cold-tolerant battery packs", "mp:packs de batteries résistants au froid"),
        ),
        problem=(
            "At minus 30 °C a lithium-ion pack delivers barely half its rated capacity, and charging it "
            "below "
            "freezing damages the cells.",
            "À moins 30 °C, un pack lithium-ion ne fournit guère plus de la moitié de sa capacité nominale, "
            "et "
            "le recharger sous zéro endommage les cellules.",
        ),
        how=(
            "Our sodium-ion chemistry combines a hard-carbon anode and a Prussian white cathode with an "
            "electrolyte formulated to stay liquid and conductive down to minus 40 °C.",
            "Notre chimie sodium-ion associe une anode en carbone dur et une cathode au blanc de Prusse à un "
            "électrolyte formulé pour rester liquide et conducteur jusqu'à moins 40 °C.",
        ),
        gain=(
            "Cells keep over 85 % of their capacity at minus 30 °C and accept charge at minus 20 °C, with no "
            "cobalt, nickel or lithium in the supply chain.",
            "Les cellules conservent plus de 85 % de leur capacité à moins 30 °C et acceptent la charge à "
            "moins 20 °C, sans cobalt, nickel ni lithium dans la chaîne d'approvisionnement.",
        ),
        detail=(
            "Because sodium-ion cells can be shipped at zero volts, packs travel outside dangerous-goods "
            "rules "
            "and can be stored for years without maintenance charging.",
            "Comme les cellules sodium-ion peuvent être expédiées à zéro volt, les packs échappent au régime "
            "des marchandises dangereuses et se stockent des années sans recharge d'entretien.",
        ),
        goal=("keep batteries working at minus 40 °C", "faire fonctionner les batteries jusqu'à moins 40 °C"),
        keywords=(
            ("sodium-ion", "sodium-ion"),
            ("cold climate", "grand froid"),
            ("critical raw materials", "matières premières critiques"),
            ("battery safety", "sécurité des batteries"),
        ),
        contexts=(
            ("p:units deployed in the High North", "fp:unités déployées dans le Grand Nord"),
            ("p:winter patrols", "fp:patrouilles hivernales"),
            ("p:unattended sensors", "mp:capteurs autonomes"),
        ),
    ),
    topic(
        "microgrid-ai", C, ("energy", "ai", "data"),
        names=(
            ("AI-driven microgrid controller", "m:contrôleur de micro-réseau piloté par l'IA"),
            ("energy management software for deployed camps", "m:logiciel de gestion de l'énergie des camps"),
        ),
        problem=(
            "Camps grow piece by piece, with generators, solar panels and batteries from different suppliers "
            "that nobody can run as one system.",
            "Les camps s'agrandissent par ajouts successifs, avec des groupes électrogènes, des panneaux "
            "solaires et des batteries de fournisseurs différents que personne ne sait piloter comme un seul "
            "système.",
        ),
        how=(
            "Our controller discovers every source and load on the network, learns how each behaves, and "
            "dispatches them every few seconds to meet demand at the lowest fuel cost while protecting "
            "critical loads.",
            "Notre contrôleur détecte chaque source et chaque charge du réseau, apprend leur comportement et "
            "les répartit toutes les quelques secondes pour couvrir la demande au moindre coût en carburant, "
            "en protégeant les charges critiques.",
        ),
        gain=(
            "Simulations on logged data from two camps predict 25 to 35 % less fuel, and commanders get a "
            "forecast of their energy autonomy in hours.",
            "Des simulations sur les données enregistrées de deux camps prévoient 25 à 35 % de carburant en "
            "moins, et le commandement dispose d'une prévision de son autonomie énergétique en heures.",
        ),
        detail=(
            "Every dispatch decision is logged with its reasons, and an operator can take manual control of "
            "any source at any moment.",
            "Chaque décision de répartition est journalisée avec ses motifs, et un opérateur peut reprendre "
            "la "
            "main sur n'importe quelle source à tout moment.",
        ),
        goal=(
            "run deployed camps as one smart microgrid",
            "piloter les camps déployés comme un micro-réseau intelligent",
        ),
        keywords=(
            ("microgrids", "micro-réseaux"),
            ("energy management", "gestion de l'énergie"),
            ("machine learning", "apprentissage automatique"),
            ("load forecasting", "prévision de charge"),
        ),
        contexts=(
            ("p:deployed camps", "mp:camps déployés"),
            ("p:field hospitals", "mp:hôpitaux de campagne"),
            ("p:air bases", "fp:bases aériennes"),
        ),
    ),
    topic(
        "solar-blankets", C, ("energy", "materials"),
        names=(
            ("p:rollable perovskite-silicon solar blankets",
             "fp:couvertures solaires souples pérovskite-silicium"),
            ("p:lightweight flexible solar arrays", "mp:panneaux solaires souples et légers"),
        ),
        problem=(
            "Rigid solar panels are too heavy and fragile to carry, so small units rarely use the sun even "
            "on "
            "long static tasks.",
            "Les panneaux solaires rigides sont trop lourds et trop fragiles pour être portés : les petites "
            "unités se privent donc du soleil, même lors de longues missions statiques.",
        ),
        how=(
            "We laminate tandem perovskite-silicon cells onto a textile backing that rolls up to the size "
            "of a "
            "sleeping mat and unrolls into a 200 W array.",
            "Nous laminons des cellules tandem pérovskite-silicium sur un support textile qui se roule à la "
            "taille d'un tapis de sol et se déploie en un champ de 200 W.",
        ),
        gain=(
            "At 900 g per 100 W the blanket weighs a third of current military folding panels and has "
            "survived "
            "2,000 roll cycles without loss of output.",
            "Avec 900 g pour 100 W, la couverture pèse le tiers des panneaux pliants militaires actuels et a "
            "supporté 2 000 cycles d'enroulement sans perte de rendement.",
        ),
        detail=(
            "A matte top layer reduces glint and thermal contrast, which matters when drones are looking for "
            "the array.",
            "Une couche supérieure mate réduit les reflets et le contraste thermique, ce qui compte quand "
            "des "
            "drones cherchent le panneau.",
        ),
        goal=("give small units power from the sun", "donner aux petites unités l'énergie du soleil"),
        keywords=(
            ("photovoltaics", "photovoltaïque"),
            ("perovskite", "pérovskite"),
            ("lightweight solar", "solaire léger"),
            ("signature management", "gestion de signature"),
        ),
        contexts=(
            ("p:observation posts", "mp:postes d'observation"),
            ("p:dismounted patrols", "fp:patrouilles débarquées"),
            ("p:remote sensor sites", "mp:sites de capteurs isolés"),
        ),
    ),
    topic(
        "drone-fuel-cell", C, ("energy", "autonomy"),
        names=(
            ("hydrogen fuel-cell power pack for drones", "m:module à pile à combustible pour drones"),
            ("u:fuel-cell drone propulsion", "f:propulsion de drones par pile à combustible"),
        ),
        problem=(
            "Battery-powered multicopters fly for 30 to 40 minutes, so watching a position for a day takes a "
            "relay of aircraft, batteries and operators.",
            "Les multirotors à batterie volent 30 à 40 minutes : surveiller une position pendant une journée "
            "exige de relayer sans cesse drones, batteries et télépilotes.",
        ),
        how=(
            "Our 1.2 kW proton-exchange-membrane stack and a lightweight hydrogen cylinder replace the "
            "battery "
            "and fit common drone frames without modification.",
            "Notre pile à membrane échangeuse de protons de 1,2 kW et une bouteille d'hydrogène légère "
            "remplacent la batterie et se montent sans modification sur les châssis de drones courants.",
        ),
        gain=(
            "Flight tests show more than two and a half hours of endurance with a 2 kg payload, and "
            "refuelling "
            "takes three minutes instead of an hour of charging.",
            "Les essais en vol montrent plus de deux heures et demie d'endurance avec une charge utile de "
            "2 kg, et le ravitaillement prend trois minutes au lieu d'une heure de recharge.",
        ),
        detail=(
            "A small buffer battery covers take-off peaks so that the stack runs at a steady load, which "
            "doubles its expected life.",
            "Une petite batterie tampon absorbe les pointes du décollage pour que la pile fonctionne à "
            "charge "
            "constante, ce qui double sa durée de vie attendue.",
        ),
        goal=(
            "keep surveillance drones in the air for hours",
            "maintenir des drones de surveillance en vol pendant des heures",
        ),
        keywords=(
            ("fuel cells", "piles à combustible"),
            ("drone endurance", "endurance des drones"),
            ("PEM stacks", "piles PEM"),
            ("hydrogen", "hydrogène"),
        ),
        contexts=(
            ("p:surveillance drones", "mp:drones de surveillance"),
            ("p:border patrols", "fp:patrouilles frontalières"),
            ("p:search-and-rescue teams", "fp:équipes de recherche et de sauvetage"),
        ),
    ),
    topic(
        "e-fuel-container", C, ("energy",),
        names=(
            ("containerised synthetic fuel plant", "f:unité conteneurisée de carburant de synthèse"),
            ("u:power-to-liquid fuel production in the field",
             "f:production de carburant liquide sur le terrain"),
        ),
        problem=(
            "Forces in remote places depend on a fuel chain that an adversary can cut anywhere between the "
            "refinery and the last truck.",
            "Les forces isolées dépendent d'une chaîne d'approvisionnement en carburant qu'un adversaire "
            "peut "
            "couper n'importe où entre la raffinerie et le dernier camion.",
        ),
        how=(
            "Two 20-foot containers turn renewable electricity, water and carbon dioxide captured from the "
            "air "
            "into a drop-in synthetic diesel by electrolysis and Fischer-Tropsch synthesis.",
            "Deux conteneurs de 20 pieds transforment de l'électricité renouvelable, de l'eau et du dioxyde "
            "de "
            "carbone capté dans l'air en gazole de synthèse directement utilisable, par électrolyse puis "
            "synthèse Fischer-Tropsch.",
        ),
        gain=(
            "One unit produces about 1,000 litres of fuel a day that meets the F-34 (JP-8) and diesel "
            "specifications of current vehicles and generators.",
            "Une unité produit environ 1 000 litres par jour, conformes aux spécifications du carburéacteur "
            "F-34 et du gazole des véhicules et groupes électrogènes actuels.",
        ),
        detail=(
            "The microchannel reactor starts and stops within an hour, so it can follow intermittent wind or "
            "solar power instead of needing a steady supply.",
            "Le réacteur à microcanaux démarre et s'arrête en moins d'une heure : il suit une production "
            "éolienne ou solaire intermittente au lieu d'exiger une alimentation constante.",
        ),
        goal=("make fuel where forces need it", "produire le carburant là où les forces en ont besoin"),
        keywords=(
            ("e-fuels", "e-carburants"),
            ("Fischer-Tropsch synthesis", "synthèse Fischer-Tropsch"),
            ("electrolysis", "électrolyse"),
            ("direct air capture", "captage direct du CO2"),
        ),
        contexts=(
            ("p:island garrisons", "fp:garnisons insulaires"),
            ("p:remote logistics hubs", "mp:centres logistiques isolés"),
            ("p:naval bases", "fp:bases navales"),
        ),
    ),
    topic(
        "power-beaming", C, ("energy", "autonomy"),
        names=(
            ("u:laser power beaming", "f:transmission d'énergie par laser"),
            ("u:wireless optical power for sensors and drones", "f:alimentation optique sans fil"),
        ),
        problem=(
            "Unattended sensors and tethered drones need someone to change batteries or lay cables, which "
            "exposes people exactly where the sensors were meant to replace them.",
            "Les capteurs autonomes et les drones captifs exigent que quelqu'un change les batteries ou tire "
            "des câbles, ce qui expose du personnel là même où les capteurs devaient le remplacer.",
        ),
        how=(
            "An eye-safe infrared laser sends power over several hundred metres to a photovoltaic receiver "
            "tuned to its wavelength, and a safety system cuts the beam within milliseconds if anything "
            "crosses it.",
            "Un laser infrarouge sans danger pour l'œil transmet l'énergie sur plusieurs centaines de mètres "
            "vers un récepteur photovoltaïque accordé sur sa longueur d'onde ; un dispositif de sécurité "
            "coupe le faisceau en quelques millisecondes si un obstacle le traverse.",
        ),
        gain=(
            "Our demonstrator delivers 400 W at 300 m, enough to keep a sensor mast or a small drone running "
            "indefinitely without a visit.",
            "Notre démonstrateur fournit 400 W à 300 m, de quoi faire fonctionner indéfiniment un mât de "
            "capteurs ou un petit drone sans intervention.",
        ),
        detail=(
            "The indium gallium arsenide receiver converts 40 % of the 1,550 nm beam into electricity, and "
            "the "
            "narrow beam is hard to detect from the side.",
            "Le récepteur en arséniure d'indium-gallium convertit 40 % du faisceau à 1 550 nm en "
            "électricité, "
            "et le faisceau étroit est difficile à détecter latéralement.",
        ),
        goal=(
            "power sensors and drones without cables or battery swaps",
            "alimenter capteurs et drones sans câble ni changement de batterie",
        ),
        keywords=(
            ("power beaming", "transmission d'énergie sans fil"),
            ("lasers", "lasers"),
            ("photovoltaic receivers", "récepteurs photovoltaïques"),
            ("unattended sensors", "capteurs autonomes"),
        ),
        contexts=(
            ("p:perimeter sensor masts", "mp:mâts de capteurs périmétriques"),
            ("p:tethered drones", "mp:drones captifs"),
            ("p:remote sensor sites", "mp:sites de capteurs isolés"),
        ),
    ),
)
