"""The applications' API: a call's applications for staff, one application for its audience, and
screening (mounted by lodestar.api)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from lodestar.applications.actions import check_screen
from lodestar.applications.models import Application
from lodestar.applications.reasons import ineligibility_reasons
from lodestar.core.api import Code, Note, Rows, caller, paged, require_staff
from lodestar.core.models import Audience
from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.core.workflow import describe_event, describe_note, history
from lodestar.programmes.models import Question
from lodestar.programmes.queries import team_call

router = Router(tags=["applications"])


class AnswerOut(Schema):
    question: int  # the question's position in the call's form
    label: str  # in the language of the request
    kind: str
    value: str  # as kept: text, a number with a dot, an ISO date, the option's label; "" for a file
    has_file: bool


class ApplicationOut(Schema):
    id: int
    reference: str
    call: str
    challenge: str
    title: str
    summary: str
    status: str
    language: str
    trl: int | None
    requested_amount: Decimal | None
    submitted_at: datetime | None
    eligibility_verdict: str
    organisation: str | None  # hidden from experts when the call reviews blind
    nation: str | None
    answers: list[AnswerOut]  # to the call's own questions, in the order of its form


class ScreeningIn(Schema):
    decision: Code  # "accept", "eligible" or "ineligible"
    note: Note = ""
    audience: str = Audience.INTERNAL  # "internal" (staff only) or "shared" (the applicant reads it)


class EventOut(Schema):
    at: datetime
    event: str  # what happened, in the caller's language
    state: str  # the state it moved to ("" for an event that is not a move)
    note: str  # staff read every note; an applicant only the shared ones ("" otherwise)
    audience: str | None  # "internal" or "shared", for staff; None for an applicant


class ReasonsOut(Schema):
    status: str
    reasons: list[str]  # why the application is not eligible, in the caller's language
    history: list[EventOut]


def _names_hidden(call: Any, user: Any, scope: Any) -> bool:
    """Blind review hides the applicant's name from whoever is not on the programme's team (the
    organisation's own members still see it: checked per application)."""
    setup = getattr(call, "review_rules", None)
    return setup is not None and setup.blind and not user.has_role(*PROGRAMME_TEAM, scope=scope)


def _application_out(
    application: Application, user: Any, call: Any = None, hidden: bool | None = None
) -> dict[str, Any]:
    """One application as the API shows it. A list passes its `call` and whether blind review hides
    names from `user` (`_names_hidden`, the same for every row of one call), so each row costs no query
    and no role check; one application works them out itself."""
    call = call if call is not None else application.challenge.call
    if hidden is None:
        hidden = _names_hidden(call, user, application)
    hidden = hidden and not application.is_member(user)
    return {
        "id": application.pk,
        "reference": application.reference,
        "call": call.slug,
        "challenge": application.challenge.slug,
        "title": application.title,
        "summary": application.summary,
        "status": application.status,
        "language": application.language,
        "trl": application.trl,
        "requested_amount": application.requested_amount,
        "submitted_at": application.submitted_at,
        "eligibility_verdict": application.eligibility_verdict,
        "organisation": None if hidden else application.organisation.legal_name,
        "nation": None if hidden else application.organisation.headquarters_nation,
        "answers": [
            {
                "question": a.question.position,
                "label": a.question.label,
                "kind": a.question.kind,
                "value": "" if a.question.kind == Question.Kind.FILE else a.shown(),
                "has_file": a.attachment_id is not None,
            }
            for a in application.answers.all()
        ],
    }


# What a row of the list reads of an application, its challenge and its organisation: not the long
# texts (description, eligibility report) nor the call's, which is the same for every row.
_LIST_FIELDS = (
    "id",
    "status",
    "language",
    "trl",
    "requested_amount",
    "submitted_at",
    "eligibility_verdict",
    "title",
    "summary",
    "challenge__id",
    "challenge__slug",
    "organisation__id",
    "organisation__legal_name",
    "organisation__headquarters_nation",
)


@router.get("/calls/{slug}/applications", response=list[ApplicationOut])
@paged
def list_applications(
    request: HttpRequest, slug: str, status: str = "", challenge: str = "", nation: str = ""
) -> Rows:
    """Every application of a call (programme staff only), filtered by status, challenge slug or nation."""
    user = require_staff(request)
    call = team_call(user, slug)
    hidden = _names_hidden(call, user, call)
    qs = (
        Application.objects.filter(challenge__call=call)
        .select_related("challenge", "organisation")
        .only(*_LIST_FIELDS)
        .prefetch_related("answers__question")
    )
    if status:
        qs = qs.filter(status=status)
    if challenge:
        qs = qs.filter(challenge__slug=challenge)
    if nation:
        qs = qs.filter(organisation__headquarters_nation=nation.upper())
    return Rows(qs.order_by("pk"), lambda a: _application_out(a, user, call, hidden))


@router.get("/applications/{application_id}", response=ApplicationOut)
def get_application(request: HttpRequest, application_id: int) -> dict[str, Any]:
    """One application: staff see any, members their organisation's, experts those assigned to them."""
    user = caller(request)
    application = get_object_or_404(
        Application.objects.visible_to(user).select_related("challenge__call", "organisation"),
        pk=application_id,
    )
    return _application_out(application, user)


@router.post("/applications/{application_id}/screening", response=ApplicationOut)
def screen_application(request: HttpRequest, application_id: int, payload: ScreeningIn) -> dict[str, Any]:
    """Accept the automatic eligibility result or override it (a note is required to override)."""
    user = require_staff(request)
    application = get_object_or_404(
        Application.objects.for_role(user, PROGRAMME_TEAM).select_related("challenge__call"),
        pk=application_id,
    )
    check_screen(application, user, payload.decision, payload.note, audience=payload.audience)
    application.refresh_from_db()
    return _application_out(application, user)


@router.get("/applications/{application_id}/history", response=ReasonsOut)
def application_history(request: HttpRequest, application_id: int) -> dict[str, Any]:
    """An application's history and, when not eligible, the reasons: staff read every note with its
    audience; members of the applying organisation read the shared notes only (experts: 404)."""
    user = caller(request)
    application = get_object_or_404(
        Application.objects.visible_to(user).select_related("challenge__call", "organisation"),
        pk=application_id,
    )
    staff = user.has_role(*PROGRAMME_TEAM, scope=application)
    if not staff and not application.is_member(user):
        raise Http404
    events = history(application)
    if not staff:
        events = events.filter(action__startswith="application:")
    return {
        "status": application.status,
        "reasons": ineligibility_reasons(application),
        "history": [
            {
                "at": e.at,
                "event": describe_event(e),
                "state": e.to_state,
                "note": describe_note(e, shared_only=not staff),
                "audience": e.audience if staff else None,
            }
            for e in events[:100]
        ],
    }
