"""The technology radar in the web app: an analyst uploads a French press release and sees its signals
with their evidence, follows a rising area, and publishes an edition with a blip from a suggestion.

Rita is an analyst (she curates the radar); Fred is on the fund team (he reads it); Alice is an
applicant (the radar is not hers to see).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lodestar.accounts.actions import do_create_api_token
from lodestar.core.models import AuditEvent
from lodestar.core.workflow import TransitionNotAllowed
from lodestar.radar import actions
from lodestar.radar import engine_adapter as adapter
from lodestar.radar.engine_adapter import Extracted
from lodestar.radar.models import Document, Edition, RadarSettings, Signal, Suggestion
from lodestar.radar.workflow import EditionStatus, SuggestionStatus
from tests.pdfs import text_pdf

RELEASE = (
    "L'Otan teste des essaims de drones en mer Baltique\n"
    "Ce mardi (20 février 2024), l'Alliance a présenté ses drones autonomes et ses drones de surface.\n"
    "Le ministère des Armées consacrera 1 milliard d'euros aux essaims de drones, a déclaré Florence Parly.\n"
    "Le Japon et les pays baltes suivent ces essais de robots et de drones aériens."
)


def _doc(title: str, text: str, published: dt.date) -> Extracted:
    return Extracted(title=title, text=f"{title}\n{text}", published=published, source="", kind="text")


def test_an_analyst_uploads_a_french_release_and_sees_its_signals_with_evidence(client, rita):
    client.force_login(rita)
    upload = SimpleUploadedFile("communique.txt", RELEASE.encode("utf-8"), content_type="text/plain")
    response = client.post(reverse("radar:documents"), {"documents": [upload]})
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.language == "fr" and document.published == dt.date(2024, 2, 20)
    assert set(document.signals.values_list("kind", "key")) >= {
        ("area", "autonomy"),
        ("nation", "JP"),
        ("nation", "EE"),
    }
    page = client.get(reverse("radar:document", args=[document.pk]), HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 200
    content = page.content.decode()
    assert "essaims de drones" in content and "Japon" in content and "1000000000 EUR" in content
    assert "Florence Parly" in content


def test_the_same_text_is_not_read_twice(rita):
    first, created = actions.do_add_document(_doc("Drones", "Drone swarms at sea.", dt.date(2024, 1, 2)))
    again, created_again = actions.do_add_document(
        _doc("Drones", "Drone  swarms at sea.", dt.date(2024, 1, 2))
    )
    assert created and not created_again and again.pk == first.pk
    assert Document.objects.count() == 1


def test_a_pdf_and_a_feed_are_read_in_the_background_job(client, rita):
    client.force_login(rita)
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>'
        b"<item><title>Quantum sensing at sea</title><link>https://example.org/q</link>"
        b"<description>The Royal Navy tests quantum sensing and quantum navigation.</description></item>"
        b"</channel></rss>"
    )
    files = [
        SimpleUploadedFile("report.pdf", text_pdf(["Hypersonic glide vehicles", "Published on 3 May 2023"])),
        SimpleUploadedFile("news.rss", feed),
        SimpleUploadedFile("broken.pdf", b"%PDF-1.4 nothing"),
    ]
    client.post(reverse("radar:documents"), {"documents": files})
    assert Document.objects.count() == 2
    job = actions.latest_ingest_job()
    assert job is not None and job.result["added"] == 2 and "broken.pdf" in job.result["unreadable"][0]
    assert "broken.pdf" in client.get(reverse("radar:documents")).content.decode()


def test_readers_read_but_only_analysts_act(client, rita, fred, alice):
    client.force_login(fred)
    assert client.get(reverse("radar:home")).status_code == 200
    upload = SimpleUploadedFile("a.txt", b"Title\nDrones.")
    assert client.post(reverse("radar:documents"), {"documents": [upload]}).status_code == 403
    with pytest.raises(PermissionDenied):
        actions.check_create_edition("Mine", fred)
    client.force_login(alice)
    assert client.get(reverse("radar:home")).status_code == 403


def _corpus() -> None:
    """Two years of calm, then a burst of quantum in the last months."""
    day = dt.date(2023, 1, 1)
    for i in range(80):
        actions.do_add_document(
            _doc(
                f"Cyber {i}",
                "Cyber defence against cyber attacks and ransomware.",
                day + dt.timedelta(days=9 * i),
            )
        )
    for i in range(4):
        actions.do_add_document(
            _doc(
                f"Quantum {i}",
                "Quantum sensing and quantum computing for navigation.",
                day + dt.timedelta(days=100 * i),
            )
        )
    for i in range(12):
        actions.do_add_document(
            _doc(
                f"Quantum late {i}",
                "Quantum sensing, quantum clocks and quantum computing.",
                dt.date(2024, 12, 1) + dt.timedelta(days=3 * i),
            )
        )


def test_a_burst_of_an_area_is_rising_and_explained(client, rita, call):
    from lodestar.core.models import EdtArea

    challenge = call.challenges.first()
    challenge.areas.add(EdtArea.objects.get(code="quantum"))
    _corpus()
    bursts = {b.key: b for b in adapter.rising(Signal.Kind.AREA)}
    assert bursts["quantum"].rising and bursts["quantum"].p_value < 0.01
    assert not bursts["cyber"].rising
    client.force_login(rita)
    page = client.get(reverse("radar:signal", args=["area", "quantum"])).content.decode()
    assert "binomial" in page and "<svg" in page and "Quantum late 0" in page
    assert reverse("calls:challenge", args=[call.slug, challenge.slug]) in page  # the area meets the calls


def test_a_suggestion_becomes_a_blip_only_when_an_analyst_confirms_it(client, rita):
    _corpus()
    made = actions.do_refresh_suggestions()
    assert [s.key for s in made] == ["quantum"] and "binomial test" in made[0].reason
    assert actions.do_refresh_suggestions() == []  # one open suggestion per area
    edition = actions.check_create_edition("2025 H1", rita)
    client.force_login(rita)
    client.post(
        reverse("radar:decide", args=[made[0].pk]),
        {"decision": "confirm", "edition": edition.pk, "name": "Quantum sensing"},
    )
    suggestion = Suggestion.objects.get()
    assert suggestion.status == SuggestionStatus.CONFIRMED and suggestion.blip.name == "Quantum sensing"
    assert suggestion.blip.documents.exists()
    assert AuditEvent.objects.filter(action="radar_suggestion:confirmed").count() == 1
    with pytest.raises(TransitionNotAllowed):
        actions.check_dismiss_suggestion(suggestion, rita)


def test_suggestions_can_be_switched_off(client, rita):
    _corpus()
    client.force_login(rita)
    client.post(reverse("radar:suggestions"), {"enabled": "0"})
    assert not RadarSettings.current().suggestions_enabled
    assert actions.do_refresh_suggestions() == []
    assert Suggestion.objects.count() == 0


def test_an_edition_is_published_with_movement_since_the_previous_one(client, rita):
    first = actions.check_create_edition("2024 H2", rita)
    with pytest.raises(ValidationError):
        actions.check_publish_edition(first, rita)  # no blip yet
    actions.check_save_blip(
        first, rita, name="Drone swarms", area="autonomy", ring="assess", rationale="Trials."
    )
    actions.check_save_blip(first, rita, name="5G", area="networks", ring="trial", rationale="Pilots.")
    actions.check_publish_edition(first, rita)
    first.refresh_from_db()
    assert first.status == EditionStatus.PUBLISHED and first.published_on is not None
    with pytest.raises(ValidationError):
        actions.check_save_blip(first, rita, name="Late", area="ai", ring="hold", rationale="Too late.")
    Edition.objects.filter(pk=first.pk).update(published_on=dt.date(2024, 12, 1))
    second = actions.check_create_edition("2025 H1", rita)
    swarms = second.blips.get(name="Drone swarms")
    actions.check_save_blip(second, rita, swarms, ring="trial", rationale="Fielded by two allies.")
    actions.check_save_blip(
        second, rita, name="Quantum clocks", area="quantum", ring="assess", rationale="New."
    )
    client.force_login(rita)
    page = client.get(reverse("radar:edition", args=[second.pk])).content.decode()
    assert "Moved in" in page and "New" in page and "No change" in page and "<svg" in page
    french = client.get(reverse("radar:edition", args=[second.pk]), HTTP_ACCEPT_LANGUAGE="fr")
    assert "Rapproché du centre" in client.get(f"/fr/radar/editions/{second.pk}/").content.decode()
    assert french.status_code == 200


def test_the_api_gives_documents_signals_and_editions_and_refuses_bad_input(client, rita, fred):
    _corpus()
    token = do_create_api_token(rita, "t")[1]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    listed = client.get("/api/radar/documents?limit=5", **headers).json()
    assert listed["count"] == Document.objects.count() and len(listed["items"]) == 5
    signals = client.get("/api/radar/signals/area", **headers).json()
    assert signals[0]["key"] == "quantum" and signals[0]["rising"]
    assert client.get("/api/radar/signals/colour", **headers).status_code == 400
    added = client.post(
        "/api/radar/documents",
        {"title": "Essai", "text": RELEASE},
        content_type="application/json",
        **headers,
    )
    assert added.status_code == 200 and added.json()["created"]
    assert (
        client.post(
            "/api/radar/documents", {"title": "x"}, content_type="application/json", **headers
        ).status_code
        == 422
    )
    assert (
        client.post(
            "/api/radar/documents", {"title": "x", "text": " "}, content_type="application/json", **headers
        ).status_code
        == 400
    )
    fred_token = do_create_api_token(fred, "t")[1]
    assert (
        client.post(
            "/api/radar/documents",
            {"title": "T", "text": "x"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {fred_token}",
        ).status_code
        == 403
    )


def test_unknown_signals_and_kinds_are_404(client, rita):
    client.force_login(rita)
    assert client.get(reverse("radar:signals", args=["colour"])).status_code == 404
    assert client.get(reverse("radar:signal", args=["area", "nothing"])).status_code == 404
    assert client.post(reverse("radar:decide", args=[999])).status_code == 404


def test_organisations_known_to_the_directory_are_linked(client, rita, alice):
    from tests.conftest import make_organisation

    known = make_organisation(alice, "Nordic Quantum Labs")
    document, _ = actions.do_add_document(
        _doc("Quantum", "Nordic Quantum Labs tests quantum sensing with Thales.", dt.date(2024, 3, 1))
    )
    signal = document.signals.get(kind="organisation", key="Nordic Quantum Labs")
    assert signal.organisation == known
    assert document.signals.get(kind="organisation", key="Thales").organisation is None
    client.force_login(rita)
    assert "In the directory" in client.get(reverse("radar:document", args=[document.pk])).content.decode()


def test_the_radar_pages_speak_french_under_fr(client, rita):
    _corpus()
    actions.do_refresh_suggestions()
    client.force_login(rita)
    home = client.get("/fr/radar/").content.decode()
    assert "Radar technologique" in home and "Domaines en hausse" in home and "test binomial" in home
    assert "Signaux" in client.get("/fr/radar/signals/area/").content.decode()
    suggestions = client.get("/fr/radar/suggestions/").content.decode()
    assert "Points suggérés" in suggestions and "Activer" not in suggestions  # on by default
    assert "Date de publication" in client.get("/fr/radar/documents/").content.decode()


def test_the_radar_pages_carry_the_site_wide_content_security_policy(client, rita):
    """One policy for the whole site: the chart and trend pages get no weaker one of their own."""
    document, _ = actions.do_add_document(_doc("Quantum", "Quantum sensing at sea.", dt.date(2024, 3, 1)))
    edition = actions.check_create_edition("2025 H1", rita)
    actions.check_save_blip(
        edition,
        rita,
        name="Quantum",
        area="quantum",
        ring="assess",
        rationale="Trials.",
        documents=[document],
    )
    client.force_login(rita)
    for url in [
        reverse("radar:edition", args=[edition.pk]),
        reverse("radar:signal", args=["area", "quantum"]),
        reverse("radar:signals", args=["area"]),
        reverse("radar:home"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY, url
        assert (
            "'unsafe-inline'" not in response["Content-Security-Policy"].split("style-src ")[1].split(";")[0]
        )
