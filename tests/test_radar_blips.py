"""An analyst edits a blip of a draft edition: its ring, sector, titles and rationales in English and
French, its evidence kept or changed; each change is kept in the blip's history (who, when, before and
after). A published edition does not change; readers who are not analysts read but do not edit.

Rita is an analyst; Fred (fund team) reads the radar; Alice (applicant) does not see it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from lodestar.accounts.actions import do_create_api_token
from lodestar.radar import actions
from lodestar.radar.engine_adapter import Extracted
from lodestar.radar.models import Blip, BlipRevision, Edition
from tests.test_workflow_races import race


def _document(title: str) -> object:
    document, _ = actions.do_add_document(
        Extracted(
            title=title,
            text=f"{title}\nQuantum sensors for navigation.",
            published=dt.date(2024, 3, 1),
            source="",
            kind="text",
        )
    )
    return document


@pytest.fixture
def blip(rita) -> Blip:
    edition = actions.check_create_edition("2025 H1", rita)
    return actions.check_save_blip(
        edition,
        rita,
        name="Quantum clocks",
        area="quantum",
        ring="assess",
        rationale="Trials of quantum clocks at sea.",
        documents=[_document("Quantum clocks at sea"), _document("A second report")],
    )


def _form(blip: Blip, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": blip.name,
        "name_fr": blip.name_fr,
        "area": blip.area,
        "ring": blip.ring,
        "rationale": blip.rationale,
        "rationale_fr": blip.rationale_fr,
        "documents": [d.pk for d in blip.documents.all()],
    }
    data.update(changes)
    return data


def test_an_analyst_moves_a_blip_and_translates_it_and_the_history_says_what_changed(client, rita, blip):
    evidence = set(blip.documents.values_list("pk", flat=True))
    client.force_login(rita)
    response = client.post(
        reverse("radar:edit_blip", args=[blip.pk]),
        _form(blip, ring="trial", name_fr="Horloges quantiques", rationale_fr="Essais en mer."),
    )
    assert response.status_code == 302
    blip.refresh_from_db()
    assert (blip.ring, blip.name_fr, blip.rationale_fr) == ("trial", "Horloges quantiques", "Essais en mer.")
    assert set(blip.documents.values_list("pk", flat=True)) == evidence  # the evidence links are kept
    revision = BlipRevision.objects.get(blip=blip)
    assert revision.actor == rita
    assert revision.changes == {
        "ring": ["assess", "trial"],
        "name_fr": ["", "Horloges quantiques"],
        "rationale_fr": ["", "Essais en mer."],
    }
    english = client.get(reverse("radar:blip", args=[blip.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Quantum clocks" in english and "Assess" in english and "Trial" in english  # before and after
    french = client.get(f"/fr/radar/blips/{blip.pk}/").content.decode()
    assert "Horloges quantiques" in french and "Essais en mer." in french and "Historique" in french
    edition = client.get(f"/fr/radar/editions/{blip.edition_id}/").content.decode()
    assert "Horloges quantiques" in edition  # French readers read the French title on the edition
    assert "Quantum clocks" in client.get(f"/en/radar/editions/{blip.edition_id}/").content.decode()


def test_a_change_of_evidence_is_kept_with_the_documents_before_and_after(rita, blip):
    keep = blip.documents.order_by("pk").first()
    actions.check_save_blip(blip.edition, rita, blip=blip, documents=[keep])
    revision = BlipRevision.objects.get(blip=blip)
    assert revision.changes["documents"][1] == [keep.pk] and len(revision.changes["documents"][0]) == 2
    saving_again = actions.check_save_blip(blip.edition, rita, blip=blip, documents=[keep])
    assert saving_again.revisions.count() == 1  # nothing changed, nothing recorded


def test_a_blip_of_a_published_edition_is_not_edited(client, rita, blip):
    actions.check_publish_edition(blip.edition, rita)
    with pytest.raises(ValidationError):
        actions.check_save_blip(blip.edition, rita, blip=blip, ring="hold")
    client.force_login(rita)
    response = client.post(reverse("radar:edit_blip", args=[blip.pk]), _form(blip, ring="hold"))
    assert response.status_code == 400
    assert "A published edition does not change" in response.content.decode()
    blip.refresh_from_db()
    assert blip.ring == "assess" and not blip.revisions.exists()
    page = client.get(reverse("radar:blip", args=[blip.pk])).content.decode()
    assert "Save the blip" not in page


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"ring": "nowhere"}, "Select a valid choice"),
        ({"area": "alchemy"}, "Select a valid choice"),
        ({"rationale": "  "}, "This field is required"),
        ({"name": "Drone swarms"}, "already has a blip of that name"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(client, rita, blip, changes, message):
    actions.check_save_blip(
        blip.edition, rita, name="Drone swarms", area="autonomy", ring="trial", rationale="Seen at sea."
    )
    client.force_login(rita)
    response = client.post(reverse("radar:edit_blip", args=[blip.pk]), _form(blip, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    blip.refresh_from_db()
    assert (blip.name, blip.area, blip.ring) == ("Quantum clocks", "quantum", "assess")
    assert not blip.revisions.exists()


def test_readers_who_are_not_analysts_read_the_blip_but_do_not_edit_it(client, fred, alice, blip):
    client.force_login(fred)
    page = client.get(reverse("radar:blip", args=[blip.pk]))
    assert page.status_code == 200 and "Save the blip" not in page.content.decode()
    assert (
        client.post(reverse("radar:edit_blip", args=[blip.pk]), _form(blip, ring="hold")).status_code == 403
    )
    with pytest.raises(PermissionDenied):
        actions.check_save_blip(blip.edition, fred, blip=blip, ring="hold")
    client.force_login(alice)
    assert client.get(reverse("radar:blip", args=[blip.pk])).status_code == 403
    blip.refresh_from_db()
    assert blip.ring == "assess" and not blip.revisions.exists()


def test_a_blip_of_another_edition_is_refused(rita, blip):
    other = Edition.objects.create(radar=blip.edition.radar, name="Other")
    with pytest.raises(ValidationError):
        actions.check_save_blip(other, rita, blip=blip, ring="hold")


def test_a_new_edition_copies_the_french_title_and_rationale(rita, blip):
    actions.check_save_blip(blip.edition, rita, blip=blip, name_fr="Horloges", rationale_fr="Essais.")
    actions.check_publish_edition(blip.edition, rita)
    following = actions.check_create_edition("2025 H2", rita)
    copy = following.blips.get()
    assert (copy.name_fr, copy.rationale_fr) == ("Horloges", "Essais.")
    assert set(copy.documents.all()) == set(blip.documents.all())


def test_an_analyst_edits_a_blip_through_the_api_and_bad_input_is_a_clear_400(client, rita, fred, blip):
    evidence = sorted(blip.documents.values_list("pk", flat=True))
    rita_token = do_create_api_token(rita, "t")[1]
    as_rita = {"HTTP_AUTHORIZATION": f"Bearer {rita_token}", "content_type": "application/json"}
    url = f"/api/radar/blips/{blip.pk}"
    changed = client.patch(url, {"ring": "trial", "name_fr": "Horloges quantiques"}, **as_rita)
    assert changed.status_code == 200
    body = changed.json()
    assert (body["ring"], body["name_fr"], body["documents"]) == ("trial", "Horloges quantiques", evidence)
    assert body["revisions"][0]["changes"] == {
        "ring": ["assess", "trial"],
        "name_fr": ["", "Horloges quantiques"],
    }
    assert body["revisions"][0]["actor"] == rita.email
    for bad in ({"documents": [999999]}, {"area": "alchemy"}, {"name": "x" * 121}, {"rationale": " "}):
        refused = client.patch(url, bad, **as_rita)
        assert refused.status_code == 400, bad
        assert refused.json()["detail"]
    fred_token = do_create_api_token(fred, "t")[1]
    as_fred = {"HTTP_AUTHORIZATION": f"Bearer {fred_token}", "content_type": "application/json"}
    assert client.patch(url, {"ring": "hold"}, **as_fred).status_code == 403
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {fred_token}").json()["ring"] == "trial"
    actions.check_publish_edition(blip.edition, rita)
    assert client.patch(url, {"ring": "hold"}, **as_rita).status_code == 400
    blip.refresh_from_db()
    assert blip.ring == "trial" and blip.revisions.count() == 1


def test_the_api_gives_both_languages(client, rita, blip):
    actions.check_save_blip(blip.edition, rita, blip=blip, name_fr="Horloges quantiques")
    token = do_create_api_token(rita, "t")[1]
    edition = client.get(
        f"/api/radar/editions/{blip.edition_id}", HTTP_AUTHORIZATION=f"Bearer {token}"
    ).json()
    assert edition["blips"][0]["name_fr"] == "Horloges quantiques" and edition["blips"][0]["id"] == blip.pk


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_an_edit_while_the_edition_is_being_published_waits_and_is_refused(rita, blip):
    published, edited, waited = race(
        lambda: actions.check_publish_edition(blip.edition, rita),
        lambda: actions.check_save_blip(blip.edition, rita, blip=blip, ring="hold"),
    )
    assert isinstance(published, Edition)
    assert isinstance(edited, ValidationError)  # the edition it read as a draft is published meanwhile
    assert waited > 0.2
    blip.refresh_from_db()
    assert blip.ring == "assess" and not blip.revisions.exists()
