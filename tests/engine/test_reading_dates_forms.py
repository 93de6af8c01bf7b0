"""Publication dates in the forms English and French news pages write them (issue 12, round two), each on
strings written for these tests (none comes from the radar bench)."""

from __future__ import annotations

import datetime as dt

import pytest

from lodestar.engine.reading.dates import date_from_address, publication_date

MARCH_5 = dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Titre\nPublié le 05/03/2024 à 10h30\nLe ministère a signé un contrat.",
        "Titre\nPar Jeanne Petit. Publié le 05.03.2024\nLe texte.",
        "Titre\nMis à jour le 05/03/2024\nLe texte.",
        "Titre\nMise à jour le 5 mars 2024 à 18h12\nLe texte.",
        "Titre\nActualisé le 05-03-2024\nLe texte.",
        "Titre\nPublié par Claire Martin le mardi 5 mars 2024\nLe texte.",
        "Titre\nMis à jour le 05/03/24\nLe texte.",
        "Title\nPublished 5 March 2024\nThe ministry signed a contract.",
        "Title\nUpdated 5:30 PM ET, Tue March 5, 2024\nThe text.",
        "Title\nPosted on 2024-03-05T10:00:00Z by the newsroom\nThe text.",
        "Title\nLast updated: 2024/03/05\nThe text.",
        "Title\nPublished 2024.03.05\nThe text.",
        "Title\nPublished on the 5th of March 2024 by the press office.\nThe text.",
    ],
)
def test_a_publication_date_after_its_cue_in_every_common_form(text: str) -> None:
    assert publication_date(text)[0] == MARCH_5


def test_a_numeric_date_is_day_first_unless_the_day_cannot_come_first() -> None:
    assert publication_date("Titre\nPublié le 04/03/2024\nTexte.")[0] == dt.date(2024, 3, 4)
    assert publication_date("Title\nPublished 03/25/2024\nText.")[0] == dt.date(2024, 3, 25)


def test_a_two_digit_year_needs_a_publication_cue() -> None:
    text = "Titre\n" + "Le texte parle longuement. " * 20 + "La note 12/03/24 est citée."
    assert publication_date(text) == (None, None)


def test_an_event_date_in_a_sentence_leaves_the_address_to_give_the_date() -> None:
    text = "Title\nThe firm was founded in 2019 and signed a deal on 12 January 2020 with the navy."
    assert publication_date(text, "https://news.example/2024/03/05/firm-deal")[0] == MARCH_5


@pytest.mark.parametrize(
    "address",
    [
        "https://news.example/2024/03/05/drones-baltic",
        "https://news.example/world/2024/mar/05/drones-baltic",
        "https://news.example/actu/drones-baltique-2024-03-05",
        "https://news.example/actu/20240305-drones-baltique",
        "https://news.example/actu/drones_2024_03_05.html",
        "https://news.example/actu/drones-baltique-05-03-2024",
    ],
)
def test_a_date_in_a_page_address(address: str) -> None:
    found = date_from_address(address)
    assert found is not None and found[0] == MARCH_5


def test_numbers_in_an_address_that_are_no_date_give_none() -> None:
    assert date_from_address("https://news.example/actu/12345678-drones") is None
    assert date_from_address("https://news.example/2024/03/drones") is None


def test_a_date_alone_on_its_line_near_the_top_is_the_date_line_even_after_a_long_caption() -> None:
    caption = "A drone flies over the test range during the trials, with engineers watching. " * 5
    text = f"A title\n{caption}\nBy Jane Doe\nTue 5 March 2024 | 10:30\nThe firm, founded on 2 January 2020."
    assert publication_date(text)[0] == MARCH_5
    texte = "Titre\n" + "Une légende de photo assez longue. " * 10 + "\nmardi 5 mars 2024 à 10h30\nLe texte."
    assert publication_date(texte)[0] == MARCH_5
