"""Round eight, part a (issue 12): a list of the world's places (places.txt) the reader may take for bodies.
Sentences written for these tests, with invented bodies and people."""

from __future__ import annotations

from lodestar.engine.reading.places import PLACES, before_place, is_place
from tests.engine.names_helpers import orgs, people


def test_the_list_holds_towns_regions_and_nations_of_several_words_in_both_languages() -> None:
    for place in ("Bengaluru", "Bangalore", "Anvers", "Antwerp", "Genève", "Geneva", "Île-de-France"):
        assert place in PLACES
    assert is_place("Burkina Faso") and is_place("Faso") and is_place("Costa Rica")
    assert not {"Reading", "Mobile", "Nice", "Tours", "Oxford", "Washington"} & PLACES


def test_a_town_or_a_region_in_a_list_of_bodies_is_no_body() -> None:
    found = orgs("The deal between Thales, Leonardo and Kharkiv was signed.")
    assert "Kharkiv" not in found and "Thales" in found and "Leonardo" in found
    found = orgs("Les partenaires sont Airbus, Thales, Occitanie et Safran.")
    assert "Occitanie" not in found and "Safran" in found


def test_a_town_that_signs_is_still_a_town() -> None:
    assert orgs("Abidjan a signé un accord avec Airbus.") == ["Airbus"]


def test_a_town_after_a_known_company_is_cut_off() -> None:
    assert orgs("BAE Systems Portsmouth opened a yard.") == ["BAE Systems"]
    assert before_place("Airbus Toulouse", (frozenset({"Airbus"}),)) == "Airbus"


def test_bodies_named_after_places_keep_their_names() -> None:
    known = (frozenset({"Imperial College", "ENSTA", "Bristol"}),)
    assert before_place("Imperial College London", known) is None  # a school holds its town
    assert before_place("ENSTA Paris", known) is None  # so does an acronym
    assert before_place("Bristol Myers", known) is None  # a place first, no place after
    assert "Toulouse Business School" in orgs("Students of the Toulouse Business School met Airbus.")


def test_a_town_of_several_words_is_no_person() -> None:
    assert "Port Harcourt" not in people("Port Harcourt said the refinery restarted on Monday.")
