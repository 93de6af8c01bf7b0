"""The directory and event pages read a fixed number of queries, however many organisations,
registrations or speakers there are (bench/engagement_pages.py times them at 20,000 organisations)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lodestar.core.models import EdtArea
from lodestar.engagement.models import AgendaItem, Event, Person, Profile, Registration
from lodestar.organisations.models import Organisation

pytest_plugins = ["tests.engagement_fixtures"]


def _world(n: int) -> Event:
    area, _ = EdtArea.objects.get_or_create(code="space", defaults={"name_en": "Space", "name_fr": "Espace"})
    organisations = Organisation.objects.bulk_create(
        Organisation(
            legal_name=f"Org {i}", headquarters_nation="FR", kind="space", employees=5, year_founded=2000
        )
        for i in range(n)
    )
    Profile.objects.bulk_create(Profile(organisation=o, space_segment="launch") for o in organisations)
    Organisation.areas.through.objects.bulk_create(
        Organisation.areas.through(organisation_id=o.pk, edtarea_id=area.pk) for o in organisations
    )
    start = timezone.now() + timedelta(days=3)
    event = Event.objects.create(
        kind="industry_day",
        title_en="Day",
        title_fr="Jour",
        starts_at=start,
        ends_at=start + timedelta(hours=5),
        capacity=n,
        status="published",
        partner=organisations[0],
    )
    people = Person.objects.bulk_create(
        Person(full_name=f"P{i}", organisation=organisations[i]) for i in range(n)
    )
    for h in range(3):
        item = AgendaItem.objects.create(
            event=event, starts_at=start, ends_at=start, title_en="S", title_fr="S"
        )
        item.speakers.set(people[h * 2 : h * 2 + 2])
    Registration.objects.bulk_create(Registration(event=event, person=p, status="registered") for p in people)
    return event


PAGES = ("engagement:directory", "engagement:events", "engagement:event", "engagement:manage_event")
LIMIT = 20


@pytest.mark.parametrize("page", PAGES)
def test_pages_read_the_same_few_queries_at_ten_and_at_sixty_organisations(client, emma, page):
    counts = []
    for n in (10, 60):
        Event.objects.all().delete()
        Person.objects.all().delete()
        Organisation.objects.all().delete()
        event = _world(n)
        client.force_login(emma)
        url = reverse(page, args=[event.pk]) if page.endswith("event") else reverse(page)
        client.get(url)  # warm the session and the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] <= LIMIT, counts
