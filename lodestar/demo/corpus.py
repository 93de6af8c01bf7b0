"""A deterministic generator of realistic, bilingual challenge-call content. No Django here.

Everything is drawn from a `random.Random` passed in, so the same seed gives the same text. An
application is first *planned* (which technology, context, end user, milestones, numbers...) and then
*rendered* through sentence frames in one language; the plan is kept on the result, so that
`reword()` can write the same proposal again with other words (a near-duplicate for the matching
engine), or in the other language.

Public API (what `lodestar demo-data`, `lodestar simulate` and the benchmarks use):

    challenges() -> list[ChallengeText]
    topics(challenge_code=None) -> list[Topic]
    organisation(rng, nation, ...) -> OrganisationText          (companies.py)
    application(rng, challenge_code, language, ...) -> ApplicationText
    reword(rng, application, language=None, ...) -> ApplicationText
    expert_profile(rng, language, ...) -> ExpertText             (experts.py)
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from lodestar.demo import content, names
from lodestar.demo.bank import Topic
from lodestar.demo.challenges import CHALLENGES, ChallengeText
from lodestar.demo.companies import (
    MEMBER_WEIGHTS,
    OrganisationText,
    ShareholderText,
    choose_nation,
    organisation,
)
from lodestar.demo.experts import ExpertText, PublicationText, expert_profile
from lodestar.demo.grammar import pick, sentence, typeset
from lodestar.demo.names import Person
from lodestar.demo.topics import SETTINGS, TOPICS, TOPICS_BY_KEY
from lodestar.demo.wording import FRAMES

__all__ = [
    "MEMBER_WEIGHTS",
    "ApplicationPlan",
    "ApplicationText",
    "ChallengeText",
    "ExpertText",
    "OrganisationText",
    "PublicationText",
    "ShareholderText",
    "TeamMemberText",
    "application",
    "challenges",
    "choose_nation",
    "expert_profile",
    "organisation",
    "reword",
    "topics",
]

SUMMARY_MAX = 1500  # Application.summary's limit
_HAS_PURPOSE = re.compile(r" (for|pour|to|au service) ")
_TARGET = re.compile(r"(for|pour) \{(ctx|goal)|\{ctx:au\}")
TITLE_MAX = 200


@dataclass(frozen=True)
class TeamMemberText:
    name: str
    role: str
    nation: str
    expertise: str


@dataclass(frozen=True)
class TeamSlot:
    """A team member in a plan: the person and what they do, independent of language."""

    person: Person
    role: int  # index into ROLES for its position (0 lead, 1 technical lead, 2+ others)
    expertise: int  # index into the challenge's expertise, or -1 - i for GENERIC_EXPERTISE[i]
    years: int


@dataclass(frozen=True)
class ApplicationPlan:
    challenge: str
    topic: str
    name: int
    ctx: int
    user: int
    user2: int
    opener: int
    pain: int | None
    detail: bool
    diff: int
    trl: int
    trl_variant: int
    evidence: tuple[int, ...]
    milestones: tuple[int, int, int]
    facility: int
    facility2: int
    std: int
    markets: tuple[int, int]
    business: int
    funding: int
    strengths: tuple[int, ...]
    budget: int
    exp: tuple[int, int]
    codename: str
    responsible: bool
    export: bool
    team: tuple[TeamSlot, ...]
    numbers: tuple[tuple[str, int], ...]  # year, seed, revenue, hires, units, people, ...


@dataclass(frozen=True)
class ApplicationText:
    challenge: str
    topic: str
    language: str
    title: str
    summary: str
    description: str
    trl: int
    areas: tuple[str, ...]
    keywords: tuple[str, ...]
    team: tuple[TeamMemberText, ...]
    plan: ApplicationPlan


def challenges() -> list[ChallengeText]:
    return list(CHALLENGES)


def topics(challenge_code: str | None = None) -> list[Topic]:
    if challenge_code is None:
        return [t for group in TOPICS.values() for t in group]
    return list(TOPICS[challenge_code])


# Roles by position in the team, (English, French masculine|feminine).
ROLES: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("Chief executive officer", "Président-directeur général|Présidente-directrice générale"),
        ("Co-founder and CEO", "Cofondateur et directeur général|Cofondatrice et directrice générale"),
        ("Managing director", "Directeur général|Directrice générale"),
    ),
    (
        ("Chief technology officer", "Directeur technique|Directrice technique"),
        ("Co-founder and CTO", "Cofondateur et directeur technique|Cofondatrice et directrice technique"),
        ("Head of engineering", "Responsable de l'ingénierie"),
    ),
    (
        ("Lead engineer", "Ingénieur principal|Ingénieure principale"),
        ("Test and trials lead", "Responsable des essais"),
        ("Product manager", "Chef de produit|Cheffe de produit"),
        ("Business development manager", "Responsable du développement commercial"),
        ("Data scientist", "Scientifique des données"),
        ("Systems engineer", "Ingénieur systèmes|Ingénieure systèmes"),
        ("Programme manager", "Chef de programme|Cheffe de programme"),
        ("Scientific adviser", "Conseiller scientifique|Conseillère scientifique"),
    ),
)
GENERIC_EXPERTISE = (
    ("defence procurement", "marchés publics de défense"),
    ("business development", "développement commercial"),
    ("product management", "gestion de produit"),
    ("finance and fundraising", "finance et levée de fonds"),
)
_CODENAME_HEADS = (
    "Al",
    "Ar",
    "Bel",
    "Cor",
    "Dar",
    "El",
    "Fen",
    "Hal",
    "Is",
    "Kar",
    "Lum",
    "Mar",
    "Nor",
    "Or",
    "Pel",
    "Quin",
    "Ros",
    "Sol",
    "Tor",
    "Val",
    "Ves",
    "Zen",
    "Ast",
    "Bri",
    "Cal",
    "Del",
    "Hel",
    "Kel",
    "Lyr",
    "Myr",
    "Ner",
    "Sen",
    "Tal",
    "Vor",
    "Aur",
    "Syl",
    "Tes",
    "Cyr",
    "Ev",
    "Ky",
)
_CODENAME_TAILS = (
    "ion",
    "ix",
    "a",
    "on",
    "ar",
    "is",
    "ex",
    "en",
    "or",
    "us",
    "ia",
    "ane",
    "yx",
    "ent",
    "ora",
    "ik",
    "ium",
    "elle",
    "ato",
    "ux",
    "eon",
    "ara",
)
_WORDS = {
    "en": {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"},
    "fr": {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six"},
}


def codename(rng: random.Random) -> str:
    middle = pick(rng, ("", "", "e", "i", "o", "a"))
    return f"{pick(rng, _CODENAME_HEADS)}{middle}{pick(rng, _CODENAME_TAILS)}"


def money(amount: int, language: str) -> str:
    """EUR 1,200,000 in English, 1 200 000 EUR in French (narrow no-break spaces)."""
    if language == "fr":
        return f"{amount:,}".replace(",", "\u202f") + "\u00a0EUR"
    return f"EUR {amount:,}"


def de_(text: str) -> str:
    """French "de" before an infinitive or a bare noun, with elision."""
    return f"d'{text}" if text[:1].lower() in "aeiouyhâàéèêîôû" else f"de {text}"


def _plan(
    rng: random.Random,
    challenge_code: str,
    topic_key: str | None,
    nation: str,
    french: bool,
    lead: Person | None,
    employees: int | None,
    year: int,
) -> ApplicationPlan:
    pool = TOPICS[challenge_code]
    chosen = TOPICS_BY_KEY[topic_key] if topic_key else pick(rng, pool)
    setting = SETTINGS[challenge_code].en
    users = rng.sample(range(len(setting.users)), 2)
    fields = rng.sample(range(len(setting.expertise)), 2)
    hardware = chosen.key not in content.SOFTWARE_TOPICS

    def allowed(items: tuple[object, ...], hardware_only: frozenset[int]) -> list[int]:
        return [i for i in range(len(items)) if hardware or i not in hardware_only]

    facilities = rng.sample(range(len(setting.facilities)), 2)
    markets = rng.sample(range(len(setting.markets)), 2)
    trl = rng.choices(range(2, 9), weights=(3, 8, 14, 18, 20, 14, 8))[0]
    people = employees or rng.randint(3, 40)
    team_size = min(rng.randint(2, 5), max(2, people))
    team = []
    for position in range(team_size):
        who = lead if position == 0 and lead else _colleague(rng, nation, french)
        role_pool = ROLES[min(position, 2)]
        business = position >= 2 and rng.random() < 0.3
        if business:
            expertise = -1 - rng.randrange(len(GENERIC_EXPERTISE))
        else:
            expertise = rng.randrange(len(setting.expertise))
        team.append(TeamSlot(who, rng.randrange(len(role_pool)), expertise, rng.randint(3, 25)))
    numbers = {
        "year": year - rng.randint(1, 4),
        "seed": rng.randrange(3, 40) * 50_000,
        "revenue": rng.randrange(2, 60) * 25_000,
        "hires": rng.randint(2, 4),
        "units": rng.randint(4, 20),
        "people": people,
        "engineers": max(1, round(people * rng.uniform(0.4, 0.8))),
        "core": min(people, rng.randint(2, 8)),
        "p_staff": rng.randrange(45, 70, 5),
        "p_equip": rng.randrange(15, 30, 5),
        "price": rng.randrange(4, 100) * 2_500,
        "patents": rng.randint(2, 4),
        "lab_years": rng.randint(4, 12),
        "months_used": rng.randrange(6, 37, 3),
        "operators": rng.randrange(10, 45, 5),
        "nations": rng.randint(2, 5),
        "veterans": rng.randint(2, 3),
        "products": rng.randint(2, 3),
    }
    numbers["engineers"] = max(2, numbers["engineers"])
    numbers["from_defence"] = max(1, numbers["engineers"] // rng.randint(2, 3))
    return ApplicationPlan(
        challenge=challenge_code,
        topic=chosen.key,
        name=rng.randrange(len(chosen.en.names)),
        ctx=rng.randrange(len(chosen.en.contexts)),
        user=users[0],
        user2=users[1],
        opener=rng.randrange(len(setting.openers)),
        pain=rng.randrange(len(content.PAINS)) if rng.random() < 0.7 else None,
        detail=rng.random() < 0.75,
        diff=pick(rng, allowed(content.DIFFERENTIATORS, content.HARDWARE_DIFFERENTIATORS)),
        trl=trl,
        trl_variant=rng.randrange(2),
        evidence=tuple(rng.sample(range(len(content.EVIDENCE)), rng.randint(1, 2))),
        milestones=(
            pick(rng, allowed(content.MILESTONES[0], content.HARDWARE_MILESTONES)),
            rng.randrange(len(content.MILESTONES[1])),
            rng.randrange(len(content.MILESTONES[2])),
        ),
        facility=facilities[0],
        facility2=facilities[1],
        std=rng.randrange(len(setting.standards)),
        markets=(markets[0], markets[1]),
        business=pick(rng, allowed(content.BUSINESS_MODELS, content.HARDWARE_BUSINESS)),
        funding=rng.randrange(len(content.FUNDING)),
        strengths=tuple(rng.sample(range(len(content.STRENGTHS)), rng.randint(1, 2))),
        budget=pick(rng, allowed(content.BUDGETS, content.HARDWARE_BUDGETS)),
        exp=(fields[0], fields[1]),
        codename=codename(rng) if rng.random() < 0.35 else "",
        responsible=("ai" in chosen.areas or "biotech" in chosen.areas) and rng.random() < 0.6,
        export=rng.random() < 0.25,
        team=tuple(team),
        numbers=tuple(numbers.items()),
    )


def _colleague(rng: random.Random, nation: str, french: bool) -> Person:
    # Most teams are from the company's nation; some hire across the alliance.
    if rng.random() < 0.18:
        other = choose_nation(rng)
        return names.person(rng, other, french=names.speaks_french(rng, other))
    return names.person(rng, nation, french=french)


def _slots(plan: ApplicationPlan, language: str) -> dict[str, object]:
    topic = TOPICS_BY_KEY[plan.topic].side(language)
    setting = SETTINGS[plan.challenge].side(language)
    numbers = dict(plan.numbers)
    slots: dict[str, object] = {
        "tech": topic.names[plan.name],
        "ctx": topic.contexts[plan.ctx],
        "user": setting.users[plan.user],
        "user2": setting.users[plan.user2],
        "facility": setting.facilities[plan.facility],
        "facility2": setting.facilities[plan.facility2],
        "std": setting.standards[plan.std],
        "market": setting.markets[plan.markets[0]],
        "market2": setting.markets[plan.markets[1]],
        "exp1": setting.expertise[plan.exp[0]],
        "exp2": setting.expertise[plan.exp[1]],
        "goal": topic.goal,
        "goal_de": de_(topic.goal),
        "goal_cap": sentence(topic.goal),
        "codename": plan.codename,
        "trl": plan.trl,
        **numbers,
        "seed": money(numbers["seed"], language),
        "revenue": money(numbers["revenue"], language),
        "price": money(numbers["price"], language),
    }
    for key in ("hires", "patents", "nations", "veterans", "products", "from_defence"):
        slots[key] = _WORDS[language].get(numbers[key], str(numbers[key]))
    return slots


class _Writer:
    """Renders one plan in one language; `rng` only chooses wording, never content."""

    def __init__(self, plan: ApplicationPlan, language: str, rng: random.Random) -> None:
        self.plan = plan
        self.language = language
        self.rng = rng
        self.frames = FRAMES[language]
        self.slots = _slots(plan, language)
        self.topic = TOPICS_BY_KEY[plan.topic].side(language)
        self.setting = SETTINGS[plan.challenge].side(language)
        self.i = 1 if language == "fr" else 0

    def fill(self, template: str, **extra: object) -> str:
        return sentence(template.format(**self.slots, **extra))

    def frame(self, key: str, **extra: object) -> str:
        choices = [f for f in self.frames[key] if self.plan.codename or "{codename}" not in f]
        if key == "title" and _HAS_PURPOSE.search(str(self.slots["tech"])):
            # "Monitoring for military mobility for mobility corridors": one purpose per title is enough.
            choices = [f for f in choices if not _TARGET.search(f)] or choices
        return self.fill(pick(self.rng, choices), **extra)

    def pair(self, pair: tuple[str, str]) -> str:
        return self.fill(pair[self.i])

    def own(self, part: str) -> str:
        """One of the topic's own sentences, sometimes introduced the way this applicant writes."""
        text = self.fill(getattr(self.topic, part))
        lowered = text[:1].lower() + text[1:] if text[1:2].islower() else text
        wrappers = self.frames[f"wrap_{part}"]
        if ":" in text:  # one colon per sentence is enough
            wrappers = tuple(w for w in wrappers if ":" not in w)
        return pick(self.rng, wrappers).format(S=text, s=lowered)

    def description(self) -> str:
        p, c = self.plan, content
        problem = [self.fill(self.setting.openers[p.opener]), self.own("problem")]
        if self.rng.random() < 0.3:
            problem.reverse()
        if p.pain is not None:
            problem.append(self.pair(c.PAINS[p.pain]))
        solution = [self.frame("solution"), self.own("how")]
        if p.detail:
            solution.append(self.own("detail"))
        claims = [self.frame("diff", diff=c.DIFFERENTIATORS[p.diff][self.i]), self.own("gain")]
        if self.rng.random() < 0.4:
            claims.reverse()
        solution += claims
        maturity = [self.frame("trl", trl_text=c.TRL_TEXTS[p.trl][p.trl_variant][self.i])]
        maturity += [self.pair(c.EVIDENCE[i]) for i in p.evidence]
        months = [self.frame("plan")]
        for stage, (key, month) in enumerate((("m1", 2), ("m2", 4), ("m3", 6))):
            step = c.MILESTONES[stage][p.milestones[stage]][self.i].format(**self.slots)
            months.append(self.frame(key, m=month, ms=step, ms_de=de_(step), ms_a=f"à {step}"))
        months += [self.frame("facility"), self.frame("pilot")]
        markets = [self.frame("defence"), self.frame("civil"), self.pair(c.BUSINESS_MODELS[p.business])]
        markets.append(self.pair(c.FUNDING[p.funding]))
        team = [self.frame("team")] + [self.pair(c.STRENGTHS[i]) for i in p.strengths]
        team.append(self.pair(c.BUDGETS[p.budget]))
        if p.responsible:
            team.append(self.pair(pick(self.rng, c.RESPONSIBLE_AI)))
        if p.export:
            team.append(self.pair(pick(self.rng, c.EXPORT)))
        team.append(self.frame("closing"))
        paragraphs = [problem, solution, maturity, months, markets, team]
        texts = [" ".join(part) for part in paragraphs]
        if self.rng.random() < 0.3:
            headings = self.frames["headings"]
            texts = [f"{heading}\n{text}" for heading, text in zip(headings, texts, strict=True)]
        elif self.rng.random() < 0.4:
            texts = [f"{texts[0]}", f"{texts[1]} {texts[2]}", *texts[3:]]
        return "\n\n".join(
            typeset(t, self.language) if "\n" not in t else _typeset_block(t, self.language) for t in texts
        )

    def summary(self) -> str:
        parts = [self.frame("summary_open"), self.fill(self.topic.gain), self.frame("summary_close")]
        text = typeset(" ".join(parts), self.language)
        return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"

    def title(self, taken: set[str] | None) -> str:
        best = ""
        for attempt in range(60):
            qual = pick(self.rng, self.frames["qual"])
            extra = {"qual": qual, "qual_lower": qual[:1].lower() + qual[1:]}
            plan = self.plan
            if attempt >= 20 and not plan.codename:
                # Many proposals on one technology: a product name tells them apart, as in real calls.
                self.plan = plan = replace(plan, codename=codename(self.rng))
                self.slots["codename"] = plan.codename
            text = typeset(self.frame("title", **extra), self.language)
            if len(text) > TITLE_MAX:
                continue
            best = best or text
            if taken is None or text not in taken:
                return text
        return best


def _typeset_block(text: str, language: str) -> str:
    heading, _, body = text.partition("\n")
    return f"{heading}\n{typeset(body, language)}"


def _team(plan: ApplicationPlan, language: str) -> tuple[TeamMemberText, ...]:
    i = 1 if language == "fr" else 0
    setting = SETTINGS[plan.challenge].side(language)
    members: list[TeamMemberText] = []
    for slot in plan.team:
        raw = ROLES[min(len(members), 2)][slot.role][i]
        role = raw.split("|")[-1] if slot.person.female else raw.split("|")[0]
        if slot.expertise < 0:
            field = GENERIC_EXPERTISE[-1 - slot.expertise][i]
        else:
            field = setting.expertise[slot.expertise]
        years = f"{slot.years} ans d'expérience" if language == "fr" else f"{slot.years} years' experience"
        members.append(TeamMemberText(slot.person.name, role, slot.person.nation, f"{field} ({years})"))
    return tuple(members)


def render(
    plan: ApplicationPlan, language: str, rng: random.Random, *, taken_titles: set[str] | None = None
) -> ApplicationText:
    writer = _Writer(plan, language, rng)
    description = writer.description()
    summary = writer.summary()
    title = writer.title(taken_titles)
    if taken_titles is not None:
        taken_titles.add(title)
    plan = writer.plan  # the title may have given it a product name
    chosen = TOPICS_BY_KEY[plan.topic]
    return ApplicationText(
        challenge=plan.challenge,
        topic=plan.topic,
        language=language,
        title=title,
        summary=summary,
        description=description,
        trl=plan.trl,
        areas=chosen.areas,
        keywords=chosen.side(language).keywords,
        team=_team(plan, language),
        plan=plan,
    )


def application(
    rng: random.Random,
    challenge_code: str,
    language: str,
    *,
    topic: str | None = None,
    nation: str | None = None,
    lead: Person | None = None,
    employees: int | None = None,
    year: int = 2025,
    taken_titles: set[str] | None = None,
) -> ApplicationText:
    """Write one application to `challenge_code` in `language` ("en" or "fr").

    `topic` fixes the technology (an organisation's focus), `nation` and `lead` the team's origin and
    its first member, `employees` the company size quoted in the text. Titles already in
    `taken_titles` are avoided and the new one is added, so a whole call has distinct titles.
    """
    if challenge_code not in TOPICS:
        raise ValueError(f"unknown challenge {challenge_code!r}; expected one of {sorted(TOPICS)}")
    if language not in FRAMES:
        raise ValueError(f"language must be 'en' or 'fr', not {language!r}")
    if nation is None:
        nation = lead.nation if lead else choose_nation(rng, french=language == "fr")
    french = language == "fr" and nation in names.FRENCH_VARIANT
    plan = _plan(rng, challenge_code, topic, nation, french, lead, employees, year)
    return render(plan, language, rng, taken_titles=taken_titles)


def reword(
    rng: random.Random,
    text: ApplicationText,
    language: str | None = None,
    *,
    lead: Person | None = None,
    taken_titles: set[str] | None = None,
) -> ApplicationText:
    """The same proposal written again: same plan, other sentence frames and title (a near-duplicate).

    With `language` set to the other language it is a translation of the proposal instead; with
    `lead` it is sent by another organisation, whose team (led by `lead`) replaces the original one.
    """
    plan = text.plan
    if rng.random() < 0.5:
        plan = replace(plan, name=(plan.name + 1) % len(TOPICS_BY_KEY[plan.topic].en.names))
    if lead is not None:
        # Another organisation sends the same text: its own people, the same roles.
        french = lead.nation in names.FRENCH_VARIANT and (language or text.language) == "fr"
        team = [replace(plan.team[0], person=lead)]
        team += [replace(slot, person=_colleague(rng, lead.nation, french)) for slot in plan.team[1:]]
        plan = replace(plan, team=tuple(team))
    return render(plan, language or text.language, rng, taken_titles=taken_titles)
