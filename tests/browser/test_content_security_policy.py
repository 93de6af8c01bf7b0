"""The Content-Security-Policy holds on the key pages: Chromium reports no violation (no inline
script, no inline <style>, htmx configured by its meta tag), as a visitor, an applicant and staff.
The radar's pages get the same site-wide policy (settings.CONTENT_SECURITY_POLICY, no weaker one of
their own), and the edition's interactive chart (vendored d3-selection) still draws under it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client

from lodestar.applications import actions
from lodestar.radar import actions as radar
from lodestar.radar.engine_adapter import Extracted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def watched_page(browser, base, user, violations):
    """A page signed in as `user` (None: a visitor) whose CSP violations are added to `violations`."""
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return page


def open_page(page, base, path):
    """Load `path` and wait for its scripts; its policy is the site-wide one, whatever the page."""
    response = page.goto(f"{base}{path}")
    assert response is not None and response.status < 400, path
    assert response.headers["content-security-policy"] == settings.CONTENT_SECURITY_POLICY, path
    page.wait_for_load_state("networkidle")


def visit(browser, base, user, paths):
    """The CSP violations Chromium reports on each page, signed in as `user` (None: a visitor)."""
    violations: list[str] = []
    page = watched_page(browser, base, user, violations)
    try:
        for path in paths:
            open_page(page, base, path)
    finally:
        page.context.close()
    return violations


def test_key_pages_raise_no_csp_violation(browser, live_server, call, aurora_draft, alice, stella):
    actions.check_submit(aurora_draft, alice)
    base = live_server.url
    slug = call.slug
    assert (
        visit(browser, base, None, ["/en/", f"/en/calls/{slug}/", "/fr/calls/", "/en/accounts/login/"]) == []
    )
    assert visit(browser, base, alice, ["/en/applications/", f"/en/applications/{aurora_draft.pk}/"]) == []
    staff_pages = [
        f"/en/staff/calls/{slug}/",
        f"/en/staff/calls/{slug}/screening/",
        f"/en/staff/calls/{slug}/matching/",
        f"/en/staff/calls/{slug}/assignment/",
        "/api/docs",
    ]
    assert visit(browser, base, stella, staff_pages) == []


def _document(title: str, text: str) -> object:
    extracted = Extracted(
        title=title, text=f"{title}\n{text}", published=dt.date(2024, 3, 1), source="", kind="text"
    )
    return radar.do_add_document(extracted)[0]


def _edition_with_every_movement(analyst):
    """A draft edition whose three blips moved in, moved out and are new since the published one
    before it: every shape the chart draws (triangle up, triangle down, ringed circle)."""
    quantum = _document("Quantum clocks at sea", "Quantum sensing and quantum clocks for navigation.")
    cyber = _document("Cyber ranges", "Cyber defence against ransomware.")
    first = radar.check_create_edition("2025 H1", analyst)
    for name, area, ring, evidence in [
        ("Quantum clocks", "quantum", "assess", quantum),
        ("Cyber ranges", "cyber", "trial", cyber),
    ]:
        radar.check_save_blip(
            first, analyst, name=name, area=area, ring=ring, rationale="Trials.", documents=[evidence]
        )
    radar.check_publish_edition(first, analyst)
    second = radar.check_create_edition("2025 H2", analyst)  # starts from the first one's blips
    for blip in second.blips.all():
        radar.check_save_blip(second, analyst, blip, ring="trial" if blip.area == "quantum" else "assess")
    radar.check_save_blip(
        second, analyst, name="Drone swarms", area="autonomy", ring="hold", rationale="Early.", documents=[]
    )
    return second


def test_the_radar_pages_and_chart_raise_no_csp_violation(browser, live_server, rita):
    """Rita (analyst) reads the radar's pages, a signal's trend and an edition's chart: no violation,
    no script error, and the script's chart has replaced the server's drawing, one blip per row."""
    edition = _edition_with_every_movement(rita)
    blip = edition.blips.get(name="Drone swarms")
    base = live_server.url
    violations: list[str] = []
    errors: list[str] = []
    page = watched_page(browser, base, rita, violations)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for path in [
            "/en/radar/",
            "/en/radar/documents/",
            "/en/radar/signals/area/",
            "/en/radar/editions/",
            f"/en/radar/blips/{blip.pk}/",
        ]:
            open_page(page, base, path)
        open_page(page, base, "/en/radar/signals/area/quantum/")
        assert page.locator("figure svg rect").count() >= 1  # the trend: a bar per quarter

        open_page(page, base, f"/en/radar/editions/{edition.pk}/")
        chart = page.locator("#radar-chart svg.radar-interactive")
        assert chart.count() == 1 and page.locator("#radar-chart svg.radar-static").count() == 0
        blips = chart.locator("g.radar-blip")
        assert blips.count() == 3 == page.locator("table.radar-table tbody tr").count()
        assert chart.locator("g.radar-blip.moved-in path.mark").count() == 1
        assert chart.locator("g.radar-blip.moved-out path.mark").count() == 1
        assert chart.locator("g.radar-blip.moved-new circle.halo").count() == 1
        # Drawn and styled by radar.css (a mark filled in its ring's colour, not SVG's default black).
        box = blips.first.bounding_box()
        assert box is not None and box["width"] > 0
        fill = page.evaluate("getComputedStyle(document.querySelector('g.radar-blip .mark')).fill")
        assert fill not in ("", "none", "rgb(0, 0, 0)")
        chart.locator('g.radar-blip[aria-label*="Drone swarms"]').click()
        assert "Drone swarms" in page.locator(".radar-detail").inner_text()
    finally:
        page.context.close()
    assert errors == []
    assert violations == []
