"""The shape of the content banks: topics (one technology answering one challenge) and the settings
of each challenge (where, for whom, tested how, sold to whom), in both languages.

Content is *aligned*: the n-th context in English is the n-th context in French, so one plan of
an application (which topic, context, end user, milestones...) renders in either language, and a
near-duplicate is the same plan written with other words.
"""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.demo.grammar import NP, en, fr

Pair = tuple[str, str]  # (English, French)


@dataclass(frozen=True)
class TopicSide:
    """One topic in one language. Sentences may use the slots {ctx} and {user}."""

    names: tuple[NP, ...]  # ways to name the technology; the first is the plainest
    problem: str  # the end users' problem this answers
    how: str  # how the technology works
    gain: str  # the measurable benefit claimed
    detail: str  # one technical detail that shows the team knows its subject
    goal: str  # an infinitive phrase for titles: "cut fuel convoys to forward bases"
    keywords: tuple[str, ...]
    contexts: tuple[NP, ...]  # where it is used, aligned across languages


@dataclass(frozen=True)
class Topic:
    key: str
    challenge: str  # challenge code, or "" for research topics outside the call
    areas: tuple[str, ...]
    en: TopicSide
    fr: TopicSide

    def side(self, language: str) -> TopicSide:
        return self.fr if language == "fr" else self.en


@dataclass(frozen=True)
class SettingSide:
    users: tuple[NP, ...]  # end users who would pilot it
    markets: tuple[NP, ...]  # civil markets
    facilities: tuple[NP, ...]  # test-centre facilities
    standards: tuple[NP, ...]  # certifications or standards to meet
    expertise: tuple[str, ...]  # team members' fields
    openers: tuple[str, ...]  # challenge-level problem sentences; slots {ctx} {user}


@dataclass(frozen=True)
class Setting:
    challenge: str
    en: SettingSide
    fr: SettingSide

    def side(self, language: str) -> SettingSide:
        return self.fr if language == "fr" else self.en


def _pairs(items: tuple[Pair, ...], what: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    for item in items:
        if len(item) != 2:
            raise ValueError(f"{what}: expected (English, French), got {item!r}")
    return tuple(e for e, _ in items), tuple(f for _, f in items)


def topic(
    key: str,
    challenge: str,
    areas: tuple[str, ...],
    *,
    names: tuple[Pair, ...],
    problem: Pair,
    how: Pair,
    gain: Pair,
    detail: Pair,
    goal: Pair,
    keywords: tuple[Pair, ...],
    contexts: tuple[Pair, ...] = (),
) -> Topic:
    names_en, names_fr = _pairs(names, key)
    keywords_en, keywords_fr = _pairs(keywords, key)
    contexts_en, contexts_fr = _pairs(contexts, key)

    def side(
        i: int, names: tuple[str, ...], keywords: tuple[str, ...], contexts: tuple[str, ...]
    ) -> TopicSide:
        make = fr if i else en
        return TopicSide(
            names=tuple(make(n) for n in names),
            problem=problem[i],
            how=how[i],
            gain=gain[i],
            detail=detail[i],
            goal=goal[i],
            keywords=keywords,
            contexts=tuple(make(c) for c in contexts),
        )

    return Topic(
        key=key,
        challenge=challenge,
        areas=areas,
        en=side(0, names_en, keywords_en, contexts_en),
        fr=side(1, names_fr, keywords_fr, contexts_fr),
    )


def setting(
    challenge: str,
    *,
    users: tuple[Pair, ...],
    markets: tuple[Pair, ...],
    facilities: tuple[Pair, ...],
    standards: tuple[Pair, ...],
    expertise: tuple[Pair, ...],
    openers: tuple[Pair, ...],
) -> Setting:
    def side(i: int) -> SettingSide:
        make = fr if i else en
        return SettingSide(
            users=tuple(make(u[i]) for u in users),
            markets=tuple(make(m[i]) for m in markets),
            facilities=tuple(make(f[i]) for f in facilities),
            standards=tuple(make(s[i]) for s in standards),
            expertise=tuple(e[i] for e in expertise),
            openers=tuple(o[i] for o in openers),
        )

    for group in (users, markets, facilities, standards, expertise, openers):
        _pairs(group, challenge)
    return Setting(challenge=challenge, en=side(0), fr=side(1))
