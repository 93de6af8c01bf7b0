"""A partner proposal taken through both stages to a committee vote and a grant, in French, in a real
browser; and the partner pages on a 390-pixel phone in both languages (people in
tests/partnerships_fixtures.py)."""

from __future__ import annotations

import re

import pytest

from lodestar.applications import actions as app_actions
from lodestar.applications import workflow as app_wf
from lodestar.applications.models import Application
from lodestar.partnerships import actions, committee
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.models import Proposal
from lodestar.reviews.models import Assignment, Review
from tests.browser.test_narrow_screens import OVERFLOW, login
from tests.partnerships_helpers import FULL_TEXT, take_to_committee

pytest_plugins = ["tests.partnerships_fixtures"]
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def as_user(browser, live_server, user, width=1280):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    login(context, live_server, user)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_a_co_director_goes_from_short_proposal_to_committee_vote_and_grant_in_french(
    browser, live_server, partner_call, ulrich, lille, stella, dora, camille, greta, reviewer
):
    base = f"{live_server.url}/fr"
    context, page = as_user(browser, live_server, ulrich)
    page.goto(f"{base}/partnerships/")
    page.get_by_role("link", name="Cyberdéfense avec le Japon").click()
    page.get_by_role("link", name="Commencer une proposition").click()
    page.select_option("select[name=mechanism]", label="Projet pluriannuel")
    page.fill("input[name=title]", "Détection fédérée d'intrusions dans les systèmes portuaires")
    page.fill("textarea[name=summary]", "Deux laboratoires détectent ensemble les intrusions dans les ports.")
    page.fill(
        "textarea[name=outline]", "Les ports des deux nations utilisent les mêmes automates industriels."
    )
    page.fill("input[name=requested_amount]", "250000")
    page.fill("input[name=months]", "36")
    for side, values in (
        ("member", ("Ulrich Moreau", "ulrich@univ-lille.example", "FR", "Université de Lille", "university")),
        ("partner", ("Haruka Sato", "sato@keio.example", "JP", "Keio University", "university")),
    ):
        name, email, nation, employer, kind = values
        page.fill(f"input[name={side}_full_name]", name)
        page.fill(f"input[name={side}_email]", email)
        for field in ("nationality", "residence", "employer_nation"):
            page.select_option(f"select[name={side}_{field}]", nation)
        page.fill(f"input[name={side}_employer]", employer)
        page.select_option(f"select[name={side}_employer_kind]", kind)
    page.fill("input[name=end_user_1_organisation]", "Commandement de la cyberdéfense")
    page.select_option("select[name=end_user_1_nation]", "FR")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_url(re.compile(r"/fr/partnerships/proposals/\d+/$"))
    assert "respectée" in page.content()  # every rule met, shown before sending
    page.get_by_role("button", name="Envoyer la proposition courte").click()
    page.wait_for_load_state()
    proposal = Proposal.objects.get()
    assert proposal.status == wf.SHORT_SUBMITTED

    actions.check_screen_proposal(proposal, stella, "invite")
    page.goto(f"{base}/partnerships/proposals/{proposal.pk}/edit/")
    page.fill("textarea[name=description]", FULL_TEXT)
    page.get_by_role("button", name="Enregistrer et soumettre").click()
    page.wait_for_url(re.compile(r"/fr/partnerships/proposals/\d+/$"))
    assert "Proposition complète envoyée" in page.content()
    context.close()

    # Screening and peer review run on the review machinery (tested on their own pages).
    application = Application.objects.get(pk=proposal.application_id)
    app_actions.check_screen(application, stella, "accept")
    Application.objects.filter(pk=application.pk).update(status=app_wf.UNDER_REVIEW)
    assignment = Assignment.objects.create(
        application=application, expert=reviewer.expert, status=Assignment.Status.ACTIVE
    )
    Review.objects.create(assignment=assignment, status=Review.Status.SUBMITTED, recommendation="yes")
    committee.check_put_before_committee(proposal, stella)

    context, page = as_user(browser, live_server, camille)
    page.goto(f"{base}/partnerships/committee/")
    page.get_by_role("link", name=re.compile("Détection fédérée")).click()
    page.select_option("select[name=choice]", "for")
    page.get_by_role("button", name="Voter").click()
    page.wait_for_load_state()
    assert "Le vote de la nation France est enregistré." in page.content()
    context.close()
    committee.check_vote(proposal, greta, "DE", "for")

    context, page = as_user(browser, live_server, dora)
    page.goto(f"{base}/partnerships/proposals/{proposal.pk}/")
    page.get_by_role("button", name="Enregistrer la décision du comité").click()
    page.wait_for_load_state()
    assert "Décision : approuvée." in page.content()
    page.get_by_role("button", name="Accorder la subvention").click()
    page.wait_for_url(re.compile(r"/fr/grants/\d+/$"))
    context.close()
    application.refresh_from_db()
    assert application.award.amount == 250000


@pytest.mark.parametrize("language", ["fr", "en"])
def test_partner_pages_fit_a_390_pixel_screen(
    browser, live_server, project, ulrich, stella, reviewer, camille, language
):
    take_to_committee(project, ulrich, stella, reviewer)
    failures = {}
    for user, paths in (
        (
            ulrich,
            [
                "/partnerships/",
                "/partnerships/calls/cyber-japan/",
                "/partnerships/calls/cyber-japan/propose/",
                "/partnerships/proposals/",
                f"/partnerships/proposals/{project.pk}/",
            ],
        ),
        (camille, ["/partnerships/committee/", f"/partnerships/proposals/{project.pk}/"]),
        (stella, ["/partnerships/staff/partner-calls/cyber-japan/"]),
    ):
        context, page = as_user(browser, live_server, user, width=390)
        for path in paths:
            response = page.goto(f"{live_server.url}/{language}{path}")
            assert response is not None and response.status < 400, (path, response and response.status)
            measured = page.evaluate(OVERFLOW)
            if measured["scroll"] > measured["width"] + 1:
                failures[path] = measured
        context.close()
    assert failures == {}, "\n".join(f"{p}: {m}" for p, m in failures.items())
