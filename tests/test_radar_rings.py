"""Radars with ring sets of their own (adopt/trial/assess/hold by default), sectors the EDT areas, and
the edition page's interactive chart fed by a json_script element (no inline script)."""

from __future__ import annotations

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lodestar.radar import actions
from lodestar.radar.models import Edition, Radar


def test_the_first_edition_makes_the_default_radar_with_four_rings(rita):
    edition = actions.check_create_edition("2025 H1", rita)
    assert edition.radar.ring_keys() == ["adopt", "trial", "assess", "hold"]
    assert edition.radar.ring_label("assess", "en") == "Assess"
    assert edition.radar.entry_ring() == "assess"


def test_an_analyst_adds_a_radar_with_its_own_rings_in_both_languages(client, rita):
    client.force_login(rita)
    response = client.post(
        reverse("radar:editions"),
        {
            "what": "radar",
            "radar-name": "Fund theses",
            "radar-rings": "Invest | Investir\nWatch | Surveiller\nIgnore",
        },
    )
    assert response.status_code == 302
    radar = Radar.objects.get(name="Fund theses")
    assert radar.ring_keys() == ["invest", "watch", "ignore"]
    assert radar.ring_label("watch", "fr") == "Surveiller" and radar.ring_label("ignore", "fr") == "Ignore"
    edition = actions.check_create_edition("2025", rita, radar)
    with pytest.raises(ValidationError):  # a ring of another set is refused
        actions.check_save_blip(edition, rita, name="Drones", area="autonomy", ring="adopt", rationale="r")
    actions.check_save_blip(edition, rita, name="Drones", area="autonomy", ring="watch", rationale="r")
    page = client.get(f"/fr/radar/editions/{edition.pk}/")
    assert "Surveiller" in page.content.decode()


@pytest.mark.parametrize(
    "rings, message",
    [
        ("Only one", "from 2 to 6 rings"),
        ("A\nA | B", "same name"),
        ("A\n | B", "Line 2"),
        ("\n".join(f"R{i}" for i in range(7)), "from 2 to 6 rings"),
    ],
)
def test_a_bad_ring_set_is_refused_with_a_clear_message_and_nothing_is_made(client, rita, rings, message):
    client.force_login(rita)
    response = client.post(
        reverse("radar:editions"), {"what": "radar", "radar-name": "Bad", "radar-rings": rings}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Radar.objects.filter(name="Bad").exists()


def test_only_analysts_add_radars(client, fred):
    client.force_login(fred)
    response = client.post(
        reverse("radar:editions"), {"what": "radar", "radar-name": "Mine", "radar-rings": ""}
    )
    assert response.status_code == 403
    assert not Radar.objects.exists()


def test_movement_is_measured_within_one_radar(rita):
    first = actions.check_create_edition("2024", rita)
    actions.check_save_blip(first, rita, name="Quantum clocks", area="quantum", ring="assess", rationale="r")
    actions.check_publish_edition(first, rita)
    other = Radar.objects.create(
        name="Other",
        rings=[{"key": "near", "en": "Near", "fr": "Proche"}, {"key": "far", "en": "Far", "fr": "Loin"}],
    )
    elsewhere = actions.check_create_edition("Other 2025", rita, other)
    assert elsewhere.previous() is None and not elsewhere.blips.exists()  # nothing copied across radars
    second = actions.check_create_edition("2025", rita)
    assert second.previous() == first
    blip = second.blips.get()
    actions.check_save_blip(second, rita, blip, name=blip.name, area="quantum", ring="trial", rationale="r")
    from lodestar.radar.queries import movement

    assert movement(second) == {blip.pk: "in"}


def test_the_edition_page_hands_its_chart_to_a_static_script(client, rita):
    edition = actions.check_create_edition("2025", rita)
    actions.check_save_blip(
        edition, rita, name="Drone swarms", area="autonomy", ring="trial", rationale="Tests <b>"
    )
    client.force_login(rita)
    html = client.get(reverse("radar:edition", args=[edition.pk])).content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert all("src=" in attrs for attrs, body in scripts if 'type="application/json"' not in attrs)
    assert all(not body.strip() for attrs, body in scripts if "src=" in attrs)  # no inline code
    assert "vendor/d3-selection-3.0.0.min.js" in html and "lodestar/radar-chart.js" in html
    data = json.loads(
        re.search(r'<script id="radar-data" type="application/json">(.*?)</script>', html, re.S)[1]
    )
    assert [r["key"] for r in data["rings"]] == ["adopt", "trial", "assess", "hold"]
    assert len(data["sectors"]) == 11 and data["sectors"][0]["code"] == "ai"
    (blip,) = data["blips"]
    assert blip["name"] == "Drone swarms" and blip["ringLabel"] == "Trial" and blip["number"] == 1
    assert blip["rationale"] == "Tests <b>"  # escaped by json_script, kept as text
    assert Edition.objects.get().radar.name == "Technology radar"
