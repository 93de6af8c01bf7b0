import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lodestar.applications import actions
from lodestar.applications.models import Attachment
from tests.pdfs import MINIMAL_PDF, PNG_BYTES


def pdf(name="pitch.pdf", content=MINIMAL_PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_pdf_is_stored_privately_with_its_checksum(aurora_draft, alice, settings):
    attachment = actions.check_add_attachment(aurora_draft, alice, pdf())
    assert attachment.size == len(MINIMAL_PDF) and len(attachment.sha256) == 64
    stored = settings.PRIVATE_MEDIA_ROOT / attachment.file.name
    assert stored.read_bytes() == MINIMAL_PDF
    assert attachment.file.name.endswith(".pdf") and "pitch" not in attachment.file.name


def test_a_renamed_image_is_refused_by_its_content(aurora_draft, alice):
    with pytest.raises(ValidationError, match="not a PDF"):
        actions.check_add_attachment(aurora_draft, alice, pdf("photo.pdf", PNG_BYTES))
    assert not Attachment.objects.exists()


def test_a_word_document_is_refused(aurora_draft, alice):
    docx = SimpleUploadedFile("plan.docx", b"PK\x03\x04" + b"\x00" * 100, content_type="application/msword")
    with pytest.raises(ValidationError, match="not a PDF"):
        actions.check_add_attachment(aurora_draft, alice, docx)


def test_a_file_over_the_size_limit_is_refused_with_both_sizes(aurora_draft, alice, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    big = MINIMAL_PDF[:-6] + b" " * 2048 + b"%%EOF\n"
    with pytest.raises(ValidationError, match="at most 1.0"):
        actions.check_add_attachment(aurora_draft, alice, pdf(content=big))


def test_attachments_are_frozen_once_the_application_is_sent(aurora_draft, alice):
    actions.check_submit(aurora_draft, alice)
    with pytest.raises(ValidationError, match="draft"):
        actions.check_add_attachment(aurora_draft, alice, pdf())


def test_upload_through_the_page_shows_a_clear_message_for_a_wrong_file(client, aurora_draft, alice):
    client.force_login(alice)
    url = f"/fr/applications/{aurora_draft.pk}/attachments/"  # Alice browses in French
    response = client.post(url, {"file": pdf("cv.pdf", b"GIF89a" + b"\x00" * 50)}, follow=True)
    assert "n’est pas un document PDF" in response.content.decode()  # Alice reads French
    assert aurora_draft.attachments.count() == 0


def test_the_organisation_and_staff_download_but_another_company_gets_404(
    client, aurora_draft, alice, bob, charlie, borealis, stella, erin
):
    attachment = actions.check_add_attachment(aurora_draft, alice, pdf())
    url = reverse("applications:download", args=[aurora_draft.pk, attachment.pk])
    for person, status in ((alice, 200), (bob, 200), (stella, 200), (charlie, 404), (erin, 404)):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == status, person.email
        if status == 200:
            assert b"".join(response.streaming_content) == MINIMAL_PDF
            assert response["Content-Disposition"] == (
                f'attachment; filename="{aurora_draft.reference}-attachment-1.pdf"'
            )
    client.logout()
    assert client.get(url).status_code == 302  # anonymous: to the login page


def test_an_attachment_id_paired_with_another_application_id_is_not_served(
    client, aurora_draft, alice, charlie, borealis, sensing
):
    from tests.conftest import complete_draft

    theirs = complete_draft(charlie, borealis, sensing)
    attachment = actions.check_add_attachment(aurora_draft, alice, pdf())
    client.force_login(charlie)
    # Charlie puts Aurora's attachment id behind his own application's id.
    url = reverse("applications:download", args=[theirs.pk, attachment.pk])
    assert client.get(url).status_code == 404
