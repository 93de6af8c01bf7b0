"""Pages of the technology radar. Analysts (and administrators) upload documents, curate editions and
decide suggestions; the programme team and the fund team read. Each page parses its input and calls
``radar/actions.py``; reads go through ``radar/queries.py``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.core.errors import error_text
from lodestar.core.permissions import role_required
from lodestar.core.roles import ANALYSTS, FUND_TEAM, PROGRAMME_TEAM, RADAR_READERS
from lodestar.radar import actions, dealflow, queries
from lodestar.radar import engine_adapter as adapter
from lodestar.radar.forms import BlipForm, EditionForm, FeedForm, RadarForm, UploadForm
from lodestar.radar.models import Blip, Document, Edition, Feed, Radar, RadarSettings, Signal, Suggestion
from lodestar.radar.workflow import EditionStatus, SuggestionStatus, is_analyst

readers_only = role_required(*RADAR_READERS)
analysts_only = role_required(*ANALYSTS, scope=None)
PAGE_SIZE = 50


def _language() -> str:
    return "fr" if (get_language() or "en").startswith("fr") else "en"


def _test_explained() -> dict[str, Any]:
    return {
        "recent_months": adapter.RECENT_MONTHS,
        "baseline_months": adapter.BASELINE_MONTHS,
        "alpha": adapter.ALPHA,
        "min_ratio": adapter.MIN_RATIO,
        "min_count": adapter.MIN_COUNT,
    }


@readers_only
def home(request: HttpRequest) -> HttpResponse:
    language = _language()
    return render(
        request,
        "radar/home.html",
        {
            "documents": Document.objects.count(),
            "rising": [r for r in queries.rising_areas(language) if r["burst"].rising],
            "areas": [
                {
                    "key": row["key"],
                    "label": queries.area_label(row["key"], language),
                    "documents": row["documents"],
                }
                for row in queries.top_signals(Signal.Kind.AREA)
            ],
            "editions": Edition.objects.all()[:5],
            "open_suggestions": Suggestion.objects.filter(status=SuggestionStatus.OPEN).count(),
            "test": _test_explained(),
            "can_edit": is_analyst(request.user),
        },
    )


@readers_only
def documents(request: HttpRequest) -> HttpResponse:
    form = UploadForm()
    if request.method == "POST":
        if not is_analyst(request.user):
            raise PermissionDenied
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            files = [(f.name or "upload", f.read()) for f in form.cleaned_data["documents"]]
            try:
                actions.check_ingest_files(files, request.user)
            except ValidationError as exc:
                messages.error(request, error_text(exc))
            else:
                messages.success(request, _("The files are being read; this page shows the progress."))
            return redirect("radar:documents")
    rows = Document.objects.only("pk", "title", "language", "published", "kind", "source")
    language = request.GET.get("language")
    if language in ("en", "fr"):
        rows = rows.filter(language=language)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "radar/documents.html",
        {
            "page": page,
            "form": form,
            "feed_form": FeedForm(),
            "feeds": Feed.objects.all(),
            "job": actions.latest_ingest_job(),
            "feeds_job": actions.latest_feeds_job(),
            "can_edit": is_analyst(request.user),
        },
    )


@require_POST
@analysts_only
def add_feed(request: HttpRequest) -> HttpResponse:
    form = FeedForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("radar:documents")
    try:
        actions.check_add_feed(form.cleaned_data["url"], request.user, form.cleaned_data["name"])
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The feed is followed; it is being read now."))
    return redirect("radar:documents")


@require_POST
@analysts_only
def fetch_feeds(request: HttpRequest) -> HttpResponse:
    try:
        actions.check_fetch_feeds(request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The feeds are being read; this page shows the progress."))
    return redirect("radar:documents")


@require_POST
@analysts_only
def feed_active(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(Feed, pk=pk)
    actions.check_set_feed_active(feed, request.POST.get("active") == "1", request.user)
    return redirect("radar:documents")


@readers_only
def document(request: HttpRequest, pk: int) -> HttpResponse:
    doc = get_object_or_404(Document, pk=pk)
    language = _language()
    reading = doc.reading
    areas = [dict(a, label=queries.area_label(a["code"], language)) for a in reading.get("areas", [])]
    nations = [
        dict(n, label=queries.signal_label("nation", n["code"], language)) for n in reading.get("nations", [])
    ]
    # Organisations resolved against the directory when the document was read.
    known = set(
        doc.signals.filter(kind=Signal.Kind.ORGANISATION)
        .exclude(organisation=None)
        .values_list("key", flat=True)
    )
    organisations = [dict(o, in_directory=o["name"] in known) for o in reading.get("organisations", [])]
    return render(
        request,
        "radar/document.html",
        {
            "doc": doc,
            "areas": areas,
            "nations": nations,
            "organisations": organisations,
            "people": reading.get("people", []),
            "amounts": reading.get("amounts", []),
        },
    )


@readers_only
def signals(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in Signal.Kind.values:
        raise Http404
    language = _language()
    bursts = {b.key: b for b in adapter.rising(kind)}
    rows = [
        {
            "key": row["key"],
            "label": queries.signal_label(kind, row["key"], language),
            "documents": row["documents"],
            "burst": bursts.get(row["key"]),
        }
        for row in queries.top_signals(kind, limit=60)
    ]
    return render(
        request,
        "radar/signals.html",
        {
            "kind": kind,
            "kind_label": Signal.Kind(kind).label,
            "rows": rows,
            "test": _test_explained(),
            "kinds": Signal.Kind.choices,
        },
    )


@readers_only
def signal(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    if kind not in Signal.Kind.values:
        raise Http404
    series = adapter.quarterly_series(kind, key)
    if not any(count for _, count, _ in series):
        raise Http404
    burst = next((b for b in adapter.rising(kind) if b.key == key), None)
    page = Paginator(queries.documents_of(kind, key), PAGE_SIZE).get_page(request.GET.get("page"))
    organisation = queries.directory_organisation(kind, key)
    user = request.user
    named_with = [] if kind == Signal.Kind.ORGANISATION else queries.organisations_named_with(kind, key)
    drafts = list(Edition.objects.filter(status=EditionStatus.DRAFT).select_related("radar"))
    drafts = drafts if is_analyst(user) else []
    return render(
        request,
        "radar/signal.html",
        {
            "kind": kind,
            "key": key,
            "label": queries.signal_label(kind, key, _language()),
            "chart": queries.bar_chart(series),
            "burst": burst,
            "page": page,
            "test": _test_explained(),
            "organisation": organisation,
            "sees_directory": user.has_role(*PROGRAMME_TEAM),  # type: ignore[union-attr]
            "deal_links": dealflow.deal_links(organisation, user) if organisation else [],
            "fund_team": user.has_role(*FUND_TEAM),  # type: ignore[union-attr]
            "named_with": named_with,
            "drafts": drafts,
            "draft_rings": _rings_of(drafts),
            "challenges": queries.challenges_of_area(key)[:10] if kind == Signal.Kind.AREA else [],
        },
    )


def _rings_of(drafts: list[Edition]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The ring sets of the draft editions' radars, each under its radar's name (the form's optgroups)."""
    radars = {e.radar_id: e.radar for e in drafts}
    language = _language()
    return [(r.name, r.ring_choices(language)) for r in radars.values()]


@require_POST
@analysts_only
def blip_from_signal(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """ "Put on the radar" from a signal's page: a blip of a draft edition, its evidence the signal's."""
    if kind not in Signal.Kind.values:
        raise Http404
    try:
        edition = Edition.objects.select_related("radar").get(
            pk=int(request.POST.get("edition", "")), status=EditionStatus.DRAFT
        )
    except (ValueError, Edition.DoesNotExist):
        messages.error(request, _("Choose a draft edition for the blip."))
        return redirect("radar:signal", kind=kind, key=key)
    ring = request.POST.get("ring") or edition.radar.entry_ring()
    try:
        actions.check_blip_from_signal(
            kind,
            key,
            edition,
            request.user,
            name=request.POST.get("name", "") or queries.signal_label(kind, key, _language()),
            ring=ring,
            rationale=request.POST.get("rationale", ""),
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("radar:signal", kind=kind, key=key)
    messages.success(request, _("The blip is on the radar."))
    return redirect("radar:edition", pk=edition.pk)


@require_POST
@readers_only
def add_to_deal_flow(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Add to deal flow" from an organisation's signal: the fund team of the chosen fund only."""
    organisation = get_object_or_404(queries.organisations_in_signals(), pk=pk)
    fund = dealflow.funds_of(request.user).filter(pk=request.POST.get("fund") or 0).first()
    key = queries.signal_key_of(organisation)
    if fund is None:
        raise PermissionDenied(_("Only the fund team may add a company to the fund's deal flow."))
    try:
        deal, made = dealflow.check_add_to_deal_flow(organisation, fund, request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        text = (
            _("%(company)s is on the deal flow of %(fund)s.")
            if made
            else _("%(company)s was already on the deal flow of %(fund)s.")
        )
        messages.success(request, text % {"company": organisation.legal_name, "fund": fund.name})
    return redirect("radar:signal", kind=Signal.Kind.ORGANISATION, key=key)


@readers_only
def editions(request: HttpRequest) -> HttpResponse:
    form, radar_form = EditionForm(), RadarForm(prefix="radar")
    if request.method == "POST":
        if not is_analyst(request.user):
            raise PermissionDenied
        if request.POST.get("what") == "radar":
            radar_form = RadarForm(request.POST, prefix="radar")
            if radar_form.is_valid():
                try:
                    actions.check_create_radar(
                        radar_form.cleaned_data["name"], radar_form.cleaned_data["rings"], request.user
                    )
                except ValidationError as exc:
                    radar_form.add_error(None, exc)
                else:
                    messages.success(request, _("The radar is created; start its first edition."))
                    return redirect("radar:editions")
        else:
            form = EditionForm(request.POST)
            if form.is_valid():
                try:
                    edition = actions.check_create_edition(
                        form.cleaned_data["name"], request.user, form.cleaned_data["radar"]
                    )
                except ValidationError as exc:
                    form.add_error(None, exc)
                else:
                    return redirect("radar:edition", pk=edition.pk)
    language = _language()
    radars = [
        {
            "radar": r,
            "rings": [label for _key, label in r.ring_choices(language)],
            "editions": r.editions.all(),
        }
        for r in Radar.objects.prefetch_related("editions")
    ]
    return render(
        request,
        "radar/editions.html",
        {"radars": radars, "form": form, "radar_form": radar_form, "can_edit": is_analyst(request.user)},
    )


@readers_only
def edition(request: HttpRequest, pk: int) -> HttpResponse:
    ed = get_object_or_404(Edition.objects.select_related("radar"), pk=pk)
    form = BlipForm(radar=ed.radar)
    if request.method == "POST":
        if not is_analyst(request.user):
            raise PermissionDenied
        form = BlipForm(request.POST, radar=ed.radar)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                actions.check_save_blip(ed, request.user, **data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The blip is on the radar."))
                return redirect("radar:edition", pk=ed.pk)
    language = _language()
    blips = list(ed.blips.prefetch_related("documents"))
    rows = queries.edition_rows(ed, blips, language)
    chart = queries.radar_points(blips, ed.radar.ring_keys())
    for spoke in chart["spokes"]:
        spoke["label"] = queries.area_label(spoke["code"], language)
    for point in chart["points"]:
        point["title"] = point["blip"].title(language)
    return render(
        request,
        "radar/edition.html",
        {
            "edition": ed,
            "rows": rows,
            "chart": chart,
            "chart_data": queries.chart_data(ed, rows, language),
            "rings": ed.radar.ring_choices(language),
            "form": form,
            "previous": ed.previous(),
            "editable": ed.status == EditionStatus.DRAFT and is_analyst(request.user),
        },
    )


@require_POST
@analysts_only
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    ed = get_object_or_404(Edition, pk=pk)
    try:
        actions.check_publish_edition(ed, request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The edition is published."))
    return redirect("radar:edition", pk=ed.pk)


def _blip_page(request: HttpRequest, blip: Blip, form: BlipForm | None, status: int = 200) -> HttpResponse:
    language = _language()
    return render(
        request,
        "radar/blip.html",
        {
            "blip": blip,
            "title": blip.title(language),
            "rationale": blip.rationale_in(language),
            "area": queries.area_label(blip.area, language),
            "ring": blip.ring_label(language),
            "history": queries.blip_history(blip, language),
            "form": form,
        },
        status=status,
    )


def _blip_of(pk: int) -> Blip:
    return get_object_or_404(
        Blip.objects.select_related("edition__radar").prefetch_related("documents"), pk=pk
    )


@readers_only
def blip(request: HttpRequest, pk: int) -> HttpResponse:
    """A blip with its evidence and its history; an analyst edits it while its edition is a draft."""
    item = _blip_of(pk)
    editable = item.edition.status == EditionStatus.DRAFT and is_analyst(request.user)
    return _blip_page(request, item, BlipForm(instance=item, radar=item.edition.radar) if editable else None)


@require_POST
@analysts_only
def edit_blip(request: HttpRequest, pk: int) -> HttpResponse:
    item = _blip_of(pk)
    form = BlipForm(request.POST, instance=item, radar=item.edition.radar)
    if form.is_valid():
        try:
            actions.check_save_blip(item.edition, request.user, blip=item, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The blip is saved."))
            return redirect("radar:blip", pk=item.pk)
    return _blip_page(request, _blip_of(pk), form, status=400)


@require_POST
@analysts_only
def remove_blip(request: HttpRequest, pk: int) -> HttpResponse:
    blip = get_object_or_404(Blip.objects.select_related("edition"), pk=pk)
    try:
        actions.check_remove_blip(blip, request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("radar:edition", pk=blip.edition_id)


@readers_only
def suggestions(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if not is_analyst(request.user):
            raise PermissionDenied
        actions.check_set_suggestions(request.POST.get("enabled") == "1", request.user)
        if request.POST.get("enabled") == "1":
            actions.do_refresh_suggestions()
        return redirect("radar:suggestions")
    language = _language()
    rows = [
        {"suggestion": s, "area": queries.area_label(s.area, language)}
        for s in Suggestion.objects.select_related("blip__edition")
    ]
    drafts = Edition.objects.filter(status=EditionStatus.DRAFT)
    return render(
        request,
        "radar/suggestions.html",
        {
            "rows": rows,
            "enabled": RadarSettings.current().suggestions_enabled,
            "drafts": drafts,
            "can_edit": is_analyst(request.user),
            "test": _test_explained(),
        },
    )


@require_POST
@analysts_only
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = get_object_or_404(Suggestion, pk=pk)
    try:
        if request.POST.get("decision") == "confirm":
            try:
                edition = Edition.objects.get(
                    pk=int(request.POST.get("edition", "")), status=EditionStatus.DRAFT
                )
            except (ValueError, Edition.DoesNotExist):
                raise ValidationError(_("Choose a draft edition for the blip.")) from None
            name = request.POST.get("name", "").strip() or queries.area_label(suggestion.area, _language())
            actions.check_confirm_suggestion(suggestion, edition, request.user, name)
            messages.success(
                request, _("The suggestion is now a blip of %(edition)s.") % {"edition": edition.name}
            )
        elif request.POST.get("decision") == "dismiss":
            actions.check_dismiss_suggestion(suggestion, request.user)
            messages.success(request, _("The suggestion is dismissed."))
        else:
            raise ValidationError(_("Confirm or dismiss."))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    except actions.TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    return redirect("radar:suggestions")
