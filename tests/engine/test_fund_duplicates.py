"""Duplicate companies on the fund's board: the same website host, or names alike once legal forms,
accents and word order are set aside; blocked like the screening lists, yet finding what all pairs find."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from lodestar.engine.screening import Company, find_duplicates, normalise, similarity, website_key


def test_a_website_is_its_host_whatever_the_scheme_www_path_or_port():
    for url in ("https://www.Orbital-Forge.de/en/", "http://orbital-forge.de:8080?x=1", "orbital-forge.de."):
        assert website_key(url) == "orbital-forge.de"


def test_the_same_website_or_close_names_make_a_pair_explained():
    companies = [
        Company("1", "Orbital Forge GmbH", "https://www.orbital-forge.de"),
        Company("2", "ORBITAL FORGE", "http://orbital-forge.de/en"),
        Company("3", "Forge Orbital S.A.", ""),
        Company("4", "Nimbus Holdings", "https://nimbus.example"),
    ]
    pairs = {(d.first.id, d.second.id): d for d in find_duplicates(companies)}
    assert set(pairs) == {("1", "2"), ("1", "3"), ("2", "3")}
    assert pairs[("1", "2")].same_website
    assert (
        pairs[("1", "3")].explanation
        == "'Orbital Forge GmbH' and 'Forge Orbital S.A.' are 100.0 % similar by name"
    )


def test_blocking_finds_every_pair_that_comparing_all_pairs_finds():
    rng = random.Random(7)
    words = ["Aero", "Nova", "Quantum", "Loom", "Vektor", "Orbis", "Strata", "Helix", "Borealis", "Kestrel"]
    names = [
        f"{rng.choice(words)} {rng.choice(words)} {rng.choice(['Ltd', 'GmbH', 'SA', ''])}" for _ in range(300)
    ]
    names += [n[:3] + "x" + n[4:] for n in names[:30]]  # typos
    companies = [Company(str(i), n) for i, n in enumerate(names)]
    found = {(d.first.id, d.second.id) for d in find_duplicates(companies, threshold=92)}
    brute = {
        (str(i), str(j))
        for i in range(len(names))
        for j in range(i + 1, len(names))
        if normalise(names[i])
        and normalise(names[j])
        and fuzz.ratio(normalise(names[i]), normalise(names[j])) >= 92
    }
    assert found == brute


def test_similarity_sets_legal_forms_and_word_order_aside():
    assert similarity("Quantum Loom BV", "QUANTUM LOOM B.V.") == 100
    assert similarity("Quantum Loom BV", "Loom Robotics GmbH") < 90
    assert similarity("Ltd", "GmbH") == 0
