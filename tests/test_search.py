"""Staff search finds what staff look for: the reference every page shows, the words of a text in
either language, and its meaning across languages; in the global search box and in a call's list."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lodestar.applications import queries
from lodestar.applications.models import Application
from tests.conftest import make_organisation, make_user
from tests.test_matching import submit

pytestmark = pytest.mark.django_db

SEPSIS_EN = (
    "Early sepsis warning for field hospitals",
    "A wearable patch reads heart rate, temperature and lactate to warn medics of sepsis hours "
    "before shock, with no network needed in the field hospital. Trials with two medical units "
    "showed alerts four hours earlier than the usual checks, with few false alarms.",
)
SEPSIS_FR = (
    "Alerte précoce du sepsis pour les hôpitaux de campagne",
    "Un patch porté par le blessé mesure le rythme cardiaque, la température et le lactate pour "
    "prévenir les soignants d'un sepsis des heures avant le choc, sans réseau. Des essais avec deux "
    "unités médicales ont donné l'alerte quatre heures plus tôt que les contrôles habituels.",
)
STORAGE_FR = (
    "Stockage d'énergie pour les bases avancées",
    "Nos batteries stockent l'énergie solaire des micro-réseaux et alimentent les bases avancées "
    "pendant la nuit, sans bruit, en réduisant le ravitaillement en carburant des groupes "
    "électrogènes. Le stockage d'énergie reste sûr par grand froid et se recharge en quelques heures.",
)
OTHER = (
    "Passive radar that tracks small drones",
    "Our passive radar listens to broadcast transmitters to detect and track small drones and classify "
    "them with sensor fusion on an edge computer, in all weather, with no emission of its own. Acoustic "
    "sensors confirm each track.",
)


@pytest.fixture
def corpus(call, energy, sensing, alice, aurora, charlie, borealis):
    dave = make_user("dave@example.org", "applicant")
    dunmore = make_organisation(dave, "Dunmore Medical", nation="BE")
    return {
        "sepsis_en": submit(charlie, borealis, sensing, *SEPSIS_EN),
        "sepsis_fr": submit(alice, aurora, sensing, *SEPSIS_FR),
        "storage_fr": submit(dave, dunmore, energy, *STORAGE_FR),
        "radar": submit(charlie, borealis, energy, *OTHER),
    }


def test_a_reference_is_read_in_every_way_staff_type_it():
    for typed in ("A-00354", "a-354", "A354", "A 00354", "#354", "354", " A-00354 "):
        assert queries.reference_pk(typed) == 354, typed
    for typed in ("A-", "sepsis", "A-12x", "2026 radar"):
        assert queries.reference_pk(typed) is None, typed


def test_the_reference_opens_the_application_from_the_global_search(client, corpus, stella):
    client.force_login(stella)
    target = corpus["sepsis_fr"]
    response = client.get(reverse("matching:search"), {"q": target.reference})
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:application", args=[target.pk])


def test_the_calls_list_finds_an_application_by_its_reference(client, corpus, call, stella):
    client.force_login(stella)
    target = corpus["radar"]
    page = client.get(reverse("staff:applications", args=[call.slug]), {"q": target.reference})
    listed = list(page.context["page"].object_list)
    assert listed == [target]


def test_a_word_finds_the_applications_that_hold_it_in_both_languages(client, corpus, call, stella):
    client.force_login(stella)
    response = client.get(reverse("matching:search"), {"q": "sepsis"})
    found = {hit["object"] for hit in response.context["applications"]}
    assert {corpus["sepsis_en"], corpus["sepsis_fr"]} <= found
    assert corpus["radar"] not in found
    page = client.get(reverse("staff:applications", args=[call.slug]), {"q": "sepsis"})
    assert set(page.context["page"].object_list) == {corpus["sepsis_en"], corpus["sepsis_fr"]}


def test_an_english_search_finds_a_french_text_by_meaning_and_says_so(client, corpus, stella):
    client.force_login(stella)
    response = client.get(reverse("matching:search"), {"q": "energy storage batteries for forward bases"})
    hits = {hit["object"]: hit for hit in response.context["applications"]}
    assert corpus["storage_fr"] in hits
    assert hits[corpus["storage_fr"]]["how"] == "meaning" and hits[corpus["storage_fr"]]["terms"]
    assert "Close in meaning, across languages" in response.content.decode()


def test_another_programmes_staff_find_nothing_of_this_call(client, corpus, olga):
    client.force_login(olga)
    response = client.get(reverse("matching:search"), {"q": "sepsis"})
    assert response.context["applications"] == []
    response = client.get(reverse("matching:search"), {"q": corpus["sepsis_fr"].reference})
    assert response.status_code == 200 and response.context["applications"] == []


def test_hostile_queries_get_an_answer_not_an_error(client, corpus, call, stella):
    client.force_login(stella)
    for q in ("A-99999999999999999999", "%", "_", "'; DROP TABLE", "é" * 500, "A-0"):
        assert client.get(reverse("matching:search"), {"q": q}).status_code in (200, 302)
        assert client.get(reverse("staff:applications", args=[call.slug]), {"q": q}).status_code == 200
    assert Application.objects.count() == 4
