"""Decision letters that the mail server refuses, and sending the unsent ones again (issue 13, item 3);
every letter recorded (to whom, when, which, in which language) and shown to staff on the
application's page.

Alice (French) and Bob (English) are members of Aurora, whose proposal a1 is selected; Charlie's
Borealis (a6) is selected too; Dora directs the programme (tests/reviews_selection_fixtures.py).
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from lodestar.applications import actions as application_actions
from lodestar.core.jobs import latest_job
from lodestar.core.mail import letters_about
from lodestar.core.models import Job, Letter
from lodestar.selection import actions
from lodestar.selection.models import Selection
from tests import refusing_mail
from tests.conftest import complete_draft
from tests.reviews_selection_fixtures import build_cohort


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def cohort(call, energy, sensing, alice, aurora, bob, charlie, borealis):
    return build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)


@pytest.fixture
def refusing(settings):
    """Bob's mail server refuses every letter until the test lets it through."""
    settings.EMAIL_BACKEND = "tests.refusing_mail.RefusingBackend"
    refusing_mail.REFUSED.clear()
    refusing_mail.REFUSED.add("bob@aurora.example")
    yield refusing_mail.REFUSED
    refusing_mail.REFUSED.clear()


def confirm(cohort, dora) -> Selection:
    selection = actions.check_run_selection(cohort.call, dora)
    mail.outbox.clear()
    return actions.check_confirm_selection(selection, dora)


def letters_job(selection) -> Job:
    job = latest_job(actions.LETTERS_JOB_KIND, selection=selection.pk)
    assert job is not None
    return job


def test_a_refused_letter_is_recorded_the_others_go_and_the_job_says_how_many_are_left(
    cohort, dora, refusing
):
    selection = confirm(cohort, dora)
    job = letters_job(selection)
    assert job.status == Job.Status.FAILED
    assert "could not be sent" in job.failure and "Send the unsent letters again" in job.failure
    refused = Letter.objects.get(email="bob@aurora.example")
    assert refused.sent_at is None and "mailbox unavailable" in refused.error
    assert "alice@aurora.example" in {m.to[0] for m in mail.outbox}  # the others went out
    assert Letter.objects.filter(sent_at__isnull=False).count() == len(mail.outbox)
    assert actions.unsent_letters(Selection.objects.get(pk=selection.pk)) == 1
    assert Selection.objects.get(pk=selection.pk).letters_sent_at is None


def test_sending_the_unsent_letters_again_writes_only_to_those_without_one(cohort, dora, refusing):
    selection = confirm(cohort, dora)
    first_round = sorted(m.to[0] for m in mail.outbox)
    refusing.clear()  # the mail server is back
    mail.outbox.clear()
    job = actions.check_send_unsent_letters(Selection.objects.get(pk=selection.pk), dora)
    assert job.status == Job.Status.DONE
    assert [m.to for m in mail.outbox] == [["bob@aurora.example"]]
    assert "bob@aurora.example" not in first_round
    sent = Letter.objects.filter(sent_at__isnull=False)
    assert sent.count() == len(first_round) + 1
    assert sent.values("email", "object_id", "template").distinct().count() == sent.count()  # none twice
    assert actions.unsent_letters(Selection.objects.get(pk=selection.pk)) == 0
    assert Selection.objects.get(pk=selection.pk).letters_sent_at is not None


def test_with_every_letter_sent_there_is_nothing_to_send_again(cohort, dora):
    selection = confirm(cohort, dora)
    with pytest.raises(Exception, match="Every decision letter of this call has been sent"):
        actions.check_send_unsent_letters(Selection.objects.get(pk=selection.pk), dora)


def test_each_letter_records_who_when_which_and_in_which_language(cohort, dora, alice, bob):
    confirm(cohort, dora)
    letters = {letter.email: letter for letter in letters_about(cohort.apps["a1"])}
    assert set(letters) == {"alice@aurora.example", "bob@aurora.example"}
    assert letters["alice@aurora.example"].language == "fr" and letters["bob@aurora.example"].language == "en"
    assert {letter.template for letter in letters.values()} == {"decision_selected"}
    assert all(letter.sent_at and letter.sent_by == dora for letter in letters.values())
    assert letters["alice@aurora.example"].recipient == alice


def test_staff_read_an_applications_letters_on_its_page_and_the_applicant_does_not(
    client, cohort, dora, stella, alice, refusing
):
    confirm(cohort, dora)
    url = reverse("staff:application", args=[cohort.apps["a1"].pk])
    client.force_login(stella)
    page = client.get(url).content.decode()
    assert 'id="letters"' in page and "alice@aurora.example" in page
    assert "Not sent" in page and "mailbox unavailable" in page  # Bob's, refused
    client.force_login(alice)
    assert client.get(url).status_code in (403, 404)


def test_the_director_sees_what_is_unsent_and_sends_it_from_the_cohort_page(client, cohort, dora, refusing):
    selection = confirm(cohort, dora)
    client.force_login(dora)
    page_url = reverse("selection:selection", args=[cohort.call.slug, selection.pk])
    page = client.get(page_url).content.decode()
    assert "1 member of the decided organisations has no decision letter yet." in page
    assert "Send the unsent letters" in page
    refusing.clear()
    mail.outbox.clear()
    client.post(reverse("selection:send_letters", args=[cohort.call.slug, selection.pk]))
    assert [m.to for m in mail.outbox] == [["bob@aurora.example"]]
    assert "has no decision letter yet" not in client.get(page_url).content.decode()


def test_a_submission_confirmation_is_recorded_on_the_application(
    alice, aurora, energy, django_capture_on_commit_callbacks
):
    draft = complete_draft(alice, aurora, energy)
    with django_capture_on_commit_callbacks(execute=True):
        application_actions.check_submit(draft, alice)
    (letter,) = letters_about(draft)
    assert (letter.email, letter.template, letter.language) == (
        "alice@aurora.example",
        "application_submitted",
        "fr",
    )
    assert letter.sent_at is not None and letter.sent_by == alice
