"""The words around a capitalised name that say what it names, in English and French news.

``names.py`` finds the candidate names; these patterns read their surroundings: a maker before a
product ("conçu par X", "developed by X"), a role of a body ("CEO of X", "directeur général de X"), a
relative clause only a body takes ("X, qui fournit", "X, which makes"), a programme, an event or a place
around a name (then it is not an organisation), and lists ("X, Y and Z") whose other items are
organisations. General rules of the two languages' news writing, not names.
"""

from __future__ import annotations

import re

from lodestar.engine.reading.nations import nation_forms


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "conçu par X", "developed by X", "acquired by X", "contract awarded to X": a maker or a buyer.
MAKER_BEFORE = re.compile(
    r"\b(?:conçue?s?|développée?s?|fabriquée?s?|produite?s?|construite?s?|fournie?s?|livrée?s?|"
    r"rachetée?s?|acquise?s?|financée?s?|opérée?s?|exploitée?s?|commercialisée?s?|proposée?s?|"
    r"designed|developed|built|made|manufactured|produced|supplied|delivered|acquired|bought|operated|"
    r"backed|funded|led|founded|launched|offered|sold)\s+(?:par|by)\s+(?:la société\s+|the company\s+)?$"
    r"|\b(?:awarded to|attribuée? à|confiée? à|contract with|contrat avec|partenariat avec|partnership with|"
    r"invested in|investi dans|investit dans|a investi dans|stake in|participation dans|acquisition of|"
    r"rachat de|rachat d['’]|acquisition de|acquisition d['’]|subsidiary of|filiale de|filiale d['’])\s*$"
    r"|\btold\s+$"
    # "l’américain Tenable", "du britannique BAE Systems": French business news names a company by its
    # nation's adjective in lower case and an article ("le Français X", capitalised, is a person)
    r"|(?:^|\s)(?-i:le|l['’]|du|au|de l['’])\s*(?-i:"
    + "|".join(sorted((f for f in nation_forms() if f.islower() and " " not in f), key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
# "CEO of X", "cofondateur de X", "directeur général délégué d'X", "researcher at X": X is a body.
ROLE_OF_BEFORE = re.compile(
    r"\b(?:CEO|CTO|COO|CFO|chief executive|chief technology officer|founder|co-?founder|chairman|"
    r"head|director|managing director|president|vice president|employee|engineer|researcher|scientist|"
    r"professor|analyst|spokesperson|spokesman|spokeswoman|PDG|patron|patronne|fondateur|fondatrice|"
    r"cofondateur|cofondatrice|co-fondateur|co-fondatrice|directeur|directrice|président|présidente|"
    r"dirigeant|dirigeante|salarié|salariée|ingénieur|ingénieure|chercheur|chercheuse|professeur|"
    r"porte-parole|analyste)(?:\s+[a-zé-]+){0,2}\s+(?:of|at|for|de|du|d['’]|chez)\s*$",
    re.IGNORECASE,
)
# "X, qui fournit des solutions", "X, which makes", "X, spécialisée dans": what only a body does.
ORG_RELATIVE_AFTER = re.compile(
    r"^,?\s+(?:which|qui)\s+(?:fournit|fabrique|développe|conçoit|commercialise|produit|édite|exploite|"
    r"emploie|makes|builds|develops|designs|supplies|provides|manufactures|produces|operates|employs|"
    r"sells|is headquartered|est basée|est implantée|a été fondée|was founded)\b"
    r"|^,?\s+(?:spécialisée?|basée|implantée|fondée|headquartered|founded in|based in)\b",
    re.IGNORECASE,
)
# What a company does in the news: "X has raised", "X a levé", "X said in a statement", "X won a contract",
# and its people or shares named after it ("X's chief executive", "X's shares").
ORG_AFTER = re.compile(
    r"^(?:\s+(?:has\s+|have\s+)?(?:raised|secured|signed a|won a|landed a|was awarded|has been awarded|"
    r"will supply|will deliver|supplies|manufactures|is headquartered|was founded|employs|"
    r"said in a statement|said in a press release|announced in a statement|"
    r"a levé|lève|a signé un|a remporté|remporte|a décroché|décroche|fournira|livrera|"
    r"a indiqué dans un communiqué|annonce dans un communiqué|a annoncé dans un communiqué|"
    r"a été fondée|est basée|emploie)\b"
    r"|['’]s\s+(?:chief executive|CEO|founder|co-founder|board|shares|headquarters|subsidiary|"
    r"engineers|employees|spokesperson|spokesman|spokeswoman|conference|summit|website|newsroom|editor|"
    r"editors|reporters|journalists|readers|shareholders|customers|subsidiaries)\b)",
    re.IGNORECASE,
)
# A programme, project, event, exercise or product named by the chain: "the X program", "programme X".
# Products, ships and events by what stands next to them ("the X drone", "le drone X", "HMS X", "X 2024").
NOT_ORG_AFTER = re.compile(
    r"^\s+(?:program|programme|project|initiative|effort|exercise|drill|operation|summit|conference|"
    r"forum|mission|satellite|constellation|missile|system|vehicle|drone|aircraft|platform|rocket|"
    r"launcher|helicopter|tank|radar|chip|processor|fighter|jet|frigate|submarine|destroyer|carrier|"
    r"software|service|model|robot|howitzer|interceptor|munition|round|shell|warhead|battery|batteries|rifle|gun|"
    r"launch|test|flight|obusier|canon|fusil|blindé|lance-roquettes|batterie)s?\b"
    r"|^\s+(?:19|20)\d\d\b"
    r"|^,\s+(?:Ala|Ariz|Calif|Colo|Conn|Fla|Mass|Mich|Minn|Neb|Nev|Okla|Tenn|Tex|Wis|Wyo|Md|Pa|Va|Ga)\.?(?!\w)"
    # "DEFNET, exercice militaire cyber", "X, a training programme": an apposition says what it is
    r"|^,\s+(?:an?\s+|the\s+|une?\s+|le\s+|la\s+|l['’])?(?:exercice|exercise|programme|program|projet|"
    r"project|opération|operation|salon|conférence|conference)\b",
    re.IGNORECASE,
)
NOT_ORG_BEFORE = re.compile(
    r"(?<!\bde )(?<!\bof )(?<!\bdes )(?<!\bd['’])"  # "fabricant de drones X" names a maker
    r"\b(?:programme|program|projet|project|opération|operation|exercice|exercise|salon|sommet|"
    r"summit|forum|mission|satellite|constellation|missile|drone|système|system|initiative|lanceur|fusée|"
    r"rocket|launcher|avion|aircraft|hélicoptère|helicopter|char|véhicule|vehicle|robot|radar|capteur|"
    r"sensor|logiciel|software|plateforme|platform|frégate|frigate|porte-avions|sous-marin|submarine|"
    r"navire|bâtiment|corvette|destroyer|ship|vessel|planeur|glider|démonstrateur|demonstrator|croiseur|"
    r"cruiser|machine|prototype|nano-satellite|microsatellite|robot-mule|app|application)s?"
    # up to three describing words between ("la frégate furtive X", "le drone
    # prototype X"), never a maker's "par"/"by" ("le satellite construit par X" names its maker)
    # nor a maker ("drone maker X", "satellite operator X", "le fabricant de drones X")
    r"(?:[ \t\u00a0]+(?!(?:par|by|de|du|des|of|for|pour|from|with|avec|and|et|à|au|the|le|la|les|maker|"
    r"makers|manufacturer|builder|operator|company|firm|start-?up|supplier|provider|developer|specialist|fabricant|"
    r"constructeur|opérateur|concepteur|développeur|spécialiste|fournisseur|société|entreprise|"
    r"équipementier|pure-player)s?\b)[a-zà-ÿ-]+){0,3}"
    r"[ \t\u00a0]+(?:de\s+|d['’]|du\s+)?[«“\"]?\s*$"  # on the name's own line
    r"|\b(?-i:HMS|USS|HMCS|HMAS|FS|ORP|HNLMS|KNM|BNS|ITS|TCG)\s+$",
    re.IGNORECASE,
)
# A newspaper's name after "The": "The Guardian", "The Herald".
NEWS_HEADS = words(
    "Times Guardian Telegraph Independent Economist Herald Tribune Observer Spectator Post Journal Register"
)
# Last words of a product's name: "X APIs", "X App".
PRODUCT_TAILS = words("API APIs SDK SDKs App Apps OS")
# Prefixes of places named after a service: "RAF Northolt", "Fort Bragg", "Camp Lejeune".
PLACE_PREFIXES = words("RAF Fort Camp Rue Avenue Boulevard Quai Allée")
# Prefixes of ships' names: "HMS XV Edmund Hillary" is a ship, not a person.
SHIP_PREFIXES = words("HMS USS HMCS HMAS FS ORP HNLMS KNM BNS ITS TCG RFS INS")
# Places: "Hill Air Force Base", "Vandenberg Space Force Base", "aéroport de X".
PLACE_ENDINGS = words(
    "Base Airport Airfield Station Range Arsenal Port Harbour Harbor Street Avenue Road Square Park "
    "Island Islands Valley Mountain Bay Sea Ocean River Lake Desert"
)
# Words that are never a body's whole name: continents, seas and blocs, and the fields news is about.
GENERIC = words(
    "Europe Asia Africa America Americas Arctic Antarctic Pacific Atlantic Baltic Balkans Sahel "
    "Amérique Afrique Asie Arctique Pacifique Atlantique Baltique Occident West East North South "
    "Defense Defence Défense Security Sécurité Cyber Space Espace Air Land Sea Innovation Research "
    "Recherche Technology Technologie Data Intelligence Energy Énergie Internet Web Cloud "
    # celestial bodies, which space news names often: "return it to Earth. The company hopes..."
    "Earth Moon Venus Jupiter Saturn Neptune Uranus Pluto Mercury Terre Lune"
)
# Head words of what is not a body: laws, strategies, events, programmes, awards. English puts the head
# last ("Cyber Defence Pledge"), French first ("Pacte Défense Cyber", "Sommet de Varsovie").
NON_BODY_HEADS = words(
    "Strategy Policy Pledge Act Treaty Agreement Accord Declaration Plan Review Report Summit Conference "
    "Forum Challenge Challenges Program Programme Project Initiative Exercise Operation Doctrine Concept "
    "Framework Roadmap Law Award Awards Prize Week Day Expo Show Competition Contest Index Manual Charter "
    "Stratégie Politique Pacte Traité Déclaration Revue Rapport Sommet Conférence Salon Programme Projet "
    "Opération Exercice Loi Prix Trophée Semaine Journée Feuille Livre Charte Concours Plan "
    # round three: more kinds the labelling rules leave out (events, texts, campaigns), both languages
    "Pact Convention Directive Regulation Règlement Statement Communiqué Bill Budget Fair Games Olympics "
    "Jeux Festival Symposium Colloque Séminaire Seminar Workshop Hackathon Campaign Campagne Dialogue "
    "Talks Meeting Réunion Compass Boussole Protocol Protocole Memorandum Mémorandum Agenda Vision "
    # systems and portfolios: "Fire Control System", "Research Portfolio"
    "System Portfolio "
    # shows and gatherings: "Defense Technology Exhibition", "Rencontres de l'IA", "Assises du numérique"
    "Exhibition Exposition Showcase Demonstration Démonstration Journées Rencontres Assises Trials "
    "Tournament Tournoi Olympiad Olympiade Hackathons Bootcamp Masterclass Webinar Webinaire"
)
# Words of the fields a technology radar reads about: a chain of these alone names a field, not a body
# ("Artificial Intelligence", "Quantum Technology", "Cyber Security").
FIELD_WORDS = words(
    "Artificial Intelligence Quantum Technology Technologies Tech Security Cyber Cybersecurity Space "
    "Energy Research Data Cloud Computing Computer Defense Defence Innovation Machine Learning Advanced "
    "Emerging Disruptive Information Communications Communication Networks Network Autonomous Autonomy "
    "Systems System Robotics Materials Biotechnology Biotech Hypersonic Hypersonics Sensing Science "
    "Sciences Digital Critical Deep Big Edge Generative Additive Manufacturing Synthetic Biology Nuclear "
    "Intelligence Artificielle Quantique Technologie Technologies Sécurité Cybersécurité Espace Énergie "
    "Recherche Données Numérique Défense Informatique Robotique Matériaux Biotechnologies "
    # adjectives of fields: "Homeland Security", "New Energy", "Global Data"
    "National International Global Homeland New"
)
# What joins the items of a list: "X, Y and Z", "X, Y et Z", "X & Y".
LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|et\s+|or\s+|ou\s+)?|\s+(?:and|et|&|or|ou)\s+)$")


def listed_with(start: int, end: int, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the name at ``start:end`` stands in a list right beside one of ``spans``."""
    for s, e in spans:
        if e <= start and start - e <= 8 and LIST_GAP.match(text[e:start]):
            return True
        if s >= end and s - end <= 8 and LIST_GAP.match(text[end:s]):
            return True
    return False


_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_SMALL = words("of for and the on de du des la le l d et pour to in à en")


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines, to the words they stand for: "Unmanned Surface Vehicles (USV)",
    "véhicule de rentrée hypersonique (HGV)" is not matched (the initials differ), "Supreme Allied
    Commander Transformation (SACT)". The reader keeps an acronym as a body's name only when what it
    stands for is one."""
    found: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        acronym = m.group(1)
        letters = acronym.upper().rstrip("S") if acronym.endswith("s") else acronym.upper()
        words = _WORD.findall(text[max(0, m.start() - 120) : m.start()])
        content = [w for w in words if w.lower() not in _SMALL]
        for k in range(2, min(len(content), 8) + 1):
            tail = content[-k:]
            initials = "".join(w[0] for w in tail).upper()
            hyphen_initials = "".join(part[0] for w in tail for part in w.split("-") if part).upper()
            if letters in (initials, hyphen_initials):
                first = tail[0]
                start = max(i for i, w in enumerate(words) if w == first)
                found[acronym] = " ".join(words[start:])
                break
    return found


# ... but not two fields or functions: "Research & Development", "Recherche & Développement".
AMPERSAND_NOUNS = words(
    "research development recherche développement command control commandement contrôle science sciences "
    "technology technologies technologie innovation engineering design test tests evaluation operations "
    "maintenance support training security sécurité safety sûreté health santé environment environnement "
    "marketing sales ventes finance legal data analytics strategy stratégie policy defence defense défense "
    "space espace air land sea terre mer naval intelligence surveillance reconnaissance"
)
# Words of events, products and places: a chain holding one is no person's name.
NOT_PERSON = words(
    "Forum Summit Sommet Salon Conference Conférence Congress Congrès Show Expo Week Day Challenge Award "
    "Prize Prix Trophy Cup Street Avenue Road Square Airport Aéroport Base Island Bridge Tower Hall "
    "Program Programme Project Projet Operation Opération Exercise Exercice Strategy Stratégie Act Loi "
    "Innovation Défense Defense Defence San Santa Los Las"
)
