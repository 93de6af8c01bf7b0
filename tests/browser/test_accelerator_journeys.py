"""The accelerator's pages in a real browser: the team's cohort board down to a company's page, an end
user's interest becoming an adoption case (in French) whose internal note never reaches the company,
and a company recording its own readiness level from its grant (in French). People and the cohort are
in tests/cohort_fixtures.py: Arne runs the cohort, Ulla is an end user for France, Alice is Aurora's
founder."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.models import AdoptionCase, TrlReading
from lodestar.core.models import Audience
from lodestar.core.workflow import history
from lodestar.grants import actions as grant_actions
from tests.browser.test_partnerships_journey import as_user

pytest_plugins = ["tests.cohort_fixtures"]
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_staff_go_from_the_cohort_board_to_a_company_page_and_record_a_reading(
    browser, live_server, cohort, arne, aurora
):
    context, page = as_user(browser, live_server, arne)
    page.goto(f"{live_server.url}/en/accelerator/cohorts/")
    page.get_by_role("link", name=cohort.name_en).click()
    page.wait_for_url(re.compile(rf"/en/accelerator/cohorts/{cohort.pk}/$"))
    board = page.content()
    assert "Borealis" in board and "Aurora Énergie SAS" in board
    page.get_by_role("link", name="Aurora Énergie SAS").click()
    place = cohort.companies.get(organisation=aurora)
    page.wait_for_url(re.compile(rf"/en/accelerator/cohorts/{cohort.pk}/companies/{place.pk}/$"))
    assert "Technology readiness over time" in page.content()
    page.get_by_text("Record a reading").click()
    page.fill("input[name=trl]", "6")
    page.fill("input[name=measured_on]", timezone.localdate().isoformat())
    page.fill("input[name=note]", "Sea trial witnessed by the programme")
    page.get_by_role("button", name="Record", exact=True).click()
    page.wait_for_load_state()
    assert "The reading is recorded." in page.content()
    readings = page.locator("ul.trl-readings").inner_text()
    assert "TRL 6" in readings and "Arne Accelerator" in readings
    context.close()
    assert TrlReading.objects.filter(company=place, trl=6, recorded_by=arne).exists()


def test_an_end_user_expresses_interest_and_follows_the_case_in_french(
    browser, live_server, cohort, ulla, alice, aurora
):
    base = f"{live_server.url}/fr"
    context, page = as_user(browser, live_server, ulla)
    page.goto(f"{base}/accelerator/showcase/")
    page.get_by_role("link", name=cohort.name_fr).click()
    card = page.locator(".card", has_text="Aurora Énergie SAS")
    card.get_by_text("Exprimer un intérêt").first.click()
    card.locator("textarea[name=need]").fill("Alimenter un poste avancé pendant quinze jours sans carburant.")
    card.get_by_role("button", name="Exprimer un intérêt").click()
    page.wait_for_url(re.compile(r"/fr/accelerator/adoption/\d+/$"))
    assert "Votre intérêt est enregistré" in page.content()
    case = AdoptionCase.objects.get()
    assert (case.nation, case.status) == ("FR", wf.AdoptionStatus.INTEREST)

    # The next step with an internal note (the default), then one shared with the company.
    page.select_option("select[name=to]", wf.AdoptionStatus.PILOT_AGREED)
    page.fill("input[name=on]", timezone.localdate().isoformat())
    page.fill("textarea[name=note], input[name=note]", "Budget de la brigade pas encore confirmé")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert "Budget de la brigade pas encore confirmé" in page.content()  # the nation reads it
    page.select_option("select[name=to]", wf.AdoptionStatus.FIELD_TEST)
    page.fill("input[name=on]", timezone.localdate().isoformat())
    page.fill("textarea[name=note], input[name=note]", "Essai au camp de Canjuers en mars")
    page.check(f"input[name=audience][value={Audience.SHARED}]")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    context.close()
    case.refresh_from_db()
    assert case.status == wf.AdoptionStatus.FIELD_TEST
    audiences = dict(history(case).exclude(note="").values_list("note", "audience"))
    assert audiences == {
        "Budget de la brigade pas encore confirmé": Audience.INTERNAL,
        "Essai au camp de Canjuers en mars": Audience.SHARED,
    }

    # The company follows the same case: the shared note only.
    context, page = as_user(browser, live_server, alice)
    page.goto(f"{base}/accelerator/adoption/")
    page.get_by_role("link", name="Aurora Énergie SAS").click()
    page.wait_for_url(re.compile(rf"/fr/accelerator/adoption/{case.pk}/$"))
    text = page.content()
    assert "Essai au camp de Canjuers en mars" in text
    assert "Budget de la brigade" not in text
    context.close()


def test_a_company_records_its_readiness_from_its_grant_in_french(
    browser, live_server, cohort, alice, aurora, dora
):
    place = cohort.companies.get(organisation=aurora)
    grant_actions.check_make_award(place.application, dora)
    base = f"{live_server.url}/fr"
    context, page = as_user(browser, live_server, alice)
    page.goto(f"{base}/grants/")
    page.get_by_role("link", name="Aurora Énergie SAS").click()
    page.get_by_role("link", name="La page de l'entreprise dans la cohorte").click()
    page.wait_for_url(re.compile(rf"/fr/accelerator/cohorts/{cohort.pk}/companies/{place.pk}/$"))
    page.get_by_text("Enregistrer votre niveau de maturité").click()
    page.fill("input[name=trl]", "7")
    page.fill("input[name=measured_on]", timezone.localdate().isoformat())
    page.fill("input[name=note]", "Essai en chambre climatique réussi")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_load_state()
    assert "Le relevé est enregistré." in page.content()
    readings = page.locator("ul.trl-readings").inner_text()
    assert "TRL 7" in readings and "enregistré par l'entreprise" in readings
    assert "Alice Martin" not in readings  # names are for the programme team
    context.close()
    reading = TrlReading.objects.get(company=place, trl=7)
    assert reading.recorded_by == alice and reading.note == "Essai en chambre climatique réussi"
