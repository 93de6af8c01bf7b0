"""Publication dates, round seven of issue 12: the forms that 60 real pages (radar-tune7-dates) showed
the reader missing or misreading, and the brief's list of forms, each on strings written for these tests
(none is copied from a bench page)."""

from __future__ import annotations

import datetime as dt

import pytest

from lodestar.engine.reading.dates import date_from_address, dates_in, publication_date

NOV_3 = dt.date(2020, 11, 3)


def test_a_day_a_month_name_and_a_year_joined_by_slashes_is_a_date() -> None:
    assert [value for value, _ in dates_in("Sport Tuesday 3/November/2020 09:15 AM")] == [NOV_3]
    assert [value for value, _ in dates_in("mardi 3/novembre/2020")] == [NOV_3]
    # one slash and one space is no such date
    assert dates_in("3/November 2020") == []


def test_a_section_line_with_a_weekday_a_slashed_date_and_a_time_is_the_date_line() -> None:
    text = "Port deal\nBusiness Tuesday 03/November/2020 11:40 AM\nBy: News Desk\nThe port said."
    assert publication_date(text)[0] == NOV_3


def test_a_clause_before_a_date_at_the_top_makes_it_an_event_date() -> None:
    text = "Accord signé\nUn accord a été conclu mardi 3 novembre 2020 entre la ville et la région."
    address = "https://news.example/actu,20201110093000,4.html"
    assert publication_date(text, address)[0] == dt.date(2020, 11, 10)
    text_en = "Deal signed\nThe agreement was signed Tuesday 3 November 2020 by both sides."
    assert publication_date(text_en) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Titre\nPar la rédaction, 3 novembre 2020\nLe texte.",
        "Titre\nRubrique : économie et finance | 3 novembre 2020\nLe texte.",
        "Title\nBusiness | 3 Nov 2020\nThe text.",
        "Title\nJane Doe | 3 Nov 2020\nThe text.",
    ],
)
def test_a_byline_or_a_section_label_before_a_separator_still_makes_a_date_line(text: str) -> None:
    assert publication_date(text)[0] == NOV_3


@pytest.mark.parametrize(
    "text",
    [
        "Titre\nPublié le 03/11/2020 à 10h05\nLe texte.",
        "Titre\nPar Jeanne Petit, publié le 03/11/2020\nLe texte.",
        "Titre\nMis à jour le 03/11/2020 à 18h40\nLe texte.",
        "Title\nLast updated 03.11.2020\nThe text.",
        "Title\nPosted by Jane Doe on November 3, 2020\nThe text.",
        "Title\n03.11.2020\nThe text.",
        "Titre\nPARIS, 3 novembre 2020 (AFP) - Le gouvernement a annoncé un plan.",
        "Title\nNovember 3, 2020\nWASHINGTON (Reuters) - The Navy said on Monday it had signed.",
        "Titre\nPublié le 3 novembre 2020\nMis à jour le 4 novembre 2020\nLe texte.",
    ],
)
def test_the_briefs_forms_with_a_cue_or_a_dateline(text: str) -> None:
    assert publication_date(text)[0] == NOV_3


def test_relative_times_and_wire_tags_without_a_date_give_no_date() -> None:
    text = "Titre\nPublié il y a 3 heures\nLe ministre a signé le 2 novembre 2020 un accord."
    assert publication_date(text) == (None, None)
    wire = "Title\nWASHINGTON (Reuters) - The Navy said on 2 November 2020 it had signed a contract."
    assert publication_date(wire) == (None, None)


@pytest.mark.parametrize(
    "address",
    [
        # a long numeric id: the date, then a serial of four digits or more
        "https://news.example/stories/202011030484.html",
        # a year-and-month folder, then a day folder
        "https://news.example/arts/202011/03/01-4941321-port-deal.php",
        # day-first folders
        "https://news.example/03/11/2020/port-deal/",
        "https://news.example/a?date=2020-11-03",
        "https://news.example/2020/Nov/03/port-deal",
        "https://news.example/actu/port-deal-03112020",
    ],
)
def test_more_dates_in_page_addresses(address: str) -> None:
    found = date_from_address(address)
    assert found is not None and found[0] == NOV_3


@pytest.mark.parametrize(
    "address",
    [
        "https://news.example/india-news/port-deal-120110300172_1.html",  # begins 1201: no year
        "https://news.example/cities/port-deal-101604404800123.html",
        "https://news.example/2020-11/port-deal",
        "https://news.example/2020/11/port-deal",
        "https://news.example/stories/20201340.html",  # no month 13
    ],
)
def test_numbers_in_addresses_that_are_no_full_date(address: str) -> None:
    assert date_from_address(address) is None
