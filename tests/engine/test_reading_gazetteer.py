"""Organisations on unseen text (issue 12, round two): the gazetteer of well-known bodies and the
structural cues every news text has, each tested on English and French sentences written for these tests,
with invented or well-known real bodies (none comes from the radar bench)."""

from __future__ import annotations

from lodestar.engine.reading.known_orgs import KNOWN, gazetteer_spans
from lodestar.engine.reading.names import find_names


def orgs(text: str) -> list[str]:
    return [n.name for n in find_names(text) if n.kind == "organisation"]


def people(text: str) -> list[str]:
    return [n.name for n in find_names(text) if n.kind == "person"]


def test_the_gazetteer_is_broad_and_holds_no_bare_common_words() -> None:
    assert len(KNOWN) > 500
    for name in ("Lockheed Martin", "Helsing", "Agence France-Presse", "JAXA", "Bundeswehr", "In-Q-Tel"):
        assert name in KNOWN
    for word in ("Total", "Shell", "Bell", "Time", "Parrot", "Gulfstream", "Hadrian", "IDF", "RTX"):
        assert word not in KNOWN


def test_well_known_bodies_are_read_without_any_other_cue() -> None:
    assert orgs("Rheinmetall and Hanwha Aerospace bid; Saronic lost.") == [
        "Rheinmetall",
        "Hanwha Aerospace",
        "Saronic",
    ]
    assert orgs("Kongsberg et Naval Group ont signé avec la JAXA.") == ["Kongsberg", "Naval Group", "JAXA"]


def test_a_known_multi_word_name_is_never_cut_at_a_first_name_or_an_and_inside_it() -> None:
    assert orgs("Alice & Bob raised money.") == ["Alice & Bob"]
    assert people("Alice & Bob raised money.") == []
    assert orgs("Airbus Defence and Space signed the deal.") == ["Airbus Defence and Space"]
    assert orgs("Johns Hopkins University and Carnegie Mellon University won.") == [
        "Johns Hopkins University",
        "Carnegie Mellon University",
    ]


def test_known_names_with_lower_case_words_are_found_whole() -> None:
    text = "Le Commissariat à l'énergie atomique et aux énergies alternatives et la Marine nationale."
    assert [w for w, _ in gazetteer_spans(text)] == [
        "Commissariat à l'énergie atomique et aux énergies alternatives",
        "Marine nationale",
    ]
    assert orgs(text) == [
        "Commissariat à l'énergie atomique et aux énergies alternatives",
        "Marine nationale",
    ]


def test_a_newspaper_keeps_its_article() -> None:
    assert orgs("Sources told The Financial Times and Le Monde on Monday.") == [
        "The Financial Times",
        "Le Monde",
    ]


def test_a_place_before_based_is_not_part_of_the_name() -> None:
    assert orgs("The London-based Kestrelon raised money.") == ["Kestrelon"]
    assert orgs("San Francisco-based Vektor Labs hired staff.") == ["Vektor Labs"]
    assert orgs("La start-up Toulouse-based Brumeo Systems recrute.") == ["Brumeo Systems"]


def test_capitalised_words_around_an_ampersand_are_one_company() -> None:
    assert orgs("Smith & Wesson Brands and Procter & Gamble reported results.") == [
        "Smith & Wesson Brands",
        "Procter & Gamble",
    ]
    assert orgs("Les dépenses de Recherche & Développement augmentent.") == []
    assert orgs("Its Research & Development budget grew.") == []


def test_legal_forms_and_company_words_make_a_name_a_company() -> None:
    assert orgs("Acme Widgets Co. sold parts to Vantor S.A. and Nordvik AB.") == [
        "Acme Widgets Co.",  # as the text writes it (round 3)
        "Vantor S.A",
        "Nordvik AB",
    ]
    assert orgs("Marlowe Holdings plc bought Bath Iron Works.") == ["Marlowe Holdings", "Bath Iron Works"]
    assert orgs("L'entreprise Sentinelle Systèmes a été choisie.") == ["Sentinelle Systèmes"]


def test_a_role_word_ends_the_company_name_before_the_person() -> None:
    assert orgs("Dassault Aviation PDG Eric Trappier a annoncé la commande.") == ["Dassault Aviation"]
    assert people("Dassault Aviation PDG Eric Trappier a annoncé la commande.") == ["Eric Trappier"]


def test_appositions_credits_and_bylines_name_bodies_and_people() -> None:
    assert orgs("La jeune pousse Quantiq a levé des fonds.") == ["Quantiq"]
    assert orgs("Norvik, a Oslo-based drone maker, raised money.") == ["Norvik"]
    text = "Photo : Jean Dupont / Naval Group"
    assert (orgs(text), people(text)) == (["Naval Group"], ["Jean Dupont"])
    text = "By Jane Smith, Reuters"
    assert (orgs(text), people(text)) == (["Reuters"], ["Jane Smith"])
    assert orgs("© Lockheed Martin") == ["Lockheed Martin"]
    assert orgs("Crédit photo : Armée de l'air et de l'espace") == ["Armée de l'air et de l'espace"]


def test_weapon_systems_programmes_and_measures_in_capitals_are_no_bodies() -> None:
    assert orgs("The army will buy HIMARS and ATACMS; the FCAS and GCAP programmes compete.") == []
    assert orgs("Les VBCI et les CAESAR ont été livrés au régiment.") == []
    assert orgs("Output reached 500 MW and the EV market grew; 48 K9 howitzers arrived.") == []
    assert orgs("The QRX howitzers and the TLV interceptors were tested.") == []


def test_photo_agencies_in_credits_and_the_person_beside_them() -> None:
    text = "Photo by Jane Doe/Getty Images"
    assert (orgs(text), people(text)) == (["Getty Images"], ["Jane Doe"])
    assert orgs("Shutterstock / Alamy") == ["Shutterstock", "Alamy"]


def test_a_nation_after_and_is_not_part_of_the_company_before_it() -> None:
    assert orgs("The Norwegian company Nordic Unmanned and Finland's Patria signed.") == [
        "Nordic Unmanned",
        "Patria",
    ]


def test_a_body_after_a_role_and_an_elided_de() -> None:
    text = "Le patron de Safran, Olivier Andriès, a rencontré le PDG d'Airbus."
    assert (orgs(text), people(text)) == (["Safran", "Airbus"], ["Olivier Andriès"])


def test_french_compound_first_names_make_a_person() -> None:
    assert people("Il a rencontré Jean-Baptiste Lemoyne et Anne-Sophie Marchal.") == [
        "Jean-Baptiste Lemoyne",
        "Anne-Sophie Marchal",
    ]
    assert orgs("Vektor Therapeutics and Orbis Pharmaceuticals joined.") == [
        "Vektor Therapeutics",
        "Orbis Pharmaceuticals",
    ]


def test_a_known_name_written_in_capitals_in_a_credit() -> None:
    assert orgs("Photo : NAVAL GROUP") == ["NAVAL GROUP"]
    assert orgs("© AIRBUS DEFENCE AND SPACE") == ["AIRBUS DEFENCE AND SPACE"]


def test_technology_and_business_acronyms_are_no_bodies() -> None:
    assert orgs("Its SIEM and EDR tools feed the analysts; EBITDA and CAPEX rose.") == []
    assert orgs("Les ONG et la DRH ont salué le COMEX.") == []


def test_initials_before_a_surname_with_a_cue_make_a_person() -> None:
    assert people("The plan works, said J.D. Vance.") == ["J.D. Vance"]
    assert people("According to J. R. Smith, the analyst, it will.") == ["J. R. Smith"]
