"""Affinity between queries and profiles: lexical scores, cross-language matching, top-k, explanations."""

import numpy as np
import pytest
import scipy.sparse as sp

from lodestar.engine.affinity import (
    FOR_CHALLENGES,
    AffinityModel,
    AffinitySettings,
    Document,
    Profile,
    Query,
    rank_profiles,
)


def challenge(code: str, text: str) -> Profile:
    return Profile(code, (Document(f"{code}-en", text),))


CHALLENGES = [
    challenge(
        "energy",
        "Energy and power: resilient and sustainable energy for deployed forces; energy storage, power "
        "generation and distribution, microgrids, less fuel to carry.",
    ),
    challenge(
        "security",
        "Data and information security: protect data in transit and at rest, share information securely "
        "across classification levels, cyber defence.",
    ),
    challenge(
        "sensing",
        "Sensing and surveillance: detect, identify and track objects of interest on land, at sea, in the "
        "air and in space with novel sensors.",
    ),
    challenge(
        "health",
        "Human health and performance: monitor and improve the physical and cognitive performance, health "
        "and resilience of personnel.",
    ),
    challenge(
        "logistics",
        "Critical infrastructure and logistics: protect ports, pipelines, undersea cables and supply chains; "
        "plan logistics and predictive maintenance.",
    ),
]

# Dana studies batteries; Eli studies drones; Fay writes in French about cyber defence.
EXPERTS = [
    Profile("dana", (
        Document("d1", "Solid-state lithium battery cells with high energy density", "Battery cells"),
        Document("d2", "Microgrid control for remote military camps with solar power and storage"),
        Document("d3", "A survey of medieval poetry"),
    )),
    Profile("eli", (
        Document("e1", "Swarms of unmanned aerial vehicles for border surveillance"),
        Document("e2", "Path planning for autonomous drones in cluttered environments"),
    )),
    Profile("fay", (
        Document("f1", "Détection d'intrusion par apprentissage automatique dans les réseaux militaires"),
        Document("f2", "Chiffrement post-quantique pour le partage sécurisé d'informations classifiées"),
    )),
    Profile("gus", ()),
]  # fmt: skip


def best(result, query_id):
    return result.top(query_id, 1)[0][0]


def test_french_battery_application_scores_highest_against_the_english_energy_challenge():
    query = Query("app", "Stockage d'énergie par batteries pour bases avancées")
    result = AffinityModel().fit(CHALLENGES).score([query])
    scores = dict(result.top("app"))
    assert best(result, "app") == "energy"
    assert scores["energy"] > 2 * max(v for k, v in scores.items() if k != "energy")


def test_an_english_query_finds_the_expert_who_writes_in_french():
    query = Query("q", "Machine learning intrusion detection and post-quantum encryption for secure sharing")
    result = AffinityModel().fit(EXPERTS).score([query])
    assert best(result, "q") == "fay"


def test_each_application_meets_the_challenge_it_answers():
    queries = [
        Query(
            "drones", "Des essaims de drones détectent et suivent des navires en mer avec des capteurs radar"
        ),
        Query("wearables", "Wearable sensors measure soldier fatigue and cognitive performance"),
        Query("cables", "Monitoring undersea cables and port infrastructure for predictive maintenance"),
        Query("crypto", "Partage sécurisé de données classifiées avec un chiffrement de bout en bout"),
    ]
    result = AffinityModel().fit(CHALLENGES, background=[q.text for q in queries]).score(queries)
    assert [best(result, q.id) for q in queries] == ["sensing", "health", "logistics", "security"]


def test_scores_are_cosines_between_zero_and_one_and_identical_text_scores_one():
    text = "Quantum sensing with cold atoms for navigation"
    model = AffinityModel().fit([Profile("p", (Document("d", text),))])
    assert model.score([Query("q", text)]).dense()[0, 0] == pytest.approx(1.0, abs=1e-5)
    unrelated = model.score([Query("q", "Medieval poetry and troubadours")]).dense()[0, 0]
    assert unrelated == 0.0


def test_a_profile_without_documents_scores_zero_and_is_explained_as_such():
    result = AffinityModel().fit(EXPERTS).score([Query("q", "battery storage")])
    assert result.score("q", "gus") == 0.0
    assert result.explain("q", "gus").best_document_id is None


def test_a_profile_score_is_the_mean_of_its_best_documents():
    query = [Query("q", "lithium battery energy storage microgrid")]
    # The same documents, one profile each: same corpus statistics, so these are the document cosines.
    singles = [Profile(d.id, (d,)) for p in EXPERTS for d in p.documents]
    cosine = AffinityModel().fit(singles).score(query)
    d1, d2, d3 = (cosine.score("q", d) for d in ("d1", "d2", "d3"))
    assert d1 > 0 and d2 > 0 and d3 == 0.0
    top_two = AffinityModel(settings=AffinitySettings(lexical_top_documents=2)).fit(EXPERTS).score(query)
    assert top_two.score("q", "dana") == pytest.approx((d1 + d2) / 2)
    top_ten = AffinityModel().fit(EXPERTS).score(query)  # Dana has 3 documents: all count
    assert top_ten.score("q", "dana") == pytest.approx((d1 + d2 + d3) / 3)


def test_top_k_scoring_is_sparse_and_keeps_the_same_best_scores_as_dense():
    queries = [
        Query(f"q{i}", t) for i, t in enumerate(["battery storage", "drone swarm", "intrusion detection"])
    ]
    model = AffinityModel().fit(EXPERTS)
    dense = model.score(queries).dense()
    sparse = model.score(queries, top_k=2)
    assert sp.issparse(sparse.matrix) and sparse.matrix.nnz == 6
    for i, q in enumerate(queries):
        expected = sorted(dense[i], reverse=True)[:2]
        assert [v for _, v in sparse.top(q.id)] == pytest.approx(expected)


def test_scoring_in_small_blocks_gives_the_same_scores_as_one_block():
    queries = [Query(f"q{i}", t) for i, t in enumerate(["battery", "drone", "chiffrement", "cells"])]
    whole = AffinityModel().fit(EXPERTS).score(queries).dense()
    blocks = AffinityModel(settings=AffinitySettings(block_elements=1)).fit(EXPERTS).score(queries).dense()
    np.testing.assert_allclose(whole, blocks, rtol=1e-6)


def test_explanation_names_the_best_matching_document():
    result = AffinityModel().fit(EXPERTS).score([Query("q", "Autonomous drones planning their path")])
    assert result.explain("q", "eli").best_document_id == "e2"


def test_explanation_lists_the_shared_terms_that_weigh_most_with_their_shares():
    result = AffinityModel().fit(EXPERTS).score([Query("q", "Swarms of drones for border surveillance")])
    explanation = result.explain("q", "eli")
    terms = dict(explanation.terms)
    assert {"drones", "border surveillance"} <= set(terms)
    assert list(terms.values()) == sorted(terms.values(), reverse=True)
    assert 0 < sum(terms.values()) <= 1.0 + 1e-6
    assert explanation.score == pytest.approx(result.score("q", "eli"), abs=1e-6)


def test_explanation_of_a_french_query_shows_its_own_words():
    result = AffinityModel().fit(CHALLENGES).score([Query("q", "Stockage d'énergie par batteries")])
    words = [t for t, _ in result.explain("q", "energy").terms]
    assert "stockage énergie" in words


def test_explanation_names_the_taxonomy_areas_both_sides_are_about():
    result = (
        AffinityModel()
        .fit(CHALLENGES)
        .score([Query("q", "Stockage d'énergie par batteries et micro-réseau")])
    )
    assert result.explain("q", "energy").areas == ("energy",)
    assert "energy" not in result.explain("q", "health").areas


def test_every_stored_pair_of_a_top_k_result_has_an_explanation():
    queries = [Query("a", "battery cells"), Query("b", "drone swarms")]
    result = AffinityModel().fit(EXPERTS).score(queries, top_k=2)
    explanations = result.explanations()
    assert len(explanations) == 4
    assert explanations[("a", "dana")].best_document_id == "d1"


def test_the_area_overlap_weight_pulls_texts_of_the_same_area_together():
    profiles = [Profile("energy", (Document("e", "Fuel cells and hydrogen"),)),
                Profile("space", (Document("s", "Satellite constellation in low earth orbit"),))]  # fmt: skip
    query = [Query("q", "Solar microgrid with batteries")]  # no word in common with either
    plain = AffinityModel().fit(profiles).score(query).dense()[0]
    with_areas = (
        AffinityModel(settings=AffinitySettings(area_weight=0.3)).fit(profiles).score(query).dense()[0]
    )
    assert plain.tolist() == [0.0, 0.0]
    assert with_areas[0] > with_areas[1]


def test_rank_profiles_gives_each_query_its_best_profiles_with_explanations():
    ranked = rank_profiles(
        [Query("app", "Stockage d'énergie par batteries pour bases avancées")], CHALLENGES, top_k=2
    )
    first, second = ranked["app"]
    assert first.profile_id == "energy" and first.explanation.terms
    assert first.score > second.score


def test_challenge_settings_match_an_application_that_shares_only_its_area_with_the_challenge():
    # No word of "batteries for forward bases" is in the energy challenge; its area is.
    query = [Query("app", "Batteries pour bases avancées")]
    plain = rank_profiles(query, CHALLENGES, top_k=1)["app"][0]
    assert plain.score == 0.0
    ranked = rank_profiles(query, CHALLENGES, top_k=2, settings=FOR_CHALLENGES)["app"]
    assert ranked[0].profile_id == "energy" and ranked[0].score > ranked[1].score


def test_profile_ids_must_be_unique():
    with pytest.raises(ValueError, match="unique"):
        AffinityModel().fit([Profile("x", ()), Profile("x", ())])


def test_an_unknown_model_name_is_refused():
    with pytest.raises(ValueError, match="unknown affinity model"):
        AffinityModel("magic")  # type: ignore[arg-type]


def test_scoring_before_fitting_is_refused():
    with pytest.raises(RuntimeError, match="fit"):
        AffinityModel().score([Query("q", "x")])
