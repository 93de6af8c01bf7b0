"""Round six of the name rules (issue 12): where a name begins and ends in a chain of capitalised words
(names_bounds.py). Each rule is tested on sentences written for these tests, mostly with invented bodies."""

from __future__ import annotations

from lodestar.engine.reading.names_bounds import article, nation_tail, pieces
from tests.engine.names_helpers import orgs, people


def test_a_rank_word_opens_a_company_name_but_not_a_person() -> None:
    assert orgs("Analysts said General Dynamics Corp has won the contract.") == ["General Dynamics Corp"]
    assert "General Dynamics C4 Systems" in orgs("The work went to General Dynamics C4 Systems last year.")
    assert "General Quantics Corp." in orgs(
        "The deal was signed with Vexa Labs and General Quantics Corp., he said."
    )
    assert "Admiral Freightlines Inc" in orgs("Shares of Admiral Freightlines Inc rose on Monday.")
    found = people("The base was visited by General Marcus Whitfield on Monday.")
    assert found == ["Marcus Whitfield"]


def test_a_parent_known_name_before_a_proper_subsidiary_name_is_two_bodies() -> None:
    found = orgs("Two ships will be built by General Dynamics Bath Iron Works shipyard.")
    assert "General Dynamics" in found and "Bath Iron Works" in found


def test_a_head_of_two_fields_joined_by_and_is_one_body() -> None:
    text = "A grant from the U.S. Department of Health and Human Services paid for the study."
    assert orgs(text) == ["U.S. Department of Health and Human Services"]
    text = "She studied at the University of Norland College of Mass Media and Information Studies."
    assert orgs(text) == ["University of Norland College of Mass Media and Information Studies"]
    text = "The University of Orwell and Brackley College signed the deal."
    assert orgs(text) == ["University of Orwell", "Brackley College"]


def test_a_compass_word_then_a_first_name_is_a_place_not_a_person() -> None:
    found = orgs("She teaches at the University of South Carolina in Columbia.")
    assert found == ["University of South Carolina"]


def test_brand_shapes_or_a_shared_parent_word_around_and_are_two_bodies() -> None:
    assert orgs("It bought stakes in ZapChat and Instagram last year.") == ["ZapChat", "Instagram"]
    found = orgs("Outre les fonds Brannock-Hale et SkyFerry Ventures, Ventech suit.")
    assert "Brannock-Hale" in found and "SkyFerry Ventures" in found
    found = orgs("The plant belongs to Norvik Auto Parts Group and Norvik Engine Works, he said.")
    assert "Norvik Auto Parts Group" in found and "Norvik Engine Works" in found
    assert "Allies" not in orgs("The NATO and Allies statement was read out.")


def test_a_company_keeps_its_of_america_but_other_bodies_drop_a_nation() -> None:
    assert orgs("The order went to Telvane Systems of America on Monday.") == ["Telvane Systems of America"]
    assert nation_tail("Telvane Systems of America") is None
    m = nation_tail("Defence Science and Technology Group of Australia")
    assert m is not None and m.group(1) == "Australia"


def test_words_glued_by_a_missing_space_end_the_name() -> None:
    assert orgs("He wanted a deal for the Ministry of Defence.due to the war.") == ["Ministry of Defence"]
    assert orgs("It raised investment in defenceThe funding comes on top.") == []
    text = "Buy it on Shopvane.com today."
    assert pieces(text, "Shopvane.com", text.index("Shop")) == [("Shopvane.com", text.index("Shop"))]


def test_a_number_may_open_a_fund_name_but_not_a_year_or_a_sum() -> None:
    assert "360 Capital Partners" in orgs(
        "Les investisseurs 360 Capital Partners et Partech Ventures ont suivi."
    )
    text = "In 2019 Brightline Partners invested."
    assert pieces(text, "Brightline Partners", text.index("Bri")) == [
        ("Brightline Partners", text.index("Bri"))
    ]
    text = "It paid $360 Capital Partners fees."
    assert pieces(text, "Capital Partners", text.index("Cap"))[0][0] == "Capital Partners"


def test_a_capitalised_french_article_in_mid_sentence_belongs_to_the_name() -> None:
    assert orgs("Le 16 janvier, Les Ateliers de Marnay commençaient leur activité.") == [
        "Les Ateliers de Marnay"
    ]
    text = "la startup niçoise La Verderaie va pouvoir monter en puissance."
    assert article(text, "Verderaie", text.index("Verd")) == ("La Verderaie", text.index("La "))
    text = "La Verderaie va pouvoir monter en puissance."
    assert article(text, "Verderaie", text.index("Verd")) == ("Verderaie", text.index("Verd"))


def test_a_quebec_company_keeps_its_lower_case_suffix_and_dotted_initials_their_last_dot() -> None:
    text = "Ses fournisseurs: Industries R.M.V., Groupe Talbane, Normand ltée et Minerai Nord inc. au Québec."
    found = orgs(text)
    assert "Industries R.M.V." in found and "Normand ltée" in found and "Minerai Nord inc." in found


def test_a_body_named_again_with_its_legal_form_is_one_body() -> None:
    text = "Halvor Marine Systems won the deal. The statement of Halvor Marine Systems Corporation followed."
    assert orgs(text) == ["Halvor Marine Systems"]


def test_a_place_run_on_after_of_and_a_nation_is_cut_and_a_compass_region_kept() -> None:
    text = "The Duke opened the University of the East of Scotland Perth new wing."
    assert orgs(text) == ["University of the East of Scotland"]
    assert orgs("Team Falcon of Tulsa won the final.") == ["Team Falcon"]


def test_a_head_after_a_bracketed_acronym_that_opens_its_own_body_is_not_nested() -> None:
    text = "The U.S. Department of Labor and Workforce Services (DLWS) Office for Safe Work reported it."
    found = orgs(text)
    assert "U.S. Department of Labor and Workforce Services" in found and "Office for Safe Work" in found
    text = "The Army Vantage Development Command (AVDC) Armaments Center tested it."
    assert orgs(text) == ["Army Vantage Development Command (AVDC) Armaments Center"]


def test_a_byline_date_word_after_the_author_ends_the_name() -> None:
    assert people("Par Jeanne Dupuis Publié le 9 novembre 2021 à 10h") == ["Jeanne Dupuis"]


def test_a_word_and_an_acronym_after_it_are_two_names() -> None:
    assert orgs("The plant was built by Halloran and BWXQ last year.") == ["Halloran", "BWXQ"]
    assert orgs("NATO and Allies agreed on the text.") == ["NATO"]


def test_madam_is_an_honorific_before_a_surname_already_met() -> None:
    text = "The minister, Mavis Hawa Koomson has opened a new hall. Madam Koomson said it was her dream."
    assert people(text) == ["Mavis Hawa Koomson"]
