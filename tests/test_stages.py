"""A call's stages are declared once (lodestar/programmes/stages.py) and every page reads them: the
staff dashboard with each stage's state, the stage navigation on top of each stage page, the menus.

Stella is programme staff and Dora the director: both follow every stage. Alice applied and Erin
is an expert: neither sees a stage, and neither may open one.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lodestar.applications import actions as app_actions
from lodestar.programmes.stages import all_stages, get_stage, register_stage, stages_for
from lodestar.reviews.models import AssignmentRules, Conflict, ConflictRules, ReviewRules
from tests.conftest import complete_draft

pytest_plugins = ["tests.reviews_assignment_fixtures"]

PIPELINE = ["screening", "matching", "conflicts", "assignment", "reviewing", "ranking", "selection", "awards"]
PACKAGE = Path(__file__).resolve().parents[1] / "lodestar"


def test_the_stages_of_a_call_are_declared_once_in_pipeline_order():
    assert [stage.key for stage in all_stages()] == PIPELINE


def test_a_second_stage_under_a_taken_key_or_position_is_refused_at_start_up():
    screening = get_stage("screening")
    register_stage(screening)  # the same stage again (an app set up twice) is harmless
    with pytest.raises(ImproperlyConfigured, match="key 'screening'"):
        register_stage(replace(screening, url_name="staff:dashboard"))
    with pytest.raises(ImproperlyConfigured, match="position 10"):
        register_stage(replace(screening, key="intake"))
    assert [stage.key for stage in all_stages()] == PIPELINE


def test_the_registry_names_no_app_above_programmes():
    """The apps above fill the registry; programmes itself must not import them."""
    above = {"applications", "experts", "matching", "reviews", "selection", "demo", "api"}
    for path in (PACKAGE / "programmes/stages.py", PACKAGE / "programmes/templatetags/stages.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                assert not (parts[0] == "lodestar" and len(parts) > 1 and parts[1] in above), path


@pytest.mark.parametrize("person", ["stella", "dora", "alice", "erin"])
def test_whoever_sees_a_stage_may_open_it_and_nobody_else(client, call, person, request):
    user = request.getfixturevalue(person)
    client.force_login(user)
    shown = {stage.key for stage in stages_for(user, call)}
    opened = {stage.key for stage in all_stages() if client.get(stage.url(call)).status_code == 200}
    assert shown == opened
    assert shown == (set(PIPELINE) if person in ("stella", "dora") else set())


def test_every_stage_page_shows_the_stages_with_its_own_marked(client, call, stella):
    client.force_login(stella)
    for stage in all_stages():
        page = client.get(stage.url(call)).content.decode()
        assert page.count('aria-current="step"') == 1, stage.key
        current = page.split('aria-current="step"')[0].rsplit("<a href=", 1)[1]
        assert current.startswith(f'"{stage.url(call)}"'), stage.key
        for other in all_stages():
            assert other.url(call) in page


def test_a_fresh_call_shows_every_stage_waiting(client, call, stella):
    client.force_login(stella)
    page = client.get(reverse("staff:dashboard", args=[call.slug])).content.decode()
    for stage in all_stages():
        assert f'href="{stage.url(call)}"' in page
    assert "No application submitted yet" in page
    assert "✓" not in page


def test_screening_is_done_once_the_call_has_closed_and_nothing_waits(call, energy, alice, aurora, stella):
    screening = get_stage("screening")
    application = complete_draft(alice, aurora, energy)
    app_actions.check_submit(application, alice)
    assert screening.status(call).done is False
    assert screening.status(call).summary == "Screened: 0 of 1"
    app_actions.check_screen(application, stella, "eligible")
    assert screening.status(call).done is False  # still open: more may arrive
    call.closes_at = timezone.now() - timedelta(minutes=1)
    call.opens_at = call.closes_at - timedelta(days=30)
    call.save()
    assert screening.status(call).done is True
    assert screening.status(call).summary == "Screened: 1 of 1"


def test_the_dashboard_follows_a_call_in_review(client, call, published_field, stella):
    client.force_login(stella)
    page = client.get(reverse("staff:dashboard", args=[call.slug])).content.decode()
    assert "Screened: 6 of 6" in page
    assert "Published: 12 · eligible, waiting for experts: 0" in page
    assert "Reviews submitted: 0 of 12" in page
    assert "Not computed yet" in page


def test_the_dashboard_makes_as_many_queries_for_a_big_call_as_for_a_small_one(
    client, call, sensing, published_field, stella
):
    """Each stage counts in a fixed number of queries: no query per application, expert or stage row."""
    from tests.reviews_assignment_fixtures import RADAR, eligible_application  # a plugin: imported late

    client.force_login(stella)
    url = reverse("staff:dashboard", args=[call.slug])
    client.get(url)  # the session and the user's roles, read once per request anyway
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for i in range(4):
        extra = eligible_application(
            stella, f"late{i}@company.example", f"Late {i} AB", "SE", sensing, f"Radar {i}", RADAR[i % 3][1]
        )
        Conflict.objects.create(
            application=extra, expert=published_field.experts["eva"], kind="same_nation", evidence="x"
        )
    with CaptureQueriesContext(connection) as big:
        page = client.get(url).content.decode()
    assert "Published: 12 · eligible, waiting for experts: 4" in page
    assert len(big) == len(small), [q["sql"] for q in big.captured_queries]


def test_the_dashboard_query_count_is_pinned(
    client, call, published_field, stella, django_assert_num_queries
):
    """Session, user and roles (3), the call, its challenges and one grouped count for every chart
    (3), the eight stages (12): a change here is a new query on every dashboard, so it must be meant."""
    client.force_login(stella)
    with django_assert_num_queries(18):
        assert client.get(reverse("staff:dashboard", args=[call.slug])).status_code == 200


def test_the_call_list_and_the_home_page_offer_each_calls_stages(client, call, stella):
    client.force_login(stella)
    for url in (reverse("staff:calls"), reverse("home")):
        page = client.get(url).content.decode()
        for stage in all_stages():
            assert f'href="{stage.url(call)}"' in page, (url, stage.key)


def test_the_stages_read_in_french(client, call, stella):
    client.force_login(stella)
    page = client.get(f"/fr/staff/calls/{call.slug}/").content.decode()
    assert "Examen d’éligibilité" in page and "Appariement" in page and "Sélection" in page
    assert "Aucune candidature soumise pour l’instant" in page


def test_reading_the_dashboard_and_the_call_list_writes_nothing(client, call, stella):
    """Reading a call's state is a GET: no stage's rules or any other row are created on the way."""
    client.force_login(stella)
    client.get(reverse("staff:calls"))  # the first request may store the session
    for url in (reverse("staff:dashboard", args=[call.slug]), reverse("staff:calls"), reverse("home")):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        writes = [
            q["sql"]
            for q in queries
            if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))
        ]
        assert writes == [], url
    assert not (
        ConflictRules.objects.exists() or AssignmentRules.objects.exists() or ReviewRules.objects.exists()
    )
