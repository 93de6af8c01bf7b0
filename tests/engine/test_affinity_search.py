"""Cross-language search over applications and organisations, and near-duplicate applications."""

from lodestar.engine.affinity import Document
from lodestar.engine.search import SearchIndex, find_near_duplicates

BATTERIES_FR = Document(
    "app-fr",
    "Nous développons un stockage d'énergie par batteries lithium-ion pour les bases avancées, avec un "
    "micro-réseau solaire qui réduit la consommation de carburant des groupes électrogènes.",
    "Batteries pour bases avancées",
)
BATTERIES_EN = Document(
    "app-en",
    "We develop lithium-ion battery energy storage for forward operating bases, with a solar microgrid that "
    "reduces the fuel consumption of generators.",
    "Batteries for forward bases",
)
DRONES = Document(
    "drones",
    "A swarm of autonomous drones with onboard deep learning detects intruders along borders and tracks "
    "them at night with thermal cameras.",
)
DRONES_EDITED = Document(
    "drones-copy",
    "A swarm of autonomous drones with onboard deep learning detects intruders along borders and tracks "
    "them at night with infrared cameras.",
)
WEARABLES = Document(
    "org-wear", "Wearable sensors monitor soldier fatigue, sleep and heat stress in the field."
)
CRYPTO_FR = Document(
    "org-crypto",
    "Plateforme de partage sécurisé d'informations classifiées entre alliés, "
    "avec chiffrement post-quantique.",
)
ALL = [BATTERIES_FR, BATTERIES_EN, DRONES, DRONES_EDITED, WEARABLES, CRYPTO_FR]


def test_an_english_search_finds_a_french_organisation():
    hits = SearchIndex(ALL).search("secure information sharing with post-quantum encryption", top_k=3)
    assert hits[0].id == "org-crypto"


def test_a_french_search_finds_english_documents():
    hits = SearchIndex(ALL).search("santé et fatigue des soldats", top_k=3)
    assert hits[0].id == "org-wear"


def test_search_finds_both_language_versions_of_the_same_application():
    hits = SearchIndex(ALL).search("energy storage for forward bases", top_k=2)
    assert {h.id for h in hits} == {"app-en", "app-fr"}


def test_search_hits_explain_themselves_and_leave_out_unrelated_documents():
    hits = SearchIndex(ALL).search("drone swarm", top_k=10, min_score=0.0)
    assert {h.id for h in hits} == {"drones", "drones-copy"}
    assert "swarm" in dict(hits[0].explanation.terms)


def test_an_empty_search_finds_nothing():
    assert SearchIndex(ALL).search("   ") == ()


def test_a_lightly_edited_copy_is_a_near_duplicate():
    pairs = find_near_duplicates(ALL)
    assert [(p.first_id, p.second_id) for p in pairs] == [("drones", "drones-copy")]
    assert pairs[0].similarity > 0.8
    assert "swarm" in pairs[0].terms


def test_a_translated_resubmission_is_caught_with_a_lower_threshold():
    pairs = find_near_duplicates(ALL, threshold=0.4)
    assert ("app-fr", "app-en") in {(p.first_id, p.second_id) for p in pairs} | {
        (p.second_id, p.first_id) for p in pairs
    }
    assert all(p.similarity >= 0.4 for p in pairs)


def test_different_applications_are_not_duplicates_and_blocks_change_nothing():
    assert find_near_duplicates(ALL, threshold=0.7) == find_near_duplicates(ALL, threshold=0.7, block_rows=1)
    assert find_near_duplicates([DRONES]) == ()
