"""Matching in the app: best challenge, near-duplicates, expert suggestions, search, the off switch."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lodestar.applications import actions as application_actions
from lodestar.experts.models import Expert, ExpertDocument
from lodestar.matching import actions
from lodestar.matching.models import ChallengeFit, DuplicatePair, ExpertSuggestion
from tests.conftest import complete_draft, make_organisation, make_user

ENERGY = (
    "Energy and power",
    "Deployed forces need resilient, silent and low-signature power: batteries, hydrogen, solar "
    "microgrids and energy storage for forward operating bases, with less fuel resupply.",
)
SENSING = (
    "Sensing and surveillance",
    "Detect, track and classify small drones and vessels with passive radar, acoustic sensors, "
    "infrared cameras and sensor fusion at the edge, in all weather, day and night.",
)

BATTERY_FR = (
    "Batteries sodium-ion pour micro-réseaux de bases avancées",
    "Nos batteries sodium-ion stockent l'énergie solaire des micro-réseaux et alimentent les bases "
    "avancées pendant la nuit, sans bruit ni signature thermique, en réduisant le ravitaillement en "
    "carburant des groupes électrogènes. Le stockage d'énergie reste sûr par grand froid.",
)
RADAR_EN = (
    "Passive radar that tracks small drones",
    "Our passive radar listens to broadcast transmitters to detect and track small drones and classify "
    "them with sensor fusion on an edge computer, in all weather, with no emission of its own. "
    "Acoustic sensors and infrared cameras confirm each track.",
)


@pytest.fixture
def matching_call(call, energy, sensing):
    for challenge, (title, text) in ((energy, ENERGY), (sensing, SENSING)):
        challenge.title_en = title
        challenge.summary_en = text
        challenge.description_en = text
        challenge.save()
    return call


def submit(owner, organisation, challenge, title, text):
    application = complete_draft(owner, organisation, challenge, title=title, summary=title, description=text)
    application_actions.check_submit(application, owner)
    return application


@pytest.fixture
def field(matching_call, energy, sensing, alice, aurora, charlie, borealis):
    """Aurora applies in French about batteries; Borealis files a drone radar under energy (wrong);
    Delta resubmits Borealis' text lightly reworded; two experts, one on energy, one on radar."""
    battery = submit(alice, aurora, energy, *BATTERY_FR)
    misfiled = submit(charlie, borealis, energy, *RADAR_EN)
    owner = make_user("dan@delta.example")
    delta = make_organisation(owner, "Delta Drones Ltd", "GB")
    reworded = submit(
        owner,
        delta,
        sensing,
        "Passive radar tracking small drones",
        RADAR_EN[1]
        .replace("Our passive radar", "The passive radar we build")
        .replace("no emission", "zero emission"),
    )
    energy_expert = Expert.objects.create(
        full_name="Eva Energy",
        email="eva@lab.example",
        nation="DK",
        expertise="Battery chemistry, sodium-ion and lithium-ion storage, microgrids for remote sites.",
    )
    ExpertDocument.objects.create(
        expert=energy_expert,
        title="Sodium-ion batteries for off-grid microgrids",
        abstract="Energy storage with sodium-ion cells for solar microgrids at remote camps.",
    )
    radar_expert = Expert.objects.create(
        full_name="Rolf Radar",
        email="rolf@lab.example",
        nation="NO",
        expertise="Passive radar, drone detection and tracking, sensor fusion.",
    )
    ExpertDocument.objects.create(
        expert=radar_expert,
        title="Passive bistatic radar for counter-drone surveillance",
        abstract="Detecting small drones with broadcast illuminators and tracking them with sensor fusion.",
    )
    return {
        "battery": battery,
        "misfiled": misfiled,
        "reworded": reworded,
        "energy_expert": energy_expert,
        "radar_expert": radar_expert,
    }


def test_a_run_flags_the_application_filed_under_the_wrong_challenge(field, matching_call, stella, sensing):
    job = actions.check_run_matching(matching_call, stella)
    assert job.status == "done", job.error
    fit = ChallengeFit.objects.get(application=field["misfiled"])
    assert fit.misfiled and fit.best_challenge == sensing
    assert "radar" in " ".join(term for term, _w in fit.explanation["terms"]).lower()
    assert not ChallengeFit.objects.get(application=field["battery"]).misfiled


def test_a_french_application_meets_its_english_challenge(field, matching_call, stella, energy):
    actions.check_run_matching(matching_call, stella)
    assert ChallengeFit.objects.get(application=field["battery"]).best_challenge == energy


def test_reworded_text_from_another_company_is_a_near_duplicate(field, matching_call, stella):
    actions.check_run_matching(matching_call, stella)
    pairs = {(p.first_id, p.second_id) for p in DuplicatePair.objects.filter(call=matching_call)}
    expected = tuple(sorted((field["misfiled"].pk, field["reworded"].pk)))
    assert expected in pairs
    assert not any(field["battery"].pk in pair for pair in pairs)


def test_experts_are_suggested_with_their_best_document(field, matching_call, stella):
    actions.check_run_matching(matching_call, stella)
    top = ExpertSuggestion.objects.get(application=field["battery"], rank=1)
    assert top.expert == field["energy_expert"]
    assert top.explanation["best_document"] == "Sodium-ion batteries for off-grid microgrids"
    assert ExpertSuggestion.objects.get(application=field["misfiled"], rank=1).expert == field["radar_expert"]


def test_the_application_page_shows_the_explanations(client, field, matching_call, stella):
    actions.check_run_matching(matching_call, stella)
    client.force_login(stella)
    page = client.get(reverse("staff:application", args=[field["misfiled"].pk])).content.decode()
    assert "Another challenge fits better" in page
    assert "Rolf Radar" in page and "Eva Energy" not in page  # an expert with no shared term is not suggested
    assert "Best matching document" in page
    assert field["reworded"].reference in page


def test_switched_off_matching_refuses_to_run_and_shows_nothing(client, field, matching_call, stella):
    client.force_login(stella)
    client.post(reverse("matching:switch", args=[matching_call.slug]), {"enabled": "0"})
    matching_call.refresh_from_db()
    assert not matching_call.matching_enabled
    with pytest.raises(ValidationError):
        actions.check_run_matching(matching_call, stella)
    page = client.get(reverse("staff:application", args=[field["battery"].pk])).content.decode()
    assert "AI matching is switched off for this call." in page
    assert not ChallengeFit.objects.exists()


def test_an_english_query_finds_the_french_application_and_the_reverse(client, field, stella):
    client.force_login(stella)
    response = client.get(reverse("matching:search"), {"q": "battery energy storage for microgrids"})
    found = [hit["object"] for hit in response.context["applications"]]
    assert found[0] == field["battery"]
    response = client.get(reverse("matching:search"), {"q": "détection de drones par radar passif"})
    found = [hit["object"] for hit in response.context["applications"]]
    assert set(found[:2]) == {field["misfiled"], field["reworded"]}


@pytest.mark.parametrize("person", ["alice", "erin"])
def test_matching_pages_are_for_staff_only(client, field, matching_call, person, request):
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("matching:search"), {"q": "radar"}).status_code == 403
    assert client.get(reverse("matching:overview", args=[matching_call.slug])).status_code == 403
    assert client.post(reverse("matching:run", args=[matching_call.slug])).status_code == 403


def test_the_command_matches_calls_that_closed_since_their_last_run(field, matching_call, capsys):
    call_command("run_matching", "--due")
    assert "Nothing to match" in capsys.readouterr().out  # still open
    matching_call.closes_at = timezone.now() - timedelta(minutes=1)
    matching_call.save()
    call_command("run_matching", "--due")
    assert ChallengeFit.objects.filter(application__challenge__call=matching_call).count() == 3
    call_command("run_matching", "--due")
    assert "Nothing to match" in capsys.readouterr().out


def test_a_failed_run_can_be_run_again_and_replaces_its_results(field, matching_call, stella):
    actions.check_run_matching(matching_call, stella)
    first = ChallengeFit.objects.count()
    actions.check_run_matching(matching_call, stella)
    assert ChallengeFit.objects.count() == first == 3


def test_the_progress_of_a_job_reads_in_the_readers_language(client, field, matching_call, stella):
    job = actions.check_run_matching(matching_call, stella)
    client.force_login(stella)
    assert job.message == "done"  # stored as the source text, translated when shown
    # Finished: its status and outcome, not the last step's word as well ("Terminée réalisé",
    # issue 14); while it runs, the step reads in the reader's language.
    finished = client.get(f"/fr/jobs/{job.pk}/").content.decode()
    assert "Terminée" in finished and "réalisé" not in finished and "candidatures lues" in finished
    type(job).objects.filter(pk=job.pk).update(status="running", message="best challenge")
    assert "meilleur défi" in client.get(f"/fr/jobs/{job.pk}/").content.decode()
    assert "best challenge" in client.get(f"/en/jobs/{job.pk}/").content.decode()
