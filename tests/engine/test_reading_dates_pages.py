"""Publication dates (issue 12, round six): the forms met on a fresh set of 50 real pages (radar-tune6-dates),
each rewritten here as an invented string, and the event dates those pages carry that must stay out."""

from __future__ import annotations

import datetime as dt

import pytest

from lodestar.engine.reading.dates import date_from_address, publication_date

NOV_3 = dt.date(2020, 11, 3)
NEXT_DAY = "https://news.example/blog/2020/11/04/the-new-building"


@pytest.mark.parametrize(
    "text",
    [
        "A title\n\nBy JANE DOE November 3rd, 2020 1 min read\n\nThe county website is poor.",
        "A title\nPublished On:November 3 2020\nBangalore: The firm builds a plant.",
        "A title\n\nNOVEMBER 3, 2020 — The Navy has awarded contracts for ten ships.",
        "A title\n\nA standfirst.\n\nTORONTO, ON, Nov. 3, 2020 /CNW/ - The agency announced support.",
        "A title\n\nPublished: Tue 3 Nov 2020 10:52 AM\nThe minister welcomed the decision.",
        "A title\n\nTuesday, November 3, 2020\n\nEarlier this week, the paper laid off staff.",
        "A title\n\nTuesday, 3 November 2020\n\nWord is the staff will be offered buyouts.",
        "Un titre\n\nmardi 3 novembre 2020\n\nAu Sénégal, certains ministères sont en retard.",
        "Un titre\n- Frontalier France Suisse\n- 3 novembre 2020\n- 3 min de lecture\nLa crise laisse "
        "des traces.",
        "Un titre\n\nLe 3 novembre 2020 à 11h06\n\nModifié 3 novembre 2020 à 11h06\n\n"
        "EXCLUSIF. Le groupe parle.",
        "Un titre\n\nPublié le 3 novembre 2020\n\nLe succès d'une levée de fonds dépend du guichet.",
        "Un titre\n\nLe Courrier du Soir 3 novembre 2020\n\nJeanne Petit\nSherbrooke\n\n"
        "L'entreprise investit.",
    ],
)
def test_the_date_lines_of_real_pages_near_the_top(text: str) -> None:
    assert publication_date(text)[0] == NOV_3


@pytest.mark.parametrize(
    "text",
    [
        # a date that ends a sentence after "ce mardi" dates what was said that day
        "Un titre\nLa radio a déclaré ce mardi 3 novembre 2020, l'avancée des travaux.",
        "Un titre\n\nLégende.\n\nEn Suisse, la radio publique a déclaré ce mardi 3 novembre 2020, "
        "l'avancée des travaux.",
        "A title\nThe broadcaster said this Tuesday, November 3, 2020, that work was on time.",
        # a weekday date that opens a line and runs on as a sentence
        "Un titre\nPar : TAP\nmardi 3 novembre 2020 à Tunis, le ministre a reçu l'ambassadeur.",
        "A title\nTuesday, November 3, 2020, the ministry said the plant would open.",
    ],
)
def test_a_date_inside_a_sentence_at_the_top_leaves_the_address_to_give_the_date(text: str) -> None:
    assert publication_date(text) == (None, None)
    assert publication_date(text, NEXT_DAY)[0] == dt.date(2020, 11, 4)


def test_a_line_that_opens_with_ce_mardi_and_the_date_is_still_the_day_of_the_release() -> None:
    opening = "Un titre\nCe mardi 3 novembre 2020, l'Organisation a présenté ses drones."
    brackets = "Un titre\nLes responsables se sont réunis ce mardi (3 novembre 2020)."
    assert publication_date(opening)[0] == NOV_3
    assert publication_date(brackets)[0] == NOV_3


@pytest.mark.parametrize(
    "text",
    [
        "Un titre\nPour un ministère, le site devrait être à jour. À la date du 3 novembre 2020, "
        "c'est toujours l'ancien ministre qui y figure.",
        "Un titre\nLe journal a ouvert à Lille (3 novembre 2020), puis à Lyon (10 mai 2021).",
        "Un titre\nLe gouvernement soutient le projet.\n\nSource : MÉI, 03-11-2020\n\nUn autre projet suit.",
        "Un titre\nElles ont levé 409 millions.\nPublié aujourd'hui à 17h23\n\n"
        "YVERDON LE 3 NOVEMBRE 2020. Le parc technologique joue un rôle.",
        "Un titre\n\nModifié\n\nLes licenciements chez le groupe / 19h30 / 1 min. / le 3 novembre 2020\n"
        "Les entreprises ont multiplié les annonces.",
        "A title\nThe president has been commissioning projects since November 3, 2020, as part of efforts.",
        "A title\n(MENAFN- KNN India) Bengaluru, Nov 3 (KNN) The firm will set up its third plant.",
    ],
)
def test_event_dates_captions_quoted_sources_and_partial_dates_give_none(text: str) -> None:
    assert publication_date(text) == (None, None)


@pytest.mark.parametrize(
    "address",
    [
        "https://news.example/news/firm-acquires-insurer-031120/",
        "https://news.example/1107469536/Firm-To-Set-Up-New-Plant",
        "https://news.example/firm-new-plant-roorkee-2201629",
        "https://news.example/stories/PA2011/S00184/science-funding.htm",
        "https://news.example/rr-news-new-zealand-2020-11-researchers-share/",
        "https://news.example/enterprise-story/2020/11/toyota-third-plant",
        "https://news.example/revue/archives/20_11/2millions_nouv20-11-03.htm",
    ],
)
def test_page_ids_six_digit_numbers_and_year_month_folders_give_no_date(address: str) -> None:
    assert date_from_address(address) is None


@pytest.mark.parametrize(
    "address",
    [
        "https://news.example/articles/news/commissioning-not-a-magic-to-win-2020110318270312138",
        "https://news.example/burkina/2020/11/03/30978.html",
        "https://news.example/2020/11/03/133079/vers-un-changement-de-cap",
    ],
)
def test_the_address_forms_of_the_real_pages(address: str) -> None:
    found = date_from_address(address)
    assert found is not None and found[0] == NOV_3
