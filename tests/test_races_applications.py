"""Applicants and directors pressing buttons at the same moment, as real HTTP requests from many
threads against a live server (issue 13, item 1).

The live-server tests run on PostgreSQL, where each request thread has its own connection and row
locks are real (`DATABASE_URL=postgres://... pytest tests/test_races_applications.py`; CI runs the
whole suite there). The same rules are checked on SQLite by the interleavings written out below
(a copy loaded before another request's change, then used), which are what a race produces, and
bench/races.py runs 100 trials of each race against a live server on both databases.

Alice (French) owns Aurora's draft; Dora directs the programme (tests/conftest.py).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from lodestar.applications import actions
from lodestar.applications import workflow as wf
from lodestar.applications.models import Application, Attachment
from lodestar.core.models import AuditEvent
from lodestar.selection import actions as selection_actions
from lodestar.selection.models import Selection
from tests.conftest import DESCRIPTION
from tests.live_http import all_at_once, session_for
from tests.pdfs import MINIMAL_PDF
from tests.reviews_selection_fixtures import build_cohort

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
)


def submissions(application: Application) -> int:
    return AuditEvent.objects.filter(
        object_id=str(application.pk), action=f"application:{wf.SUBMITTED}"
    ).count()


def draft_form(title: str, submit: bool = False) -> dict[str, object]:
    form: dict[str, object] = {
        "title": title,
        "summary": "Silent, low-pressure hydrogen storage that powers camps at night.",
        "description": DESCRIPTION,
        "trl": "5",
        "requested_amount": "100000",
        "team-TOTAL_FORMS": "1",
        "team-INITIAL_FORMS": "1",  # as the page renders it: one member already
        "team-MIN_NUM_FORMS": "0",
        "team-MAX_NUM_FORMS": "1000",
        "team-0-name": "Alice Martin",
        "team-0-role": "CEO",
        "team-0-nation": "FR",
        "team-0-expertise": "",
    }
    if submit:
        form["submit"] = "1"
    return form


# --- The same rules, on both databases, as the interleavings a race produces -----------------------


def test_a_save_loaded_before_a_submission_does_not_turn_it_back_into_a_draft(aurora_draft, alice):
    loaded_by_the_save = Application.objects.get(pk=aurora_draft.pk)  # the "save draft" tab read it first
    actions.check_submit(Application.objects.get(pk=aurora_draft.pk), alice)
    with pytest.raises(ValidationError, match="Only a draft"):
        actions.check_update_draft(loaded_by_the_save, alice, {"title": "Written over"})
    aurora_draft.refresh_from_db()
    assert aurora_draft.status == wf.SUBMITTED
    assert aurora_draft.title == "Solid-state hydrogen storage for forward bases"
    assert submissions(aurora_draft) == 1


def test_a_second_submission_loaded_before_the_first_was_sent_is_refused(aurora_draft, alice):
    first, second = (Application.objects.get(pk=aurora_draft.pk) for _ in range(2))
    actions.check_submit(first, alice)
    mail.outbox.clear()
    with pytest.raises(ValidationError, match="already been sent"):
        actions.check_submit(second, alice)
    assert submissions(aurora_draft) == 1
    assert mail.outbox == []  # no second confirmation


def test_a_saved_draft_only_writes_its_own_fields(aurora_draft, alice, stella):
    loaded = Application.objects.get(pk=aurora_draft.pk)
    Application.objects.filter(pk=aurora_draft.pk).update(screening_note="Written by staff meanwhile")
    actions.check_update_draft(loaded, alice, {"title": "A better title"})
    aurora_draft.refresh_from_db()
    assert aurora_draft.title == "A better title"
    assert aurora_draft.screening_note == "Written by staff meanwhile"


def test_an_upload_checks_the_limit_against_what_is_stored_not_what_was_loaded(aurora_draft, alice):
    loaded = Application.objects.get(pk=aurora_draft.pk)
    for n in range(actions.MAX_ATTACHMENTS):
        actions.check_add_attachment(aurora_draft, alice, SimpleUploadedFile(f"p{n}.pdf", MINIMAL_PDF))
    with pytest.raises(ValidationError, match="at most 10"):
        actions.check_add_attachment(loaded, alice, SimpleUploadedFile("late.pdf", MINIMAL_PDF))
    assert Attachment.objects.filter(application=aurora_draft).count() == actions.MAX_ATTACHMENTS


def test_an_upload_to_an_application_sent_meanwhile_is_refused(aurora_draft, alice):
    loaded = Application.objects.get(pk=aurora_draft.pk)
    actions.check_submit(Application.objects.get(pk=aurora_draft.pk), alice)
    with pytest.raises(ValidationError, match="draft"):
        actions.check_add_attachment(loaded, alice, SimpleUploadedFile("late.pdf", MINIMAL_PDF))
    assert not Attachment.objects.exists()


# --- Real concurrent requests against a live server (PostgreSQL) ----------------------------------


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_submit_and_save_at_once_never_leave_a_submitted_application_as_a_draft(
    live_server, client, aurora_draft, alice
):
    session = session_for(client, alice, live_server.url)
    for trial in range(5):
        Application.objects.filter(pk=aurora_draft.pk).update(status=wf.DRAFT, submitted_at=None)
        before = submissions(aurora_draft)
        codes = all_at_once(
            [
                lambda: session.post(f"/en/applications/{aurora_draft.pk}/submit/", {}),
                lambda t=trial: session.post(
                    f"/en/applications/{aurora_draft.pk}/edit/", draft_form(f"Save {t}")
                ),
            ]
        )
        assert all(code in (200, 302) for code in codes), codes
        aurora_draft.refresh_from_db()
        assert submissions(aurora_draft) - before == 1
        assert aurora_draft.status == wf.SUBMITTED  # the save never wrote "draft" back


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_five_concurrent_save_and_submit_give_one_submission_and_one_letter(
    live_server, client, aurora_draft, alice
):
    session = session_for(client, alice, live_server.url)
    mail.outbox.clear()
    url = f"/en/applications/{aurora_draft.pk}/edit/"
    codes = all_at_once(
        [lambda n=n: session.post(url, draft_form(f"Tab {n}", submit=True)) for n in range(5)]
    )
    assert all(code in (200, 302) for code in codes), codes
    aurora_draft.refresh_from_db()
    assert aurora_draft.status == wf.SUBMITTED
    assert submissions(aurora_draft) == 1
    assert [m.to for m in mail.outbox] == [["alice@aurora.example"]]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_uploads_store_at_most_ten(live_server, client, aurora_draft, alice):
    session = session_for(client, alice, live_server.url)
    url = f"/en/applications/{aurora_draft.pk}/attachments/"
    codes = all_at_once(
        [lambda n=n: session.post(url, {}, files={"file": (f"deck-{n}.pdf", MINIMAL_PDF)}) for n in range(20)]
    )
    assert all(code == 302 for code in codes), codes
    assert Attachment.objects.filter(application=aurora_draft).count() == actions.MAX_ATTACHMENTS


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_directors_confirming_one_cohort_at_once_decide_it_once(
    live_server, client, call, energy, sensing, alice, aurora, charlie, borealis, dora, petra
):
    cohort = build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)
    selection = selection_actions.check_run_selection(cohort.call, dora)
    url = f"/en/staff/calls/{call.slug}/selection/runs/{selection.pk}/confirm/"
    directors = [session_for(client, dora, live_server.url), session_for(client, petra, live_server.url)]
    codes = all_at_once([lambda s=s: s.post(url, {}) for s in directors * 2])
    assert all(code in (200, 302) for code in codes), codes
    assert Selection.objects.get(pk=selection.pk).status == Selection.Status.CONFIRMED
    confirmed = AuditEvent.objects.filter(object_id=str(call.pk), action="selection:confirmed").count()
    assert confirmed == 1
    decided = AuditEvent.objects.filter(
        action__in=[f"application:{wf.SELECTED}", f"application:{wf.REJECTED}"]
    )
    assert decided.count() == len(cohort.apps)  # one decision per application, not two
    assert Decimal(selection.cost) > 0
