"""One rule decides which experts may review an application, wherever the question is asked.

The French application of Aurora (France) waits for experts. Around it: Fanny and Felix read French
and may review it; Edgar reads English only; Una is not available; Carl has a confirmed conflict
with it; Francis is French, and the call wants no expert of the applicant's nation; Bea already
reviews as many applications as she may; Dan declined this one; Anna already reviews it.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.experts.models import Expert, ExpertDocument
from lodestar.reviews import eligibility
from lodestar.reviews.actions import assignment as actions
from lodestar.reviews.eligibility import Reason
from lodestar.reviews.engine_adapter import assignment as adapter
from lodestar.reviews.models import Assignment, AssignmentRules, Conflict
from lodestar.reviews.views.assignment import _candidates
from tests.conftest import complete_draft

STATEMENT = "Hydrogen storage, fuel cells and silent power for forward camps and microgrids."
EXPECTED = {
    "fanny": None,
    "felix": None,
    "edgar": Reason.LANGUAGE,
    "una": Reason.UNAVAILABLE,
    "carl": Reason.CONFLICT,
    "francis": Reason.SAME_NATION,
    "bea": Reason.FULL,
    "dan": Reason.DECLINED,
    "anna": Reason.ASSIGNED,
}


def expert(key, nation="DE", languages=("en", "fr"), **fields):
    person = Expert.objects.create(
        full_name=key.title(),
        email=f"{key}@experts.example",
        nation=nation,
        expertise=STATEMENT,
        review_languages=list(languages),
        **fields,
    )
    ExpertDocument.objects.create(expert=person, title="Hydrogen camps", abstract=STATEMENT)
    return person


@pytest.fixture
def field(call, energy, alice, aurora, charlie, borealis, stella):
    application = complete_draft(alice, aurora, energy, title="Stockage d'hydrogène pour camps avancés")
    Application.objects.filter(pk=application.pk).update(status=wf.ELIGIBLE, language="fr")
    other = complete_draft(charlie, borealis, energy)
    Application.objects.filter(pk=other.pk).update(status=wf.UNDER_REVIEW, language="en")
    setup = AssignmentRules.objects.create(
        call=call, experts_per_application=2, max_load=5, max_same_nation=0
    )
    people = {
        "fanny": expert("fanny"),
        "felix": expert("felix", nation="BE"),
        "edgar": expert("edgar", languages=["en"]),
        "una": expert("una", available=False),
        "carl": expert("carl"),
        "francis": expert("francis", nation="FR"),
        "bea": expert("bea", max_load=1),
        "dan": expert("dan"),
        "anna": expert("anna"),
    }
    Conflict.objects.create(
        application=application,
        expert=people["carl"],
        kind="past_employment",
        evidence="x",
        state="confirmed",
    )
    Assignment.objects.create(application=other, expert=people["bea"], status=Assignment.Status.ACTIVE)
    Assignment.objects.create(
        application=application, expert=people["dan"], status=Assignment.Status.DECLINED
    )
    Assignment.objects.create(application=application, expert=people["anna"], status=Assignment.Status.ACTIVE)
    application = Application.objects.select_related("organisation", "challenge__call").get(pk=application.pk)
    return application, people, setup


def allowed_by_the_optimiser(application, setup):
    scope = adapter.build_scope(application.call, setup)
    candidates = adapter.score_candidates(scope, lambda *_: None, 1)
    problem = adapter.build_problem(scope, candidates)
    return {
        e for (a, e) in candidates.pairs if a == application.pk and (str(a), str(e)) not in problem.conflicts
    }


def allowed_by_the_reassignment(application, setup):
    chosen = adapter.choose_replacements(application, setup, current=[], needed=2).chosen
    return {expert_id for expert_id, _score, _explanation in chosen}


def allowed_by_the_candidate_list(application, setup):
    rows, _excluded = _candidates(application, setup)  # best fit first, and the counts left out
    return {row["expert"].pk for row in rows}


def allowed_by_hand(application, setup):
    allowed = set()
    for person in Expert.objects.all():
        try:
            actions.check_can_take(application, person, setup)
        except ValidationError:
            continue
        allowed.add(person.pk)
    return allowed


@pytest.mark.parametrize(
    "ask",
    [allowed_by_the_optimiser, allowed_by_the_reassignment, allowed_by_the_candidate_list, allowed_by_hand],
)
def test_the_optimiser_the_reassignment_the_candidate_list_and_the_hand_add_allow_the_same_experts(
    field, ask
):
    application, people, setup = field
    assert ask(application, setup) == {people["fanny"].pk, people["felix"].pk}


def test_each_expert_is_refused_for_the_first_rule_it_breaks(field):
    application, people, setup = field
    context = eligibility.context_for(application.call, setup, actions.LIVE, [application])
    found = {}
    for key, person in people.items():
        refusal = eligibility.reviewer_ineligibility(person, application, context)
        found[key] = refusal.reason if refusal else None
    assert found == EXPECTED


def test_the_bulk_form_gives_the_single_answer_for_every_pair(field):
    application, people, setup = field
    applications = list(Application.objects.select_related("organisation").order_by("pk"))
    experts = list(Expert.objects.order_by("pk"))
    context = eligibility.context_for(application.call, setup, actions.LIVE)
    codes = eligibility.ineligibility_codes(applications, experts, context)
    for i, one in enumerate(applications):
        for j, person in enumerate(experts):
            refusal = eligibility.reviewer_ineligibility(person, one, context)
            assert codes[i, j] == (refusal.reason if refusal else 0), (one.reference, person.full_name)


def test_the_bulk_form_reads_nothing_from_the_database(field, django_assert_num_queries):
    application, people, setup = field
    context = eligibility.context_for(application.call, setup, actions.LIVE)
    experts = list(Expert.objects.all())
    with django_assert_num_queries(0):
        eligibility.ineligibility_codes([application] * 50, experts, context)


def test_adding_an_expert_who_does_not_read_french_to_a_french_application_is_refused(field, stella):
    application, people, setup = field
    with pytest.raises(ValidationError, match="Edgar does not review in French, the language of A-"):
        actions.check_add_expert(application, people["edgar"], stella)
    assert not Assignment.objects.filter(expert=people["edgar"]).exists()


def test_the_refusal_reads_in_the_staff_members_language(client, field, stella):
    application, people, setup = field
    client.force_login(stella)
    response = client.post(
        reverse("reviews:add", args=[application.call.slug]).replace("/en/", "/fr/", 1),
        {"application": application.pk, "expert": people["edgar"].pk},
        follow=True,
    )
    assert (
        f"Edgar n’évalue pas en français, la langue de {application.reference}." in response.content.decode()
    )
    assert not Assignment.objects.filter(expert=people["edgar"]).exists()


def test_a_swap_to_an_expert_who_does_not_read_the_language_is_refused_and_keeps_the_old_one(field, stella):
    application, people, setup = field
    proposed = Assignment.objects.create(application=application, expert=people["fanny"])
    with pytest.raises(ValidationError, match="does not review in French"):
        actions.check_swap_expert(proposed, people["edgar"], stella)
    assert Assignment.objects.filter(pk=proposed.pk, expert=people["fanny"]).exists()
