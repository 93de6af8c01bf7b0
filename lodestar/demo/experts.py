"""Expert profiles for review and matching: who they are, what they know, what they published.

An expert's `topics` and `areas` are the ground truth of their expertise, so that a benchmark can
tell whether the matching engine proposed the right reviewers for an application (whose plan
records its topic). Publications reuse the vocabulary of the same topics, written as research.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from lodestar.demo import names
from lodestar.demo.bank import Topic
from lodestar.demo.companies import choose_nation, institution_name
from lodestar.demo.grammar import pick, sentence, typeset
from lodestar.demo.names import Person
from lodestar.demo.topics import SETTINGS, TOPICS, frontier


@dataclass(frozen=True)
class PublicationText:
    title: str
    abstract: str
    year: int
    kind: str  # "article", "conference paper" or "project"
    language: str
    topic: str
    areas: tuple[str, ...]


@dataclass(frozen=True)
class ExpertText:
    person: Person
    nation: str
    language: str  # of the profile; publications may be in English even for French speakers
    organisation: str
    position: str
    statement: str
    publications: tuple[PublicationText, ...]
    keywords: tuple[str, ...]
    languages: tuple[str, ...]  # ISO 639-1 codes of the languages the expert reads
    areas: tuple[str, ...]
    topics: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.person.name


_TITLES = {
    "en": (
        "{tech:Cap} for {ctx}: a field evaluation",
        "Design and validation of {tech:a}",
        "On the limits of {tech} in operational conditions",
        "{tech:Cap}: lessons from {n} trials",
        "A comparative study of {kw} approaches for {ctx}",
        "Modelling {kw} under operational constraints",
        "Improving {kw} with {kw2}",
        "Towards {tech} for {ctx}",
    ),
    "fr": (
        "{tech:Cap} pour {ctx:le} : une évaluation sur le terrain",
        "Conception et validation {tech:du}",
        "Les limites {tech:du} en conditions opérationnelles",
        "{tech:Cap} : enseignements de {n} essais",
        "Étude comparative des approches {kw_de} pour {ctx:le}",
        "Modélisation {tech:du} sous contraintes opérationnelles",
        "{kw_cap} et {kw2} : une approche combinée",
        "Vers {tech:un} pour {goal}",
    ),
}
_APPROACH = {
    "en": (
        "We present {tech:a} and evaluate it in {n} trials representative of {ctx}.",
        "This paper describes the design of {tech:a} and reports on its validation for {ctx}.",
        "We study {kw} and {kw2} in the context of {ctx}.",
        "Building on earlier work on {kw}, we propose a method that combines it with {kw2}.",
    ),
    "fr": (
        "Nous présentons {tech:un} et l'évaluons au cours de {n} essais représentatifs {ctx:du}.",
        "Cet article décrit la conception {tech:du} et rend compte de sa validation pour {ctx:le}.",
        "Nous étudions {tech:le} dans le contexte {ctx:du}.",
        "À partir de nos travaux antérieurs sur {tech:le}, nous proposons une nouvelle méthode de "
        "conception et "
        "d'essai.",
    ),
}
_RESULT = {
    "en": (
        "Results show an improvement of {pct} % over the reference method.",
        "Compared with the state of the art, the approach reduces the error by {pct} %.",
        "The prototype met {k} of the {k2} requirements defined with end users.",
        "Statistical analysis over {n} runs confirms the effect (p < 0.01).",
    ),
    "fr": (
        "Les résultats montrent une amélioration de {pct} % par rapport à la méthode de référence.",
        "Par rapport à l'état de l'art, l'approche réduit l'erreur de {pct} %.",
        "Le prototype a satisfait {k} des {k2} exigences définies avec les utilisateurs finaux.",
        "L'analyse statistique sur {n} répétitions confirme l'effet (p < 0,01).",
    ),
}
_CONCLUSION = {
    "en": (
        "These results suggest that it is realistic to {goal}.",
        "We discuss the remaining obstacles to adoption, notably qualification and cost.",
        "The findings inform the design of future systems for {ctx}.",
    ),
    "fr": (
        "Ces résultats suggèrent qu'il est réaliste {goal_de}.",
        "Nous discutons des obstacles qui subsistent avant l'adoption, notamment la qualification et le "
        "coût.",
        "Ces travaux éclairent la conception des futurs systèmes destinés {ctx:au}.",
    ),
}
_PROJECT = {
    "en": "The {acronym} project ({y1}–{y2}), funded by {funder}, brought together {k} partners to {goal}.",
    "fr": "Le projet {acronym} ({y1}–{y2}), financé par {funder}, a réuni {k} partenaires pour {goal}.",
}
_FUNDERS = {
    "en": (
        "the European Defence Fund",
        "a national research agency",
        "the Horizon Europe programme",
        "the alliance's science for peace and security programme",
        "a national defence procurement agency",
    ),
    "fr": (
        "le Fonds européen de la défense",
        "une agence nationale de la recherche",
        "le programme Horizon Europe",
        "le programme de l'Alliance pour la science au service de la paix et de la sécurité",
        "une agence nationale d'acquisition de défense",
    ),
}
_POSITIONS = {
    "en": (
        "Professor of {field}",
        "Associate professor of {field}",
        "Senior researcher in {field}",
        "Principal engineer in {field}",
        "Director of research in {field}",
    ),
    "fr": (
        "Professeur|Professeure {field_de}",
        "Maître de conférences en {field}",
        "Chercheur|Chercheuse senior en {field}",
        "Ingénieur|Ingénieure principal|principale en {field}",
        "Directeur|Directrice de recherche en {field}",
    ),
}
_STATEMENT = {
    "en": (
        "I am {a_position} at {organisation}.",
        "My work covers {kw1}, {kw2} and {kw3}, and in particular how to {goal}.",
        "Over {years} years I have led {projects} projects with defence and civil partners.",
        "I have reviewed proposals for national research agencies and defence innovation programmes.",
    ),
    "fr": (
        "Je suis {position} au sein {organisation_du}.",
        "Mes travaux portent notamment sur les thèmes suivants : {kw1}, {kw2} et {kw3}. Je m'intéresse en "
        "particulier à la manière {goal_de}.",
        "En {years} ans, j'ai dirigé {projects} projets avec des partenaires de défense et civils.",
        "J'ai évalué des projets pour des agences nationales de la recherche et des programmes d'innovation "
        "de défense.",
    ),
}


def _de(text: str) -> str:
    return f"d'{text}" if text[:1].lower() in "aeiouyhéèêîô" else f"de {text}"


_INSTITUTION = re.compile(r"\b(Institute|Centre|Foundation)\b")  # "at the Bremen Centre for ..."


def _du(name: str) -> str:
    # French institution names here all start with a masculine noun (Institut, Centre, Groupe).
    return f"de l'{name}" if name[:1].lower() in "aeiouyhéèêîô" else f"du {name}"


def _gendered(text: str, female: bool) -> str:
    words = [part.split("|")[1 if female else 0] if "|" in part else part for part in text.split(" ")]
    return " ".join(words)


def _acronym(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHIKLMNOPRSTV") for _ in range(rng.randint(4, 6)))


def _publication(rng: random.Random, topic: Topic, language: str, year: int) -> PublicationText:
    side = topic.side(language)
    kw, kw2 = rng.sample(list(side.keywords), 2)
    slots = {
        "tech": pick(rng, side.names),
        "ctx": pick(rng, side.contexts) if side.contexts else side.names[0],
        "kw": kw,
        "kw2": kw2,
        "kw_de": _de(kw),
        "kw_cap": sentence(kw),
        "goal": side.goal,
        "goal_de": _de(side.goal),
        "n": rng.randint(3, 40),
        "pct": rng.randint(8, 60),
        "k": rng.randint(7, 12),
        "k2": 12,
    }
    kind = rng.choices(("article", "conference paper", "project"), weights=(55, 30, 15))[0]
    if kind == "project":
        acronym = _acronym(rng)
        y1 = year - rng.randint(2, 4)
        title = f"{acronym}{' :' if language == 'fr' else ':'} {sentence(side.goal)}"
        sentences = [
            _PROJECT[language].format(
                acronym=acronym,
                y1=y1,
                y2=year,
                funder=pick(rng, _FUNDERS[language]),
                k=rng.randint(4, 14),
                goal=side.goal,
            ),
            side.problem.format(**slots),
            side.how,
            side.gain,
        ]
    else:
        title = sentence(pick(rng, _TITLES[language]).format(**slots))
        sentences = [side.problem.format(**slots), pick(rng, _APPROACH[language]).format(**slots), side.how]
        if rng.random() < 0.5:
            sentences.append(side.detail)
        sentences.append(pick(rng, _RESULT[language]).format(**slots))
        sentences.append(pick(rng, _CONCLUSION[language]).format(**slots))
    abstract = typeset(" ".join(sentence(s) for s in sentences), language)
    return PublicationText(typeset(title, language), abstract, year, kind, language, topic.key, topic.areas)


def expert_profile(
    rng: random.Random,
    language: str,
    *,
    nation: str | None = None,
    challenge: str | None = None,
    year: int = 2025,
) -> ExpertText:
    """A reviewer's profile in `language`: 5 to 20 publications or past projects across EDT areas.

    Experts mostly know one challenge well (two or three of its topics) and one or two research
    topics beyond it, from any EDT area.
    """
    nation = nation or choose_nation(rng, french=language == "fr")
    french = language == "fr"
    person = names.person(rng, nation, french=french and nation in names.FRENCH_VARIANT)
    challenge = challenge or pick(rng, list(TOPICS))
    main = rng.sample(list(TOPICS[challenge]), rng.randint(2, 3))
    # Breadth beyond the challenge stays near the expert's own areas, as a real career does.
    own = {a for t in main for a in t.areas}
    others = [t for code, group in TOPICS.items() if code != challenge for t in group] + list(frontier.TOPICS)
    near = [t for t in others if own & set(t.areas)] or others
    chosen: list[Topic] = main + rng.sample(near, min(len(near), rng.randint(1, 2)))
    city = names.city(rng, nation, language, french=french and nation in names.FRENCH_VARIANT)
    kind = rng.choices(("university", "research", "large"), weights=(55, 30, 15))[0]
    organisation = institution_name(rng, kind, nation, city, french)
    field = pick(rng, SETTINGS[challenge].side(language).expertise)
    position = _gendered(pick(rng, _POSITIONS[language]), person.female)
    position = position.format(field=field, field_de=_de(field))
    publications = []
    for _ in range(rng.randint(5, 20)):
        topic = pick(rng, main) if rng.random() < 0.65 else pick(rng, chosen)
        pub_language = "en" if language == "fr" and rng.random() < 0.45 else language
        publications.append(_publication(rng, topic, pub_language, year - rng.randint(0, 15)))
    publications.sort(key=lambda p: -p.year)
    keywords: list[str] = []
    for topic in chosen:
        keywords += [k for k in topic.side(language).keywords if k not in keywords][:3]
    own_keywords = [k for t in main for k in t.side(language).keywords]
    beyond = [k for k in keywords if k not in own_keywords] or own_keywords
    kw = [*rng.sample(own_keywords, 2), pick(rng, beyond)]
    parts = _STATEMENT[language]
    lowered = position[:1].lower() + position[1:]
    goal = main[0].side(language).goal
    slots = {
        "position": lowered,
        "a_position": f"{'an' if lowered[:1] in 'aeiou' else 'a'} {lowered}",
        "organisation": f"the {organisation}" if _INSTITUTION.search(organisation) else organisation,
        "organisation_du": _du(organisation),
        "kw1": kw[0],
        "kw2": kw[1],
        "kw3": kw[2],
        "goal": goal,
        "goal_de": _de(goal),
        "years": rng.randint(8, 30),
        "projects": rng.randint(3, 25),
    }
    statement = " ".join(sentence(p.format(**slots)) for p in parts)
    spoken = ["fr", "en"] if french else ["en"] + (["fr"] if rng.random() < 0.25 else [])
    areas: list[str] = []
    for topic in chosen:
        areas += [a for a in topic.areas if a not in areas]
    return ExpertText(
        person=person,
        nation=nation,
        language=language,
        organisation=organisation,
        position=position,
        statement=typeset(statement, language),
        publications=tuple(publications),
        keywords=tuple(keywords),
        languages=tuple(spoken),
        areas=tuple(areas),
        topics=tuple(t.key for t in chosen),
    )
