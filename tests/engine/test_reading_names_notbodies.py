"""Round six of the name rules (issue 12): what the reader took for a body and is not one - sentence
adverbs, codes, people, places, venues, events, kinds of things and posts. Sentences written for these
tests, with invented bodies and people."""

from __future__ import annotations

from tests.engine.names_helpers import orgs, people


def test_a_sentence_adverb_or_connective_is_never_a_body() -> None:
    text = (
        "Brightwater Robotics won a contract last year. Meanwhile, Corvane Labs raised money. "
        "Similarly, Tallow Systems hired engineers. Recently, the Halvard Agency opened an office. "
        "Curiously, nobody noticed."
    )
    found = orgs(text)
    assert not {"Meanwhile", "Similarly", "Recently", "Curiously"} & set(found)
    assert "Corvane Labs" in found and "Tallow Systems" in found
    text = "Toutefois, la société Brivane a levé des fonds. Désormais, la start-up Orlane recrute."
    assert not {"Toutefois", "Désormais"} & set(orgs(text))


def test_a_preposition_opening_a_sentence_does_not_make_a_place_a_body() -> None:
    from lodestar.engine.reading.names_notbodies import _by_name

    assert _by_name("À Montpellier", ["À", "Montpellier"]) and _by_name("Dans Paris", ["Dans", "Paris"])
    assert not _by_name("A Corvane", ["A", "Corvane"])  # "A" may be an initial


def test_currency_codes_units_and_roman_numerals_are_not_bodies() -> None:
    text = (
        "The order placed with Corvane Heavy Industries is worth KRW 134.8 billion. "
        "The company said that Rs 110 million will be invested. Researchers share NZ$133m in grants. "
        "The second phase II of the plan and district IV follow."
    )
    found = orgs(text)
    assert not {"KRW", "Rs", "NZ", "II", "IV"} & set(found)
    assert "Corvane Heavy Industries" in found
    text = "La banque Orvane accorde 65 milliards FCFA au projet."
    assert "FCFA" not in orgs(text)


def test_an_acronym_before_a_number_or_a_model_word_is_a_class_or_an_edition() -> None:
    text = (
        "The Navy ordered ten more XDG 51 destroyers from Brightwater Shipbuilding. At QNE 24, the admiral "
        "spoke. The satellite will be carried by the ZSLV Mark II."
    )
    found = orgs(text)
    assert not {"XDG", "QNE", "ZSLV"} & set(found)
    assert "Brightwater Shipbuilding" in found


def test_a_province_code_in_an_address_and_capitalised_function_words_are_not_bodies() -> None:
    text = "WOODBRIDGE, ON, March 1, 2023 /CNW/ - Corvane Labs will hire 40 people."
    assert "ON" not in orgs(text)
    text = "Le concours veut dénicher LA start-up de demain, dit la société Brivane."
    assert "LA" not in orgs(text)


def test_a_generic_technology_acronym_is_not_a_body() -> None:
    text = "The energy, infrastructure, and ICT sectors were banded together by Corvane Labs."
    assert "ICT" not in orgs(text)


def test_a_name_the_text_gives_a_person_is_that_person_not_a_body() -> None:
    text = "Marrow, start-up nation\n\nUne ordonnance de Donald Marrow recommande la fermeture."
    assert "Marrow" not in orgs(text)
    assert "Donald Marrow" in people(text)
    text = (
        "Adebanjo, Okonkwo-Ade inaugurate US company’s factory in Lagos\n\nVice President Femi Adebanjo and "
        "Lagos State Governor, Mr. Babatunde Okonkwo-Ade, on Friday inaugurated the factory."
    )
    assert "Adebanjo" not in orgs(text)
    assert "Femi Adebanjo" in people(text)


def test_a_name_after_led_by_or_angel_investor_or_before_a_former_post_is_a_person() -> None:
    text = "The Defence Ministry, led by Rajvir Thakore, hopes this move will help."
    assert "Rajvir Thakore" in people(text) and "Rajvir Thakore" not in orgs(text)
    text = "During the week, Nigerian angel investor, Olumide Adeyemo, launched Voltron Partners."
    assert "Olumide Adeyemo" in people(text) and "Olumide Adeyemo" not in orgs(text)
    text = "Parmi les investisseurs figurent la licorne Alvane et Cédric P, ancien secrétaire d’Etat."
    assert "Cédric P" not in orgs(text)


def test_venues_and_french_sites_are_not_bodies() -> None:
    text = (
        "The ceremony, held at the Nyandarua International Convention Centre, was broadcast live at the "
        "Kamau Center for Performing Arts by Corvane Media."
    )
    found = orgs(text)
    assert "Nyandarua International Convention Centre" not in found
    assert "Kamau Center for Performing Arts" not in found
    text = "La fusée a décollé du centre d'essais de Brivaux, près du centre spatial de Kourvel."
    found = orgs(text)
    assert "centre d'essais de Brivaux" not in found and "centre spatial de Kourvel" not in found
    text = "L’Algérie reste au centre de l’équation énergétique."
    assert not orgs(text)


def test_the_last_word_of_a_nation_is_not_a_body() -> None:
    text = "Le capitaine a présidé le Conseil, sous la présidence du Président du Faso."
    assert "Faso" not in orgs(text)


def test_a_kind_of_thing_an_event_a_craft_and_a_post_are_not_bodies() -> None:
    text = "Il s'agit de drones de type Sky Warden et de satellites de type StarBeam et OrbNet."
    assert not {"Sky Warden", "StarBeam", "OrbNet"} & set(orgs(text))
    text = "Kagame told media at the end of World Economic Forum on Africa hosted in Kigali."
    assert "World Economic Forum" not in orgs(text)
    text = "The cubesat was launched from the International Space Station (ISS) by Corvane Labs."
    assert "ISS" not in orgs(text)
    text = "Jane Marrow, Member of Parliament for Vaughan–Woodbridge, announced funding for Corvane Labs."
    assert "Member of Parliament for Vaughan" not in orgs(text)


def test_a_product_by_its_apposition_or_its_introduction_is_not_a_body() -> None:
    text = "He met the founder of Corvane Robotics, who developed RoboKlaw, an intelligent gaming robot."
    found = orgs(text)
    assert "RoboKlaw" not in found and "Corvane Robotics" in found
    text = "It is part of a $440 million program called Vantage, formerly known as Brigade Leader Dashboard."
    assert "Brigade Leader Dashboard" not in orgs(text)
    text = "Brightwater, a robot maker based in Leeds, hired engineers."
    assert "Brightwater" in orgs(text)  # a maker of robots is a company


def test_an_award_a_member_and_a_town_where_something_is_are_not_bodies() -> None:
    text = "The firm Corvane Therapeutics was co-founded by Nobel laureate Jane Marrow."
    assert "Nobel" not in orgs(text)
    text = "Doug Marrow, a former Ironclad Ranger who leads the office, said the deal would help."
    assert "Ironclad Ranger" not in orgs(text)
    text = "Le groupe Brivane vient d’ouvrir une nouvelle usine à Kestrabad, près de l’aéroport de Kestrabad."
    assert "Kestrabad" not in orgs(text) and "Brivane" in orgs(text)
    text = "The plan: Corvane will establish a Global Centre of Excellence for Pump Development."
    assert "Global Centre of Excellence for Pump Development" in orgs(text)


def test_a_meeting_on_a_date_and_an_acronym_spelling_a_scheme_are_not_bodies() -> None:
    text = "Le Conseil des ministres du 02 octobre a délibéré sur le budget de la société Brivane."
    assert "Conseil des ministres du 02" not in orgs(text)
    text = (
        "L’Initiative présidentielle pour une éducation de qualité (IPEQ) prévoit une réforme. L'IPEQ coûte."
    )
    assert "IPEQ" not in orgs(text)
    text = "It was floated under the Delta Enterprises and Employment Scheme (DEES). DEES funds farms."
    assert "DEES" not in orgs(text)


def test_a_company_with_a_first_name_is_a_body_and_a_post_or_common_noun_is_no_person() -> None:
    text = "Ontario Premier Kathleen Marrow says Johnson Electric will invest $35 million in Ontario."
    assert "Johnson Electric" in orgs(text) and "Johnson Electric" not in people(text)
    assert "Ontario Premier" not in people(text)
    text = "The ministry funded the Special Development Initiatives and the PEER INSTITUTIONS list."
    assert not {"Special Development Initiatives", "PEER INSTITUTIONS"} & set(people(text))


def test_a_byline_word_and_a_body_joined_to_a_person_are_cut_off() -> None:
    from lodestar.engine.reading.names_more import NameMention
    from lodestar.engine.reading.names_notbodies import sift

    found = sift(
        "",
        (
            NameMention("Zeliha Marrow Publié", "person", ()),
            NameMention("Ravi Kumar and TKM", "person", ()),
            NameMention("African", "person", ()),
        ),
        frozenset(),
    )
    assert [(m.kind, m.name) for m in found] == [("person", "Zeliha Marrow"), ("person", "Ravi Kumar")]


def test_a_company_described_by_what_it_makes_stays_a_body() -> None:
    text = "The deal went to the firm Corvex, a satellite operator, and to Brightline, the software group."
    found = orgs(text)
    assert "Corvex" in found and "Brightline" in found
