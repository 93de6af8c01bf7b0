"""Events: gates (invitation only, nations), registration with capacity, approval and waitlist,
calendar invitations by mail in the registrant's language, attendance and minutes."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from icalendar import Calendar

from lodestar.core.roles import Role
from lodestar.engagement import actions
from lodestar.engagement.models import Registration
from lodestar.engagement.queries import visible_events
from tests.conftest import make_user

pytest_plugins = ["tests.engagement_fixtures"]

S = Registration.workflow.states


def _users(n, nation="DE"):
    people = []
    for i in range(n):
        user = make_user(f"p{i}@example.org", Role.APPLICANT, name=f"P {i}")
        person = actions.person_for_user(user)
        person.nation = nation
        person.save(update_fields=["nation"])
        people.append(user)
    return people


def test_places_fill_then_the_waitlist_takes_the_rest_in_order(industry_day):
    users = _users(5)
    regs = [actions.check_register(industry_day, u) for u in users]
    assert [r.status for r in regs] == ["registered"] * 3 + ["waitlisted"] * 2


def test_a_cancellation_promotes_the_first_on_the_waitlist(industry_day):
    users = _users(5)
    regs = [actions.check_register(industry_day, u) for u in users]
    actions.check_cancel_registration(regs[1], users[1])
    statuses = list(Registration.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["registered", "cancelled", "registered", "registered", "waitlisted"]


def test_registering_twice_is_refused_with_a_message(industry_day, paul):
    actions.check_register(industry_day, paul)
    with pytest.raises(ValidationError, match="already registered"):
        actions.check_register(industry_day, paul)


def test_a_registration_waits_for_approval_when_the_event_asks(dialogue, alice, emma):
    registration = actions.check_register(dialogue, alice)
    assert registration.status == "pending"
    actions.check_decide_registration(registration, emma, approve=True)
    registration.refresh_from_db()
    assert registration.status == "registered"


def test_the_registrant_cannot_approve_their_own_registration(dialogue, alice):
    from lodestar.core.workflow import TransitionNotAllowed

    registration = actions.check_register(dialogue, alice)
    with pytest.raises(TransitionNotAllowed):
        actions.check_decide_registration(registration, alice, approve=True)


def test_an_invitation_only_event_is_invisible_to_the_uninvited(client, dialogue, alice, charlie):
    assert list(visible_events(charlie)) == []
    client.force_login(charlie)
    assert client.get(reverse("engagement:event", args=[dialogue.pk])).status_code == 404
    assert "with big tech" not in client.get(reverse("engagement:events")).content.decode()
    with pytest.raises(PermissionDenied):
        actions.check_register(dialogue, charlie)
    client.force_login(alice)
    assert client.get(reverse("engagement:event", args=[dialogue.pk])).status_code == 200


def test_anonymous_visitors_see_public_events_only(client, industry_day, dialogue):
    page = client.get(reverse("engagement:events")).content.decode()
    assert "Space industry day" in page and "with big tech" not in page


def test_a_nation_gate_refuses_other_nations_with_their_name(emma, industry_day, paul):
    actions.check_update_event(industry_day, emma, {"nations_allowed": ["FR", "DE"]})
    with pytest.raises(ValidationError, match="Poland"):
        actions.check_register(industry_day, paul)


def test_capacity_cannot_drop_below_the_places_held(emma, industry_day):
    for user in _users(3):
        actions.check_register(industry_day, user)
    with pytest.raises(ValidationError, match="3 places"):
        actions.check_update_event(industry_day, emma, {"capacity": 2})


def test_raising_capacity_promotes_the_waitlist(emma, industry_day):
    for user in _users(4):
        actions.check_register(industry_day, user)
    actions.check_update_event(industry_day, emma, {"capacity": 4})
    assert Registration.objects.filter(status="registered").count() == 4


def test_the_invitation_is_mailed_with_a_calendar_file_in_the_registrants_language(
    industry_day, django_capture_on_commit_callbacks
):
    french = make_user("claire@example.fr", Role.APPLICANT, language="fr", name="Claire")
    with django_capture_on_commit_callbacks(execute=True):
        registration = actions.check_register(industry_day, french)
    assert registration.status == "registered"
    (message,) = mail.outbox
    assert "Journée de l'industrie spatiale" in message.subject
    assert "inscription" in message.body
    name, content, mimetype = message.attachments[0]
    assert name == "invitation.ics" and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Journée de l'industrie spatiale"
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["uid"]).startswith(industry_day.uid)


def test_a_cancelled_registration_gets_a_cancelling_calendar_file(client, industry_day, paul):
    registration = actions.check_register(industry_day, paul)
    actions.check_cancel_registration(registration, paul)
    client.force_login(paul)
    response = client.get(reverse("engagement:invitation", args=[registration.pk]))
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["method"]) == "CANCEL"


def test_nobody_reads_another_persons_invitation(client, industry_day, paul, charlie):
    registration = actions.check_register(industry_day, paul)
    client.force_login(charlie)
    assert client.get(reverse("engagement:invitation", args=[registration.pk])).status_code == 404
    assert client.post(reverse("engagement:cancel_registration", args=[registration.pk])).status_code == 404


def test_attendance_marks_registered_people_only(emma, industry_day, paul):
    registration = actions.check_register(industry_day, paul)
    assert actions.check_record_attendance(industry_day, emma, [registration.pk]) == 1
    registration.refresh_from_db()
    assert registration.attended
    with pytest.raises(ValidationError):
        actions.check_record_attendance(industry_day, emma, [registration.pk + 999])


def test_minutes_are_read_by_participants_and_officers_only(client, emma, industry_day, paul, charlie):
    actions.check_register(industry_day, paul)
    actions.check_save_minutes(
        industry_day, emma, "We agreed on a shared constellation.", "Nous avons convenu."
    )
    url = reverse("engagement:event", args=[industry_day.pk])
    client.force_login(paul)
    assert "shared constellation" in client.get(url).content.decode()
    client.force_login(charlie)
    assert "shared constellation" not in client.get(url).content.decode()


def test_registering_through_the_page_on_a_closed_event_shows_a_message(client, emma, industry_day, paul):
    actions.check_move_event(industry_day, "closed", emma)
    client.force_login(paul)
    response = client.post(reverse("engagement:register", args=[industry_day.pk]), follow=True)
    assert response.status_code == 200
    assert "not open" in response.content.decode()
    assert not Registration.objects.exists()


def test_an_officer_creates_an_event_from_the_page_and_bad_dates_get_a_message(client, emma):
    client.force_login(emma)
    data = {
        "kind": "workshop",
        "title_en": "Quantum workshop",
        "title_fr": "Atelier quantique",
        "starts_at": "2027-03-02T09:00",
        "ends_at": "2027-03-01T17:00",
        "capacity": "30",
    }
    response = client.post(reverse("engagement:new_event"), data)
    assert response.status_code == 400
    assert "ends before it starts" in response.content.decode()
    data["ends_at"] = "2027-03-02T17:00"
    response = client.post(reverse("engagement:new_event"), data)
    assert response.status_code == 302


def test_the_event_pages_work_in_french(client, industry_day, paul):
    client.force_login(paul)
    page = client.get(f"/fr/engagement/events/{industry_day.pk}/").content.decode()
    assert "Journée de l" in page
    assert "S’inscrire" in page or "S'inscrire" in page
