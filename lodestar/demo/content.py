"""What an application says, independent of any one challenge, aligned across the two languages.

Each entry is an (English, French) pair with the same meaning; a plan of an application keeps the
indices it chose, so that the same plan can be rewritten with other words or in the other language.
How these are worded around (the frames) lives in `wording.py`.

Slots: {tech} {ctx} {user} {user2} {facility} {std} (noun phrases, see grammar.py), {exp1} {exp2}
(fields of expertise), and numbers: {year} {seed} {revenue} {price} {hires} {units} {p_staff} {p_equip}
{patents} {lab_years} {months_used} {operators} {nations} {veterans} {products} {from_defence} {engineers}.
"""

from __future__ import annotations

from lodestar.demo.bank import Pair

# Technologies that are mostly software: they get no pre-series, ruggedised version, prototypes to
# build, consumables or field maintenance in their text (the HARDWARE_* indices below).
SOFTWARE_TOPICS = frozenset({
    "microgrid-ai", "data-centric-labels", "pqc-migration", "edge-identity", "software-supply-chain",
    "deepfake-forensics", "homomorphic-sharing", "sar-dark-vessels", "mental-resilience",
    "field-telemedicine", "adaptive-vr", "predictive-maintenance", "logistics-visibility",
    "mobility-planner", "ai-assurance",
})

# Problems end users and applicants keep reporting (shared/FACTS.md: slow procurement, the gap
# between proof of value and adoption, little visibility for end users).
PAINS: tuple[Pair, ...] = (
    ("Today {user:the} handles the problem with workarounds that cost time and put people at risk.",
     "Aujourd'hui, {user:le} contourne le problème par des expédients qui coûtent du temps et exposent le "
     "personnel."),
    ("Existing products for {ctx} were designed for civil use and fail in the heat, cold, dust and "
     "vibration of "
     "real operations.",
     "Les produits existants destinés {ctx:au} ont été conçus pour un usage civil et ne résistent ni à la "
     "chaleur, ni au froid, ni à la poussière, ni aux vibrations des opérations réelles."),
    ("Solutions from large suppliers exist, but for {user:a} they cost too much and take years to procure.",
     "Des solutions de grands fournisseurs existent, mais pour {user:un} elles coûtent trop cher et "
     "demandent des "
     "années d'acquisition."),
    ("Promising prototypes of {tech} have been shown to end users before, but none crossed the gap from "
     "demonstration to adoption.",
     "Des prototypes prometteurs {tech:de} ont déjà été présentés aux utilisateurs finaux, mais aucun n'a "
     "franchi le pas de la démonstration à l'adoption."),
    ("Units like {user:the} know the problem well but have little visibility of what start-ups can already "
     "offer.",
     "Des unités comme {user:le} connaissent bien le problème, mais voient mal ce que les start-up peuvent "
     "déjà "
     "proposer."),
    ("The need is growing: recent exercises have made it one of the most frequent causes of lost capability "
     "for "
     "{ctx}.",
     "Le besoin grandit : les exercices récents en ont fait l'une des causes les plus fréquentes de perte de "
     "capacité pour {ctx:le}."),
    ("Procurement rules written for large programmes make it hard for {user:a} even to try a small company's "
     "product.",
     "Des règles d'acquisition pensées pour les grands programmes empêchent souvent {user:un} ne serait-ce "
     "que "
     "d'essayer le produit d'une petite entreprise."),
)

# Predicates: frames put a singular subject in front ("our solution", "le système").
DIFFERENTIATORS: tuple[Pair, ...] = (
    ("works with the equipment and interfaces that units already have, so nothing needs replacing",
     "fonctionne avec les équipements et les interfaces dont disposent déjà les unités : rien n'est à "
     "remplacer"),
    ("is built from commercial components available in several allied nations, with no single-source "
     "dependency",
     "repose sur des composants du commerce disponibles dans plusieurs nations alliées, sans dépendance à un "
     "fournisseur unique"),
    ("needs no cloud connection and keeps working when cut off",
     "n'a besoin d'aucune connexion au nuage et continue de fonctionner en mode isolé"),
    ("can be learnt in less than an hour, without a specialist",
     "se prend en main en moins d'une heure, sans spécialiste"),
    ("has open, documented interfaces that other suppliers can build on",
     "offre des interfaces ouvertes et documentées sur lesquelles d'autres fournisseurs peuvent s'appuyer"),
    ("costs little enough to become a consumable rather than a precious asset",
     "coûte assez peu pour devenir un consommable plutôt qu'un bien précieux"),
    ("explains every automated decision and lets an operator override it",
     "explique chaque décision automatisée et laisse l'opérateur la corriger"),
    ("has involved end users since the first sketch instead of adapting a civil product afterwards",
     "associe les utilisateurs finaux depuis la première esquisse, au lieu d'adapter après coup un produit "
     "civil"),
    ("also serves civil customers, which keeps unit costs down and production lines busy",
     "sert aussi des clients civils, ce qui réduit les coûts unitaires et maintient les lignes de production "
     "actives"),
    ("can be maintained in the field with basic tools",
     "s'entretient sur le terrain avec un outillage de base"),
    ("meets allied security requirements by design, from the origin of its components to the handling of "
     "data",
     "intègre dès la conception les exigences de sécurité alliées, de l'origine des composants au traitement "
     "des données"),
    ("scales from a single unit to a whole formation without a change of architecture",
     "passe d'une seule unité à une formation entière sans changer d'architecture"),
)

HARDWARE_DIFFERENTIATORS = frozenset({5, 9})  # a consumable; maintained in the field with basic tools

# Clauses describing each technology readiness level, two per level (index = level).
TRL_TEXTS: dict[int, tuple[Pair, Pair]] = {
    2: (("the concept is formulated and supported by calculations and simulations, but no hardware has been "
         "built yet",
         "le concept est formulé et étayé par des calculs et des simulations, mais aucun matériel n'a "
         "encore été "
         "construit"),
        ("we have a detailed design and simulation results, and the first laboratory experiments are planned",
         "nous disposons d'une conception détaillée et de résultats de simulation, et les premières "
         "expériences "
         "en laboratoire sont planifiées")),
    3: (("the key principle has been demonstrated experimentally in the laboratory",
         "le principe clé a été démontré expérimentalement en laboratoire"),
        ("laboratory experiments have confirmed the critical functions one by one",
         "des expériences en laboratoire ont confirmé les fonctions critiques une à une")),
    4: (("a laboratory prototype integrating the main components works on the bench",
         "un prototype de laboratoire intégrant les principaux composants fonctionne sur banc"),
        ("the components have been integrated and validated together in the laboratory",
         "les composants ont été intégrés et validés ensemble en laboratoire")),
    5: (("a prototype has been validated in a relevant environment that reproduces field conditions",
         "un prototype a été validé dans un environnement représentatif qui reproduit les conditions du "
         "terrain"),
        ("our breadboard has passed tests in conditions close to the real environment",
         "notre maquette a passé des essais dans des conditions proches de l'environnement réel")),
    6: (("a full-scale prototype has been demonstrated in a relevant environment",
         "un prototype à l'échelle réelle a été démontré dans un environnement représentatif"),
        ("a representative prototype has been tested outdoors with prospective users",
         "un prototype représentatif a été testé en extérieur avec de futurs utilisateurs")),
    7: (("a system prototype has been demonstrated in an operational environment",
         "un prototype du système a été démontré en environnement opérationnel"),
        ("pre-production units have been used during a military exercise",
         "des unités de présérie ont été utilisées lors d'un exercice militaire")),
    8: (("the product is complete, qualified and sold to civil customers; what remains is qualification for "
         "defence use",
         "le produit est complet, qualifié et vendu à des clients civils ; reste la qualification pour "
         "l'usage "
         "militaire"),
        ("the system has been qualified through test and demonstration and is in small-series production",
         "le système a été qualifié par essais et démonstration et est produit en petite série")),
}

EVIDENCE: tuple[Pair, ...] = (
    ("We have filed {patents} patents on {tech}, one of them already granted.",
     "Nous avons déposé {patents} brevets sur {tech:le}, dont un déjà délivré."),
    ("The underlying research comes from {lab_years} years of work on {exp1} in a university laboratory, "
     "published in peer-reviewed journals.",
     "La recherche sous-jacente est issue de {lab_years} années de travaux en {exp1} dans un laboratoire "
     "universitaire, publiés dans des revues à comité de lecture."),
    ("Last year we completed a paid feasibility study for {user2:a}.",
     "L'an dernier, nous avons réalisé une étude de faisabilité rémunérée pour {user2:un}."),
    ("A customer among {market} has used an earlier version for {months_used} months, which gives us field "
     "data "
     "no laboratory can provide.",
     "Un client parmi {market:le} utilise une version antérieure depuis {months_used} mois, ce qui nous "
     "donne "
     "des données de terrain qu'aucun laboratoire ne peut fournir."),
    ("A national innovation grant won in {year} paid for the first prototype.",
     "Une subvention nationale à l'innovation obtenue en {year} a financé le premier prototype."),
    ("Letters of interest from {user:a} and {user2:a} are attached to this application.",
     "Des lettres d'intérêt émanant d'{user:un} et d'{user2:un} sont jointes à cette candidature."),
    ("An independent test house has verified our main performance figures for {tech}.",
     "Un laboratoire d'essais indépendant a vérifié les principales performances annoncées pour {tech:le}."),
    ("Engineers from a large defence prime contractor have reviewed our design for {ctx} and confirmed its "
     "feasibility.",
     "Des ingénieurs d'un grand maître d'œuvre de défense ont examiné notre conception pour {ctx:le} et en "
     "ont "
     "confirmé la faisabilité."),
    ("We reached the final round of a national defence innovation challenge in {year} with an earlier "
     "version.",
     "Une version antérieure nous a menés en finale d'un défi national d'innovation de défense en {year}."),
)

# Infinitive phrases, one pool per stage of the six months (months 2, 4 and 6).
MILESTONES: tuple[tuple[Pair, ...], tuple[Pair, ...], tuple[Pair, ...]] = (
    (
        ("integrate {tech:the} with the equipment already used by {user:the}",
         "intégrer {tech:le} aux équipements déjà utilisés par {user:le}"),
        ("freeze the design of a pre-series of {units} units",
         "figer la conception d'une présérie de {units} unités"),
        ("reduce the unit cost of {tech} by a third through design for manufacture",
         "réduire d'un tiers le coût unitaire {tech:du} grâce à une conception adaptée à la production"),
        ("complete an independent security review of {tech}",
         "faire réaliser une revue de sécurité indépendante {tech:du}"),
        ("agree the test protocol and success criteria with {user:the}",
         "arrêter avec {user:le} le protocole d'essai et les critères de réussite"),
        ("finish a ruggedised version for {ctx}", "achever une version durcie destinée {ctx:au}"),
    ),
    (
        ("book {facility:a} for a full test campaign",
         "réserver {facility:un} pour une campagne d'essais complète"),
        ("obtain first test results against {std}",
         "obtenir les premiers résultats d'essais au regard {std:du}"),
        ("validate performance in the conditions faced by {ctx}",
         "valider les performances dans les conditions que rencontrent {ctx:le}"),
        ("collect structured feedback from at least {operators} operators of {user:the}",
         "recueillir l'avis structuré d'au moins {operators} opérateurs {user:du}"),
        ("measure the gain against current practice in a side-by-side test with {user:the}",
         "mesurer le gain par rapport à la pratique actuelle lors d'un essai comparatif avec {user:le}"),
        ("connect the prototype to the networks and data flows used by {user:the}",
         "raccorder le prototype aux réseaux et aux flux de données utilisés par {user:le}"),
    ),
    (
        ("run a two-week field trial with {user:a}",
         "conduire un essai de deux semaines sur le terrain avec {user:un}"),
        ("demonstrate the system to procurement officials from {nations} nations",
         "présenter le système à des responsables des achats de {nations} nations"),
        ("agree a Phase 2 test plan with {user:the} and a test centre",
         "convenir avec {user:le} et un centre d'essais d'un plan d'essais pour la phase 2"),
        ("train a first group of instructors from {user:the}",
         "former un premier groupe d'instructeurs {user:du}"),
        ("prepare the file needed to start qualification to {std}",
         "préparer le dossier nécessaire pour engager la qualification selon {std:le}"),
        ("publish an interface specification agreed with {user:the}",
         "publier une spécification d'interface validée avec {user:le}"),
    ),
)

HARDWARE_MILESTONES = frozenset({1, 2, 5})  # in the first stage: pre-series, unit cost, ruggedised version

BUSINESS_MODELS: tuple[Pair, ...] = (
    ("We sell each system with an annual support contract, at around {price}.",
     "Nous vendons chaque système avec un contrat de soutien annuel, pour environ {price}."),
    ("Our revenue comes from licences priced per site, about {price} a year.",
     "Nos revenus proviennent de licences facturées par site, environ {price} par an."),
    ("We plan to license the technology to established manufacturers in each nation while selling directly "
     "to "
     "early adopters such as {market}.",
     "Nous prévoyons de concéder des licences à des industriels établis dans chaque nation tout en vendant "
     "directement aux premiers clients, comme {market:le}."),
    ("Customers pay a subscription of about {price} a year that covers the equipment, updates and "
     "maintenance.",
     "Les clients paient un abonnement d'environ {price} par an qui couvre l'équipement, les mises à jour "
     "et la "
     "maintenance."),
    ("Once a fleet is equipped, consumables make up most of the revenue: a unit like {user:the} would spend "
     "about "
     "{price} a year.",
     "Une fois une flotte équipée, l'essentiel du chiffre d'affaires vient des consommables : une unité "
     "comme "
     "{user:le} y consacrerait environ {price} par an."),
    ("Military customers buy through an established defence supplier we partner with; {market} buy directly "
     "from us.",
     "Les clients militaires achètent par l'intermédiaire d'un fournisseur de défense partenaire ; "
     "{market:le} "
     "achètent directement chez nous."),
)

HARDWARE_BUSINESS = frozenset({4})  # consumables

FUNDING: tuple[Pair, ...] = (
    ("We raised {seed} from business angels and a seed fund in {year}.",
     "Nous avons levé {seed} auprès de business angels et d'un fonds d'amorçage en {year}."),
    ("Revenue reached {revenue} last year, mostly from civil pilots.",
     "Le chiffre d'affaires a atteint {revenue} l'an dernier, surtout grâce à des pilotes civils."),
    ("We have no revenue yet; since {year}, grants and our founders have funded the work.",
     "Nous ne réalisons pas encore de chiffre d'affaires ; depuis {year}, subventions et fondateurs "
     "financent "
     "les travaux."),
    ("We intend to raise a seed round of about {seed} after Phase 1, with the pilot results as evidence.",
     "Nous comptons lever environ {seed} en amorçage après la phase 1, en nous appuyant sur les résultats du "
     "pilote."),
    ("The company has been profitable for two years and funds its research from its own revenue of "
     "{revenue}.",
     "L'entreprise est rentable depuis deux ans et finance sa recherche sur son propre chiffre d'affaires de "
     "{revenue}."),
)

STRENGTHS: tuple[Pair, ...] = (
    ("Two of us hold doctorates in {exp1}, and our CTO spent ten years in industry before joining.",
     "Deux d'entre nous sont docteurs en {exp1}, et notre directeur technique a passé dix ans dans "
     "l'industrie "
     "avant de nous rejoindre."),
    ("Several team members served in the armed forces, {veterans} of them as officers, and know the end "
     "users' "
     "routine from the inside.",
     "Plusieurs membres de l'équipe ont servi dans les forces armées, dont {veterans} comme officiers, et "
     "connaissent de l'intérieur le quotidien des utilisateurs finaux."),
    ("Our chief engineer led {exp1} work on a major European programme before co-founding the company.",
     "Notre ingénieure en chef a dirigé les travaux en {exp1} d'un grand programme européen avant de "
     "cofonder "
     "l'entreprise."),
    ("We combine academic depth in {exp1} with product experience from consumer electronics.",
     "Nous associons une expertise académique en {exp1} à une expérience produit issue de l'électronique "
     "grand "
     "public."),
    ("The team has already taken {products} products from prototype to certified series production.",
     "L'équipe a déjà mené {products} produits du prototype à la production en série certifiée."),
    ("An advisory board with a retired general officer, a former procurement official and a specialist in "
     "{exp2} supports the management.",
     "Un comité consultatif réunissant un officier général en retraite, un ancien responsable des "
     "acquisitions "
     "et un spécialiste en {exp2} accompagne la direction."),
    ("We work closely with a university group in {exp2}, which gives us laboratory equipment and doctoral "
     "students.",
     "Nous travaillons étroitement avec une équipe universitaire en {exp2}, qui nous ouvre ses équipements "
     "de "
     "laboratoire et ses doctorants."),
    ("{from_defence} of our {engineers} engineers come from the defence industry and know its quality and "
     "security requirements.",
     "{from_defence} de nos {engineers} ingénieurs viennent de l'industrie de défense et en connaissent les "
     "exigences de qualité et de sécurité."),
)

BUDGETS: tuple[Pair, ...] = (
    ("The grant would pay for {hires} more engineers for six months, test-centre time and the pilot "
     "hardware.",
     "La subvention financerait {hires} ingénieurs supplémentaires pendant six mois, le temps d'essai en "
     "centre "
     "et le matériel du pilote."),
    ("About {p_staff} % of the budget would go to salaries, {p_equip} % to equipment and components, and "
     "the rest "
     "to testing and travel.",
     "Environ {p_staff} % du budget irait aux salaires, {p_equip} % à l'équipement et aux composants, et le "
     "reste "
     "aux essais et aux déplacements."),
    ("We would use the grant mainly to build {units} prototypes and to pay for the field trial.",
     "Nous utiliserions la subvention principalement pour construire {units} prototypes et financer l'essai "
     "sur "
     "le terrain."),
    ("The grant would bridge the gap between our seed funding of {seed} and the first defence orders.",
     "La subvention comblerait l'écart entre notre financement d'amorçage de {seed} et les premières "
     "commandes "
     "de défense."),
)

HARDWARE_BUDGETS = frozenset({2})  # building prototypes

# Said by applicants whose technology uses AI, or handles personal or sensitive data.
RESPONSIBLE_AI: tuple[Pair, ...] = (
    ("We follow the alliance's principles of responsible use of AI: the system explains its outputs, an "
     "operator of {user:the} takes every decision, and it can be switched off at any time.",
     "Nous suivons les principes d'utilisation responsable de l'IA de l'Alliance : le système explique ses "
     "résultats, un opérateur {user:du} prend chaque décision et il peut être désactivé à tout moment."),
    ("Before use with {ctx}, our models are tested on data from that environment, and we tell users their "
     "known limitations and biases.",
     "Avant tout emploi pour {ctx:le}, nos modèles sont testés sur des données de cet environnement, et nous "
     "indiquons aux utilisateurs leurs limites et biais connus."),
)

EXPORT: tuple[Pair, ...] = (
    ("Our product contains no component subject to US export restrictions, and we have checked the export "
     "classification of {tech} in our home nation.",
     "Notre produit ne contient aucun composant soumis aux restrictions américaines à l'exportation, et nous "
     "avons vérifié la classification à l'export {tech:du} dans notre pays."),
    ("All personal data handled for {user:the} stay in the customer's nation, in line with the GDPR.",
     "Toutes les données personnelles traitées pour {user:le} restent dans le pays du client, conformément "
     "au "
     "RGPD."),
)
