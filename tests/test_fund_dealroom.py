"""A deal's notes, tasks, private data room and due-diligence checklist, and duplicate deals merged with
nothing lost.

Fred and Fay are on the fund team (Fay owns tasks and checklist items). Lena represents Germany, a
limited partner: nothing of a deal is hers. Cora sits on the committee: she reads her meetings only,
never a deal's notes or data room. Alice is an applicant."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lodestar.core.models import AuditEvent
from lodestar.core.roles import Role
from lodestar.fund import actions, committee, dealroom
from lodestar.fund import workflow as wf
from lodestar.fund.models import ChecklistTemplate, Deal, DealNote, DiligenceItem, Finding
from lodestar.fund.queries import likely_duplicates
from tests.conftest import make_organisation, make_user

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def fay(db):
    """Fay is on the fund team too: tasks and checklist items can be hers."""
    return make_user("fay@lodestar.example", Role.FUND_TEAM, name="Fay Fund")


def company(owner, name, website="", nation="DE"):
    org = make_organisation(owner, name, nation)
    org.website = website
    org.save(update_fields=["website"])
    return org


@pytest.fixture
def checklist(fund, fred):
    """Legal and security items required, the security clearance valid 90 days; a technical item optional."""
    return [
        dealroom.check_add_template(fund, "legal", "Cap table verified", fred),
        dealroom.check_add_template(fund, "security", "Facility clearance", fred, valid_days=90),
        dealroom.check_add_template(fund, "technical", "Demo attended", fred, required=False),
        dealroom.check_add_template(fund, "financial", "Series B audit", fred, rounds=["series_b"]),
    ]


def in_diligence(fund, fred, org):
    deal = actions.check_add_deal(fund, org, fred)
    for to in (wf.DealStatus.SCREENING, wf.DealStatus.DUE_DILIGENCE):
        deal = actions.check_move_deal(deal, to, fred)
    return deal


# --- Due diligence --------------------------------------------------------------------------------


def test_a_deal_entering_due_diligence_gets_the_checklist_of_its_round(fund, fred, alice, checklist):
    deal = in_diligence(fund, fred, company(alice, "Orbital Forge GmbH"))
    titles = list(deal.diligence.values_list("area", "title", "required"))
    assert titles == [
        ("legal", "Cap table verified", True),
        ("security", "Facility clearance", True),
        ("technical", "Demo attended", False),
    ]  # the Series B audit is not for a seed round
    # opened again: nothing is added twice
    assert actions.do_open_checklist(deal, fred) == []


def test_the_committee_waits_for_every_required_item_and_says_which(fund, fred, fay, alice, checklist):
    deal = in_diligence(fund, fred, company(alice, "Orbital Forge GmbH"))
    with pytest.raises(ValidationError) as refused:
        actions.check_move_deal(deal, wf.DealStatus.COMMITTEE, fred)
    text = " ".join(refused.value.messages)
    assert "Legal: “Cap table verified” is open." in text
    assert "Security: “Facility clearance” is open." in text
    assert "Demo attended" not in text  # optional
    legal, security, technical = deal.diligence.order_by("area")
    with pytest.raises(ValidationError, match="cannot be waived"):
        dealroom.check_waive_item(legal, "no time", fred)
    dealroom.check_complete_item(legal, "Register extract of 3 March", fay)
    dealroom.check_complete_item(security, "Clearance letter", fay, today=date.today() - timedelta(days=100))
    with pytest.raises(ValidationError, match="expired on"):
        actions.check_move_deal(deal, wf.DealStatus.COMMITTEE, fred)
    dealroom.check_reopen_item(security, fred, "renew")
    dealroom.check_complete_item(security, "Renewed clearance letter", fay)
    dealroom.check_waive_item(technical, "Demo seen at the accelerator's demo day", fred)
    deal = actions.check_move_deal(deal, wf.DealStatus.COMMITTEE, fred)
    assert deal.status == wf.DealStatus.COMMITTEE
    security.refresh_from_db()
    assert security.expires_on == date.today() + timedelta(days=90)


def test_evidence_can_point_at_a_document_of_the_same_deal_only(fund, fred, alice, checklist):
    deal = in_diligence(fund, fred, company(alice, "Orbital Forge GmbH"))
    other = in_diligence(fund, fred, company(alice, "Nimbus Holdings Ltd"))
    theirs = dealroom.check_add_document(other, SimpleUploadedFile("cap.pdf", PDF), "", fred)
    item = deal.diligence.first()
    with pytest.raises(ValidationError, match="this deal's data room"):
        dealroom.check_complete_item(item, "Cap table", fred, document=theirs)


# --- Notes, tasks, the data room ------------------------------------------------------------------


def test_tasks_are_owned_by_the_fund_team_only(fund, fred, fay, lena, alice):
    deal = actions.check_add_deal(fund, company(alice, "Orbital Forge GmbH"), fred)
    task = dealroom.check_add_task(deal, "Call the CFO", fay, date(2026, 3, 1), fred)
    with pytest.raises(ValidationError, match="member of the fund team"):
        dealroom.check_add_task(deal, "Read the report", lena, date(2026, 3, 1), fred)
    with pytest.raises(PermissionDenied):
        dealroom.check_add_note(deal, "Looks strong", lena)
    dealroom.check_set_task_status(task, wf.TaskStatus.DONE, fay)
    task.refresh_from_db()
    assert task.status == wf.TaskStatus.DONE


def test_the_data_room_refuses_a_file_that_is_not_what_its_name_says(fund, fred, alice):
    deal = actions.check_add_deal(fund, company(alice, "Orbital Forge GmbH"), fred)
    with pytest.raises(ValidationError, match="not what its name says"):
        dealroom.check_add_document(deal, SimpleUploadedFile("model.xlsx", b"MZ\x90\x00"), "", fred)
    with pytest.raises(ValidationError, match="cannot go in the data room"):
        dealroom.check_add_document(deal, SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "", fred)
    doc = dealroom.check_add_document(deal, SimpleUploadedFile("term-sheet.pdf", PDF), "Draft", fred)
    assert (doc.original_name, doc.size) == ("term-sheet.pdf", len(PDF))


def test_data_room_files_reach_the_deals_fund_team_only(client, fund, fred, lena, cora, alice):
    deal = actions.check_add_deal(fund, company(alice, "Orbital Forge GmbH"), fred)
    doc = dealroom.check_add_document(deal, SimpleUploadedFile("cap.pdf", PDF), "", fred)
    url = reverse("fund:document", args=[deal.pk, doc.pk])
    client.force_login(fred)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Cache-Control"] == "private, no-store"
    other = actions.check_add_deal(fund, company(alice, "Nimbus Holdings Ltd"), fred)
    # the document through another deal's address: not found
    assert client.get(reverse("fund:document", args=[other.pk, doc.pk])).status_code == 404
    for outsider in (lena, cora, alice):
        client.force_login(outsider)
        assert client.get(url).status_code == 403


def test_the_deal_page_adds_notes_tasks_and_documents_and_refuses_bad_input_with_a_message(
    client, fund, fred, fay, alice, checklist
):
    deal = in_diligence(fund, fred, company(alice, "Orbital Forge GmbH"))
    client.force_login(fred)
    assert (
        client.post(reverse("fund:note_add", args=[deal.pk]), {"text": "Founders met in Oslo."}).status_code
        == 302
    )
    response = client.post(
        reverse("fund:task_add", args=[deal.pk]), {"title": "Call", "owner": fay.pk, "due": "x"}
    )
    assert response.status_code == 400 and "Due date" in response.content.decode()
    client.post(
        reverse("fund:task_add", args=[deal.pk]), {"title": "Call", "owner": fay.pk, "due": "2026-03-01"}
    )
    client.post(reverse("fund:document_add", args=[deal.pk]), {"file": SimpleUploadedFile("a.pdf", PDF)})
    page = client.get(reverse("fund:deal", args=[deal.pk]))
    html = page.content.decode()
    assert "Founders met in Oslo." in html and "a.pdf" in html and "Facility clearance" in html
    assert (
        "Internal to the fund team: the company, the partner nations and the committee never read it" in html
    )
    assert "Not ready for the investment committee" in html
    item = deal.diligence.get(title="Cap table verified")
    client.post(
        reverse("fund:item_update", args=[deal.pk, item.pk]), {"do": "complete", "evidence": "Extract"}
    )
    item.refresh_from_db()
    assert item.status == wf.ItemStatus.DONE
    assert client.post(reverse("fund:item_update", args=[deal.pk, item.pk]), {"do": "fly"}).status_code == 400


def test_the_deal_page_reads_in_french(client, fund, fred, alice, checklist):
    deal = in_diligence(fund, fred, company(alice, "Orbital Forge GmbH"))
    client.force_login(fred)
    html = client.get(f"/fr/fund/deals/{deal.pk}/").content.decode()
    assert "Salle de données" in html and "Audit préalable" in html


# --- Duplicates and merging -----------------------------------------------------------------------


def test_duplicates_are_found_by_website_and_by_name(fund, fred, alice):
    a = actions.check_add_deal(
        fund, company(alice, "Orbital Forge GmbH", "https://www.orbital-forge.de/"), fred
    )
    b = actions.check_add_deal(fund, company(alice, "OrbitalForge", "http://orbital-forge.de/en"), fred)
    c = actions.check_add_deal(fund, company(alice, "Orbital Forge Ltd", "https://orbitalforge.co.uk"), fred)
    actions.check_add_deal(fund, company(alice, "Nimbus Holdings", "https://nimbus.example"), fred)
    pairs = {(x.pk, y.pk): p for x, y, p in likely_duplicates(fred)}
    assert set(pairs) == {(a.pk, b.pk), (a.pk, c.pk)}
    assert pairs[(a.pk, b.pk)].same_website and pairs[(a.pk, b.pk)].website == "orbital-forge.de"
    assert not pairs[(a.pk, c.pk)].same_website and pairs[(a.pk, c.pk)].score == 100.0


def test_a_merge_moves_everything_to_the_kept_deal_and_keeps_the_duplicate_with_its_history(
    fund, fred, fay, cora, alice, checklist
):
    kept = in_diligence(fund, fred, company(alice, "Orbital Forge GmbH"))
    dup = in_diligence(fund, fred, company(alice, "Orbital Forge"))
    dealroom.check_add_note(dup, "Met at the accelerator demo day.", fred)
    dealroom.check_add_task(dup, "Ask for the cap table", fay, date(2026, 3, 1), fred)
    doc = dealroom.check_add_document(dup, SimpleUploadedFile("cap.pdf", PDF), "", fred)
    done = dup.diligence.get(title="Cap table verified")
    dealroom.check_complete_item(done, "Extract", fred, document=doc)
    finding = Finding.objects.create(deal=dup, kind=Finding.Kind.OUTSIDE, explanation="30 % outside")
    dup_events = AuditEvent.objects.filter(object_id=str(dup.pk)).count()

    dealroom.check_merge_deals(kept, dup, fred, "Typed twice")

    dup.refresh_from_db()
    assert dup.status == wf.DealStatus.MERGED and dup.merged_into == kept
    assert list(kept.notes.values_list("text", flat=True)) == ["Met at the accelerator demo day."]
    assert kept.tasks.count() == 1 and list(kept.documents.all()) == [doc]
    assert Finding.objects.get(pk=finding.pk).deal == kept
    # the duplicate's done item replaced the kept deal's empty one; no item counted twice
    items = {i.title: i for i in kept.diligence.all()}
    assert kept.diligence.count() == 3 and items["Cap table verified"].evidence == "Extract"
    assert DiligenceItem.objects.filter(deal=dup).count() == 0
    # the duplicate's audit trail is still there, and one more event says it was merged
    assert AuditEvent.objects.filter(object_id=str(dup.pk)).count() >= dup_events + 1
    assert AuditEvent.objects.filter(object_id=str(kept.pk), action="fund:deal_merged").exists()
    with pytest.raises(ValidationError, match="merged into another"):
        dealroom.check_add_note(dup, "late", fred)
    with pytest.raises(ValidationError):
        dealroom.check_merge_deals(dup, kept, fred)


def test_votes_of_a_duplicates_meeting_follow_it_to_the_kept_deal(fund, fred, cora, alice):
    kept = actions.check_add_deal(fund, company(alice, "Orbital Forge GmbH"), fred)
    dup = in_diligence(fund, fred, company(alice, "Orbital Forge"))
    dup = actions.check_move_deal(dup, wf.DealStatus.COMMITTEE, fred)
    meeting = committee.check_schedule_meeting(dup, date(2026, 3, 2), [cora], 1, fred)
    committee.check_vote(meeting, cora, "for")
    dealroom.check_merge_deals(kept, dup, fred)
    meeting.refresh_from_db()
    assert meeting.deal == kept and meeting.seats.get().vote == "for"


def test_the_merge_page_merges_and_the_duplicates_page_lists_pairs(client, fund, fred, lena, alice):
    a = actions.check_add_deal(fund, company(alice, "Orbital Forge GmbH", "https://orbital-forge.de"), fred)
    b = actions.check_add_deal(fund, company(alice, "Orbital Forge", "orbital-forge.de"), fred)
    client.force_login(fred)
    html = client.get(reverse("fund:duplicates")).content.decode()
    assert "Same website: orbital-forge.de" in html
    response = client.post(reverse("fund:merge"), {"keep": a.pk, "duplicate": b.pk, "note": "same"})
    assert response.status_code == 302
    assert Deal.objects.get(pk=b.pk).merged_into_id == a.pk
    assert client.post(reverse("fund:merge"), {"keep": a.pk, "duplicate": a.pk}).status_code == 400
    assert "Orbital Forge</a>" not in client.get(reverse("fund:board")).content.decode().split("<table")[1]
    client.force_login(lena)
    assert client.post(reverse("fund:merge"), {"keep": b.pk, "duplicate": a.pk}).status_code == 403


def test_do_create_deal_returns_the_deal_already_on_the_board(fund, fred, alice):
    org = company(alice, "Orbital Forge GmbH")
    first = actions.do_create_deal(org, source=Deal.Source.RADAR, by=fred)
    again = actions.do_create_deal(org, source=Deal.Source.ACCELERATOR, by=fred)
    assert first == again and first.source == Deal.Source.RADAR
    assert DealNote.objects.count() == 0 and ChecklistTemplate.objects.count() == 0
