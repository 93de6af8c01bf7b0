"""How applicants word things: sentence frames for each part of an application, per language.

Frames are not translations of each other; each language has its own set, and a near-duplicate of
an application is the same plan rendered through other frames. Slots are those of `content.py`
plus {diff} {trl} {trl_text} {m} {ms} {ms_de} {goal} {goal_de} {people} {engineers} {core}
{market} {market2} {facility2} {codename} {qual}; see corpus.py for how they are filled.
"""

from __future__ import annotations

Frames = dict[str, tuple[str, ...]]

EN: Frames = {
    "solution": (
        "We are developing {tech:a} designed for {ctx}.",
        "Our answer is {tech:a}, built from the start for the needs of {ctx}.",
        "Our company builds {tech:a}; the version proposed here is meant for {ctx}.",
        "We propose to adapt our {tech} to the conditions faced by {ctx}.",
        "The subject of this application is {tech:a}, which we are maturing for {ctx}.",
        "To address this, we have developed {tech:a} with {ctx} in mind.",
    ),
    "diff": (
        "Unlike what is on the market today, our solution {diff}.",
        "Our main difference from competitors: the system {diff}.",
        "Above all, our design {diff}.",
        "What sets the product apart is that it {diff}.",
        "Crucially for end users, the solution {diff}.",
    ),
    "trl": (
        "We assess {tech} at TRL {trl}: {trl_text}.",
        "Today the technology stands at TRL {trl}; {trl_text}.",
        "Maturity is TRL {trl}. In practice, {trl_text}.",
        "We place ourselves at technology readiness level {trl}, since {trl_text}.",
    ),
    "plan": (
        "Over the six months of Phase 1, the work on {tech} will proceed in three steps.",
        "Our plan for the programme has three milestones, discussed in outline with {user:the}.",
        "The six-month plan for {ctx} is built around three milestones.",
        "With the Phase 1 grant, the work would proceed as follows, with {facility:a} as the main test "
        "venue.",
    ),
    "m1": ("By month {m}, we will {ms}.", "First, by month {m}, we plan to {ms}.", "Month {m}: {ms}."),
    "m2": ("By month {m}, we will {ms}.", "Then, around month {m}, we intend to {ms}.", "Month {m}: {ms}."),
    "m3": (
        "By month {m}, we will {ms}.",
        "Finally, by the end of month {m}, we aim to {ms}.",
        "Month {m}: {ms}.",
        "The programme would end with a clear goal: {ms}.",
    ),
    "facility": (
        "From the accelerator's test-centre network we would need {facility:a}, ideally for two weeks around "
        "month four.",
        "Testing needs: access to {facility:a} and, if possible, {facility2:a}.",
        "The test centres matter to us: without {facility:a} we could not qualify the product in time.",
        "We would like to book {facility:a} in one of the allied test centres for our trials.",
    ),
    "pilot": (
        "{user:A} has agreed in principle to host the pilot.",
        "We have discussed a pilot with {user:a}, which would provide operators and a realistic setting.",
        "The pilot would take place with {user:a}, whose operators have already seen a demonstration.",
        "Our preferred pilot partner is {user:a}; we met its staff at an industry day last year.",
    ),
    "defence": (
        "On the defence side, the first customers are units like {user:a} and {user2:a}, in every nation "
        "that "
        "faces the same problem.",
        "Defence demand comes first from {user:a}; similar units exist in most allied nations.",
        "We see defence customers in {user:a} and, soon after, {user2:a}.",
        "In defence, our first target is {user:a}, and the procurement path runs through national innovation "
        "units.",
    ),
    "civil": (
        "The same technology sells to {market} and {market2}, which gives us revenue that does not depend on "
        "defence budgets.",
        "Civil markets matter just as much: {market} and {market2} face the same constraints.",
        "Beyond defence, we already talk to {market} and {market2}.",
        "Dual use is built in: {market} and {market2} are natural civil customers.",
    ),
    "team": (
        "We are a team of {people}, {engineers} of them engineers.",
        "The company employs {people} people; the core team for this project is {core}.",
        "Our team of {people} combines {exp1} and {exp2}.",
        "{people} people work at the company today, with strengths in {exp1} and {exp2}.",
    ),
    "closing": (
        "Phase 1 would let us prove, with the people who will use it, that we can {goal}.",
        "We are convinced that we can {goal}, and Phase 1 is the fastest way to show it to end users.",
        "Our ambition is simple: to {goal}, at a price nations can afford.",
        "With the accelerator's help, we want to {goal} within two years.",
    ),
    "summary_open": (
        "We develop {tech:a} for {ctx}, to {goal}.",
        "This project aims to {goal} with {tech:a}.",
        "Our proposal: {tech:a} for {ctx}.",
        "{codename} is the name of our {tech}, designed to {goal}.",
        "We want to {goal}: our {tech} is designed for {ctx}.",
    ),
    "summary_close": (
        "At TRL {trl} today, we would use Phase 1 to reach a field trial with {user:a}.",
        "The technology is at TRL {trl}; in six months we will test it with {user:a}.",
        "In Phase 1 we will validate it with {user:a}, starting from TRL {trl}.",
        "Starting at TRL {trl}, the six months would end with a demonstration to {user:a}.",
    ),
    # Titles. {Tech} is the technology's name capitalised.
    "title": (
        "{tech:Cap} for {ctx}",
        "{qual} {tech} for {ctx}",
        "{tech:Cap} to {goal}",
        "{goal_cap}: {tech} for {ctx}",
        "{codename}: {tech} for {ctx}",
        "Bringing {tech} to {ctx}",
        "{codename} – {qual_lower} {tech} to {goal}",
        "{qual} {tech} to {goal}",
        "{tech:Cap} for {ctx} ({codename})",
        "{codename}: {qual_lower} {tech}",
    ),
    # Wrappers around a topic's own sentences: {S} as written, {s} with a lower-case first letter.
    "wrap_problem": (
        "{S}",
        "{S}",
        "{S}",
        "The core difficulty is this: {s}",
        "Put simply, {s}",
        "Anyone who has served knows it: {s}",
    ),
    "wrap_how": ("{S}", "{S}", "{S}", "The principle is simple: {s}", "Technically, {s}", "In short, {s}"),
    "wrap_gain": (
        "{S}",
        "{S}",
        "Results so far are encouraging: {s}",
        "In numbers, {s}",
        "What this means in practice: {s}",
    ),
    "wrap_detail": ("{S}", "{S}", "One technical point matters: {s}", "A detail worth noting: {s}"),
    "qual": (
        "Ruggedised",
        "Low-cost",
        "Modular",
        "Field-ready",
        "Scalable",
        "Lightweight",
        "Interoperable",
        "Sovereign",
        "Affordable",
        "Resilient",
        "Next-generation",
        "Compact",
        "Deployable",
        "Open-architecture",
    ),
    "headings": ("The problem", "Our solution", "Maturity", "Plan for Phase 1", "Markets", "Team"),
}

FR: Frames = {
    "solution": (
        "Nous développons {tech:un} à destination {ctx:du}.",
        "Nous proposons {tech:un} pour répondre aux besoins {ctx:du}.",
        "Notre entreprise conçoit {tech:un} ; la version présentée ici s'adresse {ctx:au}.",
        "Nous proposons d'adapter notre solution {tech:de} aux conditions que rencontrent {ctx:le}.",
        "L'objet de cette candidature est {tech:le}, que nous mettons au point pour {ctx:le}.",
        "Pour y répondre, nous avons développé {tech:un} en pensant d'abord {ctx:au}.",
    ),
    "diff": (
        "Contrairement à l'offre actuelle, notre solution {diff}.",
        "Principal atout face à la concurrence : le système {diff}.",
        "Surtout, notre conception {diff}.",
        "Ce qui distingue le produit, c'est qu'il {diff}.",
        "Point décisif pour les utilisateurs, la solution {diff}.",
    ),
    "trl": (
        "Nous évaluons {tech:le} au niveau TRL {trl} : {trl_text}.",
        "La technologie se situe aujourd'hui au niveau de maturité TRL {trl} ; {trl_text}.",
        "Maturité : TRL {trl}. Concrètement, {trl_text}.",
        "Nous nous situons au niveau de maturité technologique {trl}, puisque {trl_text}.",
    ),
    "plan": (
        "Pendant les six mois de la phase 1, les travaux sur {tech:le} se dérouleront en trois étapes.",
        "Notre plan pour le programme comporte trois jalons, esquissés avec {user:le}.",
        "Le plan de six mois destiné {ctx:au} s'articule autour de trois jalons.",
        "Avec la subvention de phase 1, les travaux se dérouleraient ainsi, avec {facility:un} comme "
        "principal "
        "lieu d'essai.",
    ),
    "m1": (
        "D'ici au mois {m}, nous voulons {ms}.",
        "Tout d'abord, d'ici au mois {m}, nous prévoyons {ms_de}.",
        "Mois {m} : {ms}.",
    ),
    "m2": (
        "D'ici au mois {m}, nous voulons {ms}.",
        "Ensuite, vers le mois {m}, nous comptons {ms}.",
        "Mois {m} : {ms}.",
    ),
    "m3": (
        "D'ici au mois {m}, nous voulons {ms}.",
        "Enfin, d'ici à la fin du mois {m}, nous visons {ms_a}.",
        "Mois {m} : {ms}.",
        "Le programme se conclurait sur un objectif clair : {ms}.",
    ),
    "facility": (
        "Côté essais, nous aurions besoin d'{facility:un}, idéalement pendant deux semaines vers le "
        "quatrième "
        "mois.",
        "Nos besoins en essais : l'accès à {facility:un} et, si possible, à {facility2:un}.",
        "Le réseau de centres d'essais compte beaucoup pour nous : sans {facility:un}, nous ne pourrions pas "
        "qualifier le produit à temps.",
        "Nous souhaitons réserver {facility:un} dans l'un des centres d'essais alliés pour nos essais.",
    ),
    "pilot": (
        "{user:Un} a donné son accord de principe pour accueillir le pilote.",
        "Nous avons discuté d'un pilote avec {user:un}, qui fournirait des opérateurs et un cadre réaliste.",
        "Le pilote se déroulerait avec {user:un}, dont les opérateurs ont déjà assisté à une démonstration.",
        "Notre partenaire privilégié pour le pilote est {user:un}, rencontré lors d'une journée industrielle "
        "l'an dernier.",
    ),
    "defence": (
        "Côté défense, les premiers clients sont des unités comme {user:un} ou {user2:un}, dans chaque "
        "nation "
        "confrontée au même problème.",
        "La demande de défense vient d'abord {user:du} ; des unités comparables existent dans la plupart des "
        "nations alliées.",
        "Nous voyons des clients de défense dans {user:un} puis, rapidement, dans {user2:un}.",
        "En défense, notre première cible est {user:un}, et la voie d'acquisition passe par les cellules "
        "d'innovation nationales.",
    ),
    "civil": (
        "La même technologie se vend {market:au} et {market2:au}, ce qui nous assure des revenus "
        "indépendants "
        "des budgets de défense.",
        "Les marchés civils comptent autant : {market:le} et {market2:le} connaissent les mêmes contraintes.",
        "Au-delà de la défense, nous échangeons déjà avec {market:le} et {market2:le}.",
        "Le double usage est dans notre ADN : {market:le} et {market2:le} sont des clients civils naturels.",
    ),
    "team": (
        "Nous sommes une équipe de {people} personnes, dont {engineers} ingénieurs.",
        "L'entreprise emploie {people} personnes ; l'équipe dédiée au projet en compte {core}.",
        "Notre équipe de {people} personnes réunit des compétences en {exp1} et en {exp2}.",
        "{people} personnes travaillent aujourd'hui dans l'entreprise, avec des points forts en {exp1} et en "
        "{exp2}.",
    ),
    "closing": (
        "La phase 1 nous permettrait de prouver, avec ceux qui l'utiliseront, que nous pouvons {goal}.",
        "Nous sommes convaincus de pouvoir {goal}, et la phase 1 est le moyen le plus rapide d'en convaincre "
        "les utilisateurs finaux.",
        "Notre ambition est simple : {goal}, à un coût que les nations peuvent assumer.",
        "Avec l'appui de l'accélérateur, nous voulons {goal} d'ici deux ans.",
    ),
    "summary_open": (
        "Nous développons {tech:un} pour {ctx:le}, afin {goal_de}.",
        "Ce projet vise à {goal} grâce à {tech:un}.",
        "Notre proposition : {tech:un} pour {ctx:le}.",
        "{codename} désigne {tech:le} que nous développons pour {goal}.",
        "Nous voulons {goal} : notre solution {tech:de} s'adresse {ctx:au}.",
    ),
    "summary_close": (
        "Aujourd'hui au niveau TRL {trl}, nous utiliserions la phase 1 pour mener un essai sur le terrain "
        "avec "
        "{user:un}.",
        "La technologie est au niveau TRL {trl} ; en six mois, nous la testerons avec {user:un}.",
        "Pendant la phase 1, nous la validerons avec {user:un}, en partant du niveau TRL {trl}.",
        "Partant du niveau TRL {trl}, les six mois se concluraient par une démonstration auprès {user:du}.",
    ),
    "title": (
        "{tech:Cap} pour {ctx:le}",
        "{qual} {tech:de} pour {ctx:le}",
        "{tech:Cap} pour {goal}",
        "{goal_cap} : {tech:le} au service {ctx:du}",
        "{codename} : {tech} pour {ctx:le}",
        "Apporter {tech:le} {ctx:au}",
        "{codename}, {qual_lower} {tech:de} pour {goal}",
        "{qual} {tech:de} pour {goal}",
        "{tech:Cap} pour {ctx:le} ({codename})",
        "{tech:Cap} : {goal}",
        "{codename} : {qual_lower} {tech:de}",
    ),
    "wrap_problem": (
        "{S}",
        "{S}",
        "{S}",
        "La difficulté de fond est la suivante : {s}",
        "Pour le dire simplement, {s}",
        "Tous ceux qui ont servi le savent : {s}",
    ),
    "wrap_how": (
        "{S}",
        "{S}",
        "{S}",
        "Le principe est simple : {s}",
        "Sur le plan technique, {s}",
        "En bref, {s}",
    ),
    "wrap_gain": (
        "{S}",
        "{S}",
        "Les premiers résultats sont encourageants : {s}",
        "En chiffres, {s}",
        "Concrètement, {s}",
    ),
    "wrap_detail": ("{S}", "{S}", "Un point technique compte : {s}", "Un détail mérite d'être signalé : {s}"),
    # Noun heads that take the technology as a complement: "Système modulaire de stockage d'hydrogène".
    "qual": (
        "Système modulaire",
        "Solution durcie",
        "Solution à bas coût",
        "Démonstrateur",
        "Plateforme interopérable",
        "Version allégée",
        "Solution souveraine",
        "Kit déployable",
        "Solution compacte",
        "Architecture ouverte",
        "Chaîne complète",
        "Nouvelle génération",
        "Prototype opérationnel",
    ),
    "headings": ("Le problème", "Notre solution", "Maturité", "Plan pour la phase 1", "Marchés", "Équipe"),
}

FRAMES = {"en": EN, "fr": FR}

if set(EN) != set(FR):  # pragma: no cover - a guard for whoever edits the frames
    raise ImportError(f"wording: frame keys differ: {sorted(set(EN) ^ set(FR))}")
