"""Organisations of the third gazetteer list (issue 12, round 8, part c: known_orgs_more.txt), on English
and French sentences written for these tests: each body below is read only because the list names it (none
comes from the radar bench)."""

from __future__ import annotations

from lodestar.engine.reading.known_orgs import KNOWN, gazetteer_spans
from tests.engine.names_helpers import orgs


def test_mid_size_companies_of_the_radar_fields_are_read_worldwide() -> None:
    assert orgs("Yahsat and Arabsat bid against Nilesat.") == ["Yahsat", "Arabsat", "Nilesat"]
    assert orgs("Ignitis, Elering and Litgrid linked the grids.") == ["Ignitis", "Elering", "Litgrid"]
    assert orgs("Armasuisse a choisi Daedalean et Wingtra.")[-2:] == ["Daedalean", "Wingtra"]
    assert orgs("The Securities and Exchange Board of India fined Oando.")[-1] == "Oando"


def test_newspapers_of_member_nations_africa_and_latin_america_in_their_own_spelling() -> None:
    text = "Kauppalehti and Dagens Næringsliv reported the deal."
    assert orgs(text) == ["Kauppalehti", "Dagens Næringsliv"]
    assert orgs("Hespress et Le360 citent Bank Al-Maghrib.") == ["Hespress", "Le360", "Bank Al-Maghrib"]
    assert orgs("Infobae and Clarín reported the sale.") == ["Infobae", "Clarín"]
    assert orgs("Sveriges Radio and Sydsvenskan said so.") == ["Sveriges Radio", "Sydsvenskan"]


def test_french_belgian_and_quebec_public_bodies_and_parties_are_read_whole() -> None:
    text = "Le Pôle Aerospace Valley et la CCI Toulouse Haute-Garonne soutiennent Aura Aero."
    assert orgs(text) == ["Pôle Aerospace Valley", "CCI Toulouse Haute-Garonne", "Aura Aero"]
    text = "L'Agence wallonne à l'exportation et aux investissements étrangers soutient Skywin."
    assert orgs(text) == ["Agence wallonne à l'exportation et aux investissements étrangers", "Skywin"]
    assert orgs("La Coalition avenir Québec et Québec solidaire ont voté.") == [
        "Coalition avenir Québec",
        "Québec solidaire",
    ]
    assert orgs("Le Parti socialiste belge et le Mouvement réformateur ont voté.") == [
        "Parti socialiste belge",
        "Mouvement réformateur",
    ]


def test_words_names_places_and_ambiguous_acronyms_stay_out_of_the_list() -> None:
    for word in ("Dust", "Scale", "Information", "Livre", "Horizons", "Alan", "Elisa", "Desjardins"):
        assert word not in KNOWN
    for word in ("Station F", "Heathrow Airport", "Rail Baltica", "Conseil national", "MENA", "SARS", "PET"):
        assert word not in KNOWN
    assert orgs("Alan said the Dust and Scale figures were fine.") == []


def test_the_names_with_lower_case_words_are_found_longest_first_and_to_a_word_end() -> None:
    text = "Le Parti socialiste belge et le Parti socialiste français ; les Parti socialistes."
    assert [w for w, _ in gazetteer_spans(text)] == ["Parti socialiste belge", "Parti socialiste"]
    assert [w for w, _ in gazetteer_spans("La Régie de l'énergie et la Régie de l'énergie du Canada.")] == [
        "Régie de l'énergie",
        "Régie de l'énergie du Canada",
    ]
