"""A mail backend for tests whose server refuses some addresses: those listed in REFUSED. The others
land in Django's test outbox (`django.core.mail.outbox`), as with the locmem backend."""

from __future__ import annotations

import smtplib
from typing import Any

from django.core.mail.backends.locmem import EmailBackend

REFUSED: set[str] = set()


class RefusingBackend(EmailBackend):
    def send_messages(self, messages: Any) -> int:
        for message in messages:
            refused = [to for to in message.to if to in REFUSED]
            if refused:
                raise smtplib.SMTPRecipientsRefused(dict.fromkeys(refused, (550, b"mailbox unavailable")))
        return super().send_messages(messages)
