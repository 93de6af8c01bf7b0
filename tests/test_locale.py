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
