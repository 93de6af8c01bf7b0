"""Duplicate companies on the fund's board are found by the engine's one finder (engine/duplicates.py,
which the engagement directory uses too): the same website with close names, or close names alone,
legal forms, accents and word order set aside. The screening lists' name similarity stays its own."""

from __future__ import annotations

from lodestar.engine.duplicates import Entry, find_duplicates, host
from lodestar.engine.screening import similarity


def test_a_website_host_drops_the_scheme_www_path_port_and_trailing_dot():
    for url in ("https://www.Orbital-Forge.de/en/", "http://orbital-forge.de:8080?x=1", "orbital-forge.de."):
        assert host(url) == "orbital-forge.de"
    assert host("") == ""


def test_the_same_website_or_close_names_make_a_pair_explained():
    entries = [
        Entry("1", "Orbital Forge GmbH", "https://www.orbital-forge.de"),
        Entry("2", "ORBITAL FORGE", "http://orbital-forge.de/en"),
        Entry("3", "Forge Orbital S.A.", ""),
        Entry("4", "Nimbus Holdings", "https://nimbus.example"),
    ]
    pairs = {(d.first_id, d.second_id): d for d in find_duplicates(entries)}
    assert set(pairs) == {("1", "2"), ("1", "3"), ("2", "3")}
    assert pairs[("1", "2")].reasons == ("same_name", "same_website")
    assert pairs[("1", "3")].reasons == ("same_name",) and pairs[("1", "3")].score == 100.0


def test_similarity_sets_legal_forms_and_word_order_aside():
    assert similarity("Quantum Loom BV", "QUANTUM LOOM B.V.") == 100
    assert similarity("Quantum Loom BV", "Loom Robotics GmbH") < 90
    assert similarity("Ltd", "GmbH") == 0
