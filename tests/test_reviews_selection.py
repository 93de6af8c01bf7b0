"""Cohort selection: the director's rules, the run, the reasons near the line (in French too), overrides.

The call (tests/reviews_selection_fixtures.py): ten proposals under review at EUR 100,000 each,
five per challenge; budget for five, one to three per challenge, at most 40 % from one nation.
Three French energy proposals rank 1-3, so the nation share keeps the third one (a3) out, and the
energy maximum keeps a5 out, though both rank above the whole sensing challenge.
"""

import html
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from lodestar.core.models import AuditEvent
from lodestar.core.workflow import history
from lodestar.reviews.models import RankingEntry
from lodestar.selection import actions as actions
from lodestar.selection.engine_adapter import Vocabulary, describe_reason, describe_reasons, vocabulary
from lodestar.selection.models import Selection, SelectionEntry, SelectionRules
from tests.reviews_selection_fixtures import build_cohort


@pytest.fixture(autouse=True)
def _english():
    # A request to /fr/ leaves French active in the thread; reverse() would then build /fr/ URLs.
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def cohort(call, energy, sensing, alice, aurora, charlie, borealis):
    return build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)


def keys_of(cohort, selection, chosen=True):
    by_pk = {a.pk: key for key, a in cohort.apps.items()}
    return {by_pk[e.application_id] for e in selection.entries.filter(chosen=chosen)}


def entry(selection, application):
    return selection.entries.get(application=application)


def test_the_cohort_respects_the_budget_the_challenge_maximum_and_the_nation_share(cohort, dora):
    selection = actions.check_run_selection(cohort.call, dora)
    assert selection.feasible and selection.proven_optimal
    assert keys_of(cohort, selection) == {"a1", "a2", "a4", "a6", "a7"}
    assert selection.cost == Decimal(500_000)
    assert selection.objective == pytest.approx(4.9 + 4.8 + 4.6 + 4.0 + 3.5)
    assert selection.entries.count() == 10
    assert entry(selection, cohort.apps["a1"]).rank == 1
    assert selection.rules["budget"] == "500000.00" and selection.rules["max_per_challenge"] == 3


def test_each_proposal_near_the_line_says_why_it_is_in_or_out(cohort, dora):
    selection = actions.check_run_selection(cohort.call, dora)
    left_out = entry(selection, cohort.apps["a3"])
    assert left_out.near_line and not left_out.chosen
    codes = [r["code"] for r in left_out.reasons]
    # Its nation's share keeps it out; the budget and its challenge are full too, but more of
    # either alone would not take it, so they are not named (issue 14: reasons checked against
    # the model, tests/test_states.py).
    assert codes[0] == "nation_share" and "swap" in codes
    assert not {"budget_full", "challenge_full"} & set(codes)
    assert all({"code", "params", "text"} <= set(r) for r in left_out.reasons)
    taken = entry(selection, cohort.apps["a7"])
    assert taken.chosen and taken.reasons


def test_a_cost_falls_back_to_the_call_grant_when_no_amount_is_requested(cohort, dora, call):
    cohort.apps["a10"].requested_amount = None
    cohort.apps["a10"].save()
    call.max_grant = Decimal(600_000)
    call.save()
    # Room in every challenge: only the budget keeps a10 out, so the budget is the reason named.
    cohort.rules.max_per_challenge = 5
    cohort.rules.save()
    selection = actions.check_run_selection(cohort.call, dora)
    budget_reason = next(
        r for r in entry(selection, cohort.apps["a10"]).reasons if r["code"] == "budget_full"
    )
    assert budget_reason["params"]["cost"] == 600_000


def test_without_a_ranking_the_selection_is_refused_with_a_clear_message(cohort, dora):
    RankingEntry.objects.all().delete()
    with pytest.raises(ValidationError, match="no ranking"):
        actions.check_run_selection(cohort.call, dora)
    assert not Selection.objects.exists()


def test_the_page_says_so_when_there_is_no_ranking(client, cohort, dora):
    RankingEntry.objects.all().delete()
    client.force_login(dora)
    response = client.post(reverse("selection:run", args=[cohort.call.slug]), follow=True)
    assert "There is no ranking for this call yet" in response.content.decode()


def test_a_new_run_supersedes_the_proposed_one(cohort, dora):
    first = actions.check_run_selection(cohort.call, dora)
    second = actions.check_run_selection(cohort.call, dora)
    first.refresh_from_db()
    assert first.status == Selection.Status.SUPERSEDED and second.status == Selection.Status.PROPOSED
    assert actions.latest_selection(cohort.call) == second


def test_the_director_runs_it_from_the_page_as_a_job_and_sees_the_cohort(client, cohort, dora):
    client.force_login(dora)
    response = client.post(reverse("selection:run", args=[cohort.call.slug]), follow=True)
    page = response.content.decode()
    assert Selection.objects.filter(call=cohort.call).count() == 1
    assert "Proposal A1" in page and "Proposal A3" in page
    assert "one more would exceed the maximum share of 40%." in page
    assert "Left out: the budget is used up (€500,000 of €500,000)" in page


def test_reasons_near_the_line_read_in_french(client, cohort, dora):
    selection = actions.check_run_selection(cohort.call, dora)
    client.force_login(dora)
    page = client.get(f"/fr/staff/calls/{cohort.call.slug}/selection/").content.decode()
    assert 'lang="fr"' in page
    # Each sentence comes from the French catalogue (the lead's locale/fr), with French names and numbers.
    reasons = entry(selection, cohort.apps["a3"]).reasons
    with translation.override("fr"):
        sentences = describe_reasons(reasons, vocabulary(cohort.call, reasons))
    assert sentences and all(html.escape(s) in page for s in sentences)
    joined = " ".join(sentences)
    assert "France" in joined and "40\u00a0%" in joined
    assert "Brume Énergie SAS" in joined
    # The budget and a challenge's maximum, as they read when they are the binding rules.
    full = [
        {"code": "budget_full", "params": {"used": 500_000, "budget": 500_000, "cost": 100_000}, "text": ""},
        {"code": "challenge_full", "params": {"challenge": "energy", "maximum": 3}, "text": ""},
    ]
    with translation.override("fr"):
        joined = " ".join(describe_reasons(full, vocabulary(cohort.call, full)))
    assert "Énergie et puissance" in joined
    assert "500\u202f000\u00a0€ sur 500\u202f000\u00a0€" in joined  # core.money: French grouping, € after
    # Each proposal's amount in the tables, in French too (it read "100,000" in every language).
    assert '<td class="num">100\u202f000\u00a0€</td>' in page


def test_an_unknown_reason_code_falls_back_to_the_engine_text():
    reason = {"code": "brand_new", "params": {"x": 1}, "text": "Left out: a new rule."}
    assert describe_reason(reason, Vocabulary()) == "Left out: a new rule."


def test_reasons_name_other_proposals_and_challenges_in_the_reader_words():
    words = Vocabulary({"A-00002": "A-00002 (Brume)"}, {"energy": "Energy and power"})
    swap = {"code": "swap", "params": {"dropped": ["A-00002"], "added": [], "loss": 0.25}, "text": ""}
    assert (
        describe_reason(swap, words)
        == "Taking it would mean dropping A-00002 (Brume), 0.25 less merit in total."
    )
    full = {"code": "challenge_full", "params": {"challenge": "energy", "maximum": 3}, "text": ""}
    assert (
        describe_reason(full, words, 1)
        == "Also, the challenge “Energy and power” already has its maximum of 3."
    )


# --- Overrides ----------------------------------------------------------------------------------------


def test_an_override_without_a_reason_is_refused_and_changes_nothing(client, cohort, dora):
    selection = actions.check_run_selection(cohort.call, dora)
    target = entry(selection, cohort.apps["a3"])
    with pytest.raises(ValidationError, match="reason"):
        actions.check_override(target, dora, SelectionEntry.Override.FORCE_IN, "   ")
    client.force_login(dora)
    response = client.post(
        reverse("selection:override", args=[target.selection.call.slug, target.pk]),
        {"override": "in", "reason": ""},
    )
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    target.refresh_from_db()
    assert target.override == "" and Selection.objects.count() == 1


def test_taking_a_proposal_in_runs_again_with_it_and_is_audited(client, cohort, dora):
    selection = actions.check_run_selection(cohort.call, dora)
    target = entry(selection, cohort.apps["a3"])
    client.force_login(dora)
    response = client.post(
        reverse("selection:override", args=[target.selection.call.slug, target.pk]),
        {"override": "in", "reason": "Unique solid-state technology the end users asked for."},
    )
    assert response.status_code == 302
    latest = actions.latest_selection(cohort.call)
    assert latest.pk != selection.pk
    assert "a3" in keys_of(cohort, latest)
    forced = entry(latest, cohort.apps["a3"])
    assert forced.override == "in" and forced.override_reason.startswith("Unique solid-state")
    assert [r["code"] for r in forced.reasons] == ["forced"]
    assert latest.rules["forced"] == [cohort.apps["a3"].reference]
    event = history(cohort.apps["a3"]).get(action="selection:forced_in")
    assert event.actor == dora and "end users" in event.note


def test_leaving_a_proposal_out_runs_again_and_holds_in_later_runs(cohort, dora):
    selection = actions.check_run_selection(cohort.call, dora)
    actions.check_override(entry(selection, cohort.apps["a1"]), dora, "out", "Already funded by its nation.")
    rerun = actions.check_run_selection(cohort.call, dora)
    assert "a1" not in keys_of(cohort, rerun)
    assert [r["code"] for r in entry(rerun, cohort.apps["a1"]).reasons] == ["excluded"]
    again = actions.check_run_selection(cohort.call, dora)
    assert entry(again, cohort.apps["a1"]).override == "out" and "a1" not in keys_of(cohort, again)
    assert AuditEvent.objects.filter(action="selection:forced_out", note__contains="Already funded").exists()


def test_withdrawing_an_override_lets_the_rules_decide_again(cohort, dora):
    selection = actions.check_run_selection(cohort.call, dora)
    actions.check_override(entry(selection, cohort.apps["a1"]), dora, "out", "Checking a doubt.")
    rerun = actions.check_run_selection(cohort.call, dora)
    actions.check_override(entry(rerun, cohort.apps["a1"]), dora, "", "Doubt cleared.")
    last = actions.check_run_selection(cohort.call, dora)
    assert "a1" in keys_of(cohort, last) and entry(last, cohort.apps["a1"]).override == ""
    assert history(cohort.apps["a1"]).filter(action="selection:override_cleared").exists()


def test_an_override_on_an_older_run_is_refused(cohort, dora):
    old = actions.check_run_selection(cohort.call, dora)
    actions.check_run_selection(cohort.call, dora)
    with pytest.raises(ValidationError, match="newer run"):
        actions.check_override(entry(old, cohort.apps["a3"]), dora, "in", "Late thought.")


def test_rules_that_cannot_be_met_give_a_diagnosis_in_the_reader_language(client, cohort, dora):
    SelectionRules.objects.filter(pk=cohort.rules.pk).update(min_per_challenge=6, max_per_challenge=None)
    selection = actions.check_run_selection(cohort.call, dora)
    assert not selection.feasible and "needs at least 6" in selection.diagnosis
    assert not selection.entries.filter(chosen=True).exists()
    client.force_login(dora)
    page = client.get(reverse("selection:overview", args=[cohort.call.slug])).content.decode()
    assert "needs at least 6 but has 5 candidates" in page
    assert reverse("selection:confirm", args=[cohort.call.slug, selection.pk]) not in page


# --- Rules ----------------------------------------------------------------------------------------------


def test_the_director_sets_the_rules_which_are_saved_only_then(client, call, dora):
    client.force_login(dora)
    response = client.get(reverse("selection:rules", args=[call.slug]))
    assert response.status_code == 200 and not SelectionRules.objects.filter(call=call).exists()
    response = client.post(
        reverse("selection:rules", args=[call.slug]),
        {
            "budget": "7400000",
            "min_per_challenge": "12",
            "max_per_challenge": "16",
            "max_nation_share": "20",
            "min_nations": "10",
            "type_startup": "30",
            "type_sme": "0",
        },
    )
    assert response.status_code == 302
    rules = SelectionRules.objects.get(call=call)
    assert (rules.budget, rules.min_per_challenge, rules.max_per_challenge) == (Decimal(7_400_000), 12, 16)
    assert rules.min_per_type == {"startup": 30} and rules.min_nations == 10
    assert AuditEvent.objects.filter(action="selection:rules_changed", actor=dora).exists()


def test_a_maximum_below_the_minimum_is_refused_and_nothing_is_saved(client, call, dora):
    client.force_login(dora)
    response = client.post(
        reverse("selection:rules", args=[call.slug]),
        {"budget": "500000", "min_per_challenge": "5", "max_per_challenge": "2", "min_nations": "0"},
    )
    assert response.status_code == 200
    assert "cannot be below the minimum" in response.content.decode()
    assert not SelectionRules.objects.filter(call=call).exists()


def test_only_the_director_changes_rules_runs_and_overrides(cohort, stella):
    with pytest.raises(PermissionDenied):
        actions.check_run_selection(cohort.call, stella)
    with pytest.raises(PermissionDenied):
        actions.check_update_rules(cohort.call, stella, {"budget": Decimal(1)}, {})


def test_a_clash_of_rules_names_each_family_that_would_free_a_cohort():
    clash = {
        "code": "rules_clash",
        "params": {"families": ["budget", "challenge_min"]},
        "text": "The rules...",
    }
    assert describe_reason(clash, Vocabulary()) == (
        "The rules cannot all be met together; a selection exists without the budget "
        "or without the per-challenge minimums."
    )
