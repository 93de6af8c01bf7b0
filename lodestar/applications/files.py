"""Validation of uploaded attachments: PDF by content, never by name, and a size limit."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"


def check_pdf(upload: Any) -> str:
    """Raise ValidationError unless `upload` is a PDF within the size limit; return its SHA-256.

    A PDF starts with `%PDF-` (within its first kilobyte, as readers accept) and carries an
    `%%EOF` marker near its end; a renamed image or document fails both checks.
    """
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; attachments may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(max(0, upload.size - 2048))
    tail = upload.read()
    if PDF_MAGIC not in head or b"%%EOF" not in tail:
        raise ValidationError(
            _("“%(name)s” is not a PDF document. Only PDF files are accepted.") % {"name": upload.name},
            code="not_pdf",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()
