"""One address scheme for a call's stages: /staff/calls/<slug>/<stage>/..., where <stage> is the
stage's key in the registry. Every older address lands on its page's new home in one permanent
redirect, query string kept.

Dora is the programme director: she follows old links (the confirmation and override pages are
hers). Charlie applied: an old address by object id tells him nothing, not even which call the
object belongs to.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from lodestar.programmes.stages import all_stages
from lodestar.selection.models import Selection, SelectionEntry
from tests.conftest import complete_draft


@pytest.fixture
def objects(call, energy, alice, aurora, dora):
    application = complete_draft(alice, aurora, energy)
    selection = Selection.objects.create(call=call, rules={}, created_by=dora)
    entry = SelectionEntry.objects.create(
        selection=selection, application=application, merit=1.0, rank=1, chosen=True
    )
    return {"application": application.pk, "selection": selection.pk, "entry": entry.pk}


def moves(slug: str, o: dict[str, int]) -> list[tuple[str, str]]:
    """(old address, new address), both after the language prefix."""
    new = f"/staff/calls/{slug}"
    return [
        (f"/staff/calls/{slug}/applications/", f"{new}/screening/"),
        (f"/staff/calls/{slug}/applications.csv", f"{new}/screening/applications.csv"),
        (f"/staff/calls/{slug}/progress/", f"{new}/reviewing/"),
        (f"/staff/calls/{slug}/rubric/", f"{new}/reviewing/rubric/"),
        (
            f"/staff/applications/{o['application']}/reviews/",
            f"{new}/reviewing/applications/{o['application']}/",
        ),
        (f"/staff/selections/{o['selection']}/", f"{new}/selection/runs/{o['selection']}/"),
        (f"/staff/selections/{o['selection']}/confirm/", f"{new}/selection/runs/{o['selection']}/confirm/"),
        (
            f"/staff/selections/entries/{o['entry']}/override/",
            f"{new}/selection/entries/{o['entry']}/override/",
        ),
    ]


# Addresses under /review/staff/ (before the apps were split) that did not move again.
UNCHANGED_SINCE_REVIEW_STAFF = ["assignment/", "assignment/setup/", "conflicts/", "ranking/", "selection/"]


def test_every_stage_lives_under_its_key(call):
    for stage in all_stages():
        assert stage.url(call) == f"/en/staff/calls/{call.slug}/{stage.key}/"


def call_routes(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from call_routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name


def test_every_page_of_a_call_is_under_one_of_its_stages():
    """The dashboard aside, a staff page of a call is a stage's page, or an old address of one."""
    keys = {stage.key for stage in all_stages()}
    marker = "staff/calls/<slug:slug>/"
    for route, name in call_routes(get_resolver().url_patterns):
        if marker not in route or (name or "").startswith("old_"):
            continue
        rest = route.split(marker, 1)[1]
        if rest == "":
            assert name == "dashboard"
            continue
        assert rest.split("/")[0].split(".")[0] in keys, route


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_old_address_lands_on_the_new_page_in_one_hop(client, call, objects, dora, language):
    client.force_login(dora)
    for old, new in moves(call.slug, objects):
        response = client.get(f"/{language}{old}?page=2&q=radar")
        assert response.status_code == 301, old
        assert response["Location"] == f"/{language}{new}?page=2&q=radar", old
        landed = client.get(response["Location"])
        assert landed.status_code == 200, (old, new)


def test_addresses_under_review_staff_land_on_the_final_page_in_one_hop(client, call, objects, dora):
    client.force_login(dora)
    for old, new in moves(call.slug, objects):
        response = client.get(f"/en/review{old}?q=x")
        assert response.status_code == 301, old
        assert response["Location"] == f"/en{new}?q=x", old
    for rest in UNCHANGED_SINCE_REVIEW_STAFF:
        response = client.get(f"/fr/review/staff/calls/{call.slug}/{rest}")
        assert response.status_code == 301
        assert response["Location"] == f"/fr/staff/calls/{call.slug}/{rest}"
        assert client.get(response["Location"]).status_code == 200, rest


def test_an_old_address_by_id_tells_an_outsider_nothing(client, call, objects, charlie):
    client.force_login(charlie)
    for old, _new in moves(call.slug, objects):
        if "/calls/" not in old:
            response = client.get(f"/en{old}")
            assert response.status_code == 403, old
            assert call.slug not in response.content.decode()
            assert client.get(f"/en/review{old}").status_code == 403, old


def test_an_old_address_of_a_missing_object_is_not_found(client, dora):
    client.force_login(dora)
    for old in ("/en/staff/selections/999999/", "/en/staff/applications/999999/reviews/"):
        assert client.get(old).status_code == 404


def test_a_page_of_one_call_does_not_open_another_calls_objects(client, call, objects, dora):
    from lodestar.programmes.models import Call

    other = Call.objects.create(
        programme=call.programme,
        slug="other-call",
        title_en="Other",
        title_fr="Autre",
        opens_at=call.opens_at,
        closes_at=call.closes_at,
    )
    client.force_login(dora)
    for _old, new in moves(call.slug, objects):
        if "/runs/" in new or "/entries/" in new or "/reviewing/applications/" in new:
            wrong = new.replace(f"/calls/{call.slug}/", f"/calls/{other.slug}/")
            assert client.get(f"/en{wrong}").status_code == 404, wrong
