"""Public pages kept for visitors who are not signed in (core/pagecache.py).

A visitor (no one signed in) reads the calls' pages from the cache, with a CSRF token of their own;
Alice, signed in, always gets her own page rendered; a change to a call shows at once.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.middleware.csrf import CSRF_SECRET_LENGTH
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lodestar.core.models import EdtArea
from lodestar.core.pagecache import PLACEHOLDER, _unmask
from lodestar.programmes.queries import next_call_change
from tests.conftest import PASSWORD

CALL_PAGE = "/en/calls/call-2026/"


def _token(html: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    start = html.index(marker) + len(marker)
    return html[start : start + 2 * CSRF_SECRET_LENGTH]


def _get(client: Client, path: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_visitor_reads_the_kept_page_with_one_query(call):
    first, rendered = _get(Client(), CALL_PAGE)
    again, kept = _get(Client(), CALL_PAGE)
    assert rendered > 3
    assert kept == 1  # the cache's one read: the generation and the page together
    assert "2026 challenge call" in again
    assert again.replace(_token(again), "") == first.replace(_token(first), "")


def test_each_visitor_gets_a_token_of_their_own_that_the_forms_accept(call):
    Client().get(CALL_PAGE)  # keeps the page
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get(CALL_PAGE).content.decode()
    token = _token(html)
    assert PLACEHOLDER.decode() not in html
    assert f'"X-CSRFToken": "{token}"' in html  # htmx's header carries the same token
    assert _unmask(token) == visitor.cookies["csrftoken"].value
    other = Client()
    other.get(CALL_PAGE)
    assert other.cookies["csrftoken"].value != visitor.cookies["csrftoken"].value
    # The language switch of the kept page works with the visitor's token, and only with it.
    switch = {"language": "fr", "next": CALL_PAGE, "csrfmiddlewaretoken": token}
    assert visitor.post("/i18n/setlang/", switch).status_code == 302
    stranger = Client(enforce_csrf_checks=True)
    stranger.cookies["csrftoken"] = other.cookies["csrftoken"].value
    assert stranger.post("/i18n/setlang/", switch).status_code == 403


def test_a_signed_in_user_never_gets_a_kept_page_nor_leaves_one(call, alice):
    """Alice is signed in: her pages carry her name and sign-out form and are never kept."""
    Client().get(CALL_PAGE)  # a visitor keeps the page
    client = Client()
    assert client.login(email=alice.email, password=PASSWORD)
    html, queries = _get(client, CALL_PAGE)
    assert "Alice" in html and "Sign out" in html and queries > 1
    home, _queries = _get(client, "/en/")
    assert "Alice" in home
    # Nor does a page rendered for her reach the next visitor.
    for path in (CALL_PAGE, "/en/", "/en/calls/"):
        html, _queries = _get(Client(), path)
        assert "Alice" not in html and "Sign out" not in html and "Sign in" in html


def test_each_language_keeps_its_own_page(call):
    _get(Client(), CALL_PAGE)
    french, _queries = _get(Client(), "/fr/calls/call-2026/")
    english, kept = _get(Client(), CALL_PAGE)
    assert "Appel à défis 2026" in french and "2026 challenge call" not in french
    assert "2026 challenge call" in english and kept == 1
    assert 'lang="fr"' in french and 'lang="en"' in english


def test_a_change_to_a_call_or_its_challenges_shows_at_once(call, energy):
    for path in (CALL_PAGE, "/en/calls/", "/en/"):
        _get(Client(), path)
    call.title_en = "2026 challenge call, extended"
    call.save()
    for path in (CALL_PAGE, "/en/calls/", "/en/"):
        html, _queries = _get(Client(), path)
        assert "2026 challenge call, extended" in html
    area = EdtArea.objects.create(
        code="quantum-test", name_en="Quantum sensing", name_fr="Capteurs quantiques"
    )
    energy.areas.add(area)  # a many-to-many change
    assert "Quantum sensing" in _get(Client(), CALL_PAGE)[0]
    energy.delete()
    assert "Energy and power" not in _get(Client(), CALL_PAGE)[0]


def test_a_flash_message_is_shown_to_its_visitor_and_never_kept(call, alice):
    """Alice signs out: the home page tells her so; the next visitor's home page does not."""
    _get(Client(), "/en/")
    client = Client()
    assert client.login(email=alice.email, password=PASSWORD)
    response = client.post("/en/accounts/logout/", follow=True)
    assert response.status_code == 200
    assert "You have signed out." in response.content.decode()
    assert "You have signed out." not in _get(Client(), "/en/")[0]


def test_query_strings_and_unknown_calls_are_never_kept(call):
    for _ in range(2):
        response = Client().get(CALL_PAGE, {"utm": "x"})
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        Client().get(CALL_PAGE, {"utm": "x"})
    assert len(queries) > 1
    for _ in range(2):
        assert Client().get("/en/calls/no-such-call/").status_code == 404


@pytest.mark.parametrize("opens_in, closes_in, expected", [(-20, 10, 10), (3, 10, 3), (-20, -1, None)])
def test_a_page_is_kept_no_later_than_the_next_opening_or_closing(call, opens_in, closes_in, expected):
    now = timezone.now()
    call.opens_at, call.closes_at = now + timedelta(days=opens_in), now + timedelta(days=closes_in)
    call.save()
    change = next_call_change()
    if expected is None:
        assert change is None
    else:
        assert change is not None
        assert abs(change - (now + timedelta(days=expected))) < timedelta(seconds=1)


def test_the_cache_can_be_turned_off(call, settings):
    settings.PUBLIC_PAGE_SECONDS = 0
    _get(Client(), CALL_PAGE)
    _html, queries = _get(Client(), CALL_PAGE)
    assert queries > 1
