"""Who reads a note (issue 14, item 1): every note is internal unless the person who wrote it shared
it with the applicant. A call full of internal notes (screening, the director's override, the
reason to close open reviews, notes on the application's own events) is walked as its applicants
walk it: every page they can reach by following links, every API answer about their applications,
and every letter they received. No internal note appears anywhere; shared notes do, and the
platform's own notes read in the reader's language.

People from tests/conftest.py: Alice (French) and Bob (English) at Aurora, Charlie at Borealis,
Stella programme staff, Dora the director.
"""

from __future__ import annotations

from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from lodestar.applications import actions as app_actions
from lodestar.applications import workflow as wf
from lodestar.core.models import Audience, AuditEvent
from lodestar.core.workflow import describe_note, history, record, transition_many
from lodestar.selection import actions as selection
from tests.conftest import complete_draft
from tests.reviews_selection_fixtures import build_cohort, review

SECRET = "INTERNAL-NOTE"
# Pages an applicant reaches by links that change nothing, and a bound on the walk.
SKIP = ("/logout", "/accounts/logout", "/i18n/", "/static/", "/admin/")
MAX_PAGES = 300


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def full_of_notes(
    call,
    energy,
    sensing,
    alice,
    aurora,
    bob,
    charlie,
    borealis,
    stella,
    dora,
    django_capture_on_commit_callbacks,
):
    """A decided call where staff wrote internal notes at every step an applicant goes through."""
    cohort = build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)
    # A second Aurora application, screened with an internal note.
    screened = complete_draft(alice, aurora, sensing, title="Hydrogen for sensors")
    app_actions.check_submit(screened, alice)
    app_actions.check_screen(screened, stella, "accept", f"{SECRET}: founder seemed evasive")
    # A review still open when the cohort is confirmed, and the director's internal reasons.
    review(cohort.apps["a1"], "Ivo Open", "", {"fit": "half"}, submitted=False)
    proposed = selection.check_run_selection(call, dora)
    entry = proposed.entries.get(application=cohort.apps["a1"])
    selection.check_override(entry, dora, "in", f"{SECRET}: unique maritime capability")
    latest = selection.check_run_selection(call, dora)
    with django_capture_on_commit_callbacks(execute=True):
        selection.check_confirm_selection(latest, dora, reason=f"{SECRET}: the board meets tomorrow")
    for application in (cohort.apps["a1"], cohort.apps["a6"], screened):
        record(application, action="application:created", actor=stella, note=f"{SECRET}: raw event note")
    return cohort, screened


def _walk(client: Client, starts: list[str]) -> dict[str, str]:
    """Every same-site page reachable from `starts` by GET links (bounded), path -> HTML."""
    import re

    seen: dict[str, str] = {}
    queue = deque(starts)
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen or any(part in path for part in SKIP):
            continue
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            seen[path] = ""
            continue
        html = response.content.decode()
        seen[path] = html
        for href in re.findall(r'href="([^"#]+)"', html):
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith("/") or parts.query:
                continue
            queue.append(parts.path)
    return seen


@pytest.mark.parametrize("who", ["alice", "bob", "charlie"])
def test_no_internal_note_on_any_page_an_applicant_reaches(request, client, full_of_notes, who):
    cohort, screened = full_of_notes
    user = request.getfixturevalue(who)
    client.force_login(user)
    mine = [a.pk for a in (cohort.apps["a1"], cohort.apps["a6"], screened) if a.is_member(user)]
    starts = ["/", "/en/", "/fr/", "/en/applications/", "/fr/applications/"]
    starts += [f"/{lang}/applications/{pk}/" for pk in mine for lang in ("en", "fr")]
    pages = _walk(client, starts)
    detail_pages = [p for p in pages if any(p.endswith(f"/applications/{pk}/") for pk in mine)]
    assert len(detail_pages) == 2 * len(mine)  # the walk reached each of its applications in both languages
    assert len(pages) > 10
    leaking = sorted(path for path, html in pages.items() if SECRET in html)
    assert leaking == []


@pytest.mark.parametrize("who", ["alice", "bob", "charlie"])
def test_no_internal_note_in_any_api_answer_about_the_applicant_applications(
    request, client, full_of_notes, who
):
    cohort, screened = full_of_notes
    user = request.getfixturevalue(who)
    client.force_login(user)
    for application in (cohort.apps["a1"], cohort.apps["a6"], screened):
        for path in (f"/api/applications/{application.pk}", f"/api/applications/{application.pk}/history"):
            response = client.get(path)
            assert SECRET not in response.content.decode()
            assert response.status_code == (200 if application.is_member(user) else 404)


def test_no_internal_note_in_any_letter_to_an_applicant(full_of_notes, alice, bob, charlie):
    applicants = {alice.email, bob.email, charlie.email}
    letters = [m for m in mail.outbox if set(m.to) & applicants]
    assert letters  # the decision letters went out
    assert all(SECRET not in m.subject + m.body for m in letters)


def test_staff_read_every_note_with_its_audience(client, full_of_notes, stella):
    cohort, screened = full_of_notes
    client.force_login(stella)
    page = client.get(f"/en/staff/applications/{screened.pk}/").content.decode()
    assert f"{SECRET}: founder seemed evasive" in page and "Internal: programme staff only" in page
    answer = client.get(f"/api/applications/{cohort.apps['a1'].pk}/history").json()
    notes = {e["note"]: e["audience"] for e in answer["history"]}
    assert notes[f"{SECRET}: unique maritime capability"] == Audience.INTERNAL


def test_a_shared_note_reaches_the_applicant_and_nobody_else_s(client, alice, aurora_draft, stella, charlie):
    app_actions.check_submit(aurora_draft, alice)
    app_actions.check_screen(
        aurora_draft, stella, "ineligible", "Your company is a reseller.", audience=Audience.SHARED
    )
    client.force_login(alice)
    page = client.get(f"/en/applications/{aurora_draft.pk}/").content.decode()
    assert "Your company is a reseller." in page
    assert client.get(f"/api/applications/{aurora_draft.pk}/history").json()["history"][0]["note"] == (
        "Your company is a reseller."
    )
    client.force_login(charlie)
    assert client.get(f"/api/applications/{aurora_draft.pk}/history").status_code == 404


def test_system_notes_read_in_the_reader_language(client, alice, aurora_draft, stella):
    """The platform's own note ("Experts assigned") is kept as a msgid: French staff read it in
    French; the applicant's French page never shows the English words."""
    app_actions.check_submit(aurora_draft, alice)
    app_actions.check_screen(aurora_draft, stella, "accept")
    transition_many(
        type(aurora_draft).objects.filter(pk=aurora_draft.pk),
        wf.UNDER_REVIEW,
        stella,
        note="Experts assigned",
    )
    event = history(aurora_draft).get(action="application:under_review")
    with translation.override("fr"):
        assert describe_note(event) == "Experts affectés"
        assert describe_note(event, shared_only=True) == ""
    client.force_login(alice)
    page = client.get(f"/fr/applications/{aurora_draft.pk}/").content.decode()
    assert "Experts assigned" not in page and "Experts affectés" not in page
    client.force_login(stella)
    page = client.get(f"/fr/staff/applications/{aurora_draft.pk}/").content.decode()
    assert "Experts affectés" in page


def test_every_note_is_internal_unless_shared(alice, aurora_draft):
    event = record(aurora_draft, action="application:created", actor=alice, note="anything")
    assert event.audience == Audience.INTERNAL
    assert AuditEvent.objects.get(pk=event.pk).get_audience_display() == "Internal: programme staff only"
