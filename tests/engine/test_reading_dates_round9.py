"""Publication dates, round nine of issue 12: forms that 100 real pages labelled for their dates only
(radar-dates-a and -b) showed the reader missing, each on strings written for these tests (none is copied
from a bench page)."""

from __future__ import annotations

import datetime as dt

from lodestar.engine.reading.dates import date_from_address, publication_date


def test_posted_in_french_with_a_weekday_is_a_publication_cue() -> None:
    text = "Robots au régiment\n\nPosté le mardi 8 juin 2021\nLe régiment a reçu ses robots."
    assert publication_date(text)[0] == dt.date(2021, 6, 8)


def test_an_article_line_in_brackets_gives_the_date() -> None:
    text = "Quelle agence ?\n\n[Article du 21/05/2019]\n\nLa loi prévoit des dépenses nouvelles."
    assert publication_date(text)[0] == dt.date(2019, 5, 21)


def test_a_quoted_works_publication_is_no_page_date() -> None:
    text = (
        "Tendances\nL’agence constate dans son « Bilan de la menace », publié le 12 février 2024, une hausse."
    )
    assert publication_date(text)[0] is None
    address = "https://risques.example/2024/02/15/tendances"
    assert publication_date(text, source=address)[0] == dt.date(2024, 2, 15)
    # a page's own "publié le" still counts
    text = "Tendances\nPublié le 12 février 2024\nL’agence constate une hausse."
    assert publication_date(text)[0] == dt.date(2024, 2, 12)


def test_a_day_first_date_written_together_in_a_folder_or_with_its_time() -> None:
    found = date_from_address("https://cyber.example/news/18112020/exercise-begins")
    assert found is not None and found[0] == dt.date(2020, 11, 18)
    found = date_from_address("https://gov.example/articles/new+fund+opens+28012026142000?open")
    assert found is not None and found[0] == dt.date(2026, 1, 28)
    # eight digits that are no day, month and year give nothing
    assert date_from_address("https://shop.example/item/10201912/") is None


def test_a_space_before_the_comma_and_written_on_in_french() -> None:
    text = "Drones ordered\n14 March , 2024\nThe ministry has ordered drones."
    assert publication_date(text)[0] == dt.date(2024, 3, 14)
    text = "Un satellite\nRédigé le Mardi 9 Août 2016 à 10:45\nJeanne Petit\n\nL'agence a annoncé le tir."
    assert publication_date(text)[0] == dt.date(2016, 8, 9)


def test_a_bylines_name_and_le_and_a_reprints_paru_sur() -> None:
    text = (
        "La Bretagne\nJeanne Petit le 7 février 2014 à 11h43, dans la rubrique Carrière\nEn sera-t-il ainsi ?"
    )
    assert publication_date(text)[0] == dt.date(2014, 2, 7)
    text = "Des pépites\nArticle écrit par Anne Roy paru sur Les Echos le 2 Octobre 2019.\nIl faut agir."
    assert publication_date(text)[0] == dt.date(2019, 10, 2)
    # "Depuis le 1er janvier 2024" opens a sentence about an event
    assert publication_date("Un an\nDepuis le 1er janvier 2024, le commandement protège l'armée.")[0] is None


def test_a_weekday_cue_inside_a_sentence_dates_an_event() -> None:
    text = "Un satellite\nL'entreprise va lancer, ce mercredi 19 décembre 2018, depuis Kourou, le satellite."
    assert publication_date(text)[0] is None
    text = "Un titre\nLA HAYE, le 25 juin 2025, (WAM) — Les dirigeants ont approuvé une hausse."
    assert publication_date(text)[0] == dt.date(2025, 6, 25)
