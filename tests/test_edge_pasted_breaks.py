"""Pasted text is kept, not refused (issue 13, item 4, decided user-first): the vertical tab and the
form feed that word processors and PDF readers put in copied text (a manual line break, a page
break) become line breaks in what a page's form sends; every other control character is still
refused, and the API, read by programs, stays strict.

Alice (Aurora's founder) edits her draft; Stella is programme staff."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.test import RequestFactory

from lodestar.applications.models import Application
from lodestar.core.edge import EdgeValidationMiddleware, mend_pasted_breaks
from tests.test_races_applications import DESCRIPTION, draft_form


def test_a_draft_pasted_from_a_word_processor_is_saved_with_its_line_breaks(client, aurora_draft, alice):
    client.force_login(alice)
    form = draft_form("Hydrogen\x0bstorage")
    form["description"] = f"{DESCRIPTION}\x0cSecond page.\x0bNew line."
    response = client.post(f"/en/applications/{aurora_draft.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Application.objects.get(pk=aurora_draft.pk)
    assert saved.title == "Hydrogen\nstorage"
    assert saved.description.endswith("\nSecond page.\nNew line.")


def test_an_escape_sequence_is_still_refused(client, aurora_draft, alice):
    client.force_login(alice)
    response = client.post(f"/en/applications/{aurora_draft.pk}/edit/", draft_form("New\x1b[31m\x0btitle"))
    assert response.status_code == 400 and "control character" in response.content.decode()
    assert Application.objects.get(pk=aurora_draft.pk).title == aurora_draft.title


def test_a_search_pasted_with_a_page_break_is_answered(client, call, stella):
    client.force_login(stella)
    response = client.get(f"/en/staff/calls/{call.slug}/screening/", {"q": "energy\x0cstorage"})
    assert response.status_code == 200


def test_the_api_still_refuses_a_vertical_tab(client, stella):
    from lodestar.accounts.actions import do_create_api_token

    token = do_create_api_token(stella, "t")[1]
    body = {"centre": "x\x0by", "organisation": 1, "starts_on": "2026-01-05", "ends_on": "2026-01-06"}
    response = client.post(
        "/api/bookings",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400 and "control character" in response.json()["detail"]


def test_the_middleware_mends_keys_and_values_of_forms_and_query_strings(db):
    seen = {}

    def view(request):
        seen["post"], seen["get"] = request.POST.dict(), request.GET.dict()
        return HttpResponse("ok")

    request = RequestFactory().post("/en/somewhere/?q=a%0Bb&k%0C=v", {"note": "one\x0btwo\x0cthree"})
    assert EdgeValidationMiddleware(view)(request).status_code == 200
    assert seen["post"] == {"note": "one\ntwo\nthree"}
    assert seen["get"] == {"q": "a\nb", "k\n": "v"}
    assert not request.POST._mutable  # read-only, as Django hands it over


def test_a_form_without_pasted_breaks_is_handed_over_as_it_came():
    query = RequestFactory().post("/", {"note": "plain"}).POST
    assert mend_pasted_breaks(query) is query
