"""The demo text generator (lodestar/demo): no database, plain Python.

It must read like real applications in both languages, vary enough for the matching engine to have
something to do, stay deterministic for a seed, and be fast enough for `lodestar simulate`.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from decimal import Decimal

import pytest

from lodestar.core.nations import MEMBER_NATIONS, NATION_NAMES
from lodestar.demo import corpus, names
from lodestar.engine.text import detect_language

EDT_AREAS = {
    "ai",
    "autonomy",
    "quantum",
    "biotech",
    "hypersonics",
    "space",
    "materials",
    "energy",
    "networks",
    "data",
    "cyber",
}
# Placeholder words, unfilled slots, a Python None or repr leaking into text, doubled spaces or stops.
PLACEHOLDERS = re.compile(r"(?i:lorem|ipsum|\btodo\b|\bxxx\b|fixme)|\bNone\b|[{}\[\]]|  |(?<!\.)\.\.(?!\.)")
CHALLENGE_CODES = [c.code for c in corpus.challenges()]


def sentences(text: str) -> list[str]:
    """Sentences of a description; headings (lines without final punctuation) are not sentences."""
    return [
        s
        for line in text.split("\n")
        if line.rstrip().endswith((".", "!", "?"))
        for s in re.split(r"(?<=[.!?])\s+", line.strip())
    ]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def jaccard(a: str, b: str) -> float:
    x, y = words(a), words(b)
    return len(x & y) / len(x | y)


def many(language: str, challenge: str = "energy-and-power", n: int = 200, seed: int = 1) -> list:
    rng, taken = random.Random(seed), set[str]()
    return [corpus.application(rng, challenge, language, taken_titles=taken) for _ in range(n)]


def test_there_are_the_five_challenges_of_the_2024_call_in_both_languages():
    challenges = corpus.challenges()
    assert [c.title.en for c in challenges] == [
        "Energy and power",
        "Data and information security",
        "Sensing and surveillance",
        "Human health and performance",
        "Critical infrastructure and logistics",
    ]
    for challenge in challenges:
        for language in ("en", "fr"):
            description = challenge.description.get(language)
            assert description.count("\n\n") >= 3, "several paragraphs"
            assert len(description) > 1500
            assert detect_language(description) == language
            assert detect_language(challenge.summary.get(language)) == language
        assert challenge.title.en != challenge.title.fr
        assert set(challenge.areas) <= EDT_AREAS


@pytest.mark.parametrize("language", ["en", "fr"])
def test_two_hundred_applications_to_one_challenge_read_differently(language):
    applications = many(language)
    assert len({a.title for a in applications}) == 200
    all_sentences = [s for a in applications for s in sentences(a.description)]
    assert len(set(all_sentences)) / len(all_sentences) > 0.35
    # No sentence is boilerplate that most applicants share.
    most_common_count = Counter(all_sentences).most_common(1)[0][1]
    assert most_common_count < 0.15 * len(applications)


def test_titles_vary_even_without_a_register_of_taken_titles():
    rng = random.Random(2)
    titles = [corpus.application(rng, "sensing-and-surveillance", "en").title for _ in range(200)]
    assert len(set(titles)) > 150


@pytest.mark.parametrize("language", ["en", "fr"])
def test_generated_text_has_no_placeholders_and_respects_the_limits(language):
    rng = random.Random(3)
    for code in CHALLENGE_CODES:
        for topic in corpus.topics(code):
            for _ in range(4):
                a = corpus.application(rng, code, language, topic=topic.key)
                for text in (a.title, a.summary, a.description, *(m.role + m.expertise for m in a.team)):
                    assert not PLACEHOLDERS.search(text.replace("\n\n", "\n")), text
                assert len(a.title) <= 200
                assert len(a.summary) <= 1500
                assert len(a.description) >= 1500
                assert 2 <= a.trl <= 8
                assert 2 <= len(a.team) <= 5
                assert set(a.areas) <= EDT_AREAS
                assert all(m.nation in NATION_NAMES for m in a.team)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_language_detector_recognises_the_language_written(language):
    for a in many(language, "human-health-and-performance", n=60, seed=4):
        assert detect_language(f"{a.title}\n{a.summary}\n{a.description}") == language


def test_french_follows_french_grammar_and_typography():
    text = "\n".join(
        a.summary + "\n" + a.description for a in many("fr", "data-and-information-security", n=80)
    )
    # "de le" stays before an infinitive ("dans l'espoir de le déchiffrer"), never before a noun.
    assert not re.search(r"\b(de|à) (le|les) (?!\w+(er|ir|re)\b)", text), "contractions: du, des, au, aux"
    assert not re.search(r"\b(le|la|de|que|ne) [aeiouéèêâ]", text, re.I), "elision: l', d', qu', n'"
    assert not re.search(r" [:;!?»]", text), "a no-break space before : ; ! ? and inside « »"
    assert "\u00a0:" in text


def test_english_articles_agree_with_their_noun():
    text = "\n".join(a.description for a in many("en", "critical-infrastructure-and-logistics", n=80))
    mistakes = re.findall(r"\ba [aeio]\w+", text) + re.findall(r"\ban [bcdfgjklmnpqrstvwz]\w+", text, re.I)
    assert [m for m in mistakes if m not in {"a one", "an FPGA"}] == []


def test_the_same_seed_gives_the_same_text_and_another_seed_another():
    def sample(seed: int) -> list[str]:
        rng = random.Random(seed)
        return [corpus.application(rng, code, "fr").description for code in CHALLENGE_CODES]

    assert sample(7) == sample(7)
    assert sample(7) != sample(8)


def test_a_reworded_application_is_a_near_duplicate_written_with_other_words():
    rng = random.Random(5)
    originals = [corpus.application(rng, "energy-and-power", "en") for _ in range(40)]
    for original in originals[:10]:
        lead = names.person(rng, "NO")
        twin = corpus.reword(rng, original, lead=lead)
        assert twin.description != original.description
        assert twin.topic == original.topic
        assert twin.team[0].name == lead.name
        closest_other = (
            max(
                jaccard(original.description, other.description)
                for other in originals
                if other is not original and other.topic == original.topic
            )
            if any(o.topic == original.topic and o is not original for o in originals)
            else 0.0
        )
        assert jaccard(original.description, twin.description) > max(0.6, closest_other)


def test_a_proposal_can_be_rendered_in_the_other_language():
    rng = random.Random(6)
    original = corpus.application(rng, "sensing-and-surveillance", "en")
    translated = corpus.reword(rng, original, "fr")
    assert translated.language == "fr" and translated.topic == original.topic
    assert detect_language(translated.description) == "fr"


def test_organisations_look_like_companies_of_their_nation():
    rng = random.Random(8)
    forms = {
        "DE": ("GmbH", "AG"),
        "PL": ("Sp. z o.o.", "S.A."),
        "TR": ("A.Ş.", "Ltd. Şti."),
        "NO": ("AS",),
        "FR": ("SAS", "SA", "SARL"),
        "US": ("Inc.", "LLC", "Corp."),
        "GB": ("Ltd", "plc"),
    }
    taken: set[str] = set()
    for nation, endings in forms.items():
        for _ in range(10):
            org = corpus.organisation(rng, nation, taken=taken)
            assert org.legal_name.endswith(endings), org.legal_name
            assert org.website == f"https://{org.slug}.example"
            assert re.fullmatch(r"[a-z0-9.-]+@" + re.escape(org.slug) + r"\.example", org.contact_email)
            assert sum(s.percentage for s in org.shareholders) <= 100
            assert detect_language(org.description) == org.language
    assert len(taken) == 70, "slugs (e-mail domains) are unique"


def test_foreign_owners_hold_more_than_a_quarter():
    rng = random.Random(9)
    for owner in ("CN", "RU", "SG", "AE"):
        org = corpus.organisation(rng, "IT", foreign_owner=owner)
        foreign = sum((s.percentage for s in org.shareholders if s.nation == owner), Decimal(0))
        assert foreign > 25
        assert sum(s.percentage for s in org.shareholders) <= 100


def test_nations_are_spread_in_the_spirit_of_the_pilot_call():
    rng = random.Random(10)
    counts = Counter(corpus.choose_nation(rng) for _ in range(5000))
    assert set(counts) <= set(MEMBER_NATIONS)
    leaders = {n for n, _ in counts.most_common(8)}
    assert {"US", "CA", "GB", "PL", "TR", "IT", "FR"} <= leaders
    assert len(counts) >= 30


def test_expert_profiles_cover_every_edt_area_with_five_to_twenty_publications():
    rng = random.Random(11)
    experts = [corpus.expert_profile(rng, "fr" if i % 4 == 0 else "en") for i in range(200)]
    assert {area for e in experts for area in e.areas} == EDT_AREAS
    for expert in experts:
        assert 5 <= len(expert.publications) <= 20
        assert expert.keywords and expert.topics
        assert detect_language(expert.statement) == expert.language
        for publication in expert.publications:
            assert not PLACEHOLDERS.search(publication.title + publication.abstract)
            assert detect_language(publication.abstract) == publication.language
    assert len({e.name for e in experts}) > 150


def test_generation_gives_a_full_call_distinct_titles():
    # How long this takes is measured by `lodestar simulate` (BENCHMARKS.md), never asserted here.
    rng = random.Random(12)
    taken: set[str] = set()
    for i in range(2600):
        corpus.application(rng, CHALLENGE_CODES[i % 5], "fr" if i % 3 == 0 else "en", taken_titles=taken)
    assert len(taken) == 2600
