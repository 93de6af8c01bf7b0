"""Every page an applicant uses fits a 390-pixel-wide phone, in both languages: nothing makes the
page scroll sideways (long titles, references, tables and forms wrap or scroll inside their box)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from lodestar.applications import actions
from tests.conftest import complete_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LONG_TITLE = (
    "Stockage d'hydrogène à l'état solide pour les bases avancées et les sites isolés sans réseau "
    "électrique, avec supervision à distance"
)
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > width + 1 && getComputedStyle(e).position !== 'absolute';
  }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
  return {scroll: document.documentElement.scrollWidth, width, wide};
}"""


def login(context, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_applicant_pages_fit_a_390_pixel_screen(
    browser, live_server, call, energy, sensing, alice, aurora, language
):
    sent = complete_draft(alice, aurora, energy, title=LONG_TITLE)
    actions.check_submit(sent, alice)
    draft = complete_draft(alice, aurora, sensing, title="Micro-réseau solaire démontable pour postes")
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    login(context, live_server, alice)
    page = context.new_page()
    paths = [
        "/",
        "/calls/",
        f"/calls/{call.slug}/",
        f"/calls/{call.slug}/{energy.slug}/",
        "/applications/",
        f"/applications/{sent.pk}/",
        f"/applications/{draft.pk}/",
        f"/applications/{draft.pk}/edit/",
        "/organisations/",
        f"/organisations/{aurora.pk}/",
        f"/organisations/{aurora.pk}/edit/",
        "/grants/",
        "/account/profile/",
        "/accelerator/centres/",
    ]
    failures = {}
    for path in paths:
        response = page.goto(f"{live_server.url}/{language}{path}")
        assert response is not None and response.status < 400, (path, response and response.status)
        measured = page.evaluate(OVERFLOW)
        if measured["scroll"] > measured["width"] + 1:
            failures[path] = measured
    context.close()
    assert failures == {}, "\n".join(f"{p}: {m}" for p, m in failures.items())
