"""Programme staff pages: the call dashboard, the application list with its exports, screening."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.applications import actions
from lodestar.applications import queries as application_queries
from lodestar.applications import workflow as wf
from lodestar.applications.forms import ScreeningForm
from lodestar.applications.models import Application
from lodestar.applications.panels import staff_application
from lodestar.core.errors import error_text, parse_id
from lodestar.core.models import Audience
from lodestar.core.nations import nation_name
from lodestar.core.permissions import staff_only
from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.core.spreadsheets import spreadsheet_cell
from lodestar.core.workflow import history
from lodestar.programmes.eligibility import Verdict, describe, rule_label
from lodestar.programmes.models import Call, Question
from lodestar.programmes.queries import team_call
from lodestar.programmes.stages import stages_for

MEANING_IN_LISTS = 0.12
PAGE_SIZE = 50


@staff_only
def call_list(request: HttpRequest) -> HttpResponse:
    calls = (
        Call.objects.for_role(signed_in_user(request), PROGRAMME_TEAM)
        .select_related("programme")
        .annotate(
            total=Count("challenges__applications", distinct=True),
            sent=Count(
                "challenges__applications",
                filter=Q(challenges__applications__status__in=wf.SENT),
                distinct=True,
            ),
        )
        .order_by("-closes_at")
    )
    return render(request, "staff/call_list.html", {"calls": calls})


def _bars(rows: list[tuple[Any, int]]) -> list[dict[str, Any]]:
    top = max((n for _label, n in rows), default=0) or 1
    return [{"label": label, "count": n, "percent": round(100 * n / top)} for label, n in rows]


@staff_only
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    # Every chart from one grouped count (one row per challenge, status, nation, language and
    # verdict that occurs: a few hundred at most), summed here instead of five queries.
    grouped = (
        Application.objects.filter(challenge__call=call)
        .values_list(
            "challenge_id", "status", "organisation__headquarters_nation", "language", "eligibility_verdict"
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    by_status: Counter[str] = Counter()
    by_challenge: dict[int, dict[str, int]] = {}
    nations: Counter[str] = Counter()
    by_language: Counter[str] = Counter()
    by_verdict: Counter[str] = Counter()
    for challenge_id, status, nation, language, verdict, n in grouped:
        by_status[status] += n
        row = by_challenge.setdefault(challenge_id, {"total": 0, "sent": 0, "eligible": 0, "drafts": 0})
        row["total"] += n
        # Every application screened eligible, also once in review or decided (not only those
        # still waiting for experts, which read 0 on a call in review).
        row["eligible"] += n if status in wf.FOUND_ELIGIBLE else 0
        row["drafts"] += n if status == wf.DRAFT else 0
        if status in wf.SENT:
            row["sent"] += n
            nations[nation] += n
            by_language[language] += n
            by_verdict[verdict] += n
    challenges = list(call.challenges.all())
    by_nation = sorted(nations.items(), key=lambda item: (-item[1], item[0] or ""))
    context = {
        "call": call,
        "stages": [
            {"number": n, "stage": stage, "url": stage.url(call), "status": stage.status(call)}
            for n, stage in enumerate(stages_for(request.user, call), start=1)
        ],
        "total": sum(by_status.values()),
        "sent_total": sum(n for s, n in by_status.items() if s in wf.SENT),
        "nation_count": len(by_nation),
        "status_bars": _bars([(wf.STATES[s], by_status.get(s, 0)) for s in wf.STATES if by_status.get(s)]),
        "challenge_rows": [
            {"challenge": c, **by_challenge.get(c.pk, {"total": 0, "sent": 0, "eligible": 0, "drafts": 0})}
            for c in challenges
        ],
        "challenge_bars": _bars([(c.title, by_challenge.get(c.pk, {}).get("sent", 0)) for c in challenges]),
        "nation_bars": _bars([(nation_name(code), n) for code, n in by_nation]),
        "language_bars": _bars(
            [
                (_("English") if code == "en" else _("French") if code == "fr" else _("Unknown"), n)
                for code, n in sorted(by_language.items())
            ]
        ),
        "verdict_bars": _bars(
            [
                (str(Verdict(v).label) if v in Verdict.values else _("Not checked"), n)
                for v, n in by_verdict.items()
            ]
        ),
    }
    return render(request, "staff/dashboard.html", context)


def _filtered(call: Call, params: Any) -> tuple[QuerySet[Application], dict[str, str]]:
    filters = {
        key: params.get(key, "").strip()
        for key in ("challenge", "status", "nation", "language", "verdict", "q")
    }
    qs = Application.objects.filter(challenge__call=call)
    if (challenge_id := parse_id(filters["challenge"])) is not None:
        qs = qs.filter(challenge_id=challenge_id)
    if filters["status"] in wf.STATES:
        qs = qs.filter(status=filters["status"])
    if filters["nation"]:
        qs = qs.filter(organisation__headquarters_nation=filters["nation"].upper()[:2])
    if filters["language"] in ("en", "fr"):
        qs = qs.filter(language=filters["language"])
    if filters["verdict"] in Verdict.values:
        qs = qs.filter(eligibility_verdict=filters["verdict"])
    if filters["q"]:
        # A reference, the words in either language, or (above a firmer threshold than the global
        # search, since the list shows no score) the meaning across languages.
        found = application_queries.search(qs, filters["q"], min_meaning=MEANING_IN_LISTS)
        qs = qs.filter(pk__in=[f.pk for f in found])
    return qs.select_related("organisation", "challenge").order_by("-submitted_at", "-id"), filters


@staff_only
def application_list(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    qs, filters = _filtered(call, request.GET)
    # The list shows none of the long texts: leave them in the database (a third of the page's time).
    qs = qs.defer(
        "summary",
        "description",
        "eligibility_report",
        "screening_note",
        "organisation__description",
        "challenge__summary_en",
        "challenge__summary_fr",
        "challenge__description_en",
        "challenge__description_fr",
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    nations = (
        Application.objects.filter(challenge__call=call)
        .values_list("organisation__headquarters_nation", flat=True)
        .distinct()
        .order_by("organisation__headquarters_nation")
    )
    return render(
        request,
        "staff/application_list.html",
        {
            "call": call,
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "challenges": call.challenges.all(),
            "statuses": list(wf.STATES.items()),
            "verdicts": Verdict.choices,
            "nations": [(code, nation_name(code)) for code in nations],
        },
    )


EXPORT_COLUMNS = (
    "reference",
    "title",
    "organisation",
    "nation",
    "organisation_type",
    "challenge",
    "status",
    "language",
    "trl",
    "requested_amount",
    "eligibility",
    "submitted_at",
)


def _export_header(questions: list[Question]) -> list[str]:
    """The fixed columns, then one per question of the call's own form, named by its label."""
    return [*EXPORT_COLUMNS, *(f"q{q.position}: {q.label}" for q in questions)]


def _export_rows(qs: QuerySet[Application], questions: list[Question]) -> Iterator[list[Any]]:
    rows = qs.prefetch_related("answers__question", "answers__attachment") if questions else qs
    for a in rows.iterator(chunk_size=500):
        answers = {x.question_id: x.shown() for x in a.answers.all()} if questions else {}
        yield [
            a.reference,
            a.title,
            a.organisation.legal_name,
            a.organisation.headquarters_nation,
            a.organisation.kind,
            a.challenge.title,
            a.status,
            a.language,
            a.trl if a.trl is not None else "",
            a.requested_amount if a.requested_amount is not None else "",
            a.eligibility_verdict,
            timezone.localtime(a.submitted_at).strftime("%Y-%m-%d %H:%M") if a.submitted_at else "",
            *(answers.get(q.pk, "") for q in questions),
        ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _safe_cell(value: Any) -> Any:
    """Unstorable characters removed, formulas typed by applicants neutralised (core/spreadsheets.py)."""
    return spreadsheet_cell(value)


@staff_only
def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    call = team_call(signed_in_user(request), slug)
    qs, _filters = _filtered(call, request.GET)
    questions = list(call.questions.all())
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    filename = f"{call.slug}-applications-{stamp}"
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if fmt == "csv":
        writer = csv.writer(_Echo())
        lines = (writer.writerow([_safe_cell(v) for v in row]) for row in _export_rows(qs, questions))
        header = writer.writerow([_safe_cell(v) for v in _export_header(questions)])
        response = StreamingHttpResponse(
            (line for chunk in ([header], lines) for line in chunk), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    from openpyxl import Workbook  # imported here: only exports need it

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_("Applications")[:31])
    sheet.append([_safe_cell(v) for v in _export_header(questions)])
    for row in _export_rows(qs, questions):
        sheet.append([float(v) if isinstance(v, Decimal) else _safe_cell(v) for v in row])
    buffer = BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return FileResponse(
        buffer,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@staff_only
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, pk)


def _detail_page(request: HttpRequest, pk: int, screening_form: ScreeningForm | None = None) -> HttpResponse:
    """The application for staff (the caller checked who asks); `screening_form` is a refused
    screening, shown again as typed."""
    application = get_object_or_404(
        Application.objects.for_role(signed_in_user(request), PROGRAMME_TEAM)
        .select_related("challenge__call", "organisation", "screened_by")
        .prefetch_related(
            "areas",
            "team",
            "organisation__shareholders",
            "attachments",
            "answers__question",
            "answers__attachment",
        ),
        pk=pk,
    )
    # A rule that passed is named by what it checks; one that did not, by the message applicants read.
    outcomes = [
        {**o, "explanation": describe(o), "rule": rule_label(o.get("code", ""))}
        for o in application.eligibility_report
    ]
    return render(
        request,
        "staff/application_detail.html",
        {
            "application": application,
            "call": application.call,
            "outcomes": outcomes,
            "screening_form": screening_form or ScreeningForm(),
            "can_screen": application.status in wf.SCREENABLE,
            "events": history(application)[:50],
            # Later stages add theirs (matching's insights, the reviews): see applications/panels.py.
            "panels": staff_application.panels(request, application),
        },
    )


@staff_only
@require_POST
def screen(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.for_role(signed_in_user(request), PROGRAMME_TEAM).select_related(
            "challenge__call"
        ),
        pk=pk,
    )
    form = ScreeningForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a screening decision."))
        return _detail_page(request, pk, screening_form=form)
    try:
        actions.check_screen(
            application,
            request.user,
            form.cleaned_data["decision"],
            form.cleaned_data["note"],
            audience=form.cleaned_data["audience"] or Audience.INTERNAL,
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        # The decision and the note come back as typed: nothing is lost.
        return _detail_page(request, pk, screening_form=form)
    except PermissionDenied as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Screened: %(status)s.") % {"status": wf.STATES[application.status]})
    return redirect("staff:application", pk=pk)
