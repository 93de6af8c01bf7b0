"""The fourth round of name rules (issue 12): general shapes of English and French news, each tested on
sentences written for these tests (no name here comes from the radar bench's documents)."""

from __future__ import annotations

from lodestar.engine.reading.names import find_names


def orgs(text: str) -> list[str]:
    return [n.name for n in find_names(text) if n.kind == "organisation"]


def people(text: str) -> list[str]:
    return [n.name for n in find_names(text) if n.kind == "person"]


def test_of_the_and_for_the_stay_inside_a_name_unless_a_body_of_its_own_follows() -> None:
    text = "The Innovation Agency for the Northern Seas, or IANS, opened a call on Monday."
    assert orgs(text) == ["Innovation Agency for the Northern Seas"]
    text = "Engineers of the Quantum Materials Laboratory of the Coastal Research Center met."
    assert orgs(text) == ["Quantum Materials Laboratory", "Coastal Research Center"]


def test_a_known_body_name_is_one_entry_even_across_a_line_break_in_the_word_list() -> None:
    assert orgs("Orders went to Boston Dynamics and to Lockheed Martin and Northrop Grumman.") == [
        "Boston Dynamics",
        "Lockheed Martin",
        "Northrop Grumman",
    ]


def test_french_heads_are_read_without_accents_and_with_a_nation_s_adjective() -> None:
    assert orgs("La Direction generale de l’armement (DGA) finance le projet.") == [
        "Direction generale de l’armement"
    ]
    assert orgs("a indiqué le ministère italien de la Défense dans un communiqué.") == [
        "ministère italien de la Défense"
    ]
    assert orgs("Le Service européen pour l’action extérieure a répondu.") == [
        "Service européen pour l’action extérieure"
    ]


def test_french_phrases_that_describe_rather_than_name_are_left_out() -> None:
    # a role, an idiom, a descriptor before a name, a description of the parent's unit, a verb after "et"
    assert orgs("Il devient chef d’état-major du commandement.") == []
    assert orgs("Des satellites au service de la sécurité nationale.") == []
    assert orgs("Ils rejoignent le pôle d’innovation ZEPHYR cette année.") == ["ZEPHYR"]
    assert orgs("L’accélérateur d’innovation de l’OTAN ouvre ses portes.") == ["OTAN"]
    assert orgs("Il protège les systèmes du ministère et de concevoir les opérations.") == []
    # the French army's own name is written in lower case and kept
    assert orgs("L’armée de terre teste des robots.") == ["armée de terre"]
    assert orgs("Le chef d’état-major de l’Armée de l’air a parlé.") == ["Armée de l’air"]


def test_products_and_ships_are_told_by_their_noun_and_describing_words() -> None:
    assert people("Le croiseur lourd lance-missiles russe Ivan Grozny sera modernisé.") == []
    assert orgs("le satellite prototype NovaStar de la start-up") == []
    assert orgs("The drone maker Kestrelon has raised money.") == ["Kestrelon"]
    assert orgs("Le fabricant de drones Parrotine a levé des fonds.") == ["Parrotine"]
    assert orgs("le satellite construit par Orbitalis est prêt.") == ["Orbitalis"]
    assert people("HMS XV Edmund Hillary set sail from Portsmouth.") == []


def test_honorifics_footnotes_and_capitals_in_credits() -> None:
    assert people("en présence de M. Duchamp et de SEM Jean-Luc Martel, ambassadeur.") == [
        "Duchamp",
        "Jean-Luc Martel",
    ]
    assert people("approved by the Supreme Allied Commander Transformation.6") == []
    assert orgs("It works with the EU.4 and others.") == ["EU"]
    assert people("ROBERT HALLORAN/NORTHERN STAR UNIVERSITY") == ["ROBERT HALLORAN"]


def test_where_a_team_or_company_is_from_is_not_part_of_its_name() -> None:
    text = "The winner is Team Falcon of Tulsa, Oklahoma, and its robot Runner."
    assert orgs(text) == ["Team Falcon"]
    assert people("Drones flew around the Ross of Mull area.") == []
    assert orgs("The University of Nowhere at Elsewhere welcomed the Ministry of Defence.") == [
        "University of Nowhere",
        "Ministry of Defence",
    ]


def test_events_and_systems_and_their_acronyms_are_not_bodies_but_their_organiser_is() -> None:
    text = "The NASA Rover Challenge drew teams. The NRC organizer thanked them."
    assert orgs(text) == ["NASA"]
    text = "Operators from the Tactical Command & Control System (TCCS) flew the swarm."
    assert orgs(text) == []
    assert orgs("AFP Published 03 Jan, 2025") == ["AFP"]


def test_a_credit_word_a_shortened_mention_and_a_place_named_after_a_service() -> None:
    assert orgs("Drone MQ-9 Reaper Copyright Reuters") == ["Reuters"]
    text = "Kordax Orbit Systems got a contract. The choice of Kordax Orbit brings a new supplier."
    assert [n.name for n in find_names(text)] == ["Kordax Orbit Systems"]
    assert orgs("Drones flew over RAF Brookmoor in the north.") == []


def test_brackets_square_or_after_an_acronym_and_hyphenated_pairs_of_bodies() -> None:
    text = "Le Centre national des ondes [CNO] a confié l’étude au CNO de Lyon."
    assert [n.name for n in find_names(text)] == ["Centre national des ondes"]
    text = "Les équipes de réponse de l’OTAN (NRTX) et de l’UE (CERT-UE) coopèrent."
    assert orgs(text) == ["OTAN", "NRTX", "UE", "CERT-UE"]
    assert orgs("It backs closer NATO-EU cooperation.") == ["NATO", "EU"]
    assert orgs("Aux États-Unis, l’US Marine Corps [USMC] teste des robots.") == ["US Marine Corps"]


def test_makers_nouns_field_adjectives_and_company_words() -> None:
    assert orgs("le concepteur russe Zvezdan prépare un sous-marin.") == ["Zvezdan"]
    assert orgs("la jeune pousse bretonne Kerloc a levé des fonds.") == ["Kerloc"]
    assert orgs("en partenariat avec la start-up niçoise Camille Engineering, qui") == ["Camille Engineering"]
    assert orgs("On National Security: a column. The New Space sector grows.") == []
    assert orgs("By supporting start-ups across the NATO Alliance, NATO grows.") == ["NATO Alliance"]


def test_articles_nations_newspapers_products_and_posts_around_a_name() -> None:
    assert orgs("L'annonce de l'AMIAD par le ministre a surpris.") == ["AMIAD"]
    assert orgs("investors include the Norwegian FjordFund and others.") == ["FjordFund"]
    assert orgs("The Guardian\nThe story begins here.") == ["The Guardian"]
    assert orgs("to provide open source TorchLight APIs that can assist") == []
    text = "in the words of Fleet Robotics Officer Commander Jane Doe, who"
    assert orgs(text) == [] and people(text) == ["Jane Doe"]
    assert people("(Reportage Dominique Martin pour la version française)") == ["Dominique Martin"]
