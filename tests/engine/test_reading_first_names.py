"""Round eight, part b (issue 12): the first names of the world typed in ``first_names_world.txt``. A
known first name opening a chain of two or three capitalised words makes it a person's name. Sentences
written for these tests, with invented people and bodies."""

from __future__ import annotations

from lodestar.engine.reading.known_orgs import KNOWN
from lodestar.engine.reading.names_lexicon import NOT_NAMES, ORG_WORDS, WORLD_FIRST_NAMES
from lodestar.engine.reading.names_pieces import NATION_FORMS
from tests.engine.names_helpers import orgs, people


def test_the_list_is_loaded_and_holds_names_of_every_region() -> None:
    assert len(WORLD_FIRST_NAMES) > 2500
    for name in ("Rajnath", "Olumide", "Chukwuemeka", "Jinping", "Jae-myung", "Oleksandr", "Jean-Eudes"):
        assert name in WORLD_FIRST_NAMES


def test_no_known_body_starts_with_a_first_name_of_the_list() -> None:
    firsts = {o.split()[0].casefold() for o in KNOWN}
    assert not {n for n in WORLD_FIRST_NAMES if n.casefold() in firsts}
    assert not WORLD_FIRST_NAMES & (NOT_NAMES | ORG_WORDS | NATION_FORMS)


def test_a_first_name_of_the_world_opens_a_persons_name() -> None:
    text = (
        "Olumide Adewunmi, a partner at Corvane Capital, said the fund would back three start-ups. "
        "Nkechi Obiorah joined Tallow Systems as chief engineer in March."
    )
    found = people(text)
    assert "Olumide Adewunmi" in found and "Nkechi Obiorah" in found
    assert "Corvane Capital" in orgs(text)


def test_south_asian_and_korean_first_names_make_people() -> None:
    text = (
        "Defence minister Rajnath Varmaji met the engineers of Brivane Aerospace on Tuesday. "
        "The prototype was presented by Kyung-ho Baekson at the Corvane Labs stand."
    )
    found = people(text)
    assert "Rajnath Varmaji" in found and "Kyung-ho Baekson" in found


def test_a_french_compound_first_name_makes_a_person() -> None:
    text = (
        "Jean-Eudes Marvaux a présenté le drone au salon. "
        "Marie-Alix Tessandier et Pierre-Édouard Vanlerbergue ont fondé Brivane Robotique."
    )
    found = people(text)
    assert {"Jean-Eudes Marvaux", "Marie-Alix Tessandier", "Pierre-Édouard Vanlerbergue"} <= set(found)
    assert "Brivane Robotique" in orgs(text)


def test_a_first_name_of_the_list_inside_a_name_does_not_cut_it() -> None:
    text = "Mavrel Kunle Obasande told reporters that the contract had been signed."
    assert people(text) == ["Mavrel Kunle Obasande"]
