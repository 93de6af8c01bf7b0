"""A job page updates in place when its job ends (issue 14, item 4): the bar polls, the job finishes,
and the page's content is swapped without a reload, with the outcome in French."""

from __future__ import annotations

import pytest

from lodestar.core.jobs import create_job, execute_job
from lodestar.reviews.actions import conflicts
from tests.browser.test_audience_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_page_swaps_in_the_results_when_the_job_ends(page, live_server, call, stella):
    base = live_server.url
    job = create_job(conflicts.JOB_KIND, "Conflicts of interest", params={"call": call.pk}, user=stella)
    sign_in(page, base, stella.email)
    page.goto(f"{base}/fr/staff/calls/{call.slug}/conflicts/")
    assert page.locator(f"#job-{job.pk}").count() == 1
    # A mark that a reload would wipe out: the update must come in place.
    page.evaluate("window.__stillHere = true")
    execute_job(job.pk)
    page.wait_for_selector(".job-outcome", timeout=15_000)
    outcome = page.locator(".job-outcome").inner_text()
    assert "conflit" in outcome and "trouvé" in outcome
    assert page.evaluate("window.__stillHere") is True
    assert "réalisé" not in page.locator("main").inner_text()
    # The run button is back (the page's own content was fetched again, not only the bar).
    assert page.locator("main form button[type=submit]:not([disabled])").count() >= 1
