"""The French-to-English lexicon that puts texts of both languages in one term space.

Public API:

- ``shared_segments(analysis) -> list[Segment]``: the segments of an ``Analysis`` with
  every stem in the shared (English) space. A French phrase of the lexicon (``apprentissage
  automatique``) becomes its English stems (``machin``, ``learn``); a French word of the lexicon
  becomes the stem of its English translation; any other French stem is kept as it is, which is right
  for the many cognates (``satellit``, ``radar``, ``innov``, ``technolog`` stem alike in both languages).
  English text passes through unchanged.
- ``PAIRS``: the lexicon itself, ``(french, english)`` surface pairs.
- ``Segment(stems, words)`` (from ``text.py``): a clause, each stem with the word of the text it came
  from (explanations show words, not stems).

The lexicon covers the alliance's domain vocabulary (the EDT areas, the challenge themes, defence,
research and business words) rather than all of French: the words that carry meaning in an application
or a challenge, which are the ones a cross-language match needs.
"""

from __future__ import annotations

from functools import lru_cache

from lodestar.engine.text import STOP_WORDS, Analysis, Segment, stem, tokenize

# "french=english" pairs separated by ";". Either side may be a phrase; a French phrase is matched before
# its words. Words whose stems agree in both languages (cognates) need no entry.
_PAIRS_TEXT = """
connaissance de la situation=situational awareness; de bout en bout=end-to-end; centre=center;
centres=centers; hors réseau=off-grid; industrie=industry; usines=factories; matières premières=raw materials;
intelligence artificielle=artificial intelligence; apprentissage automatique=machine learning;
apprentissage profond=deep learning; apprentissage par renforcement=reinforcement learning;
réseau de neurones=neural network; réseaux de neurones=neural networks; neurone=neuron;
apprentissage=learning; apprendre=learn; entraînement=training; entraîner=train; modèle=model;
prédiction=prediction; prévision=forecasting; prévoir=forecast; données=data; donnée=data;
mégadonnées=big data; base de données=database; jeu de données=dataset; fouille de données=data mining;
traitement automatique des langues=natural language processing; langage naturel=natural language;
langue=language; langage=language; traduction=translation; parole=speech;
vision par ordinateur=computer vision; reconnaissance=recognition; détection=detection; détecter=detect;
classification=classification; segmentation=segmentation; regroupement=clustering;
partitionnement=clustering; étiquette=label; annotation=annotation; supervisé=supervised;
non supervisé=unsupervised; inférence=inference; raisonnement=reasoning; connaissance=knowledge;
graphe=graph; algorithme=algorithm; calcul=computing; calculer=compute; ordinateur=computer;
informatique=computing; logiciel=software; matériel=hardware; puce=chip; puces=chips; processeur=processor;
mémoire=memory; stockage=storage; nuage=cloud; infonuagique=cloud computing;
informatique en nuage=cloud computing; calcul haute performance=high performance computing;
supercalculateur=supercomputer; calcul en périphérie=edge computing; périphérie=edge; serveur=server;
centre de données=data center; grappe=cluster; parallèle=parallel; optimisation=optimization;
optimiser=optimize; simulation=simulation; jumeau numérique=digital twin; numérique=digital;
numérisation=digitization; analyse=analysis; analytique=analytics; statistique=statistics;
probabilité=probability; incertitude=uncertainty; robustesse=robustness; robuste=robust;
explicabilité=explainability; explicable=explainable; interprétabilité=interpretability; biais=bias;
équité=fairness; confiance=trust; fiable=reliable; fiabilité=reliability; responsable=responsible;
éthique=ethics; décision=decision; aide à la décision=decision support; prise de décision=decision making;
autonomie=autonomy; autonome=autonomous; autonomes=autonomous; véhicule=vehicle; véhicules=vehicles;
drone=drone; drones=drones; essaim=swarm; essaims=swarms; robot=robot; robotique=robotics;
sans pilote=unmanned; non habité=uncrewed; télépiloté=remotely piloted; terrestre=ground; sol=ground;
aérien=aerial; aérienne=aerial; maritime=maritime; sous-marin=underwater; sous-marine=undersea; navire=ship;
navires=ships; bateau=boat; surface=surface; navigation=navigation; guidage=guidance; pilotage=piloting;
trajectoire=trajectory; planification=planning; planifier=plan; cartographie=mapping;
localisation=localization; perception=perception; capteur=sensor; capteurs=sensors; caméra=camera;
lidar=lidar; sonar=sonar; radar=radar; vision=vision; image=image; imagerie=imaging; vidéo=video;
surveillance=surveillance; reconnaissance aérienne=aerial reconnaissance; renseignement=intelligence;
observation=observation; détection précoce=early warning; alerte=warning; alerte précoce=early warning;
suivi=tracking; pistage=tracking; poursuite=tracking; cible=target; cibles=targets; ciblage=targeting;
acoustique=acoustic; infrarouge=infrared; thermique=thermal; optique=optical; hyperspectral=hyperspectral;
spectre=spectrum; électromagnétique=electromagnetic; brouillage=jamming;
guerre électronique=electronic warfare; quantique=quantum; informatique quantique=quantum computing;
ordinateur quantique=quantum computer; cryptographie post-quantique=post-quantum cryptography;
post-quantique=post-quantum; capteur quantique=quantum sensor; détection quantique=quantum sensing;
intrication=entanglement; qubit=qubit; qubits=qubits; photon=photon; photonique=photonics;
horloge atomique=atomic clock; horloge=clock; atomique=atomic; magnétomètre=magnetometer;
gravimètre=gravimeter; interféromètre=interferometer; distribution de clés=key distribution; clé=key;
clés=keys; chiffrement=encryption; chiffré=encrypted; chiffrer=encrypt; cryptographie=cryptography;
déchiffrement=decryption; signature=signature; biotechnologie=biotechnology; biotechnologies=biotechnology;
biologie=biology; biologique=biological; biologie de synthèse=synthetic biology; génomique=genomics;
génome=genome; gène=gene; gènes=genes; protéine=protein; protéines=proteins; cellule=cell; cellules=cells;
vaccin=vaccine; vaccins=vaccines; médicament=drug; médicaments=drugs; santé=health; médical=medical;
médicale=medical; soins=care; blessé=casualty; blessure=injury; blessures=injuries; traumatisme=trauma;
soldat=soldier; soldats=soldiers; combattant=warfighter; combattants=warfighters;
amélioration humaine=human enhancement; amélioration=enhancement; performance humaine=human performance;
fatigue=fatigue; sommeil=sleep; stress=stress; cognition=cognition; cognitif=cognitive; cognitive=cognitive;
physiologique=physiological; physiologie=physiology; biomarqueur=biomarker; biomarqueurs=biomarkers;
portable=wearable; portables=wearables; dispositif portable=wearable device; exosquelette=exoskeleton;
prothèse=prosthesis; neurotechnologie=neurotechnology; interface cerveau-machine=brain computer interface;
cerveau=brain; diagnostic=diagnostics; dépistage=screening; pathogène=pathogen; pathogènes=pathogens;
agent biologique=biological agent; chimique=chemical; nucléaire=nuclear; radiologique=radiological;
décontamination=decontamination; bien-être=wellbeing; mental=mental; psychologique=psychological;
télémédecine=telemedicine; évacuation=evacuation; hypersonique=hypersonic; hypersoniques=hypersonic;
hypervéloce=hypervelocity; missile=missile; missiles=missiles; planeur=glider; superstatoréacteur=scramjet;
statoréacteur=ramjet; rentrée=reentry; aérothermique=aerothermal; vitesse=speed; mach=mach;
interception=interception; intercepteur=interceptor; défense antimissile=missile defense;
balistique=ballistic; propulsion=propulsion; moteur=engine; moteurs=engines; réacteur=reactor; fusée=rocket;
fusées=rockets; lanceur=launcher; lanceurs=launchers; lancement=launch; espace=space; spatial=space;
spatiale=space; spatiaux=space; satellite=satellite; satellites=satellites; constellation=constellation;
orbite=orbit; orbital=orbital; orbitale=orbital; orbite basse=low earth orbit; en orbite=in-orbit;
débris=debris; débris spatiaux=space debris;
connaissance de la situation spatiale=space situational awareness; télédétection=remote sensing;
observation de la terre=earth observation; terre=earth; géospatial=geospatial; géolocalisation=geolocation;
positionnement=positioning; nanosatellite=nanosatellite; petit satellite=small satellite;
station sol=ground station; charge utile=payload; charges utiles=payloads;
servitude en orbite=in-orbit servicing; maintenance=maintenance; matériau=material; matériaux=materials;
composite=composite; composites=composites; alliage=alloy; alliages=alloys; céramique=ceramic;
céramiques=ceramics; polymère=polymer; polymères=polymers; métamatériau=metamaterial;
métamatériaux=metamaterials; nanomatériau=nanomaterial; nanomatériaux=nanomaterials; graphène=graphene;
revêtement=coating; revêtements=coatings; fabrication=manufacturing; fabriquer=manufacture;
fabrication additive=additive manufacturing; impression 3d=3d printing; imprimante=printer;
usinage=machining; production=production; usine=factory; chaîne de production=production line;
assemblage=assembly; soudage=welding; blindage=armor; blindé=armored; protection=protection;
léger=lightweight; légère=lightweight; poids=weight; résistance=strength; durabilité=durability;
corrosion=corrosion; furtivité=stealth; semi-conducteur=semiconductor; semi-conducteurs=semiconductors;
énergie=energy; énergies=energy; énergétique=energy; résilience énergétique=energy resilience;
puissance=power; électricité=electricity; électrique=electric; électriques=electric; courant=current;
tension=voltage; réseau électrique=power grid; micro-réseau=microgrid; micro-réseaux=microgrids;
microréseau=microgrid; batterie=battery; batteries=batteries; accumulateur=battery;
stockage d'énergie=energy storage; pile à combustible=fuel cell; piles à combustible=fuel cells;
combustible=fuel; carburant=fuel; carburants=fuels; hydrogène=hydrogen; solaire=solar;
photovoltaïque=photovoltaic; éolien=wind; éolienne=wind turbine; renouvelable=renewable;
renouvelables=renewable; générateur=generator; groupe électrogène=generator; recharge=charging;
recharger=recharge; chargeur=charger; autonomie énergétique=energy independence; consommation=consumption;
efficacité=efficiency; efficacité énergétique=energy efficiency; rendement=efficiency; chaleur=heat;
refroidissement=cooling; lithium=lithium; sodium=sodium; électrolyte=electrolyte;
supercondensateur=supercapacitor; supercondensateurs=supercapacitors; base avancée=forward operating base;
bases avancées=forward operating bases; avancée=forward; avancées=forward; camp=camp; bivouac=bivouac;
émission=emission; émissions=emissions; carbone=carbon; décarbonation=decarbonization; climat=climate;
climatique=climate; environnement=environment; environnemental=environmental; durable=sustainable;
communication=communication; communications=communications; télécommunication=telecommunication;
télécommunications=telecommunications; réseau=network; réseaux=networks; sans fil=wireless; radio=radio;
radiofréquence=radio frequency; fréquence=frequency; fréquences=frequencies; antenne=antenna;
antennes=antennas; bande passante=bandwidth; débit=throughput; latence=latency; liaison=link;
liaisons=links; maillé=mesh; réseau maillé=mesh network; 5g=5g; 6g=6g; fibre optique=optical fiber;
laser=laser; lasers=lasers; communication optique=optical communication; interopérabilité=interoperability;
interopérable=interoperable; tactique=tactical; tactiques=tactical; commandement=command; contrôle=control;
commandement et contrôle=command and control; partage=sharing; partager=share;
partage d'informations=information sharing; partage sécurisé=secure sharing; information=information;
informations=information; message=message; messagerie=messaging; transmission=transmission;
émetteur=transmitter; récepteur=receiver; signal=signal; signaux=signals;
traitement du signal=signal processing; sécurité=security; sécurisé=secure; sécurisée=secure;
sécuriser=secure; sûreté=safety; cybersécurité=cybersecurity; cyberdéfense=cyber defense;
cyber-défense=cyber defense; cyberattaque=cyberattack; cyberattaques=cyberattacks; attaque=attack;
attaques=attacks; menace=threat; menaces=threats; vulnérabilité=vulnerability;
vulnérabilités=vulnerabilities; intrusion=intrusion; détection d'intrusion=intrusion detection;
logiciel malveillant=malware; logiciels malveillants=malware; rançongiciel=ransomware; hameçonnage=phishing;
pare-feu=firewall; authentification=authentication; identité=identity; accès=access;
contrôle d'accès=access control; confidentialité=confidentiality; vie privée=privacy;
protection des données=data protection; intégrité=integrity; disponibilité=availability;
zéro confiance=zero trust; classifié=classified; classifiée=classified; souveraineté=sovereignty;
souverain=sovereign; chaîne d'approvisionnement=supply chain; chaînes d'approvisionnement=supply chains;
approvisionnement=supply; fournisseur=supplier; fournisseurs=suppliers; logistique=logistics;
logistiques=logistics; transport=transport; entrepôt=warehouse; stock=inventory;
pièces détachées=spare parts; maintenance prédictive=predictive maintenance; infrastructure=infrastructure;
infrastructures=infrastructure; infrastructure critique=critical infrastructure;
infrastructures critiques=critical infrastructure; critique=critical; critiques=critical; port=port;
ports=ports; aéroport=airport; pont=bridge; ponts=bridges; route=road; routes=roads; chemin de fer=railway;
ferroviaire=railway; câble=cable; câbles=cables; câble sous-marin=undersea cable;
câbles sous-marins=undersea cables; pipeline=pipeline; eau=water; résilience=resilience;
résilient=resilient; résiliente=resilient; continuité=continuity; panne=outage; pannes=outages;
défaillance=failure; défaillances=failures; catastrophe=disaster; crise=crisis; urgence=emergency;
secours=rescue; menace hybride=hybrid threat; menaces hybrides=hybrid threats; hybride=hybrid;
désinformation=disinformation; défense=defense; défendre=defend; militaire=military; militaires=military;
armée=army; armées=armed forces; forces armées=armed forces; marine=navy; armée de l'air=air force;
aviation=aviation; avion=aircraft; avions=aircraft; aéronef=aircraft; hélicoptère=helicopter; arme=weapon;
armes=weapons; munition=munition; munitions=munitions; opération=operation; opérations=operations;
opérationnel=operational; opérationnelle=operational; mission=mission; terrain=field;
champ de bataille=battlefield; théâtre=theater; allié=ally; alliés=allies; alliance=alliance; nation=nation;
nations=nations; pays=country; frontière=border; frontières=borders; utilisateur final=end user;
utilisateurs finaux=end users; utilisateur=user; utilisateurs=users; entreprise=company;
entreprises=companies; jeune pousse=start-up; jeunes pousses=start-ups; société=company; sociétés=companies;
marché=market; marchés=markets; client=customer; clients=customers; commercial=commercial;
commerciale=commercial; commercialisation=commercialization; investissement=investment;
investisseur=investor; investisseurs=investors; financement=funding; subvention=grant; subventions=grants;
coût=cost; coûts=costs; prix=price; budget=budget; chiffre d'affaires=revenue; croissance=growth;
équipe=team; équipes=teams; fondateur=founder; ingénieur=engineer; ingénieurs=engineers;
ingénierie=engineering; chercheur=researcher; chercheurs=researchers; recherche=research;
laboratoire=laboratory; université=university; universités=universities; étude=study; études=studies;
essai=trial; essais=trials; test=test; tests=tests; expérimentation=experimentation; expérience=experiment;
validation=validation; valider=validate; démonstration=demonstration; démonstrateur=demonstrator;
prototype=prototype; prototypes=prototypes; preuve de concept=proof of concept; maturité=maturity;
niveau de maturité technologique=technology readiness level; déploiement=deployment; déployer=deploy;
intégration=integration; intégrer=integrate; adoption=adoption; approvisionnement public=procurement;
acquisition=acquisition; achat=procurement; passation de marchés=procurement; brevet=patent;
brevets=patents; propriété intellectuelle=intellectual property; solution=solution; solutions=solutions;
produit=product; produits=products; plateforme=platform; plateformes=platforms; outil=tool; outils=tools;
système=system; systèmes=systems; appareil=device; dispositif=device; dispositifs=devices;
équipement=equipment; équipements=equipment; composant=component; composants=components; module=module;
architecture=architecture; conception=design; concevoir=design; développement=development;
développer=develop; mise en œuvre=implementation; méthode=method; méthodes=methods; approche=approach;
technique=technique; techniques=techniques; technologie=technology; technologies=technologies;
technologique=technological; innovation=innovation; innovant=innovative; innovante=innovative; nouveau=new;
nouvelle=new; nouveaux=new; nouvelles=new; émergent=emerging; émergente=emerging; émergentes=emerging;
émergentes et de rupture=emerging and disruptive; rupture=disruptive; de rupture=disruptive;
avancé=advanced; avancés=advanced; moderne=modern; automatique=automatic; automatisation=automation;
automatisé=automated; automatisée=automated; temps réel=real time; précision=accuracy; exactitude=accuracy;
rapide=fast; rapidité=speed; lent=slow; faible=low; élevé=high; haute=high; haut=high; bas=low; basse=low;
grand=large; grande=large; petit=small; petite=small; coût faible=low cost; à faible coût=low cost;
faible consommation=low power; longue portée=long range; portée=range; distance=distance; précoce=early;
mobile=mobile; mobilité=mobility; portable=portable; embarqué=embedded; embarquée=embedded;
miniaturisé=miniaturized; compact=compact; modulaire=modular; évolutif=scalable; évolutivité=scalability;
sûr=safe; efficace=efficient; performant=efficient; performance=performance; capacité=capability;
capacités=capabilities; besoin=need; besoins=needs; exigence=requirement; exigences=requirements;
norme=standard; normes=standards; certification=certification; réglementation=regulation;
conformité=compliance; gestion=management; gérer=manage; surveillance continue=monitoring; suivre=monitor;
mesurer=measure; mesure=measurement; mesures=measurements; évaluation=assessment; évaluer=assess;
risque=risk; risques=risks; sécurité alimentaire=food security; alimentation=power supply;
alimentation électrique=power supply; nourriture=food; vêtement=clothing; textile=textile;
textiles=textiles; chaud=hot; froid=cold; extrême=extreme; extrêmes=extreme;
environnement hostile=harsh environment; arctique=arctic; désert=desert; mer=sea; océan=ocean; air=air;
ciel=sky; montagne=mountain; ville=city; urbain=urban; urbaine=urban; rural=rural; population=population;
civil=civilian; civile=civilian; civils=civilian; double usage=dual use; usage=use; utilisation=use;
application=application; applications=applications; candidature=application; candidatures=applications;
défi=challenge; défis=challenges; appel=call; programme=program; accélérateur=accelerator;
centre d'essai=test center; centres d'essai=test centers; site=site; cohorte=cohort; jalon=milestone;
jalons=milestones; expert=expert; experts=experts; évaluateur=reviewer; évaluateurs=reviewers; revue=review;
article=paper; articles=papers; publication=publication; résumé=abstract; titre=title; texte=text;
textes=texts; document=document; documents=documents; rapport=report; rapports=reports; question=question;
réponse=response; visage=face; voix=voice; humain=human; humaine=human; humains=humans; personne=person;
personnes=people; homme-machine=human-machine; interaction=interaction; collaboration=collaboration;
coopération=cooperation; partenaire=partner; partenaires=partners; partenariat=partnership;
formation=training; simulateur=simulator; réalité virtuelle=virtual reality;
réalité augmentée=augmented reality; réalité=reality; virtuel=virtual; virtuelle=virtual;
augmenté=augmented; jeu=game; jeux=games; scénario=scenario; scénarios=scenarios;
"""


def _parse_pairs(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in text.replace("\n", " ").split(";"):
        if "=" in item:
            fr, en = (side.strip() for side in item.split("=", 1))
            if fr and en:
                pairs.append((fr, en))
    return tuple(pairs)


PAIRS: tuple[tuple[str, str], ...] = _parse_pairs(_PAIRS_TEXT)


def _content_stems(phrase: str, language: str) -> tuple[str, ...]:
    words = [w for w in tokenize(phrase) if w not in STOP_WORDS[language] and len(w) > 1]
    return tuple(stem(words, language))


@lru_cache(maxsize=1)
def french_to_english() -> dict[tuple[str, ...], tuple[str, ...]]:
    """French stem sequences to English stem sequences; the first entry for a sequence wins."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for fr, en in PAIRS:
        key, value = _content_stems(fr, "fr"), _content_stems(en, "en")
        if key and value:
            table.setdefault(key, value)
    return table


@lru_cache(maxsize=1)
def _phrase_starts() -> dict[str, int]:
    """The longest French phrase of the lexicon starting with each stem (1 for single words)."""
    starts: dict[str, int] = {}
    for key in french_to_english():
        starts[key[0]] = max(starts.get(key[0], 0), len(key))
    return starts


def shared_segments(analysis: Analysis) -> list[Segment]:
    """The segments of ``analysis`` with their stems in the shared (English) space."""
    if analysis.language == "en":
        return list(analysis.segments)
    table = french_to_english()
    starts = _phrase_starts()
    out = []
    for seg in analysis.segments:
        stems, seg_words = seg.stems, seg.words
        out_stems: list[str] = []
        out_words: list[str] = []
        i = 0
        while i < len(stems):
            longest = starts.get(stems[i], 0)
            for n in range(min(longest, len(stems) - i), 0, -1):
                mapped = table.get(stems[i : i + n])
                if mapped is not None:
                    word = " ".join(seg_words[i : i + n])
                    out_stems.extend(mapped)
                    out_words.extend([word] * len(mapped))
                    i += n
                    break
            else:
                out_stems.append(stems[i])
                out_words.append(seg_words[i])
                i += 1
        out.append(Segment(tuple(out_stems), tuple(out_words)))
    return out
