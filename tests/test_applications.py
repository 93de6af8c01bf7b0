from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lodestar.applications import actions
from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import Audience
from tests.conftest import DESCRIPTION, complete_draft


def test_a_member_starts_a_draft_and_its_language_is_detected(alice, aurora, energy):
    french = complete_draft(
        alice,
        aurora,
        energy,
        title="Stockage d'hydrogène pour les bases avancées",
        summary="Un stockage silencieux qui alimente les camps la nuit.",
        description=(
            "Les bases avancées dépendent encore de groupes électrogènes bruyants et faciles à détecter. "
            "Nos modules stockent l'hydrogène à basse pression, se rechargent le jour grâce aux panneaux "
            "solaires et alimentent le camp pendant la nuit, sans signature thermique."
        ),
    )
    assert french.status == wf.DRAFT
    assert french.language == "fr"


def test_submitting_a_complete_draft_checks_eligibility_and_sends_a_letter_in_each_members_language(
    aurora_draft, alice, bob, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.check_submit(aurora_draft, alice)
    aurora_draft.refresh_from_db()
    assert aurora_draft.status == wf.SUBMITTED
    assert aurora_draft.submitted_at is not None
    assert aurora_draft.eligibility_verdict == "eligible"
    letters = {m.to[0]: m for m in mail.outbox}
    assert set(letters) == {"alice@aurora.example", "bob@aurora.example"}
    assert "reçue" in letters["alice@aurora.example"].subject  # Alice reads French
    assert "received" in letters["bob@aurora.example"].subject  # Bob reads English
    assert aurora_draft.reference in letters["alice@aurora.example"].body


def test_a_submission_after_the_deadline_is_refused_and_the_draft_is_kept(aurora_draft, alice, call):
    too_late = call.closes_at + timedelta(seconds=1)
    with pytest.raises(ValidationError, match="deadline"):
        actions.check_submit(aurora_draft, alice, now=too_late)
    kept = Application.objects.get(pk=aurora_draft.pk)
    assert kept.status == wf.DRAFT
    assert kept.title == aurora_draft.title and kept.description == DESCRIPTION
    assert mail.outbox == []


def test_an_incomplete_draft_is_refused_with_what_is_missing(alice, aurora, energy):
    draft = actions.check_create_draft(alice, aurora, energy, {"title": "Only a title"})
    with pytest.raises(ValidationError) as refused:
        actions.check_submit(draft, alice)
    message = " ".join(refused.value.messages)
    assert "summary" in message and "readiness level" in message and "team member" in message
    assert Application.objects.get(pk=draft.pk).status == wf.DRAFT


def test_one_application_per_organisation_per_challenge(aurora_draft, alice, aurora, energy, sensing):
    with pytest.raises(ValidationError, match="already applied"):
        complete_draft(alice, aurora, energy)
    assert complete_draft(alice, aurora, sensing).challenge == sensing


def test_a_draft_cannot_be_started_once_the_call_has_closed(alice, aurora, energy, call):
    call.closes_at = timezone.now() - timedelta(minutes=1)
    call.opens_at = call.closes_at - timedelta(days=30)
    call.save()
    with pytest.raises(ValidationError, match="deadline"):
        complete_draft(alice, aurora, energy)


def test_someone_outside_the_organisation_cannot_start_or_submit_for_it(
    aurora_draft, charlie, borealis, energy, aurora
):
    with pytest.raises(PermissionDenied):
        complete_draft(charlie, aurora, energy)
    with pytest.raises(PermissionDenied):
        actions.check_submit(aurora_draft, charlie)


def test_a_team_member_can_submit_the_organisations_application(aurora_draft, bob):
    actions.check_submit(aurora_draft, bob)
    assert Application.objects.get(pk=aurora_draft.pk).status == wf.SUBMITTED


def test_withdrawal_before_the_deadline_then_reopen_as_draft(aurora_draft, alice):
    actions.check_submit(aurora_draft, alice)
    actions.check_withdraw(aurora_draft, alice, note="We pivoted")
    assert Application.objects.get(pk=aurora_draft.pk).status == wf.WITHDRAWN
    actions.check_reopen(aurora_draft, alice)
    reopened = Application.objects.get(pk=aurora_draft.pk)
    assert reopened.status == wf.DRAFT and reopened.submitted_at is None


def test_withdrawal_after_the_deadline_is_refused(aurora_draft, alice, call):
    actions.check_submit(aurora_draft, alice)
    with pytest.raises(ValidationError, match="deadline"):
        actions.check_withdraw(aurora_draft, alice, now=call.closes_at + timedelta(hours=1))
    assert Application.objects.get(pk=aurora_draft.pk).status == wf.SUBMITTED


def test_a_submitted_application_can_no_longer_be_edited(aurora_draft, alice):
    actions.check_submit(aurora_draft, alice)
    with pytest.raises(ValidationError, match="Only a draft"):
        actions.check_update_draft(aurora_draft, alice, {"title": "Changed after sending"})
    assert Application.objects.get(pk=aurora_draft.pk).title != "Changed after sending"


def test_a_requested_amount_above_the_maximum_is_sent_but_screened_ineligible(alice, aurora, energy):
    draft = complete_draft(alice, aurora, energy, requested_amount=Decimal(250_000))
    actions.check_submit(draft, alice)
    assert Application.objects.get(pk=draft.pk).eligibility_verdict == "ineligible"


def test_staff_accept_the_automatic_verdict_or_override_it_with_a_note(aurora_draft, alice, stella):
    actions.check_submit(aurora_draft, alice)
    with pytest.raises(ValidationError, match="note"):
        actions.check_screen(aurora_draft, stella, "ineligible", note="")
    # No rule refuses it: the applicant is told why (issue 14), so the note is shared.
    actions.check_screen(
        aurora_draft, stella, "ineligible", note="Subsidiary of a large group", audience=Audience.SHARED
    )
    screened = Application.objects.get(pk=aurora_draft.pk)
    assert screened.status == wf.INELIGIBLE
    assert screened.screened_by == stella and screened.screening_note == "Subsidiary of a large group"
    actions.check_screen(screened, stella, "accept")
    assert Application.objects.get(pk=aurora_draft.pk).status == wf.ELIGIBLE


def test_applicants_and_experts_cannot_screen(aurora_draft, alice, erin):
    actions.check_submit(aurora_draft, alice)
    for person in (alice, erin):
        with pytest.raises(PermissionDenied):
            actions.check_screen(aurora_draft, person, "accept")
