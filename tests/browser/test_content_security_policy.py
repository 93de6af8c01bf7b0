"""The Content-Security-Policy holds on the key pages: Chromium reports no violation (no inline
script, no inline <style>, htmx configured by its meta tag), as a visitor, an applicant and staff."""

from __future__ import annotations

import pytest
from django.test import Client

from lodestar.applications import actions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def visit(browser, base, user, paths):
    """The CSP violations Chromium reports on each page, signed in as `user` (None: a visitor)."""
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    for path in paths:
        response = page.goto(f"{base}{path}")
        assert response is not None and response.status < 400, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    context.close()
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
