"""Letters to people, each rendered in the recipient's own language and time zone."""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation


def send_letter(
    user: Any,
    template: str,
    context: dict[str, Any],
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> None:
    """Send `emails/<template>_subject.txt` and `_body.txt` to `user` in `user.language`, with
    `attachments` ((file name, content, MIME type); e.g. a calendar invitation) when given."""
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    try:
        tz = zoneinfo.ZoneInfo(getattr(user, "time_zone", "") or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    context = {**context, "user": user, "site_url": settings.SITE_URL, "language": language}
    with translation.override(language), timezone.override(tz):
        subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"emails/{template}_body.txt", context)
    subject = " ".join(subject.split())
    if not attachments:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])
        return
    message = EmailMessage(subject=subject, body=body, to=[user.email])
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()
