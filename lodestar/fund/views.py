"""Pages of the fund: the deal board and a deal's ownership findings (fund team), capital calls and
their notices (the team, and each partner nation for its own), a notice as PDF in the partner's language.
Each page parses its input and calls lodestar/fund/actions.py."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import error_text
from lodestar.core.lifecycle import TransitionNotAllowed
from lodestar.core.permissions import role_required
from lodestar.core.roles import COMMITTEE, FUND_PARTNERS, FUND_TEAM
from lodestar.fund import actions, committee
from lodestar.fund import workflow as wf
from lodestar.fund.documents import notice_pdf
from lodestar.fund.forms import (
    CashEventForm,
    ClearFindingForm,
    DocumentForm,
    EvidenceForm,
    InvestForm,
    MeetingForm,
    MoveDealForm,
    NoteForm,
    PaymentForm,
    TaskForm,
)
from lodestar.fund.models import CashEvent, Investment, Seat
from lodestar.fund.pack import committee_pack
from lodestar.fund.queries import (
    committee_of,
    last_screening,
    my_open_tasks,
    readable_meetings,
    readable_notices,
    readable_partners,
    team_deals,
    team_funds,
    team_of,
)
from lodestar.fund.reports import statement, statement_pdf, statement_xlsx

fund_team_only = role_required(*FUND_TEAM)
fund_readers = role_required(*FUND_TEAM, *FUND_PARTNERS)


# Companies named per stage on the board; the count says how many there are in all.
BOARD_NAMES = 50


@fund_team_only
def board(request: HttpRequest) -> HttpResponse:
    """The stages with their counts and the first companies of each: two queries and plain tuples,
    whatever the number of deals (2,000 in bench/fund_pages.py)."""
    user = signed_in_user(request)
    deals = team_deals(user).exclude(status=wf.DealStatus.MERGED)
    counts = dict(deals.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    named: dict[str, list[tuple[int, str]]] = {s: [] for s in wf.DealStatus.values}
    for pk, status, name in deals.order_by("organisation__legal_name").values_list(
        "pk", "status", "organisation__legal_name"
    ):
        if len(named[status]) < BOARD_NAMES:
            named[status].append((pk, name))
    return render(
        request,
        "fund/board.html",
        {
            "columns": [
                (wf.DealStatus(s).label, counts.get(s, 0), named[s])
                for s in wf.DealStatus.values
                if s != wf.DealStatus.MERGED
            ],
            "tasks": list(my_open_tasks(user)[:20]),
            "today": timezone.localdate(),
        },
    )


@fund_team_only
def deal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    deal = get_object_or_404(
        team_deals(user).select_related("organisation", "fund", "merged_into__organisation"), pk=pk
    )
    team = team_of(deal.fund)
    documents = list(deal.documents.select_related("uploaded_by"))
    today = timezone.localdate()
    items = list(deal.diligence.select_related("owner", "document"))
    return render(
        request,
        "fund/deal.html",
        {
            "deal": deal,
            # Merging and joining the portfolio have their own forms (duplicates; the investment).
            "moves": [
                m
                for m in wf.DEAL_WORKFLOW.available(deal, user)
                if m.target not in (wf.DealStatus.MERGED, wf.DealStatus.PORTFOLIO)
            ],
            "findings": deal.findings.exclude(status=wf.FindingStatus.SUPERSEDED),
            "screening": last_screening(deal),
            "clear_form": ClearFindingForm(),
            "meetings": deal.meetings.all(),
            "meeting_form": MeetingForm(),
            "notes": deal.notes.select_related("author"),
            "note_form": NoteForm(),
            "tasks": deal.tasks.select_related("owner"),
            "task_form": TaskForm(team=team),
            "documents": documents,
            "document_form": DocumentForm(),
            "items": [(i, i.expired(today), i.blocks(today)) for i in items],
            "evidence_form": EvidenceForm(documents=documents),
            "team": team,
            "blockers": actions.committee_blockers(deal, today) if deal.status in wf.ACTIVE else [],
            "merged_from": deal.merged_from.select_related("organisation"),
            "invest_form": InvestForm() if deal.status == wf.DealStatus.CLOSING else None,
            "investment": Investment.objects.filter(deal=deal).first(),
            "today": today,
        },
    )


def _act(request: HttpRequest, action: object) -> None:
    try:
        action()  # type: ignore[operator]  # a closure over the parsed input
    except (ValidationError, PermissionDenied, TransitionNotAllowed) as exc:
        messages.error(request, error_text(exc))


@require_POST
@fund_team_only
def deal_move(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    deal = get_object_or_404(team_deals(user), pk=pk)
    form = MoveDealForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose a state to move the deal to."), status=400)
    _act(
        request,
        lambda: actions.check_move_deal(deal, form.cleaned_data["to"], user, form.cleaned_data["note"]),
    )
    return redirect("fund:deal", pk=deal.pk)


@require_POST
@fund_team_only
def deal_screen(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    deal = get_object_or_404(team_deals(user), pk=pk)
    _act(request, lambda: actions.do_screen_deal(deal, user))
    return redirect("fund:deal", pk=deal.pk)


@require_POST
@fund_team_only
def finding_clear(request: HttpRequest, pk: int, finding: int) -> HttpResponse:
    user = signed_in_user(request)
    deal = get_object_or_404(team_deals(user), pk=pk)
    item = get_object_or_404(deal.findings, pk=finding)
    form = ClearFindingForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Say why the finding is cleared."), status=400)
    _act(request, lambda: actions.check_clear_finding(item, form.cleaned_data["note"], user))
    return redirect("fund:deal", pk=deal.pk)


@fund_readers
def notices(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    funds = list(team_funds(user))
    return render(
        request,
        "fund/notices.html",
        {
            "notices": readable_notices(user).order_by("-event__on", "partner__nation"),
            "funds": funds,
            "form": CashEventForm() if funds else None,
            "payment_form": PaymentForm(),
            "is_team": bool(funds),
        },
    )


@require_POST
@fund_team_only
def issue(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    fund = team_funds(user).first()
    form = CashEventForm(request.POST)
    if fund is None or not form.is_valid():
        return HttpResponse(_("Fill in the kind, amount, dates and purpose."), status=400)
    data = form.cleaned_data
    _act(
        request,
        lambda: actions.check_issue_cash_event(
            fund, data["kind"], data["amount"], data["on"], data["due"], data["purpose"], user
        ),
    )
    return redirect("fund:notices")


@require_POST
@fund_team_only
def notice_pay(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    notice = get_object_or_404(readable_notices(user).filter(event__fund__in=team_funds(user)), pk=pk)
    form = PaymentForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Give the amount received."), status=400)
    _act(request, lambda: actions.check_record_payment(notice, form.cleaned_data["amount"], user))
    return redirect("fund:notices")


@fund_readers
def notice_document(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(readable_notices(signed_in_user(request)), pk=pk)
    response = HttpResponse(notice_pdf(notice), content_type="application/pdf")
    kind = "call" if notice.event.kind == CashEvent.Kind.CALL else "distribution"
    response["Content-Disposition"] = (
        f'inline; filename="{kind}-{notice.event.number}-{notice.partner.nation}.pdf"'
    )
    return response


@fund_readers
def statement_document(request: HttpRequest, nation: str, fmt: str) -> HttpResponse:
    """A partner nation's statement for the last quarter (or `?end=YYYY-MM-DD`), as PDF or XLSX: the fund
    team reads every nation's; a partner's representative only its own nation's (another is a 404)."""
    user = signed_in_user(request)
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    partner = get_object_or_404(readable_partners(user), nation=nation.upper())
    try:
        end = date.fromisoformat(request.GET["end"]) if "end" in request.GET else timezone.localdate()
    except ValueError:
        return HttpResponse(_("The end date must be written YYYY-MM-DD."), status=400)
    s = statement(partner, end)
    name = f"statement-{partner.nation}-{s.end.isoformat()}"
    if fmt == "xlsx":
        response = HttpResponse(
            statement_xlsx(s),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    response = HttpResponse(statement_pdf(s), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


committee_readers = role_required(*FUND_TEAM, *COMMITTEE)


@require_POST
@fund_team_only
def meeting_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Put a deal to the committee: every member of the fund's committee gets a seat."""
    user = signed_in_user(request)
    deal = get_object_or_404(team_deals(user).select_related("fund"), pk=pk)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Give the date and the quorum of the meeting."), status=400)
    members = committee_of(deal.fund)
    try:
        meeting = committee.check_schedule_meeting(
            deal, form.cleaned_data["held_on"], members, form.cleaned_data["quorum"], user
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
        return redirect("fund:deal", pk=deal.pk)
    return redirect("fund:meeting", pk=meeting.pk)


@committee_readers
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    meeting = get_object_or_404(readable_meetings(user).select_related("deal__organisation"), pk=pk)
    seats = list(meeting.seats.select_related("member"))
    mine = next((s for s in seats if s.member_id == user.pk), None)
    return render(
        request,
        "fund/meeting.html",
        {
            "meeting": meeting,
            "seats": seats,
            "mine": mine,
            "is_team": team_deals(user).filter(pk=meeting.deal_id).exists(),
            "votes": Seat.Vote.choices,
        },
    )


@require_POST
@committee_readers
def meeting_vote(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    meeting = get_object_or_404(readable_meetings(user), pk=pk)
    if request.POST.get("conflict", "").strip():
        _act(request, lambda: committee.check_declare_conflict(meeting, user, request.POST["conflict"], user))
    else:
        _act(request, lambda: committee.check_vote(meeting, user, request.POST.get("vote", "")))
    return redirect("fund:meeting", pk=meeting.pk)


@require_POST
@fund_team_only
def meeting_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    meeting = get_object_or_404(readable_meetings(user).filter(deal__in=team_deals(user)), pk=pk)
    _act(request, lambda: committee.check_decide(meeting, user))
    return redirect("fund:meeting", pk=meeting.pk)


@committee_readers
def meeting_pack(request: HttpRequest, pk: int) -> HttpResponse:
    """The committee pack, for the fund team and the members seated at this meeting only."""
    user = signed_in_user(request)
    meeting = get_object_or_404(readable_meetings(user).select_related("deal__organisation"), pk=pk)
    response = HttpResponse(
        committee_pack(meeting, translation.get_language() or "en"), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="committee-pack-{meeting.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
