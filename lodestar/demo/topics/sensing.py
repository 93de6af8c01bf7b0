"""Sensing and surveillance: technologies, settings and end users (English and French, aligned)."""

from __future__ import annotations

from lodestar.demo.bank import setting, topic

C = "sensing-and-surveillance"

SETTING = setting(
    C,
    users=(
        ("border guard service", "m:service de garde-frontières"),
        ("navy maritime operations centre", "m:centre des opérations maritimes de la marine"),
        ("ground-based air defence regiment", "m:régiment de défense sol-air"),
        ("reconnaissance battalion", "m:bataillon de reconnaissance"),
        ("geospatial intelligence centre", "m:centre de renseignement géospatial"),
        ("coast guard service", "m:service de garde-côtes"),
        ("joint surveillance and reconnaissance cell",
         "f:cellule interarmées de surveillance et de reconnaissance"),
        ("mine countermeasures squadron", "f:flottille de guerre des mines"),
    ),
    markets=(
        ("p:border management agencies", "fp:agences de gestion des frontières"),
        ("p:fisheries control authorities", "fp:autorités de contrôle des pêches"),
        ("p:offshore wind operators", "mp:exploitants de parcs éoliens en mer"),
        ("p:rail infrastructure managers", "mp:gestionnaires d'infrastructures ferroviaires"),
        ("p:airport operators", "mp:exploitants d'aéroports"),
        ("p:environmental monitoring agencies", "fp:agences de surveillance de l'environnement"),
        ("p:search-and-rescue services", "mp:services de recherche et de sauvetage"),
    ),
    facilities=(
        ("radar test range", "m:champ d'essais radar"),
        ("sea test area", "f:zone d'essais en mer"),
        ("drone test range", "m:terrain d'essais de drones"),
        ("anechoic chamber", "f:chambre anéchoïque"),
        ("GNSS jamming test area", "f:zone d'essais de brouillage GNSS"),
        ("underwater acoustic test range", "m:polygone d'essais acoustiques sous-marins"),
        ("optical calibration laboratory", "m:laboratoire d'étalonnage optique"),
    ),
    standards=(
        ("MIL-STD-810H", "f:norme MIL-STD-810H"),
        ("MIL-STD-461G", "f:norme MIL-STD-461G"),
        ("IP68 ingress protection", "m:indice de protection IP68"),
        ("RTCA DO-160G", "f:norme RTCA DO-160G"),
        ("the EU AI Act", "m:règlement européen sur l'intelligence artificielle"),
    ),
    expertise=(
        ("signal processing", "traitement du signal"),
        ("radar engineering", "ingénierie radar"),
        ("computer vision", "vision par ordinateur"),
        ("remote sensing", "télédétection"),
        ("underwater acoustics", "acoustique sous-marine"),
        ("atomic physics", "physique atomique"),
        ("RF engineering", "ingénierie radiofréquence"),
        ("embedded AI", "IA embarquée"),
        ("sensor fusion", "fusion de données multicapteurs"),
        ("maritime operations", "opérations maritimes"),
    ),
    openers=(
        (
            "Analysts supporting {user:a} see only a fraction of what the sensors already collect; the rest "
            "is "
            "never looked at.",
            "Les analystes qui appuient {user:un} ne voient qu'une fraction de ce que collectent déjà les "
            "capteurs ; le reste n'est jamais exploité.",
        ),
        (
            "For {user:a}, watching its whole area with crewed ships and aircraft alone is too expensive to "
            "do "
            "more than now and then.",
            "Pour {user:un}, surveiller toute sa zone avec les seuls navires et avions habités coûte trop "
            "cher "
            "pour le faire autrement que ponctuellement.",
        ),
        (
            "{user:A} told us that its watch officers stop trusting automated alerts after the first night "
            "of "
            "false alarms.",
            "{user:Un} nous a expliqué que ses officiers de quart cessent de se fier aux alertes "
            "automatiques "
            "dès la première nuit de fausses alarmes.",
        ),
        (
            "In parts of the Baltic and Black Sea regions satellite navigation is jammed or spoofed every "
            "day, "
            "and the sensors {user:the} relies on lose both position and time.",
            "Dans certaines zones de la Baltique et de la mer Noire, la navigation par satellite est "
            "brouillée "
            "ou leurrée chaque jour, et les capteurs sur lesquels s'appuie {user:le} perdent à la fois leur "
            "position et leur référence de temps.",
        ),
        (
            "For {user:a}, every sensor that emits is also a beacon that tells an adversary where to strike.",
            "Pour {user:un}, chaque capteur qui émet est aussi une balise qui indique à l'adversaire où "
            "frapper.",
        ),
        (
            "Small drones fly low and slow, below the coverage of radars designed for aircraft, and {user:a} "
            "sees them too late.",
            "De petits drones volent bas et lentement, sous la couverture de radars conçus pour les avions, "
            "et "
            "{user:un} les repère trop tard.",
        ),
    ),
)

TOPICS = (
    topic(
        "passive-cuas", C, ("ai", "autonomy"),
        names=(
            ("u:passive drone detection by radio and acoustic sensing",
             "f:détection passive de drones par radio et acoustique"),
            ("low-cost counter-drone sensor network", "m:réseau de capteurs anti-drones à bas coût"),
        ),
        problem=(
            "Commercial quadcopters modified to drop munitions or spot for artillery are too small and slow "
            "for most radars, and every site to protect would need its own expensive system.",
            "Les quadricoptères du commerce modifiés pour larguer des munitions ou régler des tirs "
            "d'artillerie sont trop petits et trop lents pour la plupart des radars, et chaque site à "
            "protéger "
            "exigerait son propre système coûteux.",
        ),
        how=(
            "Our nodes listen to drone control links and propeller noise, recognise the drone type with "
            "on-board neural networks, and locate it together with neighbouring nodes.",
            "Nos capteurs écoutent les liaisons de commande et le bruit des hélices, identifient le type "
            "d'appareil grâce à des réseaux de neurones embarqués et le localisent par triangulation avec "
            "les "
            "capteurs voisins.",
        ),
        gain=(
            "A node costs under EUR 2,000, detects common drones at up to 3 km, and emits nothing that could "
            "give its position away.",
            "Un capteur coûte moins de 2 000 EUR, détecte les drones courants jusqu'à 3 km et n'émet rien "
            "qui "
            "puisse trahir sa position.",
        ),
        detail=(
            "The classifier recognises more than 40 drone models and hands unknown signals to an operator "
            "instead of guessing.",
            "Le classifieur reconnaît plus de 40 modèles de drones et soumet les signaux inconnus à un "
            "opérateur au lieu de deviner.",
        ),
        goal=("detect small drones without emitting", "détecter les petits drones sans émettre"),
        keywords=(
            ("counter-UAS", "lutte anti-drones"),
            ("passive sensing", "détection passive"),
            ("acoustic classification", "classification acoustique"),
            ("RF detection", "détection radiofréquence"),
        ),
        contexts=(
            ("p:forward positions", "fp:positions avancées"),
            ("p:critical sites", "mp:sites sensibles"),
            ("p:border crossings", "mp:points de passage frontaliers"),
        ),
    ),
    topic(
        "sar-dark-vessels", C, ("space", "ai", "data"),
        names=(
            ("u:dark-vessel detection from satellite radar",
             "f:détection des navires furtifs par radar satellitaire"),
            ("u:AI analysis of commercial SAR imagery", "f:analyse par IA d'images radar commerciales"),
        ),
        problem=(
            "Ships that switch off their AIS transponders vanish from the maritime picture, and analysts "
            "cannot "
            "inspect every radar image by eye.",
            "Les navires qui coupent leur transpondeur AIS disparaissent de la situation maritime, et les "
            "analystes ne peuvent pas examiner chaque image radar à l'œil nu.",
        ),
        how=(
            "We fuse synthetic-aperture radar images from several commercial constellations with AIS tracks, "
            "detect every vessel in the images, and flag those with no matching transponder signal.",
            "Nous fusionnons les images radar à synthèse d'ouverture de plusieurs constellations "
            "commerciales "
            "avec les traces AIS, détectons chaque navire sur les images et signalons ceux qui n'ont aucun "
            "signal de transpondeur correspondant.",
        ),
        gain=(
            "Over six months of Baltic imagery the system found vessels down to 15 m long with 93 % recall, "
            "and "
            "raised alerts within 20 minutes of image delivery.",
            "Sur six mois d'images de la Baltique, le système a détecté des navires à partir de 15 m de long "
            "avec un rappel de 93 %, et donné l'alerte moins de 20 minutes après la livraison de l'image.",
        ),
        detail=(
            "Each alert shows the image chip, the last AIS positions nearby and the reasons for the match, "
            "so a "
            "watch officer can judge it in seconds.",
            "Chaque alerte présente la vignette d'image, les dernières positions AIS voisines et les "
            "raisons du "
            "rapprochement, pour que l'officier de quart en juge en quelques secondes.",
        ),
        goal=(
            "find ships that switch off their transponders",
            "repérer les navires qui coupent leur transpondeur",
        ),
        keywords=(
            ("synthetic-aperture radar", "radar à synthèse d'ouverture"),
            ("maritime domain awareness", "connaissance de la situation maritime"),
            ("AIS", "AIS"),
            ("earth observation", "observation de la Terre"),
        ),
        contexts=(
            ("p:sea lanes", "fp:voies maritimes"),
            ("p:offshore energy sites", "mp:sites énergétiques en mer"),
            ("p:fishing grounds", "fp:zones de pêche"),
        ),
    ),
    topic(
        "das-cables", C, ("data", "ai", "networks"),
        names=(
            ("u:distributed acoustic sensing on subsea cables",
             "f:détection acoustique distribuée sur câbles sous-marins"),
            ("u:fibre-optic cable monitoring", "f:surveillance des câbles par fibre optique"),
        ),
        problem=(
            "Damage to a subsea cable is usually noticed only when traffic stops, and by then the ship that "
            "dragged its anchor is long gone.",
            "L'endommagement d'un câble sous-marin n'est souvent remarqué qu'à l'interruption du trafic, et "
            "le "
            "navire qui a traîné son ancre est alors loin.",
        ),
        how=(
            "Our interrogator sends laser pulses down a spare fibre of the cable and turns the backscattered "
            "light into thousands of virtual microphones along its length.",
            "Notre interrogateur envoie des impulsions laser dans une fibre disponible du câble et "
            "transforme "
            "la lumière rétrodiffusée en milliers de microphones virtuels répartis sur toute sa longueur.",
        ),
        gain=(
            "On a 60 km test cable it located anchors, trawls and passing ships to within 10 m, hours before "
            "any damage would occur.",
            "Sur un câble d'essai de 60 km, il a localisé ancres, chaluts et navires de passage à 10 m près, "
            "des heures avant tout dommage.",
        ),
        detail=(
            "Machine-learning classifiers tell a dragging anchor apart from fishing gear, whales and storms.",
            "Des classifieurs par apprentissage automatique distinguent une ancre qui racle le fond des "
            "engins "
            "de pêche, des baleines ou des tempêtes.",
        ),
        goal=("warn before subsea cables are cut", "donner l'alerte avant la coupure des câbles sous-marins"),
        keywords=(
            ("distributed acoustic sensing", "détection acoustique distribuée"),
            ("subsea cables", "câbles sous-marins"),
            ("fibre optics", "fibre optique"),
            ("critical infrastructure", "infrastructures critiques"),
        ),
        contexts=(
            ("p:subsea cables", "mp:câbles sous-marins"),
            ("p:offshore pipelines", "mp:gazoducs en mer"),
            ("p:land borders", "fp:frontières terrestres"),
        ),
    ),
    topic(
        "quantum-magnav", C, ("quantum", "autonomy"),
        names=(
            ("u:quantum magnetic navigation", "f:navigation magnétique quantique"),
            ("compact optically pumped magnetometer", "m:magnétomètre compact à pompage optique"),
        ),
        problem=(
            "Jamming and spoofing of satellite navigation have become daily events, and inertial systems "
            "alone "
            "drift by kilometres within hours.",
            "Le brouillage et le leurrage de la navigation par satellite sont devenus quotidiens, et une "
            "centrale inertielle seule dérive de plusieurs kilomètres en quelques heures.",
        ),
        how=(
            "A vapour-cell magnetometer measures the Earth's magnetic field with picotesla sensitivity, and "
            "our "
            "filter matches it against magnetic anomaly maps to fix the position.",
            "Un magnétomètre à cellule de vapeur mesure le champ magnétique terrestre avec une sensibilité "
            "de "
            "l'ordre du picotesla, et notre filtre le compare aux cartes d'anomalies magnétiques pour "
            "recaler "
            "la position.",
        ),
        gain=(
            "Flight trials kept the position error under 200 m over two hours without satellite navigation, "
            "and "
            "the sensor cannot be jammed.",
            "En essais en vol, l'erreur de position est restée inférieure à 200 m pendant deux heures sans "
            "navigation par satellite, et le capteur ne peut pas être brouillé.",
        ),
        detail=(
            "Software compensates for the magnetic field of the platform itself, the main obstacle that "
            "stopped "
            "earlier attempts.",
            "Le logiciel compense le champ magnétique propre de la plateforme, principal obstacle des "
            "tentatives précédentes.",
        ),
        goal=("navigate without satellite signals", "naviguer sans signaux satellitaires"),
        keywords=(
            ("quantum sensing", "capteurs quantiques"),
            ("magnetometry", "magnétométrie"),
            ("alternative navigation", "navigation alternative"),
            ("GNSS denial", "déni de GNSS"),
        ),
        contexts=(
            ("p:long-range drones", "mp:drones à longue endurance"),
            ("p:surface ships", "mp:navires de surface"),
            ("p:land vehicles", "mp:véhicules terrestres"),
        ),
    ),
    topic(
        "ground-sensor-mesh", C, ("autonomy", "networks", "ai"),
        names=(
            ("p:unattended ground sensors with a self-forming mesh",
             "mp:capteurs terrestres autonomes en réseau maillé"),
            ("scatterable sensor network", "m:réseau de capteurs dispersables"),
        ),
        problem=(
            "Watching every track and gap along a border takes more patrols than any force can field.",
            "Surveiller chaque piste et chaque trouée le long d'une frontière demande plus de patrouilles "
            "qu'aucune force ne peut en engager.",
        ),
        how=(
            "Palm-sized sensors combining seismic, acoustic and passive infrared detection form their own "
            "mesh "
            "network and send short reports (person, vehicle, direction) instead of raw data.",
            "Des capteurs de la taille d'une main, associant détection sismique, acoustique et infrarouge "
            "passive, forment leur propre réseau maillé et transmettent de brefs comptes rendus (personne, "
            "véhicule, direction) plutôt que des données brutes.",
        ),
        gain=(
            "A sensor runs for six months on one battery and costs less than an hour of helicopter patrol.",
            "Un capteur fonctionne six mois sur une seule batterie et coûte moins qu'une heure de "
            "patrouille en "
            "hélicoptère.",
        ),
        detail=(
            "On-board classification keeps false alarms from animals and wind below one per sensor per week.",
            "La classification embarquée limite les fausses alarmes dues aux animaux et au vent à moins "
            "d'une "
            "par capteur et par semaine.",
        ),
        goal=(
            "watch borders with sensors instead of patrols",
            "surveiller les frontières par capteurs plutôt que par patrouilles",
        ),
        keywords=(
            ("unattended ground sensors", "capteurs terrestres autonomes"),
            ("mesh networking", "réseaux maillés"),
            ("edge classification", "classification embarquée"),
            ("perimeter security", "sécurité périmétrique"),
        ),
        contexts=(
            ("p:land borders", "fp:frontières terrestres"),
            ("p:forward positions", "fp:positions avancées"),
            ("p:airfield perimeters", "mp:périmètres d'aérodromes"),
        ),
    ),
    topic(
        "edge-fusion", C, ("ai", "data"),
        names=(
            ("edge sensor-fusion unit", "m:boîtier de fusion de capteurs embarqué"),
            ("u:AI-based multi-sensor fusion at the edge", "f:fusion multicapteur par IA en périphérie"),
        ),
        problem=(
            "Radars, cameras and radio detectors each show their own picture on their own screen, and "
            "operators "
            "merge them in their heads.",
            "Radars, caméras et détecteurs radio affichent chacun leur propre image sur leur propre écran, "
            "et "
            "les opérateurs en font la synthèse de tête.",
        ),
        how=(
            "Our unit takes tracks and video from existing sensors, associates them into one set of objects "
            "with a probabilistic tracker, and sends only the fused picture over the link.",
            "Notre boîtier reçoit les pistes et la vidéo des capteurs existants, les associe en un seul "
            "ensemble d'objets grâce à un pistage probabiliste et n'envoie sur la liaison que la situation "
            "fusionnée.",
        ),
        gain=(
            "In a field test it cut bandwidth needs by a factor of 50 and halved the time an operator took "
            "to "
            "confirm a target.",
            "Lors d'un essai sur le terrain, il a divisé par 50 le débit nécessaire et par deux le temps de "
            "confirmation d'une cible par l'opérateur.",
        ),
        detail=(
            "Each fused track keeps the list of sensors and evidence behind it, so an operator can always "
            "ask "
            "why.",
            "Chaque piste fusionnée conserve la liste des capteurs et des indices qui la fondent : "
            "l'opérateur "
            "peut toujours demander pourquoi.",
        ),
        goal=(
            "fuse every sensor into one picture at the edge",
            "fusionner tous les capteurs en une seule situation à l'avant",
        ),
        keywords=(
            ("sensor fusion", "fusion de capteurs"),
            ("multi-target tracking", "pistage multicible"),
            ("edge computing", "informatique en périphérie"),
            ("computer vision", "vision par ordinateur"),
        ),
        contexts=(
            ("p:command posts", "mp:postes de commandement"),
            ("p:patrol vessels", "mp:patrouilleurs"),
            ("p:air defence sites", "mp:sites de défense aérienne"),
        ),
    ),
    topic(
        "passive-radar", C, ("data", "ai"),
        names=(
            ("passive radar using broadcast signals",
             "m:radar passif exploitant les émissions de radiodiffusion"),
            ("passive coherent location system", "m:système de localisation passive cohérente"),
        ),
        problem=(
            "Active radars are expensive, need frequency licences and are among the first targets an "
            "adversary "
            "looks for.",
            "Les radars actifs coûtent cher, exigent des autorisations de fréquences et comptent parmi les "
            "premières cibles que recherche l'adversaire.",
        ),
        how=(
            "Our receivers use the reflections of existing FM, digital radio and 5G transmissions to track "
            "aircraft and drones without emitting anything.",
            "Nos récepteurs exploitent les échos des émissions FM, de radio numérique et 5G existantes pour "
            "pister avions et drones sans rien émettre.",
        ),
        gain=(
            "A three-receiver demonstrator tracked light aircraft at 80 km and small drones at 5 km, for a "
            "tenth of the cost of an active radar.",
            "Un démonstrateur à trois récepteurs a pisté des avions légers à 80 km et de petits drones à 5 "
            "km, "
            "pour un dixième du coût d'un radar actif.",
        ),
        detail=(
            "Software-defined receivers let the same hardware switch to whichever transmitters are on air "
            "in a "
            "given area.",
            "Des récepteurs logiciels permettent au même matériel de basculer vers les émetteurs disponibles "
            "dans chaque zone.",
        ),
        goal=("track aircraft and drones without emitting", "pister avions et drones sans émettre"),
        keywords=(
            ("passive radar", "radar passif"),
            ("software-defined radio", "radio logicielle"),
            ("air surveillance", "surveillance aérienne"),
            ("signal processing", "traitement du signal"),
        ),
        contexts=(
            ("p:air defence sites", "mp:sites de défense aérienne"),
            ("p:airports", "mp:aéroports"),
            ("p:border regions", "fp:régions frontalières"),
        ),
    ),
    topic(
        "ocean-drones", C, ("autonomy", "energy"),
        names=(
            ("p:long-endurance uncrewed surface vessels",
             "mp:navires de surface autonomes à longue endurance"),
            ("p:wind- and solar-powered ocean drones", "mp:drones marins à propulsion éolienne et solaire"),
        ),
        problem=(
            "Patrolling sea areas and offshore installations with crewed ships costs tens of thousands of "
            "euros "
            "a day, so most waters are watched only occasionally.",
            "Patrouiller les espaces maritimes et les installations en mer avec des navires armés d'un "
            "équipage coûte des dizaines de milliers d'euros par jour : la plupart des eaux ne sont "
            "surveillées "
            "qu'occasionnellement.",
        ),
        how=(
            "Our 7 m vessels sail on wind and solar power for months, carry radar, cameras and hydrophones, "
            "and "
            "report contacts by satellite.",
            "Nos navires de 7 m naviguent pendant des mois grâce au vent et au soleil, emportent radar, "
            "caméras "
            "et hydrophones, et signalent leurs contacts par satellite.",
        ),
        gain=(
            "A fleet of six vessels watches a 100 by 100 km area around the clock for less than the daily "
            "cost "
            "of one patrol ship.",
            "Une flotte de six navires surveille jour et nuit une zone de 100 km sur 100 pour moins que le "
            "coût "
            "journalier d'un patrouilleur.",
        ),
        detail=(
            "Collision avoidance follows the international regulations for preventing collisions at sea, "
            "and a "
            "remote operator supervises each vessel.",
            "L'évitement des collisions respecte le règlement international pour prévenir les abordages en "
            "mer, et un opérateur à distance supervise chaque navire.",
        ),
        goal=(
            "keep a persistent watch at sea without crews",
            "assurer une veille permanente en mer sans équipage",
        ),
        keywords=(
            ("uncrewed surface vessels", "navires de surface autonomes"),
            ("maritime surveillance", "surveillance maritime"),
            ("persistent presence", "présence permanente"),
            ("hydrophones", "hydrophones"),
        ),
        contexts=(
            ("p:offshore wind farms", "mp:parcs éoliens en mer"),
            ("p:territorial waters", "fp:eaux territoriales"),
            ("p:subsea cables", "mp:câbles sous-marins"),
        ),
    ),
    topic(
        "hyperspectral", C, ("ai", "space"),
        names=(
            ("u:hyperspectral imaging for camouflage detection",
             "f:imagerie hyperspectrale contre le camouflage"),
            ("lightweight hyperspectral drone payload", "f:charge utile hyperspectrale légère pour drones"),
        ),
        problem=(
            "Camouflage nets and decoys defeat ordinary cameras, and in a photograph an analyst cannot tell "
            "a "
            "real launcher from an inflatable one.",
            "Filets de camouflage et leurres trompent les caméras ordinaires, et sur une photographie un "
            "analyste ne distingue pas un vrai lanceur d'un leurre gonflable.",
        ),
        how=(
            "Our camera records more than 100 narrow spectral bands, in which paint, plastic, netting and "
            "living "
            "vegetation each leave a distinct signature.",
            "Notre caméra enregistre plus de 100 bandes spectrales étroites, dans lesquelles peinture, "
            "plastique, filets et végétation vivante laissent chacun une signature distincte.",
        ),
        gain=(
            "In trials, flying at 300 m, it picked out camouflaged vehicles that observers had missed in 70 "
            "% of "
            "cases.",
            "Lors d'essais à 300 m d'altitude, elle a repéré des véhicules camouflés que les observateurs "
            "avaient manqués dans 70 % des cas.",
        ),
        detail=(
            "At 650 g the payload fits small drones, and spectral processing runs on board so that only "
            "detections are sent down.",
            "Avec 650 g, la charge utile s'adapte aux petits drones, et le traitement spectral se fait à "
            "bord : "
            "seules les détections sont transmises.",
        ),
        goal=("see through camouflage and decoys", "voir à travers le camouflage et les leurres"),
        keywords=(
            ("hyperspectral imaging", "imagerie hyperspectrale"),
            ("camouflage detection", "détection du camouflage"),
            ("drone payloads", "charges utiles de drones"),
            ("spectral analysis", "analyse spectrale"),
        ),
        contexts=(
            ("p:reconnaissance drones", "mp:drones de reconnaissance"),
            ("p:small satellites", "mp:petits satellites"),
            ("p:reconnaissance units", "fp:unités de reconnaissance"),
        ),
    ),
)
