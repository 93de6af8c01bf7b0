"""An expert writes a review in French, then the director ranks the call and selects its cohort,
in a real browser, on a call taken up to its reviews by the simulation (the pages' own actions)."""

from __future__ import annotations

import re

import pytest

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.roles import Role
from lodestar.demo.simulation import Simulation, Stage
from lodestar.reviews.models import Assignment, Review
from lodestar.selection.models import Selection
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, base, email):
    page.goto(f"{base}/fr/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_an_expert_reviews_in_french_and_the_director_selects_the_cohort(page, live_server):
    base = live_server.url
    reviewer = make_user("helene@experts.example", Role.EXPERT, language="fr", name="Hélène Rousseau")
    staff = make_user("sam@lodestar.example", Role.PROGRAMME_STAFF, name="Sam Staff")
    director = make_user(
        "diane@lodestar.example", Role.PROGRAMME_DIRECTOR, language="fr", name="Diane Directrice"
    )
    report = Simulation(
        30, 14, seed=11, stage=Stage(staff=staff, director=director, reviewer=reviewer, stop_after="reviews")
    ).run()
    call = report.call
    waiting = Assignment.objects.filter(expert__user=reviewer, status=Assignment.Status.ACTIVE).order_by("pk")
    assert waiting.exists()

    # The expert signs in, finds the reviews left to write, and writes one in French.
    sign_in(page, base, reviewer.email)
    page.goto(f"{base}/fr/review/my/")
    assert "Mes évaluations" in page.content()
    first = waiting.first()
    page.goto(f"{base}/fr/review/my/{first.pk}/")
    for code in ("fit", "feasibility", "commercial", "team"):
        page.locator(f"input[name=score_{code}][value='4']").check()
        page.fill(f"textarea[name=comment_{code}]", "Proposition solide, à confirmer sur le terrain.")
    page.fill("textarea[name=overall]", "Une équipe crédible et un besoin réel des utilisateurs finaux.")
    page.select_option("select[name=recommendation]", "yes")
    page.locator("button[name=submit]").click()
    page.wait_for_load_state()
    review = Review.objects.get(assignment=first)
    assert review.status == Review.Status.SUBMITTED and review.scores == {
        "fit": 4,
        "feasibility": 4,
        "commercial": 4,
        "team": 4,
    }
    assert page.locator("html").get_attribute("lang") == "fr"

    # The director ranks the call and runs the selection, in French.
    page.context.clear_cookies()
    sign_in(page, base, director.email)
    page.goto(f"{base}/fr/staff/calls/{call.slug}/ranking/")
    page.locator(f"form[action$='/{call.slug}/ranking/recompute/'] button").click()
    page.wait_for_load_state()
    page.goto(f"{base}/fr/staff/calls/{call.slug}/selection/")
    page.locator(f"form[action$='/{call.slug}/selection/run/'] button").click()
    page.wait_for_load_state()
    selection = Selection.objects.filter(call=call).latest("created_at")
    assert selection.feasible
    page.goto(f"{base}/fr/staff/calls/{call.slug}/selection/")
    assert re.search(r"Sélection", page.content())
    page.locator(f"a[href$='/selection/runs/{selection.pk}/confirm/']").click()
    page.wait_for_load_state()
    # Reviews still open are closed by the confirmation, with the director's reason (issue 14).
    if page.locator("textarea[name=reason]").count():
        assert "encore en cours" in page.content()
        page.fill("textarea[name=reason]", "Le comité se réunit demain.")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    selection.refresh_from_db()
    assert selection.status == Selection.Status.CONFIRMED
    chosen = set(selection.entries.filter(chosen=True).values_list("application_id", flat=True))
    assert chosen == set(
        Application.objects.filter(challenge__call=call, status=wf.SELECTED).values_list("pk", flat=True)
    )
    assert not Application.objects.filter(challenge__call=call, status=wf.UNDER_REVIEW).exists()
