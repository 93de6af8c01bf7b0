"""Names, dates, numbers and money read as the reader expects in English and French."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from lodestar.core.nations import nation_choices, sort_key


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no <select name={name}>"
    return [
        label
        for value, label in re.findall(r'<option value="(\w*)"[^>]*>([^<]*)</option>', select.group(1))
        if value
    ]


def test_accents_and_case_do_not_change_the_order():
    assert sorted(["Turquie", "Émirats arabes unis", "Espagne", "estonie"], key=sort_key) == [
        "Émirats arabes unis",
        "Espagne",
        "estonie",
        "Turquie",
    ]


def test_nations_are_named_and_sorted_in_the_readers_language():
    with translation.override("fr"):
        names = [name for _, name in nation_choices()]
        assert "Turquie" in names and "Türkiye" not in names
        assert names.index("Allemagne") < names.index("Belgique") < names.index("Royaume-Uni")
    with translation.override("en"):
        names = [name for _, name in nation_choices()]
        assert names.index("Belgium") < names.index("Germany") < names.index("United Kingdom")


@pytest.mark.django_db
def test_the_organisation_form_lists_nations_in_french_order_on_french_pages(client, alice):
    client.force_login(alice)
    french = options(client.get("/fr/organisations/new/").content.decode(), "headquarters_nation")
    assert french == sorted(french, key=sort_key)
    assert french.index("Allemagne") < french.index("Belgique"), "Germany sorts as Allemagne in French"
    english = options(client.get("/en/organisations/new/").content.decode(), "headquarters_nation")
    assert english == sorted(english, key=sort_key) and english.index("Belgium") < english.index("Germany")


@pytest.mark.django_db
def test_time_zones_are_chosen_by_region_then_country_and_city_in_french(client, alice):
    client.force_login(alice)
    page = client.get("/fr/account/profile/").content.decode()
    select = re.search(r'<select name="time_zone"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert '<optgroup label="Europe">' in select and '<optgroup label="Amériques">' in select
    assert re.search(r'<option value="Europe/Brussels"[^>]*>Belgique — Bruxelles</option>', select)
    assert "America/Argentina/Buenos_Aires</option>" not in select, "no raw zone names"
    response = client.post(
        "/fr/account/profile/", {"full_name": "Alice Martin", "language": "fr", "time_zone": "Asia/Tokyo"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.time_zone == "Asia/Tokyo"


def test_money_is_written_as_each_language_writes_it():
    from lodestar.core.money import format_money

    assert format_money(100_000, language="en") == "€100,000"
    assert format_money(100_000, language="fr") == "100\u202f000\u00a0€"
    assert format_money("1234.5", "EUR", language="fr") == "1\u202f234,50\u00a0€"
    assert format_money(None) == "—"


@pytest.mark.django_db
def test_a_calls_page_states_its_grant_in_the_readers_format(client, call):
    french = client.get(f"/fr/calls/{call.slug}/").content.decode()
    english = client.get(f"/en/calls/{call.slug}/").content.decode()
    amount = format(int(call.max_grant), ",")
    assert f"€{amount}" in english and "EUR" not in english.split("<main")[1]
    assert amount.replace(",", "\u202f") + "\u00a0€" in french


def test_english_dates_are_day_first_and_unambiguous():
    from datetime import date

    from django.utils import formats

    day = date(2026, 11, 30)
    with translation.override("en"):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "30 Nov 2026"
        assert formats.date_format(day, "DATE_FORMAT") == "30 November 2026"
    with translation.override("fr"):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "30/11/2026"
        assert formats.date_format(day, "DATE_FORMAT") == "30 novembre 2026"


@pytest.mark.django_db
def test_who_can_apply_states_the_calls_conditions_not_its_refusal_messages(client, call):
    french = client.get(f"/fr/calls/{call.slug}/").content.decode()
    english = client.get(f"/en/calls/{call.slug}/").content.decode()
    for rule in call.rules.all():
        assert rule.message_en not in english and rule.message_fr not in french
    n = len(call.eligible_nations)
    assert f"Headquarters in one of the {n} eligible nations" in english
    assert f"Siège dans l’une des {n} nations éligibles" in french
    assert "Allemagne" in french and "Germany" in english
    assert "100\u202f000\u00a0€" in french.split("Qui peut déposer une candidature")[1]
