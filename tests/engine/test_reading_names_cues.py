"""Name rules of issue 12, round 6 (names_cues: bodies only their context shows), each tested on
sentences written for these tests with invented bodies and people (none comes from the radar bench or
its tuning sets)."""

from __future__ import annotations

from lodestar.engine.reading.names_cues import cued_bodies
from tests.engine.names_helpers import orgs


def test_a_list_after_a_plural_noun_of_bodies_and_a_cue_names_bodies() -> None:
    text = "Popular lenders include Zorvell, Quintaro and Brightmoss."
    assert {"Zorvell", "Quintaro", "Brightmoss"} <= set(orgs(text))
    text = "Les pépites comme Lumivert, Ondalys ou Caprenne multiplient les levées de fonds."
    assert {"Lumivert", "Ondalys", "Caprenne"} <= set(orgs(text))
    # A plural noun of people is no cue.
    assert orgs("Famous writers such as Velmor, Quintaro and Brightmoss met there.") == []


def test_a_list_keeps_people_and_splits_a_possessive() -> None:
    found = [
        n for n, _ in cued_bodies("Investors including Zorvell Capital, Marla Fenwick and Ondalys joined.")
    ]
    assert "Zorvell Capital" in found and "Ondalys" in found
    assert "Marla Fenwick" not in found  # two capitalised words with no body word may be a person
    found = [n for n, _ in cued_bodies("backed by funds like Zorvell’s Growth Fund and Quintaro.")]
    assert found[:2] == ["Zorvell", "Growth Fund"]


def test_governments_named_as_bodies() -> None:
    assert "Government of Tarvania" in orgs("The Government of Tarvania has awarded a contract.")
    assert "Norland State government" in orgs("It is owned by the Norland State government since 2015.")
    assert "gouvernement du Valmont" in orgs("Le gouvernement du Valmont soutient le projet.")
    # The nation's government is the nation's: no body.
    assert orgs("The government of France said nothing. The French government agreed.") == []


def test_a_legislature_and_a_town_hall_named_alone() -> None:
    assert "Parliament" in orgs("The former head told Parliament in 2011 that costs rose.")
    assert "Parlement" in orgs("Le Conseil d’administration a transmis au Parlement un projet.")
    assert "Parliament" not in orgs("He is the Member of Parliament for Eastvale.")
    assert "mairie de Vernille" in orgs("La mairie de Vernille a été visée en mars.")


def test_news_outlets_named_as_sources() -> None:
    assert "Quillon TV" in orgs("“We are not for sale,” the founder told Quillon TV Tuesday.")
    assert "Courrier" in orgs("Dans une interview au Courrier, le ministre détaille son plan.")
    assert "La Gazette" in orgs("Le chef de l'armée, interrogé lundi par La Gazette, a confirmé.")
    assert "Morgenblick am Sonntag" in orgs(
        "Le montant atteint 40 millions, rapporte la 'Morgenblick am Sonntag'."
    )
    assert "Eastvale Sun" in orgs("Staff at the Eastvale Sun will be offered buyouts.")
    assert "Marlow Times" in orgs("The report followed claims in the Marlow Times last week.")


def test_credits_and_wire_tags() -> None:
    assert "Picterra Images" in orgs("The missile flew at speed.\nPhoto: Picterra Images\nThe test failed.")
    assert "QUILLON" in orgs("The hub opened on Monday. QUILLON PHOTO\nDemand rose.")
    assert "ats" in orgs("Les résultats sont conformes aux attentes du marché.\n\nats\n")


def test_a_company_named_by_its_part() -> None:
    assert "Velmora" in orgs("Suppression d'emplois chez Velmora: l'annonce tombe mal.")
    assert "Quintaro" in orgs("The sector grew after the acquisition by Quintaro of a rival.")
    assert "Brightmoss" in orgs("Brightmoss’s valuation doubled in a year.")
    assert "Ondalys" in orgs("Née à Nantes, Ondalys lève 2 millions d’euros.")
    # Governments and provinces invest too: "invests" is no cue.
    assert orgs("Norland invests in manufacturers.") == []


def test_parties_in_capitals_after_a_word_of_politics() -> None:
    found = orgs("Le gouvernement XR-vdQ a présenté son budget. Le député fédéral B-KL a protesté.")
    assert {"XR", "vdQ", "B-KL"} <= set(found)
    assert orgs("Le gouvernement a présenté son budget.") == []


def test_a_french_body_with_a_capital_head_and_federal_or_national() -> None:
    assert "Contrôle fédéral des comptes" in orgs(
        "Même le Contrôle fédéral des comptes avait averti l'armée."
    )
    assert "Conseil national" in orgs("Le postulat du Conseil national a été rejeté.")
    # A minister's title and a park are no bodies.
    assert orgs("Il était ministre de l'Education nationale en 2014.") == []
    assert orgs("Ils marchent dans le Parc national des Cévennes.") == []


def test_a_newspaper_dateline_on_its_own_line() -> None:
    text = "Une usine à Vernille\n\nLe Courrier 25 septembre 2008\n\nL'entreprise investit."
    assert "Le Courrier" in orgs(text)
    assert "The Eastvale Sun" in orgs("Mills close\nThe Eastvale Sun March 4, 2007\nThe mill closed.")


def test_an_apposition_by_a_noun_of_bodies() -> None:
    assert "Paygrid" in orgs("Funding went to Paygrid, a Nigerian fintech, last year.")
    assert "Vaudinno" in orgs(
        "Le montant est stable, indique Vaudinno, l’agence pour la promotion de l’innovation."
    )
    # "the agency’s director" is a person's role.
    assert "Marla Fenwick" not in orgs("We met Marla Fenwick, the agency’s director, on site.")


def test_the_subject_of_a_company_s_verb_and_a_broadcaster() -> None:
    assert "Skylane" in orgs("The network grows. Skylane currently operates drones from two hubs.")
    assert "Velmora" in orgs("Fondée en 1990, l’usine tourne. Velmora emploie 300 personnes.")
    assert "Channel Six TV" in orgs("Speaking on Channel Six TV, the minister denied the claims.")


def test_a_government_named_after_a_body_is_that_body() -> None:
    found = orgs("Le gouvernement de la Fédération Valmont-Nord a présenté son budget.")
    assert "Fédération Valmont-Nord" in found
    assert "gouvernement de la Fédération Valmont-Nord" not in found


def test_a_body_that_lists_its_fields_with_commas_is_one_name() -> None:
    text = (
        "Officials of the Norvalian Ministry of Economy, Trade and Industry and the Procurement, Testing and "
        "Logistics Agency met in Kestral. The Directorate of Defense, Research & Development (DDRD) said so."
    )
    found = orgs(text)
    assert "Ministry of Economy, Trade and Industry" in found
    assert "Procurement, Testing and Logistics Agency" in found
    assert "Directorate of Defense, Research & Development" in found
    assert "Economy" not in found and "Trade and Industry" not in found


def test_a_list_of_bodies_after_a_ministry_stays_several_bodies() -> None:
    text = "The deal joins the Ministry of Defence, Airbus and Thales; France, Germany and Italy Council met."
    found = orgs(text)
    assert "Ministry of Defence, Airbus and Thales" not in found
    assert not any(name.startswith("France, Germany") for name in found)


def test_shows_and_gatherings_are_no_bodies() -> None:
    text = "The start-up Zorvell flew at the Kestral Defense Technology Exhibition and the Assises Dronalia."
    found = orgs(text)
    assert "Zorvell" in found
    assert not any("Exhibition" in name or "Assises" in name for name in found)
