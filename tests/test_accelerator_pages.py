"""The network's pages and API: the directory, a centre's month, booking, the company's bookings,
the operator's queue, calendar files, utilisation; who reads what, and how many queries each page
takes. People and places are those of tests/accelerator_fixtures.py; Fred (fund team) has no part
in the network.
"""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from icalendar import Calendar

from lodestar.accelerator import actions
from lodestar.accelerator.models import Booking, BookingDay, Centre
from lodestar.accounts.actions import do_create_api_token

pytest_plugins = ["tests.accelerator_fixtures"]

S = Booking.Status


@pytest.fixture
def booked(open_day, toulon, oslo, aurora, alice, borealis, charlie, allowances):
    """Aurora asked for a day at Toulon (waiting for Oscar); Borealis has a confirmed day at Oslo."""
    a = actions.check_request_booking(
        toulon, aurora, alice, open_day(toulon), open_day(toulon), "Sonar trials"
    )
    b = actions.check_request_booking(oslo, borealis, charlie, open_day(oslo), open_day(oslo), "Drone swarm")
    return a, b


def test_the_directory_filters_by_nation_kind_and_area(client, alice, toulon, oslo):
    client.force_login(alice)
    page = client.get(reverse("accelerator:directory"), {"nation": "NO"}).content.decode()
    assert "Oslo Drone Lab" in page and "Toulon Sea Range" not in page
    page = client.get(
        reverse("accelerator:directory"), {"area": "energy", "kind": "test_centre"}
    ).content.decode()
    assert "Oslo Drone Lab" in page and "Toulon Sea Range" in page
    assert client.get(reverse("accelerator:directory"), {"nation": "XX"}).status_code == 400


def test_the_directory_reads_in_french(client, alice, toulon):
    client.force_login(alice)
    page = client.get("/fr/accelerator/centres/").content.decode()
    assert "Banc d'essai énergie" in page or "Banc d&#x27;essai énergie" in page


def test_the_centre_calendar_names_companies_to_its_operator_only(client, alice, oscar, nina, booked, toulon):
    day = booked[0].starts_on
    url = reverse("accelerator:centre", args=[toulon.slug]) + f"?month={day:%Y-%m}"
    client.force_login(oscar)
    page = client.get(url).content.decode()
    assert "Aurora" in page and "1 of 1 taken" in page and ".ics" in page
    client.force_login(nina)
    page = client.get(url).content.decode()
    assert "Aurora" not in page and "1 of 1 taken" in page and toulon.feed_token not in page
    assert client.get(reverse("accelerator:centre", args=[toulon.slug]) + "?month=2027-13").status_code == 400


def test_the_calendar_and_utilisation_pages_read_in_few_queries(
    client, oscar, booked, toulon, django_assert_max_num_queries
):
    client.force_login(oscar)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("accelerator:centre", args=[toulon.slug])).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("accelerator:utilisation")).status_code == 200


def test_a_company_books_through_the_form_and_sees_its_own_bookings_only(
    client, alice, open_day, oslo, aurora, booked
):
    client.force_login(alice)
    day = open_day(oslo, 45)
    response = client.post(
        reverse("accelerator:book", args=[oslo.slug]),
        {"organisation": aurora.pk, "starts_on": day.isoformat(), "ends_on": day.isoformat(), "purpose": "x"},
    )
    assert response.status_code == 302
    page = client.get(reverse("accelerator:my_bookings")).content.decode()
    assert "Toulon Sea Range" in page and "Oslo Drone Lab" in page
    assert "Borealis" not in page


def test_a_booking_that_breaks_a_rule_is_a_400_that_says_why(client, alice, oslo, aurora, allowances):
    client.force_login(alice)
    response = client.post(
        reverse("accelerator:book", args=[oslo.slug]),
        {"organisation": aurora.pk, "starts_on": "2020-01-06", "ends_on": "2020-01-06"},
    )
    assert response.status_code == 400
    assert "notice" in response.content.decode()


def test_someone_without_a_company_cannot_book(client, fred, oslo):
    client.force_login(fred)
    assert client.get(reverse("accelerator:book", args=[oslo.slug])).status_code == 403


def test_the_operator_queue_holds_its_own_centres_only(client, oscar, nina, booked):
    toulon_booking, oslo_booking = booked
    client.force_login(oscar)
    page = client.get(reverse("accelerator:queue")).content.decode()
    assert "Aurora" in page and "Borealis" not in page
    url = reverse("accelerator:decide", args=[oslo_booking.pk])
    assert client.post(url, {"decision": "refuse"}).status_code == 404
    url = reverse("accelerator:decide", args=[toulon_booking.pk])
    assert client.post(url, {"decision": "maybe"}).status_code == 400
    assert client.post(url, {"decision": "confirm", "note": "See you"}).status_code == 302
    assert Booking.objects.get(pk=toulon_booking.pk).status == S.CONFIRMED


def test_a_company_cannot_open_the_operator_queue(client, alice):
    client.force_login(alice)
    assert client.get(reverse("accelerator:queue")).status_code == 403
    assert client.get(reverse("accelerator:utilisation")).status_code == 403


def test_the_invitation_is_a_calendar_event_for_the_company_only(client, alice, charlie, booked):
    booking = booked[0]
    client.force_login(alice)
    response = client.get(reverse("accelerator:invitation", args=[booking.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["UID"]).startswith(str(booking.uid))
    assert event.decoded("DTSTART") == booking.starts_on
    assert str(event["STATUS"]) == "TENTATIVE"
    client.force_login(charlie)
    assert client.get(reverse("accelerator:invitation", args=[booking.pk])).status_code == 404


def test_the_centre_feed_opens_with_its_secret_only(client, booked, toulon):
    response = client.get(reverse("accelerator:feed", args=[toulon.slug, toulon.feed_token]))
    assert response.status_code == 200
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 1
    assert client.get(reverse("accelerator:feed", args=[toulon.slug, "guess"])).status_code == 404


def test_the_utilisation_page_shows_the_under_used_centres(client, oscar, booked):
    client.force_login(oscar)
    page = client.get(reverse("accelerator:utilisation")).content.decode()
    assert "<svg" in page and "under-used" in page
    assert "Oslo Drone Lab" not in page  # Oscar operates Toulon only


def test_the_api_lists_a_companys_own_bookings_and_books(client, alice, aurora, open_day, oslo, booked):
    _token, key = do_create_api_token(alice, "cli")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    listed = client.get("/api/bookings", **headers).json()
    assert [b["id"] for b in listed["items"]] == [booked[0].pk]
    assert client.get(f"/api/bookings/{booked[1].pk}", **headers).status_code == 404
    assert client.get("/api/bookings?status=nonsense", **headers).status_code == 400
    day = open_day(oslo, 50).isoformat()
    body = {"centre": oslo.slug, "organisation": aurora.pk, "starts_on": day, "ends_on": day}
    response = client.post("/api/bookings", json.dumps(body), content_type="application/json", **headers)
    assert response.status_code == 201 and response.json()["status"] == S.CONFIRMED
    assert client.get("/api/centres?nation=NO", **headers).json()["count"] == 1
    assert client.get("/api/centres?kind=castle", **headers).status_code == 400


def test_the_api_lets_an_operator_decide_its_own_centres_bookings_only(client, nina, oscar, booked):
    _token, key = do_create_api_token(nina, "cli")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    url = f"/api/bookings/{booked[0].pk}/decision"
    body = json.dumps({"confirm": True})
    assert client.post(url, body, content_type="application/json", **headers).status_code == 404
    _token, key = do_create_api_token(oscar, "cli")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    response = client.post(url, body, content_type="application/json", **headers)
    assert response.status_code == 200 and response.json()["status"] == S.CONFIRMED
    assert not BookingDay.objects.filter(centre=Centre.objects.get(slug="oslo-drone-lab"), day=None).exists()


def test_the_pages_take_as_many_queries_for_forty_centres_as_for_two(
    client, arne, toulon, oslo, aurora, booked, django_assert_max_num_queries
):
    """Arne runs the network: his utilisation page covers every centre, and Toulon's month every booking."""
    from datetime import timedelta

    from lodestar.accelerator.models import Capability

    more = Centre.objects.bulk_create(
        Centre(
            kind="test_centre",
            slug=f"range-{n}",
            name=f"Range {n}",
            nation="DE",
            city="Meppen",
            operator=toulon.operator,
            capacity=3,
        )
        for n in range(40)
    )
    Capability.objects.bulk_create(
        Capability(centre=c, area=toulon.capabilities.first().area, name_en="Range", name_fr="Champ")
        for c in more
    )
    day = booked[0].starts_on
    rows = Booking.objects.bulk_create(
        Booking(
            centre=c,
            organisation=aurora,
            starts_on=day + timedelta(days=n % 20),
            ends_on=day + timedelta(days=n % 20),
            days=1,
            status=S.CONFIRMED,
        )
        for n, c in enumerate(more)
    )
    BookingDay.objects.bulk_create(
        BookingDay(centre_id=b.centre_id, booking=b, day=b.starts_on, slot=1) for b in rows
    )
    client.force_login(arne)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("accelerator:utilisation")).content.decode()
    assert "Range 39" in page
    with django_assert_max_num_queries(20):
        assert client.get(reverse("accelerator:directory")).status_code == 200
    with django_assert_max_num_queries(20):
        page = client.get(
            reverse("accelerator:centre", args=[toulon.slug]) + f"?month={day:%Y-%m}"
        ).content.decode()
    assert "Aurora" in page
