"""A partner grant's workshop or course is an engagement event: its organisers (the co-directors'
body, the programme team) open it from the proposal and run it from the event's pages; it shows in
the event list and on the body's profile. People in tests/partnerships_fixtures.py."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from lodestar.accounts.actions import do_create_api_token
from lodestar.engagement import actions as engagement
from lodestar.engagement.models import Event, Person, Registration
from lodestar.engagement.queries import organisation_history, visible_events
from lodestar.partnerships import actions
from lodestar.partnerships import events as funded_events
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.models import Proposal
from tests.partnerships_helpers import FULL_TEXT, project_data

pytest_plugins = ["tests.partnerships_fixtures"]


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {do_create_api_token(user, 'tests')[1]}"}


@pytest.fixture
def workshop(ulrich, lille, partner_call, mechanisms):
    """An approved advanced research workshop of Université de Lille (the committee's vote is
    tested in test_partnerships.py: here the decision is taken as made)."""
    proposal = actions.check_create_proposal(
        ulrich,
        partner_call,
        lille,
        partner_call.call.challenges.get(),
        mechanisms["advanced-research-workshop"],
        project_data(
            title="Workshop on threat intelligence sharing",
            requested_amount=Decimal("35000"),
            months=None,
            days=3,
            description=FULL_TEXT,
        ),
    )
    Proposal.objects.filter(pk=proposal.pk).update(status=wf.APPROVED)
    proposal.refresh_from_db()
    return proposal


def _open(proposal, user, places=2, **extra):
    start = timezone.now() + timedelta(days=30)
    return funded_events.check_open_event(
        proposal, user, starts_at=start, ends_at=start + timedelta(days=2), capacity=places, **extra
    )


def test_the_organisers_open_the_workshop_as_an_event_of_the_directory(workshop, ulrich, lille, alice):
    event = _open(workshop, ulrich)
    workshop.refresh_from_db()
    assert workshop.event == event
    assert (event.kind, event.status, event.partner, event.title) == (
        "workshop",
        "published",
        lille,
        "Workshop on threat intelligence sharing",
    )
    # In the event list of anyone, and in the co-directors' body's history.
    assert event in visible_events(alice)
    assert event in organisation_history(lille, alice)["events"]
    with pytest.raises(ValidationError, match="already open"):
        _open(workshop, ulrich)


def test_a_title_left_blank_in_one_language_is_the_proposal_s_own(workshop, ulrich):
    event = _open(workshop, ulrich, title_fr="Atelier sur le partage du renseignement")
    assert (event.title_en, event.title_fr) == (
        "Workshop on threat intelligence sharing",
        "Atelier sur le partage du renseignement",
    )


def test_the_api_gives_a_proposal_s_event(workshop, ulrich, client):
    assert client.get(f"/api/partner-proposals/{workshop.pk}", **auth(ulrich)).json()["event"] is None
    event = _open(workshop, ulrich)
    assert client.get(f"/api/partner-proposals/{workshop.pk}", **auth(ulrich)).json()["event"] == event.pk
    assert client.get(f"/api/events/{event.pk}", **auth(ulrich)).status_code == 200


def test_only_an_approved_activity_has_an_event_and_only_its_organisers_open_it(
    workshop, mechanisms, ulrich, ivo, stella
):
    with pytest.raises(PermissionDenied):
        _open(workshop, ivo)
    workshop.mechanism = mechanisms["multi-year-project"]
    with pytest.raises(ValidationError):
        _open(workshop, ulrich)  # a multi-year project holds no event
    workshop.mechanism = mechanisms["advanced-research-workshop"]
    workshop.status = wf.COMMITTEE
    with pytest.raises(ValidationError):
        _open(workshop, ulrich)
    workshop.status = wf.APPROVED
    assert not Event.objects.exists()
    assert _open(workshop, stella).kind == "workshop"  # the programme team organises too


def test_the_organisers_run_their_event_and_nobody_else_s(workshop, ulrich, ivo, client, emma):
    event = _open(workshop, ulrich, places=1, needs_approval=True)
    speaker = Person.objects.create(full_name="Sakura Endo", nation="JP")
    first = engagement.check_enrol(event, ulrich, speaker)
    second = engagement.check_enrol(event, ulrich, Person.objects.create(full_name="Ryo Nakamura"))
    assert (first.status, second.status) == ("registered", "waitlisted")
    engagement.check_add_agenda_item(
        event,
        ulrich,
        starts_at=event.starts_at,
        ends_at=event.starts_at + timedelta(hours=1),
        title_en="Opening",
        title_fr="Ouverture",
        speakers=[speaker],
    )
    assert engagement.check_record_attendance(event, ulrich, [first.pk]) == 1
    with pytest.raises(PermissionDenied):
        engagement.check_enrol(event, ivo, speaker)
    with pytest.raises(PermissionDenied):
        engagement.check_add_agenda_item(
            event, ivo, starts_at=event.starts_at, ends_at=event.starts_at, title_en="X", title_fr="X"
        )

    client.force_login(ulrich)
    assert reverse("engagement:manage_event", args=[event.pk]) in client.get(
        reverse("engagement:event", args=[event.pk])
    ).content.decode("utf-8")
    assert client.get(reverse("engagement:manage_event", args=[event.pk])).status_code == 200
    response = client.post(reverse("engagement:move_event", args=[event.pk]), {"to": "closed"})
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).status == "closed"
    client.force_login(ivo)
    assert client.get(reverse("engagement:manage_event", args=[event.pk])).status_code == 403
    assert (
        client.post(reverse("engagement:enrol", args=[event.pk]), {"person": speaker.pk}).status_code == 403
    )
    # Another event stays the officers' own.
    other = engagement.do_create_event(
        kind="industry_day",
        title_en="Space day",
        title_fr="Journée spatiale",
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        capacity=5,
        actor=emma,
    )
    client.force_login(ulrich)
    assert client.get(reverse("engagement:manage_event", args=[other.pk])).status_code == 403


def test_the_proposal_page_opens_the_event_and_shows_money_in_the_reader_s_language(workshop, ulrich, client):
    client.force_login(ulrich)
    url = reverse("partnerships:proposal", args=[workshop.pk])
    page = client.get(url).content.decode()
    assert "€35,000" in page and "EUR 35" not in page
    with translation.override("fr"):
        french = client.get(reverse("partnerships:proposal", args=[workshop.pk])).content.decode()
    assert "35\u202f000\xa0€" in french
    assert "Open the event" in page
    assert 'name="title_fr" value="Workshop on threat intelligence sharing"' in page  # to translate
    start = (timezone.localtime() + timedelta(days=20)).replace(second=0, microsecond=0)
    response = client.post(
        reverse("partnerships:open_event", args=[workshop.pk]),
        {
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
            "capacity": "30",
            "title_en": "Threat intelligence sharing",
            "title_fr": "Partage du renseignement sur les menaces",
        },
    )
    event = Event.objects.get()
    assert (event.title_en, event.title_fr) == (
        "Threat intelligence sharing",
        "Partage du renseignement sur les menaces",
    )
    assert response.status_code == 302 and response["Location"].endswith(
        reverse("engagement:manage_event", args=[event.pk])
    )
    assert event.capacity == 30
    page = client.get(url).content.decode()
    assert reverse("engagement:manage_event", args=[event.pk]) in page
    assert client.post(reverse("partnerships:open_event", args=[workshop.pk]), {}).status_code == 400


def test_the_officer_page_of_a_big_event_is_paged_and_filtered(workshop, ulrich, client):
    event = _open(workshop, ulrich, places=60)
    people = Person.objects.bulk_create(Person(full_name=f"Person {i:03d}") for i in range(75))
    Registration.objects.bulk_create(
        Registration(event=event, person=p, status="registered" if i < 60 else "waitlisted")
        for i, p in enumerate(people)
    )
    client.force_login(ulrich)
    url = reverse("engagement:manage_event", args=[event.pk])
    first = client.get(url)
    assert len(first.context["page"].object_list) == 50 and first.context["page"].paginator.count == 75
    assert "Person 049" in first.content.decode() and "Person 050" not in first.content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert "Person 050" in second and "Person 074" in second
    waiting = client.get(url, {"status": "waitlisted"})
    assert [r.person.full_name for r in waiting.context["page"]] == [f"Person {i:03d}" for i in range(60, 75)]
    assert client.get(url, {"status": "nonsense"}).context["page"].paginator.count == 75

    # Attendance saved from the second page leaves the first page's record alone.
    registered = list(event.registrations.filter(status="registered").order_by("created_at", "pk"))
    engagement.check_record_attendance(event, ulrich, [r.pk for r in registered[:50]])
    shown = registered[50:]
    client.post(
        reverse("engagement:attendance", args=[event.pk]),
        {"shown": [r.pk for r in shown], "present": [shown[0].pk]},
    )
    assert event.registrations.filter(attended=True).count() == 51
