"""True states and reasons (issue 14, item 6): each empty or blocked state says the actual reason and
the next step; swap candidates come by fit with the conflict and load checks; the dashboard counts
every application found eligible; a near-the-line reason is checked against the model.

Stella is programme staff, Dora the director (tests/conftest.py); the experts and applications of
the assignment tests are those of tests/reviews_assignment_fixtures.py.
"""

from __future__ import annotations

import itertools
import math

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.engine.selection import Candidate, SelectionProblem, select
from lodestar.engine.selection_reasons import BLOCKING_FAMILY
from lodestar.reviews.actions.assignment import check_run_assignment
from lodestar.reviews.models import Conflict, Review
from lodestar.selection import actions as selection
from tests.engine.test_selection import meets, small_problems
from tests.reviews_selection_fixtures import build_cohort, review

pytest_plugins = ["tests.reviews_assignment_fixtures"]


# --- Near-the-line reasons, checked against the model (no database) -----------------------------


def _cohort(*rows, **rules):
    return SelectionProblem([Candidate(*row) for row in rows], **rules)


def test_a_proposal_is_left_out_for_the_budget_only_when_more_budget_would_take_it():
    """Budget full and nation share at its maximum: adding f2 as it is would break both, but only
    more budget would take it (with the share relaxed the budget still has no room). Before, it
    read "Left out: the budget is used up. Also, FR already has 2 of the 4..."."""
    rows = [("f0", 10, 100, "", "FR"), ("f1", 9, 100, "", "FR"), ("g0", 8, 100, "", "GB")]
    rows += [("g1", 7, 100, "", "GB"), ("f2", 6, 100, "", "FR"), ("g2", 5, 100, "", "GB")]
    result = select(_cohort(*rows, budget=400, max_nation_share=0.5, explain=2))
    assert set(result.chosen) == {"f0", "f1", "g0", "g1"}
    why = next(e for e in result.explanations if e.proposal == "f2")
    assert [r.code for r in why.reasons] == ["budget_full", "swap"]


def test_a_nation_share_that_binds_is_named_and_a_full_budget_that_does_not_is_not():
    """Budget has room for one more, the share of NO does not: n2 is out for the share alone."""
    rows = [(f"n{i}", 10 - i, 1, "", "NO") for i in range(3)] + [
        (f"f{i}", 5 - i, 1, "", "FR") for i in range(2)
    ]
    result = select(_cohort(*rows, budget=5, max_nation_share=0.5, explain=1))
    why = next(e for e in result.explanations if e.proposal == "n2")
    assert why.reasons[0].code == "nation_share"
    assert "budget_full" not in {r.code for r in why.reasons}


def _relaxed(rules, family):
    relaxed = dict(rules)
    if family == "budget":
        relaxed["budget"] = None
    elif family == "count":
        relaxed["max_selected"] = None
    elif family == "challenge_max":
        relaxed["challenge_max"] = {"B": math.inf}
    elif family == "nation_share":
        relaxed["max_nation_share"] = None
    return relaxed


def _optima(rows, rules):
    """Every optimal cohort, by brute force over every subset."""
    ids = [r[0] for r in rows]
    best, found = None, []
    for size in range(len(ids) + 1):
        for subset in itertools.combinations(ids, size):
            if meets(rows, rules, set(subset)):
                value = sum(r[1] for r in rows if r[0] in subset)
                if best is None or value > best + 1e-9:
                    best, found = value, [set(subset)]
                elif abs(value - best) <= 1e-9:
                    found.append(set(subset))
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_every_named_rule_was_the_binding_one(problem):
    """Re-solved by brute force with the named rule relaxed, an optimal cohort takes the proposal:
    the rule named as keeping it out is one that does."""
    rows, rules = problem
    result = select(_cohort(*rows, **rules))
    if not result.feasible:
        return
    for why in result.explanations:
        if why.selected:
            continue
        for reason in why.reasons:
            if reason.code in BLOCKING_FAMILY:
                optima = _optima(rows, _relaxed(rules, BLOCKING_FAMILY[reason.code]))
                assert any(why.proposal in cohort for cohort in optima), (why.proposal, reason.code)


# --- Pages: the actual reason and the next step -------------------------------------------------


def test_the_ranking_page_with_submitted_reviews_says_to_compute_it(
    client, call, energy, sensing, alice, aurora, charlie, borealis, stella
):
    cohort = build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)
    from lodestar.reviews.models import RankingEntry

    RankingEntry.objects.filter(call=call).delete()  # reviews came in; the ranking was never computed
    review(cohort.apps["a1"], "Sam Submitted", "Strong.", {"fit": "Good"})
    client.force_login(stella)
    page = client.get(reverse("reviews:ranking", args=[call.slug])).content.decode()
    assert "it needs submitted reviews" not in page
    assert "1 review is submitted, but the ranking has not been computed since" in page


def test_the_ranking_page_without_any_review_points_to_the_progress(client, call, stella):
    client.force_login(stella)
    page = client.get(reverse("reviews:ranking", args=[call.slug])).content.decode()
    assert (
        "No review has been submitted yet" in page and reverse("reviews:progress", args=[call.slug]) in page
    )


def test_running_the_assignment_of_a_fully_assigned_call_says_so(client, published_field, call, stella):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        check_run_assignment(call, stella)
    text = " ".join(refused.value.messages)
    assert "screen" not in text.lower()
    assert "Every eligible application already has its experts (6 in review or decided)" in text


def test_running_the_assignment_before_screening_says_how_many_wait(
    client, call, alice, aurora_draft, stella
):
    from django.core.exceptions import ValidationError

    from lodestar.applications.actions import check_submit

    check_submit(aurora_draft, alice)
    with pytest.raises(ValidationError, match="1 submitted application still needs screening"):
        check_run_assignment(call, stella)


def test_running_the_assignment_on_an_open_call_warns(client, review_field, call, stella):
    assert call.is_open()
    client.force_login(stella)
    page = client.post(reverse("reviews:run", args=[call.slug]), follow=True).content.decode()
    assert "The call is still open until" in page


def test_published_assignments_explain_why_there_are_no_controls(client, published_field, call, stella):
    client.force_login(stella)
    overview = client.get(reverse("reviews:overview", args=[call.slug])).content.decode()
    assert "Add or swap experts" not in overview and "Experts and history" in overview
    application = published_field.applications[0]
    page = client.get(reverse("reviews:application", args=[call.slug, application.pk])).content.decode()
    assert 'id="why-no-controls"' in page and "published and complete" in page


def test_candidates_come_by_fit_with_conflicts_and_full_loads_left_out_and_counted(
    client, review_field, call, stella
):
    application = review_field.energy[0]  # sodium-ion batteries for microgrids
    Conflict.objects.create(
        application=application,
        expert=review_field.experts["hugo"],
        kind=Conflict.Kind.PAST_EMPLOYMENT,
        evidence="Worked there.",
        state=Conflict.State.CONFIRMED,
    )
    client.force_login(stella)
    response = client.get(reverse("reviews:application", args=[call.slug, application.pk]))
    candidates = response.context["candidates"]
    names = [c["expert"].full_name for c in candidates]
    assert "Hugo Hydrogen" not in names
    assert names[0] == "Eva Energy"  # the battery expert, not the first by name (Bianca)
    assert names != sorted(names)
    fits = [c["fit"] for c in candidates]
    assert fits == sorted(fits, reverse=True)
    assert "1 expert left out for a conflict of interest." in response.content.decode()


def test_the_dashboard_counts_applications_found_eligible_once_in_review(
    client, published_field, call, stella
):
    client.force_login(stella)
    response = client.get(reverse("staff:dashboard", args=[call.slug]))
    rows = {row["challenge"].slug: row["eligible"] for row in response.context["challenge_rows"]}
    assert rows == {"energy": 3, "sensing": 3}
    assert not Application.objects.filter(status=wf.ELIGIBLE).exists()


def test_an_override_is_said_once(client, call, energy, sensing, alice, aurora, charlie, borealis, dora):
    cohort = build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)
    proposed = selection.check_run_selection(call, dora)
    entry = proposed.entries.get(application=cohort.apps["a3"])
    selection.check_override(entry, dora, "in", "End users asked for it.")
    latest = selection.check_run_selection(call, dora)
    client.force_login(dora)
    page = client.get(reverse("selection:selection", args=[call.slug, latest.pk])).content.decode()
    # Once in the cohort's table and once near the line, by its badge; never again as a reason.
    assert "<li>Taken by the director.</li>" not in page
    assert page.count("Taken by the director") == 2
    assert Review.objects.count() == 0  # nothing else in play
