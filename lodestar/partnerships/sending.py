"""A partner proposal's application is edited and sent from the proposal only (both stages and their
rules live there): `check_update_proposal` and `check_submit_proposal` mark what they do with
`from_proposal` (a context variable, so concurrent requests never see each other's mark), and the
guards below, registered with the applications app, refuse the same moves made from anywhere else."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lodestar.partnerships.models import Proposal

ACTING: ContextVar[int | None] = ContextVar("partner_proposal_acting", default=None)


@contextmanager
def from_proposal(application_id: int) -> Iterator[None]:
    token = ACTING.set(application_id)
    try:
        yield
    finally:
        ACTING.reset(token)


def _is_partner(application: Any) -> bool:
    return ACTING.get() != application.pk and Proposal.objects.filter(application_id=application.pk).exists()


def sent_from_its_proposal(application: Any) -> None:
    """A guard of applications' `check_submit`."""
    if _is_partner(application):
        raise ValidationError(_("This application is a partner proposal: send it from the proposal's page."))


def sent_from_their_proposals(applications: Sequence[Any]) -> None:
    """`sent_from_its_proposal` for many applications, in one query (bulk submission)."""
    acting = ACTING.get()
    pks = [a.pk for a in applications if a.pk != acting]
    if Proposal.objects.filter(application_id__in=pks).exists():
        raise ValidationError(_("This application is a partner proposal: send it from the proposal's page."))


def edited_from_its_proposal(application: Any) -> None:
    """A guard of applications' `check_update_draft`."""
    if _is_partner(application):
        raise ValidationError(_("This application is a partner proposal: edit it from the proposal's page."))
