"""Letters to people, each rendered in the recipient's own language and time zone.

A letter `about` an object (an application's confirmation, its decision) is recorded as a `Letter`
row: to whom, when, which template, which language, set off by whom, or why it could not be sent,
and its full text. `render_letter()` is the one place a letter is written: sending it and previewing
it before it goes out both call it, so a preview is exactly what will be sent. `send_letter()` sends
one; `send_letters()` sends a batch with the same rows in a fixed number of queries (2,600 decision
letters: a few dozen queries, not one INSERT each).
"""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection, send_mail
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation

from lodestar.core.models import Letter
from lodestar.core.permissions import may_act
from lodestar.core.roles import PROGRAMME_TEAM

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rendered:
    """A letter as written for one person: what they receive, in their language."""

    recipient: Any
    template: str
    language: str
    subject: str
    body: str


def render_letter(user: Any, template: str, context: dict[str, Any]) -> Rendered:
    """Write `emails/<template>_subject.txt` and `_body.txt` for `user`, in `user.language` and time zone."""
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    try:
        tz = zoneinfo.ZoneInfo(getattr(user, "time_zone", "") or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    context = {**context, "user": user, "site_url": settings.SITE_URL, "language": language}
    with translation.override(language), timezone.override(tz):
        subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"emails/{template}_body.txt", context)
    return Rendered(user, template, language, " ".join(subject.split()), body)


def send_letter(
    user: Any,
    template: str,
    context: dict[str, Any],
    attachments: Sequence[tuple[str, bytes, str]] = (),
    *,
    about: models.Model | None = None,
    sent_by: Any = None,
) -> Letter | None:
    """Send `emails/<template>_subject.txt` and `_body.txt` to `user` in `user.language`, with
    `attachments` ((file name, content, MIME type); e.g. a calendar invitation) when given.

    With `about`, the letter is recorded (and returned), sent or not: a failure to send is recorded
    with its reason, then raised, so that the caller decides whether to go on with the others."""
    rendered = render_letter(user, template, context)
    subject, body, language = rendered.subject, rendered.body, rendered.language
    letter = None
    if about is not None:
        letter = Letter(
            content_type=ContentType.objects.get_for_model(about),
            object_id=str(about.pk),
            recipient=user if getattr(user, "pk", None) else None,
            email=user.email,
            template=template,
            language=language,
            subject=subject[:300],
            body=body,
            sent_by=sent_by if getattr(sent_by, "is_authenticated", False) else None,
        )
    try:
        if attachments:
            message = EmailMessage(subject=subject, body=body, to=[user.email])
            for name, content, mimetype in attachments:
                message.attach(name, content, mimetype)
            message.send()
        else:
            send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])
    except Exception as exc:
        if letter is not None:
            letter.error = f"{type(exc).__name__}: {exc}"[:500]
            letter.save()
        raise
    if letter is not None:
        letter.sent_at = timezone.now()
        letter.save()
    return letter


# Letters recorded per INSERT and marked sent per UPDATE in `send_letters`.
BATCH = 500


@dataclass(frozen=True)
class Outgoing:
    """One letter to write with `send_letters`: to `user`, from `template` and `context`, about `about`;
    `sent_by` when this letter has its own sender (each applicant's own submission), else the batch's."""

    user: Any
    template: str
    context: dict[str, Any]
    about: models.Model
    sent_by: Any = None


def send_letters(letters: Sequence[Outgoing], *, sent_by: Any = None) -> list[Letter]:
    """`send_letter` for many letters at once, each recorded about its object, with the same rows:
    each written by `render_letter` (the templates are compiled once, by Django's cached loader),
    all recorded with one INSERT before any goes out, sent over one connection to the mail server,
    then the sent ones marked with one UPDATE. A letter the server refuses keeps `sent_at` empty
    and says why in `error`; the others still go, and nothing is raised: the caller counts the
    refused ones (`letter.sent_at is None`) and decides. Call it outside a transaction, or in one
    per batch: a letter marked sent is one the server took.

    A process that dies between the sending and the UPDATE leaves the batch's letters recorded
    but unmarked: "send the unsent ones again" then writes to those people a second time. The
    batch is the caller's (a few hundred letters), where one letter at a time left one letter."""
    if not letters:
        return []
    rendered = [render_letter(o.user, o.template, o.context) for o in letters]
    rows = Letter.objects.bulk_create(
        [
            Letter(
                content_type=ContentType.objects.get_for_model(outgoing.about),
                object_id=str(outgoing.about.pk),
                recipient=outgoing.user if getattr(outgoing.user, "pk", None) else None,
                email=outgoing.user.email,
                template=outgoing.template,
                language=text.language,
                subject=text.subject[:300],
                body=text.body,
                sent_by=_sender(outgoing.sent_by or sent_by),
            )
            for outgoing, text in zip(letters, rendered, strict=True)
        ],
        batch_size=BATCH,
    )
    sent: set[int] = set()
    connection = get_connection()
    try:
        connection.open()
    except Exception:  # a server out of reach refuses each letter below, each recorded with why
        logger.warning("mail server not reached; each letter will say why", exc_info=True)
    try:
        for letter, text in zip(rows, rendered, strict=True):
            message = EmailMessage(
                subject=text.subject, body=text.body, to=[letter.email], connection=connection
            )
            try:
                message.send()
            except Exception as exc:
                letter.error = f"{type(exc).__name__}: {exc}"[:500]
                Letter.objects.filter(pk=letter.pk).update(error=letter.error)
            else:
                sent.add(letter.pk)
    finally:
        connection.close()
    now = timezone.now()
    marked = [letter.pk for letter in rows if letter.pk in sent]
    for start in range(0, len(marked), BATCH):
        Letter.objects.filter(pk__in=marked[start : start + BATCH]).update(sent_at=now)
    for letter in rows:
        if letter.pk in sent:
            letter.sent_at = now
    return rows


def _sender(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def letters_about(obj: models.Model) -> models.QuerySet[Letter]:
    """Every letter recorded about `obj`, newest first."""
    return Letter.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("recipient", "sent_by")


def sent_to(
    model: type[models.Model], object_ids: Iterable[Any], templates: Iterable[str]
) -> set[tuple[str, int]]:
    """(object id, recipient id) of the letters with one of `templates` already sent about these objects."""
    return set(
        Letter.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in object_ids],
            template__in=list(templates),
            sent_at__isnull=False,
            recipient__isnull=False,
        ).values_list("object_id", "recipient_id")
    )


def may_read_letter(user: Any, letter: Letter) -> bool:
    """Its recipient reads a letter; so does the programme team of what it is about (the team of the
    call's programme for an application's or a call's letters, a global team member otherwise)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if letter.recipient_id is not None and letter.recipient_id == user.pk:
        return True
    about = letter.about
    return may_act(user, PROGRAMME_TEAM, about if hasattr(about, "role_scope") else None)
