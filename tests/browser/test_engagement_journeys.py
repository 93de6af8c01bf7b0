"""Engagement journeys in a real browser: a visitor lands on the waitlist of a full event and the
officer approves from the filtered list (in English); a partner grant's co-director opens the
workshop's event and runs it, and a researcher registers for it (in French). People in
tests/conftest.py, tests/engagement_fixtures.py and tests/partnerships_fixtures.py."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from lodestar.engagement import actions as engagement
from lodestar.engagement.models import Event, EventKind, Person, Registration
from lodestar.partnerships import actions
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.models import Proposal
from tests.browser.test_narrow_screens import login
from tests.partnerships_helpers import FULL_TEXT, project_data

pytest_plugins = ["tests.engagement_fixtures", "tests.partnerships_fixtures"]
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def as_user(browser, live_server, user, locale):
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    login(context, live_server, user)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_a_visitor_lands_on_the_waitlist_and_the_officer_approves_in_english(
    browser, live_server, emma, paul, charlie
):
    start = timezone.now() + timedelta(days=30)
    event = engagement.do_create_event(
        kind=EventKind.INDUSTRY_DAY,
        title_en="Space industry day",
        title_fr="Journée de l'industrie spatiale",
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        capacity=1,
        needs_approval=True,
        actor=emma,
        starts_in="published",
    )
    first = engagement.check_register(event, paul)  # holds the one place, awaiting approval
    base = f"{live_server.url}/en"

    context, page = as_user(browser, live_server, charlie, "en-GB")
    page.goto(f"{base}/engagement/events/")
    page.get_by_role("link", name="Space industry day").click()
    page.get_by_role("button", name="Join the waitlist").click()
    page.wait_for_load_state()
    assert "Your registration: On the waitlist." in page.content()
    context.close()
    waiting = Registration.objects.get(event=event, user=charlie)
    assert waiting.status == "waitlisted"

    context, page = as_user(browser, live_server, emma, "en-GB")
    page.goto(f"{base}/engagement/staff/events/{event.pk}/")
    page.get_by_role("link", name="On the waitlist: 1").click()
    page.wait_for_url(re.compile(r"status=waitlisted"))
    assert "Charlie Hansen" in page.content() and "Paul Nowak" not in page.content()
    page.get_by_role("link", name="Awaiting approval: 1").click()
    page.wait_for_url(re.compile(r"status=pending"))
    page.get_by_role("button", name="Approve").click()
    page.wait_for_load_state()
    assert "The registration is now: Registered." in page.content()
    first.refresh_from_db()
    assert first.status == "registered"

    # Paul cancels: his place goes to Charlie, who waits for the officer's approval in turn.
    engagement.check_cancel_registration(first, paul)
    waiting.refresh_from_db()
    assert waiting.status == "pending"
    page.goto(f"{base}/engagement/staff/events/{event.pk}/?status=pending")
    page.get_by_role("button", name="Approve").click()
    page.wait_for_load_state()
    waiting.refresh_from_db()
    assert waiting.status == "registered"
    context.close()


def test_a_co_director_opens_the_workshop_s_event_and_a_researcher_registers_in_french(
    browser, live_server, ulrich, lille, partner_call, mechanisms, paul
):
    proposal = actions.check_create_proposal(
        ulrich,
        partner_call,
        lille,
        partner_call.call.challenges.get(),
        mechanisms["advanced-research-workshop"],
        project_data(
            title="Atelier sur le partage du renseignement",
            requested_amount=Decimal("35000"),
            months=None,
            days=3,
            description=FULL_TEXT,
        ),
    )
    Proposal.objects.filter(pk=proposal.pk).update(status=wf.APPROVED)  # the vote: test_partnerships_journey
    speaker = Person.objects.create(full_name="Sakura Endo", nation="JP")
    base = f"{live_server.url}/fr"
    start = timezone.localtime() + timedelta(days=40)

    context, page = as_user(browser, live_server, ulrich, "fr-FR")
    page.goto(f"{base}/partnerships/proposals/{proposal.pk}/")
    assert re.search("35\u202f000(\xa0|&nbsp;)€", page.content())  # the money of the French reader
    page.fill("input[name=starts_at]", start.strftime("%Y-%m-%dT09:00"))
    page.fill("input[name=ends_at]", (start + timedelta(days=2)).strftime("%Y-%m-%dT17:00"))
    page.fill("input[name=capacity]", "25")
    page.get_by_role("button", name="Ouvrir l'événement").click()
    page.wait_for_url(re.compile(r"/fr/engagement/staff/events/\d+/$"))
    assert "L'événement est ouvert aux inscriptions" in page.content()
    page.fill("form[action$='/enrol/'] input[name=person]", str(speaker.pk))
    page.get_by_role("button", name="Ajouter aux inscriptions").click()
    page.wait_for_load_state()
    assert "Sakura Endo : Inscrit." in page.content()
    context.close()
    event = Event.objects.get()
    assert (event.kind, event.partner_id, event.capacity) == ("workshop", lille.pk, 25)

    context, page = as_user(browser, live_server, paul, "fr-FR")
    page.goto(f"{base}/engagement/events/?kind=workshop")
    page.get_by_role("link", name="Atelier sur le partage du renseignement").click()
    page.get_by_role("button", name="S’inscrire").click()
    page.wait_for_load_state()
    assert "Votre inscription : Inscrit." in page.content()
    context.close()
    assert set(event.registrations.values_list("person__full_name", flat=True)) == {
        "Sakura Endo",
        "Paul Nowak",
    }
