"""The demo programme, its call, phases and the five challenges of the 2024 call (shared/FACTS.md),
in both official languages. The French is written as French, not translated word for word.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bilingual:
    en: str
    fr: str

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


@dataclass(frozen=True)
class ChallengeText:
    code: str  # also the slug
    title: Bilingual
    summary: Bilingual
    description: Bilingual
    areas: tuple[str, ...]  # EDT area codes (core.EdtArea.code)


@dataclass(frozen=True)
class PhaseText:
    position: int
    name: Bilingual
    duration_months: int
    grant: int  # EUR
    description: Bilingual


PROGRAMME_SLUG = "defence-innovation-accelerator"

PROGRAMME_NAME = Bilingual("Defence Innovation Accelerator", "Accélérateur d'innovation de défense")

PROGRAMME_DESCRIPTION = Bilingual(
    "The accelerator runs yearly challenge calls for start-ups and small companies headquartered in a "
    "member nation. Selected companies join a six-month Phase 1 programme with a grant of EUR 100,000 "
    "for salaries, rent and equipment, and may go on to a Phase 2 of up to EUR 300,000 more. The "
    "accelerator takes no equity and no intellectual property.\n\n"
    "Companies work with a network of 23 accelerator sites and 182 test centres in 28 nations: the "
    "sites give training, mentoring and access to investors and end users; the test centres give "
    "ranges, laboratories and sea and air test areas that companies book for their trials.\n\n"
    "Applications are assessed on four criteria: fit to the challenge and transformative potential; "
    "technical feasibility; commercial viability in defence and civil markets; and the team. Phase 2 "
    "adds end-user relevance and investment readiness.",
    "L'accélérateur lance chaque année des appels à défis destinés aux start-up et aux petites "
    "entreprises dont le siège se trouve dans une nation membre. Les entreprises retenues suivent un "
    "programme de phase 1 de six mois, doté d'une subvention de 100 000 EUR pour les salaires, les "
    "loyers et l'équipement ; certaines poursuivent en phase 2 avec un financement complémentaire "
    "pouvant atteindre 300 000 EUR. L'accélérateur ne prend ni participation au capital ni propriété "
    "intellectuelle.\n\n"
    "Les entreprises s'appuient sur un réseau de 23 sites d'accélération et de 182 centres d'essais "
    "répartis dans 28 nations : les sites offrent formation, mentorat et mise en relation avec des "
    "investisseurs et des utilisateurs finaux ; les centres d'essais mettent à disposition des champs "
    "de tir, des laboratoires et des zones d'essais en mer et dans les airs, que les entreprises "
    "réservent pour leurs essais.\n\n"
    "Les candidatures sont évaluées selon quatre critères : l'adéquation au défi et le potentiel de "
    "transformation ; la faisabilité technique ; la viabilité commerciale sur les marchés de la "
    "défense et civils ; l'équipe. La phase 2 y ajoute la pertinence pour les utilisateurs finaux et "
    "la maturité face à l'investissement.",
)


def call_title(cohort_year: int) -> Bilingual:
    return Bilingual(
        f"Challenge call for the {cohort_year} cohort", f"Appel à défis pour la promotion {cohort_year}"
    )


CALL_DESCRIPTION = Bilingual(
    "Five challenges, one six-week window. Start-ups and small or medium enterprises headquartered in "
    "a member nation may apply to one or more challenges, once per challenge. Tell us which problem "
    "of the end users you solve, how mature your technology is, what you would achieve in six months "
    "with EUR 100,000, and who will do the work. About fifteen companies per challenge will be "
    "selected for Phase 1.",
    "Cinq défis, une fenêtre de six semaines. Les start-up et les PME dont le siège est situé dans "
    "une nation membre peuvent répondre à un ou plusieurs défis, une fois par défi. Dites-nous quel "
    "problème des utilisateurs finaux vous résolvez, quelle est la maturité de votre technologie, ce "
    "que vous accompliriez en six mois avec 100 000 EUR et qui fera le travail. Une quinzaine "
    "d'entreprises par défi seront retenues pour la phase 1.",
)

def closed_call_description(cohort_year: int) -> Bilingual:
    """The public text of a call whose window has closed: what happened and what comes next."""
    return Bilingual(
        f"This call recruited the {cohort_year} cohort and is now closed to applications. Start-ups and "
        "small or medium enterprises of the member nations answered five challenges; every eligible "
        "application is read by at least three independent experts, who declare their conflicts of "
        "interest before they see it. The programme's selection committee then chooses about fifteen "
        "companies per challenge for Phase 1, within each challenge's budget and the balance between "
        "nations. Every applicant receives a decision letter, in the language of the application, when "
        "the cohort is confirmed.",
        f"Cet appel a recruté la promotion {cohort_year} et n'accepte plus de candidatures. Des start-up "
        "et des PME des nations membres ont répondu à cinq défis ; chaque candidature recevable est lue "
        "par au moins trois experts indépendants, qui déclarent leurs conflits d'intérêts avant de la "
        "voir. Le comité de sélection du programme retient ensuite une quinzaine d'entreprises par défi "
        "pour la phase 1, dans la limite du budget de chaque défi et de l'équilibre entre les nations. "
        "Chaque candidat reçoit une lettre de décision, dans la langue de sa candidature, lorsque la "
        "promotion est confirmée.",
    )


PHASES = (
    PhaseText(
        1,
        Bilingual("Phase 1: accelerator programme", "Phase 1 : programme d'accélération"),
        6,
        100_000,
        Bilingual(
            "Six months at an accelerator site with a grant of EUR 100,000 (salaries, rent, equipment), "
            "mentoring, test-centre access and meetings with end users and investors.",
            "Six mois sur un site d'accélération avec une subvention de 100 000 EUR (salaires, loyers, "
            "équipement), du mentorat, l'accès aux centres d'essais et des rencontres avec des "
            "utilisateurs finaux et des investisseurs.",
        ),
    ),
    PhaseText(
        2,
        Bilingual("Phase 2: follow-on funding", "Phase 2 : financement complémentaire"),
        12,
        300_000,
        Bilingual(
            "Up to EUR 300,000 more for the companies whose Phase 1 results convince end users, to take "
            "a prototype through operational trials towards adoption.",
            "Jusqu'à 300 000 EUR supplémentaires pour les entreprises dont les résultats de phase 1 "
            "convainquent les utilisateurs finaux, afin de mener un prototype jusqu'aux essais "
            "opérationnels et vers l'adoption.",
        ),
    ),
)


CHALLENGES = (
    ChallengeText(
        code="energy-and-power",
        title=Bilingual("Energy and power", "Énergie et puissance"),
        summary=Bilingual(
            "Reduce the fuel, weight and signature that energy costs deployed forces, and keep power "
            "flowing to bases, vehicles and soldiers when supply lines are contested.",
            "Réduire le carburant, le poids et la signature que coûte l'énergie aux forces déployées, et "
            "maintenir l'alimentation des bases, des véhicules et des soldats quand les lignes "
            "d'approvisionnement sont contestées.",
        ),
        description=Bilingual(
            "Fuel is still the heaviest thing an army moves. In recent operations a large share of "
            "resupply convoys carried fuel and water, and each convoy exposed drivers and escorts to "
            "attack. Forward operating bases run diesel generators around the clock, often at a "
            "fraction of their rated load, which wastes fuel and wears engines out. Their noise and "
            "heat give away positions to anyone with a thermal camera or a drone.\n\n"
            "The soldier carries the same problem on their back: radios, night-vision devices, "
            "navigation aids and drones run on batteries of many different types, and a dismounted "
            "patrol of a few days can carry ten kilograms or more of them per person. Cold weather on "
            "the northern flank cuts battery capacity sharply just when heating and electronics need "
            "more. Charging depends on vehicles or generators that may not be there.\n\n"
            "End users want solutions that work with the equipment they already have: energy storage "
            "that is safe when damaged, power generation that is quiet and hard to detect, "
            "microgrids that keep critical loads running when part of the network fails, energy "
            "management that tells commanders what they will run out of and when, and ways to make "
            "fuel or harvest energy close to where it is used. Home bases and the infrastructure "
            "behind them need resilience too: a grid outage should not stop an airfield.\n\n"
            "We welcome technologies at any stage from laboratory prototype to field-ready product, "
            "provided the company can show a credible route to a demonstration with end users within "
            "the programme. Civil markets such as remote industry, disaster relief and island grids "
            "face the same constraints and count in favour of a proposal.",
            "Le carburant reste ce qu'une armée transporte de plus lourd. Lors des opérations récentes, "
            "une grande part des convois de ravitaillement transportaient du carburant et de l'eau, et "
            "chacun d'eux exposait conducteurs et escortes. Les bases opérationnelles avancées font "
            "tourner des groupes électrogènes jour et nuit, souvent à une fraction de leur charge "
            "nominale : le carburant est gaspillé, les moteurs s'usent, et leur bruit comme leur "
            "chaleur trahissent leur position à la moindre caméra thermique ou au moindre drone.\n\n"
            "Le soldat porte le même problème sur son dos : radios, jumelles de vision nocturne, aides "
            "à la navigation et drones fonctionnent avec des batteries de types très divers, et une "
            "patrouille débarquée de quelques jours peut en emporter dix kilogrammes ou plus par "
            "personne. Sur le flanc nord, le froid réduit fortement la capacité des batteries au "
            "moment même où le chauffage et l'électronique en demandent davantage. La recharge dépend "
            "de véhicules ou de groupes électrogènes qui ne sont pas toujours là.\n\n"
            "Les utilisateurs finaux attendent des solutions compatibles avec leurs équipements "
            "actuels : un stockage d'énergie qui reste sûr lorsqu'il est endommagé, une production "
            "d'électricité silencieuse et difficile à détecter, des micro-réseaux qui maintiennent les "
            "charges critiques quand une partie du réseau tombe, une gestion de l'énergie qui indique "
            "au commandement ce qui va manquer et quand, et des moyens de produire du carburant ou de "
            "récupérer de l'énergie au plus près des besoins. Les bases arrière et les infrastructures "
            "qui les soutiennent doivent elles aussi gagner en résilience : une panne du réseau "
            "électrique ne doit pas arrêter une base aérienne.\n\n"
            "Nous accueillons des technologies à tous les stades, du prototype de laboratoire au "
            "produit prêt pour le terrain, à condition que l'entreprise montre une voie crédible vers "
            "une démonstration avec des utilisateurs finaux pendant le programme. Les marchés civils "
            "(industrie en zone isolée, secours en cas de catastrophe, réseaux insulaires) connaissent "
            "les mêmes contraintes et constituent un atout pour une candidature.",
        ),
        areas=("energy", "materials", "ai", "autonomy"),
    ),
    ChallengeText(
        code="data-and-information-security",
        title=Bilingual("Data and information security", "Sécurité des données et de l'information"),
        summary=Bilingual(
            "Share the right information with the right allies in time, and keep it trustworthy, from "
            "headquarters to the tactical edge and into the quantum era.",
            "Partager à temps la bonne information avec les bons alliés et la garder digne de "
            "confiance, de l'état-major jusqu'à l'avant et à l'ère quantique.",
        ),
        description=Bilingual(
            "Allies fight together but their information systems were built apart. Each nation labels, "
            "stores and releases data under its own rules, so sharing a sensor track or an intelligence "
            "report with a coalition partner often means a person re-typing it on another network, or "
            "not sharing it at all. Staff officers spend hours deciding what can be released to whom; "
            "the information is stale by the time it arrives.\n\n"
            "At the tactical edge, links are disconnected, intermittent and limited: units lose "
            "connectivity for hours and then reconnect over a few kilobits per second. Security that "
            "assumes a permanent connection to a central server does not work there, and devices that "
            "are captured must not expose the network. Meanwhile adversaries collect encrypted traffic "
            "today to decrypt it once quantum computers are available, and the migration of thousands "
            "of systems to post-quantum cryptography has barely started.\n\n"
            "The software itself has become a target: systems depend on open-source components and "
            "suppliers that few organisations can inventory, and manipulated data, from spoofed "
            "positions to synthetic media, reaches decision makers faster than it can be checked. "
            "End users are short of cyber specialists and need tools that a signals unit can run "
            "without a team of experts.\n\n"
            "We look for technologies that enforce data-centric security (labels and policies that "
            "travel with the data), secure communications and identity at the edge, quantum-safe "
            "migration, software supply-chain assurance, and the detection of manipulated "
            "information. Solutions must fit existing standards and networks rather than replace "
            "them, and should have clear civil markets such as critical infrastructure operators, "
            "banks and health services.",
            "Les alliés combattent ensemble, mais leurs systèmes d'information ont été conçus "
            "séparément. Chaque nation marque, stocke et diffuse ses données selon ses propres règles : "
            "partager une piste radar ou un rapport de renseignement avec un partenaire de coalition "
            "revient souvent à le ressaisir à la main sur un autre réseau, voire à y renoncer. Des "
            "officiers d'état-major passent des heures à décider ce qui peut être communiqué et à qui ; "
            "l'information arrive périmée.\n\n"
            "À l'avant, les liaisons sont déconnectées, intermittentes et limitées : une unité perd le "
            "contact pendant des heures, puis se reconnecte à quelques kilobits par seconde. Une "
            "sécurité qui suppose une connexion permanente à un serveur central n'y fonctionne pas, et "
            "un équipement capturé ne doit pas compromettre le réseau. Dans le même temps, "
            "l'adversaire collecte aujourd'hui du trafic chiffré pour le déchiffrer demain avec un "
            "ordinateur quantique, alors que la migration de milliers de systèmes vers la cryptographie "
            "post-quantique commence à peine.\n\n"
            "Le logiciel lui-même est devenu une cible : les systèmes reposent sur des composants "
            "libres et des fournisseurs que peu d'organisations savent inventorier, et des données "
            "manipulées, des positions falsifiées aux médias synthétiques, parviennent aux décideurs "
            "plus vite qu'on ne peut les vérifier. Les utilisateurs manquent de spécialistes en "
            "cybersécurité et ont besoin d'outils qu'une unité de transmissions peut exploiter sans une "
            "équipe d'experts.\n\n"
            "Nous recherchons des technologies de sécurité centrée sur la donnée (marquages et "
            "politiques qui accompagnent la donnée), de communication et d'identité sécurisées à "
            "l'avant, de migration vers des algorithmes résistants au quantique, d'assurance de la "
            "chaîne d'approvisionnement logicielle et de détection de l'information manipulée. Les "
            "solutions doivent s'intégrer aux normes et aux réseaux existants plutôt que les "
            "remplacer, et viser des marchés civils clairs : opérateurs d'infrastructures critiques, "
            "banques, services de santé.",
        ),
        areas=("cyber", "data", "ai", "quantum", "networks"),
    ),
    ChallengeText(
        code="sensing-and-surveillance",
        title=Bilingual("Sensing and surveillance", "Détection et surveillance"),
        summary=Bilingual(
            "See more, further and longer with fewer people: persistent awareness on land, at sea, "
            "under water and in space, and the tools to make sense of it.",
            "Voir plus, plus loin et plus longtemps avec moins de personnel : une connaissance "
            "permanente de la situation sur terre, en mer, sous l'eau et dans l'espace, et les outils "
            "pour l'exploiter.",
        ),
        description=Bilingual(
            "The alliance must watch long borders, wide seas and a growing network of undersea cables "
            "and pipelines, with too few aircraft, ships and analysts. Vessels switch off their "
            "identification transponders, small drones cross borders below radar coverage, and damage "
            "to a seabed cable may be discovered only when the traffic stops. Much of what sensors "
            "collect is never looked at because analysts are overwhelmed.\n\n"
            "Satellites now revisit most places several times a day, and commercial radar and optical "
            "imagery can be pooled into a virtual constellation, but turning images into alerts that "
            "a watch officer trusts is still slow and manual. On the ground, small units need to know "
            "what is around them without emitting signals that betray them, and to keep navigating "
            "when satellite navigation is jammed or spoofed, as happens daily in parts of the Baltic "
            "and Black Sea regions.\n\n"
            "End users ask for low-cost sensors that can be scattered in numbers, sensing at the edge "
            "that sends conclusions rather than raw data over thin links, fusion of radar, optical, "
            "acoustic and radio-frequency sources into one picture, detection of small and slow "
            "targets, passive and quantum sensors, and automation that explains why it raised an "
            "alert so that a person stays in charge of the decision.\n\n"
            "Proposals should state what the sensor or software detects, at what range and with what "
            "false-alarm rate, and how it would be tested at a range or sea test area during the "
            "programme. Civil uses, from border management and fisheries control to the monitoring "
            "of offshore wind farms and rail lines, strengthen a proposal.",
            "L'Alliance doit surveiller de longues frontières, de vastes espaces maritimes et un "
            "réseau croissant de câbles et de gazoducs sous-marins, avec trop peu d'avions, de navires "
            "et d'analystes. Des navires coupent leur transpondeur d'identification, de petits drones "
            "franchissent les frontières sous la couverture radar, et l'endommagement d'un câble sous-"
            "marin n'est parfois découvert qu'à l'interruption du trafic. Une grande partie de ce que "
            "collectent les capteurs n'est jamais exploitée, faute d'analystes disponibles.\n\n"
            "Les satellites repassent désormais plusieurs fois par jour au-dessus de la plupart des "
            "zones, et les images radar et optiques commerciales peuvent être mises en commun dans une "
            "constellation virtuelle ; mais transformer des images en alertes auxquelles un officier "
            "de quart se fie reste lent et manuel. Au sol, les petites unités doivent connaître leur "
            "environnement sans émettre de signaux qui les trahissent, et continuer à naviguer quand "
            "la navigation par satellite est brouillée ou leurrée, comme c'est le cas chaque jour dans "
            "certaines parties de la Baltique et de la mer Noire.\n\n"
            "Les utilisateurs finaux demandent des capteurs bon marché que l'on peut disséminer en "
            "nombre, un traitement embarqué qui transmet des conclusions plutôt que des données brutes "
            "sur des liaisons à faible débit, la fusion de sources radar, optiques, acoustiques et "
            "radiofréquences en une seule situation, la détection de cibles petites et lentes, des "
            "capteurs passifs et quantiques, et une automatisation qui explique pourquoi elle a "
            "déclenché une alerte, afin qu'une personne garde la décision.\n\n"
            "Les candidatures préciseront ce que le capteur ou le logiciel détecte, à quelle portée et "
            "avec quel taux de fausses alarmes, et comment il serait testé sur un champ de tir ou une "
            "zone d'essais en mer pendant le programme. Les usages civils, de la gestion des "
            "frontières au contrôle des pêches en passant par la surveillance des parcs éoliens en mer "
            "et des voies ferrées, renforcent une candidature.",
        ),
        areas=("ai", "space", "autonomy", "quantum", "data"),
    ),
    ChallengeText(
        code="human-health-and-performance",
        title=Bilingual("Human health and performance", "Santé et performance humaines"),
        summary=Bilingual(
            "Keep service members healthy, effective and alive: from training and wellbeing to the "
            "care of casualties when evacuation takes hours or days.",
            "Préserver la santé, l'efficacité et la vie des militaires : de l'entraînement et du "
            "bien-être jusqu'aux soins des blessés lorsque l'évacuation prend des heures, voire des "
            "jours.",
        ),
        description=Bilingual(
            "Recent conflicts have ended the assumption that a wounded soldier reaches surgery within "
            "the golden hour. Where drones watch every road and helicopters cannot fly, casualties may "
            "wait hours or days near the front, cared for by medics with what they carry. Bleeding, "
            "infection and hypothermia kill in that time; medics need diagnostics, blood products and "
            "decision support that work without a hospital behind them.\n\n"
            "Long before combat, injuries and exhaustion take more people out of service than the "
            "enemy. Heavy loads cause musculoskeletal injuries in training, heat and cold injuries "
            "recur on every exercise, and sleep deprivation degrades judgement in ways commanders "
            "cannot see. Mental health problems, from acute stress to long-term trauma, are under-"
            "reported and often identified too late to help.\n\n"
            "End users want wearable and non-invasive monitoring that turns physiological signals "
            "into simple advice (rest, drink, evacuate first); protective equipment and materials that "
            "weigh less; training that adapts to each person; tools for resilience and early support "
            "in mental health; and medical technology for prolonged field care, from haemorrhage "
            "control to remote specialist advice over a weak link. Personal data must stay protected "
            "and the person must stay in control of how it is used.\n\n"
            "Proposals should show evidence of safety and effect, a realistic regulatory path where a "
            "medical device is concerned, and a plan to trial the solution with a military unit, a "
            "medical service or a training centre. Emergency services, sport, occupational health and "
            "remote industry are natural civil markets.",
            "Les conflits récents ont mis fin à l'idée qu'un soldat blessé arrive au bloc opératoire "
            "dans l'heure d'or. Quand des drones surveillent chaque route et que les hélicoptères ne "
            "peuvent pas voler, les blessés attendent des heures, voire des jours, près du front, "
            "soignés par des auxiliaires sanitaires avec ce qu'ils transportent. L'hémorragie, "
            "l'infection et l'hypothermie tuent dans ce délai : les équipes médicales ont besoin de "
            "diagnostics, de produits sanguins et d'aide à la décision qui fonctionnent sans hôpital "
            "à proximité.\n\n"
            "Bien avant le combat, les blessures et l'épuisement retirent plus de personnel du "
            "service que l'ennemi. Les charges lourdes provoquent des troubles musculo-squelettiques "
            "à l'entraînement, les coups de chaleur et les gelures reviennent à chaque exercice, et le "
            "manque de sommeil altère le jugement sans que le commandement s'en aperçoive. Les "
            "troubles psychiques, du stress aigu au traumatisme durable, sont sous-déclarés et souvent "
            "repérés trop tard.\n\n"
            "Les utilisateurs finaux attendent une surveillance portable et non invasive qui traduit "
            "les signaux physiologiques en conseils simples (se reposer, boire, évacuer en priorité) ; "
            "des équipements et des matériaux de protection plus légers ; un entraînement adapté à "
            "chaque personne ; des outils de résilience et de soutien psychologique précoce ; et des "
            "technologies médicales pour les soins prolongés sur le terrain, du contrôle des "
            "hémorragies à la téléexpertise sur une liaison dégradée. Les données personnelles doivent "
            "rester protégées, et chacun doit garder la maîtrise de leur usage.\n\n"
            "Les candidatures apporteront des éléments de sécurité et d'efficacité, une trajectoire "
            "réglementaire réaliste s'il s'agit d'un dispositif médical et un plan d'essai avec une "
            "unité militaire, un service de santé ou un centre d'entraînement. Les services de "
            "secours, le sport, la santé au travail et l'industrie en zone isolée sont des marchés "
            "civils naturels.",
        ),
        areas=("biotech", "ai", "data", "materials"),
    ),
    ChallengeText(
        code="critical-infrastructure-and-logistics",
        title=Bilingual("Critical infrastructure and logistics", "Infrastructures critiques et logistique"),
        summary=Bilingual(
            "Protect the ports, grids, cables and rail lines that allied forces depend on, and move, "
            "repair and supply forces faster across the alliance.",
            "Protéger les ports, réseaux électriques, câbles et voies ferrées dont dépendent les forces "
            "alliées, et déplacer, réparer et approvisionner les forces plus vite à travers l'Alliance.",
        ),
        description=Bilingual(
            "Allied forces rely on civilian infrastructure that they do not own: commercial ports, "
            "railways, bridges, power grids, fuel pipelines and telecommunication cables. These assets "
            "face sabotage, cyber attacks and extreme weather, and their operators often cannot tell "
            "an accident from an attack until long after the event. Damage to one link, a bridge or a "
            "substation, can stall the movement of a whole brigade.\n\n"
            "Moving forces across the alliance is still slow. Rail gauges, load limits of bridges, "
            "border paperwork and scattered information about what is where add days to every "
            "deployment. In the field, spare parts are the limiting factor: a vehicle waits weeks for "
            "a component that could be made or repaired near the front, and stock is counted by hand "
            "across depots that do not share systems.\n\n"
            "End users want earlier warning of threats to infrastructure, from seabed and pipeline "
            "monitoring to the detection of tampering at substations; tools to assess and repair "
            "damage quickly; visibility of stocks and movements across nations; predictive "
            "maintenance that keeps more equipment available; autonomous and unmanned resupply for "
            "the last kilometres; and the production of parts where they are needed. Solutions must "
            "respect the fact that most infrastructure is civilian and regulated.\n\n"
            "We welcome proposals from companies that already work with ports, utilities, rail or "
            "logistics operators and can bring a defence use case to a demonstration within six "
            "months, as well as from defence specialists with a credible civil market.",
            "Les forces alliées dépendent d'infrastructures civiles qui ne leur appartiennent pas : "
            "ports de commerce, chemins de fer, ponts, réseaux électriques, oléoducs et câbles de "
            "télécommunication. Ces installations sont exposées au sabotage, aux cyberattaques et aux "
            "phénomènes climatiques extrêmes, et leurs exploitants ne savent souvent distinguer un "
            "accident d'une attaque que bien après les faits. L'endommagement d'un seul maillon, un "
            "pont ou un poste électrique, peut immobiliser toute une brigade.\n\n"
            "Déplacer des forces à travers l'Alliance reste lent. L'écartement des rails, la charge "
            "admissible des ponts, les formalités aux frontières et une information éparpillée sur la "
            "localisation des moyens ajoutent des jours à chaque déploiement. Sur le terrain, les "
            "pièces de rechange sont le facteur limitant : un véhicule attend des semaines une pièce "
            "qui pourrait être fabriquée ou réparée près du front, et les stocks sont comptés à la "
            "main dans des dépôts dont les systèmes ne communiquent pas.\n\n"
            "Les utilisateurs finaux attendent une alerte plus précoce sur les menaces visant les "
            "infrastructures, de la surveillance des fonds marins et des pipelines à la détection "
            "d'intrusions dans les postes électriques ; des outils pour évaluer et réparer vite les "
            "dégâts ; une visibilité des stocks et des mouvements entre nations ; une maintenance "
            "prédictive qui augmente la disponibilité des matériels ; un ravitaillement autonome ou "
            "téléopéré sur les derniers kilomètres ; et la fabrication des pièces au plus près du "
            "besoin. Les solutions doivent tenir compte du fait que la plupart de ces infrastructures "
            "sont civiles et réglementées.\n\n"
            "Nous accueillons les candidatures d'entreprises qui travaillent déjà avec des ports, des "
            "gestionnaires de réseaux, des opérateurs ferroviaires ou logistiques et peuvent porter un "
            "cas d'usage de défense jusqu'à une démonstration en six mois, comme celles de "
            "spécialistes de la défense disposant d'un marché civil crédible.",
        ),
        areas=("autonomy", "ai", "data", "materials", "networks"),
    ),
)
