"""Publication dates (issue 12, round five): datelines of wires and press releases, bylines further down,
cues at the foot of a page, event dates in sentences, and the address forms sites use. Every string is
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from lodestar.engine.reading.dates import date_from_address, publication_date

NOV_3 = dt.date(2020, 11, 3)
STANDFIRST_EN = "A long standfirst that sums up the story before it starts, in one more clause. " * 4
CHAPEAU_FR = "Un long chapeau qui résume l'article avant qu'il ne commence, avec une autre idée. " * 4


@pytest.mark.parametrize(
    "text",
    [
        "Titre\nPublié le 03/11/2020 à 10h05\nLe ministère a signé un contrat.",
        "Titre\nMis à jour le 03/11/2020\nLe texte.",
        "Titre\nPar Jeanne Petit, publié le 03/11/2020 à 10h05\nLe texte.",
        "Titre\nPublié le 03.11.2020\nLe texte.",
        "Title\nLast updated 3 November 2020\nThe text.",
        "Title\nPosted by Jane Doe on November 3, 2020\nThe text.",
        "Title\nBy Jane Doe | 3 Nov 2020\nThe text.",
        "Title\nNovember 3, 2020 10:30 AM\nWASHINGTON (Reuters) - The agency said the test had worked.",
        "Titre\nPARIS, 3 novembre 2020 (AFP) - Le ministère a signé un contrat.",
    ],
)
def test_the_forms_of_the_brief_near_the_top(text: str) -> None:
    assert publication_date(text)[0] == NOV_3


def test_a_byline_with_a_bar_is_read_below_a_long_standfirst() -> None:
    text = f"Title\n{STANDFIRST_EN}\nBy Jane Doe | 3 Nov 2020\nThe firm, founded on 2 January 2019, said."
    assert publication_date(text)[0] == NOV_3


def test_a_bar_after_words_that_are_no_byline_is_no_cue() -> None:
    text = f"Title\n{STANDFIRST_EN}\nWork to be completed by the navy | 3 Nov 2020 is the deadline."
    assert publication_date(text) == (None, None)


def test_published_at_with_a_time_is_read_at_the_foot_of_the_page() -> None:
    text = f"Title\n{STANDFIRST_EN * 3}\nAuthor: Jane Doe\nPublished at: 2020-11-03 17:36:16\n"
    assert publication_date(text)[0] == NOV_3


@pytest.mark.parametrize(
    "dateline",
    [
        "PARIS, 3 novembre 2020 (AFP) - Le ministère a signé un contrat.",
        "Paris, le 3 novembre 2020\nN°12\nLe ministère a signé un contrat.",
        "OTTAWA, ON, le 3 novembre 2020 /CNW/ - Le ministère a signé un contrat.",
        "Berne, 03.11.2020 - Le Conseil fédéral a adopté le message.",
        "Saint-Denis de La Réunion, le 3 novembre 2020\nLe préfet a signé l'arrêté.",
        "NEW DELHI, Nov. 3, 2020 (PTI) — The ministry signed a contract.",
    ],
)
def test_a_place_and_a_date_opening_a_line_below_a_long_header_is_the_dateline(dateline: str) -> None:
    assert publication_date(f"Titre\n{CHAPEAU_FR}\n{dateline}")[0] == NOV_3


@pytest.mark.parametrize(
    "sentence",
    [
        "Selon lui, le 3 novembre 2020 sera une date clé pour la flotte.",
        "En outre, le 3 novembre 2020 le ministre a signé le contrat.",
        "Paris, le 3 novembre 2020 et Berlin, le 5 novembre, ont accueilli la réunion.",
    ],
)
def test_a_place_or_a_word_and_a_date_inside_a_sentence_is_no_dateline(sentence: str) -> None:
    assert publication_date(f"Titre\n{CHAPEAU_FR}\n{sentence}") == (None, None)


def test_an_event_on_a_weekday_in_a_sentence_leaves_the_address_to_give_the_date() -> None:
    text = "Title\nThe country launched its first satellite on Friday, May 12, 2018, at 1:30 pm."
    assert publication_date(text, "https://news.example/2020/11/03/first-satellite/")[0] == NOV_3
    assert publication_date(text) == (None, None)


def test_the_lead_of_an_alliance_release_on_a_weekday_with_the_date_in_brackets_is_still_read() -> None:
    assert publication_date("Title\nOn Tuesday (3 November 2020), the Allies agreed.")[0] == NOV_3


def test_a_relative_date_gives_none_and_does_not_let_a_later_event_date_in() -> None:
    text = "Titre\nPublié il y a 3 heures\nLe ministre a signé le 5 mars 2019 un accord avec la marine."
    assert publication_date(text) == (None, None)
    text = "Title\nThis was published 5 years ago\nBy Jane Doe\nThe navy signed on 5 March 2019."
    assert publication_date(text, "https://news.example/politics/navy-deal-20201103-abc1de.html")[0] == NOV_3


def test_when_the_page_repeats_dates_the_first_publication_date_wins() -> None:
    text = "Title\n3 November 2020\nThe text. This story was updated on 5 November 2020."
    assert publication_date(text)[0] == NOV_3
    text = "Title\nThe firm was founded on 12 January 2019 in Lyon.\nPublished 3 November 2020\nText."
    assert publication_date(text)[0] == NOV_3


@pytest.mark.parametrize(
    "address",
    [
        "https://news.example/2020/11/03/story",
        "https://news.example/news/20201103-story",
        "https://news.example/actu/story-03112020",
        "https://news.example/actu/story_03112020.html",
        "https://news.example/world/202011031029536729-story/",
        "https://news.example/news/story?date=2020-11-03",
        "https://news.example/news/story?date=20201103",
        "https://news.example/politics/story-20201103-grcq9m.html",
    ],
)
def test_the_address_forms_of_the_brief(address: str) -> None:
    found = date_from_address(address)
    assert found is not None and found[0] == NOV_3


@pytest.mark.parametrize(
    "address",
    [
        "https://news.example/2020-11/story",
        "https://news.example/2020/11/5-things-to-know",
        "https://news.example/2020/11/3_lessons",
        "https://news.example/article/2001470981/kenya-satellite",
        "https://news.example/world/20201399123456-story/",
        "https://news.example/actu/2020-11/05/story",
    ],
)
def test_numbers_in_an_address_that_make_no_full_date_give_none(address: str) -> None:
    assert date_from_address(address) is None


@pytest.mark.parametrize(
    "byline",
    [
        "Par Jeanne Petit le 03/11/2020 à 10h05",
        "Rédigé par Jeanne Petit le 3 novembre 2020",
        "Par Jeanne Petit - 03/11/2020",
        "By Jane Doe • Nov 3, 2020",
        "By Jean de La Fontaine | 3 Nov 2020",
        "Issued on 3 November 2020",
        "Date de publication : 03/11/2020",
        "Updated: 03-Nov-2020",
    ],
)
def test_bylines_and_cues_below_a_long_header(byline: str) -> None:
    assert publication_date(f"Titre\n{CHAPEAU_FR}\n{byline}\nLe texte commence ici.")[0] == NOV_3


@pytest.mark.parametrize(
    "line",
    [
        "3 Nov 2020 · 4 min read",
        "Jane Doe | November 3, 2020",
        "3 novembre 2020 / Jeanne Petit",
        "Communiqué de presse – 3 novembre 2020",
        "Press release | 3 November 2020",
        "Tue, 03 Nov 2020 10:05:00 GMT",
        "Paris, le 3 novembre 2020 à 10h05",
        "Genève, 3 novembre 2020 (ats) – Le Conseil fédéral a décidé.",
    ],
)
def test_a_date_line_with_a_name_a_label_or_a_reading_time_below_a_long_header(line: str) -> None:
    assert publication_date(f"Title\n{STANDFIRST_EN}\n{line}\nThe story starts here.")[0] == NOV_3


@pytest.mark.parametrize(
    "sentence",
    [
        "The rules were updated on 3 November 2020 after a review.",
        "Le fichier a été mis à jour le 3 novembre 2020 pour la revue.",
        "The deal was signed by Lockheed Martin on 3 November 2020 in Texas.",
        "By 3 November 2020, the navy must deliver the ships.",
        "By Friday, 3 November 2020, the navy must deliver the ships.",
        "Le 3 novembre 2020, le ministre a signé un accord avec la marine.",
        "On 3 November 2020, the minister signed a deal with the navy.",
        "The decree issued on 3 November 2020 sets the rules.",
    ],
)
def test_cue_words_and_openings_inside_a_sentence_date_an_event(sentence: str) -> None:
    assert publication_date(f"Title\n{sentence}\nThe story goes on.") == (None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Les responsables se sont réunis ce jour (3 novembre 2020) pour faire le point.",
        "This article was first published on 3 November 2020.",
        "Cet article a été publié le 3 novembre 2020 dans notre édition papier.",
        "Jane Doe, published on 3 November 2020",
    ],
)
def test_words_that_name_the_page_or_the_day_of_the_release_date_it_inside_a_sentence(sentence: str) -> None:
    assert publication_date(f"Title\n{sentence}\nThe story goes on.")[0] == NOV_3


@pytest.mark.parametrize("line", ["Issued on 3 November 2020", "By Jane Doe | 3 Nov 2020 and more words"])
def test_a_cue_opening_its_line_counts_whatever_the_line_above_ends_with(line: str) -> None:
    header = STANDFIRST_EN.rstrip(". ") + " and no full stop"
    assert publication_date(f"The country deploys its first satellite\n{header}\n{line}\nText.")[0] == NOV_3
