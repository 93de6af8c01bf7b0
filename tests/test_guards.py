"""Guards in the workflow (issue 14, item 2): confirming a cohort while reviews are open needs a
reason and closes them visibly for the experts; the draft form refuses negative amounts and shows
the eligibility verdict before submission; no Submit button after the deadline; an ineligible
application gets its reasons on its page and in a letter.

Named people are those of tests/conftest.py: Alice (French) and Bob (English) at Aurora, Dora the
director, Stella programme staff.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from lodestar.applications import actions as app_actions
from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import Audience, AuditEvent
from lodestar.core.roles import Role
from lodestar.programmes.models import Call
from lodestar.reviews.models import Review
from lodestar.selection import actions
from tests.conftest import complete_draft, make_user
from tests.reviews_selection_fixtures import build_cohort, review


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def cohort(call, energy, sensing, alice, aurora, bob, charlie, borealis):
    return build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)


@pytest.fixture
def open_review(cohort):
    """An expert (with a login) still drafting the review of a1, which the cohort will decide."""
    draft = review(cohort.apps["a1"], "Ivo Open", "", {"fit": "Half written"}, submitted=False)
    user = make_user("ivo@lab.example", Role.EXPERT, name="Ivo Open")
    draft.assignment.expert.user = user
    draft.assignment.expert.save(update_fields=["user"])
    return draft


@pytest.fixture
def proposed(cohort, dora):
    return actions.check_run_selection(cohort.call, dora)


# --- Confirming while reviews are open ---------------------------------------------------------


def test_confirming_with_open_reviews_needs_a_reason_and_changes_nothing_without(open_review, proposed, dora):
    with pytest.raises(ValidationError, match="1 review is still open"):
        actions.check_confirm_selection(proposed, dora)
    proposed.refresh_from_db()
    assert proposed.status != proposed.Status.CONFIRMED
    assert Application.objects.get(pk=open_review.assignment.application_id).status == wf.UNDER_REVIEW


def test_the_reason_is_recorded_and_the_expert_list_says_closed(client, open_review, proposed, dora):
    actions.check_confirm_selection(proposed, dora, reason="The board meets tomorrow.")
    event = AuditEvent.objects.get(action="selection:open_reviews_closed")
    assert "The board meets tomorrow." in event.note and event.actor == dora
    assert event.audience == Audience.INTERNAL
    client.force_login(open_review.assignment.expert.user)
    page = client.get(reverse("reviews:mine")).content.decode()
    assert "Closed" in page and ">Review</a>" not in page
    assert open_review.assignment.application.reference in page
    # The review page says it is closed and offers no form.
    page = client.get(reverse("reviews:review", args=[open_review.assignment.pk])).content.decode()
    assert "its reviews are closed" in page and 'name="submit"' not in page


def test_a_submitted_review_leaves_nothing_open(cohort, proposed, dora):
    review(cohort.apps["a1"], "Sam Submitted", "Strong.", {"fit": "Good"})
    assert actions.open_reviews(cohort.call) == 0
    actions.check_confirm_selection(proposed, dora)  # no reason needed


def test_the_confirm_page_warns_and_keeps_the_typed_reason(client, open_review, proposed, dora):
    client.force_login(dora)
    url = reverse("selection:confirm", args=[proposed.call.slug, proposed.pk])
    page = client.get(url).content.decode()
    assert "1 review is still open." in page and 'name="reason"' in page
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "review is still open" in response.content.decode()
    response = client.post(url, {"reason": "Board meeting"}, follow=True)
    assert "The cohort is confirmed" in response.content.decode()


def test_the_api_refuses_without_a_reason_with_a_400(client, open_review, proposed, dora):
    client.force_login(dora)
    url = f"/api/selections/{proposed.pk}/confirmation"
    response = client.post(url, content_type="application/json", data={})
    assert response.status_code == 400 and "still open" in response.content.decode()
    response = client.post(url, content_type="application/json", data={"reason": "Board meeting"})
    assert response.status_code == 200 and response.json()["status"] == "confirmed"


# --- The draft: amounts, eligibility before submission, the deadline ----------------------------


def test_a_negative_amount_is_refused_by_the_form_and_the_action(client, alice, aurora_draft):
    client.force_login(alice)
    response = client.post(
        reverse("applications:edit", args=[aurora_draft.pk]),
        {
            "title": aurora_draft.title,
            "requested_amount": "-5",
            "form-TOTAL_FORMS": "0",
            "form-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "greater than zero" in response.content.decode()
    aurora_draft.refresh_from_db()
    assert aurora_draft.requested_amount == Decimal(100_000)
    with pytest.raises(ValidationError, match="greater than zero"):
        app_actions.check_update_draft(aurora_draft, alice, {"requested_amount": Decimal(-5)})


def test_a_draft_saved_with_a_negative_amount_is_never_called_complete(client, alice, aurora_draft):
    Application.objects.filter(pk=aurora_draft.pk).update(requested_amount=Decimal(-5))
    client.force_login(alice)
    page = client.get(reverse("applications:detail", args=[aurora_draft.pk]), HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "Your application is complete." not in text
    assert "requested amount greater than zero" in text


def test_the_draft_page_shows_the_verdict_with_the_rule_message_before_submission(
    client, alice, aurora_draft
):
    Application.objects.filter(pk=aurora_draft.pk).update(requested_amount=Decimal(450_000))
    client.force_login(alice)
    page = client.get("/fr" + reverse("applications:detail", args=[aurora_draft.pk])[3:]).content.decode()
    assert 'id="eligibility-preview"' in page
    assert "Le montant demandé dépasse la subvention maximale de l&#x27;appel." in page
    assert "Non éligible" in page


def test_no_submit_button_after_the_deadline(client, alice, aurora_draft):
    client.force_login(alice)
    url = reverse("applications:detail", args=[aurora_draft.pk])
    assert "Submit application" in client.get(url).content.decode()
    Call.objects.filter(pk=aurora_draft.call.pk).update(closes_at=timezone.now() - timedelta(hours=1))
    page = client.get(url).content.decode()
    assert "Submit application" not in page and "can no longer be sent" in page


# --- Not eligible: reasons on the page and in a letter ------------------------------------------


def test_an_ineligible_application_gets_its_reasons_on_its_page_and_a_letter(
    client, alice, bob, aurora, energy, stella, django_capture_on_commit_callbacks
):
    application = complete_draft(alice, aurora, energy, requested_amount=Decimal(450_000))
    app_actions.check_submit(application, alice)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        app_actions.check_screen(application, stella, "accept", "INTERNAL: founder seemed evasive")
    assert Application.objects.get(pk=application.pk).status == wf.INELIGIBLE
    letters = {m.to[0]: m for m in mail.outbox}
    assert "Le montant demandé dépasse" in letters["alice@aurora.example"].body
    assert "The requested amount exceeds the call's maximum grant." in letters["bob@aurora.example"].body
    assert all("evasive" not in m.body for m in mail.outbox)
    client.force_login(bob)
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert 'id="ineligibility-reasons"' in page and "exceeds the call" in page and "evasive" not in page


def test_marking_ineligible_without_a_refusing_rule_needs_a_shared_note(alice, aurora_draft, stella):
    app_actions.check_submit(aurora_draft, alice)
    with pytest.raises(ValidationError, match="shared with the applicant"):
        app_actions.check_screen(aurora_draft, stella, "ineligible", "Looks like a reseller")
    assert Application.objects.get(pk=aurora_draft.pk).status == wf.SUBMITTED
    app_actions.check_screen(
        aurora_draft, stella, "ineligible", "The product is resold, not developed.", audience=Audience.SHARED
    )
    from lodestar.applications.reasons import ineligibility_reasons

    aurora_draft.refresh_from_db()
    assert ineligibility_reasons(aurora_draft) == [
        "From the programme team: The product is resold, not developed."
    ]


def test_a_refused_screening_keeps_what_staff_typed(client, alice, aurora_draft, stella):
    app_actions.check_submit(aurora_draft, alice)
    client.force_login(stella)
    response = client.post(
        reverse("staff:screen", args=[aurora_draft.pk]),
        {"decision": "ineligible", "note": "A reseller, not a developer", "audience": "internal"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "A reseller, not a developer" in page and "shared with the applicant" in page


def test_experts_have_no_reviewing_right_on_a_closed_review(open_review, proposed, dora):
    actions.check_confirm_selection(proposed, dora, reason="Board")
    from lodestar.reviews.actions import reviewing
    from lodestar.reviews.actions.reviewing import ReviewData
    from lodestar.reviews.models.rules import review_rules

    codes = review_rules(open_review.assignment.application.call).criterion_codes
    complete = ReviewData(scores=dict.fromkeys(codes, 4), overall="Sound.", recommendation="yes")
    with pytest.raises(ValidationError, match="its reviews are closed"):
        reviewing.check_submit_review(open_review.assignment, open_review.assignment.expert.user, complete)
    with pytest.raises(ValidationError, match="its reviews are closed"):
        reviewing.check_save_review(open_review.assignment, open_review.assignment.expert.user, complete)
    assert Review.objects.get(pk=open_review.pk).status == Review.Status.DRAFT


def test_a_malformed_reason_gets_a_clear_400_and_changes_nothing(client, open_review, proposed, dora):
    client.force_login(dora)
    url = f"/api/selections/{proposed.pk}/confirmation"
    for body in ("not json", '{"reason": 5}', '["a list"]'):
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 400 and "reason" in response.json()["detail"]
    proposed.refresh_from_db()
    assert proposed.status != proposed.Status.CONFIRMED
