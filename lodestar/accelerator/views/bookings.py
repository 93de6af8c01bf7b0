"""The network's pages: the directory, a centre with its month of booked days, booking, the
company's bookings, the operator's queue, calendar files and the utilisation of the network.

Every page needs a signed-in user; what it shows is narrowed to the object's audience (a company's
own bookings, an operator's own centres). The views parse and validate, then call actions.py.
"""

from __future__ import annotations

import secrets
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accelerator import actions, ical, queries
from lodestar.accelerator import workflow as wf
from lodestar.accelerator.access import is_operator, operated, operates, runs_network
from lodestar.accelerator.forms import BookingForm, DecisionForm, DirectoryFilter
from lodestar.accelerator.models import Booking, Centre, CentreKind
from lodestar.core.errors import error_text
from lodestar.core.workflow import TransitionNotAllowed


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    nations = sorted(set(Centre.objects.filter(is_active=True).values_list("nation", flat=True)))
    form = DirectoryFilter(request.GET or None, nations=nations)
    if request.GET and not form.is_valid():
        return render(request, "accelerator/directory.html", {"form": form, "centres": []}, status=400)
    filters = form.cleaned_data if request.GET else {}
    centres = queries.directory(filters.get("nation", ""), filters.get("area", ""), filters.get("kind", ""))
    return render(request, "accelerator/directory.html", {"form": form, "centres": centres})


def _month(request: HttpRequest) -> tuple[int, int]:
    raw = request.GET.get("month", "")
    if not raw:
        today = timezone.localdate()
        return today.year, today.month
    try:
        year, month = (int(part) for part in raw.split("-"))
        date(year, month, 1)
    except ValueError as exc:
        raise ValidationError(_("Give the month as YYYY-MM.")) from exc
    return year, month


@login_required
def centre(request: HttpRequest, slug: str) -> HttpResponse:
    centre = get_object_or_404(Centre.objects.select_related("operator"), slug=slug)
    try:
        year, month = _month(request)
    except ValidationError as exc:
        return HttpResponseBadRequest(error_text(exc))
    operator = operates(request.user, centre)
    weeks = queries.month_calendar(centre, year, month, with_bookings=operator)
    first = date(year, month, 1)
    previous = date(year - (month == 1), 12 if month == 1 else month - 1, 1)
    following = date(year + (month == 12), 1 if month == 12 else month + 1, 1)
    return render(
        request,
        "accelerator/centre.html",
        {
            "centre": centre,
            "capabilities": centre.capabilities.select_related("area"),
            "weeks": weeks,
            "first": first,
            "previous": previous.strftime("%Y-%m"),
            "following": following.strftime("%Y-%m"),
            "operator": operator,
            "feed_url": request.build_absolute_uri(
                reverse("accelerator:feed", args=[centre.slug, centre.feed_token])
            )
            if operator
            else "",
        },
    )


@login_required
def book(request: HttpRequest, slug: str) -> HttpResponse:
    centre = get_object_or_404(Centre, slug=slug, is_active=True)
    form = BookingForm(request.POST or None, user=request.user)
    if not form.fields["organisation"].queryset.exists():  # type: ignore[attr-defined]
        raise PermissionDenied(_("Only a member of a company may book test days."))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                booking = actions.check_request_booking(
                    centre,
                    data["organisation"],
                    request.user,
                    data["starts_on"],
                    data["ends_on"],
                    data["purpose"],
                )
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
            else:
                messages.success(request, booking.status_label)
                return redirect("accelerator:my_bookings")
        status = 400
    return render(request, "accelerator/book.html", {"centre": centre, "form": form}, status=status)


@login_required
def my_bookings(request: HttpRequest) -> HttpResponse:
    bookings = queries.company_bookings(request.user).order_by("-starts_on", "-pk")[:200]
    return render(request, "accelerator/my_bookings.html", {"bookings": bookings})


def _visible(request: HttpRequest, pk: int) -> Booking:
    return get_object_or_404(
        queries.visible_bookings(request.user).select_related("centre", "organisation"), pk=pk
    )


@login_required
def invitation(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _visible(request, pk)
    response = HttpResponse(ical.booking_invitation(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="booking-{booking.pk}.ics"'
    return response


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _visible(request, pk)
    try:
        actions.check_cancel_booking(booking, request.user, request.POST.get("note", "")[:2000])
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    return redirect(request.POST.get("next") == "queue" and "accelerator:queue" or "accelerator:my_bookings")


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not is_operator(request.user):
        raise PermissionDenied
    bookings = queries.operator_queue(request.user)[:200]
    centres = operated(Centre.objects.all(), request.user).order_by("name")[:200]
    return render(request, "accelerator/queue.html", {"bookings": bookings, "centres": centres})


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_object_or_404(
        operated(Booking.objects.select_related("centre"), request.user, via="centre_id"), pk=pk
    )
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose to confirm or to refuse."))
    decide_with = (
        actions.check_confirm_booking
        if form.cleaned_data["decision"] == "confirm"
        else actions.check_refuse_booking
    )
    try:
        done = decide_with(booking, request.user, form.cleaned_data["note"])
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{done.organisation} · {done.status_label}")
    return redirect("accelerator:queue")


def feed(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The centre's calendar for calendar clients, which cannot sign in: the secret token in the
    address is the permission. The operators see it on the centre's page (and can have it changed
    by an administrator); whoever holds the address reads the centre's bookings, company names
    included, and nothing else."""
    centre = get_object_or_404(Centre, slug=slug)
    if not secrets.compare_digest(token, centre.feed_token):
        raise Http404
    bookings = centre.bookings.filter(status__in=wf.HOLDING).select_related("organisation")
    response = HttpResponse(ical.centre_feed(centre, bookings), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
def utilisation(request: HttpRequest) -> HttpResponse:
    if not (runs_network(request.user) or is_operator(request.user)):
        raise PermissionDenied
    starts_on, ends_on = queries.default_period(timezone.localdate())
    # Test centres: accelerator sites offer training and mentoring rather than bookable test days.
    centres = operated(Centre.objects.filter(is_active=True, kind=CentreKind.TEST_CENTRE), request.user)
    per_centre, per_nation = queries.utilisation(centres, starts_on, ends_on)
    return render(
        request,
        "accelerator/utilisation.html",
        {
            "per_centre": per_centre,
            "per_nation": per_nation,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "under_used": round(100 * queries.UNDER_USED),
            "threshold_x": 220 + round(360 * queries.UNDER_USED),
            "nation_bars": _bars(per_nation),
            "nation_height": 20 * len(per_nation) + 4,
            "nation_caption": _("Utilisation by nation"),
            "centre_bars": _bars(per_centre[:CHART_CENTRES]),
            "centre_height": 20 * len(per_centre[:CHART_CENTRES]) + 4,
            "centre_caption": _("The least used centres"),
        },
    )


CHART_CENTRES = 25  # the least used, in the chart; the table below it lists every centre


def _bars(uses: list[queries.Use]) -> list[dict[str, object]]:
    """Rows of the inline SVG chart: 20 units apart, the bar 360 units at 100 %."""
    return [
        {
            "label": use.label,
            "y": 20 * n,
            "width": round(360 * min(use.share, 1.0)),
            "percent": use.percent,
            "under_used": use.under_used,
        }
        for n, use in enumerate(uses)
    ]
