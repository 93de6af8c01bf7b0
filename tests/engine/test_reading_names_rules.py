"""The fourth round of name rules (issue 12): general shapes of English and French news, each tested on
sentences written for these tests, with invented bodies and people (none comes from the radar bench)."""

from __future__ import annotations

from lodestar.engine.reading.names import find_names
from tests.engine.names_helpers import orgs, people


def test_of_the_and_for_the_stay_inside_a_name_unless_a_body_of_its_own_follows() -> None:
    text = "The Innovation Agency for the Northern Seas, or IANS, opened a call on Monday."
    assert orgs(text) == ["Innovation Agency for the Northern Seas"]
    text = "Engineers of the Quantum Materials Laboratory of the Coastal Research Center met."
    assert orgs(text) == ["Quantum Materials Laboratory", "Coastal Research Center"]


def test_a_known_body_name_is_one_entry_even_across_a_line_break_in_the_word_list() -> None:
    text = "Boston Dynamics sold robots; Booz Allen Hamilton and Northrop Grumman bid."
    assert orgs(text) == ["Boston Dynamics", "Booz Allen Hamilton", "Northrop Grumman"]


def test_french_heads_are_read_without_accents_and_with_a_nation_s_adjective() -> None:
    assert orgs("La Delegation generale de la recherche (DGR) finance le projet.") == [
        "Delegation generale de la recherche"
    ]
    assert orgs("a précisé le ministère italien de la Défense dans une note.") == [
        "ministère italien de la Défense"
    ]
    assert orgs("Le Service fédéral pour l’aide extérieure a répondu.") == [
        "Service fédéral pour l’aide extérieure"
    ]


def test_french_phrases_that_describe_rather_than_name_are_left_out() -> None:
    # a role, an idiom, a descriptor before a name, the parent's unit described, a verb after "et"
    assert orgs("Elle devient chef d’état-major de la brigade.") == []
    assert orgs("Des capteurs au service de la défense aérienne.") == []
    assert orgs("Ils rejoignent le pôle d’innovation ZEPHYR cette année.") == ["ZEPHYR"]
    assert orgs("Le centre d’excellence de l’OTAN accueille un stage.") == ["OTAN"]
    assert orgs("Il doit armer les unités du ministère et de préparer les exercices.") == []
    # the French army's own name is written in lower case and kept
    assert orgs("Des robots pour l’armée de terre, dit-il.") == ["armée de terre"]
    assert orgs("Le chef d’état-major de l’Armée de l’air a parlé.") == ["Armée de l’air"]


def test_products_and_ships_are_told_by_their_noun_and_describing_words() -> None:
    assert people("La frégate furtive italienne Carlo Bergamini entre au port.") == []
    assert orgs("le drone prototype NovaStar de la start-up") == []
    assert orgs("The drone maker Kestrelon has raised money.") == ["Kestrelon"]
    assert orgs("Le fabricant de drones Parrotine a levé des fonds.") == ["Parrotine"]
    assert orgs("le satellite construit par Orbitalis est prêt.") == ["Orbitalis"]
    assert people("HMS XV Edmund Hillary set sail from Portsmouth.") == []


def test_honorifics_footnotes_and_capitals_in_credits() -> None:
    assert people("en présence de M. Duchamp et de SEM Jean-Luc Martel, ambassadeur.") == [
        "Duchamp",
        "Jean-Luc Martel",
    ]
    assert people("as the Commander Innovation.3 wrote") == []
    assert orgs("It signed a pact with the OSCE.3 last year.") == ["OSCE"]
    assert people("ROBERT HALLORAN/NORTHERN STAR UNIVERSITY") == ["ROBERT HALLORAN"]


def test_where_a_team_or_company_is_from_is_not_part_of_its_name() -> None:
    text = "The winner is Team Falcon of Tulsa, Oklahoma, with a walking robot."
    assert orgs(text) == ["Team Falcon"]
    assert people("Drones flew around the Ross of Mull area.") == []
    assert orgs("The University of Nowhere welcomed the Ministry of Defence.") == [
        "University of Nowhere",
        "Ministry of Defence",
    ]


def test_events_and_systems_and_their_acronyms_are_not_bodies_but_their_organiser_is() -> None:
    text = "The NASA Rover Challenge drew teams. The NRC organizer thanked them."
    assert orgs(text) == ["NASA"]
    text = "Crews of the Tactical Fire Command & Control System (TFCCS) test it."
    assert orgs(text) == []
    assert orgs("AP Updated 4 May, 2024") == ["AP"]


def test_a_credit_word_a_shortened_mention_and_a_place_named_after_a_service() -> None:
    assert orgs("Char Leclerc au défilé Photo AP") == ["AP"]
    text = "Kordax Orbit Systems got a contract. The choice of Kordax Orbit brings a new supplier."
    assert [n.name for n in find_names(text)] == ["Kordax Orbit Systems"]
    assert orgs("Jets landed at RAF Northolt in the evening.") == []


def test_brackets_square_or_after_an_acronym_and_hyphenated_pairs_of_bodies() -> None:
    text = "Le Centre national des ondes [CNO] a confié l’étude au CNO de Lyon."
    assert [n.name for n in find_names(text)] == ["Centre national des ondes"]
    text = "Les équipes de réponse de l’OTAN (NRTX) et de l’ONU (CERT-UN) coopèrent."
    assert orgs(text) == ["OTAN", "NRTX", "ONU", "CERT-UN"]
    assert orgs("They called for EU-UN talks.") == ["EU", "UN"]
    assert orgs("The Coastal Marine Corps trained with drones.") == ["Coastal Marine Corps"]


def test_makers_nouns_field_adjectives_and_company_words() -> None:
    assert orgs("le concepteur allemand Zvezdan prépare un navire.") == ["Zvezdan"]
    assert orgs("la jeune pousse lyonnaise Kerloc a levé des fonds.") == ["Kerloc"]
    assert orgs("avec l’entreprise Camille Engineering, qui construit des radars") == ["Camille Engineering"]
    assert orgs("Homeland Security and New Energy are growing fields.") == []
    assert orgs("Members across the NATO Alliance agree; NATO grows.") == ["NATO Alliance"]


def test_articles_nations_newspapers_products_and_posts_around_a_name() -> None:
    assert orgs("L'arrivée de l'ONERA dans le projet a surpris.") == ["ONERA"]
    assert orgs("investors include the Norwegian FjordFund and others.") == ["FjordFund"]
    assert orgs("The Guardian\nThe story begins here.") == ["The Guardian"]
    assert orgs("a library of TorchLight APIs for image search") == []
    text = "said Range Safety Officer Lieutenant Jane Doe, who"
    assert orgs(text) == [] and people(text) == ["Jane Doe"]
    assert people("(Reportage Dominique Martin pour la version française)") == ["Dominique Martin"]
