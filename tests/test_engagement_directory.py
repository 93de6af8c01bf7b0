"""The directory: import all or nothing, duplicates merged with every link kept, relationships, an
organisation's history (each part to its own readers), and a person's rights over their data."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import Workbook

from lodestar.core.models import AuditEvent, EdtArea
from lodestar.engagement import actions
from lodestar.engagement.actions import directory
from lodestar.engagement.engine_adapter import compute_duplicates
from lodestar.engagement.importing import ImportRefused
from lodestar.engagement.models import Consent, DuplicatePair, Person, Profile, Relationship
from lodestar.organisations.models import Membership, Organisation
from tests.conftest import complete_draft

pytest_plugins = ["tests.engagement_fixtures"]

HEADER = "legal_name,nation,kind,year_founded,employees,website,space_segment,areas,capabilities\n"


@pytest.fixture
def areas(db):
    for i, code in enumerate(("space", "quantum")):
        EdtArea.objects.get_or_create(code=code, defaults={"name_en": code, "name_fr": code, "position": i})


def test_a_clean_csv_is_imported_whole(emma, areas):
    csv = HEADER + (
        "Helios Orbital,DE,space,2019,40,helios.example,in_orbit_servicing,space,Robotic arms;Refuelling\n"
        "Qubit Nord,FI,startup,2021,12,,,quantum,\n"
    )
    made = directory.check_import_organisations("orgs.csv", csv.encode(), emma)
    assert [o.legal_name for o in made] == ["Helios Orbital", "Qubit Nord"]
    helios = Organisation.objects.get(legal_name="Helios Orbital")
    assert helios.website == "https://helios.example"
    assert helios.directory_profile.capability_list() == ["Robotic arms", "Refuelling"]
    assert list(helios.areas.values_list("code", flat=True)) == ["space"]


def test_one_bad_row_refuses_the_whole_file_with_each_row_and_reason(emma, areas):
    csv = HEADER + (
        "Helios Orbital,DE,space,2019,40,,,space,\n"
        "Nowhere Ltd,XX,startup,2021,12,,,,\n"
        "Old Co,FR,sme,1700,x,,,warp,\n"
    )
    with pytest.raises(ImportRefused) as refused:
        directory.check_import_organisations("orgs.csv", csv.encode(), emma)
    rows = {(r.row, r.reason) for r in refused.value.refusals}
    assert (3, "“XX” is not a known nation code.") in rows
    assert {r.row for r in refused.value.refusals} == {3, 4}
    assert any("warp" in reason for row, reason in rows if row == 4)
    assert not Organisation.objects.exists()


def test_an_xlsx_file_is_read_like_a_csv(emma, areas):
    book = Workbook()
    sheet = book.active
    sheet.append(["legal_name", "nation", "kind", "year_founded", "employees", "areas"])
    sheet.append(["Think Atlantic", "BE", "think_tank", 2004, 25, "quantum"])
    buffer = io.BytesIO()
    book.save(buffer)
    (made,) = directory.check_import_organisations("orgs.xlsx", buffer.getvalue(), emma)
    assert made.kind == "think_tank" and made.employees == 25


def test_the_import_page_shows_the_refusals_and_a_400(client, emma, areas):
    client.force_login(emma)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("orgs.csv", (HEADER + "X,XX,startup,2021,1,,,,\n").encode())
    response = client.post(reverse("engagement:import"), {"file": upload})
    assert response.status_code == 400
    assert "Row 2" in response.content.decode() or "<td>2</td>" in response.content.decode()


def test_only_officers_import(alice, areas):
    with pytest.raises(PermissionDenied):
        directory.check_import_organisations("orgs.csv", HEADER.encode(), alice)


def test_a_merge_keeps_every_link(emma, alice, aurora, energy, industry_day):
    twin = Organisation.objects.create(
        legal_name="Aurora Energie SAS",
        headquarters_nation="FR",
        kind="startup",
        year_founded=2020,
        employees=5,
        website="https://www.aurora.example",
    )
    Membership.objects.create(organisation=twin, user=alice)  # Alice is a member of both
    application = complete_draft(alice, twin, energy)
    person = Person.objects.create(full_name="Jean Dupont", organisation=twin)
    industry_day.partner = twin
    industry_day.save(update_fields=["partner"])
    Relationship.objects.create(source=twin, target=aurora, kind="partner")
    Profile.objects.create(organisation=twin, capabilities="Batteries")
    assert compute_duplicates() == 1, list(Organisation.objects.values_list("legal_name", "website"))
    pair = DuplicatePair.objects.get()
    assert {pair.first_id, pair.second_id} == {aurora.pk, twin.pk}
    directory.check_merge(pair, aurora, emma)
    application.refresh_from_db()
    person.refresh_from_db()
    industry_day.refresh_from_db()
    assert application.organisation_id == aurora.pk
    assert person.organisation_id == aurora.pk
    assert industry_day.partner_id == aurora.pk
    assert Membership.objects.filter(user=alice, organisation=aurora).count() == 1
    assert not Organisation.objects.filter(pk=twin.pk).exists()
    assert not Relationship.objects.exists()  # a partnership with itself means nothing
    assert AuditEvent.objects.filter(object_id=str(aurora.pk), action="organisation:merged").exists()
    pair.refresh_from_db()
    assert pair.status == "merged"


def test_a_dismissed_pair_stays_dismissed_when_the_finder_runs_again(emma, aurora):
    Organisation.objects.create(
        legal_name="Aurora Energie", headquarters_nation="CA", kind="sme", year_founded=1990, employees=300
    )
    compute_duplicates()
    directory.check_dismiss_duplicate(DuplicatePair.objects.get(), emma)
    compute_duplicates()
    assert list(DuplicatePair.objects.values_list("status", flat=True)) == ["dismissed"]


def test_a_companys_history_shows_its_applications_to_its_members_and_officers_only(
    client, alice, aurora, energy, emma, charlie
):
    complete_draft(alice, aurora, energy, title="Grid-forming inverters")
    url = reverse("engagement:organisation", args=[aurora.pk])
    for user, sees in ((alice, True), (emma, True), (charlie, False)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert ("Grid-forming inverters" in response.content.decode()) is sees, user


def test_relationships_are_kept_once_and_never_with_itself(emma, aurora, borealis):
    directory.check_add_relationship(aurora, borealis, "supplier", emma)
    with pytest.raises(ValidationError):
        directory.check_add_relationship(aurora, borealis, "supplier", emma)
    with pytest.raises(ValidationError):
        directory.check_add_relationship(aurora, aurora, "partner", emma)


def test_consent_answers_are_kept_as_a_history(paul):
    person = actions.person_for_user(paul)
    actions.check_record_consents(person, paul, {"events": True, "photos": False})
    actions.check_record_consents(person, paul, {"events": False, "photos": False})
    assert actions.current_consents(person) == {"events": False, "photos": False}
    assert Consent.objects.filter(person=person, purpose="events").count() == 2


def test_a_person_edits_only_their_own_record(client, paul, charlie):
    other = actions.person_for_user(charlie)
    client.force_login(paul)
    assert client.get(reverse("engagement:person", args=[other.pk])).status_code == 404
    assert client.get(reverse("engagement:export_person", args=[other.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.check_save_person(other, paul, {"role": "CEO"})


def test_export_holds_everything_about_the_person(client, paul, industry_day):
    actions.check_register(industry_day, paul, note="Vegetarian")
    person = actions.person_for_user(paul)
    actions.check_record_consents(person, paul, {"events": True})
    client.force_login(paul)
    data = json.loads(client.get(reverse("engagement:export_person", args=[person.pk])).content)
    assert data["person"]["full_name"] == "Paul Nowak"
    assert data["registrations"][0]["note"] == "Vegetarian"
    assert data["consents"][0]["purpose"] == "events"


def test_erasure_keeps_the_trail_readable_without_personal_data(client, paul, industry_day, emma):
    registration = actions.check_register(industry_day, paul, note="Arriving by train")
    person = actions.person_for_user(paul)
    actions.check_save_person(person, paul, {"role": "Professor of photonics"})
    client.force_login(paul)
    response = client.post(reverse("engagement:erase_person", args=[person.pk]), {"confirm": "erase"})
    assert response.status_code == 302
    person.refresh_from_db()
    registration.refresh_from_db()
    assert person.full_name == "" and person.email == "" and person.user_id is None
    assert str(person) == f"Erased person #{person.pk}"
    assert registration.note == "" and registration.status == "registered"  # the count stays right
    events = AuditEvent.objects.filter(content_type__model="person", object_id=str(person.pk))
    assert {e.action for e in events} >= {"person:created", "person:updated", "person:erased"}
    assert all("Paul" not in e.note and "photonics" not in e.note for e in events)


def test_erasure_needs_the_box_ticked(client, paul):
    person = actions.person_for_user(paul)
    client.force_login(paul)
    client.post(reverse("engagement:erase_person", args=[person.pk]), {})
    person.refresh_from_db()
    assert person.erased_at is None
