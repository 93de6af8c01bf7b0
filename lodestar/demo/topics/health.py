"""Human health and performance: technologies, settings and end users (English and French, aligned).

Contexts here are groups of people, so that frames can say "for", "among" or "responsible for" them.
"""

from __future__ import annotations

from lodestar.demo.bank import setting, topic

C = "human-health-and-performance"

SETTING = setting(
    C,
    users=(
        ("army medical regiment", "m:régiment médical"),
        ("military hospital emergency department", "m:service des urgences d'un hôpital militaire"),
        ("special operations medical team", "f:équipe médicale des forces spéciales"),
        ("infantry training centre", "m:centre de formation de l'infanterie"),
        ("military health service", "m:service de santé des armées"),
        ("navy diving and hyperbaric unit", "f:unité de plongée et de médecine hyperbare de la marine"),
        ("aeromedical evacuation squadron", "m:escadron d'évacuation sanitaire aérienne"),
        ("military psychology service", "m:service de psychologie des armées"),
    ),
    markets=(
        ("p:emergency medical services", "mp:services d'aide médicale urgente"),
        ("p:fire and rescue services", "mp:services d'incendie et de secours"),
        ("p:professional sports teams", "fp:équipes sportives professionnelles"),
        ("p:occupational health services", "mp:services de santé au travail"),
        ("p:mining and offshore employers", "mp:employeurs des secteurs minier et offshore"),
        ("p:rural hospitals", "mp:hôpitaux ruraux"),
        ("p:humanitarian medical organisations", "fp:organisations médicales humanitaires"),
    ),
    facilities=(
        ("human performance laboratory", "m:laboratoire de performance humaine"),
        ("military hospital simulation centre", "m:centre de simulation médicale d'un hôpital militaire"),
        ("climatic chamber", "f:chambre climatique"),
        ("biosafety level 2 laboratory", "m:laboratoire de niveau de sécurité biologique 2"),
        ("field training area", "m:camp d'entraînement"),
        ("hypoxia and altitude chamber", "m:caisson d'hypoxie et d'altitude"),
        ("virtual-reality training centre", "m:centre d'entraînement en réalité virtuelle"),
    ),
    standards=(
        ("ISO 13485", "f:norme ISO 13485"),
        ("the EU Medical Device Regulation", "m:règlement européen relatif aux dispositifs médicaux"),
        ("IEC 60601-1", "f:norme CEI 60601-1"),
        ("FDA 510(k) clearance", "f:procédure FDA 510(k)"),
        ("the GDPR", "m:RGPD"),
    ),
    expertise=(
        ("emergency medicine", "médecine d'urgence"),
        ("physiology", "physiologie"),
        ("biomedical engineering", "génie biomédical"),
        ("haematology", "hématologie"),
        ("microbiology", "microbiologie"),
        ("sports science", "sciences du sport"),
        ("clinical psychology", "psychologie clinique"),
        ("biomechanics", "biomécanique"),
        ("data science", "science des données"),
        ("medical device regulation", "réglementation des dispositifs médicaux"),
    ),
    openers=(
        (
            "For {user:a}, the golden hour is no longer a planning assumption: evacuation may take days.",
            "Pour {user:un}, l'heure d'or n'est plus une hypothèse de planification : l'évacuation peut "
            "prendre "
            "des jours.",
        ),
        (
            "Leaders responsible for {ctx} have no objective way to see fatigue, heat strain or stress "
            "building "
            "up until someone collapses.",
            "Les chefs responsables {ctx:du} n'ont aucun moyen objectif de voir monter la fatigue, la "
            "contrainte thermique ou le stress avant qu'une personne ne s'effondre.",
        ),
        (
            "{user:A} told us that injuries in training cost it more lost days than any other cause.",
            "{user:Un} nous a indiqué que les blessures à l'entraînement lui coûtent plus de journées "
            "d'indisponibilité que toute autre cause.",
        ),
        (
            "Health data about {ctx} are scattered across paper forms, devices and hospital systems that do "
            "not "
            "talk to each other.",
            "Les données de santé {ctx:du} sont dispersées entre formulaires papier, appareils et systèmes "
            "hospitaliers qui ne communiquent pas entre eux.",
        ),
        (
            "Mental health problems among {ctx} are under-reported, and support often arrives only after a "
            "crisis.",
            "Parmi {ctx:le}, les troubles psychiques sont sous-déclarés, et le soutien n'arrive souvent "
            "qu'après une crise.",
        ),
        (
            "Working with {user:a}, we saw how little of the physiological data already recorded is used to "
            "make decisions.",
            "En travaillant avec {user:un}, nous avons constaté combien les données physiologiques déjà "
            "enregistrées servent peu à la décision.",
        ),
    ),
)

TOPICS = (
    topic(
        "heat-strain", C, ("biotech", "ai", "data"),
        names=(
            ("wearable heat-strain monitor", "m:capteur portable de contrainte thermique"),
            ("physiological monitoring patch", "m:patch de surveillance physiologique"),
        ),
        problem=(
            "Heat illness strikes on every summer exercise, and by the time a soldier shows symptoms the "
            "core "
            "temperature is already dangerous.",
            "Les coups de chaleur frappent à chaque exercice estival, et lorsqu'un soldat présente des "
            "symptômes "
            "sa température interne est déjà dangereuse.",
        ),
        how=(
            "A chest patch estimates core body temperature from heart rate and skin temperature with a "
            "validated algorithm, and warns the wearer and the team leader before the danger threshold.",
            "Un patch thoracique estime la température corporelle interne à partir de la fréquence "
            "cardiaque et "
            "de la température cutanée, grâce à un algorithme validé, et alerte le porteur et son chef "
            "d'équipe "
            "avant le seuil de danger.",
        ),
        gain=(
            "In a 400-person study the estimate stayed within 0.3 °C of ingestible-pill measurements, and "
            "the "
            "warning came on average 25 minutes before the critical threshold.",
            "Dans une étude portant sur 400 personnes, l'estimation est restée à 0,3 °C près des mesures par "
            "capsule ingérable, et l'alerte est intervenue en moyenne 25 minutes avant le seuil critique.",
        ),
        detail=(
            "Data stay on the device unless the wearer shares them, and the team leader sees a traffic-light "
            "status, not the raw readings.",
            "Les données restent sur l'appareil sauf si le porteur les partage, et le chef d'équipe ne voit "
            "qu'un code couleur, pas les mesures brutes.",
        ),
        goal=(
            "prevent heat illness in training and operations",
            "prévenir les coups de chaleur à l'entraînement et en opération",
        ),
        keywords=(
            ("wearables", "objets connectés portés"),
            ("heat stress", "contrainte thermique"),
            ("core temperature", "température interne"),
            ("physiological monitoring", "surveillance physiologique"),
        ),
        contexts=(
            ("p:infantry recruits", "fp:recrues de l'infanterie"),
            ("p:firefighters and CBRN teams", "mp:pompiers et équipes NRBC"),
            ("p:troops on summer exercises", "fp:troupes en exercice estival"),
        ),
    ),
    topic(
        "dried-plasma", C, ("biotech",),
        names=(
            ("u:freeze-dried plasma for field use", "m:plasma lyophilisé pour l'usage sur le terrain"),
            ("p:shelf-stable blood products", "mp:produits sanguins stables à température ambiante"),
        ),
        problem=(
            "Haemorrhage is the leading cause of preventable death on the battlefield, yet fresh plasma "
            "must be "
            "frozen and cannot be carried forward.",
            "L'hémorragie est la première cause de décès évitable au combat, mais le plasma frais doit être "
            "congelé et ne peut pas être emporté vers l'avant.",
        ),
        how=(
            "Our process freeze-dries pooled plasma in a flexible pouch that is reconstituted with sterile "
            "water "
            "in under three minutes.",
            "Notre procédé lyophilise du plasma de mélange dans une poche souple qui se reconstitue avec de "
            "l'eau stérile en moins de trois minutes.",
        ),
        gain=(
            "The pouch keeps clotting-factor activity above 80 % after two years at room temperature and "
            "weighs "
            "40 % less than glass-bottled products.",
            "La poche conserve une activité des facteurs de coagulation supérieure à 80 % après deux ans à "
            "température ambiante et pèse 40 % de moins que les produits en flacon de verre.",
        ),
        detail=(
            "Pathogen reduction with amotosalen and ultraviolet light is built into the process.",
            "Une étape d'inactivation des pathogènes par amotosalen et lumière ultraviolette est intégrée au "
            "procédé.",
        ),
        goal=("bring plasma to the point of injury", "apporter le plasma au plus près du blessé"),
        keywords=(
            ("freeze-dried plasma", "plasma lyophilisé"),
            ("haemorrhage control", "contrôle des hémorragies"),
            ("transfusion", "transfusion"),
            ("prolonged field care", "soins prolongés sur le terrain"),
        ),
        contexts=(
            ("p:deployed medics", "mp:auxiliaires sanitaires déployés"),
            ("p:casualties awaiting evacuation", "mp:blessés en attente d'évacuation"),
            ("p:special operations teams", "fp:équipes des forces spéciales"),
        ),
    ),
    topic(
        "sepsis-poc", C, ("biotech", "data"),
        names=(
            ("point-of-care sepsis test", "m:test rapide de sepsis au chevet du patient"),
            ("u:handheld infection diagnostics", "m:diagnostic portatif des infections"),
        ),
        problem=(
            "Wound infections and sepsis kill casualties who survived their injuries, and a field medic has "
            "no "
            "laboratory to tell bacterial infection from inflammation.",
            "Les infections des plaies et le sepsis tuent des blessés qui avaient survécu à leurs "
            "blessures, et "
            "l'auxiliaire sanitaire n'a aucun laboratoire pour distinguer une infection bactérienne d'une "
            "inflammation.",
        ),
        how=(
            "A cartridge reads host-response biomarkers from a drop of blood on a microfluidic chip, and a "
            "handheld reader gives the result in 20 minutes.",
            "Une cartouche mesure des biomarqueurs de la réponse de l'hôte dans une goutte de sang grâce à "
            "une "
            "puce microfluidique, et un lecteur portatif rend le résultat en 20 minutes.",
        ),
        gain=(
            "In a retrospective study of 600 emergency patients the test identified sepsis with 89 % "
            "sensitivity, hours before blood cultures did.",
            "Dans une étude rétrospective portant sur 600 patients des urgences, le test a identifié le "
            "sepsis "
            "avec une sensibilité de 89 %, des heures avant les hémocultures.",
        ),
        detail=(
            "Cartridges hold dry reagents and need no cold chain, which matters more in the field than a few "
            "points of accuracy.",
            "Les cartouches contiennent des réactifs secs et ne demandent aucune chaîne du froid, ce qui "
            "compte "
            "davantage sur le terrain que quelques points de précision.",
        ),
        goal=(
            "diagnose sepsis in minutes without a laboratory",
            "diagnostiquer le sepsis en quelques minutes sans laboratoire",
        ),
        keywords=(
            ("point-of-care diagnostics", "diagnostic au point de soins"),
            ("sepsis", "sepsis"),
            ("microfluidics", "microfluidique"),
            ("biomarkers", "biomarqueurs"),
        ),
        contexts=(
            ("p:casualties awaiting evacuation", "mp:blessés en attente d'évacuation"),
            ("p:field hospital teams", "fp:équipes d'hôpitaux de campagne"),
            ("p:shipboard medical staff", "mp:personnels médicaux embarqués"),
        ),
    ),
    topic(
        "haemostatic-sponge", C, ("biotech", "materials"),
        names=(
            ("chitosan-based haemostatic dressing", "m:pansement hémostatique à base de chitosane"),
            ("self-expanding wound-packing sponge", "f:éponge hémostatique auto-expansive"),
        ),
        problem=(
            "Junctional wounds at the groin, armpit and neck cannot take a tourniquet, and packing them "
            "under "
            "fire is slow and painful.",
            "Les plaies jonctionnelles de l'aine, de l'aisselle et du cou ne se prêtent pas au garrot, et "
            "les "
            "tamponner sous le feu est lent et douloureux.",
        ),
        how=(
            "Compressed chitosan sponges injected into the wound expand within seconds, press on the "
            "bleeding "
            "vessel and trigger clotting even in patients on anticoagulants.",
            "Des éponges de chitosane comprimées, injectées dans la plaie, gonflent en quelques secondes, "
            "compriment le vaisseau qui saigne et déclenchent la coagulation, même chez un patient sous "
            "anticoagulants.",
        ),
        gain=(
            "In a validated animal model, bleeding stopped within two minutes in 9 cases out of 10, against "
            "5 "
            "out of 10 with standard gauze.",
            "Sur un modèle animal validé, le saignement s'est arrêté en moins de deux minutes dans 9 cas "
            "sur 10, "
            "contre 5 sur 10 avec une compresse standard.",
        ),
        detail=(
            "Each sponge carries an X-ray marker so that the surgeon can find and remove every piece.",
            "Chaque éponge porte un marqueur radio-opaque pour que le chirurgien retrouve et retire chaque "
            "fragment.",
        ),
        goal=(
            "stop bleeding that tourniquets cannot reach",
            "arrêter les hémorragies hors de portée du garrot",
        ),
        keywords=(
            ("haemostasis", "hémostase"),
            ("chitosan", "chitosane"),
            ("junctional haemorrhage", "hémorragie jonctionnelle"),
            ("combat casualty care", "sauvetage au combat"),
        ),
        contexts=(
            ("p:deployed medics", "mp:auxiliaires sanitaires déployés"),
            ("p:police tactical units", "fp:unités d'intervention de la police"),
            ("p:combat lifesavers", "mp:sauveteurs au combat"),
        ),
    ),
    topic(
        "exoskeleton", C, ("materials", "biotech"),
        names=(
            ("passive lower-limb exoskeleton", "m:exosquelette passif des membres inférieurs"),
            ("load-carriage assist suit", "f:combinaison d'assistance au port de charge"),
        ),
        problem=(
            "Loads of 40 kg and more cause stress fractures and back injuries that end careers, above all "
            "during basic training.",
            "Des charges de 40 kg et plus provoquent fractures de fatigue et lésions du dos qui mettent fin "
            "à "
            "des carrières, surtout pendant la formation initiale.",
        ),
        how=(
            "Carbon-fibre struts transfer part of the rucksack's weight from the shoulders and spine to the "
            "ground, and spring-loaded knees store energy on the way downhill.",
            "Des jambes de force en fibre de carbone reportent une partie du poids du sac des épaules et du "
            "rachis vers le sol, et des genouillères à ressort stockent l'énergie dans les descentes.",
        ),
        gain=(
            "Laboratory tests show 22 % less lower-back muscle activity and 9 % lower oxygen consumption "
            "over a "
            "25 km march.",
            "Les essais en laboratoire montrent une activité des muscles lombaires réduite de 22 % et une "
            "consommation d'oxygène inférieure de 9 % sur une marche de 25 km.",
        ),
        detail=(
            "The suit weighs 3.2 kg, has no motors or batteries, and comes off in seconds with two buckles.",
            "La combinaison pèse 3,2 kg, ne comporte ni moteur ni batterie, et se retire en quelques "
            "secondes "
            "grâce à deux boucles.",
        ),
        goal=("cut load-carriage injuries", "réduire les blessures liées au port de charge"),
        keywords=(
            ("exoskeletons", "exosquelettes"),
            ("biomechanics", "biomécanique"),
            ("musculoskeletal injuries", "troubles musculo-squelettiques"),
            ("load carriage", "port de charge"),
        ),
        contexts=(
            ("p:infantry recruits", "fp:recrues de l'infanterie"),
            ("p:logistics handlers", "mp:manutentionnaires de la logistique"),
            ("p:dismounted infantry", "mp:fantassins débarqués"),
        ),
    ),
    topic(
        "mental-resilience", C, ("ai", "data", "biotech"),
        names=(
            ("digital mental-health resilience programme",
             "m:programme numérique de résilience psychologique"),
            ("early-warning app for operational stress",
             "f:application d'alerte précoce du stress opérationnel"),
        ),
        problem=(
            "Operational stress builds up quietly, stigma keeps people from asking for help, and support "
            "often "
            "comes only after a crisis.",
            "Le stress opérationnel s'accumule sans bruit, la stigmatisation dissuade de demander de "
            "l'aide, et "
            "le soutien n'arrive souvent qu'après une crise.",
        ),
        how=(
            "Our app combines short validated questionnaires, sleep and activity data from a watch, and "
            "evidence-based exercises, and suggests contacting a peer or a clinician when the pattern "
            "worsens.",
            "Notre application associe de courts questionnaires validés, les données de sommeil et "
            "d'activité "
            "d'une montre et des exercices fondés sur des preuves, et suggère de contacter un pair ou un "
            "clinicien quand la situation se dégrade.",
        ),
        gain=(
            "In a 12-week pilot with 350 users, self-reported stress fell by a fifth and the use of support "
            "services rose by half.",
            "Lors d'un pilote de 12 semaines avec 350 utilisateurs, le stress déclaré a baissé d'un "
            "cinquième "
            "et le recours aux services de soutien a augmenté de moitié.",
        ),
        detail=(
            "Nothing is shared with the chain of command; the user decides what, if anything, a clinician "
            "sees.",
            "Rien n'est transmis à la hiérarchie : l'utilisateur décide de ce qu'un clinicien peut voir, "
            "s'il "
            "le souhaite.",
        ),
        goal=(
            "catch operational stress before it becomes a crisis",
            "détecter le stress opérationnel avant qu'il ne devienne une crise",
        ),
        keywords=(
            ("mental health", "santé mentale"),
            ("resilience", "résilience"),
            ("digital therapeutics", "thérapies numériques"),
            ("sleep", "sommeil"),
        ),
        contexts=(
            ("p:deployed personnel", "mp:personnels déployés"),
            ("p:drone operators", "mp:opérateurs de drones"),
            ("p:veterans", "mp:anciens combattants"),
        ),
    ),
    topic(
        "field-telemedicine", C, ("ai", "networks", "data"),
        names=(
            ("u:low-bandwidth telemedicine for prolonged field care",
             "f:télémédecine bas débit pour les soins prolongés"),
            ("u:AI-assisted casualty decision support", "f:aide à la décision médicale assistée par l'IA"),
        ),
        problem=(
            "A medic caring for a casualty for 48 hours needs a specialist's advice, but the only link may "
            "be a "
            "tactical radio or a few kilobits of satellite data.",
            "Un auxiliaire sanitaire qui prend en charge un blessé pendant 48 heures a besoin de l'avis d'un "
            "spécialiste, mais la seule liaison disponible est parfois une radio tactique ou quelques "
            "kilobits "
            "de données satellitaires.",
        ),
        how=(
            "Our system compresses vital-sign trends, photos and structured notes into messages of a few "
            "kilobytes, and guides the medic through protocols that adapt to the casualty's course.",
            "Notre système compresse tendances des constantes vitales, photos et notes structurées en "
            "messages "
            "de quelques kilo-octets, et guide le soignant dans des protocoles qui s'adaptent à l'évolution "
            "du "
            "blessé.",
        ),
        gain=(
            "In simulated 24-hour scenarios, medics using it made 40 % fewer critical errors, and one remote "
            "surgeon could follow four casualties at once.",
            "Lors de scénarios simulés de 24 heures, les soignants qui l'utilisaient ont commis 40 % "
            "d'erreurs "
            "critiques en moins, et un chirurgien à distance a pu suivre quatre blessés à la fois.",
        ),
        detail=(
            "Every recommendation shows the protocol step and the vital signs behind it, and the medic can "
            "always override it.",
            "Chaque recommandation indique l'étape du protocole et les constantes qui la justifient, et le "
            "soignant peut toujours passer outre.",
        ),
        goal=(
            "bring specialist advice to casualties over any link",
            "apporter l'avis d'un spécialiste aux blessés sur n'importe quelle liaison",
        ),
        keywords=(
            ("telemedicine", "télémédecine"),
            ("clinical decision support", "aide à la décision clinique"),
            ("vital signs", "constantes vitales"),
            ("prolonged field care", "soins prolongés sur le terrain"),
        ),
        contexts=(
            ("p:deployed medics", "mp:auxiliaires sanitaires déployés"),
            ("p:shipboard medical staff", "mp:personnels médicaux embarqués"),
            ("p:medics at remote outposts", "mp:soignants des postes isolés"),
        ),
    ),
    topic(
        "adaptive-vr", C, ("ai", "data"),
        names=(
            ("u:adaptive virtual-reality training", "m:entraînement adaptatif en réalité virtuelle"),
            ("u:simulation training aware of cognitive load",
             "f:formation par simulation attentive à la charge cognitive"),
        ),
        problem=(
            "Training that ignores how loaded each trainee is either bores the experienced or overwhelms the "
            "novice, and live exercises are expensive to repeat.",
            "Une formation qui ignore la charge de chaque stagiaire ennuie les plus expérimentés ou "
            "submerge les "
            "débutants, et les exercices réels coûtent cher à répéter.",
        ),
        how=(
            "Our simulator measures cognitive load from eye tracking, pupil size and heart-rate "
            "variability, and "
            "adjusts the difficulty of the scenario in real time.",
            "Notre simulateur mesure la charge cognitive grâce au suivi du regard, au diamètre pupillaire "
            "et à "
            "la variabilité de la fréquence cardiaque, et ajuste la difficulté du scénario en temps réel.",
        ),
        gain=(
            "In our controlled study, trainee medics reached the required proficiency in 30 % less time "
            "than on "
            "the standard course.",
            "Dans notre étude contrôlée, les stagiaires soignants ont atteint le niveau requis en 30 % "
            "moins de "
            "temps qu'avec le cursus standard.",
        ),
        detail=(
            "Scenarios are written by instructors in a simple editor, not by programmers.",
            "Les scénarios sont écrits par les instructeurs dans un éditeur simple, et non par des "
            "programmeurs.",
        ),
        goal=(
            "train faster by adapting to each trainee",
            "former plus vite en s'adaptant à chaque stagiaire",
        ),
        keywords=(
            ("virtual reality", "réalité virtuelle"),
            ("cognitive load", "charge cognitive"),
            ("eye tracking", "oculométrie"),
            ("adaptive training", "formation adaptative"),
        ),
        contexts=(
            ("p:trainee medics", "mp:stagiaires soignants"),
            ("p:air defence operators", "mp:opérateurs de défense aérienne"),
            ("p:junior leaders", "mp:jeunes cadres"),
        ),
    ),
    topic(
        "smart-hearing", C, ("biotech", "materials"),
        names=(
            ("p:smart hearing-protection earpieces", "fp:protections auditives intelligentes"),
            ("u:adaptive hearing protection", "f:protection auditive adaptative"),
        ),
        problem=(
            "Hearing loss and tinnitus are among the most common service-related disabilities, because "
            "soldiers "
            "remove protection that blocks the sounds they need to hear.",
            "Perte auditive et acouphènes comptent parmi les invalidités les plus fréquentes liées au "
            "service, "
            "car les soldats retirent des protections qui les empêchent d'entendre ce dont ils ont besoin.",
        ),
        how=(
            "Our earpieces let speech and ambient sound through, clamp impulse noise within microseconds, "
            "and "
            "measure the noise dose each wearer actually receives.",
            "Nos oreillettes laissent passer la parole et les bruits ambiants, écrêtent les bruits "
            "impulsionnels en quelques microsecondes et mesurent la dose de bruit réellement reçue par "
            "chaque "
            "porteur.",
        ),
        gain=(
            "In field trials users kept them in for 92 % of their exposure time, against 55 % for standard "
            "earplugs.",
            "Lors des essais sur le terrain, les utilisateurs les ont gardées 92 % du temps d'exposition, "
            "contre "
            "55 % pour les bouchons standard.",
        ),
        detail=(
            "A hear-through mode preserves the direction of sounds, so wearers still know where a shot came "
            "from.",
            "Un mode transparent restitue la direction des sons : le porteur sait toujours d'où vient un "
            "tir.",
        ),
        goal=(
            "prevent hearing loss without cutting soldiers off",
            "prévenir la perte auditive sans isoler les combattants",
        ),
        keywords=(
            ("hearing protection", "protection auditive"),
            ("noise dose", "dose de bruit"),
            ("audiology", "audiologie"),
            ("situational awareness", "perception de l'environnement"),
        ),
        contexts=(
            ("p:artillery crews", "mp:servants d'artillerie"),
            ("p:flight-deck crews", "mp:personnels de pont d'envol"),
            ("p:dismounted infantry", "mp:fantassins débarqués"),
        ),
    ),
)
