"""The product's own error pages, in the reader's language, instead of Django's bare or debug ones."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "title", "home"),
    [("en", "Page not found", "Go to the home page"), ("fr", "Page introuvable", "Aller à l'accueil")],
)
def test_an_unknown_address_gets_the_products_404_in_the_readers_language(client, prefix, title, home):
    response = client.get(f"/{prefix}/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert title in page and home in page
    assert f'lang="{prefix}"' in page


def test_a_forbidden_page_says_why_and_what_to_do_in_french(client, alice):
    client.force_login(alice)  # an applicant, not programme staff
    response = client.get("/fr/staff/calls/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Accès refusé" in page and "rôle" in page
    assert "403 Forbidden" not in page


def test_an_expired_form_explains_that_nothing_was_saved(alice):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/fr/organisations/new/", {"legal_name": "Sans jeton"})
    assert response.status_code == 403
    assert "rien n'a été enregistré" in response.content.decode()


def test_the_500_page_renders_on_its_own_in_french():
    request = RequestFactory().get("/fr/")
    with translation.override("fr"):
        response = server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert "Une erreur est survenue" in page and 'lang="fr"' in page
