"""Live job pages (issue 14, item 4): when a job ends under the reader's eyes, its bar asks htmx to
fetch the page again and swap its content in place (the figures the job changed show without a
reload), and says what the job came to in the reader's language, with a translated title; no
"Done done" / "Terminée réalisé".

Stella is programme staff; she started nothing herself but reads every job of her programme.
"""

from __future__ import annotations

from django.urls import reverse

from lodestar.core.jobs import create_job, execute_job
from lodestar.core.models import Job
from lodestar.reviews.actions import conflicts
from lodestar.selection import actions as selection


def poll(client, job, page_url, language="fr"):
    """What htmx asks every second from a page in `language` (the bar's URL carries the language)."""
    url = f"/{language}" + reverse("core:job_progress", args=[job.pk])[3:]
    return client.get(
        url, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=f"http://testserver{page_url}"
    ).content.decode()


def test_a_running_job_polls_and_asks_for_no_refresh(client, call, stella):
    job = create_job(
        conflicts.JOB_KIND, "Conflicts for 2026 challenge call", params={"call": call.pk}, user=stella
    )
    client.force_login(stella)
    page_url = reverse("reviews:conflicts", args=[call.slug])
    fragment = poll(client, job, page_url)
    assert 'hx-trigger="every 1s"' in fragment and 'hx-select="#main"' not in fragment


def test_a_job_that_ends_swaps_the_page_figures_in_place_with_its_outcome_in_french(client, call, stella):
    job = create_job(
        conflicts.JOB_KIND,
        "Conflicts of interest for 2026 challenge call",
        params={"call": call.pk},
        user=stella,
    )
    client.force_login(stella)
    with_fr = "/fr" + reverse("reviews:conflicts", args=[call.slug])[3:]
    execute_job(job.pk)
    assert Job.objects.get(pk=job.pk).status == Job.Status.DONE
    fragment = poll(client, job, with_fr)
    assert f'hx-get="{with_fr}"' in fragment
    assert 'hx-select="#main"' in fragment and 'hx-target="#main"' in fragment
    assert 'hx-trigger="every 1s"' not in fragment
    # Title and outcome in French, whoever started it and in whichever language.
    assert "Conflits d’intérêts pour l’appel Appel à défis 2026" in fragment
    assert "conflit possible trouvé" in fragment or "conflits possibles trouvés" in fragment
    assert "Terminée" in fragment and "réalisé" not in fragment
    assert "Refresh the page" not in fragment and "Actualisez" not in fragment
    # The page it fetches has the element swapped in.
    assert 'id="main"' in client.get(with_fr).content.decode()


def test_the_outcome_reads_in_english_for_an_english_reader(client, call, stella):
    job = create_job(
        conflicts.JOB_KIND,
        "Conflits d’intérêts pour Appel à défis 2026",
        params={"call": call.pk},
        user=stella,
    )
    execute_job(job.pk)
    client.force_login(stella)
    fragment = poll(client, job, reverse("reviews:conflicts", args=[call.slug]), language="en")
    assert "Conflicts of interest for 2026 challenge call" in fragment
    assert "possible conflicts found among 0 applications" in fragment
    assert "Done" in fragment and "done</span>" not in fragment


def test_only_a_path_of_this_site_is_fetched_again(client, call, stella):
    job = create_job(conflicts.JOB_KIND, "x", params={"call": call.pk}, user=stella)
    execute_job(job.pk)
    client.force_login(stella)
    for header in ("https://evil.example//evil.example/x", "javascript:alert(1)", ""):
        fragment = client.get(
            reverse("core:job_progress", args=[job.pk]), HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=header
        ).content.decode()
        assert "evil.example" not in fragment and "javascript" not in fragment
        assert 'hx-select="#main"' not in fragment


def test_a_page_loaded_after_the_end_shows_the_outcome_without_refreshing_itself(client, call, stella):
    job = create_job(conflicts.JOB_KIND, "x", params={"call": call.pk}, user=stella)
    execute_job(job.pk)
    client.force_login(stella)
    page = client.get(reverse("reviews:conflicts", args=[call.slug])).content.decode()
    assert 'hx-select="#main"' not in page


def test_letters_job_title_and_outcome_are_translated(call, stella):
    from django.utils import translation

    from lodestar.core.job_text import job_outcome, job_title
    from lodestar.selection.models import Selection

    chosen = Selection.objects.create(call=call, rules={}, feasible=True)
    job = Job.objects.create(
        kind=selection.LETTERS_JOB_KIND,
        label="Decision letters for 2026 challenge call",
        params={"selection": chosen.pk},
        status=Job.Status.DONE,
        result={"letters": 1234},
    )
    with translation.override("fr"):
        assert job_title(job) == "Lettres de décision pour l’appel Appel à défis 2026"
        assert job_outcome(job).endswith("234 lettres de décision envoyées.")
        assert not job_outcome(job).startswith("1,")
    with translation.override("en"):
        assert job_outcome(job) == "1,234 decision letters sent."
