"""The duplicate finder, as specifications (no database)."""

from __future__ import annotations

from lodestar.engine.duplicates import Entry, find_duplicates, name_key, site_key


def pairs(*entries: Entry) -> set[frozenset[str]]:
    return {frozenset((d.first_id, d.second_id)) for d in find_duplicates(entries)}


def test_accents_and_case_do_not_separate_a_name():
    assert name_key("Société Générale d'Électronique") == name_key("SOCIETE GENERALE D'ELECTRONIQUE")


def test_legal_forms_are_ignored():
    assert (
        name_key("Aurora Systems GmbH") == name_key("Aurora Systems S.A.S.") == name_key("Aurora Systems Ltd")
    )
    assert name_key("Nordic Quantum Sp. z o.o.") == name_key("Nordic Quantum")


def test_word_order_does_not_matter():
    assert name_key("Quantum Nordic") == name_key("Nordic Quantum")


def test_french_and_english_names_meet():
    assert name_key("Institut national de recherche spatiale") == name_key(
        "National Space Research Institute"
    )


def test_websites_are_compared_by_their_registered_name():
    assert (
        site_key("https://www.aurora-systems.de/en/")
        == site_key("http://aurora-systems.fr")
        == "aurora-systems"
    )
    assert site_key("https://www.aurora.co.uk") == "aurora"


def test_planted_variants_are_found_and_distinct_names_are_not():
    found = pairs(
        Entry("1", "Helios Orbital Robotics GmbH"),
        Entry("2", "Helios Orbital Robotics"),
        Entry("3", "Boreal Quantum"),
        Entry("4", "Boreal Photonics"),
        Entry("5", "Orbital Helios Robotic"),
    )
    assert found == {frozenset({"1", "2"}), frozenset({"1", "5"}), frozenset({"2", "5"})}


def test_a_shared_website_with_a_close_name_is_a_duplicate_and_says_so():
    (found,) = find_duplicates(
        [
            Entry("1", "Aurora Énergie", "aurora.fr"),
            Entry("2", "Aurora Energy Group", "https://www.aurora.fr/"),
        ]
    )
    assert "same_website" in found.reasons


def test_a_shared_website_alone_with_unlike_names_is_not():
    assert (
        find_duplicates(
            [Entry("1", "Aurora", "group.example"), Entry("2", "Zephyr Materials", "group.example")]
        )
        == []
    )


def test_a_shared_website_with_the_same_name_written_in_one_word_is_a_duplicate():
    (found,) = find_duplicates(
        [
            Entry("1", "Orbital Forge GmbH", "https://www.orbital-forge.de/"),
            Entry("2", "OrbitalForge", "http://orbital-forge.de/en"),
        ]
    )
    assert found.reasons == ("similar_name", "same_website")
    # without the shared website, a name glued into one word is not enough
    assert find_duplicates([Entry("1", "Orbital Forge GmbH"), Entry("2", "OrbitalForge")]) == []
