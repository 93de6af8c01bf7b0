"""Pages of the fund team's work on a deal beside the board: notes, tasks, the private data room, the
due-diligence checklist and its templates, and the possible duplicates with their merge. Each page
parses its input and calls lodestar/fund/dealroom.py; nobody outside the deal's fund team reaches any."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import error_text
from lodestar.core.lifecycle import TransitionNotAllowed
from lodestar.core.permissions import role_required
from lodestar.core.roles import FUND_TEAM
from lodestar.fund import dealroom, lists
from lodestar.fund import workflow as wf
from lodestar.fund.actions import do_open_checklist, require_fund_team
from lodestar.fund.forms import (
    DocumentForm,
    EvidenceForm,
    ListImportForm,
    MergeForm,
    NoteForm,
    TaskForm,
    TemplateForm,
    WaiveForm,
)
from lodestar.fund.models import Deal, DealDocument, ListedName
from lodestar.fund.queries import likely_duplicates, team_deals, team_funds, team_of

fund_team_only = role_required(*FUND_TEAM)


def _deal(request: HttpRequest, pk: int) -> tuple[Any, Deal]:
    user = signed_in_user(request)
    return user, get_object_or_404(team_deals(user).select_related("fund", "organisation"), pk=pk)


def _done(request: HttpRequest, deal: Deal, action: Callable[[], object], success: str = "") -> HttpResponse:
    try:
        action()
    except (ValidationError, PermissionDenied, TransitionNotAllowed) as exc:
        messages.error(request, error_text(exc))
    else:
        if success:
            messages.success(request, success)
    return redirect("fund:deal", pk=deal.pk)


def _invalid(form: Any) -> HttpResponse:
    text = " ".join(
        f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}" for f, e in form.errors.items()
    )
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")


@require_POST
@fund_team_only
def note_add(request: HttpRequest, pk: int) -> HttpResponse:
    user, deal = _deal(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _invalid(form)
    return _done(request, deal, lambda: dealroom.check_add_note(deal, form.cleaned_data["text"], user))


@require_POST
@fund_team_only
def task_add(request: HttpRequest, pk: int) -> HttpResponse:
    user, deal = _deal(request, pk)
    team = team_of(deal.fund)
    form = TaskForm(request.POST, team=team)
    if not form.is_valid():
        return _invalid(form)
    data = form.cleaned_data
    owner = next(u for u in team if u.pk == data["owner"])
    return _done(
        request, deal, lambda: dealroom.check_add_task(deal, data["title"], owner, data["due"], user)
    )


@require_POST
@fund_team_only
def task_status(request: HttpRequest, pk: int, task: int) -> HttpResponse:
    user, deal = _deal(request, pk)
    item = get_object_or_404(deal.tasks, pk=task)
    to = request.POST.get("to", "")
    if to not in wf.TaskStatus.values:
        return HttpResponse(_("Choose done or open."), status=400)
    return _done(request, deal, lambda: dealroom.check_set_task_status(item, to, user))


@require_POST
@fund_team_only
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    user, deal = _deal(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _invalid(form)
    return _done(
        request,
        deal,
        lambda: dealroom.check_add_document(
            deal, form.cleaned_data["file"], form.cleaned_data["description"], user
        ),
        _("The document is in the data room."),
    )


@fund_team_only
def document_download(request: HttpRequest, pk: int, document: int) -> FileResponse:
    """A file of the data room, to the deal's fund team only (another's deal or file is a 404)."""
    _user, deal = _deal(request, pk)
    doc: DealDocument = get_object_or_404(deal.documents, pk=document)
    response = FileResponse(doc.file.open("rb"), as_attachment=True, filename=doc.original_name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@fund_team_only
def checklist_open(request: HttpRequest, pk: int) -> HttpResponse:
    user, deal = _deal(request, pk)

    def act() -> None:
        require_fund_team(user, deal)
        do_open_checklist(deal, user)

    return _done(request, deal, act)


@require_POST
@fund_team_only
def item_update(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    """One form per checklist item, its `do` saying what: assign, complete, waive or reopen."""
    user, deal = _deal(request, pk)
    target = get_object_or_404(deal.diligence, pk=item)
    do = request.POST.get("do", "")
    if do == "assign":
        team = {u.pk: u for u in team_of(deal.fund)}
        try:
            owner = team[int(request.POST.get("owner", ""))]
        except (KeyError, ValueError):
            return HttpResponse(_("Choose an owner from the fund team."), status=400)
        return _done(request, deal, lambda: dealroom.check_assign_item(target, owner, user))
    if do == "complete":
        documents = list(deal.documents.all())
        form = EvidenceForm(request.POST, documents=documents)
        if not form.is_valid():
            return _invalid(form)
        doc = next((d for d in documents if d.pk == form.cleaned_data["document"]), None)
        return _done(
            request,
            deal,
            lambda: dealroom.check_complete_item(target, form.cleaned_data["evidence"], user, doc),
        )
    if do == "waive":
        waive = WaiveForm(request.POST)
        if not waive.is_valid():
            return _invalid(waive)
        return _done(
            request, deal, lambda: dealroom.check_waive_item(target, waive.cleaned_data["reason"], user)
        )
    if do == "reopen":
        return _done(
            request, deal, lambda: dealroom.check_reopen_item(target, user, request.POST.get("note", ""))
        )
    return HttpResponse(_("Say what to do with the item."), status=400)


@fund_team_only
def checklist(request: HttpRequest) -> HttpResponse:
    """The fund's due-diligence checklist templates, by area; the team adds items here."""
    user = signed_in_user(request)
    fund = team_funds(user).first()
    form = TemplateForm(request.POST or None)
    if request.method == "POST":
        if fund is None:
            raise PermissionDenied
        if not form.is_valid():
            return render(request, "fund/checklist.html", {"fund": fund, "form": form}, status=400)
        data = form.cleaned_data
        try:
            dealroom.check_add_template(
                fund,
                data["area"],
                data["title"],
                user,
                guidance=data["guidance"],
                required=data["required"],
                valid_days=data["valid_days"],
                rounds=data["rounds"],
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        return redirect("fund:checklist")
    templates = fund.checklist.all() if fund else []
    return render(request, "fund/checklist.html", {"fund": fund, "form": form, "templates": templates})


@fund_team_only
def duplicates(request: HttpRequest) -> HttpResponse:
    """Deals that are probably one company, each pair explained, with a form to merge one into the other."""
    pairs = [
        {"first": a, "second": b, "pair": p, "deals": (a, b)}
        for a, b, p in likely_duplicates(signed_in_user(request))
    ]
    return render(request, "fund/duplicates.html", {"pairs": pairs})


@require_POST
@fund_team_only
def merge(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = MergeForm(request.POST)
    if not form.is_valid() or form.cleaned_data["keep"] == form.cleaned_data["duplicate"]:
        return HttpResponse(_("Choose the deal to keep and the duplicate to merge into it."), status=400)
    deals = team_deals(user)
    kept = get_object_or_404(deals, pk=form.cleaned_data["keep"])
    duplicate = get_object_or_404(deals, pk=form.cleaned_data["duplicate"])
    try:
        dealroom.check_merge_deals(kept, duplicate, user, form.cleaned_data["note"])
    except (ValidationError, PermissionDenied, TransitionNotAllowed) as exc:
        messages.error(request, error_text(exc))
        return redirect("fund:duplicates")
    messages.success(
        request,
        _("%(duplicate)s was merged into this deal.") % {"duplicate": duplicate.organisation.legal_name},
    )
    return redirect("fund:deal", pk=kept.pk)


@fund_team_only
def screening_lists(request: HttpRequest) -> HttpResponse:
    """The screening lists with their size; importing one replaces it and screens every deal again."""
    user = signed_in_user(request)
    fund = team_funds(user).first()
    form = ListImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if fund is None:
            raise PermissionDenied
        if not form.is_valid():
            return _invalid(form)
        upload = form.cleaned_data["file"]
        if upload.size > settings.ATTACHMENT_MAX_BYTES * 10:
            return HttpResponse(_("The file is too large."), status=400)
        try:
            count, job = lists.check_import_list(
                fund, form.cleaned_data["list_name"], form.cleaned_data["fmt"], upload.read(), user
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
            return redirect("fund:screening_lists")
        messages.success(
            request,
            ngettext(
                "%(n)d name imported; every deal is being screened again.",
                "%(n)d names imported; every deal is being screened again.",
                count,
            )
            % {"n": count},
        )
        return redirect("core:job_progress", pk=job.pk)
    rows = ListedName.objects.values("list_name").annotate(
        n=Count("pk"), entries=Count("entry_id", distinct=True)
    )
    return render(request, "fund/lists.html", {"lists": rows.order_by("list_name"), "form": form})
