"""Validation of uploaded PDFs (application attachments, milestone evidence, signed agreements).

A file is accepted when pypdf parses it as a PDF (its cross-reference table, its catalogue and its
pages), not when its first and last bytes look right: an HTML page, a ZIP or an SVG with `%PDF-`
glued on fails. A PDF that parses is then refused if it carries **active content**: JavaScript,
an action that launches a program, submits a form or imports data, embedded files, or an XFA form
(which scripts). We refuse rather than flag, because the people who open these files (experts,
programme staff) are not in a position to judge them safely and a flag would still put the file in
front of them; an applicant who meets the refusal exports the document again ("Print to PDF"
removes all of these), and the message says what was found.
"""

from __future__ import annotations

import hashlib
import logging
from io import BytesIO
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, PdfObject

PDF_MAGIC = b"%PDF-"
# Actions that run something on the reader's machine or send data away (PDF 2.0, 12.6.4).
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/RichMediaExecute", "/GoToE"}
# A bound on the objects walked: a hostile file cannot keep the check busy for long.
MAX_OBJECTS = 200_000

# pypdf reports every oddity of a damaged file as a warning; the verdict is ours.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def active_content(reader: PdfReader) -> str | None:
    """What active content the document holds, as a sentence for the uploader, or None.

    Walks every object reachable from the trailer (the catalogue, pages, annotations, name trees,
    forms), following references once each."""
    seen: set[tuple[int, int]] = set()
    stack: list[PdfObject] = [reader.trailer]
    walked = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = _resolve(item)
        walked += 1
        if walked > MAX_OBJECTS:
            return _("it is too complex to check (more than %(count)s objects)") % {"count": MAX_OBJECTS}
        if isinstance(item, DictionaryObject):
            action = _resolve(item.get("/S"))
            if action in ("/JavaScript",) or "/JS" in item or "/JavaScript" in item:
                return _("it contains JavaScript")
            if action == "/Launch":
                return _("it contains an action that launches a program")
            if isinstance(action, NameObject) and action in ACTIVE_ACTIONS:
                return _("it contains an action that sends or loads data (%(action)s)") % {
                    "action": str(action).lstrip("/")
                }
            if (
                "/EmbeddedFiles" in item
                or _resolve(item.get("/Type")) in ("/EmbeddedFile", "/Filespec")
                and ("/EF" in item)
            ):
                return _("it contains embedded files")
            if _resolve(item.get("/Subtype")) == "/FileAttachment":
                return _("it contains embedded files")
            if "/XFA" in item:
                return _("it contains an XFA form, which can run scripts")
            # A stream's data is not walked (its dictionary is); /Parent links lead back up the tree.
            stack.extend(value for name, value in item.items() if name != "/Parent")
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return None


def check_pdf(upload: Any) -> str:
    """Raise ValidationError unless `upload` is a PDF within the size limit that parses and holds
    no active content (see the module's docstring); return its SHA-256.

    Messages name the file the uploader chose (their own file, shown back to them only)."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; attachments may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    name = str(upload.name or "")[-120:]
    upload.seek(0)
    if PDF_MAGIC not in upload.read(1024):
        raise ValidationError(
            _("“%(name)s” is not a PDF document. Only PDF files are accepted.") % {"name": name},
            code="not_pdf",
        )
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("“%(name)s” is protected by a password. Upload a copy without a password.")
                % {"name": name},
                code="encrypted",
            )
        if len(reader.pages) == 0:
            raise PyPdfError("no page")
        found = active_content(reader)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a malformed file makes the parser raise
        # A damaged or disguised file can make the parser fail in many ways (PyPdfError, ValueError,
        # KeyError, RecursionError...): all mean the same thing to the uploader.
        raise ValidationError(
            _("“%(name)s” could not be read as a PDF document (it is damaged or is another kind of file).")
            % {"name": name},
            code="not_pdf",
        ) from exc
    if found:
        raise ValidationError(
            _(
                "“%(name)s” is refused because %(reason)s. Save or print it again as a plain PDF "
                "(without scripts, actions or attached files) and upload that copy."
            )
            % {"name": name, "reason": found},
            code="active_content",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def attachment_download_name(attachment: Any) -> str:
    """The name a download of `attachment` carries: the application's reference and the attachment's
    number on its page (`A-00042-attachment-2.pdf`), never the uploader's file name, which may name
    the company or its people and must not reach an expert of a blind review through the headers."""
    ids = list(attachment.application.attachments.order_by("uploaded_at", "id").values_list("id", flat=True))
    number = ids.index(attachment.pk) + 1 if attachment.pk in ids else 1
    return f"{attachment.application.reference}-attachment-{number}.pdf"


# Where a PDF says who made it: the document information (author, creator, producer, title...) goes
# with the trailer; these keys carry XMP packets (the catalogue's, a page's, an image's) and the
# private data of the application that wrote it.
METADATA_KEYS = ("/Metadata", "/PieceInfo")


def without_metadata(stream: Any) -> bytes:
    """A copy of the PDF read from `stream` without anything that names who made it: no document
    information dictionary (author, creator, producer, title, subject, keywords), no XMP metadata
    anywhere in the file, no application private data; the pages themselves are unchanged. For
    experts of a blind review, whose pages hide who applied: a file's properties must not tell.

    Every dictionary reachable from the catalogue is walked once (bounded like `active_content`),
    then objects nothing refers to any more (the XMP streams) are left out of the copy."""
    writer = PdfWriter(clone_from=PdfReader(stream, strict=False))
    writer.metadata = None
    seen: set[int] = set()
    stack: list[Any] = [writer.root_object]
    while stack and len(seen) < MAX_OBJECTS:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for key in METADATA_KEYS:
                item.pop(key, None)
            stack.extend(value for name, value in item.items() if name != "/Parent")
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
