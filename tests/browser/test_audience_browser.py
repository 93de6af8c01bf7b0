"""An applicant never sees an internal note: staff screen in a real browser, choosing who reads each
note next to the field; the applicant then reads its application's page, in French."""

from __future__ import annotations

import pytest

from lodestar.applications.actions import check_submit
from lodestar.core.models import Audience, AuditEvent
from tests.conftest import PASSWORD, complete_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, base, email):
    page.context.clear_cookies()
    page.goto(f"{base}/fr/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_an_applicant_never_sees_an_internal_note(
    page, live_server, call, alice, aurora, stella, energy, sensing
):
    base = live_server.url
    internal = complete_draft(alice, aurora, energy, title="Stockage silencieux")
    shared = complete_draft(alice, aurora, sensing, title="Capteurs à hydrogène")
    for application in (internal, shared):
        check_submit(application, alice)

    # Staff screen both in the browser: the form says who reads the note; internal is the default.
    sign_in(page, base, stella.email)
    page.goto(f"{base}/fr/staff/applications/{internal.pk}/")
    assert page.locator("input[name=audience][value=internal]").is_checked()
    assert "Partagée avec le candidat" in page.content()
    page.check("input[name=decision][value=accept]")
    page.fill("textarea[name=note]", "INTERNE : le fondateur semblait évasif")
    page.locator("form[action$='/screen/'] button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{base}/fr/staff/applications/{shared.pk}/")
    page.check("input[name=decision][value=accept]")
    page.fill("textarea[name=note]", "Merci de joindre vos statuts à jour.")
    page.check("input[name=audience][value=shared]")
    page.locator("form[action$='/screen/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert AuditEvent.objects.filter(audience=Audience.SHARED, note__startswith="Merci").exists()
    assert AuditEvent.objects.filter(audience=Audience.INTERNAL, note__startswith="INTERNE").exists()

    # The applicant reads both pages: the internal note nowhere, the shared one where it belongs.
    sign_in(page, base, alice.email)
    page.goto(f"{base}/fr/applications/{internal.pk}/")
    assert "Éligible" in page.content()
    assert "évasif" not in page.content()
    page.goto(f"{base}/fr/applications/{shared.pk}/")
    assert "Merci de joindre vos statuts à jour." in page.content()
    page.goto(f"{base}/fr/applications/")
    assert "évasif" not in page.content()
