"""The engagement pages that carry a form to an action: the form comes back with what was typed and a
400 when the form or the action refuses it, and a saved one goes on with its message; a small form
sent from another page comes back to that page as a message.

Emma is the engagement officer; Paul a signed-in researcher with no role; the consultation is open
(tests/engagement_fixtures.py).
"""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from lodestar.engagement import actions
from lodestar.engagement.actions import consultations as consulting
from lodestar.engagement.models import Consultation, Contribution, Event
from tests.conftest import make_user

pytest_plugins = ["tests.engagement_fixtures"]

IDEA = "Forward bases need silent power at night: hydrogen storage would cut generator noise."
LOCAL = "%Y-%m-%dT%H:%M"


def _event_data(event: Event, **changes: object) -> dict[str, object]:
    start = timezone.localtime(event.starts_at)
    data: dict[str, object] = {
        "kind": event.kind,
        "title_en": event.title_en,
        "title_fr": event.title_fr,
        "starts_at": start.strftime(LOCAL),
        "ends_at": (start + timedelta(hours=8)).strftime(LOCAL),
        "city": event.city,
        "nation": event.nation,
        "capacity": event.capacity,
    }
    return {**data, **changes}


def test_an_officer_creates_a_consultation_from_its_page_and_lands_on_its_moderation(client, emma):
    client.force_login(emma)
    url = reverse("engagement:new_consultation")
    assert client.get(url).status_code == 200
    data = {
        "title_en": "Energy at the edge",
        "title_fr": "L'énergie en bout de chaîne",
        "question_en": "What would power forward bases?",
        "question_fr": "",
        "closes_on": "2027-06-30",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Energy at the edge" in response.content.decode()
    assert not Consultation.objects.exists()

    data["question_fr"] = "Qu'alimenterait les bases avancées ?"
    response = client.post(url, data, follow=True)
    made = Consultation.objects.get()
    assert response.redirect_chain == [(reverse("engagement:moderation", args=[made.pk]), 302)]
    assert "The consultation is created as a draft." in response.content.decode()


def test_a_capacity_below_the_places_held_is_refused_on_the_event_s_form_with_a_400(
    client, emma, industry_day
):
    for i in range(2):
        actions.check_register(industry_day, make_user(f"r{i}@example.org", name=f"R {i}"))
    client.force_login(emma)
    url = reverse("engagement:edit_event", args=[industry_day.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, _event_data(industry_day, capacity=1, city="Lyon"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "2 places are already held" in page
    assert "Lyon" in page
    assert Event.objects.get(pk=industry_day.pk).capacity == 3

    response = client.post(url, _event_data(industry_day, capacity=5), follow=True)
    assert response.redirect_chain == [(reverse("engagement:manage_event", args=[industry_day.pk]), 302)]
    assert "The event is saved." in response.content.decode()
    assert Event.objects.get(pk=industry_day.pk).capacity == 5


def test_someone_who_does_not_run_the_event_may_not_open_its_form(client, industry_day, paul):
    client.force_login(paul)
    assert client.get(reverse("engagement:edit_event", args=[industry_day.pk])).status_code == 403


def test_a_contribution_to_a_consultation_past_its_closing_day_is_refused_on_the_form(
    client, open_consultation, paul
):
    Consultation.objects.filter(pk=open_consultation.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(paul)
    url = reverse("engagement:contribute", args=[open_consultation.pk])
    data = {"kind": "idea", "title": "Silent power", "body": IDEA, "language": "en"}
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "This consultation is closed." in page
    assert "hydrogen storage" in page
    assert not Contribution.objects.exists()


def test_a_contribution_sent_from_the_page_goes_on_to_its_own_page(client, open_consultation, paul):
    client.force_login(paul)
    url = reverse("engagement:contribute", args=[open_consultation.pk])
    data = {"kind": "idea", "title": "Silent power", "body": IDEA, "language": "en"}
    response = client.post(url, data, follow=True)
    made = Contribution.objects.get()
    assert response.redirect_chain == [(reverse("engagement:contribution", args=[made.pk]), 302)]
    assert "waits for moderation" in response.content.decode()


def test_a_small_form_that_does_not_validate_comes_back_to_its_page_as_a_message(
    client, emma, industry_day, open_consultation, paul
):
    client.force_login(emma)
    manage = reverse("engagement:manage_event", args=[industry_day.pk])
    response = client.post(reverse("engagement:invite", args=[industry_day.pk]), {"emails": ""}, follow=True)
    assert response.redirect_chain == [(manage, 302)]
    assert "Give at least one e-mail address." in response.content.decode()

    contribution = consulting.check_contribute(
        open_consultation,
        paul,
        kind="idea",
        title="Silent power",
        body=IDEA,
        language="en",
        show_author=False,
    )
    response = client.post(
        reverse("engagement:moderate", args=[contribution.pk]), {"decision": "maybe"}, follow=True
    )
    assert response.redirect_chain == [(reverse("engagement:contribution", args=[contribution.pk]), 302)]
    assert "Choose to publish or to hide." in response.content.decode()
    assert Contribution.objects.get().status == "submitted"
