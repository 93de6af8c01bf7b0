"""The selection's API: the latest selection of a call for staff; running and confirming one for the
director (mounted by lodestar.api)."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from lodestar.core.api import require_director, require_staff
from lodestar.core.roles import DIRECTORS
from lodestar.programmes.queries import team_call, team_calls
from lodestar.selection.actions import check_confirm_selection, check_run_selection
from lodestar.selection.models import Selection

router = Router(tags=["selection"])


class SelectionEntryOut(Schema):
    application: int
    rank: int
    merit: float
    chosen: bool
    near_line: bool
    reasons: list
    override: str
    override_reason: str


class SelectionOut(Schema):
    id: int
    call: str
    status: str
    feasible: bool
    proven_optimal: bool
    objective: float
    cost: Decimal
    diagnosis: str
    created_at: datetime
    confirmed_at: datetime | None
    entries: list[SelectionEntryOut]


def _selection_out(selection: Selection) -> dict[str, Any]:
    return {
        "id": selection.pk,
        "call": selection.call.slug,
        "status": selection.status,
        "feasible": selection.feasible,
        "proven_optimal": selection.proven_optimal,
        "objective": selection.objective,
        "cost": selection.cost,
        "diagnosis": selection.diagnosis,
        "created_at": selection.created_at,
        "confirmed_at": selection.confirmed_at,
        "entries": [
            {
                "application": e.application_id,
                "rank": e.rank,
                "merit": e.merit,
                "chosen": e.chosen,
                "near_line": e.near_line,
                "reasons": e.reasons,
                "override": e.override,
                "override_reason": e.override_reason,
            }
            for e in selection.entries.all()
        ],
    }


def _reread(selection: Selection) -> dict[str, Any]:
    """A selection just written, read again with its entries in one more query."""
    return _selection_out(
        Selection.objects.select_related("call").prefetch_related("entries").get(pk=selection.pk)
    )


@router.get("/calls/{slug}/selection", response=SelectionOut)
def latest_selection(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The call's latest selection with every candidate and the reasons near the line."""
    call = team_call(require_staff(request), slug)
    selection = (
        Selection.objects.filter(call=call)
        .select_related("call")
        .prefetch_related("entries")
        .order_by("-created_at", "-id")
        .first()
    )
    if selection is None:
        raise Http404
    return _selection_out(selection)


@router.post("/calls/{slug}/selection", response=SelectionOut)
def run_selection(request: HttpRequest, slug: str) -> dict[str, Any]:
    """Run the selection under the call's rules and the director's overrides (programme director)."""
    user = require_director(request)
    return _reread(check_run_selection(team_call(user, slug, DIRECTORS), user))


def _confirmation_reason(request: HttpRequest) -> str:
    """The optional JSON body `{"reason": "..."}`: required while reviews are still open (confirming
    closes them); internal, kept in the call's history. No body at all is no reason; a form field
    `reason` is read as well."""
    if request.content_type != "application/json":
        return str(request.POST.get("reason", ""))[:2000]
    if not request.body.strip():
        return ""
    try:
        body = json.loads(request.body)
    except ValueError:
        body = None
    reason = body.get("reason", "") if isinstance(body, dict) else None
    if not isinstance(reason, str) or len(reason) > 2000:
        raise HttpError(400, _('Send the reason as JSON: {"reason": "..."} (2,000 characters at most).'))
    return reason


@router.post("/selections/{selection_id}/confirmation", response=SelectionOut)
def confirm_selection(request: HttpRequest, selection_id: int) -> dict[str, Any]:
    """Confirm a proposed selection: decisions move through the workflow and letters are sent. While
    reviews are open it is refused (400) unless the JSON body `{"reason": "..."}` says why (the open
    reviews are then closed, and the reason is recorded)."""
    user = require_director(request)
    selection = get_object_or_404(
        Selection.objects.filter(call__in=team_calls(user, DIRECTORS)).select_related("call"), pk=selection_id
    )
    check_confirm_selection(selection, user, reason=_confirmation_reason(request))
    return _reread(selection)
