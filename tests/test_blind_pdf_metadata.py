"""Blind review hides who applied in the files too (issue 13, item 5): an expert of a blind review
downloads a copy of each attachment without the PDF's document information (author, creator,
producer, title) and without its XMP metadata; staff and the applicant get the file as uploaded.

The call, its applications and experts are those of tests/reviews_assignment_fixtures.py; Stella is
programme staff."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject

from lodestar.applications.files import without_metadata
from lodestar.applications.models import Attachment
from lodestar.reviews.models import Assignment

pytest_plugins = ["tests.reviews_assignment_fixtures"]

XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<dc:creator>Ada Founder of Company Zero</dc:creator></x:xmpmeta><?xpacket end="w"?>'
)


def signed_pdf() -> bytes:
    """A one-page PDF that names its author everywhere a PDF can: the document information and an
    XMP packet on the catalogue and on the page."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata(
        {
            "/Author": "Ada Founder",
            "/Creator": "Company Zero Word",
            "/Producer": "Company Zero PDF",
            "/Title": "Ada's pitch",
        }
    )
    for holder in (writer.root_object, writer.pages[0]):
        packet = StreamObject()
        packet.set_data(XMP)
        packet[NameObject("/Type")] = NameObject("/Metadata")
        packet[NameObject("/Subtype")] = NameObject("/XML")
        holder[NameObject("/Metadata")] = writer._add_object(packet)  # pypdf has no public setter for XMP
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_the_copy_keeps_the_pages_and_drops_every_trace_of_the_author():
    original = signed_pdf()
    assert b"Ada Founder" in original and b"Company Zero" in original
    copy = without_metadata(io.BytesIO(original))
    assert b"Ada" not in copy and b"Company Zero" not in copy and b"xmpmeta" not in copy
    assert b"pypdf" not in copy  # nor the name of the program that made the copy
    reader = PdfReader(io.BytesIO(copy))
    assert len(reader.pages) == 1 and reader.metadata is None and reader.xmp_metadata is None


def attach(application) -> Attachment:
    content = signed_pdf()
    return Attachment.objects.create(
        application=application,
        file=ContentFile(content, name="pitch.pdf"),
        original_name="Ada pitch.pdf",
        size=len(content),
        sha256="0" * 64,
    )


def test_an_expert_of_a_blind_review_downloads_the_file_without_its_metadata(client, published_field, stella):
    published_field.review_rules.blind = True
    published_field.review_rules.save()
    application = published_field.energy[0]
    attachment = attach(application)
    url = reverse("applications:download", args=[application.pk, attachment.pk])
    client.force_login(Assignment.objects.filter(application=application).first().expert.user)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    served = response.content
    assert b"Ada" not in served and b"Company Zero" not in served
    assert len(PdfReader(io.BytesIO(served)).pages) == 1
    assert f"{application.reference}-attachment-" in response["Content-Disposition"]
    # Staff of the programme read the file as it was uploaded.
    client.force_login(stella)
    assert b"Ada Founder" in b"".join(client.get(url).streaming_content)


def test_without_blind_review_the_expert_gets_the_file_as_uploaded(client, published_field):
    application = published_field.energy[0]
    attachment = attach(application)
    client.force_login(Assignment.objects.filter(application=application).first().expert.user)
    response = client.get(reverse("applications:download", args=[application.pk, attachment.pk]))
    assert b"Ada Founder" in b"".join(response.streaming_content)
