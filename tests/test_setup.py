"""Programme staff set up calls in the app, in both languages: the call, its phases, challenges,
eligibility rules and its own application form, whose answers are part of the application, its
exports, the API and what matching reads; the form freezes at the first submission."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from lodestar.applications import actions as application_actions
from lodestar.applications.models import Answer
from lodestar.core.models import AuditEvent
from lodestar.programmes.models import Call, EligibilityRule, Programme, Question
from tests.conftest import complete_draft

pytestmark = pytest.mark.django_db


def add_question(client, call, **fields):
    data = {"kind": "short_text", "label_en": "Q", "label_fr": "Q", "required": "", **fields}
    return client.post(reverse("setup:form", args=[call.slug]), data)


@pytest.fixture
def built(client, call, stella):
    """Stella builds a form of three questions for the call."""
    client.force_login(stella)
    add_question(
        client,
        call,
        kind="long_text",
        label_en="Which end user have you spoken to?",
        label_fr="Quel utilisateur final avez-vous rencontré ?",
        required="on",
    )
    add_question(
        client,
        call,
        kind="choice",
        label_en="Stage of funding",
        label_fr="Stade de financement",
        options_en="Pre-seed\nSeed\nSeries A",
        options_fr="Amorçage\nSeed\nSérie A",
    )
    add_question(client, call, kind="number", label_en="Employees", label_fr="Salariés", min_value="0")
    client.logout()
    return list(call.questions.order_by("position"))


def test_staff_build_the_form_in_both_languages_and_it_is_recorded(built, call):
    assert [q.kind for q in built] == ["long_text", "choice", "number"]
    assert [q.position for q in built] == [1, 2, 3]
    assert built[1].options("fr") == ["Amorçage", "Seed", "Série A"]
    assert AuditEvent.objects.filter(action="call:question_saved").count() == 3


def test_a_choice_needs_aligned_options_and_a_range_must_be_a_range(client, call, stella):
    client.force_login(stella)
    response = add_question(
        client, call, kind="choice", label_en="A", label_fr="A", options_en="One\nTwo", options_fr="Un"
    )
    assert response.status_code == 200 and "as many French options" in response.content.decode()
    response = add_question(
        client, call, kind="number", label_en="N", label_fr="N", min_value="5", max_value="1"
    )
    assert response.status_code == 200 and not Question.objects.exists()


def test_questions_move_and_go_while_the_form_is_open(client, built, call, stella):
    client.force_login(stella)
    last = built[2]
    client.post(reverse("setup:question_change", args=[call.slug, last.pk, "up"]))
    assert list(call.questions.order_by("position").values_list("pk", flat=True)) == [
        built[0].pk,
        last.pk,
        built[1].pk,
    ]
    client.post(reverse("setup:question_change", args=[call.slug, built[0].pk, "remove"]))
    assert list(call.questions.order_by("position").values_list("position", flat=True)) == [1, 2]


def test_an_applicant_answers_required_questions_before_submitting(
    client, built, call, energy, alice, aurora
):
    draft = complete_draft(alice, aurora, energy)
    client.force_login(alice)
    page = client.get(reverse("applications:edit", args=[draft.pk]), HTTP_ACCEPT_LANGUAGE="fr")
    assert "Which end user have you spoken to?" in page.content.decode()
    with pytest.raises(Exception, match="Which end user"):
        application_actions.check_submit(draft, alice)
    form = {
        "title": draft.title,
        "summary": draft.summary,
        "description": draft.description,
        "trl": "5",
        "requested_amount": "100000",
        "team-TOTAL_FORMS": "1",
        "team-INITIAL_FORMS": "0",
        "team-MIN_NUM_FORMS": "0",
        "team-MAX_NUM_FORMS": "1000",
        "team-0-name": "Alice Martin",
        "team-0-role": "CEO",
        f"a-q{built[0].pk}": "The army medical regiment of Lyon, twice.",
        f"a-q{built[1].pk}": "2",
        f"a-q{built[2].pk}": "-3",
    }
    response = client.post(reverse("applications:edit", args=[draft.pk]), form)
    assert response.status_code == 200, "a number below the minimum is refused"
    assert not Answer.objects.exists(), "nothing half-saved"
    form[f"a-q{built[2].pk}"] = "14"
    response = client.post(reverse("applications:edit", args=[draft.pk]), {**form, "submit": "1"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "submitted"
    answers = {a.question_id: a for a in draft.answers.select_related("question")}
    assert answers[built[0].pk].value.startswith("The army medical regiment")
    assert answers[built[1].pk].value == "2" and answers[built[2].pk].value == "14"
    # The answers are part of what matching reads, and show in the reader's language.
    assert "army medical regiment" in draft.text_for_matching()
    french = client.get(f"/fr/applications/{draft.pk}/").content.decode()
    assert "Stade de financement" in french and "Seed" in french
    call.refresh_from_db()
    assert call.form_frozen_at is not None


def test_the_form_freezes_at_the_first_submission(client, built, call, energy, alice, aurora, stella):
    draft = complete_draft(alice, aurora, energy)
    Answer.objects.create(application=draft, question=built[0], value="Met the regiment.")
    application_actions.check_submit(draft, alice)
    client.force_login(stella)
    response = add_question(client, call, label_en="Late question", label_fr="Question tardive")
    assert response.status_code == 200 and "Frozen since" in response.content.decode()
    client.post(reverse("setup:question_change", args=[call.slug, built[0].pk, "remove"]))
    assert call.questions.count() == 3 and not Question.objects.filter(label_en="Late question").exists()
    response = client.post(
        reverse("setup:question", args=[call.slug, built[1].pk]),
        {"kind": "short_text", "label_en": "Changed", "label_fr": "Changé"},
    )
    assert Question.objects.get(pk=built[1].pk).label_en == "Stage of funding"


def test_answers_are_in_the_export_and_the_api(client, built, call, energy, alice, aurora, stella):
    draft = complete_draft(alice, aurora, energy)
    Answer.objects.create(application=draft, question=built[0], value="Met the regiment.")
    Answer.objects.create(application=draft, question=built[1], value="3")
    application_actions.check_submit(draft, alice)
    client.force_login(stella)
    body = b"".join(client.get(reverse("staff:export", args=[call.slug, "csv"])).streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][-3:] == ["q1: Which end user have you spoken to?", "q2: Stage of funding", "q3: Employees"]
    assert rows[1][-3:] == ["Met the regiment.", "Series A", ""]
    api = client.get(f"/api/applications/{draft.pk}").json()
    assert [a["label"] for a in api["answers"]] == ["Which end user have you spoken to?", "Stage of funding"]
    assert api["answers"][1]["value"] == "Series A"


def test_staff_create_and_edit_a_call_with_its_phases_challenges_and_rules(client, call, stella, dora):
    client.force_login(stella)
    programme = call.programme
    response = client.post(
        reverse("setup:call_new", args=[programme.slug]),
        {
            "slug": "space-2027",
            "title_en": "Space call 2027",
            "title_fr": "Appel spatial 2027",
            "description_en": "Satellites.",
            "description_fr": "Satellites.",
            "opens_at": "2027-01-10T09:00",
            "closes_at": "2027-01-05T17:00",
            "max_grant": "150000",
            "foreign_ownership_threshold": "25",
            "eligible_nations": ["FR", "DE"],
            "eligible_org_types": ["startup"],
        },
    )
    assert response.status_code == 200 and "close after it opens" in response.content.decode()
    data = {
        "slug": "space-2027",
        "title_en": "Space call 2027",
        "title_fr": "Appel spatial 2027",
        "description_en": "Satellites.",
        "description_fr": "Satellites.",
        "opens_at": "2027-01-10T09:00",
        "closes_at": "2027-02-20T17:00",
        "max_grant": "150000",
        "foreign_ownership_threshold": "25",
        "eligible_nations": ["FR", "DE"],
        "eligible_org_types": ["startup"],
    }
    assert client.post(reverse("setup:call_new", args=[programme.slug]), data).status_code == 302
    space = Call.objects.get(slug="space-2027")
    assert not space.is_published and space.eligible_nations == ["FR", "DE"] and space.rules.count() == 4
    phases = {
        "phases-TOTAL_FORMS": "1",
        "phases-INITIAL_FORMS": "0",
        "phases-MIN_NUM_FORMS": "0",
        "phases-MAX_NUM_FORMS": "1000",
        "phases-0-position": "1",
        "phases-0-name_en": "Phase 1",
        "phases-0-name_fr": "Phase 1",
        "phases-0-duration_months": "6",
        "phases-0-grant": "150000",
    }
    response = client.post(
        reverse("setup:call", args=["space-2027"]), {**data, "is_published": "on", **phases}
    )
    assert response.status_code == 302
    space.refresh_from_db()
    assert space.is_published and space.phases.count() == 1
    response = client.post(
        reverse("setup:challenge_new", args=["space-2027"]),
        {
            "slug": "in-orbit",
            "position": "1",
            "title_en": "In-orbit servicing",
            "title_fr": "Services en orbite",
            "summary_en": "Refuel.",
            "summary_fr": "Ravitailler.",
            "description_en": "Refuel satellites.",
            "description_fr": "Ravitailler les satellites.",
        },
    )
    assert response.status_code == 302 and space.challenges.get().title_fr == "Services en orbite"
    rules = {}
    for code, _label in EligibilityRule.Code.choices:
        if code == EligibilityRule.Code.INVITED:
            continue  # set by a Phase 2 call with its invited organisations, not on this page
        rule = space.rules.get(code=code)
        rules.update(
            {
                f"{code}-enabled": "" if code == "foreign_ownership" else "on",
                f"{code}-when_failed": rule.when_failed,
                f"{code}-message_en": rule.message_en,
                f"{code}-message_fr": rule.message_fr,
            }
        )
    assert client.post(reverse("setup:rules", args=["space-2027"]), rules).status_code == 302
    assert sorted(space.rules.values_list("code", flat=True)) == sorted(
        ["headquarters_nation", "organisation_type", "requested_amount"]
    )
    # Programmes themselves are for directors.
    assert client.get(reverse("setup:programme_new")).status_code == 403
    client.force_login(dora)
    response = client.post(
        reverse("setup:programme_new"),
        {"slug": "space", "name_en": "Space programme", "name_fr": "Programme spatial"},
    )
    assert response.status_code == 302 and Programme.objects.filter(slug="space").exists()


def test_set_up_pages_refuse_applicants_and_hide_other_programmes(client, call, alice, olga, built):
    client.force_login(alice)
    for url in (
        reverse("setup:home"),
        reverse("setup:call", args=[call.slug]),
        reverse("setup:form", args=[call.slug]),
    ):
        assert client.get(url).status_code == 403
    client.force_login(olga)  # staff of another programme
    assert client.get(reverse("setup:call", args=[call.slug])).status_code == 404
    assert (
        client.post(reverse("setup:question_change", args=[call.slug, built[0].pk, "remove"])).status_code
        == 404
    )
    assert call.questions.count() == 3
    assert call.title_en not in client.get(reverse("setup:home")).content.decode()
