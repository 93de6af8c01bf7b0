"""Who may send a partner proposal's application: only `check_submit_proposal`, which marks the
sending with `SENDING` (a context variable, so concurrent requests never see each other's mark)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lodestar.partnerships.models import Proposal

SENDING: ContextVar[int | None] = ContextVar("partner_proposal_sending", default=None)


@contextmanager
def sending(application_id: int) -> Iterator[None]:
    token = SENDING.set(application_id)
    try:
        yield
    finally:
        SENDING.reset(token)


def sent_from_its_proposal(application: Any) -> None:
    """A guard of applications' `check_submit`: refuse to send a partner proposal's application
    from anywhere but its proposal."""
    if SENDING.get() != application.pk and Proposal.objects.filter(application_id=application.pk).exists():
        raise ValidationError(_("This application is a partner proposal: send it from the proposal's page."))
